"""The HTML report in a real browser: headless Chromium, driven by Playwright.

Loads the report of the sample articles from a file:// URL as a reader would, checks that the
page logs no error, that filters hide rows and keys move between findings, that it reads
without JavaScript, and that an article made of script, event handlers and ``javascript:``
links runs nothing. A screenshot goes to ``reports/screenshots/`` for people to look at.

Needs Debian's ``chromium`` and Playwright for Python (``.ci/browser-setup`` installs both);
skips when either is missing. Playwright never downloads a browser here: it is always
pointed at the system's Chromium.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.pages import ROOT, hostile_report, sample_report, write_page

# CI sets L10NCHECK_REQUIRE_BROWSER=1: there a missing browser is a failure, not a skip.
REQUIRED = os.environ.get("L10NCHECK_REQUIRE_BROWSER") == "1"
if REQUIRED:
    import playwright.sync_api as sync_api
else:
    sync_api = pytest.importorskip(
        "playwright.sync_api", reason="Playwright for Python is not installed (see .ci/browser-setup)"
    )
CHROMIUM = (os.environ.get("L10NCHECK_CHROMIUM") or shutil.which("chromium")
            or shutil.which("chromium-browser"))
if not CHROMIUM:
    if REQUIRED:
        raise RuntimeError("L10NCHECK_REQUIRE_BROWSER=1 but no chromium on PATH")
    pytest.skip("no chromium on PATH (Debian package `chromium`, see .ci/browser-setup)",
                allow_module_level=True)

ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--no-first-run", "--disable-sync",
]
SCREENSHOTS = ROOT / "reports" / "screenshots"
TITLE = "l10ncheck drift report"

# Runs before the page's own code (through the DevTools protocol, not as page script), so it
# sees every Content-Security-Policy violation: a page that attempts nothing reports none.
WATCH = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", function (e) {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        try:
            yield chromium
        finally:
            chromium.close()


class Tab:
    """A page plus everything it logged."""

    def __init__(self, browser: Any, url: str, *, javascript: bool = True) -> None:
        self.context = browser.new_context(viewport={"width": 1500, "height": 1000},
                                           java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.errors: list[str] = []
        self.page.on("console", lambda m: self.errors.append(f"console {m.type}: {m.text}")
                     if m.type in ("error", "warning") else None)
        self.page.on("pageerror", lambda e: self.errors.append(f"page error: {e}"))
        self.page.on("request", lambda r: None if r.url.startswith("file:") else
                     self.errors.append(f"network request: {r.url}"))
        self.page.add_init_script(WATCH)
        self.page.goto(url)
        self.page.wait_for_load_state("load")

    def visible_rows(self) -> int:
        return self.page.locator("tr.row:visible").count()

    def shown(self) -> str:
        return self.page.locator("#shown").inner_text()

    def current(self) -> str:
        return self.page.evaluate("document.activeElement.id")

    def close(self) -> None:
        self.context.close()


@pytest.fixture(scope="module")
def sample_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    workdir = tmp_path_factory.mktemp("sample")
    report = sample_report(workdir)
    assert report.diagnostics, "the sample articles drift"
    return write_page(report, workdir / "drift.html").as_uri()


@pytest.fixture(scope="module")
def hostile_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    workdir = tmp_path_factory.mktemp("hostile")
    return write_page(hostile_report(workdir), workdir / "drift.html").as_uri()


def test_sample_report_loads_cleanly_and_filters_hide_rows(browser: Any, sample_url: str) -> None:
    tab = Tab(browser, sample_url)
    page = tab.page
    try:
        assert page.title() == TITLE
        assert page.locator("#filters").is_visible()  # the script ran
        notes = page.locator(".note").count()
        assert notes > 0 and tab.shown() == f"{notes} of {notes} findings shown"
        rows = tab.visible_rows()
        assert rows > 0

        page.check("#only-findings")
        with_findings = tab.visible_rows()
        assert 0 < with_findings < rows

        page.uncheck("input[name=rule][value=T401]")
        assert tab.visible_rows() < with_findings
        assert page.locator(".note[data-rule=T401]:visible").count() == 0
        t401 = page.locator(".note[data-rule=T401]").count()
        assert tab.shown() == f"{notes - t401} of {notes} findings shown"

        page.uncheck("input[name=lang][value=nl]")
        assert not page.locator("th[data-col-lang=nl]").is_visible()
        assert page.locator("th[data-col-lang=ms]").is_visible()
        assert page.locator(".note[data-lang=nl]:visible").count() == 0

        page.click("#reset")
        assert tab.visible_rows() == rows and tab.shown() == f"{notes} of {notes} findings shown"

        page.fill("#q", "perkara")
        assert tab.shown() == f"1 of {notes} findings shown"
        page.fill("#q", "")

        page.locator("body").click(position={"x": 5, "y": 5})
        first, second = page.locator(".note").nth(0), page.locator(".note").nth(1)
        page.keyboard.press("j")
        assert tab.current() == first.get_attribute("id")
        assert "current" in (first.get_attribute("class") or "")
        page.keyboard.press("n")
        assert tab.current() == second.get_attribute("id")
        page.keyboard.press("k")
        assert tab.current() == first.get_attribute("id")
        page.keyboard.press("/")
        assert tab.current() == "q"
        page.keyboard.press("Escape")

        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.keyboard.press("j")
        page.screenshot(path=str(SCREENSHOTS / "html-report-finding.png"))
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(SCREENSHOTS / "html-report.png"), full_page=True)
        assert page.evaluate("window.__violations") == []
        assert tab.errors == []
    finally:
        tab.close()


def test_report_reads_without_javascript(browser: Any, sample_url: str) -> None:
    tab = Tab(browser, sample_url, javascript=False)
    try:
        page = tab.page
        assert not page.locator("#filters").is_visible()  # filters need the script
        notes = page.locator(".note")
        assert notes.count() > 0
        assert all(notes.nth(i).is_visible() for i in range(notes.count()))
        assert page.locator("table.heat").is_visible()
        assert page.locator("mark.hl").first.is_visible()
        assert tab.errors == []
    finally:
        tab.close()


def test_hostile_article_runs_nothing(browser: Any, hostile_url: str, tmp_path: Path) -> None:
    # First prove the probe works: the same payload, unescaped, does run.
    control = tmp_path / "control.html"
    control.write_text("<title>t</title><script>document.title = 'pwned'; window.pwned = 1;</script>",
                       encoding="utf-8")
    probe = Tab(browser, control.as_uri())
    try:
        assert probe.page.evaluate("window.pwned") == 1 and probe.page.title() == "pwned"
    finally:
        probe.close()

    tab = Tab(browser, hostile_url)
    page = tab.page
    try:
        # Exercise the page: click every highlight, walk every finding, filter, search.
        for i in range(page.locator("mark.hl").count()):
            page.locator("mark.hl").nth(i).click()
        for _ in range(page.locator(".note").count() + 1):
            page.keyboard.press("j")
        page.uncheck("input[name=lang][value=de]")
        page.fill("#q", "<script>")
        page.click("#reset")
        page.wait_for_timeout(200)

        assert page.title() == TITLE
        assert page.evaluate("typeof window.pwned") == "undefined"
        assert page.evaluate("document.scripts.length") == 1
        assert page.locator("img, svg, iframe, object, embed, textarea").count() == 0
        assert page.evaluate(
            "[...document.querySelectorAll('[href],[src]')]"
            ".filter(e => !(e.getAttribute('href') || '').startsWith('#')).length"
        ) == 0
        # The hostile text is on screen, as text.
        assert page.get_by_text("window.pwned=7", exact=False).first.is_visible()
        assert page.evaluate("window.__violations") == []
        assert page.evaluate("location.href") == hostile_url
        assert tab.errors == []
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / "html-report-hostile.png"), full_page=True)
    finally:
        tab.close()
