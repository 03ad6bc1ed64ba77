from harness import body, where

from l10ncheck.api import check_documents
from l10ncheck.glossary import Glossary
from l10ncheck.rules.forbidden_term import ForbiddenTerm

GLOSSARY = Glossary.read("g.csv", "term,forbidden,replacement\nBinance Smart Chain,yes,BNB Smart Chain\n")
SOURCE = "Send it to BNB Smart Chain (formerly Binance Smart Chain).\n"


def findings(translation: str) -> list:  # type: ignore[type-arg]
    docs = {"en": ("en.md", body(SOURCE)), "nl": ("nl.md", body(translation))}
    return check_documents("a", "en", docs, [ForbiddenTerm()], GLOSSARY)


def test_deprecated_name_in_the_translation_is_reported_with_its_replacement() -> None:
    found = findings("Stuur het naar Binance Smart Chain (voorheen Binance Smart Chain).\n")
    assert [d.code for d in found] == ["T402"]
    assert where(found[0]) == (1, 16)
    assert found[0].suggestion == "BNB Smart Chain"


def test_the_sources_own_mention_is_allowed() -> None:
    assert findings("Stuur het naar BNB Smart Chain (voorheen Binance Smart Chain).\n") == []
