from harness import run, where

from l10ncheck.rules.italic_count import ItalicCount

SOURCE = "Binance is *the centralized cryptocurrency exchange* we use."


def test_dropped_italic_is_reported() -> None:
    found = run(ItalicCount, SOURCE, "Binance est la plateforme d'échange centralisée que nous utilisons.")
    assert [d.code for d in found] == ["E304"]
    assert where(found[0]) == (1, 1)
    assert "0 italic spans where the source (en:1) has 1" in found[0].message


def test_translated_italic_is_fine() -> None:
    assert run(ItalicCount, SOURCE,
               "Binance est *la plateforme d'échange centralisée* que nous utilisons.") == []


def test_a_word_left_in_the_source_language_may_be_italicized() -> None:
    source = "Send the data to your observability backend and commit the change."
    target = "Envie os dados para o seu _backend_ de observabilidade e faça o _commit_ da mudança."
    assert run(ItalicCount, source, target) == []
    found = run(ItalicCount, source, "Envie os dados para o _seu_ sistema de observabilidade.")
    assert [d.message for d in found] == ["1 italic span where the source (en:1) has 0"]


def test_scripts_without_italics_may_drop_them() -> None:
    assert run(ItalicCount, SOURCE, {"zh": "Binance 是我们使用的中心化加密货币交易所。",
                                     "ar": "بينانس هي منصة التداول المركزية التي نستخدمها."}) == []
    assert [d.code for d in run(ItalicCount, SOURCE, {"ru": "Binance — централизованная биржа."})] == ["E304"]
