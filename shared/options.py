"""Options, declared once here; both adapters generate their host options from `OPTIONS`.

Each option is named ``aisec-*`` in both tools: ``--aisec-min-confidence`` /
``aisec-min-confidence = high`` in flake8, ``--aisec-min-confidence`` /
``aisec-min-confidence=high`` in pylint (read as ``linter.config.aisec_min_confidence``).
"""

from __future__ import annotations

import os
from fnmatch import fnmatchcase
from typing import Any, Iterable, Mapping, NamedTuple

from .memo import memo
from .findings import Confidence
from .registry import RULES
from .analysis.patterns import lazy_compile

__all__ = ["Option", "OPTIONS", "Settings", "OptionError", "parse_duration"]


class OptionError(ValueError):
    """An option value that fails validation; the message names the option and the value."""


class Option(NamedTuple):
    """One user option.

    Attributes:
        name: the option name in both hosts, ``aisec-...``.
        kind: ``"choice"`` (one of `choices`), ``"csv"`` (comma-separated list of strings) or
            ``"string"`` (one value the core parses and validates, e.g. a number).
        default: the value used when the user sets nothing; a string for "choice", a tuple
            of strings for "csv".
        help: one sentence for ``--help`` in both tools.
        metavar: placeholder shown in help.
        choices: the legal values of a "choice" option.
    """

    name: str
    kind: str
    default: Any
    help: str
    metavar: str
    choices: tuple[str, ...] = ()

    @property
    def attr(self) -> str:
        """The attribute name both hosts store the value under (``aisec_min_confidence``)."""
        return self.name.replace("-", "_")


_CODE_PREFIX_RE = lazy_compile(r"^AIS[0-9]{0,3}$")

OPTIONS: tuple[Option, ...] = (
    Option(
        name="aisec-min-confidence",
        kind="choice",
        default="medium",
        choices=("low", "medium", "high"),
        metavar="<low|medium|high>",
        help="Report only findings at or above this confidence (default: medium).",
    ),
    Option(
        name="aisec-enable",
        kind="csv",
        default=(),
        metavar="<codes>",
        help=(
            "Opt-in aisec rules to run, by code or code prefix (e.g. AIS901,AIS9). Opt-in rules "
            "run only when listed here, whatever the host's select or enable says."
        ),
    ),
    Option(
        name="aisec-extra-sources",
        kind="csv",
        default=(),
        metavar="<qualified names>",
        help=(
            "Functions or objects whose value is untrusted input, by qualified name "
            "(e.g. myapp.web.current_params): calls to them and attributes of them are sources."
        ),
    ),
    Option(
        name="aisec-extra-sanitizers",
        kind="csv",
        default=(),
        metavar="<name[:kind|kind]>",
        help=(
            "Functions whose result is safe, by qualified name, optionally for some sink kinds "
            "only (e.g. myapp.sql.quote_ident:sql, myapp.html.clean:html|template)."
        ),
    ),
    Option(
        name="aisec-extra-sinks",
        kind="csv",
        default=(),
        metavar="<name:kind>",
        help=(
            "Functions whose first argument is a sink of a kind (sql, shell, code, path, url, "
            "html, ...), by qualified name (e.g. myapp.db.run_query:sql)."
        ),
    ),
    Option(
        name="aisec-baseline",
        kind="string",
        default="",
        metavar="<file>",
        help=(
            "A baseline file written by the aisec-baseline command: findings recorded in it "
            "are not reported, so only new ones show."
        ),
    ),
    Option(
        name="aisec-secret-names",
        kind="csv",
        default=(),
        metavar="<words>",
        help=(
            "Extra words that make a name secret-like for the secrets rules, beside the built-in "
            "ones (e.g. passphrase,pin,license_key)."
        ),
    ),
    Option(
        name="aisec-ignore-names",
        kind="csv",
        default=(),
        metavar="<names>",
        help=(
            "Names the secrets rules never treat as secret-like, as case-insensitive shell "
            "patterns (e.g. *_TOKEN_URL,password_policy)."
        ),
    ),
    Option(
        name="aisec-entropy-threshold",
        kind="string",
        default="3.0",
        metavar="<bits per character>",
        help=(
            "Shannon entropy (bits per character) at or above which a literal bound to a "
            "secret-like name is reported with high confidence (default: 3.0)."
        ),
    ),
    Option(
        name="aisec-test-paths",
        kind="csv",
        # tests.py: the test module of every Django app (``manage.py startapp`` creates it);
        # testutils/: a test suite's helpers and settings (pretix's testutils/settings.py).
        default=(
            "test_*.py", "*_test.py", "tests.py", "*/tests.py", "tests/*", "*/tests/*", "test/*", "*/test/*",
            "testutils/*", "*/testutils/*", "conftest.py", "*/conftest.py",
        ),
        metavar="<patterns>",
        help=(
            "Shell patterns of test files, matched against the path as the host names it "
            "(relative to the current directory when the host gives an absolute path under it)."
        ),
    ),
    Option(
        name="aisec-secrets-in-tests",
        kind="choice",
        default="low",
        choices=("report", "low", "skip"),
        metavar="<report|low|skip>",
        help=(
            "Secret findings in test files that rest on a name or a string's shape (AIS101, "
            "AIS103, AIS104, AIS105, and AIS106's name-only ones): report them as elsewhere, "
            "lower them to low confidence (default; hidden unless aisec-min-confidence=low), or "
            "skip them. Credential formats (AIS102) are reported everywhere."
        ),
    ),
    Option(
        name="aisec-auth-decorators",
        kind="csv",
        default=(),
        metavar="<names>",
        help=(
            "Decorators of your project that authenticate a handler, by qualified or bare name "
            "(e.g. myapp.auth.require_user,token_required), beside the built-in ones."
        ),
    ),
    Option(
        name="aisec-auth-dependencies",
        kind="csv",
        default=(),
        metavar="<names>",
        help=(
            "FastAPI dependencies of your project that authenticate a request (used in Depends() "
            "or Security()), by qualified or bare name (e.g. myapp.deps.get_current_user)."
        ),
    ),
    Option(
        name="aisec-permission-checks",
        kind="csv",
        default=(),
        metavar="<names>",
        help=(
            "Functions or methods of your project that check the current user's right to act "
            "on an object, by qualified or bare name (e.g. check_owner,myapp.perms.can_edit)."
        ),
    ),
    Option(
        name="aisec-admin-decorators",
        kind="csv",
        default=(),
        metavar="<names>",
        help=(
            "Decorators of your project that restrict a handler to administrators or staff, "
            "beside the built-in ones (e.g. myapp.auth.admin_required)."
        ),
    ),
    Option(
        name="aisec-max-token-lifetime",
        kind="string",
        default="1d",
        metavar="<duration>",
        help=(
            "Longest lifetime of an issued access token before it is reported as long-lived: "
            "seconds, or a number with s, m, h or d (default: 1d)."
        ),
    ),
    Option(
        name="aisec-max-session-lifetime",
        kind="string",
        default="30d",
        metavar="<duration>",
        help=(
            "Longest session or remember-me cookie lifetime before it is reported: seconds, or a "
            "number with s, m, h or d (default: 30d)."
        ),
    ),
)
_OPTION = {opt.name: opt for opt in OPTIONS}
_DEFAULT_TEST_PATHS: tuple[str, ...] = _OPTION["aisec-test-paths"].default
_QUALNAME_RE = lazy_compile(r"^[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z_][A-Za-z0-9_]*)*$")


class Settings(NamedTuple):
    """Validated settings for one lint run: immutable and hashable (the engine keys its
    per-run caches on them). A NamedTuple rather than a frozen dataclass, which generates its
    methods from source text at each import (about 1 ms of every flake8 start).

    Attributes:
        min_confidence: findings below this are dropped.
        enable: codes or code prefixes that turn on opt-in rules.
        strict: re-raise internal errors instead of reporting AIS000 (the project's tests
            set this through the environment variable ``AISEC_STRICT=1``).
        honour_noqa: apply ``# noqa`` comments per statement in the core (see
            `aisec_shared.suppression`); flake8's ``--disable-noqa`` turns it off. A host
            flag, not an ``aisec-*`` option.
    """

    min_confidence: Confidence = Confidence.MEDIUM
    enable: tuple[str, ...] = ()
    strict: bool = False
    honour_noqa: bool = True
    baseline: str = ""
    extra_sources: tuple[str, ...] = ()
    extra_sanitizers: tuple[str, ...] = ()
    extra_sinks: tuple[str, ...] = ()
    secret_names: tuple[str, ...] = ()
    ignore_names: tuple[str, ...] = ()
    entropy_threshold: float = 3.0
    test_paths: tuple[str, ...] = _DEFAULT_TEST_PATHS
    secrets_in_tests: str = "low"
    auth_decorators: tuple[str, ...] = ()
    auth_dependencies: tuple[str, ...] = ()
    permission_checks: tuple[str, ...] = ()
    admin_decorators: tuple[str, ...] = ()
    max_token_lifetime: int = 86400
    max_session_lifetime: int = 30 * 86400

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], *, strict: bool = False) -> "Settings":
        """Build settings from ``{attr or option name: raw value}`` as a host hands them over.

        Missing keys take the option's default. Raises `OptionError` for an unknown
        confidence or an enable entry that is not an AIS code or prefix.
        """
        def get(opt: Option) -> Any:
            for key in (opt.attr, opt.name):
                if key in values and values[key] is not None:
                    return values[key]
            return opt.default

        conf_raw = str(get(OPTIONS[0])).strip().lower()
        try:
            conf = Confidence(conf_raw)
        except ValueError:
            raise OptionError(
                f"aisec-min-confidence: {conf_raw!r} is not one of low, medium, high"
            ) from None
        enable = tuple(_split_csv(get(OPTIONS[1])))
        for item in enable:
            if not _CODE_PREFIX_RE.match(item):
                raise OptionError(f"aisec-enable: {item!r} is not an AIS code or prefix")
            if not any(code.startswith(item) for code in RULES):
                raise OptionError(f"aisec-enable: {item!r} matches no aisec rule")
        sources = tuple(_split_csv(get(OPTIONS[2]), upper=False))
        sanitizers = tuple(_split_csv(get(OPTIONS[3]), upper=False))
        sinks = tuple(_split_csv(get(OPTIONS[4]), upper=False))
        for item in sources:
            _check_name("aisec-extra-sources", item)
        for item in sanitizers:
            name, _, kinds = item.partition(":")
            _check_name("aisec-extra-sanitizers", name)
            for kind in filter(None, kinds.split("|")):
                _check_kind("aisec-extra-sanitizers", item, kind)
        for item in sinks:
            name, _, kind = item.partition(":")
            _check_name("aisec-extra-sinks", name)
            _check_kind("aisec-extra-sinks", item, kind)
        raw_entropy = str(get(_OPTION["aisec-entropy-threshold"])).strip()
        try:
            entropy = float(raw_entropy)
        except ValueError:
            entropy = -1.0
        if not 0.0 <= entropy <= 8.0:
            raise OptionError(
                f"aisec-entropy-threshold: {raw_entropy!r} is not a number of bits per character from 0 to 8"
            )
        in_tests = str(get(_OPTION["aisec-secrets-in-tests"])).strip().lower()
        if in_tests not in _OPTION["aisec-secrets-in-tests"].choices:
            raise OptionError(f"aisec-secrets-in-tests: {in_tests!r} is not one of report, low, skip")
        return cls(
            min_confidence=conf, enable=enable, strict=strict,
            honour_noqa=bool(values.get("honour_noqa", True)),
            baseline=_baseline(str(get(_OPTION["aisec-baseline"]) or "").strip()),
            extra_sources=sources, extra_sanitizers=sanitizers, extra_sinks=sinks,
            secret_names=tuple(w.lower() for w in _split_csv(get(_OPTION["aisec-secret-names"]), upper=False)),
            ignore_names=tuple(w.lower() for w in _split_csv(get(_OPTION["aisec-ignore-names"]), upper=False)),
            entropy_threshold=entropy,
            test_paths=tuple(_split_csv(get(_OPTION["aisec-test-paths"]), upper=False)),
            secrets_in_tests=in_tests,
            auth_decorators=_names("aisec-auth-decorators", get(_OPTION["aisec-auth-decorators"])),
            auth_dependencies=_names("aisec-auth-dependencies", get(_OPTION["aisec-auth-dependencies"])),
            permission_checks=_names("aisec-permission-checks", get(_OPTION["aisec-permission-checks"])),
            admin_decorators=_names("aisec-admin-decorators", get(_OPTION["aisec-admin-decorators"])),
            max_token_lifetime=parse_duration("aisec-max-token-lifetime", get(_OPTION["aisec-max-token-lifetime"])),
            max_session_lifetime=parse_duration(
                "aisec-max-session-lifetime", get(_OPTION["aisec-max-session-lifetime"])
            ),
        )

    def is_test_path(self, filename: str) -> bool:
        """True when `filename` (as the host names it; ``\\`` read as ``/``) matches
        ``aisec-test-paths``. Patterns are shell patterns (`fnmatch`), matched case-sensitively
        against the whole path and against its last component. An absolute path under the
        current directory is matched relative to it: pylint names files by absolute path
        and flake8 as given, and a checkout under ``~/test/`` must not make every file a
        test file (``*/test/*``)."""
        return _matches_test_paths(relative_path(filename), self.test_paths)

    def ignored_name(self, name: str) -> bool:
        """True when ``aisec-ignore-names`` lists `name` (case-insensitive shell patterns)."""
        return bool(self.ignore_names) and _matches_ignored_names(name.lower(), self.ignore_names)

    def extra_sink_kind(self, qualname: str | None) -> str | None:
        """The sink kind a user declared for this function (``aisec-extra-sinks``), if any."""
        if qualname:
            for item in self.extra_sinks:
                name, _, kind = item.partition(":")
                if name == qualname:
                    return kind
        return None

    def rule_selected(self, code: str) -> bool:
        """True when the rule runs: on by default, or opt-in and listed in `enable`."""
        if RULES[code].default_enabled:
            return True
        return any(code.startswith(prefix) for prefix in self.enable)


SINK_KINDS = frozenset(
    {"sql", "shell", "code", "html", "template", "path", "url", "header", "ldap", "xpath", "xml", "deserialize", "nosql", "session"}
)


def relative_path(filename: str) -> str:
    """`filename` relative to the current directory when it is an absolute path under it."""
    if not os.path.isabs(filename):
        return filename
    try:
        cwd = os.getcwd()
    except OSError:  # the working directory was removed under a long-running host
        return filename
    return _relative_to(filename, cwd)


@memo(256)
def _relative_to(filename: str, cwd: str) -> str:
    """`relative_path`, memoised: rules ask about the same file many times (pylint gives
    absolute paths)."""
    try:
        rel = os.path.relpath(filename, cwd)
    except ValueError:  # another drive (Windows)
        return filename
    return filename if rel == ".." or rel.startswith(".." + os.sep) else rel


@memo(256)
def _matches_test_paths(filename: str, patterns: tuple[str, ...]) -> bool:
    """`Settings.is_test_path`, memoised: rules ask about the same file many times."""
    path = filename.replace("\\", "/")
    if path.startswith("./"):
        path = path[2:]
    base = path.rsplit("/", 1)[-1]
    return any(fnmatchcase(path, p) or fnmatchcase(base, p) for p in patterns)


@memo(4096)
def _matches_ignored_names(lowered: str, patterns: tuple[str, ...]) -> bool:
    """`Settings.ignored_name`, memoised: the same names recur across rules and files."""
    return any(fnmatchcase(lowered, p) for p in patterns)


_DURATION_RE = lazy_compile(r"^([0-9]{1,12})\s{0,3}([smhd]?)$")
_DURATION_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400}


def parse_duration(option: str, value: Any) -> int:
    """Seconds from ``"3600"``, ``"90m"``, ``"12h"`` or ``"7d"``; raises `OptionError` otherwise."""
    text = str(value).strip().lower()
    m = _DURATION_RE.match(text)
    if not m or int(m.group(1)) == 0:
        raise OptionError(f"{option}: {text!r} is not a positive duration such as 3600, 90m, 12h or 7d")
    return int(m.group(1)) * _DURATION_UNITS[m.group(2)]


def _baseline(path: str) -> str:
    """The baseline path, checked now so that a bad file stops the run with one clear error."""
    if path:
        from .baseline import load_baseline

        load_baseline(path)
    return path


def _names(option: str, value: Any) -> tuple[str, ...]:
    """A csv option of qualified or bare names, validated."""
    out = tuple(_split_csv(value, upper=False))
    for name in out:
        _check_name(option, name)
    return out


def _check_name(option: str, name: str) -> None:
    if not _QUALNAME_RE.match(name):
        raise OptionError(f"{option}: {name!r} is not a qualified name such as package.module.function")


def _check_kind(option: str, item: str, kind: str) -> None:
    if kind not in SINK_KINDS:
        raise OptionError(f"{option}: {item!r}: kind {kind!r} is not one of {', '.join(sorted(SINK_KINDS))}")


def _split_csv(value: Any, upper: bool = True) -> Iterable[str]:
    if isinstance(value, str):
        value = value.split(",")
    for item in value or ():
        item = str(item).strip()
        if upper:
            item = item.upper()
        if item:
            yield item
