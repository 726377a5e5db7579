"""Run-wide memos that the host's garbage collector does not walk.

The rules memoise pure functions of names and texts (`words.holds_head_word`, ...): the
same identifiers recur from file to file, so most are judged once per run. A memo lives as
long as the host process, and every full collection of the host's garbage collector walks
every container it can reach that it tracks. ``functools.lru_cache`` is such a container:
its traversal follows each entry's key and result, one scattered object after another (on
Django under flake8, about 25,000 visits in each of some 30 full collections). A plain
dict whose keys and values are strings, numbers, bools or None is not tracked at all, so
`memo` keeps its tables in such dicts.
"""
from __future__ import annotations

import functools
from typing import Any, Callable, TypeVar

_F = TypeVar("_F", bound=Callable[..., Any])
_MISSING = object()
_MAX_TABLES = 16


def memo(maxsize: int) -> Callable[[_F], _F]:
    """Memoise a pure function of positional arguments, as ``functools.lru_cache(maxsize)``
    does, in plain dicts that the garbage collector does not track.

    The first argument keys a table; the other arguments, if any, choose the table (one per
    distinct value: a setting's tuple of words, say), so that a tuple among them does not
    make the table tracked. Meant for a first argument and results that are strings,
    numbers, bools or None: CPython tracks a fresh tuple, and a dict that receives one stays
    tracked until the host's next full collection (still correct, only walked by it). When
    `maxsize` entries are held in a table, it starts afresh instead of evicting the least
    recently used: the names that recur come back at once. Past 16 tables, all start afresh.
    The wrapper's ``cache_clear()`` empties them, as ``lru_cache``'s does.

    Args:
        maxsize: the most entries held per table, at least 1.

    Raises:
        ValueError: `maxsize` below 1.
    """
    if maxsize < 1:
        raise ValueError(f"memo size must be at least 1, got {maxsize}")

    def wrap(fn: _F) -> _F:
        # (the arguments after the first) -> {first argument: result}; `()` for a function
        # of one argument. This dict is tracked (it holds dicts), but holds a table per
        # setting; the tables themselves are not.
        tables: dict[tuple, dict[Any, Any]] = {}

        @functools.wraps(fn)
        def memoised(first: Any, *rest: Any) -> Any:
            table = tables.get(rest)
            if table is None:
                if len(tables) >= _MAX_TABLES:
                    tables.clear()
                table = tables[rest] = {}
            found = table.get(first, _MISSING)
            if found is _MISSING:
                if len(table) >= maxsize:
                    table.clear()
                found = table[first] = fn(first, *rest)
            return found

        memoised.cache_clear = tables.clear  # type: ignore[attr-defined]
        return memoised  # type: ignore[return-value]

    return wrap
