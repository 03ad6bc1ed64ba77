"""Helpers every rule shares (rules/base.py): where a missing element is reported."""

from __future__ import annotations

from harness import run, where

from l10ncheck.rules.missing_link import MissingLink

TABLE = ("| Language | Services |\n|---|---|\n| .NET | [Accounting](/accounting/) |\n"
         "| Elixir | [Flagd UI](/flagd-ui/) |\n| Go | [Checkout](/checkout/) |\n"
         "| Python | [Agent](/agent/), [Chatbot](/chatbot/) |\n")


def test_a_link_missing_from_a_table_row_is_reported_on_that_row() -> None:
    # The translation lacks the Elixir row and Python's second link: each finding names the
    # row where the link belongs (by its first cell, else by its place), not the header.
    es = ("| Lenguaje | Servicios |\n|---|---|\n| .NET | [Contabilidad](/accounting/) |\n"
          "| Go | [Pago](/checkout/) |\n| Python | [Agente](/agent/) |\n")
    found = run(MissingLink, TABLE, es)
    assert sorted((d.message.split(" → ")[0], where(d)) for d in found) == [
        ('link "Chatbot"', (5, 3)), ('link "Flagd UI"', (4, 3))]


def test_a_link_missing_from_a_paragraph_is_reported_at_its_sentence() -> None:
    source = "Read the guide first. Then open [the wallet](https://w.io/) and pay."
    found = run(MissingLink, source, "Lee la guía primero. Luego abre la cartera y paga.")
    assert [where(d) for d in found] == [(1, 22)]
