"""Every rule, listed explicitly: nothing is discovered by scanning folders.

Codes are stable once shipped: S structure, L link, E emphasis, T term, C code, X text,
F file. A rule's docstring is its documentation (``l10ncheck rules``).
"""

from __future__ import annotations

from l10ncheck.rules.base import Rule
from l10ncheck.rules.block_kind import BlockKind
from l10ncheck.rules.bold_coverage import BoldCoverage
from l10ncheck.rules.broken_markup import BrokenMarkup
from l10ncheck.rules.code_block import CodeBlockChanged
from l10ncheck.rules.code_token import CodeTokenChanged
from l10ncheck.rules.empty_file import EmptyTranslation
from l10ncheck.rules.empty_link_text import EmptyLinkText
from l10ncheck.rules.extra_block import ExtraBlock
from l10ncheck.rules.extra_bold import ExtraBold
from l10ncheck.rules.extra_link import ExtraLink
from l10ncheck.rules.extra_section import ExtraSection
from l10ncheck.rules.forbidden_term import ForbiddenTerm
from l10ncheck.rules.front_matter import FrontMatterDrift
from l10ncheck.rules.heading_level import HeadingLevel
from l10ncheck.rules.image_source import ImageSourceChanged
from l10ncheck.rules.inline_code import InlineCodeChanged
from l10ncheck.rules.italic_count import ItalicCount
from l10ncheck.rules.link_punctuation import LinkPunctuation
from l10ncheck.rules.link_target import LinkTargetUntranslated
from l10ncheck.rules.link_url import LinkUrlChanged
from l10ncheck.rules.markup_changed import MarkupChanged
from l10ncheck.rules.list_item_count import ListItemCount
from l10ncheck.rules.list_nesting import ListNesting
from l10ncheck.rules.missing_anchor import MissingAnchor
from l10ncheck.rules.missing_block import MissingBlock
from l10ncheck.rules.missing_bold import MissingBold
from l10ncheck.rules.missing_link import MissingLink
from l10ncheck.rules.missing_page_anchor import MissingPageAnchor
from l10ncheck.rules.missing_section import MissingSection
from l10ncheck.rules.missing_term import MissingTerm
from l10ncheck.rules.missing_translation import MissingTranslation
from l10ncheck.rules.number_changed import NumberChanged
from l10ncheck.rules.orphan_translation import OrphanTranslation
from l10ncheck.rules.split_word_link import SplitWordLink
from l10ncheck.rules.stale_translation import StaleTranslation
from l10ncheck.rules.table_shape import TableShape
from l10ncheck.rules.unreadable_file import UnreadableFile
from l10ncheck.rules.untranslated import UntranslatedBlock
from l10ncheck.rules.unused_suppression import UnusedSuppression

ALL_RULES: tuple[type[Rule], ...] = (
    MissingSection,
    ExtraSection,
    HeadingLevel,
    MissingBlock,
    ExtraBlock,
    ListItemCount,
    ListNesting,
    CodeBlockChanged,
    TableShape,
    BlockKind,
    FrontMatterDrift,
    MarkupChanged,
    MissingLink,
    ExtraLink,
    LinkUrlChanged,
    SplitWordLink,
    LinkPunctuation,
    EmptyLinkText,
    MissingAnchor,
    LinkTargetUntranslated,
    MissingPageAnchor,
    MissingBold,
    ExtraBold,
    BoldCoverage,
    ItalicCount,
    MissingTerm,
    ForbiddenTerm,
    InlineCodeChanged,
    CodeTokenChanged,
    NumberChanged,
    ImageSourceChanged,
    UntranslatedBlock,
    BrokenMarkup,
    UnusedSuppression,
    UnreadableFile,
    OrphanTranslation,
    MissingTranslation,
    EmptyTranslation,
    StaleTranslation,
)

__all__ = ["ALL_RULES", "Rule"]
