#!/usr/bin/env python3
"""Score aisec-lint (AIS1xx) and Bandit (B105-B107) on the labelled secrets set: precision and recall per kind.

    python benchmarks/secrets/score.py                  # both tools, Markdown table
    python benchmarks/secrets/score.py --json           # figures as JSON
    python benchmarks/secrets/score.py --details KIND   # misses and false alarms of KIND ("all": every kind)
    python benchmarks/secrets/score.py --check          # exit 1 if aisec-lint's overall precision or recall < 0.95
    python benchmarks/secrets/score.py --keep DIR       # write the materialized snippets to DIR and keep them

Every sample of ``cases.py`` is materialized (``@@NAME@@`` placeholders filled by
``keys.py``) into its own file in a temporary directory. aisec-lint runs through flake8
(``--isolated --select=AIS1``: every AIS1xx code counts); Bandit runs with ``-t
B105,B106,B107``. A secret sample is a true positive when a finding sits on one of its
labelled lines (for Bandit: when a labelled line falls in the finding's line range); a
look-alike is a false positive when any finding is anywhere in its file. The tools are
taken from the running interpreter's bin directory, else from PATH, else ``python -m``.

Outputs never print a materialized credential: details show the snippet with its
placeholders and the finding's code and line (aisec-lint messages are masked by the rules;
Bandit's messages, which quote the value, are not shown). The exit status is 0 (this is a
report) unless ``--check`` is given.
"""

from __future__ import annotations

import argparse
import ast
import json
import re
import shutil
import subprocess  # nosec B404 - runs the two linters on our own files
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from cases import CASES, KINDS, Case  # noqa: E402
from keys import materialize  # noqa: E402

AISEC_PREFIX = "AIS1"
BANDIT_TESTS = "B105,B106,B107"
MAX_LINES = 6
THRESHOLD = 0.95


def tool(name: str) -> list[str]:
    """argv prefix for `name`: next to sys.executable, else on PATH, else ``python -m name``."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return [str(beside)]
    found = shutil.which(name)
    return [found] if found else [sys.executable, "-m", name]


def file_name(index: int, case: Case) -> str:
    # Never test_*.py / *_test.py: aisec-lint treats test files differently (aisec-test-paths).
    return f"s{index:03d}_" + re.sub(r"[^a-z0-9]+", "_", case.id.lower()).strip("_") + ".py"


def validate(cases: list[Case]) -> list[str]:
    """Data errors: duplicate ids, bad labels, snippets that do not parse, out-of-range lines."""
    errors, seen = [], set()
    for case in cases:
        if case.id in seen:
            errors.append(f"{case.id}: duplicate id")
        seen.add(case.id)
        if case.label not in ("secret", "not-secret"):
            errors.append(f"{case.id}: label {case.label!r}")
        if not case.source:
            errors.append(f"{case.id}: no source")
        text = materialize(case.code)
        n = len(text.splitlines())
        if n > MAX_LINES:
            errors.append(f"{case.id}: {n} lines (max {MAX_LINES})")
        try:
            ast.parse(text)
        except SyntaxError as exc:
            errors.append(f"{case.id}: does not parse: {exc.msg} (line {exc.lineno})")
        if case.label == "secret" and (not case.lines or not all(1 <= line <= n for line in case.lines)):
            errors.append(f"{case.id}: labelled lines {case.lines} outside 1..{n}")
        if case.label == "not-secret" and case.lines:
            errors.append(f"{case.id}: a look-alike has labelled lines")
    return errors


def write(cases: list[Case], root: Path) -> dict[Path, Case]:
    out = {}
    for i, case in enumerate(cases, 1):
        path = (root / file_name(i, case)).resolve()
        path.write_text(materialize(case.code), encoding="utf-8")
        out[path] = case
    return out


def run_aisec(root: Path) -> dict[Path, list[tuple[int, int, str, str]]]:
    """``{path: [(first line, last line, code, message)]}`` from flake8 --select=AIS1."""
    out: dict[Path, list] = defaultdict(list)
    proc = subprocess.run(  # nosec B603 - fixed argv
        [*tool("flake8"), "--isolated", f"--select={AISEC_PREFIX}", "--format=%(path)s\t%(row)d\t%(code)s\t%(text)s", str(root)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise SystemExit(f"flake8 failed:\n{proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        path, row, code, text = line.split("\t", 3)
        out[Path(path).resolve()].append((int(row), int(row), code, text))
    return out


def run_bandit(root: Path) -> dict[Path, list[tuple[int, int, str, str]]]:
    """``{path: [(first line, last line, test id, "")]}`` from Bandit's JSON report (messages dropped: they quote the value)."""
    out: dict[Path, list] = defaultdict(list)
    proc = subprocess.run(  # nosec B603 - fixed argv
        [*tool("bandit"), "-q", "-r", "-f", "json", "-t", BANDIT_TESTS, str(root)],
        capture_output=True, text=True, check=False,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"bandit failed:\n{proc.stderr[-2000:]}") from None
    for res in report.get("results", []):
        lines = res.get("line_range") or [res["line_number"]]
        out[Path(res["filename"]).resolve()].append((min(lines), max(lines), res["test_id"], ""))
    return out


def _ratios(row: dict) -> dict:
    flagged, positives = row["tp"] + row["fp"], row["tp"] + row["fn"]
    row["precision"] = row["tp"] / flagged if flagged else None
    row["recall"] = row["tp"] / positives if positives else None
    return row


def score(files: dict[Path, Case], findings: dict) -> dict[str, dict]:
    """Per kind and ``"overall"``: tp, fn, fp, tn, precision, recall, and the ids behind each miss or alarm."""
    table: dict[str, dict] = {}
    blank = lambda: {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "missed": [], "alarms": []}  # noqa: E731
    for path, case in files.items():
        hits = findings.get(path, [])
        for key in (case.kind, "overall"):
            row = table.setdefault(key, blank())
            if case.label == "secret":
                found = any(lo <= line <= hi for lo, hi, _, _ in hits for line in case.lines)
                row["tp" if found else "fn"] += 1
                if not found and key != "overall":
                    row["missed"].append({"id": case.id, "lines": list(case.lines), "found": [(lo, c) for lo, _, c, _ in hits]})
            else:
                row["fp" if hits else "tn"] += 1
                if hits and key != "overall":
                    row["alarms"].append({"id": case.id, "found": [(lo, c, t) for lo, _, c, t in hits]})
    return {k: _ratios(v) for k, v in table.items()}


def fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


def print_table(aisec: dict, bandit: dict) -> None:
    print("| kind | secrets | look-alikes | aisec TP | FN | FP | TN | aisec P | aisec R | Bandit TP | FN | FP | TN | Bandit P | Bandit R |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for kind in [*KINDS, "overall"]:
        a, b = aisec[kind], bandit[kind]
        name = f"**{kind}**" if kind == "overall" else kind
        print(f"| {name} | {a['tp'] + a['fn']} | {a['fp'] + a['tn']} "
              f"| {a['tp']} | {a['fn']} | {a['fp']} | {a['tn']} | {fmt(a['precision'])} | {fmt(a['recall'])} "
              f"| {b['tp']} | {b['fn']} | {b['fp']} | {b['tn']} | {fmt(b['precision'])} | {fmt(b['recall'])} |")


def print_details(kinds: list[str], aisec: dict, bandit: dict, by_id: dict[str, Case]) -> None:
    for kind in kinds:
        print(f"## {kind}")
        for tool_name, table in (("aisec-lint", aisec), ("bandit", bandit)):
            row = table.get(kind)
            if row is None:
                continue
            for miss in row["missed"]:
                case = by_id[miss["id"]]
                got = ", ".join(f"{c}@{line}" for line, c in miss["found"]) or "nothing"
                print(f"- {tool_name} MISSED {miss['id']} (want line {'/'.join(map(str, miss['lines']))}; got {got})")
                print("    " + case.code.rstrip().replace("\n", "\n    "))
            for alarm in row["alarms"]:
                case = by_id[alarm["id"]]
                got = "; ".join(f"{c}@{line}" + (f" {t}" if t else "") for line, c, t in alarm["found"])
                print(f"- {tool_name} FALSE ALARM {alarm['id']}: {got}" + (f"  [label note: {case.note}]" if case.note else ""))
                print("    " + case.code.rstrip().replace("\n", "\n    "))
        print()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument("--details", metavar="KIND", help="list misses and false alarms of KIND ('all' for every kind)")
    ap.add_argument("--check", action="store_true", help=f"exit 1 when aisec-lint's overall precision or recall is below {THRESHOLD}")
    ap.add_argument("--keep", metavar="DIR", type=Path, help="materialize into DIR (created) and keep the files")
    args = ap.parse_args()

    errors = validate(CASES)
    if errors:
        raise SystemExit("cases.py has errors:\n" + "\n".join(errors))
    if args.details and args.details != "all" and args.details not in KINDS:
        raise SystemExit(f"unknown kind {args.details!r}; kinds: {', '.join(KINDS)}")

    with tempfile.TemporaryDirectory(prefix="aisec-secrets-") as tmp:
        root = Path(tmp)
        if args.keep:
            root = args.keep
            root.mkdir(parents=True, exist_ok=True)
        files = write(CASES, root)
        aisec = score(files, run_aisec(root))
        bandit = score(files, run_bandit(root))

    overall = aisec["overall"]
    if args.json:
        print(json.dumps({"aisec": aisec, "bandit": bandit}, indent=1))
    elif args.details:
        kinds = list(KINDS) if args.details == "all" else [args.details]
        print_details(kinds, aisec, bandit, {c.id: c for c in CASES})
    else:
        n_pos = sum(c.label == "secret" for c in CASES)
        print(f"{len(CASES)} samples: {n_pos} secrets, {len(CASES) - n_pos} look-alikes, {len(KINDS)} kinds\n")
        print_table(aisec, bandit)
    if args.check:
        ok = (overall["precision"] or 0.0) >= THRESHOLD and (overall["recall"] or 0.0) >= THRESHOLD
        o = overall
        print(f"\ncheck: aisec-lint precision {o['tp']}/{o['tp'] + o['fp']} = {o['precision'] or 0.0:.4f}, "
              f"recall {o['tp']}/{o['tp'] + o['fn']} = {o['recall'] or 0.0:.4f}: {'pass' if ok else 'FAIL'} (threshold {THRESHOLD})", file=sys.stderr)
        return 0 if ok else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
