"""Regular expressions compiled on first use, not at import.

Most of the credential catalogue's patterns run only on the rare literal that passes the
catalogue's prefilter, yet compiling all of them at import cost about a third of the
plugin's start (an editor runs flake8 once per save). `LazyPattern` keeps the source and
compiles it the first time a method needs it; `pattern` and `flags` are readable without
compiling, as on `re.Pattern`.
"""

from __future__ import annotations

import re
from typing import Iterator

__all__ = ["LazyPattern"]


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

    def search(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled().search(string, *args)

    def match(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled().match(string, *args)

    def fullmatch(self, string: str, *args: int) -> re.Match[str] | None:
        return self.compiled().fullmatch(string, *args)

    def finditer(self, string: str, *args: int) -> Iterator[re.Match[str]]:
        return self.compiled().finditer(string, *args)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"
