#!/usr/bin/env python3
"""Benchmark aisec-lint against plain flake8, pylint and Bandit on Django's source.

One run prints every speed figure of issue 8, each with its target, a pass/fail
mark and its method:

1. flake8 with aisec-lint / flake8 without it (wall time), at most 1.10x;
2. Bandit / the core alone on the same files (wall time), at least 4x;
3. pylint with aisec-lint / pylint without it (wall time), at most 1.05x;
4. peak memory (max RSS) of a flake8 run, with minus without aisec-lint, at
   most 20 MiB;
5. the start cost aisec-lint adds to flake8 (flake8 on an empty file, with
   minus without), at most 50 ms;
6. the core on real Django modules of about 1,000 lines, at most 30 ms each;
7. the core's cost per 1,000 lines on generated modules of 1k to 50k lines,
   largest / smallest, over the same spread of CPython's parser on the same
   modules, at most 1.10x (the core grows with the size of a file no faster
   than the linear-time parser it starts with; the unscaled spread is printed
   beside it).

What it does, in order:

1. Downloads the sdist of a pinned Django release from PyPI with pip and
   extracts only its ``django/`` package into the cache directory
   (``benchmarks/.cache/`` by default). Reused when present.
2. Creates two virtual environments in the cache directory:
   ``venv-base`` (flake8, pylint and Bandit, pinned) and ``venv-aisec``
   (flake8 and pylint, the same pins, plus this project built from a snapshot
   of the repository). The project is reinstalled whenever its sources changed
   since the last install; ``--reinstall`` rebuilds the aisec venv from scratch.
3. Runs one untimed pass that checks every tool works (a plugin that fails
   to import shows up as E999 on every file) and collects the findings:
   ``flake8 --select=AIS`` in the aisec venv, Bandit's JSON report, the core
   runner's count.
4. Times ``--runs`` interleaved rounds of (a) flake8 with its default plugins,
   (b) the same flake8 command with aisec-lint installed, (c) Bandit, (d) the
   core alone (``core_bench.py corpus`` in the aisec venv), every command a
   single process (flake8 ``-j1``); each run's wall time, CPU time and max RSS
   are read with ``os.wait4`` (figures 1, 2, 4).
5. Times ``--start-runs`` interleaved rounds of flake8 on an empty file in both
   venvs (figure 5).
6. Runs ``core_bench.py modules`` and ``core_bench.py scale`` in the aisec
   venv (figures 6, 7; CPU time of the core, in process).
7. Unless ``--no-pylint``, times ``--pylint-runs`` interleaved rounds of (e)
   pylint and (f) pylint with ``--load-plugins=pylint_aisec`` (figure 3); each
   run of (f) must report aisec-lint messages.
8. Prints the versions, the size of the corpus, every sample and median, the
   figures with their targets and a Markdown table (or, with ``--json``, one
   JSON document).

Only the standard library is used; the network is reached only through pip.
Progress goes to stderr, the report to stdout.

Usage::

    python benchmarks/bench_django.py            # 5 rounds of each, pylint included
    python benchmarks/bench_django.py --quick    # one round of each, fewer samples
    python benchmarks/bench_django.py --no-pylint --runs 3
    python benchmarks/bench_django.py --reinstall --json > result.json
    python3.10 benchmarks/bench_django.py --python python3.11   # venvs need >= 3.11

The script itself runs on Python 3.10+; the venvs need Python 3.11+ because
flake8 7.5.0 does. Memory and CPU figures need ``os.wait4`` (not on Windows).
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
PYLINT_VERSION = "4.1.4"
ASTROID_VERSION = "4.3.4"  # pylint's parser; pinned too so both venvs run the same pylint

PYLINT_REQUIREMENTS = (f"pylint=={PYLINT_VERSION}", f"astroid=={ASTROID_VERSION}")
BASE_REQUIREMENTS = (f"flake8=={FLAKE8_VERSION}", *PYLINT_REQUIREMENTS,
                     f"bandit=={BANDIT_VERSION}")
AISEC_REQUIREMENTS = (f"flake8=={FLAKE8_VERSION}", *PYLINT_REQUIREMENTS)

VENV_MIN_PYTHON = (3, 11)

BENCH_DIR = Path(__file__).resolve().parent
REPO_ROOT = BENCH_DIR.parent
DEFAULT_CACHE = BENCH_DIR / ".cache"
CORE_RUNNER = BENCH_DIR / "core_bench.py"

# Figure 6: real Django modules of about 1,000 lines (physical lines in 5.2.8).
THOUSAND_LINE_MODULES = (
    "django/template/defaultfilters.py",    # 991
    "django/test/utils.py",                 # 1,004
    "django/db/migrations/state.py",        # 1,017
    "django/db/models/options.py",          # 1,043
)
# Figure 7: sizes of the generated modules, in lines.
SCALE_SIZES = (1_000, 2_000, 5_000, 10_000, 20_000, 50_000)

# Targets of issue 8.
TARGET_FLAKE8_RATIO = 1.10      # flake8 + aisec-lint / flake8, at most
TARGET_BANDIT_RATIO = 4.0       # Bandit / core alone, at least
TARGET_PYLINT_RATIO = 1.05      # pylint + aisec-lint / pylint, at most
TARGET_RSS_MIB = 20.0           # max RSS of flake8 + aisec-lint minus flake8's, at most
TARGET_START_MS = 50.0          # flake8 start with aisec-lint minus without, at most
TARGET_MODULE_MS = 30.0         # core on a 1,000-line module, at most
TARGET_SCALE_SPREAD = 1.10      # largest / smallest cost per 1,000 lines, over the parser's, at most

# Run counts: (default, --quick).
RUN_COUNTS = {
    "runs": (5, 1), "pylint_runs": (5, 1), "start_runs": (21, 7),
    "module_runs": (50, 10), "scale_runs": (5, 1),
}

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
# The options of the flake8 and pylint runs (figures 1 and 3; also `host_stages.py`'s): one
# process, no configuration file, no saved statistics, exit status 0 whatever they find.
FLAKE8_OPTIONS = ("--isolated", "-j1", "--exit-zero")
PYLINT_OPTIONS = (f"--rcfile={os.devnull}", "--persistent=n", "-j1", "--exit-zero")


def flake8_cmd(python: Path, *extra: str) -> list[str]:
    """flake8 on ``django`` (relative to the corpus dir), one process, no config files."""
    return [os.fspath(python), "-I", "-m", "flake8", *FLAKE8_OPTIONS, *extra, "django"]


def bandit_cmd(python: Path, report: Path) -> list[str]:
    """Bandit, recursive over ``django``, JSON report to ``report``."""
    return [os.fspath(python), "-I", "-m", "bandit", "-r", "-q", "--exit-zero",
            "-f", "json", "-o", os.fspath(report), "django"]


def core_cmd(python: Path) -> list[str]:
    """The core alone on ``django``: ``core_bench.py corpus`` (read, parse, check each file)."""
    return [os.fspath(python), "-I", os.fspath(CORE_RUNNER), "corpus", "."]


def pylint_cmd(python: Path, *extra: str) -> list[str]:
    """pylint on ``django``, one process, no configuration file, no saved statistics."""
    return [os.fspath(python), "-I", "-m", "pylint", *PYLINT_OPTIONS, *extra, "django"]


@dataclass
class Sample:
    """One measured run: wall seconds, CPU seconds (user + system) and peak RSS in bytes."""

    wall: float
    cpu: float | None = None
    max_rss: int | None = None


def run_measured(cmd: Sequence[str], cwd: Path, label: str,
                 stdout: Path | None = None) -> Sample:
    """Run ``cmd`` once; its wall time and, where ``os.wait4`` exists, its CPU time and max RSS.

    ``os.wait4`` reports the resource use of that one child (``getrusage(RUSAGE_CHILDREN)``
    would mix every child reaped so far). Output goes to ``stdout`` (a file) or is
    discarded; failure raises BenchError.
    """
    with tempfile.TemporaryFile() as err, \
            open(stdout if stdout is not None else os.devnull, "wb") as out:
        start = time.perf_counter()
        proc = subprocess.Popen(  # nosec B603
            list(cmd), cwd=cwd, env=child_env(), stdout=out, stderr=err)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(proc.pid, 0)
            elapsed = time.perf_counter() - start
            proc.returncode = os.waitstatus_to_exitcode(status)
            # ru_maxrss is in kilobytes on Linux and the BSDs, in bytes on macOS.
            scale = 1 if sys.platform == "darwin" else 1024
            sample = Sample(elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss * scale)
        else:
            proc.wait()
            sample = Sample(time.perf_counter() - start)
        if proc.returncode != 0:
            err.seek(0)
            raise BenchError(f"{label} failed (exit {proc.returncode}):\n"
                             + error_tail(err.read().decode("utf-8", "replace")))
    return sample


@dataclass
class Tool:
    """One timed command and what is known about it."""

    key: str
    label: str
    cmd: list[str] | None = None
    cwd: Path | None = None
    error: str | None = None
    samples: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)
    rss: list[int] = field(default_factory=list)
    findings: int | None = None
    by_code: dict[str, int] = field(default_factory=dict)
    output: Path | None = None                    # where each timed run's stdout goes
    verify: Callable[[Path], None] | None = None  # checks that output; raises BenchError

    @property
    def median(self) -> float | None:
        return statistics.median(self.samples) if self.samples else None

    @property
    def median_cpu(self) -> float | None:
        return statistics.median(self.cpu) if self.cpu else None

    @property
    def median_rss(self) -> float | None:
        return statistics.median(self.rss) if self.rss else None


def collect_findings(tools: dict[str, Tool], corpus: Path, cache: Path) -> None:
    """Untimed pass: check each tool works, count AIS findings, Bandit results, core findings.

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
    core = tools["d"]
    if core.cmd is not None:
        log("checking the core runner (core_bench.py corpus)")
        try:
            doc = json.loads(run_checked(core.cmd, "core_bench.py corpus", cwd=corpus))
            core.findings = doc["findings"]
        except (BenchError, ValueError, KeyError) as exc:
            core.error, core.cmd = str(exc), None


def time_tools(tools: Sequence[Tool], cwd: Path, runs: int, quiet: bool = False) -> None:
    """``runs`` interleaved rounds a, b, c, a, b, c, ... of the working tools.

    Each tool runs in its own ``cwd`` when it has one. A tool whose run fails, or whose
    ``verify`` rejects the run's output, stops being timed and keeps the error.
    """
    for i in range(1, runs + 1):
        for tool in tools:
            if tool.cmd is None:
                continue
            try:
                sample = run_measured(tool.cmd, tool.cwd or cwd, tool.label, tool.output)
                if tool.verify is not None and tool.output is not None:
                    tool.verify(tool.output)
            except BenchError as exc:
                tool.error, tool.cmd = str(exc), None
                continue
            tool.samples.append(sample.wall)
            if sample.cpu is not None and sample.max_rss is not None:
                tool.cpu.append(sample.cpu)
                tool.rss.append(sample.max_rss)
            if not quiet:
                log(f"round {i}/{runs}: {tool.key} {tool.label}: {sample.wall:.2f} s")


# ------------------------------------------------------------------ start cost, core, pylint
def start_dir(cache: Path) -> Path:
    """A directory holding only ``empty.py`` (0 bytes), for the start-cost runs."""
    where = cache / "start"
    where.mkdir(exist_ok=True)
    (where / "empty.py").write_bytes(b"")
    return where


def warm_up(tools: Sequence[Tool], cwd: Path, on: str | None = None) -> None:
    """One untimed run of each working tool (byte-compiles fresh venvs, fills the file cache).

    With ``on``, the run checks that file instead of the command's last argument.
    """
    for tool in tools:
        if tool.cmd is None:
            continue
        cmd = tool.cmd if on is None else tool.cmd[:-1] + [on]
        try:
            run_measured(cmd, tool.cwd or cwd, tool.label)
        except BenchError as exc:
            tool.error, tool.cmd = str(exc), None


def run_core(python: Path, args: Sequence[str], cwd: Path, what: str) -> dict[str, Any]:
    """Run ``core_bench.py ARGS`` in the venv of ``python``; its JSON document."""
    out = run_checked([python, "-I", CORE_RUNNER, *args], what, cwd=cwd)
    try:
        return json.loads(out)
    except ValueError as exc:
        raise BenchError(f"{what} printed no JSON: {exc}") from None


def core_modules(python: Path, corpus: Path, runs: int) -> dict[str, Any]:
    """Figure 6: the core on each of THOUSAND_LINE_MODULES (``core_bench.py modules``).

    Returns per module its lines, findings, CPU and wall samples and their medians (ms).
    """
    missing = [m for m in THOUSAND_LINE_MODULES if not (corpus / m).is_file()]
    if missing:
        raise BenchError(f"pinned modules missing from the corpus: {', '.join(missing)}")
    log(f"core on {len(THOUSAND_LINE_MODULES)} modules of ~1,000 lines, {runs} runs each")
    doc = run_core(python, ["modules", "--runs", str(runs), *THOUSAND_LINE_MODULES], corpus,
                   "core_bench.py modules")
    for item in doc.values():
        item["cpu_ms"] = statistics.median(item["cpu_s"]) * 1000
        item["wall_ms"] = statistics.median(item["wall_s"]) * 1000
    return doc


def spread(costs: Sequence[float]) -> float | None:
    """Largest over smallest of ``costs`` (None when the smallest is not positive)."""
    return max(costs) / min(costs) if costs and min(costs) > 0 else None


def core_scale(python: Path, corpus: Path, runs: int) -> dict[str, Any]:
    """Figure 7: the core on generated modules of SCALE_SIZES lines (``core_bench.py scale``),
    summarised by `summarize_scale`."""
    sizes = ",".join(map(str, SCALE_SIZES))
    log(f"core on generated modules of {sizes} lines, {runs} run(s)")
    doc = run_core(python, ["scale", "--runs", str(runs), "--sizes", sizes, "."], corpus,
                   "core_bench.py scale")
    return summarize_scale(doc)


def summarize_scale(doc: dict[str, Any]) -> dict[str, Any]:
    """``core_bench.py scale``'s document with its summary added, in place.

    Adds per size the median CPU, wall and ``ast.parse`` CPU milliseconds per 1,000 lines;
    ``spread``: the largest CPU cost per 1,000 lines over the smallest (also of the wall
    cost, of the parser alone and of the CPU cost less the parser's); and
    ``spread_over_parse``, figure 7: ``spread`` over the parser's (see `relative_spread`).
    """
    kloc = doc["pool_lines"] / 1000
    for item in doc["sizes"].values():
        item["cpu_ms_per_kloc"] = statistics.median(item["cpu_s"]) * 1000 / kloc
        item["wall_ms_per_kloc"] = statistics.median(item["wall_s"]) * 1000 / kloc
        item["parse_ms_per_kloc"] = statistics.median(item["parse_cpu_s"]) * 1000 / kloc
    doc["spread"] = spread([item["cpu_ms_per_kloc"] for item in doc["sizes"].values()])
    doc["spread_wall"] = spread([item["wall_ms_per_kloc"] for item in doc["sizes"].values()])
    doc["spread_without_parse"] = spread([item["cpu_ms_per_kloc"] - item["parse_ms_per_kloc"]
                                          for item in doc["sizes"].values()])
    doc["spread_parse"] = spread([item["parse_ms_per_kloc"] for item in doc["sizes"].values()])
    doc["spread_over_parse"] = relative_spread(doc["spread"], doc["spread_parse"])
    return doc


def relative_spread(core: float | None, parser: float | None) -> float | None:
    """Figure 7: the core's spread of cost per line over the parser's on the same modules.

    Both are largest / smallest CPU cost per 1,000 lines across the module sizes (`spread`).
    CPython's parser runs in time linear in its input, yet its cost per line rises with the
    size of a module on a real machine (a larger tree misses the caches more often and
    faults in fresh memory): on the benchmark host it alone spreads 1.5-1.6x from 1,000 to
    50,000 lines. Dividing by it leaves what the core adds: 1.0 when the core's cost per
    line grows exactly as the parser's, and a component that grows with the square of the
    size shows at once: one that costs 0.4% of a 1,000-line module costs 50 times as much
    per line at 50,000 lines, which lifts the figure from 1.0 to about 1.13. None when either
    spread is missing or not positive.
    """
    if core is None or parser is None or parser <= 0:
        return None
    return core / parser


PYLINT_MESSAGE = re.compile(r"^[^\n]*?:\d+:\d+: ([A-Z]\d{4}): ", re.MULTILINE)


def pylint_msgids(python: Path) -> frozenset[str]:
    """The pylint message ids of aisec-lint's rules, as the installed project declares them."""
    code = "from aisec_shared import RULES; print(*(r.msgid for r in RULES.values()))"
    out = run_checked([python, "-I", "-c", code], "listing aisec-lint's pylint message ids")
    return frozenset(out.split())


def pylint_check(tool: Tool, msgids: frozenset[str], with_plugin: bool) -> Callable[[Path], None]:
    """``Tool.verify`` for a pylint run: no unloadable plugin, aisec messages iff ``with_plugin``.

    pylint reports a plugin it cannot import as E0013 (bad-plugin-value) and goes on, so a
    broken plugin would pass as a free one; the count of aisec messages goes to
    ``tool.findings``.
    """
    def verify(output: Path) -> None:
        text = output.read_text(encoding="utf-8", errors="replace")
        if "bad-plugin-value" in text:
            line = next(x for x in text.splitlines() if "bad-plugin-value" in x)
            raise BenchError(f"{tool.label}: {line.strip()}")
        ours = [m for m in PYLINT_MESSAGE.findall(text) if m in msgids]
        if with_plugin and not ours:
            raise BenchError(f"{tool.label} reported no aisec-lint message: plugin not loaded?")
        if not with_plugin and ours:
            raise BenchError(f"{tool.label} reported aisec-lint messages without the plugin")
        tool.findings = len(ours)
        tool.by_code = dict(sorted(collections.Counter(ours).items()))

    return verify


# ------------------------------------------------------------------ report
def ratio(num: Tool, den: Tool, cpu: bool = False) -> float | None:
    """``num.median / den.median`` (of CPU times with ``cpu``) when both exist."""
    top, bottom = (num.median_cpu, den.median_cpu) if cpu else (num.median, den.median)
    if top is None or bottom is None or bottom == 0:
        return None
    return top / bottom


def round_ratios(num: Tool, den: Tool) -> str:
    """``", rounds lo-hi×"``: the smallest and largest ratio of one round's wall times (the
    rounds interleave the two tools, so round i of each ran side by side); empty when the two
    did not run the same number of rounds. The headline is the ratio of the medians; this
    range shows how far a single round strays from it."""
    pairs = [a / b for a, b in zip(num.samples, den.samples) if b > 0]
    if not pairs or len(num.samples) != len(den.samples):
        return ""
    return f", rounds {min(pairs):.3f}-{max(pairs):.3f}×"


def difference(num: float | None, den: float | None, scale: float) -> float | None:
    """``(num - den) * scale`` when both exist."""
    return None if num is None or den is None else (num - den) * scale


def per_kloc(count: int | None, lines: int) -> float | None:
    """Findings per 1,000 lines."""
    return None if count is None or not lines else count * 1000 / lines


def fmt(value: float | None, spec: str, suffix: str = "") -> str:
    """Format an optional number, ``n/a`` when missing."""
    return "n/a" if value is None else f"{value:{spec}}{suffix}"


MIB = 2 ** 20


@dataclass
class Figure:
    """One figure of issue 8: what was measured, against which target, and how."""

    number: int
    name: str
    value: float | None
    shown: str
    target: str
    passed: bool | None  # None: not measured (tool failed or skipped)
    method: str
    cross: str = ""      # the same figure on the other clock (CPU or wall), for judging noise

    @property
    def mark(self) -> str:
        return {True: "PASS", False: "FAIL", None: "n/a"}[self.passed]


def figures(res: dict[str, Any], tools: dict[str, Tool]) -> list[Figure]:
    """The seven figures, each with its target and method, from the measurements."""
    t, n = tools, res["counts"]
    out: list[Figure] = []

    def add(name: str, value: float | None, spec: str, suffix: str, target: str,
            ok: Callable[[float], bool], method: str, cross: tuple[str, float | None]) -> None:
        clock, other = cross
        out.append(Figure(len(out) + 1, name, value, fmt(value, spec, suffix), target,
                          None if value is None else ok(value), method,
                          f"{clock} {fmt(other, spec, suffix)}" if clock else ""))

    add("flake8 + aisec-lint vs. flake8", ratio(t["b"], t["a"]), ".3f", "×",
        f"≤ {TARGET_FLAKE8_RATIO:.2f}×", lambda v: v <= TARGET_FLAKE8_RATIO,
        f"wall time of `flake8 --isolated -j1 django` with / without aisec-lint installed, "
        f"median of {n['runs']} interleaved runs", ("CPU", ratio(t["b"], t["a"], cpu=True)))
    if out[-1].cross:
        out[-1].cross += round_ratios(t["b"], t["a"])
    add("Bandit vs. the core alone", ratio(t["c"], t["d"]), ".2f", "×",
        f"≥ {TARGET_BANDIT_RATIO:.1f}×", lambda v: v >= TARGET_BANDIT_RATIO,
        f"wall time of `bandit -r django` / `core_bench.py corpus` (read, parse, "
        f"`check_source` with default settings, every file, one process), median of "
        f"{n['runs']} interleaved runs", ("CPU", ratio(t["c"], t["d"], cpu=True)))
    pylint_runs = "skipped (--no-pylint)" if res["pylint_skipped"] else \
        f"median of {n['pylint_runs']} interleaved runs"
    add("pylint + aisec-lint vs. pylint", ratio(t["f"], t["e"]), ".3f", "×",
        f"≤ {TARGET_PYLINT_RATIO:.2f}×", lambda v: v <= TARGET_PYLINT_RATIO,
        f"wall time of `pylint --rcfile={os.devnull} --persistent=n -j1 django` with / without "
        f"`--load-plugins=pylint_aisec`, default checkers, {pylint_runs}",
        ("CPU", ratio(t["f"], t["e"], cpu=True)))
    if out[-1].cross:
        out[-1].cross += round_ratios(t["f"], t["e"])
    add("flake8 peak memory, added", difference(t["b"].median_rss, t["a"].median_rss, 1 / MIB),
        "+.1f", " MiB", f"≤ {TARGET_RSS_MIB:.0f} MiB", lambda v: v <= TARGET_RSS_MIB,
        f"max RSS of the flake8 process (`os.wait4`), with minus without aisec-lint, "
        f"medians of the {n['runs']} runs of figure 1", ("", None))
    add("flake8 start, added", difference(t["h"].median, t["g"].median, 1000), "+.1f", " ms",
        f"≤ {TARGET_START_MS:.0f} ms", lambda v: v <= TARGET_START_MS,
        f"wall time of `flake8 --isolated -j1 empty.py` (imports, options, the rules' "
        f"dispatch table on a 0-byte file), with minus without aisec-lint, medians of "
        f"{n['start_runs']} interleaved runs",
        ("CPU", difference(t["h"].median_cpu, t["g"].median_cpu, 1000)))
    modules = (res.get("modules") or {}).values()
    slowest = max((m["cpu_ms"] for m in modules), default=None)
    slowest_wall = max((m["wall_ms"] for m in modules), default=None)
    add("core on a 1,000-line module", slowest, ".1f", " ms", f"≤ {TARGET_MODULE_MS:.0f} ms",
        lambda v: v <= TARGET_MODULE_MS,
        f"CPU time of `check_source(bytes)` (decode, parse, every default rule) in a warm "
        f"process, median of {n['module_runs']} runs, slowest of "
        f"{len(THOUSAND_LINE_MODULES)} Django modules of 991-1,043 lines",
        ("wall", slowest_wall))
    scale = res.get("scale")
    add("core cost per line, spread / parser's", scale.get("spread_over_parse") if scale else None,
        ".2f", "×", f"≤ {TARGET_SCALE_SPREAD:.2f}×", lambda v: v <= TARGET_SCALE_SPREAD,
        f"CPU time of `check_source` per 1,000 lines over the same "
        f"{scale['pool_lines'] if scale else 50_000:,} Django lines cut into modules of "
        f"{SCALE_SIZES[0]:,}-{SCALE_SIZES[-1]:,} lines, median of {n['scale_runs']} runs; "
        f"largest / smallest, over the same spread of `ast.parse` alone on the same modules "
        f"(collector paused, as the core parses)",
        ("core", scale.get("spread") if scale else None))
    if scale and out[-1].cross:  # the unscaled spreads beside it: the core's and the parser's
        out[-1].cross += f", parser {fmt(scale.get('spread_parse'), '.2f', '×')}"
    return out


def scale_rows(scale: dict[str, Any]) -> list[tuple[int, int, int, float, float, float]]:
    """Per size: ``(size, modules, largest module, CPU, wall, parse CPU)``, ms / 1k lines."""
    return [(int(size), item["modules"], item["largest_module_lines"],
             item["cpu_ms_per_kloc"], item["wall_ms_per_kloc"], item["parse_ms_per_kloc"])
            for size, item in scale["sizes"].items()]


def markdown_table(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """Ready-to-paste Markdown: the figures with targets, the tools, the scale curve."""
    t, n = tools, res["counts"]
    lines = [
        f"Django {res['django']} (`django/`: {res['files']:,} .py files, {res['lines']:,} lines), "
        f"one process per tool, Python {res['python']} on {res['platform']}; "
        f"wall-time ratios are medians of {n['runs']} interleaved runs "
        + ("(pylint: not run)." if res["pylint_skipped"] else f"({n['pylint_runs']} for pylint)."),
        "",
        "| # | Figure | Target | Measured | Result |",
        "| ---: | --- | ---: | ---: | --- |",
    ]
    lines += [f"| {f.number} | {f.name} | {f.target} | {f.shown} | {f.mark.lower()} |"
              for f in figures(res, tools)]
    lines += [
        "",
        "| Tool | Median time (s) | Time vs. flake8 | Max RSS (MiB) | Findings "
        "| Findings / 1k lines |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    for key in "abcdef":
        tool = t[key]
        if key in "ef" and res["pylint_skipped"]:
            continue
        vs = "1.00×" if key == "a" else fmt(ratio(tool, t["a"]), ".2f", "×")
        shown = "–" if key in "ae" else fmt(tool.findings, ",")
        kloc = "–" if key in "ae" else fmt(per_kloc(tool.findings, res["lines"]), ".2f")
        rss = fmt(None if tool.median_rss is None else tool.median_rss / MIB, ".0f")
        lines.append(f"| {tool.label} | {fmt(tool.median, '.2f')} | {vs} | {rss} "
                     f"| {shown} | {kloc} |")
    scale = res.get("scale")
    if scale:
        lines += ["", "| Module size (lines) | Modules | CPU ms per 1,000 lines "
                      "| of which `ast.parse` |",
                  "| ---: | ---: | ---: | ---: |"]
        lines += [f"| {size:,} | {count} | {cpu:.1f} | {parse:.1f} |"
                  for size, count, _, cpu, _, parse in scale_rows(scale)]
    return "\n".join(lines)


def tool_line(tool: Tool, unit: str = "s") -> str:
    """``(k) label  median  cpu  rss  [samples]`` for the text report."""
    scale = 1000 if unit == "ms" else 1
    spec = "8.1f" if unit == "ms" else "8.2f"
    samples = ", ".join(f"{x * scale:{spec.lstrip('8')}}" for x in tool.samples)
    wall = None if tool.median is None else tool.median * scale
    cpu = None if tool.median_cpu is None else tool.median_cpu * scale
    rss = None if tool.median_rss is None else tool.median_rss / MIB
    return (f"({tool.key}) {tool.label:<44} median {fmt(wall, spec, ' ' + unit)}  "
            f"cpu {fmt(cpu, spec, ' ' + unit)}  max RSS {fmt(rss, '6.1f', ' MiB')}  [{samples}]")


def text_report(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """Human-readable report."""
    t, n, v = tools, res["counts"], res["versions"]
    out = [
        "== aisec-lint benchmark on Django (issue 8) ==",
        f"Python {res['python']} on {res['platform']}",
        f"Django {res['django']}, flake8 {v['flake8']}, pylint {v['pylint']} (astroid "
        f"{v['astroid']}), Bandit {v['bandit']}, aisec-lint {v['aisec-lint'] or 'n/a'}",
        f"flake8 plugins (base):  {res['plugins']['base']}",
        f"flake8 plugins (aisec): {res['plugins']['aisec'] or 'n/a'}",
        f"corpus: {res['files']:,} .py files, {res['lines']:,} lines",
        f"runs: {n['runs']} interleaved rounds a-d, "
        + ("pylint skipped" if res["pylint_skipped"] else f"{n['pylint_runs']} rounds e-f")
        + f", {n['start_runs']} rounds g-h, {n['module_runs']} per module, "
          f"{n['scale_runs']} scale round(s); every command one process (-j1)",
        "",
        "Whole corpus (wall time, CPU time of the child, its max RSS):",
        *(tool_line(t[k]) for k in ("abcd" if res["pylint_skipped"] else "abcdef")),
        "",
        "Start (flake8 on an empty file):",
        *(tool_line(t[k], "ms") for k in "gh"),
    ]
    modules = res.get("modules")
    if modules:
        out += ["", f"Core on Django modules of ~1,000 lines (median of {n['module_runs']} "
                    f"check_source calls, parse included, warm process):"]
        out += [f"  {name:<36} {m['lines']:>5,} lines  CPU {m['cpu_ms']:6.1f} ms  "
                f"wall {m['wall_ms']:6.1f} ms" for name, m in modules.items()]
    scale = res.get("scale")
    if scale:
        out += ["", f"Core on generated modules (pool: {scale['pool_files']} Django files of at "
                    f"most {scale['max_file_lines']:,} lines, {scale['pool_lines']:,} lines, "
                    f"seed {scale['seed']}; median of {n['scale_runs']}):",
                "   size  modules  largest  CPU ms/1k lines  wall ms/1k lines  "
                "ast.parse alone (CPU)"]
        out += [f"  {size:>6,}  {count:>7}  {largest:>7,}  {cpu:>15.2f}  {wall:>16.2f}  "
                f"{parse:>21.2f}"
                for size, count, largest, cpu, wall, parse in scale_rows(scale)]
        out.append(f"  largest / smallest cost per 1,000 lines: CPU "
                   f"{fmt(scale['spread'], '.2f')}, wall {fmt(scale['spread_wall'], '.2f')}, "
                   f"ast.parse alone {fmt(scale.get('spread_parse'), '.2f')}, "
                   f"CPU less ast.parse {fmt(scale['spread_without_parse'], '.2f')}; "
                   f"CPU over ast.parse alone {fmt(scale.get('spread_over_parse'), '.2f')}")
    out += [
        "",
        f"aisec-lint findings (flake8): {fmt(t['b'].findings, ',')} "
        f"({fmt(per_kloc(t['b'].findings, res['lines']), '.2f')} per 1,000 lines) "
        f"{t['b'].by_code or ''}",
        f"aisec-lint findings (core runner): {fmt(t['d'].findings, ',')}",
        f"aisec-lint messages (pylint): {fmt(t['f'].findings, ',')} {t['f'].by_code or ''}",
        f"Bandit findings: {fmt(t['c'].findings, ',')} "
        f"({fmt(per_kloc(t['c'].findings, res['lines']), '.2f')} per 1,000 lines) "
        f"{t['c'].by_code or ''}",
        "",
        "Figures (issue 8):",
    ]
    figs = figures(res, tools)
    out += [f"  {f.number}. {f.name:<38} {f.shown:>10}   target {f.target:<9} {f.mark:<5}"
            + (f"  ({f.cross})" if f.cross else "")
            for f in figs]
    out += ["", "Method:"]
    out += [f"  {f.number}. {f.method}" for f in figs]
    errors = [f"({x.key}) {x.label}: {x.error}" for x in t.values() if x.error]
    errors += res["errors"]
    if errors:
        out += ["", "ERRORS:", *errors]
    out += ["", "Markdown:", "", markdown_table(res, tools)]
    return "\n".join(line.rstrip() for line in out)


def json_report(res: dict[str, Any], tools: dict[str, Tool]) -> str:
    """The figures as one JSON document."""
    doc = dict(res)
    doc["tools"] = {
        t.key: {"label": t.label, "samples_s": t.samples, "median_s": t.median,
                "cpu_s": t.cpu, "median_cpu_s": t.median_cpu,
                "max_rss_bytes": t.rss, "median_max_rss_bytes": t.median_rss,
                "findings": t.findings, "breakdown": t.by_code,
                "findings_per_kloc": per_kloc(t.findings, res["lines"]), "error": t.error}
        for t in tools.values()
    }
    doc["ratios"] = {"b/a": ratio(tools["b"], tools["a"]), "c/a": ratio(tools["c"], tools["a"]),
                     "c/d": ratio(tools["c"], tools["d"]), "f/e": ratio(tools["f"], tools["e"])}
    doc["figures"] = [
        {"number": f.number, "name": f.name, "value": f.value, "shown": f.shown,
         "target": f.target, "passed": f.passed, "method": f.method, "cross_check": f.cross}
        for f in figures(res, tools)
    ]
    doc["markdown"] = markdown_table(res, tools)
    return json.dumps(doc, indent=2, ensure_ascii=False)


# ------------------------------------------------------------------ main
def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    """Command-line options; run counts left unset take their default or ``--quick`` value."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n", 1)[0])
    parser.add_argument("--runs", type=int,
                        help="interleaved rounds of flake8, flake8 + aisec-lint, Bandit and the "
                             "core; the median is reported (default: 5, --quick: 1)")
    parser.add_argument("--pylint-runs", type=int,
                        help="interleaved rounds of pylint with and without the plugin; each "
                             "takes minutes on Django (default: 5, the issue's median of five; --quick: 1)")
    parser.add_argument("--no-pylint", action="store_true", help="skip the pylint figure")
    parser.add_argument("--start-runs", type=int,
                        help="interleaved rounds of flake8 on an empty file (default: 21, "
                             "--quick: 7)")
    parser.add_argument("--module-runs", type=int,
                        help="check_source calls per ~1,000-line module (default: 50, "
                             "--quick: 10)")
    parser.add_argument("--scale-runs", type=int,
                        help="rounds over the generated modules (default: 5, --quick: 1)")
    parser.add_argument("--quick", action="store_true",
                        help="fewer runs of everything, for development")
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
    for name, (default, quick) in RUN_COUNTS.items():
        if getattr(args, name) is None:
            setattr(args, name, quick if args.quick else default)
        if getattr(args, name) < 1:
            parser.error(f"--{name.replace('_', '-')} must be at least 1")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark; exit 0 when every tool ran, 1 when one failed, 2 on setup errors.

    A figure that misses its target does not change the exit status.
    """
    args = parse_args(argv)
    cache = args.cache_dir.resolve()
    cache.mkdir(parents=True, exist_ok=True)
    flake8_label = f"flake8 {FLAKE8_VERSION} (default plugins)"
    pylint_label = f"pylint {PYLINT_VERSION} (default checkers)"
    tools = {
        "a": Tool("a", flake8_label),
        "b": Tool("b", f"flake8 {FLAKE8_VERSION} + aisec-lint"),
        "c": Tool("c", f"Bandit {BANDIT_VERSION}"),
        "d": Tool("d", "aisec-lint core alone"),
        "e": Tool("e", pylint_label),
        "f": Tool("f", f"pylint {PYLINT_VERSION} + aisec-lint"),
        "g": Tool("g", f"flake8 {FLAKE8_VERSION}, empty file"),
        "h": Tool("h", f"flake8 {FLAKE8_VERSION} + aisec-lint, empty file"),
    }
    try:
        interpreter = check_interpreter(args.python)
        base_py = make_venv(cache / "venv-base", BASE_REQUIREMENTS, False, args.python)
        corpus = fetch_django(cache, base_py)
    except BenchError as exc:
        log(str(exc))
        return 2
    files, lines = corpus_size(corpus)
    empty = start_dir(cache)
    tools["a"].cmd = flake8_cmd(base_py)
    tools["c"].cmd = bandit_cmd(base_py, cache / "bandit-report.json")
    tools["e"].cmd = pylint_cmd(base_py)
    tools["g"].cmd, tools["g"].cwd = flake8_cmd(base_py)[:-1] + ["empty.py"], empty

    aisec_py: Path | None = None
    aisec_keys = "bdfh"
    try:
        aisec_py = make_venv(cache / "venv-aisec", AISEC_REQUIREMENTS, args.reinstall, args.python)
        install_project(aisec_py, cache, force=args.reinstall)
        plugins = flake8_plugins(aisec_py)
        if "aisec-lint" not in plugins:
            raise BenchError(f"flake8 in venv-aisec does not load aisec-lint: {plugins}")
        tools["b"].cmd = flake8_cmd(aisec_py)
        tools["d"].cmd = core_cmd(aisec_py)
        tools["f"].cmd = pylint_cmd(aisec_py, "--load-plugins=pylint_aisec")
        tools["h"].cmd, tools["h"].cwd = flake8_cmd(aisec_py)[:-1] + ["empty.py"], empty
        msgids = pylint_msgids(aisec_py)
    except BenchError as exc:
        for key in aisec_keys:
            tools[key].error = str(exc)
        log(f"aisec-lint unavailable, timing the other tools only:\n{exc}")
        plugins, msgids = None, frozenset()

    base_plugins = flake8_plugins(base_py)
    if "aisec-lint" in base_plugins:
        log("warning: the base flake8 loads aisec-lint; baseline is not plain flake8")
    versions = dist_versions(base_py, ["flake8", "pylint", "astroid", "bandit"])
    versions["aisec-lint"] = None
    if aisec_py is not None and tools["b"].cmd is not None:
        theirs = dist_versions(aisec_py, ["aisec-lint", "pylint", "astroid"])
        versions["aisec-lint"] = theirs.pop("aisec-lint")
        if theirs != {k: versions[k] for k in theirs}:
            log(f"warning: pylint differs between the venvs: base {versions}, aisec {theirs}")
        tools["b"].label = f"flake8 {FLAKE8_VERSION} + aisec-lint {versions['aisec-lint']}"
        tools["f"].label = f"pylint {PYLINT_VERSION} + aisec-lint {versions['aisec-lint']}"

    errors: list[str] = []
    collect_findings(tools, corpus, cache)
    log(f"timing {args.runs} round(s) of flake8, flake8 + aisec-lint, Bandit, the core")
    time_tools([tools[k] for k in "abcd"], corpus, args.runs)

    log(f"timing {args.start_runs} round(s) of flake8 on an empty file, with and without")
    warm_up([tools["g"], tools["h"]], empty)
    time_tools([tools["g"], tools["h"]], empty, args.start_runs, quiet=True)

    modules = scale = None
    if aisec_py is not None and tools["d"].cmd is not None:
        try:
            modules = core_modules(aisec_py, corpus, args.module_runs)
        except BenchError as exc:
            errors.append(f"figure 6 (core on ~1,000-line modules): {exc}")
        try:
            scale = core_scale(aisec_py, corpus, args.scale_runs)
        except BenchError as exc:
            errors.append(f"figure 7 (scale): {exc}")

    pylint = [tools["e"], tools["f"]]
    if args.no_pylint:
        for tool in pylint:
            tool.cmd = None
    else:
        for tool, with_plugin in ((tools["e"], False), (tools["f"], True)):
            tool.output = cache / f"pylint-{tool.key}.txt"
            tool.verify = pylint_check(tool, msgids, with_plugin)
        warm_up(pylint, empty, on="empty.py")
        log(f"timing {args.pylint_runs} round(s) of pylint, with and without aisec-lint "
            f"(minutes per run)")
        time_tools(pylint, corpus, args.pylint_runs)

    res: dict[str, Any] = {
        "django": DJANGO_VERSION, "files": files, "lines": lines,
        "counts": {name: getattr(args, name) for name in RUN_COUNTS},
        "pylint_skipped": args.no_pylint,
        "python": interpreter, "platform": platform.platform(terse=True),
        "versions": versions, "plugins": {"base": base_plugins, "aisec": plugins},
        "modules": modules, "scale": scale, "errors": errors,
    }
    print(json_report(res, tools) if args.json else text_report(res, tools))
    return 1 if errors or any(t.error for t in tools.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
