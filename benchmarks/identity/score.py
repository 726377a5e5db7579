#!/usr/bin/env python3
"""Score aisec-lint's identity rules on the labelled apps: recall and precision per flaw class.

    python benchmarks/identity/score.py             # table per class, overall figures
    python benchmarks/identity/score.py --details   # also every miss, false alarm and unlabelled finding
    python benchmarks/identity/score.py --json      # figures as JSON
    python benchmarks/identity/score.py --check     # exit 1 if overall recall or precision < 0.9
    python benchmarks/identity/score.py --validate  # only check labels.json against the apps

For each app directory under ``apps/`` it runs

    flake8 --isolated --select=AIS2,AIS3 --aisec-min-confidence=medium <app dir>

(the flake8 next to ``sys.executable``, else the one on PATH) and matches the findings to
``labels.json``:

- TP: a labelled flaw with at least one finding on its line (or in its line..end_line span);
- FN: a labelled flaw with none;
- FP: a labelled safe twin with a finding on its line or span, plus every finding on a line
  that no label covers ("unlabelled findings": listed separately, to review; one per
  file and line). Unlabelled findings have no class, so they count only in the overall figures.

Recall = TP / (TP + FN); precision = TP / (TP + FP). Any AIS2xx/AIS3xx code counts: the
labels say where a flaw is, not which rule must find it. Before the labels are scored they
are validated: every file exists and parses, every labelled line is code (not blank, not a
comment), and no flaw span overlaps a safe span. Without any identity rule the script
still runs and reports recall 0.
"""

from __future__ import annotations

import argparse
import ast
import json
import shutil
import subprocess  # nosec B404 - runs flake8 on our own files
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
APPS = HERE / "apps"
LABELS = HERE / "labels.json"
SELECT = "AIS2,AIS3"
MIN_CONFIDENCE = "medium"
THRESHOLD = 0.9


def flake8_command() -> list[str]:
    """flake8 next to the running interpreter (a venv's bin/), else on PATH."""
    exe_dir = Path(sys.executable).parent
    for name in ("flake8", "flake8.exe"):
        if (exe_dir / name).exists():
            return [str(exe_dir / name)]
    found = shutil.which("flake8")
    if found:
        return [found]
    raise SystemExit("flake8 not found next to %s or on PATH (pip install . flake8)" % sys.executable)


def load_labels(path: Path = LABELS) -> dict:
    doc = json.loads(path.read_text(encoding="utf-8"))
    for entry in doc["flaws"] + doc["safe"]:
        entry.setdefault("end_line", entry["line"])
    return doc


def validate(doc: dict) -> list[str]:
    """Problems with the labels: missing files, syntax errors, labels on blank or comment
    lines, unknown classes, flaw spans overlapping safe spans."""
    problems = []
    classes = set(doc["classes"])
    for path in sorted(APPS.rglob("*.py")):
        try:
            ast.parse(path.read_text(encoding="utf-8"), filename=str(path), feature_version=(3, 10))
        except SyntaxError as exc:
            problems.append(f"{path.relative_to(HERE)}: does not parse as Python 3.10: {exc}")
    lines_cache: dict[Path, list[str]] = {}
    for kind in ("flaws", "safe"):
        for e in doc[kind]:
            where = f"{kind} {e['app']}/{e['file']}:{e['line']} [{e['class']}]"
            if e["class"] not in classes:
                problems.append(f"{where}: unknown class")
            path = APPS / e["app"] / e["file"]
            if not path.exists():
                problems.append(f"{where}: no such file")
                continue
            lines = lines_cache.setdefault(path, path.read_text(encoding="utf-8").splitlines())
            if not 1 <= e["line"] <= e["end_line"] <= len(lines):
                problems.append(f"{where}: line out of range (file has {len(lines)} lines)")
                continue
            text = lines[e["line"] - 1].strip()
            if not text or text.startswith("#"):
                problems.append(f"{where}: labelled line is blank or a comment: {text!r}")
            if kind == "flaws" and not e.get("source"):
                problems.append(f"{where}: flaw without a source")
    for f in doc["flaws"]:
        for s in doc["safe"]:
            if (f["app"], f["file"]) == (s["app"], s["file"]) and f["line"] <= s["end_line"] and s["line"] <= f["end_line"]:
                problems.append(
                    f"flaw {f['app']}/{f['file']}:{f['line']}-{f['end_line']} overlaps safe line {s['line']}-{s['end_line']}"
                )
    return problems


def run_flake8(app_dir: Path) -> list[tuple[str, int, str, str]]:
    """``[(file relative to the app, row, code, message)]`` for one app directory."""
    cmd = flake8_command() + [
        "--isolated",
        f"--select={SELECT}",
        f"--aisec-min-confidence={MIN_CONFIDENCE}",
        "--format=%(path)s\t%(row)d\t%(code)s\t%(text)s",
        str(app_dir),
    ]
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # nosec B603 - fixed argv
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise SystemExit(f"flake8 failed on {app_dir}:\n{' '.join(cmd)}\n{proc.stderr[-3000:]}")
    out = []
    for line in proc.stdout.splitlines():
        path, row, code, text = line.split("\t", 3)
        rel = Path(path).resolve().relative_to(app_dir.resolve()).as_posix()
        out.append((rel, int(row), code, text))
    return out


def score(doc: dict, findings: dict[str, list]) -> dict:
    """Per class and overall: tp, fn, fp, recall, precision; and the lists behind them."""
    def hits(entry):
        return [f for f in findings.get(entry["app"], []) if f[0] == entry["file"] and entry["line"] <= f[1] <= entry["end_line"]]

    classes = list(doc["classes"])
    table = {c: {"flaws": 0, "safe": 0, "tp": 0, "fn": 0, "fp": 0, "missed": [], "alarms": []} for c in classes}
    for e in doc["flaws"]:
        row = table[e["class"]]
        row["flaws"] += 1
        found = hits(e)
        if found:
            row["tp"] += 1
        else:
            row["fn"] += 1
            row["missed"].append(f"{e['app']}/{e['file']}:{e['line']} {e.get('note', '')}")
    for e in doc["safe"]:
        row = table[e["class"]]
        row["safe"] += 1
        found = hits(e)
        if found:
            row["fp"] += 1
            codes = ",".join(sorted({f[2] for f in found}))
            row["alarms"].append(f"{e['app']}/{e['file']}:{e['line']} {codes} ({e.get('note', '')})")

    covered = defaultdict(list)
    for e in doc["flaws"] + doc["safe"]:
        covered[(e["app"], e["file"])].append((e["line"], e["end_line"]))
    unlabelled: dict[tuple, list] = {}
    for app, items in findings.items():
        for file, row, code, text in items:
            if not any(lo <= row <= hi for lo, hi in covered.get((app, file), ())):
                unlabelled.setdefault((app, file, row), []).append(f"{code} {text}")
    unlabelled_list = [f"{a}/{f}:{r} {'; '.join(msgs)}" for (a, f, r), msgs in sorted(unlabelled.items())]

    def ratios(row, extra_fp=0):
        tp, fn, fp = row["tp"], row["fn"], row["fp"] + extra_fp
        row["recall"] = tp / (tp + fn) if tp + fn else 0.0
        row["precision"] = tp / (tp + fp) if tp + fp else None
        return row

    for row in table.values():
        ratios(row)
    overall = {k: sum(r[k] for r in table.values()) for k in ("flaws", "safe", "tp", "fn", "fp")}
    overall["fp_safe"] = overall["fp"]
    overall["fp_unlabelled"] = len(unlabelled_list)
    overall["fp"] += overall["fp_unlabelled"]
    ratios(overall)
    return {"classes": table, "overall": overall, "unlabelled": unlabelled_list,
            "findings": sum(len(v) for v in findings.values())}


def fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--details", action="store_true", help="list misses, false alarms and unlabelled findings")
    ap.add_argument("--check", action="store_true", help=f"exit 1 if overall recall or precision < {THRESHOLD}")
    ap.add_argument("--validate", action="store_true", help="only validate the labels, do not run flake8")
    args = ap.parse_args()

    doc = load_labels()
    problems = validate(doc)
    if problems:
        print("labels.json does not match the apps:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    if args.validate:
        print(f"labels ok: {len(doc['flaws'])} flaws, {len(doc['safe'])} safe twins, "
              f"{len({e['app'] for e in doc['flaws'] + doc['safe']})} apps")
        return 0

    apps = sorted(p for p in APPS.iterdir() if p.is_dir())
    findings = {app.name: run_flake8(app) for app in apps}
    result = score(doc, findings)
    overall = result["overall"]

    if args.json:
        print(json.dumps(result, indent=1))
    else:
        print(f"aisec-lint identity benchmark: {len(apps)} apps, flake8 --select={SELECT} "
              f"--aisec-min-confidence={MIN_CONFIDENCE}, {result['findings']} findings\n")
        print("| class | flaws | safe | TP | FN | FP | recall | precision |")
        print("|---|---:|---:|---:|---:|---:|---:|---:|")
        for cls, row in result["classes"].items():
            print(f"| {cls} | {row['flaws']} | {row['safe']} | {row['tp']} | {row['fn']} | {row['fp']} "
                  f"| {fmt(row['recall'])} | {fmt(row['precision'])} |")
        print(f"| **overall** | {overall['flaws']} | {overall['safe']} | {overall['tp']} | {overall['fn']} "
              f"| {overall['fp']} | {fmt(overall['recall'])} | {fmt(overall['precision'])} |")
        print(f"\nFP overall = {overall['fp_safe']} on labelled safe lines + "
              f"{overall['fp_unlabelled']} unlabelled findings (review: a real flaw the labels lack, or a false alarm)")
        if result["unlabelled"]:
            print("\nunlabelled findings:")
            for item in result["unlabelled"]:
                print(f"  {item}")
        if args.details:
            for cls, row in result["classes"].items():
                for item in row["missed"]:
                    print(f"  missed [{cls}] {item}")
                for item in row["alarms"]:
                    print(f"  false alarm [{cls}] {item}")

    if args.check:
        precision = overall["precision"] or 0.0
        if overall["recall"] < THRESHOLD or precision < THRESHOLD:
            print(f"\nFAIL: recall {overall['recall']:.2f}, precision {precision:.2f} (both must be >= {THRESHOLD})",
                  file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
