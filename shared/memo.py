"""Run-wide memos that the host's garbage collector does not walk.

The rules memoise pure functions of names and texts (`words.holds_head_word`, ...): the
same identifiers recur from file to file, so most are judged once per run. A memo lives as
long as the host process, and every full collection of the host's garbage collector walks
every container it can reach that it tracks. ``functools.lru_cache`` is such a container:
its traversal follows each entry's key and result, one scattered object after another (on
Django under flake8, about 25,000 visits in each of some 30 full collections). A plain
dict whose keys and values are strings, numbers, None or tuples of them is not tracked
at all (CPython untracks such dicts and tuples), so `memo` keeps its table in one.
"""
from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_MISSING = object()


def memo(maxsize: int) -> Callable[[_F], _F]:
    """Memoise a pure function of positional arguments, as ``functools.lru_cache(maxsize)``
    does, in a plain dict that the garbage collector does not track.

    Meant for arguments and results that are strings, numbers, None, bools or tuples of
    them: with anything else the dict is tracked like any other (still correct, only not
    hidden from the collector). When `maxsize` entries are held, the memo starts afresh
    instead of evicting the least recently used: the names that recur come back at once.
    The wrapper's ``cache_clear()`` empties it, as ``lru_cache``'s does.

    Args:
        maxsize: the most entries held, at least 1.

    Raises:
        ValueError: `maxsize` below 1.
    """
    if maxsize < 1:
        raise ValueError(f"memo size must be at least 1, got {maxsize}")

    def wrap(fn: _F) -> _F:
        table: dict[Any, Any] = {}
        get = table.get

        @functools.wraps(fn)
        def memoised(*args: Any) -> Any:
            key = args[0] if len(args) == 1 else args
            found = get(key, _MISSING)
            if found is _MISSING:
                if len(table) >= maxsize:
                    table.clear()
                found = table[key] = fn(*args)
            return found

        memoised.cache_clear = table.clear  # type: ignore[attr-defined]
        return memoised  # type: ignore[return-value]

    return wrap
