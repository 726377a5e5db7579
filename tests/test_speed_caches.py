"""The core's memoisation (issue 8, speed) must never change an answer."""

from __future__ import annotations

import ast
import gc

import pytest

from aisec_shared import Settings, check_source, options
from aisec_shared.analysis import secrets, words
from aisec_shared.analysis.context import FileContext
from aisec_shared.analysis.words import secret_name_kind, split_words
from aisec_shared.memo import memo
from aisec_shared.rules import ais205_plaintext_password as ais205
from aisec_shared.rules import ais207_timing_unsafe_comparison as ais207
from aisec_shared.rules import ais212_client_controlled_identity as ais212


def test_split_words_returns_a_fresh_list_each_time():
    first = split_words("clientSecretKey")
    first.append("mutated")
    assert split_words("clientSecretKey") == ["client", "secret", "key"]


def test_secret_name_kind_memo_keys_on_extra_names():
    assert secret_name_kind("user_pin") is None
    assert secret_name_kind("user_pin", ["pin"]) == "pin"
    assert secret_name_kind("user_pin", ("pin",)) == "pin"
    assert secret_name_kind("user_pin") is None


def test_lookup_memo_is_per_scope():
    src = "import os as x\n\ndef f():\n    x = 1\n    return x\n\ny = x\n"
    tree = ast.parse(src)
    ctx = FileContext(tree, src.splitlines(True), "m.py", Settings())
    names = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == "x"]
    inner = next(n for n in names if n.lineno == 5)
    outer = next(n for n in names if n.lineno == 7)
    for _ in range(2):  # the second round answers from the memo
        assert ctx.lookup("x", inner)[0] == "local"
        assert ctx.lookup("x", outer) == ("import", "os")
        assert ctx.qualname(outer) == "os"


def test_the_collector_is_paused_only_for_the_file(monkeypatch):
    """check_source pauses the cyclic GC for one file (a large host's full collections are
    what made the plugin slow under pylint) and always turns it back on, even when a rule
    raises in strict mode; a host that turned it off keeps it off."""
    import gc

    from aisec_shared import check_source, engine
    from aisec_shared.options import Settings as _Settings

    seen = []
    original = engine._check_tree

    def spy(*args, **kwargs):
        seen.append(gc.isenabled())
        return original(*args, **kwargs)

    monkeypatch.setattr(engine, "_check_tree", spy)
    assert gc.isenabled()
    check_source("x = 1\n", "a.py", _Settings(strict=True))
    assert seen == [False] and gc.isenabled()

    def boom(*args, **kwargs):
        raise RuntimeError("a rule failed")

    monkeypatch.setattr(engine, "_check_tree", boom)
    with pytest.raises(RuntimeError):
        check_source("x = 1\n", "a.py", _Settings(strict=True))
    assert gc.isenabled()

    monkeypatch.setattr(engine, "_check_tree", spy)
    gc.disable()
    try:
        check_source("x = 1\n", "a.py", _Settings(strict=True))
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_the_index_is_freed_by_reference_counting(monkeypatch):
    """After a file's checks the engine closes its FileContext: the taint analysis refers
    back to the context, and without `close` the whole index (a dict entry per node) and,
    through the taint flows, the parsed tree would be garbage the host's next collection has
    to find and traverse."""
    import gc

    from aisec_shared import check_source
    from aisec_shared.analysis import context as context_module

    source = "".join(
        f"def view_{i}(request):\n    name = request.GET['n{i}']\n    return cursor.execute('SELECT ' + name)\n"
        for i in range(200)
    )
    nodes = sum(1 for _ in ast.walk(ast.parse(source)))
    made = []
    original = context_module.FileContext.__init__

    def spy(self, *args, **kwargs):
        original(self, *args, **kwargs)
        made.append(self)

    monkeypatch.setattr(context_module.FileContext, "__init__", spy)
    check_source(source, "views.py", Settings(strict=True))  # warm: rules loaded
    made.clear()
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        findings = check_source(source, "views.py", Settings(strict=True))
        ctx = made.pop()
        assert sorted(vars(ctx)) == ["filename", "lines", "settings", "tree"]
        del ctx
        gc.collect()
        largest = max((len(o) for o in gc.garbage if isinstance(o, dict)), default=0)
        tree_nodes = sum(isinstance(o, ast.AST) for o in gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert findings  # the taint analysis ran (its flows are what refer back to the context)
    assert largest < nodes // 4
    assert tree_nodes == 0  # nothing (the taint flows) keeps the parsed tree alive


def test_source_lines_fast_path_splits_as_the_parser_does():
    """`source_lines` uses `str.splitlines` when the text holds none of the other
    separators it knows; with or without them, lines end only at \\n, \\r\\n and \\r."""
    import random
    import re

    from aisec_shared.engine import source_lines

    def reference(text: str) -> list[str]:
        return re.findall(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$", text)

    rnd = random.Random(5)
    alphabet = ["a", "#", "\n", "\r", "\r\n", "\f", "\v", "\x85", "\u2028", "\u2029", "\x1c", "\x1e", " ", "\u00e9"]
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 14)))
        assert source_lines(text) == reference(text), repr(text)
    assert source_lines("a\fb\nc") == ["a\fb\n", "c"]


def _memo_tables(fn) -> dict[tuple, dict]:
    """A `memo` function's tables: (the arguments after the first) -> {first argument: result}."""
    (tables,) = [cell.cell_contents for cell in fn.__closure__ or () if type(cell.cell_contents) is dict]
    return tables


def test_memo_answers_as_the_function_does_and_starts_afresh_when_full():
    calls: list[tuple] = []

    @memo(2)
    def kind(name: str, extra: tuple[str, ...] = ()) -> str | None:
        calls.append((name, extra))
        return name.upper() if extra else None

    assert [kind("a"), kind("a"), kind("a", ("x",)), kind("a", ("x",))] == [None, None, "A", "A"]
    assert calls == [("a", ()), ("a", ("x",))]  # each key computed once
    assert set(_memo_tables(kind)) == {(), (("x",),)}  # a table per value of the other arguments
    kind("b")
    kind("c")  # a third name in the table of one argument: it starts afresh, then holds "c"
    assert _memo_tables(kind)[()] == {"c": None}
    assert kind("a", ("x",)) == "A" and calls[-1] == ("c", ())  # the other table kept its entry
    kind.cache_clear()
    assert _memo_tables(kind) == {}
    for i in range(40):
        kind("a", (str(i),))
    assert 1 <= len(_memo_tables(kind)) <= 16
    with pytest.raises(ValueError):
        memo(0)


_MEMOS = [words._split_words, words.holds_head_word, words._secret_name_kind, ais205._password_name,
          ais207._may_name_secret, ais212._key_kind, ais212._names_unverified, options._matches_test_paths]


def test_run_wide_memos_are_not_walked_by_the_collector():
    """The memos that live as long as the host (`memo`, `secrets._VERDICTS`) keep their
    entries in plain dicts of strings, bools and None, which the garbage collector does not
    track, even right after new entries arrive: each full collection of the host would
    otherwise walk every entry. An ``lru_cache``, a set, or a table that receives a fresh
    tuple (a key of several arguments, a tuple of words) is tracked, and fails this."""
    src = (
        "import logging\n"
        "log = logging.getLogger(__name__)\n"
        "def f(zq_user_password, zqApiToken, request):\n"
        "    if zq_user_password == request.args['pw']:\n"
        "        raise ValueError(zqApiToken)\n"
        "    zq_session_key = request.headers.get('X-Zq-User')\n"
        "    return zq_session_key\n"
    )
    # Without extra secret names (the secret reach judges texts: `_VERDICTS`), and with them
    # (`secret_name_kind` gets a second table).
    runs = [Settings.from_mapping({"aisec_min_confidence": "low"}),
            Settings.from_mapping({"aisec_min_confidence": "low", "aisec_secret_names": "zq_pin"})]
    for fn in _MEMOS:
        fn.cache_clear()
    secrets._VERDICTS.clear()
    was_enabled = gc.isenabled()
    gc.collect()  # untracks the emptied tables
    gc.disable()  # no full collection between the check and the asserts to untrack them
    try:
        for settings in runs:
            check_source(src, "memo_probe.py", settings)
        held = 0
        for fn in _MEMOS:
            tables = _memo_tables(fn)
            for table in tables.values():
                held += len(table)
                assert not gc.is_tracked(table), fn.__name__
            # The table of tables is tracked (it holds dicts), but holds one table per value
            # of the other arguments (here at most two: no extra secret names, and the
            # setting's), and the collector walks only those entries.
            assert len(tables) <= 2, fn.__name__
        assert held  # the probe put entries into the memos
        verdicts = [table for pair in secrets._VERDICTS.values() for table in pair]
        assert verdicts and sum(map(len, verdicts))
        assert not any(gc.is_tracked(table) for table in verdicts)
    finally:
        if was_enabled:
            gc.enable()
