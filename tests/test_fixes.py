"""Safe automatic fixes (``--fix``, ``--diff``): each fix on small files written in the test,
byte for byte, then end to end on a copy of the sample articles."""

from __future__ import annotations

import difflib
import json
import tempfile
import stat
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from l10ncheck import fixes
from l10ncheck.api import check
from l10ncheck.cli import main
from l10ncheck.config import Config
from l10ncheck.rules import ALL_RULES

ROOT = Path(__file__).resolve().parents[1]
U = "https://x.io/guide-setup"
V = "https://x.io/other-page"
SOURCE = f"# Title\n\nWe have instructions for that [here]({U}).\n\nSomething else entirely.\n"


def write_article(tmp: Path, translation: bytes | str, source: str = SOURCE, lang: str = "nl") -> Path:
    folder = tmp / "articles" / "a"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "en.md").write_bytes(source.encode("utf-8"))
    path = folder / f"{lang}.md"
    path.write_bytes(translation if isinstance(translation, bytes) else translation.encode("utf-8"))
    return path


def fix_once(tmp: Path, monkeypatch: pytest.MonkeyPatch, translation: bytes | str,
             source: str = SOURCE) -> tuple[bytes, bytes, list[str]]:
    """Write the article, plan and apply the fixes; (before, after, fixed codes)."""
    path = write_article(tmp, translation, source)
    monkeypatch.chdir(tmp)
    before = path.read_bytes()
    planned = fixes.plan(check(["articles/"], Config()))
    for f in planned:
        fixes.write(f, "en")
    assert (tmp / "articles" / "a" / "en.md").read_bytes() == source.encode("utf-8")
    # idempotent: nothing left to fix
    assert fixes.plan(check(["articles/"], Config())) == []
    return before, path.read_bytes(), sorted(d.code for f in planned for d in f.fixed)


def body(line: str, newline: str = "\n") -> str:
    return newline.join(["# Titel", "", line, "", "Iets heel anders.", ""])


# -- each fix ---------------------------------------------------------------------------------

def test_split_word_link_is_widened_to_the_whole_word(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, after, codes = fix_once(tmp_path, monkeypatch, body(f"Kami ada arahan untuk pe[rkar]({U})a itu."))
    assert after == before.replace(f"pe[rkar]({U})a".encode(), f"[perkara]({U})".encode())
    assert codes == ["L204"]


def test_punctuation_is_moved_out_of_the_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, after, codes = fix_once(tmp_path, monkeypatch, body(f"Instructies vind je [hier.]({U})"))
    assert after == before.replace(f"[hier.]({U})".encode(), f"[hier]({U}).".encode())
    assert codes == ["L205"]


def test_split_word_and_punctuation_on_one_link(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, after, codes = fix_once(tmp_path, monkeypatch, body(f"Instructies vind je h[ier.]({U})  "))
    assert after == before.replace(f"h[ier.]({U})".encode(), f"[hier]({U}).".encode())
    assert codes == ["L204", "L205"]


def test_crlf_file_keeps_its_line_endings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = "---\r\ntitle: x\r\n---\r\n" + body(f"Kami ada arahan untuk pe[rkar]({U})a itu.", "\r\n")
    before, after, _ = fix_once(tmp_path, monkeypatch, text)
    assert b"\r\n" in before and after == before.replace(f"pe[rkar]({U})a".encode(), f"[perkara]({U})".encode())


def test_bom_file_keeps_its_bom(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = f"We have instructions for that [here]({U}).\n"
    text = b"\xef\xbb\xbf" + f"Instructies vind je h[ier.]({U})\n".encode()
    _, after, _ = fix_once(tmp_path, monkeypatch, text, source)
    assert after == b"\xef\xbb\xbf" + f"Instructies vind je [hier]({U}).\n".encode()


def test_cr_only_file_keeps_its_line_endings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before, after, _ = fix_once(tmp_path, monkeypatch, body(f"Instructies vind je h[ier.]({U})", "\r"))
    assert b"\n" not in after
    assert after == before.replace(f"h[ier.]({U})".encode(), f"[hier]({U}).".encode())


def test_non_ascii_before_the_link_on_the_same_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = f"Über 😀 日本語 — één ding: pe[rkar]({U})a, en klaar."
    before, after, _ = fix_once(tmp_path, monkeypatch, body(line))
    assert after == before.replace(f"pe[rkar]({U})a".encode(), f"[perkara]({U})".encode())


def test_two_fixes_on_one_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = f"Read [this]({U}) and [that one]({V}). Too\n"
    line = f"Lees pe[rkar]({U})a en h[ier.]({V}) ook\n"
    _, after, codes = fix_once(tmp_path, monkeypatch, line, source)
    assert after == f"Lees [perkara]({U}) en [hier]({V}). ook\n".encode()
    assert codes == ["L204", "L204", "L205"]


@pytest.mark.parametrize(("line", "fixed"), [
    (f"*Zie [hier.]({U})*", f"*Zie [hier]({U}).*"),  # inside emphasis
    (f"Zie [**hier.**]({U}) nu", f"Zie [**hier**]({U}). nu"),  # bold link text
    (f"Zie [hier.]({U}).", f"Zie [hier]({U})."),  # the period is already outside
    (f"Zie [hier...]({U})", f"Zie [hier]({U})..."),
    (f"Zie [hier.]( <{U}> )", f"Zie [hier]( <{U}> )."),
])
def test_punctuation_variants(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str, fixed: str) -> None:
    before, after, _ = fix_once(tmp_path, monkeypatch, body(line))
    assert after == before.replace(line.encode(), fixed.encode())


def test_french_space_before_the_mark_moves_with_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = f"# Title\n\nWe have instructions for that [here]({U})!\n\nSomething else entirely.\n"
    line = f"Cliquez [ici !]({U})"
    before, after, _ = fix_once(tmp_path, monkeypatch, body(line), source)
    assert after == before.replace(line.encode(), f"Cliquez [ici]({U}) !".encode())


@pytest.mark.parametrize("line", [
    f"Kami ada arahan untuk pe[**rkar**]({U})a itu.",  # the split is inside bold
    f"Kami ada arahan untuk **pe**[rkar]({U})a itu.",  # the letters before are bold
    f"Zie [hier\\.]({U})",  # escaped period
    f"Zie [hier.]({U})x",  # no space after the link
    f"Zie [hier.]({U}), dan",  # other punctuation follows
    f"Zie [hier.]({U})_x",  # a literal underscore, not closing emphasis
    "Kami ada arahan untuk pe[rkar]a itu.\n\n[rkar]: " + U,  # shortcut reference: text = label
])
def test_what_is_not_unambiguous_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, line: str) -> None:
    path = write_article(tmp_path, body(line))
    monkeypatch.chdir(tmp_path)
    report = check(["articles/"], Config())
    assert {d.code for d in report.diagnostics} & {"L204", "L205"}, "the finding is reported"
    assert fixes.plan(report) == []
    assert path.read_bytes() == body(line).encode()


def test_a_fix_that_would_change_the_text_is_dropped(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def careless(doc, site, d, sources):  # type: ignore[no-untyped-def]
        return (fixes.TextEdit(site.open - 2, site.open, ""),), fixes._Expect()  # drops letters

    write_article(tmp_path, body(f"Kami ada arahan untuk pe[rkar]({U})a itu."))
    monkeypatch.chdir(tmp_path)
    monkeypatch.setitem(fixes._FIXERS, "L204", careless)
    report = check(["articles/"], Config())
    (finding,) = [d for d in report.diagnostics if d.code == "L204"]
    data = (tmp_path / "articles" / "a" / "nl.md").read_bytes()
    after, fixed, skipped = fixes.fix_bytes(data, [finding], lambda where: None)
    assert after == data and fixed == ()
    assert skipped == ((finding, "the result would change the text or the links"),)


def test_diff_of_files_without_a_final_newline_or_with_cr_endings() -> None:
    fix = fixes.FileFix("articles/a/nl.md", "nl", b"Zie h[ier.](u)", b"Zie [hier](u).")
    assert fix.diff() == ("--- a/articles/a/nl.md\n+++ b/articles/a/nl.md\n@@ -1 +1 @@\n"
                          "-Zie h[ier.](u)\n\\ No newline at end of file\n"
                          "+Zie [hier](u).\n\\ No newline at end of file\n")
    # patch tools end lines at \n only: a file with \r line endings is one line to them
    fix = fixes.FileFix("nl.md", "nl", b"a\rZie h[ier.](u)\r", b"a\rZie [hier](u).\r")
    assert fix.diff().split("\n")[3:5] == ["-a\rZie h[ier.](u)\r", "\\ No newline at end of file"]


def test_edit_overlap() -> None:
    E = fixes.TextEdit
    assert E(3, 3, "a").overlaps(E(3, 3, "b"))
    assert E(4, 4, "a").overlaps(E(3, 6, ""))
    assert not E(3, 3, "a").overlaps(E(3, 6, ""))  # at the edge of a replaced range
    assert not E(6, 6, "a").overlaps(E(3, 6, ""))
    assert E(2, 5, "").overlaps(E(4, 8, "x")) and not E(2, 4, "").overlaps(E(4, 8, "x"))


# -- URLs -------------------------------------------------------------------------------------

A = "https://support.metamask.io/hc/en-us/articles/4416069050011"


@pytest.mark.parametrize(("source", "target", "why"), [
    (A, A[:-1] + "2", "typo"),
    ("https://docs.x.io/guide/metamask-setup", "https://docs.x.io/guide/metamsk-setup", "typo"),
    ("https://x.io/a?topic=withdrawals", "https://x.io/a?topic=withdrawls", "typo"),
    ("https://x.io/guide/a-rather-long-page-name", "https://x.io/guide/a-rather-lnog-page-name", "typo"),
    ("https://x.io/guide/setup", "https://x.io//guide/setup", "doubled slash"),
    ("https://x.io/guide/setup", "https://x.io/guide//setup", "doubled slash"),
    ("https://x.io/guide/setup", "https://x.io/guide/setup.", "trailing character"),
    ("https://x.io/guide/setup", "https://x.io/guide/setup)", "trailing character"),
    ("https://x.io/guide/setup", "https://x.io/guide/ setup", "stray whitespace"),
    ("https://x.io/guide/setup", "https://x.io/guide/setup%20", "stray whitespace"),
])
def test_provable_url_errors(source: str, target: str, why: str) -> None:
    assert fixes.url_error(source, target) == why


@pytest.mark.parametrize(("source", "target"), [
    ("https://en.wikipedia.org/wiki/Contraction", "https://es.wikipedia.org/wiki/Contraction"),
    ("https://en.wikipedia.org/wiki/Contraction", "https://de.wikipedia.org/wiki/Kontraktion"),
    ("https://x.io/guide/setup-page", "https://x.io/es/guide/setup-page"),
    ("https://x.io/hc/en-us/articles/4416069050011", "https://x.io/hc/en-gb/articles/4416069050011"),
    ("https://x.io/index.en.html", "https://x.io/index.es.html"),
    ("https://x.io/docs/v1/api", "https://x.io/docs/v2/api"),
    ("https://x.io/blog/2023/", "https://x.io/blog/2024/"),
    ("https://x.io/docs/token", "https://x.io/docs/tokens"),
    ("https://x.io/guide/setup", "https://x.io/guide/setupx"),
    (A, A[:-2] + "99"),  # two digits of a 13-digit id: maybe another article
    (A, "https://other.io/hc/en-us/articles/4416069050011"),
    ("http://x.io/a/setup-guide", "https://x.io/a/setup-guide"),
    ("https://x.io/articles/123/setup-guide", "https://x.io/articles/124/setup-guidx"),
    ("/docs/installation", "/docs/instalation"),  # relative: could be a localized file
    ("https://x.io/a", "https://x.io/b"),
])
def test_urls_that_may_be_deliberate_are_left_alone(source: str, target: str) -> None:
    assert fixes.url_error(source, target) is None


def test_mistyped_url_is_restored_and_a_localized_one_left_alone(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    wiki = "https://en.wikipedia.org/wiki/Contraction"
    localized = "https://nl.wikipedia.org/wiki/Contractie"
    source = (f"Read about [withdrawing here]({A}) and [contractions]({wiki}).\n\n"
              f"See [the setup guide](https://x.io/installation#setup).\n")
    translation = (f"Lees [hier]({A[:-1]}2) over opnemen en [contracties]({localized}).\n\n"
                   f"Zie [de gids](https://x.io/instalation#installatie).\n")
    _, after, codes = fix_once(tmp_path, monkeypatch, translation, source)
    assert after.decode() == (
        f"Lees [hier]({A}) over opnemen en [contracties]({localized}).\n\n"
        "Zie [de gids](https://x.io/installation#installatie).\n")  # its own #anchor is kept
    assert codes == ["L203", "L203"]
    remaining = check(["articles/"], Config()).diagnostics
    assert [(d.code, d.severity.value) for d in remaining] == [("L203", "info")]  # the localized one


# -- writing ----------------------------------------------------------------------------------

def planned_for(tmp: Path, monkeypatch: pytest.MonkeyPatch, translation: str) -> fixes.FileFix:
    write_article(tmp, translation)
    monkeypatch.chdir(tmp)
    (planned,) = fixes.plan(check(["articles/"], Config()))
    return planned


def test_write_keeps_the_mode_and_follows_a_symlink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = tmp_path / "articles" / "store" / "nl.txt"  # inside the tree: the link is followed
    real.parent.mkdir(parents=True)
    real.write_text(body(f"Zie h[ier.]({U})"), encoding="utf-8")
    real.chmod(0o640)
    write_article(tmp_path, b"")
    link = tmp_path / "articles" / "a" / "nl.md"
    link.unlink()
    link.symlink_to(real)
    monkeypatch.chdir(tmp_path)
    (planned,) = fixes.plan(check(["articles/"], Config()))
    fixes.write(planned, "en")
    assert link.is_symlink() and f"[hier]({U}).".encode() in real.read_bytes()
    assert stat.S_IMODE(real.stat().st_mode) == 0o640
    assert [p.name for p in real.parent.iterdir() if "l10ncheck-fix" in p.name] == []


def test_write_refuses_a_source_file_and_a_changed_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    planned = planned_for(tmp_path, monkeypatch, body(f"Zie h[ier.]({U})"))
    with pytest.raises(fixes.FixError, match="source"):
        fixes.write(planned, "nl")
    Path(planned.path).write_text(body(f"Zie h[ier.]({U}) nu"), encoding="utf-8")
    with pytest.raises(fixes.FixError, match="changed"):
        fixes.write(planned, "en")
    assert Path(planned.path).read_text(encoding="utf-8") == body(f"Zie h[ier.]({U}) nu")


def test_every_fixable_rule_has_a_fixer() -> None:
    assert fixes.fixable_codes() == set(fixes._FIXERS) == {"L203", "L204", "L205"}
    assert {r.code for r in ALL_RULES if r.info().fixable} == {"L203", "L204", "L205"}


def test_rules_command_says_which_rules_are_fixable() -> None:
    result = CliRunner().invoke(main, ["rules"])
    assert "L204  split-word-link  [link, warning]  fixable with --fix" in result.stdout
    assert "S101  missing-section  [structure, warning]\n" in result.stdout
    rules = json.loads(CliRunner().invoke(main, ["rules", "--format", "json"]).stdout)
    assert sorted(r["code"] for r in rules if r["fixable"]) == ["L203", "L204", "L205"]


# -- end to end on the sample -----------------------------------------------------------------

SAMPLE = "articles/using-metamask-with-binance"
MS_LINK = "(https://support.metamask.io/hc/en-us/articles/360059876052)"
NL_LINK = "(https://support.metamask.io/hc/en-us/articles/4411972525851)"
# The repairs a careful human makes, and nothing else.
REPAIRS = {
    f"{SAMPLE}/ms.md": (f"untuk pe[rkar]{MS_LINK}a tersebut", f"untuk [perkara]{MS_LINK} tersebut"),
    f"{SAMPLE}/nl.md": (f"vind je h[ier.]{NL_LINK}  \n", f"vind je [hier]{NL_LINK}.  \n"),
}


def expected_diff() -> str:
    out = []
    for path, (old, new) in sorted(REPAIRS.items()):
        before = (ROOT / path).read_text(encoding="utf-8")
        assert before.count(old) == 1
        after = before.replace(old, new)
        out.extend(difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True),
                                        f"a/{path}", f"b/{path}"))
    return "".join(out)


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def snapshot(tree: Path) -> dict[str, bytes]:
    return {str(p.relative_to(tree)): p.read_bytes() for p in sorted((tree / "articles").rglob("*"))
            if p.is_file()}


def findings(out: str) -> set[tuple[str, str, int, int, str]]:
    return {(f["rule"], f["lang"], f["line"], f["column"], f["message"]) for f in json.loads(out)["findings"]}


def test_diff_prints_the_repairs_and_writes_nothing(tree: Path) -> None:
    before = snapshot(tree)
    code, out, _ = run("articles/", "--diff", "--no-cache")
    assert code == 1
    assert out == expected_diff()
    assert [line[:1] for line in out.splitlines() if line[:1] in "+-"] == ["-", "+", "-", "+"] * 2
    assert snapshot(tree) == before
    assert run("articles/", "--diff", "--fix", "--no-cache")[:2] == (1, out)  # --diff wins
    assert snapshot(tree) == before
    assert run("articles/", "--diff", "--output", "x.txt")[0] == 2


def test_fix_repairs_exactly_the_split_links_of_the_sample(tree: Path) -> None:
    before = snapshot(tree)
    _, out, _ = run("articles/", "--format", "json", "--no-cache")
    old = findings(out)
    code, out, err = run("articles/", "--fix", "--format", "json", "--no-cache")
    assert code == 1  # T401 and S107 remain: they need a translator
    assert err.splitlines() == [f"fixed 1 finding in articles/{SAMPLE[9:]}/ms.md",
                                f"fixed 2 findings in articles/{SAMPLE[9:]}/nl.md"]
    after = snapshot(tree)
    assert after[f"{SAMPLE}/en.md"] == before[f"{SAMPLE}/en.md"]  # the source, byte for byte
    changed = {p for p in after if after[p] != before[p]}
    assert changed == set(REPAIRS)
    got = "".join(line for p in sorted(changed) for line in difflib.unified_diff(
        before[p].decode().splitlines(keepends=True), after[p].decode().splitlines(keepends=True),
        f"a/{p}", f"b/{p}"))
    assert got == expected_diff()
    # the report after --fix is the new lint: the fixed findings gone, nothing new
    new = findings(out)
    assert {f[0] for f in old - new} == {"L204", "L205"} and len(old - new) == 3
    assert new <= old
    assert findings(run("articles/", "--format", "json", "--no-cache")[1]) == new
    # a second --fix changes nothing, and there is nothing left to diff
    code, _, err = run("articles/", "--fix", "--no-cache")
    assert code == 1 and err == "" and snapshot(tree) == after
    assert run("articles/", "--diff", "--no-cache")[:2] == (0, "")


def test_fix_exits_0_when_nothing_remains_at_the_fail_level(tree: Path) -> None:
    assert run("articles/", "--select", "link")[0] == 1
    assert run("articles/", "--fix", "--select", "link")[0] == 0


def test_fix_respects_ignore_and_the_baseline(tree: Path) -> None:
    before = snapshot(tree)
    run("articles/", "--fix", "--ignore", "L204,L205")
    assert snapshot(tree) == before
    run("articles/", "--baseline", "base.json", "--update-baseline")
    code, _, err = run("articles/", "--fix", "--baseline", "base.json")
    assert code == 0 and err == "" and snapshot(tree) == before  # accepted findings stay


def test_fix_of_one_named_file_edits_only_that_file(tree: Path) -> None:
    before = snapshot(tree)
    _, out, err = run(f"{SAMPLE}/nl.md", "--fix", "--format", "json", "--no-cache")
    assert err == f"fixed 2 findings in {SAMPLE}/nl.md\n"
    assert {p for p in before if snapshot(tree)[p] != before[p]} == {f"{SAMPLE}/nl.md"}
    assert ("L204", "ms") in {(f["rule"], f["lang"]) for f in json.loads(out)["findings"]}


def test_fix_reports_a_file_it_cannot_write(tree: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    before = snapshot(tree)
    monkeypatch.setattr(fixes.tempfile, "mkstemp", refuse)
    code, _, err = run("articles/", "--fix", "--no-cache")
    assert code == 2
    assert f"l10ncheck: error: cannot fix {SAMPLE}/ms.md: Permission denied" in err.splitlines()
    assert snapshot(tree) == before


# -- property: whatever the split and the line endings, fixing never breaks anything -----------

WORDS = st.sampled_from(["kami", "über", "日本", "ça", "перкара", "x1", "be-ta", "a_b", "**vet**", "`code`"])


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(before=st.lists(WORDS, max_size=3), inside=st.lists(WORDS, min_size=1, max_size=3),
       after=st.lists(WORDS, max_size=3), left=st.sampled_from(["", " ", "pe", "h", "\\"]),
       right=st.sampled_from(["", " ", "a", "je", "_"]), mark=st.sampled_from(["", ".", " !", "...", ".\\"]),
       tail=st.sampled_from(["", ".", " x", "x", ","]), newline=st.sampled_from(["\n", "\r\n", "\r"]),
       bom=st.booleans())
def test_fixes_never_change_the_text_and_are_idempotent(before: list[str], inside: list[str], after: list[str],
                                                        left: str, right: str, mark: str, tail: str,
                                                        newline: str, bom: bool) -> None:
    line = (" ".join(before) + " " + left + "[" + " ".join(inside) + mark + f"]({U})" + right + tail
            + " " + " ".join(after)).strip()
    translation = ("\ufeff" if bom else "") + newline.join(["# Titel", "", line, "", "Iets anders.", ""])
    with tempfile.TemporaryDirectory() as folder:
        path = write_article(Path(folder), translation)
        source = (Path(folder) / "articles" / "a" / "en.md").read_bytes()
        report = check([str(Path(folder) / "articles")], Config())
        for f in fixes.plan(report):
            fixes.write(f, "en")
        fixed = path.read_bytes()
        assert (Path(folder) / "articles" / "a" / "en.md").read_bytes() == source
        assert fixed.startswith(b"\xef\xbb\xbf") == bom
        assert fixed.count(newline.encode()) == translation.encode().count(newline.encode())
        assert fixes.plan(check([str(Path(folder) / "articles")], Config())) == []
