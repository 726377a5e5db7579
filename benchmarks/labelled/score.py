#!/usr/bin/env python3
"""Score aisec-lint and Bandit on the labelled set: TPR, FPR and Youden's J per category.

    python benchmarks/labelled/score.py                 # both tools, Markdown table
    python benchmarks/labelled/score.py --json          # figures as JSON
    python benchmarks/labelled/score.py --details CAT   # every miss and false alarm in CAT

A vulnerable file is detected when a finding of the category's codes sits on one of its
``# expect:`` lines (for Bandit: when an expect line falls in the finding's line range). A
safe file is a false alarm when any finding of the category's codes is anywhere in it.
aisec-lint runs through flake8 at its default settings (``--select=AIS``); Bandit at its
defaults. Both must be installed in the running environment (``pip install . bandit``).
Categories for which a tool has no rule are marked "-".
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess  # nosec B404 - runs the two linters on our own files
import sys
from collections import defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
HEADER = re.compile(r"^#\s*(category|label|expect|source|note):\s*(.*)$")

# Category -> aisec-lint codes that report it. A code listed before its rule exists simply
# never fires, and the category scores zero until the rule lands.
# AIS801 (model output reaching a sink) supersedes AIS401/402/404/407 on the same node, so
# it counts for those categories too. AIS212 (client-controlled identity) supersedes AIS415 when
# the session key names an identity or privilege (user_id, role, is_admin), so it counts for
# trust-boundary-violation.
AISEC_CODES = {
    "sql-injection": ("AIS401", "AIS801"),
    "command-injection": ("AIS402", "AIS801"),
    "nosql-injection": ("AIS403",),
    "code-injection": ("AIS404", "AIS801"),
    "template-injection": ("AIS405",),
    "xss": ("AIS406",),
    "path-traversal": ("AIS407", "AIS801"),
    "ssrf": ("AIS408",),
    "open-redirect": ("AIS409",),
    "header-injection": ("AIS410",),
    "xxe": ("AIS411",),
    "ldap-injection": ("AIS412",),
    "xpath-injection": ("AIS413",),
    "unsafe-deserialization": ("AIS414",),
    "trust-boundary-violation": ("AIS415", "AIS212"),
    "llm-output-to-sink": ("AIS801",),
}
# Category -> Bandit test ids (Bandit 1.9 plugin list). Empty: Bandit has no such rule.
BANDIT_TESTS = {
    "sql-injection": ("B608",),
    "command-injection": ("B602", "B604", "B605", "B609"),
    "nosql-injection": (),
    "code-injection": ("B102", "B307"),
    "template-injection": (),
    "xss": ("B308", "B701", "B703", "B704"),
    "path-traversal": ("B202",),
    "ssrf": ("B310",),
    "open-redirect": (),
    "header-injection": (),
    "xxe": ("B313", "B314", "B315", "B316", "B317", "B318", "B319", "B320"),
    "ldap-injection": (),
    "xpath-injection": (),
    "unsafe-deserialization": ("B301", "B302", "B506", "B614"),
    "trust-boundary-violation": (),
    "llm-output-to-sink": ("B102", "B307", "B602", "B605", "B608"),
}


def read_cases(root: Path) -> list[dict]:
    """Every labelled file with its category, label and expected lines."""
    cases = []
    for path in sorted(root.glob("*/*.py")):
        meta: dict = {"path": path, "expect": set()}
        for line in path.read_text(encoding="utf-8").splitlines()[:10]:
            m = HEADER.match(line.strip())
            if not m:
                continue
            key, value = m.group(1), m.group(2).strip()
            if key == "expect":
                meta["expect"] = {int(n) for n in re.findall(r"\d+", value)}
            else:
                meta[key] = value
        if meta.get("category") and meta.get("label") in ("vulnerable", "safe"):
            cases.append(meta)
    return cases


def run_aisec(paths: list[Path]) -> dict[Path, list[tuple[int, int, str]]]:
    """``{path: [(first line, last line, code)]}`` from flake8 --select=AIS."""
    out: dict[Path, list] = defaultdict(list)
    proc = subprocess.run(  # nosec B603 - fixed argv
        [sys.executable, "-m", "flake8", "--isolated", "--select=AIS", "--format=%(path)s\t%(row)d\t%(code)s", *map(str, paths)],
        capture_output=True, text=True, check=False,
    )
    if proc.returncode not in (0, 1) or "Traceback" in proc.stderr:
        raise SystemExit(f"flake8 failed:\n{proc.stderr[-2000:]}")
    for line in proc.stdout.splitlines():
        path, row, code = line.split("\t")
        out[Path(path).resolve()].append((int(row), int(row), code))
    return out


def run_bandit(paths: list[Path]) -> dict[Path, list[tuple[int, int, str]]]:
    """``{path: [(first line, last line, test id)]}`` from Bandit's JSON report."""
    out: dict[Path, list] = defaultdict(list)
    proc = subprocess.run(  # nosec B603 - fixed argv
        [sys.executable, "-m", "bandit", "-q", "-f", "json", *map(str, paths)],
        capture_output=True, text=True, check=False,
    )
    try:
        report = json.loads(proc.stdout)
    except json.JSONDecodeError:
        raise SystemExit(f"bandit failed:\n{proc.stderr[-2000:]}") from None
    for res in report.get("results", []):
        lines = res.get("line_range") or [res["line_number"]]
        out[Path(res["filename"]).resolve()].append((min(lines), max(lines), res["test_id"]))
    return out


def score(cases: list[dict], findings: dict, codes: dict) -> dict[str, dict]:
    """Per category: tp, fn, fp, tn, tpr, fpr, j and the files behind each miss or alarm."""
    table: dict[str, dict] = {}
    for case in cases:
        cat = case["category"]
        wanted = codes.get(cat, ())
        row = table.setdefault(cat, {"tp": 0, "fn": 0, "fp": 0, "tn": 0, "missed": [], "alarms": [], "has_rule": bool(wanted)})
        hits = [f for f in findings.get(case["path"].resolve(), []) if f[2] in wanted]
        if case["label"] == "vulnerable":
            found = any(lo <= line <= hi for lo, hi, _ in hits for line in case["expect"])
            row["tp" if found else "fn"] += 1
            if not found:
                row["missed"].append(case["path"].name)
        else:
            row["fp" if hits else "tn"] += 1
            if hits:
                row["alarms"].append(case["path"].name)
    for row in table.values():
        pos, neg = row["tp"] + row["fn"], row["fp"] + row["tn"]
        row["tpr"] = row["tp"] / pos if pos else 0.0
        row["fpr"] = row["fp"] / neg if neg else 0.0
        row["j"] = row["tpr"] - row["fpr"]
    return table


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--root", type=Path, default=HERE)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--details", metavar="CATEGORY", help="list misses and false alarms of one category")
    args = ap.parse_args()
    cases = read_cases(args.root)
    paths = [c["path"] for c in cases]
    aisec = score(cases, run_aisec(paths), AISEC_CODES)
    bandit = score(cases, run_bandit(paths), BANDIT_TESTS)
    if args.json:
        print(json.dumps({"aisec": aisec, "bandit": bandit}, indent=1, default=str))
        return 0
    if args.details:
        for tool, table in (("aisec-lint", aisec), ("bandit", bandit)):
            row = table.get(args.details, {})
            print(f"{tool}: missed {row.get('missed')}\n{tool}: false alarms {row.get('alarms')}")
        return 0
    fmt = lambda row, k: f"{row[k]:.2f}" if row["has_rule"] else "-"  # noqa: E731
    print("| category | pairs | aisec TPR | aisec FPR | aisec J | Bandit TPR | Bandit FPR | Bandit J | J gap |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    for cat in sorted(aisec):
        a, b = aisec[cat], bandit[cat]
        gap = f"{a['j'] - b['j']:+.2f}" if b["has_rule"] else "-"
        pairs = a["tp"] + a["fn"]
        print(f"| {cat} | {pairs} | {fmt(a, 'tpr')} | {fmt(a, 'fpr')} | {fmt(a, 'j')} | {fmt(b, 'tpr')} | {fmt(b, 'fpr')} | {fmt(b, 'j')} | {gap} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
