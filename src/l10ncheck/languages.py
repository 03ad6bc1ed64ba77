"""Language codes and writing systems: what a file or folder name means, how text is spaced.

Discovery needs to tell a language folder (``pt-BR/``) from any other folder (``docs/``), and
the link rules need to know where words may run together without spaces (Japanese, Thai)
so that a link boundary inside such text is not mistaken for a split word.
"""

from __future__ import annotations

import re
from bisect import bisect_right

__all__ = [
    "COUNTRY_DOMAINS",
    "ISO_639_1",
    "THREE_LETTER_CODES",
    "has_spaceless_script",
    "is_lang_code",
    "is_spaceless_script_char",
    "names_language",
    "normalize_lang",
]

# The 183 current ISO 639-1 codes. Withdrawn ones (in, iw, ji, jw, mo, sh, bh) are left out:
# docs sites use the current codes, and fewer codes mean fewer folders mistaken for languages.
ISO_639_1 = frozenset(
    """
    aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy
    da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht
    hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky
    la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv ny
    oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr ss
    st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo
    za zh zu
    """.split()  # noqa: SIM905 - a table reads better than quoted strings
)

# Country-code top-level domains where a language is the main official one, by language:
# a link that moves to a site under one of these (mein-deutschbuch.de for a German page)
# points to guidance in the translation's language. Country codes sold as generic domains
# (.co, .io, .ly, .me, .tv, .am, .fm, .to) are left out: they say nothing of the language.
COUNTRY_DOMAINS: dict[str, frozenset[str]] = {
    lang: frozenset(tlds.split()) for lang, tlds in {
        "ar": "sa eg ae ma dz tn jo lb iq om qa kw bh ye sy sd", "az": "az", "bg": "bg",
        "bn": "bd", "ca": "cat ad", "cs": "cz", "da": "dk", "de": "de at ch li",
        "el": "gr", "es": "es mx ar cl pe ve ec gt cu bo do hn py sv ni cr pa uy",
        "et": "ee", "eu": "eus", "fa": "ir", "fi": "fi", "fr": "fr be ch ca lu mc",
        "gl": "gal", "he": "il", "hi": "in", "hr": "hr", "hu": "hu", "hy": "am", "id": "id",
        "it": "it sm", "ja": "jp", "ka": "ge", "kk": "kz", "ko": "kr", "lt": "lt", "lv": "lv",
        "ms": "my", "nb": "no", "nl": "nl be sr", "nn": "no", "no": "no", "pl": "pl",
        "pt": "pt br ao mz", "ro": "ro md", "ru": "ru by kz su", "sk": "sk", "sl": "si",
        "sr": "rs", "sv": "se", "sw": "ke tz", "ta": "lk", "th": "th", "tr": "tr", "uk": "ua",
        "ur": "pk", "uz": "uz", "vi": "vn", "zh": "cn tw hk mo sg",
    }.items()
}

# How a text names a language: its English name and its own name, as the start of a word
# (so inflected forms count: "русской", "Türkçe"), lower case. Used to tell content a
# translation adds about itself (its team, its conventions) from stale or added prose.
LANGUAGE_NAMES: dict[str, tuple[str, ...]] = {
    "ar": ("arabic", "العربية", "عربي"), "bg": ("bulgarian", "български"),
    "bn": ("bengali", "bangla", "বাংলা"), "ca": ("catalan", "català"), "cs": ("czech", "češ", "česk"),
    "da": ("danish", "dansk"), "de": ("german", "deutsch"), "el": ("greek", "ελληνικ"),
    "es": ("spanish", "español", "castellano"), "fa": ("persian", "farsi", "فارسی"),
    "fi": ("finnish", "suomek", "suomen"), "fr": ("french", "français", "francais"),
    "he": ("hebrew", "עברית"), "hi": ("hindi", "हिन्दी", "हिंदी"), "hu": ("hungarian", "magyar"),
    "id": ("indonesian", "bahasa indonesia"), "it": ("italian", "italian"),
    "ja": ("japanese", "日本語"), "ko": ("korean", "한국어", "한글"), "ms": ("malay", "bahasa melayu"),
    "nl": ("dutch", "nederlands"), "no": ("norwegian", "norsk"), "nb": ("norwegian", "norsk"),
    "pl": ("polish", "polsk", "polski"), "pt": ("portuguese", "portugu"), "ro": ("romanian", "român"),
    "ru": ("russian", "русск"), "sk": ("slovak", "slovensk"), "sv": ("swedish", "svensk"),
    "ta": ("tamil", "தமிழ்"), "te": ("telugu", "తెలుగు"), "th": ("thai", "ภาษาไทย"),
    "tr": ("turkish", "türkçe", "türk"), "uk": ("ukrainian", "україн", "українськ"),
    "ur": ("urdu", "اردو"), "vi": ("vietnamese", "tiếng việt"),
    "zh": ("chinese", "中文", "汉语", "漢語", "简体", "繁體", "繁体"),
}


def names_language(text: str, lang: str) -> bool:
    """Does ``text`` name the language ``lang``: its name in English or in itself (at a word
    start, so inflected forms and ``#glossary-localization-korean`` count), or its code
    joined to an identifier or with its region (``dev-es``,
    ``pt-br``, ``#glossary-localization-es``)? A bare code is not enough: ``es`` is a word
    of Spanish."""
    code = normalize_lang(lang)
    primary = code.split("-")[0]
    folded = text.casefold()
    for n, name in enumerate(LANGUAGE_NAMES.get(primary, ())):
        at = folded.find(name)
        while at >= 0:
            end = at + len(name)
            # The English name is a whole word ("German", not "germane"); the language's own
            # name may be inflected ("русской" for "русский").
            if (not name.isascii() or at == 0 or not folded[at - 1].isalnum()) and (
                    n > 0 or end == len(folded) or not folded[end].isalpha()):
                return True
            at = folded.find(name, at + 1)
    # Not a path segment (/bn/observability/): the site's own localized links carry those.
    joined = rf"[\w.]+[-_]{re.escape(code)}|{re.escape(code)}[-_][\w.]+"
    if "-" in code:
        joined += "|" + re.escape(code)  # pt-br is a code even on its own
    return re.search(rf"(?<![\w/-])(?:{joined})(?![\w/])", folded) is not None


# Three-letter codes (ISO 639-2/3) that docs sites actually use for languages without a
# two-letter code. Curated rather than complete: the full ISO 639-3 list contains thousands
# of codes that are also common folder names (``api``, ``doc``, ``img``, ``war``, ``min``).
THREE_LETTER_CODES = frozenset(
    """
    ace ast bho brx ceb chr ckb cmn crh dsb fil frr fur gom gsw hak haw hmn hsb ilo jbo kab
    kmr kok kri lij lld lmo ltg mai mfe mni mos nan nds nso pam pcm quc rue sah scn sco sma
    sme smj smn sms szl tok tpi tzm udm vec vls wuu yue zgh zza
    """.split()  # noqa: SIM905 - a table reads better than quoted strings
)

# ISO 15924 scripts seen in locale tags (zh-Hans, sr-Latn, uz-Cyrl). A closed set, so that a
# file named ``en-docs.md`` or ``is-this.md`` is not read as "language + script".
_SCRIPTS = frozenset(
    """
    adlm arab armn beng brai cans cher cyrl deva ethi geor grek gujr guru hans hant hebr hira
    hrkt jpan kana khmr knda kore laoo latn mlym mong mymr olck orya sinh syrc taml telu tfng
    thaa thai tibt
    """.split()  # noqa: SIM905 - a table reads better than quoted strings
)

_TAG = re.compile(
    r"(?P<lang>[a-z]{2,3})(?:[-_](?P<script>[a-z]{4}))?(?:[-_](?P<region>[a-z]{2}|[0-9]{3}))?"
)


def normalize_lang(code: str) -> str:
    """One spelling per language: ``pt_BR``, ``pt-br`` and ``PT-BR`` all become ``pt-br``."""
    return code.strip().replace("_", "-").lower()


def is_lang_code(name: str) -> bool:
    """Whether ``name`` (a folder name or file stem) is a language tag such as ``es-419``."""
    match = _TAG.fullmatch(name.lower())
    if match is None:
        return False
    lang, script = match["lang"], match["script"]
    if script is not None and script not in _SCRIPTS:
        return False
    return lang in ISO_639_1 or lang in THREE_LETTER_CODES


# Start and end (inclusive) of every block written without spaces between words. Hangul
# (1100-11FF, 3130-318F, AC00-D7AF, FFA0-FFDC) is absent on purpose: Korean uses spaces.
_SPACELESS_RANGES: tuple[tuple[int, int], ...] = (
    (0x0E00, 0x0E7F),  # Thai
    (0x0E80, 0x0EFF),  # Lao
    (0x0F00, 0x0FFF),  # Tibetan
    (0x1000, 0x109F),  # Myanmar
    (0x1780, 0x17FF),  # Khmer
    (0x19E0, 0x19FF),  # Khmer symbols
    (0x2E80, 0x2FDF),  # CJK radicals supplement, Kangxi radicals
    (0x2FF0, 0x303F),  # ideographic description characters, CJK symbols and punctuation
    (0x3040, 0x30FF),  # Hiragana, Katakana
    (0x3100, 0x312F),  # Bopomofo
    (
        0x3190,
        0x31FF,
    ),  # Kanbun, Bopomofo extended, CJK strokes, Katakana phonetic extensions
    (0x3200, 0x33FF),  # enclosed CJK letters and months, CJK compatibility
    (0x3400, 0x4DBF),  # CJK extension A
    (0x4E00, 0x9FFF),  # CJK unified ideographs
    (0xA9E0, 0xA9FF),  # Myanmar extended-B
    (0xAA60, 0xAA7F),  # Myanmar extended-A
    (0xF900, 0xFAFF),  # CJK compatibility ideographs
    (0xFE10, 0xFE1F),  # vertical forms
    (0xFE30, 0xFE4F),  # CJK compatibility forms
    (0xFF00, 0xFF9F),  # fullwidth forms, halfwidth Katakana (halfwidth Hangul follows)
    (0xFFE0, 0xFFEF),  # fullwidth signs
    (0x1B000, 0x1B16F),  # Kana supplement, Kana extended-A, small Kana extension
    (0x20000, 0x2A6DF),  # CJK extension B
    (0x2A700, 0x2EE5F),  # CJK extensions C to F and I
    (0x2F800, 0x2FA1F),  # CJK compatibility ideographs supplement
    (0x30000, 0x323AF),  # CJK extensions G and H
)
_STARTS = tuple(start for start, _ in _SPACELESS_RANGES)


def is_spaceless_script_char(ch: str) -> bool:
    """Whether ``ch`` belongs to a script written without spaces between words.

    A word boundary cannot be inferred from missing spaces next to such characters, so a link
    that starts right after one does not split a word.
    """
    if len(ch) != 1:
        return False
    point = ord(ch)
    if point < 0x0E00:  # fast path: Latin, Cyrillic, Greek, Arabic, Devanagari, ...
        return False
    index = bisect_right(_STARTS, point) - 1
    return index >= 0 and point <= _SPACELESS_RANGES[index][1]


def has_spaceless_script(text: str) -> bool:
    """Whether any character of ``text`` is written without spaces between words."""
    return any(is_spaceless_script_char(ch) for ch in text)


def italic_script(text: str) -> bool:
    """Is the text mostly written in a script with italic typography (Latin, Greek, Cyrillic)?"""
    letters = italic = 0
    for ch in text:
        if ch.isalpha():
            letters += 1
            code = ord(ch)
            if code < 0x250 or 0x370 <= code < 0x530 or 0x1E00 <= code < 0x2000:
                italic += 1
    return not letters or italic * 2 >= letters


# Languages whose scripts have no italic typography (CJK, Thai and its neighbours, Arabic
# and Hebrew scripts, the Indic scripts): their text may hold Latin names, so the language,
# not the block's letters, tells.
_NO_ITALICS = frozenset({
    "zh", "ja", "ko", "th", "lo", "km", "my", "ar", "fa", "ur", "ps", "he", "yi", "hi", "mr",
    "ne", "bn", "as", "pa", "gu", "or", "ta", "te", "kn", "ml", "si", "am", "bo", "dz",
})


def uses_italics(lang: str, text: str) -> bool:
    """Does a translation in ``lang`` mark emphasis with italics in ``text``?"""
    return normalize_lang(lang).split("-")[0] not in _NO_ITALICS and italic_script(text)
