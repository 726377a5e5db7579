#!/usr/bin/env python3
"""Score aisec-lint's AIS5xx-AIS8xx rules on the labelled families: recall and precision per
family and per flaw class.

    python benchmarks/defaults/score.py              # table per family and class
    python benchmarks/defaults/score.py --details    # also every miss, false alarm and unlabelled finding
    python benchmarks/defaults/score.py --json       # figures as JSON
    python benchmarks/defaults/score.py --check      # exit 1 if any family's recall or precision < 0.9
    python benchmarks/defaults/score.py --validate   # only check the labels against the modules
    python benchmarks/defaults/score.py --family crypto   # one family (repeatable)

Each family is a folder next to this script holding small modules and a ``labels.json``. For
each family the script runs

    flake8 --isolated --select=AIS --aisec-min-confidence=medium <family dir>

(the flake8 next to ``sys.executable``, else the one on PATH) and matches the findings to the
labels:

- TP: a labelled flaw with at least one finding on its line..end_line span or on one of its
  ``also`` spans (for a constant, its definition and the statements that use it);
- FN: a labelled flaw with none;
- FP: a labelled safe twin with a finding on its span, plus every file and line with a finding
  that no label covers ("unlabelled findings": listed separately, to review; each is a real
  flaw the labels lack, or a false alarm). Unlabelled findings have no class, so they count
  only in the family figures. A safe span labelled for two classes counts once there.

Recall = TP / (TP + FN); precision = TP / (TP + FP). Any AIS5xx-AIS8xx code counts: the labels
say where a flaw is, not which rule must find it. A family's ``labels.json`` may list
``codes`` per class once the rules exist; a class with codes then counts only those codes.

Credential-format values (the ``hardcoded-model-api-key`` class) are never stored in the
repository: modules hold ``@@NAME@@`` placeholders, which this script fills with values built
from fragments and a seeded generator (`KEYS`) in a temporary copy of the family before
flake8 runs. Nothing it prints contains a materialized value.

The labels are validated before every run (files exist and parse as Python 3.10 after
materialization, labelled lines are code and in range, every flaw has a source, classes are
known, no flaw span overlaps a safe span, no placeholder is unknown); a problem exits with
status 2. Without any AIS5xx-AIS8xx rule the script still runs and reports recall 0.
"""

from __future__ import annotations

import argparse
import ast
import json
import random
import re
import shutil
import string
import subprocess  # nosec B404 - runs flake8 on our own files
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SELECT = "AIS"  # every aisec rule: a flaw counts as found whichever rule reports it (torch.load is AIS414, literal model keys are AIS1xx)
MIN_CONFIDENCE = "medium"
THRESHOLD = 0.9
PLACEHOLDER = re.compile(r"@@([A-Z0-9_]+)@@")

URLSAFE = string.ascii_letters + string.digits + "-_"
ALNUM = string.ascii_letters + string.digits


def _rnd(alphabet: str, n: int, seed: str) -> str:
    rng = random.Random("aisec-defaults-benchmark:" + seed)
    return "".join(rng.choice(alphabet) for _ in range(n))


def _keys() -> dict[str, str]:
    """Provider-format API keys, assembled from fragments so no file holds one in full."""
    marker = "T3Blbk" + "FJ"  # the base64 of "OpenAI" that OpenAI keys carry
    return {
        "OPENAI_KEY": "sk-" + "proj-" + _rnd(URLSAFE, 74, "oa1") + marker + _rnd(URLSAFE, 74, "oa2"),
        "OPENAI_KEY_2": "sk-" + _rnd(ALNUM, 20, "oa3") + marker + _rnd(ALNUM, 20, "oa4"),
        "ANTHROPIC_KEY": "sk-" + "ant-" + "api03-" + _rnd(URLSAFE, 93, "an1") + "AA",
        "HF_TOKEN": "hf" + "_" + _rnd(string.ascii_letters, 34, "hf1"),
    }


KEYS = _keys()


def materialize(text: str) -> str:
    return PLACEHOLDER.sub(lambda m: KEYS.get(m.group(1), m.group(0)), text)


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


def families() -> list[Path]:
    return sorted(p for p in HERE.iterdir() if p.is_dir() and (p / "labels.json").exists())


def load_labels(family: Path) -> dict:
    doc = json.loads((family / "labels.json").read_text(encoding="utf-8"))
    for entry in doc["flaws"] + doc["safe"]:
        entry.setdefault("end_line", entry["line"])
        entry["spans"] = [(entry["line"], entry["end_line"])] + [tuple(s) for s in entry.get("also", [])]
    return doc


def validate(family: Path, doc: dict) -> list[str]:
    """Problems with one family's labels."""
    problems = []
    name = family.name
    classes = set(doc["classes"])
    texts: dict[str, list[str]] = {}
    for path in sorted(family.rglob("*.py")):
        rel = path.relative_to(family).as_posix()
        raw = path.read_text(encoding="utf-8")
        for unknown in sorted(set(PLACEHOLDER.findall(raw)) - set(KEYS)):
            problems.append(f"{name}/{rel}: unknown placeholder @@{unknown}@@")
        text = materialize(raw)
        if text.count("\n") != raw.count("\n"):
            problems.append(f"{name}/{rel}: materialization changed the line count")
        try:
            ast.parse(text, filename=str(path), feature_version=(3, 10))
        except SyntaxError as exc:
            problems.append(f"{name}/{rel}: does not parse as Python 3.10: {exc}")
        texts[rel] = text.splitlines()
    for kind in ("flaws", "safe"):
        for e in doc[kind]:
            where = f"{name} {kind} {e['file']}:{e['line']} [{e['class']}]"
            if e["class"] not in classes:
                problems.append(f"{where}: unknown class")
            lines = texts.get(e["file"])
            if lines is None:
                problems.append(f"{where}: no such file")
                continue
            for lo, hi in e["spans"]:
                if not 1 <= lo <= hi <= len(lines):
                    problems.append(f"{where}: span {lo}-{hi} out of range (file has {len(lines)} lines)")
                    continue
                text = lines[lo - 1].strip()
                if not text or text.startswith("#"):
                    problems.append(f"{where}: labelled line {lo} is blank or a comment: {text!r}")
            if kind == "flaws" and not e.get("source"):
                problems.append(f"{where}: flaw without a source")
    for f in doc["flaws"]:
        for s in doc["safe"]:
            if f["file"] != s["file"]:
                continue
            for flo, fhi in f["spans"]:
                for slo, shi in s["spans"]:
                    if flo <= shi and slo <= fhi:
                        problems.append(f"{name}: flaw {f['file']}:{flo}-{fhi} [{f['class']}] overlaps "
                                        f"safe {slo}-{shi} [{s['class']}]")
    return problems


def run_flake8(family: Path, select: str = SELECT) -> list[tuple[str, int, str, str]]:
    """``[(file relative to the family, row, code, message)]``, run on a materialized copy when
    a module holds placeholders."""
    needs_copy = any(PLACEHOLDER.search(p.read_text(encoding="utf-8")) for p in family.rglob("*.py"))
    with tempfile.TemporaryDirectory(prefix="aisec-defaults-") as tmp:
        target = family
        if needs_copy:
            target = Path(tmp) / family.name
            for path in family.rglob("*.py"):
                dest = target / path.relative_to(family)
                dest.parent.mkdir(parents=True, exist_ok=True)
                dest.write_text(materialize(path.read_text(encoding="utf-8")), encoding="utf-8")
        cmd = flake8_command() + [
            "--isolated",
            f"--select={select}",
            f"--aisec-min-confidence={MIN_CONFIDENCE}",
            "--format=%(path)s\t%(row)d\t%(code)s\t%(text)s",
            str(target),
        ]
        proc = subprocess.run(cmd, capture_output=True, text=True, check=False)  # nosec B603 - fixed argv
        if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
            raise SystemExit(f"flake8 failed on {family}:\n{' '.join(cmd[:-1])} {family}\n"
                             f"{materialize_free(proc.stderr)[-3000:]}")
        out = []
        for line in proc.stdout.splitlines():
            path, row, code, text = line.split("\t", 3)
            rel = Path(path).resolve().relative_to(target.resolve()).as_posix()
            out.append((rel, int(row), code, materialize_free(text)))
    return out


def materialize_free(text: str) -> str:
    """Mask any materialized key that a message might quote."""
    for key in KEYS.values():
        text = text.replace(key, key[:6] + "…")
    return text


def _ratios(row: dict) -> dict:
    tp, fn, fp = row["tp"], row["fn"], row["fp"]
    row["recall"] = tp / (tp + fn) if tp + fn else None
    row["precision"] = tp / (tp + fp) if tp + fp else None
    return row


def score(doc: dict, findings: list[tuple[str, int, str, str]]) -> dict:
    """Per class and for the family: flaws, safe, tp, fn, fp, recall, precision; and the lists
    behind them."""
    codes = {cls: tuple(c) for cls, c in doc.get("codes", {}).items()}

    def hits(entry):
        allowed = codes.get(entry["class"])
        return [f for f in findings if f[0] == entry["file"]
                and any(lo <= f[1] <= hi for lo, hi in entry["spans"])
                and (not allowed or f[2].startswith(allowed))]

    table = {c: {"flaws": 0, "safe": 0, "tp": 0, "fn": 0, "fp": 0, "missed": [], "alarms": []}
             for c in doc["classes"]}
    for e in doc["flaws"]:
        row = table[e["class"]]
        row["flaws"] += 1
        if hits(e):
            row["tp"] += 1
        else:
            row["fn"] += 1
            row["missed"].append(f"{e['file']}:{e['line']} {e.get('note', '')}".rstrip())
    alarmed_spans = set()
    for e in doc["safe"]:
        row = table[e["class"]]
        row["safe"] += 1
        found = hits(e)
        if found:
            row["fp"] += 1
            alarmed_spans.add((e["file"], tuple(e["spans"])))
            codes_hit = ",".join(sorted({f[2] for f in found}))
            row["alarms"].append(f"{e['file']}:{e['line']} {codes_hit} ({e.get('note', '')})")

    covered = defaultdict(list)
    for e in doc["flaws"] + doc["safe"]:
        covered[e["file"]].extend(e["spans"])
    unlabelled: dict[tuple, list] = {}
    for file, row_no, code, text in findings:
        if not any(lo <= row_no <= hi for lo, hi in covered.get(file, ())):
            unlabelled.setdefault((file, row_no), []).append(f"{code} {text}")
    unlabelled_list = [f"{f}:{r} {'; '.join(msgs)}" for (f, r), msgs in sorted(unlabelled.items())]

    for row in table.values():
        _ratios(row)
    family = {k: sum(r[k] for r in table.values()) for k in ("flaws", "safe", "tp", "fn")}
    family["fp_safe"] = len(alarmed_spans)
    family["fp_unlabelled"] = len(unlabelled_list)
    family["fp"] = family["fp_safe"] + family["fp_unlabelled"]
    _ratios(family)
    return {"classes": table, "family": family, "unlabelled": unlabelled_list, "findings": len(findings)}


def fmt(x) -> str:
    return "-" if x is None else f"{x:.2f}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--details", action="store_true", help="list misses, false alarms and unlabelled findings")
    ap.add_argument("--check", action="store_true",
                    help=f"exit 1 if any family's recall or precision < {THRESHOLD}")
    ap.add_argument("--validate", action="store_true", help="only validate the labels, do not run flake8")
    ap.add_argument("--family", action="append", help="score only this family (repeatable)")
    ap.add_argument("--select", default=SELECT,
                    help=f"flake8 --select value (default {SELECT}; e.g. add AIS102,AIS414 to see whether other "
                         "families' rules cover a class)")
    args = ap.parse_args()

    fams = families()
    if args.family:
        unknown = set(args.family) - {f.name for f in fams}
        if unknown:
            raise SystemExit(f"unknown family: {', '.join(sorted(unknown))} (have {', '.join(f.name for f in fams)})")
        fams = [f for f in fams if f.name in args.family]
    docs = {f.name: load_labels(f) for f in fams}
    problems = [p for f in fams for p in validate(f, docs[f.name])]
    if problems:
        print("labels do not match the modules:", *problems, sep="\n  ", file=sys.stderr)
        return 2
    if args.validate:
        for f in fams:
            doc = docs[f.name]
            n_files = len(list(f.rglob("*.py")))
            print(f"{f.name}: labels ok: {len(doc['flaws'])} flaws, {len(doc['safe'])} safe twins, "
                  f"{len(doc['classes'])} classes, {n_files} modules")
        return 0

    results = {f.name: score(docs[f.name], run_flake8(f, args.select)) for f in fams}

    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"aisec-lint defaults benchmark: flake8 --isolated --select={args.select} "
              f"--aisec-min-confidence={MIN_CONFIDENCE}\n")
        print("| family | class | flaws | safe | TP | FN | FP | recall | precision |")
        print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
        for name, res in results.items():
            for cls, row in res["classes"].items():
                print(f"| {name} | {cls} | {row['flaws']} | {row['safe']} | {row['tp']} | {row['fn']} "
                      f"| {row['fp']} | {fmt(row['recall'])} | {fmt(row['precision'])} |")
            fam = res["family"]
            print(f"| **{name}** | **all** ({res['findings']} findings) | {fam['flaws']} | {fam['safe']} "
                  f"| {fam['tp']} | {fam['fn']} | {fam['fp']} | {fmt(fam['recall'])} | {fmt(fam['precision'])} |")
        print("\nFamily FP = safe spans with a finding + unlabelled findings (review: a real flaw the labels lack, "
              "or a false alarm):")
        for name, res in results.items():
            fam = res["family"]
            print(f"  {name}: {fam['fp_safe']} on safe twins + {fam['fp_unlabelled']} unlabelled")
            for item in res["unlabelled"]:
                print(f"    unlabelled {item}")
        if args.details:
            print("\nmisses and false alarms on safe twins:")
            for name, res in results.items():
                for cls, row in res["classes"].items():
                    for item in row["missed"]:
                        print(f"  missed [{name}/{cls}] {item}")
                    for item in row["alarms"]:
                        print(f"  false alarm [{name}/{cls}] {item}")

    if args.check:
        failed = []
        for name, res in results.items():
            fam = res["family"]
            recall, precision = fam["recall"] or 0.0, fam["precision"] or 0.0
            if recall < THRESHOLD or precision < THRESHOLD:
                failed.append(f"{name}: recall {recall:.2f}, precision {precision:.2f}")
        if failed:
            print(f"\nFAIL (both must be >= {THRESHOLD}):", *failed, sep="\n  ", file=sys.stderr)
            return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
