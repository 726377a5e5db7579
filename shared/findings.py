"""Findings: what a check reports, independent of any host."""

from __future__ import annotations

import ast
from typing import NamedTuple
from enum import Enum

__all__ = ["Confidence", "Finding", "Hit", "hit"]


class Confidence(str, Enum):
    """How sure the rule is that the finding is a real flaw.

    Mapped to pylint confidences: HIGH -> ``HIGH``, MEDIUM -> ``INFERENCE``,
    LOW -> ``INFERENCE_FAILURE``.
    """

    LOW = "low"
    MEDIUM = "medium"
    HIGH = "high"

    @property
    def rank(self) -> int:
        return _RANK[self]


_RANK = {Confidence.LOW: 0, Confidence.MEDIUM: 1, Confidence.HIGH: 2}


class Hit(NamedTuple):
    """What a check yields: the guilty node, the message arguments and the confidence.

    The engine turns a Hit into a `Finding` by adding the rule's code and the node's span.
    """

    node: ast.AST
    args: tuple
    confidence: Confidence


def hit(node: ast.AST, *args: object, confidence: Confidence = Confidence.MEDIUM) -> Hit:
    """Shorthand for checks: ``yield hit(node, "arg1", confidence=Confidence.HIGH)``."""
    return Hit(node, tuple(args), confidence)


class Finding(NamedTuple):
    """One reported flaw: immutable, hashable, ordered by position (line, column), then code.

    A NamedTuple rather than a dataclass: a frozen, ordered dataclass generates ten methods
    from source text at each import, about 1 ms of every flake8 start.

    Attributes:
        line, col: start, 1-based line and 0-based column in characters (code points, not the
            UTF-8 bytes of ``ast`` positions); flake8 and pylint both take these.
        end_line, end_col: end of the guilty node, same conventions; None when unknown.
        code: the rule's AIS code.
        args: arguments for the rule's ``%`` template; secrets in them are already masked.
        confidence: see `Confidence`.
    """

    line: int
    col: int
    code: str
    end_line: int | None = None
    end_col: int | None = None
    args: tuple = ()
    confidence: Confidence = Confidence.MEDIUM

    @property
    def message(self) -> str:
        """The rule's template filled with `args`."""
        from .registry import RULES

        template = RULES[self.code].template
        return template % self.args if self.args else template
