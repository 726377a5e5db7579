#!/usr/bin/env python3
"""Benchmark aisec-lint against plain flake8 and Bandit on Django's source.

What it does, in order:

1. Downloads the sdist of a pinned Django release from PyPI with pip and
   extracts only its ``django/`` package into the cache directory
   (``benchmarks/.cache/`` by default). Reused when present.
2. Creates two virtual environments in the cache directory:
   ``venv-base`` (flake8 + Bandit, pinned) and ``venv-aisec`` (flake8,
   pinned, plus this project built from a snapshot of the repository).
   The project is reinstalled whenever its sources changed since the last
   install; ``--reinstall`` rebuilds the aisec venv from scratch.
3. Runs one untimed pass that checks every tool works (a plugin that fails
   to import shows up as E999 on every file) and collects the findings:
   ``flake8 --select=AIS`` in the aisec venv, Bandit's JSON report.
4. Times, single-process (flake8 ``-j1``; Bandit is single-process), ``--runs``
   interleaved rounds of (a) flake8 with its default plugins, (b) the same
   flake8 command with aisec-lint installed, (c) Bandit; reports medians.
5. Prints the versions, the size of the corpus, the medians, the ratios b/a
   and c/a, findings per 1,000 lines and a Markdown table (or, with
   ``--json``, one JSON document).

Only the standard library is used; the network is reached only through pip.
Progress goes to stderr, the report to stdout.

Usage::

    python benchmarks/bench_django.py            # 5 rounds
    python benchmarks/bench_django.py --runs 1   # quick check
    python benchmarks/bench_django.py --reinstall --json > result.json
    python3.10 benchmarks/bench_django.py --python python3.11   # venvs need >= 3.11

The script itself runs on Python 3.10+; the venvs need Python 3.11+ because
flake8 7.5.0 does.
"""

from __future__ import annotations

import argparse
import collections
import hashlib
import json
import os
import platform
import re
import shutil
import statistics
import subprocess  # nosec B404
import sys
import tarfile
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Any, Callable, Sequence

# --------------------------------------------------------------------------- pins
DJANGO_VERSION = "5.2.8"
FLAKE8_VERSION = "7.5.0"  # requires Python >= 3.11 in the venvs (see --python)
BANDIT_VERSION = "1.9.4"

BASE_REQUIREMENTS = (f"flake8=={FLAKE8_VERSION}", f"bandit=={BANDIT_VERSION}")
AISEC_REQUIREMENTS = (f"flake8=={FLAKE8_VERSION}",)

VENV_MIN_PYTHON = (3, 11)

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_CACHE = BENCH_DIR / ".cache"

# Directories and files of the repository that never go into the package
# snapshot (nor into its fingerprint).
SNAPSHOT_IGNORE = (
    ".git", ".hg", "benchmarks", "build", "dist", "__pycache__", "*.egg-info",
    ".venv", "venv", ".tox", ".nox", ".pytest_cache", ".mypy_cache",
    ".ruff_cache", "*.pyc",
)

AIS_LINE = re.compile(r":\d+:\d+: (AIS\d+) ")
E999_LINE = re.compile(r":\d+:\d+: E999 ")
MARKER = ".bench-installed.json"


class BenchError(RuntimeError):
    """A step failed; the message says which and why."""


# ------------------------------------------------------------------ small helpers
def log(msg: str) -> None:
    """Progress message on stderr (stdout is reserved for the report)."""
    print(f"[bench] {msg}", file=sys.stderr, flush=True)


def child_env() -> dict[str, str]:
    """Environment for child processes: ours, less what could leak other code in."""
    env = dict(os.environ)
    for key in ("PYTHONPATH", "PYTHONHOME", "PYTHONSTARTUP", "PYTHONUSERBASE"):
        env.pop(key, None)
    env["PIP_DISABLE_PIP_VERSION_CHECK"] = "1"
    return env


def run_checked(cmd: Sequence[str | os.PathLike[str]], what: str,
                cwd: Path | None = None) -> str:
    """Run ``cmd`` (never through a shell); return stdout or raise BenchError."""
    # Argument list built from the pins and our own paths; no shell anywhere.
    proc = subprocess.run(  # nosec B603
        [os.fspath(c) for c in cmd], cwd=cwd, env=child_env(),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=False,
    )
    if proc.returncode != 0:
        raise BenchError(f"{what} failed (exit {proc.returncode}):\n"
                         + error_tail(proc.stderr or proc.stdout))
    return proc.stdout


def error_tail(output: str, limit: int = 12) -> str:
    """The telling part of a failed command's output: its ``ERROR:`` lines and last lines."""
    lines = [line for line in output.strip().splitlines() if not line.startswith("WARNING:")]
    errors = [line for line in lines if line.startswith("ERROR:")][-limit:]
    tail = lines[-(4 if errors else limit):]
    return "\n".join(dict.fromkeys(errors + tail))


def venv_python(env_dir: Path) -> Path:
    """The interpreter of the virtual environment at ``env_dir``."""
    if os.name == "nt":
        return env_dir / "Scripts" / "python.exe"
    return env_dir / "bin" / "python"


def read_marker(env_dir: Path) -> dict[str, Any]:
    """What the benchmark last installed into ``env_dir`` ({} if unknown)."""
    try:
        return json.loads((env_dir / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def write_marker(env_dir: Path, data: dict[str, Any]) -> None:
    """Record what was installed into ``env_dir``."""
    (env_dir / MARKER).write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")


# ------------------------------------------------------------------ Django source
def _extract_checked(tar: tarfile.TarFile, members: list[tarfile.TarInfo], dest: str) -> None:
    """Fallback for Pythons without extraction filters (before 3.10.12 / 3.11.4).

    Writes only regular files and directories whose relative path stays inside
    ``dest``; links, devices and anything else are refused.
    """
    root = Path(dest).resolve()
    for member in members:
        path = PurePosixPath(member.name)
        out = root.joinpath(*path.parts).resolve()
        if path.is_absolute() or ".." in path.parts or root not in out.parents:
            raise BenchError(f"refusing tar member outside the target: {member.name}")
        if member.isdir():
            out.mkdir(parents=True, exist_ok=True)
        elif member.isfile():
            out.parent.mkdir(parents=True, exist_ok=True)
            source = tar.extractfile(member)
            if source is None:
                raise BenchError(f"cannot read tar member {member.name}")
            with source, open(out, "wb") as sink:
                shutil.copyfileobj(source, sink)
        else:
            raise BenchError(f"refusing tar member that is not a file: {member.name}")


def fetch_django(cache: Path, python: Path) -> Path:
    """Return the directory holding Django's ``django/`` package, fetching it if needed.

    The sdist is downloaded by pip (``pip download --no-binary :all:``) into
    ``cache/downloads``; only the members under ``<top>/django/`` are extracted.
    """
    target = cache / f"django-{DJANGO_VERSION}"
    if (target / ".complete").is_file() and (target / "django" / "__init__.py").is_file():
        return target

    downloads = cache / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    wanted = f"django-{DJANGO_VERSION}.tar.gz"

    def find_sdist() -> Path | None:
        return next((p for p in downloads.iterdir() if p.name.lower() == wanted), None)

    sdist = find_sdist()
    if sdist is None:
        log(f"downloading Django {DJANGO_VERSION} sdist with pip")
        run_checked([python, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
                     f"django=={DJANGO_VERSION}", "-d", downloads], "pip download django")
        sdist = find_sdist()
        if sdist is None:
            raise BenchError(f"pip download did not produce {wanted} in {downloads}")

    log(f"extracting django/ from {sdist.name}")
    if target.exists():
        shutil.rmtree(target)
    with tempfile.TemporaryDirectory(dir=cache, prefix=".extract-") as tmp:
        with tarfile.open(sdist, "r:gz") as tar:
            members = [m for m in tar.getmembers()
                       if len(PurePosixPath(m.name).parts) > 1
                       and PurePosixPath(m.name).parts[1] == "django"]
            if not members:
                raise BenchError(f"{sdist.name} holds no django/ package")
            if hasattr(tarfile, "data_filter"):
                tar.extractall(tmp, members=members, filter="data")
            else:
                _extract_checked(tar, members, tmp)
        top = PurePosixPath(members[0].name).parts[0]
        target.mkdir(parents=True)
        shutil.move(os.path.join(tmp, top, "django"), target / "django")
    (target / ".complete").write_text(sdist.name + "\n", encoding="utf-8")
    return target


def corpus_size(root: Path) -> tuple[int, int]:
    """Number of ``.py`` files under ``root/django`` and their total physical lines."""
    files = lines = 0
    for path in sorted((root / "django").rglob("*.py")):
        data = path.read_bytes()
        files += 1
        lines += data.count(b"\n") + (1 if data and not data.endswith(b"\n") else 0)
    return files, lines


# ------------------------------------------------------------------ environments
def check_interpreter(python: str) -> str:
    """Version of the interpreter the venvs are made with; raise if it is too old."""
    out = run_checked([python, "-I", "-c", "import sys; print(*sys.version_info[:3])"],
                      f"{python} --version")
    version = tuple(int(x) for x in out.split())
    if version[:2] < VENV_MIN_PYTHON:
        need = ".".join(map(str, VENV_MIN_PYTHON))
        raise BenchError(f"flake8 {FLAKE8_VERSION} needs Python >= {need}, {python} is "
                         f"{'.'.join(map(str, version))}; pass --python /path/to/python{need}")
    return ".".join(map(str, version))


def make_venv(env_dir: Path, requirements: Sequence[str], fresh: bool, interpreter: str) -> Path:
    """Create (or reuse) a venv with exactly ``requirements`` installed; return its python."""
    python = venv_python(env_dir)
    if fresh and env_dir.exists():
        log(f"removing {env_dir.name}")
        shutil.rmtree(env_dir)
    wanted = {"requirements": list(requirements), "interpreter": interpreter}
    marker = read_marker(env_dir)
    if python.exists() and all(marker.get(k) == v for k, v in wanted.items()):
        return python
    log(f"creating {env_dir.name} with {interpreter}")
    run_checked([interpreter, "-m", "venv", "--clear", env_dir], f"creating {env_dir.name}")
    log(f"installing {' '.join(requirements)} into {env_dir.name}")
    run_checked([python, "-m", "pip", "install", "-q", *requirements],
                f"pip install into {env_dir.name}")
    write_marker(env_dir, wanted)
    return python


def snapshot_ignore(cache: Path) -> Callable[[str, list[str]], set[str]]:
    """``copytree`` ignore function: SNAPSHOT_IGNORE, plus the cache dir wherever it is."""
    patterns = shutil.ignore_patterns(*SNAPSHOT_IGNORE)

    def ignore(dirpath: str, names: list[str]) -> set[str]:
        skipped = set(patterns(dirpath, names))
        skipped.update(n for n in names if Path(dirpath, n).resolve() == cache)
        return skipped

    return ignore


def project_fingerprint(root: Path, cache: Path) -> str:
    """SHA-256 over the paths and contents of the files a snapshot would copy."""
    digest = hashlib.sha256()
    ignore = snapshot_ignore(cache)
    for dirpath, dirnames, filenames in os.walk(root):
        skipped = ignore(dirpath, dirnames + filenames)
        dirnames[:] = sorted(d for d in dirnames if d not in skipped)
        for name in sorted(f for f in filenames if f not in skipped):
            path = Path(dirpath, name)
            digest.update(path.relative_to(root).as_posix().encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


def install_project(python: Path, cache: Path, force: bool) -> str:
    """Install this repository into the aisec venv unless it is already current.

    The build runs on a copy of the repository so that it leaves nothing
    (``build/``, egg-info) in the working tree. Returns the fingerprint.
    """
    env_dir = python.parent.parent
    marker = read_marker(env_dir)
    fingerprint = project_fingerprint(REPO_ROOT, cache)
    if not force and marker.get("project") == fingerprint:
        return fingerprint
    log("installing aisec-lint from a snapshot of the repository")
    with tempfile.TemporaryDirectory(prefix="aisec-bench-src-") as tmp:
        snapshot = Path(tmp, "src")
        shutil.copytree(REPO_ROOT, snapshot, ignore=snapshot_ignore(cache))
        run_checked([python, "-m", "pip", "install", "-q", "--no-deps", "--force-reinstall",
                     snapshot], "pip install <repo root> (aisec-lint)")
    marker["project"] = fingerprint
    write_marker(env_dir, marker)
    return fingerprint


def dist_versions(python: Path, names: Sequence[str]) -> dict[str, str | None]:
    """Installed versions of ``names`` in the venv of ``python`` (None if absent)."""
    code = ("import importlib.metadata as m, json, sys\n"
            "def v(n):\n"
            "    try:\n        return m.version(n)\n"
            "    except m.PackageNotFoundError:\n        return None\n"
            "print(json.dumps({n: v(n) for n in sys.argv[1:]}))\n")
    return json.loads(run_checked([python, "-I", "-c", code, *names], "version query"))


def flake8_plugins(python: Path) -> str:
    """The plugin list flake8 reports, e.g. ``mccabe: 0.7.0, pycodestyle: ...``."""
    out = run_checked([python, "-I", "-m", "flake8", "--version"], "flake8 --version")
    match = re.search(r"\((.*)\)", out)
    return match.group(1) if match else out.strip()


# ------------------------------------------------------------------ tools
def flake8_cmd(python: Path, *extra: str) -> list[str]:
    """flake8 on ``django`` (relative to the corpus dir), one process, no config files."""
    return [os.fspath(python), "-I", "-m", "flake8", "--isolated", "-j1", "--exit-zero",
            *extra, "django"]


def bandit_cmd(python: Path, report: Path) -> list[str]:
    """Bandit, recursive over ``django``, JSON report to ``report``."""
    return [os.fspath(python), "-I", "-m", "bandit", "-r", "-q", "--exit-zero",
            "-f", "json", "-o", os.fspath(report), "django"]


def time_once(cmd: Sequence[str], cwd: Path, label: str) -> float:
    """Wall-clock seconds of one run of ``cmd``; output discarded, failure raises."""
    start = time.perf_counter()
    proc = subprocess.run(  # nosec B603
        list(cmd), cwd=cwd, env=child_env(), stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE, text=True, check=False,
    )
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise BenchError(f"{label} failed (exit {proc.returncode}):\n{error_tail(proc.stderr)}")
    return elapsed


@dataclass
class Tool:
    """One timed command and what is known about it."""

    key: str
    label: str
    cmd: list[str] | None = None
    error: str | None = None
    samples: list[float] = field(default_factory=list)
    findings: int | None = None
    by_code: dict[str, int] = field(default_factory=dict)

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None


def collect_findings(tools: dict[str, Tool], corpus: Path, cache: Path) -> None:
    """Untimed pass: check each tool works, count AIS findings and Bandit results.

    It also warms the file cache before the timed rounds. A plugin that fails
    to import or crashes on a file makes flake8 report E999 for that file
    instead of failing, so the aisec run counts E999 against plain flake8's.
    """
    base, aisec, bandit = tools["a"], tools["b"], tools["c"]
    base_e999 = 0
    if base.cmd is not None:
        log("checking plain flake8 (flake8 --select=E999)")
        try:
            out = run_checked(base.cmd[:-1] + ["--select=E999", "django"], "flake8", cwd=corpus)
            base_e999 = len(E999_LINE.findall(out))
        except BenchError as exc:
            base.error, base.cmd = str(exc), None
    if aisec.cmd is not None:
        log("collecting aisec-lint findings (flake8 --select=AIS)")
        try:
            out = run_checked(aisec.cmd[:-1] + ["--select=AIS,E999", "django"],
                              "flake8 --select=AIS", cwd=corpus)
            errors = [line for line in out.splitlines() if E999_LINE.search(line)]
            if len(errors) > base_e999:
                raise BenchError(
                    f"with aisec-lint, flake8 reports E999 on {len(errors)} files "
                    f"(plain flake8: {base_e999}), e.g. {errors[0]}")
            codes = collections.Counter(m.group(1) for m in AIS_LINE.finditer(out))
            aisec.findings = sum(codes.values())
            aisec.by_code = dict(sorted(codes.items()))
        except BenchError as exc:
            aisec.error, aisec.cmd = str(exc), None
    if bandit.cmd is not None:
        log("collecting Bandit findings")
        report = cache / "bandit-report.json"
        try:
            run_checked(bandit.cmd, "bandit", cwd=corpus)
            results = json.loads(report.read_text(encoding="utf-8"))["results"]
            bandit.findings = len(results)
            bandit.by_code = dict(sorted(collections.Counter(
                r["issue_severity"].lower() for r in results).items()))
        except (BenchError, OSError, ValueError, KeyError) as exc:
            bandit.error, bandit.cmd = str(exc), None


def time_tools(tools: dict[str, Tool], corpus: Path, runs: int) -> None:
    """``runs`` interleaved rounds a, b, c, a, b, c, ... of the working tools."""
    for i in range(1, runs + 1):
        for tool in tools.values():
            if tool.cmd is None:
                continue
            try:
                tool.samples.append(time_once(tool.cmd, corpus, tool.label))
            except BenchError as exc:
                tool.error, tool.cmd = str(exc), None
                continue
            log(f"round {i}/{runs}: {tool.key} {tool.label}: {tool.samples[-1]:.2f} s")


# ------------------------------------------------------------------ report
def ratio(num: Tool, den: Tool) -> float | None:
    """``num.median / den.median`` when both exist."""
    if num.median is None or den.median is None or den.median == 0:
        return None
    return num.median / den.median


def per_kloc(count: int | None, lines: int) -> float | None:
    """Findings per 1,000 lines."""
    return None if count is None or not lines else count * 1000 / lines


def fmt(value: float | None, spec: str, suffix: str = "") -> str:
    """Format an optional number, ``n/a`` when missing."""
    return "n/a" if value is None else f"{value:{spec}}{suffix}"


def markdown_table(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """A ready-to-paste Markdown table of the figures."""
    a, b, c = tools["a"], tools["b"], tools["c"]
    lines = [
        f"Django {res['django']} (`django/`: {res['files']:,} .py files, {res['lines']:,} lines), "
        f"single process, median of {res['runs']} interleaved run(s), "
        f"Python {res['python']} on {res['platform']}.",
        "",
        "| Tool | Median time (s) | Time vs. flake8 | Findings | Findings / 1k lines |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| {a.label} | {fmt(a.median, '.2f')} | 1.00× | – | – |",
        f"| {b.label} | {fmt(b.median, '.2f')} | {fmt(ratio(b, a), '.2f', '×')} "
        f"| {fmt(b.findings, ',')} | {fmt(per_kloc(b.findings, res['lines']), '.2f')} |",
        f"| {c.label} | {fmt(c.median, '.2f')} | {fmt(ratio(c, a), '.2f', '×')} "
        f"| {fmt(c.findings, ',')} | {fmt(per_kloc(c.findings, res['lines']), '.2f')} |",
    ]
    return "\n".join(lines)


def text_report(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """Human-readable report."""
    a, b, c = tools["a"], tools["b"], tools["c"]
    out = [
        "== aisec-lint benchmark on Django ==",
        f"Python {res['python']} on {res['platform']}",
        f"Django {res['django']}, flake8 {res['versions']['flake8']}, "
        f"Bandit {res['versions']['bandit']}, aisec-lint {res['versions']['aisec-lint'] or 'n/a'}",
        f"flake8 plugins (base):  {res['plugins']['base']}",
        f"flake8 plugins (aisec): {res['plugins']['aisec'] or 'n/a'}",
        f"corpus: {res['files']:,} .py files, {res['lines']:,} lines",
        f"runs: {res['runs']} interleaved, -j1",
        "",
    ]
    for t in (a, b, c):
        samples = ", ".join(f"{s:.2f}" for s in t.samples)
        out.append(f"({t.key}) {t.label:<38} median {fmt(t.median, '8.2f', ' s')}   [{samples}]")
    out += [
        "",
        f"ratio b/a (flake8 + aisec-lint vs. flake8): {fmt(ratio(b, a), '.3f')}",
        f"ratio c/a (Bandit vs. flake8):              {fmt(ratio(c, a), '.3f')}",
        "",
        f"aisec-lint findings: {fmt(b.findings, ',')} "
        f"({fmt(per_kloc(b.findings, res['lines']), '.2f')} per 1,000 lines) {b.by_code or ''}",
        f"Bandit findings:     {fmt(c.findings, ',')} "
        f"({fmt(per_kloc(c.findings, res['lines']), '.2f')} per 1,000 lines) {c.by_code or ''}",
    ]
    errors = [f"({t.key}) {t.label}: {t.error}" for t in (a, b, c) if t.error]
    if errors:
        out += ["", "ERRORS:", *errors]
    out += ["", "Markdown:", "", markdown_table(res, tools)]
    return "\n".join(out)


def json_report(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """The figures as one JSON document."""
    doc = dict(res)
    doc["tools"] = {
        t.key: {"label": t.label, "samples_s": t.samples, "median_s": t.median,
                "findings": t.findings, "breakdown": t.by_code,
                "findings_per_kloc": per_kloc(t.findings, res["lines"]), "error": t.error}
        for t in tools.values()
    }
    doc["ratios"] = {"b/a": ratio(tools["b"], tools["a"]), "c/a": ratio(tools["c"], tools["a"])}
    doc["markdown"] = markdown_table(res, tools)
    return json.dumps(doc, indent=2, ensure_ascii=False)


# ------------------------------------------------------------------ main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--runs", type=int, default=5,
                        help="interleaved timed rounds; the median is reported (default: 5)")
    parser.add_argument("--cache-dir", type=Path, default=DEFAULT_CACHE,
                        help="where the Django source and the venvs live (default: %(default)s)")
    parser.add_argument("--python", default=sys.executable,
                        help="interpreter the venvs are created with, Python >= 3.11 "
                             "(default: the one running this script)")
    parser.add_argument("--reinstall", action="store_true",
                        help="recreate the aisec venv and reinstall the project")
    parser.add_argument("--json", action="store_true",
                        help="print the figures as JSON instead of the text report")
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 0 when every tool ran, 1 when one failed, 2 on setup errors."""
    args = parse_args(argv)
    cache = args.cache_dir.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    flake8_label = f"flake8 {FLAKE8_VERSION} (default plugins)"
    tools = {
        "a": Tool("a", flake8_label),
        "b": Tool("b", f"flake8 {FLAKE8_VERSION} + aisec-lint"),
        "c": Tool("c", f"Bandit {BANDIT_VERSION}"),
    }
    try:
        interpreter = check_interpreter(args.python)
        base_py = make_venv(cache / "venv-base", BASE_REQUIREMENTS, False, args.python)
        corpus = fetch_django(cache, base_py)
    except BenchError as exc:
        log(str(exc))
        return 2
    files, lines = corpus_size(corpus)
    tools["a"].cmd = flake8_cmd(base_py)
    tools["c"].cmd = bandit_cmd(base_py, cache / "bandit-report.json")

    aisec_py: Path | None = None
    try:
        aisec_py = make_venv(cache / "venv-aisec", AISEC_REQUIREMENTS, args.reinstall, args.python)
        install_project(aisec_py, cache, force=args.reinstall)
        plugins = flake8_plugins(aisec_py)
        if "aisec-lint" not in plugins:
            raise BenchError(f"flake8 in venv-aisec does not load aisec-lint: {plugins}")
        tools["b"].cmd = flake8_cmd(aisec_py)
    except BenchError as exc:
        tools["b"].error = str(exc)
        log(f"aisec-lint unavailable, timing the other tools only:\n{exc}")
        plugins = None

    base_plugins = flake8_plugins(base_py)
    if "aisec-lint" in base_plugins:
        log("warning: the base flake8 loads aisec-lint; baseline is not plain flake8")
    versions = dist_versions(base_py, ["flake8", "bandit"])
    versions["aisec-lint"] = None
    if aisec_py is not None and tools["b"].cmd is not None:
        versions["aisec-lint"] = dist_versions(aisec_py, ["aisec-lint"])["aisec-lint"]
        tools["b"].label = f"flake8 {FLAKE8_VERSION} + aisec-lint {versions['aisec-lint']}"

    collect_findings(tools, corpus, cache)
    time_tools(tools, corpus, args.runs)

    res: dict[str, Any] = {
        "django": DJANGO_VERSION, "files": files, "lines": lines, "runs": args.runs,
        "python": interpreter, "platform": platform.platform(terse=True),
        "versions": versions, "plugins": {"base": base_plugins, "aisec": plugins},
    }
    print(json_report(res, tools) if args.json else text_report(res, tools))
    return 1 if any(t.error for t in tools.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
