"""How well does l10ncheck's per-page verdict agree with opentelemetry.io's own drift label?

opentelemetry.io's localization tooling writes ``drifted_from_default: true`` into a translated
page's front matter when the English page changed after the commit the translation was made
from (``default_lang_commit``), and ``drifted_from_default: file not found`` when the English
page is gone. That label is our reference here: for every translated page that has an English
counterpart, l10ncheck's verdict (the page has at least one finding) is compared with it.

    python benchmarks/drifted_agreement.py                      # ../shared/corpus/opentelemetry
    python benchmarks/drifted_agreement.py --report otel.json   # findings of an earlier run
    python benchmarks/drifted_agreement.py --json               # the numbers, machine-readable

Run it from the repository root: the paths of a saved report are relative to where l10ncheck
ran, and are matched against the pages on disk from the current folder.

Verdicts compared (file rules F7xx are always left out: they are about files, not drift):

- ``warning+``: a page is drifted when it has a finding of severity warning or error (the
  findings that fail CI); the main number;
- ``any``: info findings count too;
- ``structure``: only structure rules (S1xx) at warning or error.

For each: the confusion matrix (label × verdict), precision and recall of l10ncheck against the
label, agreement (share of pages where both say the same) and Cohen's kappa (agreement beyond
what two independent raters with the same base rates would reach by chance).

Keep in mind what the label measures: *any* change of the English page after the translation,
including text-only edits (a reworded sentence, a fixed typo) that no structure check can see,
and edits of front matter only. A page can also be up to date in structure while its English
text moved on, and translations can drift from an English page that never changed (a dropped
link, a renamed product), which the label does not see. Neither is ground truth for the other.
"""

from __future__ import annotations

import argparse
import json
import signal
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import yaml  # type: ignore[import-untyped, unused-ignore]

HERE = Path(__file__).resolve().parent
SRC = HERE.parent / "src"
DEFAULT_CORPUS = HERE.parent.parent / "shared" / "corpus" / "opentelemetry"
SOURCE_LANG = "en"
SEVERE = {"warning", "error"}


def run_check(corpus: Path, jobs: int) -> list[dict[str, Any]]:
    if str(SRC) not in sys.path:
        sys.path.insert(0, str(SRC))
    from l10ncheck.api import check
    from l10ncheck.config import load_config
    from l10ncheck.reporters.json import finding

    report = check([str(corpus)], load_config(str(corpus)), jobs=jobs, cache_dir=None)
    return [finding(d) for d in report.diagnostics]


def load_report(path: str) -> list[dict[str, Any]]:
    with open(path, encoding="utf-8") as handle:
        document = json.load(handle)
    return list(document["findings"] if isinstance(document, dict) else document)


def front_matter(path: Path) -> dict[str, Any]:
    text = path.read_text(encoding="utf-8", errors="replace")
    if not text.startswith("---"):
        return {}
    end = text.find("\n---", 3)
    if end < 0:
        return {}
    try:
        data = yaml.safe_load(text[3:end])
    except yaml.YAMLError:
        return {}
    return data if isinstance(data, dict) else {}


def pages(corpus: Path) -> tuple[dict[Path, dict[str, Any]], Counter[str]]:
    """Every translated page with an English counterpart → its label and language;
    and counts of the pages left out (orphans)."""
    content = corpus / "content"
    found: dict[Path, dict[str, Any]] = {}
    skipped: Counter[str] = Counter()
    for lang_dir in sorted(p for p in content.iterdir() if p.is_dir()):
        lang = lang_dir.name
        if lang == SOURCE_LANG:
            continue
        for path in sorted(lang_dir.rglob("*.md")):
            relative = path.relative_to(lang_dir)
            value = front_matter(path).get("drifted_from_default")
            if not (content / SOURCE_LANG / relative).is_file():
                skipped["no English page" + (" (labelled 'file not found')"
                                             if value == "file not found" else "")] += 1
                continue
            found[path.resolve()] = {
                "lang": lang,
                "path": str(Path("content") / lang / relative),
                "label": value is True or str(value).lower() == "true",
                "raw": value,
            }
    return found, skipped


def verdicts(findings: list[dict[str, Any]], known: dict[Path, dict[str, Any]]
             ) -> dict[str, dict[Path, list[str]]]:
    """Per variant, the rule codes that make each page drifted."""
    out: dict[str, dict[Path, list[str]]] = {"warning+": {}, "any": {}, "structure": {}}
    for f in findings:
        if f["rule"].startswith("F7"):
            continue
        path = Path(f["path"]).resolve()
        if path not in known:
            continue
        out["any"].setdefault(path, []).append(f["rule"])
        if f["severity"] in SEVERE:
            out["warning+"].setdefault(path, []).append(f["rule"])
            if f["rule"].startswith("S1"):
                out["structure"].setdefault(path, []).append(f["rule"])
    return out


def scores(tp: int, fp: int, fn: int, tn: int) -> dict[str, float | None]:
    n = tp + fp + fn + tn
    precision = tp / (tp + fp) if tp + fp else None
    recall = tp / (tp + fn) if tp + fn else None
    agreement = (tp + tn) / n if n else None
    chance = ((tp + fp) * (tp + fn) + (fn + tn) * (fp + tn)) / (n * n) if n else None
    kappa = ((agreement - chance) / (1 - chance)
             if agreement is not None and chance is not None and chance < 1 else None)
    f1 = (2 * precision * recall / (precision + recall)
          if precision is not None and recall is not None and precision + recall else None)
    return {"precision": precision, "recall": recall, "f1": f1, "agreement": agreement,
            "chance_agreement": chance, "kappa": kappa}


def matrix(known: dict[Path, dict[str, Any]], flagged: dict[Path, list[str]],
           subset: set[Path] | None = None) -> dict[str, int]:
    tp = fp = fn = tn = 0
    for path, info in known.items():
        if subset is not None and path not in subset:
            continue
        said = path in flagged
        if info["label"] and said:
            tp += 1
        elif said:
            fp += 1
        elif info["label"]:
            fn += 1
        else:
            tn += 1
    return {"tp": tp, "fp": fp, "fn": fn, "tn": tn}


def fmt(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.3f}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", nargs="?", default=str(DEFAULT_CORPUS),
                        help="the opentelemetry corpus folder (default: ../shared/corpus/opentelemetry)")
    parser.add_argument("--report", help="read findings from this l10ncheck --format json report "
                        "(a run on the same corpus) instead of running l10ncheck")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes for the run")
    parser.add_argument("--json", action="store_true", help="print the numbers as JSON")
    args = parser.parse_args(argv)

    corpus = Path(args.corpus)
    if not (corpus / "content" / SOURCE_LANG).is_dir():
        parser.error(f"{corpus}: no content/{SOURCE_LANG}/ folder (not the opentelemetry corpus?)")
    known, skipped = pages(corpus)
    findings = load_report(args.report) if args.report else run_check(corpus, args.jobs)
    flagged = verdicts(findings, known)

    result: dict[str, Any] = {
        "pages": len(known),
        "labelled_drifted": sum(1 for i in known.values() if i["label"]),
        "left_out": dict(skipped),
        "variants": {},
    }
    for variant, pages_flagged in flagged.items():
        m = matrix(known, pages_flagged)
        languages = {}
        for lang in sorted({i["lang"] for i in known.values()}):
            subset = {p for p, i in known.items() if i["lang"] == lang}
            lm = matrix(known, pages_flagged, subset)
            languages[lang] = {**lm, **scores(**lm)}
        # Which rules make pages the label calls up to date look drifted, and how often a rule
        # fires at all on drifted vs up-to-date pages (pages, not findings).
        on_fp: Counter[str] = Counter()
        on_tp: Counter[str] = Counter()
        for path, rules in pages_flagged.items():
            (on_tp if known[path]["label"] else on_fp).update(set(rules))
        result["variants"][variant] = {
            **m, **scores(**m), "by_language": languages,
            "rules_on_pages_labelled_current": dict(on_fp.most_common()),
            "rules_on_pages_labelled_drifted": dict(on_tp.most_common()),
        }

    if args.json:
        print(json.dumps(result, indent=1, ensure_ascii=False))
        return 0
    print(f"translated pages with an English page: {result['pages']}, "
          f"labelled drifted_from_default: true: {result['labelled_drifted']}")
    for reason, n in sorted(skipped.items()):
        print(f"left out: {n} {reason}")
    for variant, v in result["variants"].items():
        print()
        print(f"== verdict '{variant}': page has a finding "
              + {"warning+": "of severity warning or error", "any": "of any severity",
                 "structure": "of a structure rule (S1xx), warning or error"}[variant]
              + " (F7xx file rules excluded)")
        print("                      l10ncheck drifted   l10ncheck clean")
        print(f"  label drifted       {v['tp']:17d}   {v['fn']:15d}")
        print(f"  label not drifted   {v['fp']:17d}   {v['tn']:15d}")
        print(f"  precision {fmt(v['precision'])}  recall {fmt(v['recall'])}  F1 {fmt(v['f1'])}  "
              f"agreement {fmt(v['agreement'])} (chance {fmt(v['chance_agreement'])})  "
              f"Cohen's kappa {fmt(v['kappa'])}")
        print("  by language:  lang  pages  tp  fp  fn  tn  precision  recall  agreement  kappa")
        for lang, lv in v["by_language"].items():
            n = lv["tp"] + lv["fp"] + lv["fn"] + lv["tn"]
            print(f"                {lang:4s}  {n:5d} {lv['tp']:3d} {lv['fp']:3d} {lv['fn']:3d} "
                  f"{lv['tn']:3d}  {fmt(lv['precision']):>9s}  {fmt(lv['recall']):>6s}  "
                  f"{fmt(lv['agreement']):>9s}  {fmt(lv['kappa']):>5s}")
        top = list(v["rules_on_pages_labelled_current"].items())[:8]
        print("  rules on pages the label calls current (pages): "
              + ", ".join(f"{r} {n}" for r, n in top))
    print()
    print("Note: the label flags any English edit after the translation, text-only ones "
          "included; l10ncheck compares structure (blocks, links, code, names, emphasis), so "
          "a reworded English sentence is invisible to it, and drift the English page never "
          "had (a translator's dropped link) is invisible to the label.")
    return 0


if __name__ == "__main__":
    if hasattr(signal, "SIGPIPE"):  # `| head` ends the output quietly
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    sys.exit(main())
