"""The engine: parse once, index once, dispatch each node once, collect findings.

Public entry points:

- `check_tree(tree, lines, filename, settings)` for hosts that already parsed (flake8);
- `check_source(data, filename, settings)` for hosts that hand over bytes or text (pylint,
  tests): decodes honouring the PEP 263 coding cookie and parses once.

Failure is visible, never fatal: when a check raises, its rule stops for this file and one
AIS000 finding at line 1 names it; the other rules still report. In strict mode (the
project's own tests, ``AISEC_STRICT=1``) the exception propagates instead.
"""

from __future__ import annotations

import ast
import gc
import importlib
import io
import os
import re
import tokenize
import warnings
from contextlib import contextmanager
from functools import lru_cache
from typing import Any, Callable, Iterable, Iterator, Mapping, Sequence

from .analysis.context import FileContext, char_col, node_span
from .checks import NAMED_TYPES, CheckFn, callee_key, target_names
from .findings import Confidence, Finding
from .options import Settings
from .registry import INTERNAL_ERROR, RULES
from .baseline import load_baseline, statement_text
from .suppression import Suppressions, statement_lines
from .analysis.patterns import lazy_compile

__all__ = ["baseline_keys", "check_tree", "check_source", "settings_from_host", "strict_from_env"]


def strict_from_env() -> bool:
    """True when ``AISEC_STRICT`` is set to a non-empty value other than ``0``."""
    return os.environ.get("AISEC_STRICT", "") not in ("", "0")


def settings_from_host(values: Mapping[str, Any]) -> Settings:
    """Validated `Settings` from a host's option values (see `Settings.from_mapping`)."""
    return Settings.from_mapping(values, strict=strict_from_env())


@lru_cache(maxsize=None)
def _checks_for(code: str) -> tuple[tuple[type, CheckFn, frozenset | None], ...]:
    """``(node type, check, keys)`` for each check of the rule; keys are ``(callees,
    keywords)`` of a Call check that declares either, the declared names of a check of
    `NAMED_TYPES`, else None."""
    module = importlib.import_module(f"{__package__}.rules.{RULES[code].module}")
    found = []
    for value in vars(module).values():
        if getattr(value, "__aisec_node_types__", None) and getattr(value, "__module__", None) == module.__name__:
            found.extend(_declared(value))
    return tuple(found)


def _declared(check: CheckFn) -> list[tuple[type, CheckFn, Any]]:
    """``(node type, check, keys)`` for each node type one check declares (see `_checks_for`)."""
    callees = getattr(check, "__aisec_callees__", None)
    keywords = getattr(check, "__aisec_keywords__", None)
    names = getattr(check, "__aisec_names__", None)
    out: list[tuple[type, CheckFn, Any]] = []
    for t in check.__aisec_node_types__:  # type: ignore[attr-defined]
        if t is ast.Call:
            out.append((t, check, None if callees is None and keywords is None else (callees, keywords)))
        else:
            out.append((t, check, names if t in NAMED_TYPES else None))
    return out


class _Dispatch:
    """Checks by node type; for calls, also by callee name, and for names and attributes by
    identifier (see `checks.on`)."""

    def __init__(self, codes: Iterable[str], extra_callees: frozenset, closed: frozenset = frozenset()) -> None:
        # Gated checks (`checks.on(when=...)`): check -> (code, gate), whether or not `closed`
        # (the checks whose gate this file closed) leaves them out of this table.
        self.gates: dict[CheckFn, tuple[str, Callable[[FileContext], bool]]] = {}
        self.by_type: dict[type, list[tuple[str, CheckFn]]] = {}
        self.any_call: list[tuple[str, CheckFn]] = []
        self.by_callee: dict[str, list[tuple[str, CheckFn]]] = {}
        self.by_keyword: dict[str, list[tuple[str, CheckFn]]] = {}
        # Per type of `NAMED_TYPES`: name -> the checks for it, the type's checks without
        # declared names included; `unnamed` holds those alone, `every` all of the type's.
        self.by_ident: dict[type, dict[str, list[tuple[str, CheckFn]]]] = {t: {} for t in NAMED_TYPES}
        self.unnamed: dict[type, list[tuple[str, CheckFn]]] = {t: [] for t in NAMED_TYPES}
        self.every: dict[type, list[tuple[str, CheckFn]]] = {t: [] for t in NAMED_TYPES}
        named: list[tuple[type, str, tuple[str, CheckFn]]] = []
        for code in codes:
            for node_type, fn, keys in _checks_for(code):
                gate = getattr(fn, "__aisec_when__", None)
                if gate is not None:
                    self.gates[fn] = (code, gate)
                if fn in closed:
                    continue
                pair = (code, fn)
                entry = _PAIRS.setdefault(pair, pair)  # one object per check in every table
                if node_type is ast.Call:
                    callees, keywords = keys if keys is not None else (None, None)
                    if callees is None and keywords is None:
                        self.any_call.append(entry)
                        continue
                    for name in sorted((callees or frozenset()) | extra_callees):
                        self.by_callee.setdefault(name, []).append(entry)
                    for name in sorted(keywords or ()):
                        self.by_keyword.setdefault(name, []).append(entry)
                elif node_type in NAMED_TYPES:
                    self.every[node_type].append(entry)
                    if keys is None:
                        self.unnamed[node_type].append(entry)
                    else:
                        named.extend((node_type, ident, entry) for ident in sorted(keys))
                else:
                    self.by_type.setdefault(node_type, []).append(entry)
        for node_type, ident, entry in named:
            table = self.by_ident[node_type]
            if ident not in table:
                table[ident] = list(self.unnamed[node_type])
            table[ident].append(entry)
        # Per callee key: `any_call` followed by the key's own checks (`checks`' order).
        self._joined: dict[str, list[tuple[str, CheckFn]]] = {
            name: self.any_call + named_checks for name, named_checks in self.by_callee.items()
        }
        self._share()

    def _share(self) -> None:
        """Turn every list of checks into a tuple shared by all tables (`_shared`).

        A run builds a table per set of closed gates (Django: 7), each with some 2,300
        lists and pairs that stay alive to the end of the run; every full collection of the
        host's garbage collector walks them. Shared tuples leave one copy of each."""
        self.any_call = _shared(self.any_call)  # type: ignore[assignment]
        for table in (self.by_type, self.by_callee, self.by_keyword, self._joined, *self.by_ident.values()):
            for key, entries in table.items():
                table[key] = _shared(entries)  # type: ignore[assignment]
        for tables in (self.unnamed, self.every):
            for key, entries in tables.items():
                tables[key] = _shared(entries)  # type: ignore[assignment]

    def work(self, ctx: FileContext) -> Iterator[tuple[ast.AST, list[tuple[str, CheckFn]]]]:
        """``(node, checks)`` for every node of the file some selected check wants, type by
        type (only the types with checks are visited; the order of the checks does not change
        the findings, which are sorted). `checks` inlined: this runs for every such node."""
        nodes_of = ctx.nodes_of
        for kind, entries in self.by_type.items():
            for node in nodes_of(kind):
                yield node, entries
        for kind, attr in ((ast.Name, "id"), (ast.Attribute, "attr")):
            get, default = self.by_ident[kind].get, self.unnamed[kind]
            if default or self.by_ident[kind]:
                for node in nodes_of(kind):
                    entries = get(getattr(node, attr), default)
                    if entries:
                        yield node, entries
        name_type = ast.Name
        for kind in (ast.Assign, ast.AnnAssign, ast.AugAssign):
            table, default = self.by_ident[kind], self.unnamed[kind]
            if not table:
                if default:
                    for node in nodes_of(kind):
                        yield node, default
                continue
            get = table.get
            for node in nodes_of(kind):
                # `_assignment_checks` of the commonest shape, ``name = value``, inlined.
                targets = node.targets if kind is ast.Assign else None  # type: ignore[attr-defined]
                if targets is not None and len(targets) == 1 and type(targets[0]) is name_type:
                    entries = get(targets[0].id, default)
                else:
                    entries = self._assignment_checks(kind, node)
                if entries:
                    yield node, entries
        if self.any_call or self.by_callee:
            # `checks` of a call inlined: the checks of its callee key (`callee_key`; the
            # attribute of ``x.m(...)`` read here) with `any_call` already joined to them, and
            # those of its keywords.
            any_call, joined, by_keyword = self.any_call, self._joined, self.by_keyword
            attribute_type = ast.Attribute
            for node in nodes_of(ast.Call):
                func = node.func  # type: ignore[attr-defined]
                entries = joined.get(func.attr if type(func) is attribute_type else callee_key(node, ctx), any_call)  # type: ignore[arg-type]
                if by_keyword and node.keywords:  # type: ignore[attr-defined]
                    entries = self._with_keywords(entries, node.keywords)  # type: ignore[attr-defined]
                if entries:
                    yield node, entries

    def _assignment_checks(self, kind: type, node: ast.AST) -> list[tuple[str, CheckFn]]:
        """The checks for an assignment: those of its target names (`checks.target_names`),
        every check of the type when a target's name cannot be known."""
        names = target_names(node)  # type: ignore[arg-type]
        if names is None:
            return self.every[kind]
        table, default = self.by_ident[kind], self.unnamed[kind]
        if len(names) == 1:
            return table.get(names[0], default)
        entries = list(default)
        for name in names:
            entries.extend(e for e in table.get(name, ()) if e not in entries)
        return entries

    def checks(self, node: ast.AST, ctx: FileContext) -> list[tuple[str, CheckFn]]:
        """The checks that `work` runs on `node` (for a single node; tests use it)."""
        kind = type(node)
        if kind is ast.Name:
            return self.by_ident[kind].get(node.id, self.unnamed[kind])  # type: ignore[attr-defined]
        if kind is ast.Attribute:
            return self.by_ident[kind].get(node.attr, self.unnamed[kind])  # type: ignore[attr-defined]
        if kind in NAMED_TYPES:
            return self._assignment_checks(kind, node)
        if kind is not ast.Call:
            return self.by_type.get(kind, [])
        entries = self._joined.get(callee_key(node, ctx), self.any_call)  # type: ignore[arg-type]
        if self.by_keyword and node.keywords:  # type: ignore[attr-defined]
            entries = self._with_keywords(entries, node.keywords)  # type: ignore[attr-defined]
        return entries

    def _with_keywords(self, entries: list[tuple[str, CheckFn]], keywords: list[ast.keyword]) -> list[tuple[str, CheckFn]]:
        """`entries` followed by the checks declared for the call's keyword names, each once."""
        get = self.by_keyword.get
        for kw in keywords:
            more = get(kw.arg)  # type: ignore[arg-type]
            if more:
                entries = entries + tuple(e for e in more if e not in entries)  # type: ignore[operator]
        return entries


# Interned dispatch entries: ``(code, check)`` pairs and tuples of them (see `_Dispatch._share`).
_PAIRS: dict[tuple[str, CheckFn], tuple[str, CheckFn]] = {}
_ENTRIES: dict[tuple, tuple] = {}


def _shared(entries: Iterable[tuple[str, CheckFn]]) -> tuple[tuple[str, CheckFn], ...]:
    """`entries` as a tuple equal to it, the same object for equal entries in every table."""
    pairs = tuple(entries)  # of `_PAIRS`' pairs already (see `_Dispatch.__init__`)
    return _ENTRIES.setdefault(pairs, pairs)


def clear_caches() -> None:
    """Forget the loaded checks and dispatch tables (tests that patch a rule call this)."""
    _checks_for.cache_clear()
    _dispatch_for.cache_clear()
    _selected.cache_clear()
    _PAIRS.clear()
    _ENTRIES.clear()


@lru_cache(maxsize=256)
def _dispatch_for(codes: tuple[str, ...], extra_sinks: tuple[str, ...], closed: frozenset = frozenset()) -> "_Dispatch":
    """The dispatch table for a selection of rules, less the checks whose gate a file closed;
    built once per selection and set of closed checks (a few per run), not per file."""
    extra = frozenset(item.partition(":")[0].rsplit(".", 1)[-1] for item in extra_sinks)
    return _Dispatch(codes, extra, closed)


def selected_codes(settings: Settings, only: Iterable[str] | None = None) -> list[str]:
    """The rule codes that run: selected by the settings and, if given, listed in `only`."""
    return list(_selected(settings, None if only is None else frozenset(only)))


@lru_cache(maxsize=64)
def _selected(settings: Settings, wanted: frozenset[str] | None) -> tuple[str, ...]:
    """`selected_codes` as a tuple, worked out once per run's settings, not per file."""
    return tuple(
        code
        for code in RULES
        if code != INTERNAL_ERROR
        and settings.rule_selected(code)
        and (wanted is None or code in wanted)
    )


def check_tree(
    tree: ast.AST,
    lines: list[str],
    filename: str,
    settings: Settings,
    *,
    only: Iterable[str] | None = None,
    keys: list[tuple[str, str]] | None = None,
) -> list[Finding]:
    """Run the selected rules over a parsed module.

    Args:
        tree: the module tree (never mutated).
        lines: physical source lines.
        filename: as the host names the file.
        settings: validated settings.
        only: restrict to these codes (a host's own selection); None runs all selected.
        keys: when given, receives the baseline keys of the reported findings (see `baseline`).

    Returns:
        Findings sorted by position, one per guilty node after precedence, at or above
        ``settings.min_confidence``.

    Raises:
        Exception: only in strict mode, whatever a check raised.
    """
    with gc_paused():
        codes = _selected(settings, None if only is None else frozenset(only))
        return _check_tree(tree, lines, filename, settings, codes=codes, keys=keys)


def _check_tree(
    tree: ast.AST,
    lines: list[str],
    filename: str,
    settings: Settings,
    *,
    codes: tuple[str, ...],
    keys: list[tuple[str, str]] | None,
) -> list[Finding]:
    """`check_tree` with the collector paused and the rules chosen."""
    failed: dict[str, BaseException] = {}
    raw: list[Finding] = []
    where: dict[Finding, ast.AST] = {}
    try:
        ctx = FileContext(tree, lines, filename, settings)
    except Exception as exc:  # indexing itself failed: every rule is affected
        if settings.strict:
            raise
        return [_internal_error("the file index", exc)]
    try:
        table = _dispatch_for(codes, settings.extra_sinks)
        if table.gates:
            closed = []
            for fn, (code, gate) in table.gates.items():
                try:
                    if not gate(ctx):
                        closed.append(fn)
                except Exception as exc:
                    if settings.strict:
                        raise
                    failed[code] = exc
            if closed:
                table = _dispatch_for(codes, settings.extra_sinks, frozenset(closed))
        for node, entries in table.work(ctx):
            for code, fn in entries:
                if code in failed:
                    continue
                try:
                    for h in fn(node, ctx):
                        line, col, end_line, end_col = node_span(h.node)
                        finding = Finding(line, col, code, end_line, end_col, h.args, h.confidence)
                        raw.append(finding)
                        where.setdefault(finding, h.node)
                except Exception as exc:
                    if settings.strict:
                        raise
                    failed[code] = exc
        least = settings.min_confidence.rank
        findings, hidden = [], []
        for f in _apply_precedence(raw):
            if f.code not in failed:
                (findings if f.confidence.rank >= least else hidden).append(f)
        findings = [f for f in findings if not _allowlisted(f, ctx)]  # may read the comments: last
        findings = _apply_noqa(findings, where, ctx, settings, codes, hidden, frozenset(failed))
        if settings.baseline:
            findings = _apply_baseline(findings, where, ctx, settings)
        for code, exc in failed.items():
            findings.append(_internal_error(f"{code} ({RULES[code].symbol})", exc))
        findings.sort()
        if keys is not None:
            keys.extend(_baseline_keys(findings, where, ctx))
        return [_in_characters(f, lines) for f in findings]
    finally:
        ctx.close()  # frees the index now, not at the host's next collection


def _in_characters(f: Finding, lines: list[str]) -> Finding:
    """`f` with its columns counted in characters (code points), as editors, pycodestyle and
    SARIF (``columnKind: unicodeCodePoints``) count them, not in the UTF-8 bytes of ``ast``
    positions. Lines of ASCII only, nearly all, are returned as they are."""
    col, end_col = f.col, f.end_col
    if 0 < f.line <= len(lines) and col and not lines[f.line - 1].isascii():
        col = char_col(lines[f.line - 1], col)
    if end_col and f.end_line is not None and 0 < f.end_line <= len(lines) and not lines[f.end_line - 1].isascii():
        end_col = char_col(lines[f.end_line - 1], end_col)
    return f if col == f.col and end_col == f.end_col else f._replace(col=col, end_col=end_col)


def _baseline_keys(findings: list[Finding], where: dict[Finding, ast.AST], ctx: FileContext) -> list[tuple[str, str]]:
    """``(code, normalised statement text)`` per finding, in position order (see `baseline`)."""
    out = []
    for f in sorted(findings):
        node = where.get(f)
        span = statement_lines(ctx, node) if node is not None else range(f.line, f.line + 1)
        out.append((f.code, statement_text(ctx.lines, ctx.comments, span.start, span.stop - 1)))
    return out


def _apply_baseline(
    findings: list[Finding], where: dict[Finding, ast.AST], ctx: FileContext, settings: Settings
) -> list[Finding]:
    """Drop the findings recorded in the ``aisec-baseline`` file."""
    baseline = load_baseline(settings.baseline)
    ordered = sorted(findings)
    prints = baseline.fingerprints_of(_baseline_keys(ordered, where, ctx), ctx.filename)
    return [f for f, fp in zip(ordered, prints) if fp not in baseline.fingerprints]


def baseline_keys(data: bytes | str, filename: str, settings: Settings) -> list[tuple[str, str]]:
    """What `aisec-baseline` records for one file: ``(code, statement text)`` per reported
    finding (before any existing baseline is applied), in position order."""
    keys: list[tuple[str, str]] = []
    check_source(data, filename, settings._replace(baseline=""), keys=keys)
    return keys


# Rules that judge the suppression comments themselves (their modules define
# `suppression_findings`).
_SUPPRESSION_RULES = frozenset({"AIS001", "AIS002"})


def _apply_noqa(
    findings: list[Finding],
    where: dict[Finding, ast.AST],
    ctx: FileContext,
    settings: Settings,
    codes: Sequence[str],
    hidden: Sequence[Finding] = (),
    failed: frozenset[str] = frozenset(),
) -> list[Finding]:
    """Drop findings under a statement's ``# noqa`` (see `suppression`) and add the findings
    of the suppression rules (AIS001, AIS002) when they are selected.

    With ``honour_noqa`` off (flake8 ``--disable-noqa``) nothing is dropped, but the
    suppression rules still judge the comments: that is how flake8 users audit bare
    ``# noqa`` comments, which flake8 would otherwise apply to AIS001 on the same line.

    `hidden` holds the findings below ``aisec-min-confidence``: never reported, but a comment
    that covers one of them (and no detect-secrets allowlist pragma) is in use, since lowering
    the threshold again would bring the finding back. `failed` holds the rules that raised on
    this file (their AIS000 is added later): they, and the rules the settings select but the
    host left out of `codes` (pylint ``--disable``), gave no answer, so the suppression rules
    do not judge a comment on what such a rule would have found."""
    judges = [code for code in codes if code in _SUPPRESSION_RULES]
    if not findings and not judges:
        return findings  # nothing to suppress or judge: no need to read the comments
    if not judges and not any(
        _has_hash(ctx.lines, statement_lines(ctx, where.get(f, ctx.tree))) for f in findings
    ):
        return findings  # no comment can cover any finding: no need to tokenize the file
    if not ctx.comments:
        return findings
    supp = Suppressions(ctx)
    kept: list[Finding] = []
    for f in findings:
        comment = supp.noqa_for(f.code, where.get(f, ctx.tree))
        if comment is not None:
            comment.used.add(f.code)
            if settings.honour_noqa and not supp.left_to_pylint(f.code, f.line):
                continue
        kept.append(f)
    if not judges:
        return kept
    for f in hidden:
        comment = supp.noqa_for(f.code, where.get(f, ctx.tree))
        if comment is not None and not _allowlisted(f, ctx):
            comment.used.add(f.code)
    ran = frozenset(codes) - failed
    unknown = frozenset(_selected(settings, None)) - ran  # selected, yet no answer from it here
    for code in judges:  # AIS001 before AIS002, which reads what AIS001's findings used
        module = importlib.import_module(f"{__package__}.rules.{RULES[code].module}")
        produce = getattr(module, "suppression_findings", None)
        if produce is None:
            continue
        for line, col, args in list(produce(supp, ran, unknown)):
            # The comment a suppression finding judges may list the suppression rules too
            # (``# noqa: AIS001``, ``# noqa: AIS0``): flake8 applies it to them like to any
            # code, so the core does too, and in pylint the result is the same. A bare
            # ``# noqa`` is what AIS001 exists to report: pylint keeps showing it (flake8
            # hides it; see the README).
            comment = supp.noqa.get(line)
            if comment is not None and comment.codes and comment.covers(code):
                comment.used.add(code)
                if settings.honour_noqa and not supp.left_to_pylint(code, line):
                    continue
            kept.append(Finding(line, col, code, None, None, args, Confidence.HIGH))
    return kept


_ALLOWLIST = lazy_compile(r"pragma:\s*allowlist[ \t]+secret", re.IGNORECASE)
_ALLOWLIST_NEXT = lazy_compile(r"pragma:\s*allowlist[ \t]+nextline[ \t]+secret", re.IGNORECASE)


def _allowlisted(finding: Finding, ctx: FileContext) -> bool:
    """True for a secrets finding (family 1) under a detect-secrets allowlist pragma.

    detect-secrets' directives, as its README documents them: ``# pragma: allowlist secret``
    on a line of the finding, or ``# pragma: allowlist nextline secret`` on the line before
    it. Only comments count (read from tokens), never text inside a string.
    """
    if finding.code[3] != "1":
        return False
    last = finding.end_line or finding.line
    if not _has_hash(ctx.lines, range(finding.line - 1, last + 1)):
        return False  # no comment there: no need to tokenize the file
    comments = ctx.comments
    if not comments:
        return False
    for line in range(finding.line, last + 1):
        if _ALLOWLIST.search(comments.get(line, "")):
            return True
    return bool(_ALLOWLIST_NEXT.search(comments.get(finding.line - 1, "")))


def _has_hash(lines: list[str], span: range) -> bool:
    """True when one of these 1-based lines holds a ``#`` (a comment may start there): the
    cheap test that spares a file without comments near its findings the tokenizer."""
    count = len(lines)
    return any("#" in lines[i - 1] for i in span if 0 < i <= count)


def _internal_error(what: str, exc: BaseException) -> Finding:
    return Finding(1, 0, INTERNAL_ERROR, None, None, (what, type(exc).__name__), Confidence.HIGH)


def _apply_precedence(findings: list[Finding]) -> list[Finding]:
    """One finding per guilty node: drop duplicates and rules superseded at the same span."""
    by_span: dict[tuple, dict[str, Finding]] = {}
    for f in findings:
        span = (f.line, f.col, f.end_line, f.end_col)
        slot = by_span.setdefault(span, {})
        kept = slot.get(f.code)
        if kept is None or f.confidence.rank > kept.confidence.rank:
            slot[f.code] = f
    out: list[Finding] = []
    for slot in by_span.values():
        beaten = {old for code in slot for old in RULES[code].supersedes}
        out.extend(f for code, f in slot.items() if code not in beaten)
    return out


_LINE_END = lazy_compile(r"\r\n|\r|\n")
# What `str.splitlines` also splits at (Python's documentation of str.splitlines).
_OTHER_LINE_BREAKS = ("\v", "\f", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029")


def source_lines(text: str) -> list[str]:
    """Split source into lines as the parser and the tokenizer do, each with its end:
    only ``\\n``, ``\\r\\n`` and ``\\r`` end a line. (`str.splitlines` also splits at form
    feeds and other separators, which would shift every later line number against the tree.)"""
    if not any(sep in text for sep in _OTHER_LINE_BREAKS):
        return text.splitlines(keepends=True)  # the same split, in C: no other separator
    out: list[str] = []
    start = 0
    for match in _LINE_END.finditer(text):
        out.append(text[start:match.end()])
        start = match.end()
    if start < len(text):
        out.append(text[start:])
    return out


def decode_source(data: bytes | str) -> str:
    """Decode module source as Python does: BOM and PEP 263 cookie, else UTF-8.

    Undecodable bytes become U+FFFD rather than raising.
    """
    if isinstance(data, str):
        return data
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError:
        encoding = "utf-8"
    try:
        return data.decode(encoding, errors="replace")
    except LookupError:
        return data.decode("utf-8", errors="replace")


def check_source(
    data: bytes | str,
    filename: str,
    settings: Settings,
    *,
    only: Iterable[str] | None = None,
    keys: list[tuple[str, str]] | None = None,
) -> list[Finding]:
    """Parse and check module source given as bytes (cookie honoured) or text.

    Returns [] when the source does not parse (syntax error, null bytes, nesting too deep
    for the parser): the host reports syntax errors itself.
    """
    text = decode_source(data)
    with gc_paused():
        try:
            with warnings.catch_warnings():
                # The user's invalid escapes are the host's to report, not ours to print.
                warnings.simplefilter("ignore")
                tree = ast.parse(text.lstrip("\ufeff"), filename=filename or "<unknown>")
        except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
            return []
        findings = check_tree(tree, source_lines(text), filename, settings, only=only, keys=keys)
        # Freed while the collector is paused: alive at the resume, the whole tree (allocated
        # during the pause, so all in the youngest generation) would be traversed by the
        # first collection after it.
        del tree
        return findings


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector for one file's parse and analysis.

    Both allocate hundreds of thousands of objects that stay alive until the analysis ends,
    so the collections their allocations trigger find nothing to free; in a host with a
    large heap each full collection walks all of it (pylint keeps every astroid tree: the
    pause took the plugin's cost on Django under pylint from 5.2 s to 1.3 s). Reference
    counting still frees everything acyclic at once; cycles wait for the next collection
    after the file. A no-op when the host has the collector off already."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()
