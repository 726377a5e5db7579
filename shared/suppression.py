"""Suppression comments the core honours itself, in both hosts: ``# noqa`` read as flake8 reads it.

flake8 matches ``# noqa`` on the physical line of a finding only, and pylint does not read
``# noqa`` at all. The core applies it per *statement*: a ``# noqa`` comment on any line of a
statement (a simple statement's every line, or a compound statement's header lines) covers the
findings reported inside it, so a comment on the closing line of a multi-line call works.

Grammar (flake8 7.x ``defaults.NOQA_INLINE_REGEXP``): ``# noqa`` (any case) optionally followed
by ``:`` , one optional space and codes separated by commas or spaces. A finding is covered by a
bare ``# noqa``, or when its code is listed or starts with a listed prefix (``# noqa: AIS1``).
Codes compare case-sensitively, as in flake8. Text after the codes is the reason.

Comments come from tokens, so ``# noqa`` inside a string literal never counts here (flake8's own
matching does see it: a host limit the README documents).

When the line also carries a pylint pragma that names the finding (``# pylint: disable=symbol``,
its msgid, ``aisec`` or ``all``; or ``disable-next`` on the line above), the core leaves the
finding to the host, so that pylint applies its own pragma and does not call it useless.
"""

from __future__ import annotations

import ast
import re

from .analysis.context import FileContext
from .registry import RULES
from .analysis.patterns import lazy_compile

__all__ = ["NoqaComment", "Suppressions", "parse_noqa", "statement_lines"]

# One code: letters then digits (flake8's `[A-Z]+[0-9]+`); a list: separated by commas or
# whitespace. Each repeat must start with a letter after a separator, so matching is linear.
_NOQA = lazy_compile(
    r"# noqa(?::[\s]?(?P<codes>[A-Z]+[0-9]+(?:[,\s]+[A-Z]+[0-9]+)*))?(?P<rest>.*)",
    re.IGNORECASE,
)
_PYLINT = lazy_compile(r"#\s*pylint:\s*(disable|disable-next)\s*=\s*([\w\-, ]{1,500})")


class NoqaComment:
    """One ``# noqa`` comment: its line, its codes (empty for a bare noqa), the reason text,
    its column, and `used`, the codes of the findings it covered (filled by the engine).

    A slotted class rather than a dataclass, which generates its methods from source text
    at each import (part of every flake8 start)."""

    __slots__ = ("line", "codes", "reason", "col", "used")

    def __init__(self, line: int, codes: tuple[str, ...], reason: str, col: int = 0) -> None:
        self.line = line
        self.codes = codes
        self.reason = reason
        self.col = col
        self.used: set[str] = set()

    def __repr__(self) -> str:
        return f"NoqaComment(line={self.line}, codes={self.codes}, reason={self.reason!r}, col={self.col})"

    def covers(self, code: str) -> bool:
        return not self.codes or code.startswith(self.codes)


def parse_noqa(comment: str, line: int, col: int = 0) -> NoqaComment | None:
    """The ``# noqa`` in a comment token's text, or None."""
    m = _NOQA.search(comment)
    if m is None:
        return None
    codes = tuple(c for c in re.split(r"[,\s]+", m.group("codes") or "") if c)
    rest = m.group("rest").strip()
    # Another comment after the noqa ("# noqa: AIS101  # reason") reads as the reason too.
    reason = rest.lstrip("#-:; ").strip()
    return NoqaComment(line, codes, reason, col + m.start())


class Suppressions:
    """The suppression comments of one file and what they cover.

    Args:
        ctx: the file's context (its comments are read from tokens).
    """

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.noqa: dict[int, NoqaComment] = {}
        self.pylint: dict[int, tuple[str, set[str]]] = {}  # line -> (disable|disable-next, names)
        for line, text in ctx.comments.items():
            found = parse_noqa(text, line, _column(ctx, line, text))
            if found is not None:
                self.noqa[line] = found
            m = _PYLINT.search(text)
            if m:
                names = {n.strip() for n in m.group(2).split(",") if n.strip()}
                self.pylint[line] = (m.group(1), names)

    def statement_lines(self, node: ast.AST) -> range:
        """See `statement_lines`."""
        return statement_lines(self.ctx, node)

    def left_to_pylint(self, code: str, line: int) -> bool:
        """True when a pylint pragma on the finding's line (or disable-next above) names it."""
        rule = RULES[code]
        names = {rule.symbol, rule.msgid, "aisec", "all"}
        same = self.pylint.get(line)
        if same and same[0] == "disable" and same[1] & names:
            return True
        above = self.pylint.get(line - 1)
        return bool(above and above[0] == "disable-next" and above[1] & names)

    def noqa_for(self, code: str, node: ast.AST) -> NoqaComment | None:
        """The ``# noqa`` comment that covers a finding of `code` at `node`, if any."""
        if not self.noqa:
            return None
        for line in self.statement_lines(node):
            comment = self.noqa.get(line)
            if comment is not None and comment.covers(code):
                return comment
        return None


def statement_lines(ctx: FileContext, node: ast.AST) -> range:
    """The lines whose comments speak for a finding at `node`: the lines of its innermost
    simple statement, or the header lines of a compound statement (up to its body), and
    the lines a trailing backslash joins to them."""
    stmt = ctx.statement_of(node)
    line = getattr(node, "lineno", 1)
    if stmt is None:
        return range(line, getattr(node, "end_lineno", line) + 1)
    first = stmt.lineno
    last = getattr(stmt, "end_lineno", None) or first
    body = getattr(stmt, "body", None)
    if isinstance(body, list) and body and isinstance(body[0], ast.stmt):
        # compound statement: the header only (decorators belong to it too)
        decorators = getattr(stmt, "decorator_list", None) or []
        first = min([first, *(d.lineno for d in decorators)])
        last = max(first, body[0].lineno - 1)
        if not (first <= line <= last):
            return range(line, line + 1)
    # A backslash after the statement's last token joins the next line to its logical line,
    # as flake8 reads it: a comment there (``x = "..." \`` then ``    # noqa: AIS101``)
    # speaks for the statement. A backslash inside a comment joins nothing.
    lines = ctx.lines
    while last < len(lines) and lines[last - 1].rstrip("\r\n").endswith("\\") and last not in ctx.comments:
        last += 1
    return range(first, last + 1)


def _column(ctx: FileContext, line: int, text: str) -> int:
    try:
        return max(ctx.lines[line - 1].rfind(text), 0)
    except IndexError:
        return 0
