"""Regular expressions compiled on first use, not at import.

Most of the core's patterns run only on the rare file or literal that reaches them (behind
a gate, a prefilter or a rare node), yet compiling the hundred-odd of them at import was a
fifth of the plugin's start (an editor runs flake8 once per save). `LazyPattern` keeps the
source and compiles it the first time a method needs it; `pattern` and `flags` are readable
without compiling, as on `re.Pattern`. Module-level patterns of the core are built with
`lazy_compile`, the drop-in for `re.compile`.
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["LazyPattern", "lazy_compile", "CHAR_FREQUENCY", "rarity"]


class LazyPattern:
    """An `re.Pattern` compiled on first use.

    Args:
        pattern: the regular expression (str).
        flags: `re` flags.

    Raises:
        re.error: on first use, for an invalid pattern (ours are tested).
    """

    __slots__ = ("pattern", "flags", "_compiled")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self.pattern = pattern
        self.flags = flags
        self._compiled: re.Pattern[str] | None = None

    def compiled(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not yet)."""
        found = self._compiled
        if found is None:
            found = self._compiled = re.compile(self.pattern, self.flags)
        return found

    @property
    def groupindex(self) -> dict[str, int]:
        return dict(self.compiled().groupindex)

    @property
    def groups(self) -> int:
        return self.compiled().groups

    # Each method reads the compiled pattern inline: they run per literal or identifier.
    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return (self._compiled or self.compiled()).fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return (self._compiled or self.compiled()).finditer(string, *args)

    def findall(self, string: str, *args: int) -> list:
        return (self._compiled or self.compiled()).findall(string, *args)

    def sub(self, repl, string: str, count: int = 0) -> str:  # type: ignore[no-untyped-def]
        return (self._compiled or self.compiled()).sub(repl, string, count)

    def subn(self, repl, string: str, count: int = 0) -> tuple[str, int]:  # type: ignore[no-untyped-def]
        return (self._compiled or self.compiled()).subn(repl, string, count)

    def split(self, string: str, maxsplit: int = 0) -> list:
        return (self._compiled or self.compiled()).split(string, maxsplit)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"


def lazy_compile(pattern: str, flags: int = 0) -> LazyPattern:
    """`re.compile`'s drop-in for module-level patterns: a `LazyPattern` (compiled on first
    use). Raises `re.error` on first use for an invalid pattern, not here."""
    return LazyPattern(pattern, flags)


# Printable ASCII from the most to the least frequent in Python source (counted in the string
# literals and comments of Django 5.2). Patterns built to stop the regex engine only at rare
# characters (a literal first, the rest checked by a lookbehind) choose those characters by it
# (`credentials._prefilter`, AIS212's gate). Other characters are rarer still.
CHAR_FREQUENCY = ' etasinorldhcumpf.g#bywv_\'T,kSR)(%E0xAI-O/`:DCNjLMFP2q"1UG=5H3WzB64>*YQ9{}K?\\<V][8;JX|7+Z^@!$&~'


def rarity(c: str) -> int:
    """How common the character `c` is in Python source: its rank in `CHAR_FREQUENCY`, 0 the
    commonest; ``len(CHAR_FREQUENCY)`` for a character not in it (rarer than all)."""
    at = CHAR_FREQUENCY.find(c)
    return len(CHAR_FREQUENCY) if at < 0 else at
