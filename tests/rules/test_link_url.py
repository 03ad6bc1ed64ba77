from harness import run, where

from l10ncheck.rules.link_url import LinkUrlChanged


def test_other_article_number_is_reported() -> None:
    found = run(LinkUrlChanged,
                "Read about [withdrawing here](https://support.metamask.io/hc/articles/4416069050011).",
                "Lees [hier](https://support.metamask.io/hc/articles/4416069050012) over opnemen.")
    assert [d.code for d in found] == ["L203"]
    assert where(found[0]) == (1, 6)
    assert "link points to https://support.metamask.io/hc/articles/4416069050012" in found[0].message


def test_same_page_in_the_translation_language_is_fine() -> None:
    source = ("See [the guide](https://docs.x.io/en/guide/bridge), [BNB](https://en.wikipedia.org/wiki/BNB)"
              " and [the FAQ](https://help.x.io/hc/en-us/articles/115).")
    assert run(LinkUrlChanged, source, {
        "ru": "См. [руководство](https://docs.x.io/ru/guide/bridge), [BNB](https://ru.wikipedia.org/wiki/BNB)"
              " и [FAQ](https://help.x.io/hc/ru/articles/115).",
        "ms": "Lihat [panduan](https://docs.x.io/ms/guide/bridge), [BNB](https://ms.wikipedia.org/wiki/BNB)"
              " dan [soalan lazim](https://help.x.io/hc/ms/articles/115).",
    }) == []


def test_configured_rewrite_makes_the_localized_url_the_same_destination() -> None:
    from harness import body

    from l10ncheck.api import Shared, check_documents
    from l10ncheck.site import SiteIndex
    from l10ncheck.urls import UrlRewrite

    site = SiteIndex(rewrites=(
        UrlRewrite("https://example.com/help/{path}", "https://example.{tld:jp|de}/hilfe/{path}", ("ja", "de")),
        UrlRewrite("https://x.io/articles/{id:[0-9]+}-{title}", "https://x.io/{lang}/articles/{id}-{localized}"),
    ))

    def run(source: str, translation: str, lang: str = "ja") -> list:  # type: ignore[type-arg]
        docs = {"en": ("en.md", body(source)), lang: (f"{lang}.md", body(translation))}
        return check_documents("a", "en", docs, [LinkUrlChanged()], (), None, None, Shared(site=site))

    assert run("[Help](https://example.com/help/a/b/)", "[ヘルプ](https://example.jp/hilfe/a/b)") == []
    assert run("[Post](https://x.io/articles/12-hello)", "[記事](https://x.io/ja/articles/12-konnichiwa)") == []
    assert run("[Post](https://x.io/articles/12-hello)", "[Post](https://x.io/pt_BR/articles/12-ola)", "pt-br") == []
    assert len(run("[Help](https://example.com/help/a/b/)", "[ヘルプ](https://example.jp/hilfe/a/c)")) == 1
    assert len(run("[Post](https://x.io/articles/12-hello)", "[記事](https://x.io/ja/articles/13-hello)")) == 1
    assert len(run("[Post](https://x.io/articles/12-hello)", "[記事](https://x.io/de/articles/12-hallo)")) == 1
    assert len(run("[Help](https://example.com/help/a)", "[Hilfe](https://example.jp/hilfe/a)", "fr")) == 1


def test_another_profile_on_the_same_site_is_not_a_changed_url() -> None:
    # Two different people's profiles on one host: one link missing, one added, not one
    # link pointed elsewhere (a locale's own credits).
    found = run(LinkUrlChanged,
                "Thanks to [Ann Lee](https://www.linkedin.com/in/annlee/).",
                "Merci à [Marc Dubois](https://www.linkedin.com/in/marc-dubois-0422/).")
    assert found == []


def test_links_of_a_reordered_list_are_only_info() -> None:
    from l10ncheck.diagnostics import Severity

    source = ("## Next steps\n\nFrom here, you can start learning how it is used:\n\n"
              "- [Configuration](/docs/configuration): Learn how the config file works.\n"
              "- [Deployment patterns](/docs/deploy/): Understand agents and gateways.\n"
              "- [Install the Collector](/docs/install/): Explore installation options.\n"
              "- [Component registry](/registry/): Browse available receivers.\n")
    translation = ("## Próximos passos\n\nComo próximos passos, considere:\n\n"
                   "- Explorar maneiras de [instalar o Collector](/docs/install/).\n"
                   "- Aprender sobre os modos em [Deployment Methods](/docs/deploy/).\n"
                   "- Conhecer a estrutura de [configuração](/docs/configuration) do Collector.\n"
                   "- Explorar os componentes no [registro](/registry/).\n")
    found = run(LinkUrlChanged, source, {"fr": translation})
    assert found and all(d.severity is Severity.INFO for d in found)
    # A link changed to a page the source does not link: a warning.
    found = run(LinkUrlChanged, source, {"fr": translation.replace("/docs/configuration", "/docs/config")})
    assert Severity.WARNING in [d.severity for d in found]


def test_a_relative_link_to_the_same_page_as_a_site_absolute_one_is_fine() -> None:
    from l10ncheck.api import check_documents

    src = "See the [operator](../platforms/operator/) for more.\n"
    tgt = "Consulte el [operador](/docs/platforms/operator/) para más.\n"
    docs = {"en": ("en.md", src), "es": ("es.md", tgt)}
    assert check_documents("docs/what-is-otel", "en", docs, [LinkUrlChanged()]) == []
    other = {"en": ("en.md", src), "es": ("es.md", tgt.replace("/docs/platforms/", "/docs/other/"))}
    assert len(check_documents("docs/what-is-otel", "en", other, [LinkUrlChanged()])) == 1


def test_a_query_string_does_not_change_a_page_of_the_site() -> None:
    src = "Read the [metrics](/docs/specs/metrics/?link-check=no#usage) spec.\n"
    assert run(LinkUrlChanged, src, {"zh": "阅读 [指标](/docs/specs/metrics/#usage) 规范。\n"}) == []
    external = "Open [the form](https://github.com/o/r/issues/new?template=bug.yml).\n"
    found = run(LinkUrlChanged, external, {"es": "Abra [el formulario](https://github.com/o/r/issues/new?title=x).\n"})
    assert len(found) == 1


def test_guidance_moved_to_a_site_in_the_translations_language_is_info() -> None:
    source = ("Use [plain words](https://www.plainlanguage.gov/guidelines/) and "
              "[short sentences](https://example.org/style?hl=en).")
    found = run(LinkUrlChanged, source, {
        "de": "Nutze [einfache Wörter](https://www.mein-deutschbuch.de/stil.html) und "
              "[kurze Sätze](https://example.org/style?hl=de).",
        "tr": "Kullan [sade sözcükler](https://sozluk.gov.tr/) ve [kısa cümleler](https://example.org/tr/style).",
    })
    assert [(d.lang, d.severity.value) for d in found] == [("de", "info")] * 2 + [("tr", "info")] * 2
    assert "a site in the translation's language" in found[0].message


def test_a_link_moved_to_a_site_that_names_no_language_is_still_a_warning() -> None:
    found = run(LinkUrlChanged, "Use [plain words](https://www.plainlanguage.gov/guidelines/).",
                {"de": "Nutze [einfache Wörter](https://www.example.com/stil.html).",
                 "es": "Usa [palabras sencillas](https://bit.co/x).",
                 "fr": "Utilisez [des mots simples](https://www.mots.de/x)."})
    assert [(d.lang, d.severity.value) for d in found] == [("de", "warning"), ("es", "warning"), ("fr", "warning")]


def test_a_link_left_unpinned_where_the_source_pins_a_revision_is_a_changed_url() -> None:
    source = "See [the package](https://github.com/o/r/tree/848eb220bc83bb0a/otelconf) and [docs](https://o.io/d)."
    found = run(LinkUrlChanged, source,
                "Veja [o pacote](https://github.com/o/r/tree/main/otelconf) e [docs](https://o.io/d).")
    assert [(d.code, d.severity.value) for d in found] == [("L203", "warning")]


def test_a_site_absolute_link_to_the_path_the_source_links_in_full_is_info() -> None:
    source = "A [container](https://glossary.cncf.io/container/) runs [code](https://example.com/code/)."
    found = run(LinkUrlChanged, source,
                {"it": "Un [contenitore](/it/container/) esegue [codice](/it/other/)."})
    assert [(d.severity.value, "the same path on this site" in d.message) for d in found] == [
        ("info", True), ("warning", False)]
