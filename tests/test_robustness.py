"""Bad input never crashes a lint run; failures are visible as AIS000, and loud in tests."""

from __future__ import annotations

import ast
import sys
import sysconfig
import time
from pathlib import Path

import pytest
from conftest import broken_call_check

from aisec_shared import Settings, check_source, check_tree
from aisec_shared.analysis.syntax import KNOWN_NODE_TYPES, UnknownSyntaxError

USER = Settings()
STRICT = Settings(strict=True)


def _deep_chain(depth: int) -> ast.Module:
    """``x = n + n + ... + n`` built directly as a tree, deeper than any parser allows."""
    loc = {"lineno": 1, "col_offset": 0, "end_lineno": 1, "end_col_offset": 1}
    expr: ast.expr = ast.Name("n", ast.Load(), **loc)
    for _ in range(depth):  # ast.fix_missing_locations would recurse: set positions here
        expr = ast.BinOp(expr, ast.Add(), ast.Constant("'; DROP TABLE x; --", **loc), **loc)
    call = ast.Call(
        ast.Attribute(ast.Name("cursor", ast.Load(), **loc), "execute", ast.Load(), **loc),
        [ast.JoinedStr([ast.Constant("SELECT * FROM t WHERE a = '", **loc), ast.FormattedValue(expr, -1, None, **loc)], **loc)],
        [],
        **loc,
    )
    assign = ast.Assign([ast.Name("x", ast.Store(), **loc)], expr, **loc)
    return ast.Module([assign, ast.Expr(call, **loc)], [])


def test_tree_nested_100k_deep_does_not_raise():
    tree = _deep_chain(100_000)
    findings = check_tree(tree, ["x = ...\n"], "deep.py", STRICT)
    assert [f.code for f in findings] == ["AIS401"]


def test_unknown_node_type_is_loud_in_strict_mode_and_quiet_for_users():
    class TemplateStr(ast.expr):  # a future grammar node (PEP 750 adds one like it)
        _fields = ("values",)

    tree = ast.parse('import os\nPASSWORD = "Pg9-prod-Kx72vd"\n')
    tree.body.append(ast.Expr(TemplateStr(values=[ast.Constant("x")]), lineno=3, col_offset=0))
    assert "TemplateStr" not in KNOWN_NODE_TYPES
    with pytest.raises(UnknownSyntaxError):
        check_tree(tree, [], "future.py", STRICT)
    assert [f.code for f in check_tree(tree, [], "future.py", USER)] == ["AIS101"]


def test_failing_rule_becomes_one_ais000_and_the_others_still_report(monkeypatch):
    from aisec_shared.rules import ais402_command_injection as rule

    src = 'import os\nos.system(cmd)\nos.system(cmd)\nPASSWORD = "Pg9-prod-Kx72vd"\n'
    with broken_call_check(monkeypatch, rule):
        findings = check_source(src, "x.py", USER)
        assert [(f.line, f.code) for f in findings] == [(1, "AIS000"), (4, "AIS101")]
        assert "AIS402 (command-injection)" in findings[0].message and "RuntimeError" in findings[0].message
        with pytest.raises(RuntimeError):
            check_source(src, "x.py", STRICT)


@pytest.mark.parametrize(
    "data",
    [
        b"def f(:\n",  # syntax error
        b"x = 1\x00\n",  # null byte
        b"\xff\xfe garbage \x80\n",  # undecodable
        b"# -*- coding: no-such-codec -*-\nx = 1\n",  # unknown cookie
        b"x = " + b"(" * 5000 + b")" * 5000 + b"\n",  # too deep for the parser
        b"",  # empty file
    ],
)
def test_bad_source_returns_nothing_instead_of_raising(data):
    assert check_source(data, "bad.py", STRICT) == []


def test_coding_cookie_and_bom():
    latin = "# -*- coding: latin-1 -*-\nNAME = 'Grüße'\nPASSWORD = 'Grüße-Pg9-prod'\n".encode("latin-1")
    assert [(f.line, f.code) for f in check_source(latin, "l.py", STRICT)] == [(3, "AIS101")]
    bom = b"\xef\xbb\xbfPASSWORD = 'Pg9-prod-Kx72vd'\n"
    assert [(f.line, f.code) for f in check_source(bom, "b.py", STRICT)] == [(1, "AIS101")]


def _stdlib_files() -> list[Path]:
    root = Path(sysconfig.get_paths()["stdlib"])
    return sorted(p for p in root.rglob("*.py") if "site-packages" not in p.parts)


def test_every_stdlib_file_in_strict_mode():
    """The whole installed standard library (thousands of files) without one exception."""
    files = _stdlib_files()
    assert len(files) > 500
    checked = 0
    for path in files:
        data = path.read_bytes()
        try:
            check_source(data, str(path), STRICT)
        except Exception as exc:  # pragma: no cover - the assertion message is the point
            raise AssertionError(f"{path}: {type(exc).__name__}: {exc}") from exc
        checked += 1
    assert checked == len(files)


@pytest.mark.skipif(sys.version_info < (3, 12), reason="PEP 695 syntax needs Python 3.12")
def test_type_alias_statement():
    src = (
        "from subprocess import Popen\nfrom flask import request\n"
        "type ProcTable = dict[str, Popen[str]]\ntype Pair[T] = tuple[T, T]\n"
        "def start(name):\n    Popen('notify ' + request.args['user'], shell=True)\n"
    )
    assert [(f.line, f.code) for f in check_source(src, "t.py", STRICT)] == [(6, "AIS402")]


def test_parsing_prints_no_warnings_about_the_users_code():
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert check_source(b"PATTERN = '\\d+'\nPASSWORD = 'Pg9-prod-Kx72vd'\n", "w.py", STRICT)[0].code == "AIS101"


# --------------------------------------------------------------------------- pathological inputs
# Each goes through the core in strict mode without an exception, within a generous bound:
# the bound catches exponential blow-ups (minutes), not slowness (see benchmarks/ for speed).
BOUND = 60.0


def _timed(data: bytes | str, name: str = "p.py") -> tuple[list, float]:
    start = time.perf_counter()
    findings = check_source(data, name, STRICT)
    elapsed = time.perf_counter() - start
    assert elapsed < BOUND, f"{name}: {elapsed:.1f}s"
    return findings, elapsed


def _parses(src: str) -> bool:
    try:
        ast.parse(src)
    except (SyntaxError, ValueError, RecursionError, MemoryError, OverflowError):
        return False
    return True


def _generated_module(n_lines: int) -> str:
    """A realistic mix: classes, methods, routes, calls, f-strings, dicts with secret-like keys."""
    out = [
        "import hashlib, os, subprocess",
        "import requests",
        "from flask import Flask, request",
        "app = Flask(__name__)",
        "",
    ]
    i = 0
    while True:
        block = [
            f"class Service{i}:",
            f"    TOKEN = 'Pg9-prod-{i:06d}Kx'",
            f"    def handle(self, user_{i}, *args, **kwargs):",
            f"        config = {{'password': 'hunter-{i}', 'api_key': 'k-{i}', 'timeout': {i}}}",
            f"        msg = f'user {{user_{i}}} at {{self.TOKEN!r:>10}} {{config[\"timeout\"]:03d}}'",
            f"        return requests.get('https://example.com/{i}', timeout=5, params=config)",
            "",
            f"@app.route('/r{i}')",
            f"def route_{i}():",
            f"    name = request.args.get('n{i}', '')",
            "    digest = hashlib.sha256(name.encode()).hexdigest()",
            "    os.system('echo ' + name)" if i % 50 == 0 else "    subprocess.run(['echo', name], check=True)",
            f"    return {{'id': {i}, 'hash': digest, 'secret_key': os.environ.get('K{i}')}}",
            "",
        ]
        if len(out) + len(block) > n_lines:
            break
        out += block
        i += 1
    out += [f"LIMIT_{j} = {j}" for j in range(n_lines - len(out))]
    return "\n".join(out) + "\n"


def test_50000_line_generated_module():
    src = _generated_module(50_000)
    assert src.count("\n") == 50_000 and _parses(src)
    findings, _ = _timed(src, "big.py")
    codes = {f.code for f in findings}
    assert "AIS402" in codes  # os.system('echo ' + name) every 50 routes
    assert [f.line for f in findings] == sorted(f.line for f in findings)


HEAD = "from flask import request\nimport sqlite3\ncursor = sqlite3.connect('app.db').cursor()\n"


def _sum_chain(n: int) -> str:
    """``cursor.execute("..." + a + a + ... + request.args['q'] + "'")``: n terms, left-deep."""
    terms = " + ".join(["a"] * n)
    return HEAD + f"cursor.execute(\"SELECT * FROM t WHERE a = '\" + {terms} + request.args['q'] + \"'\")\n"


def _deepest(make, limit: int) -> int:
    """The largest n <= limit for which ``make(n)`` parses on this Python."""
    if _parses(make(limit)):
        return limit
    lo, hi = 1, limit
    while hi - lo > 1:
        mid = (lo + hi) // 2
        lo, hi = (mid, hi) if _parses(make(mid)) else (lo, mid)
    return lo


def test_expression_thousands_of_terms_deep():
    # As deep as ast.parse allows on this Python (about 3,000 on 3.11): the finding must survive.
    deepest = _deepest(_sum_chain, 20_000)
    assert deepest > 500
    findings, _ = _timed(_sum_chain(deepest), "deep.py")
    assert [f.code for f in findings] == ["AIS401"]
    # 5,000 terms: where the parser gives up, the core returns [] (it parses nothing itself).
    findings, _ = _timed("x = " + "+".join(["a"] * 5000) + "\n", "plus.py")
    assert findings == [] or _parses("x = " + "+".join(["a"] * 5000) + "\n")


def test_expression_deeper_than_the_default_parser_limit_when_a_host_raises_it():
    """A host (or a user's conftest) may raise the recursion limit; the parser then accepts
    deeper chains and the core, which walks them, must still not raise."""
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old, 30_000))
    try:
        src = _sum_chain(4000)
        if not _parses(src):  # pragma: no cover - a Python whose parser limit ignores it
            pytest.skip("the parser's depth limit does not follow the recursion limit here")
        findings, _ = _timed(src, "deeper.py")
    finally:
        sys.setrecursionlimit(old)
    assert [f.code for f in findings] == ["AIS401"]


NESTINGS = {
    "parens": lambda n: "x = " + "(" * n + "password" + ")" * n + "\n",
    "lists": lambda n: "x = " + "[" * n + "'Pg9-prod-Kx72vd'" + "]" * n + "\n",
    "dicts": lambda n: "x = " + "{'password': " * n + "'Pg9-prod-Kx72vd'" + "}" * n + "\n",
    "calls": lambda n: "import os\nos.system(" + "f(" * n + "cmd" + ")" * n + ")\n",
    "subscripts": lambda n: "x = request" + "['a']" * n + "\n",
    "attributes": lambda n: "x = request" + ".a" * n + "\n",
    "unary": lambda n: "x = " + "-" * n + "1\n",
    "not": lambda n: "x = " + "not " * n + "ok\n",
    "lambdas": lambda n: "f = " + "lambda: " * n + "'Pg9-prod-Kx72vd'\n",
    "fstrings": lambda n: "x = " + "f'{" * min(n, 150) + "user" + "}'" * min(n, 150) + "\n",
    "ifs": lambda n: "".join(" " * i + "if a:\n" for i in range(n)) + " " * n + "PASSWORD = 'Pg9-prod-Kx72vd'\n",
    "defs": lambda n: "".join(" " * i + f"def f{i}():\n" for i in range(n)) + " " * n + "PASSWORD = 'Pg9-prod-Kx72vd'\n",
}


@pytest.mark.parametrize("kind", sorted(NESTINGS))
def test_nesting_as_deep_as_the_parser_allows(kind):
    make = NESTINGS[kind]
    deepest = _deepest(make, 5000)
    _timed(make(deepest), f"{kind}.py")
    _timed(make(deepest + 1), f"{kind}-too-deep.py")  # one more: the parser refuses or it is the limit


def test_one_megabyte_string_literal_with_credential_prefixes():
    chunk = "AKIA ghp_ sk-live_ xoxb- -----BEGIN RSA PRIVATE KEY----- postgres://u:p@ eyJhbGciOi password= "
    body = (chunk * (1_000_000 // len(chunk) + 1))[:1_000_000]
    for src in (
        f"PASSWORD = {body!r}\n",
        f'DATA = """{body}"""\n',
        f"x = f'{{user}}{body}'\n",
        "import os\nos.system(" + repr(body) + " + cmd)\n",
    ):
        assert _parses(src)
        _timed(src, "huge-literal.py")


def test_line_of_100000_characters():
    lines = [
        "x = [" + ", ".join(["'ab' + name % 2"] * 7_000) + "]",  # one long expression, shallow
        "; ".join(f"v{i} = d.get('k{i}')" for i in range(5_000)),  # many statements on one line
        "d = {" + ", ".join(f"'api_key_{i}': 'v{i}'" for i in range(4_500)) + "}",  # a flat dict
        "f(" + ", ".join(f"password{i}='Pg9-prod-{i}'" for i in range(4_500)) + ")",  # keywords
        "PASSWORD = 'Pg9-prod-Kx72vd'  #" + " password = hunter2" * 5_300,  # one comment
    ]
    for line in lines:
        assert len(line) >= 100_000 and _parses(line), line[:40]
        _timed(line + "\n", "long-line.py")


@pytest.mark.parametrize(
    "data",
    [
        b"PASSWORD = '\xff\xfe\xfd'\n",  # invalid UTF-8 inside a literal
        b"# \xc3\x28 invalid continuation\nimport os\nos.system(cmd)\n",  # in a comment
        b"x = 1\n" * 1000 + b"\xed\xa0\x80\n",  # an encoded surrogate, far down the file
        b"\xef\xbb\xbf# -*- coding: latin-1 -*-\nx = 1\n",  # BOM contradicting the cookie
        b"# coding: utf-16\nx = 1\n",  # a cookie naming a non-ASCII-compatible codec
        b"s = '\\N{NO SUCH NAME}'\n",  # a bad escape the parser refuses
        bytes(range(256)),  # every byte
        b"\x80" * 100_000,  # 100 kB of continuation bytes
    ],
)
def test_bytes_that_are_not_valid_utf8(data):
    findings, _ = _timed(data, "bytes.py")
    assert isinstance(findings, list)


def test_every_callee_keyed_check_tolerates_the_calls_extra_sinks_add():
    """``aisec-extra-sinks`` adds each sink's callee name to the table of every callee-keyed
    check (`engine._Dispatch`), so a check may see calls it does not own. Declare a sink for
    every callee name of every check, then run the fixtures and the odd call shapes below in
    strict mode: no check may raise (found by a break-it run: AIS704 indexed its own table)."""
    from conftest import FIXTURE_FILES

    from aisec_shared import engine

    table = engine._dispatch_for(engine._selected(Settings(enable=("AIS",)), None), ())
    names = sorted(set(table.by_callee) | set(table.by_keyword))
    assert len(names) > 100
    sinks = ",".join(f"myapp.sinks.{name}:sql" for name in names)
    settings = Settings.from_mapping({"aisec_extra_sinks": sinks, "aisec_enable": "AIS"}, strict=True)
    shapes = "".join(
        f"x.{n}()\n{n}()\nx.{n}(**kw)\nx.{n}(*a)\nx.{n}(Bucket='b', Key=1)\nx.{n}(1, 2, 3, 4, 5, key=None)\n"
        for n in names
        if n.isidentifier()
    )
    sources = [path.read_text(encoding="utf-8") for path in FIXTURE_FILES] + [shapes]
    for src in sources:
        try:
            ast.parse(src)
        except SyntaxError:
            continue  # newer syntax than this Python's
        check_source(src, "app/views.py", settings)


@pytest.mark.parametrize(
    "src",
    [
        "SESSION_COOKIE_AGE = 1e999 - 1e999\n",
        "PERMANENT_SESSION_LIFETIME = 1e999 * 0\n",
        f"SESSION_COOKIE_AGE = {10 ** 400}\n",
        "from datetime import timedelta\nPERMANENT_SESSION_LIFETIME = timedelta(days=1e999 - 1e999)\n",
        "from datetime import timedelta\nPERMANENT_SESSION_LIFETIME = timedelta(days=1e200) * 1e200\n",
        "def v(request, resp):\n    resp.set_cookie('session', 'v', max_age=1e999 - 1e999)\n    request.session.set_expiry(1e999)\n",
        "import boto3\ns3 = boto3.client('s3')\nurl = s3.generate_presigned_url('get_object', Params={}, ExpiresIn=1e999)\n",
        f"import boto3\ns3 = boto3.client('s3')\nurl = s3.generate_presigned_post('b', 'k', ExpiresIn=int({10 ** 400}))\n",
        "import jwt, time\ntok = jwt.encode({'exp': time.time() + 1e999}, 'k')\n",
    ],
    ids=["nan", "inf-times-zero", "int-past-float", "timedelta-nan", "timedelta-inf", "cookie", "presigned-inf", "presigned-big-int", "jwt-exp-inf"],
)
def test_durations_that_are_not_finite_numbers_are_not_judged(src):
    # Found by a break-it run: int(nan) and int(inf) raised inside AIS214 and AIS708.
    assert [f.code for f in check_source(src, "settings.py", STRICT) if f.code == "AIS000"] == []


def test_isinstance_with_one_argument_does_not_stop_the_taint_engine():
    src = "import os\nx = input()\nif isinstance(x):\n    pass\nos.system(x)\n"
    assert [(f.line, f.code) for f in check_source(src, "app.py", STRICT)] == [(5, "AIS402")]


def _helper_chain(n: int, cycle: bool) -> str:
    """``h0 -> h1 -> ... -> h{n-1}``, each passing its argument on; in a cycle each also runs
    it, in a chain only the last one does. ``h0(input())`` starts it."""
    out = ["import os", ""]
    for i in range(n):
        if cycle:
            out += [f"def h{i}(x):", "    os.system(x)", f"    return h{(i + 1) % n}(x + 'a')", ""]
        elif i == n - 1:
            out += [f"def h{i}(x):", "    os.system(x)", ""]
        else:
            out += [f"def h{i}(x):", f"    return h{i + 1}(x + 'a')", ""]
    return "\n".join([*out, "h0(input())", ""])


def _caller_chain(n: int) -> str:
    """``h0`` runs its argument; each ``h{i}`` calls ``h{i-1}``; ``h{n-1}(input())``."""
    out = ["import os", "", "def h0(x):", "    os.system(x)", ""]
    for i in range(1, n):
        out += [f"def h{i}(x):", f"    h{i - 1}(x)", ""]
    return "\n".join([*out, f"h{n - 1}(input())", ""])


@pytest.mark.parametrize(
    "src, findings",
    [(_helper_chain(500, False), 1), (_helper_chain(130, True), 130), (_helper_chain(600, True), 600), (_caller_chain(2000), 1)],
    ids=["chain-500", "cycle-130", "cycle-600", "callers-2000"],
)
def test_long_helper_chains_and_cycles_stay_below_the_recursion_limit(src, findings):
    # Found by a break-it run: judge <-> param_origins, and nested flows through returns(),
    # recursed once per helper until RecursionError (an AIS000 that hid every AIS402).
    found = check_source(src, "app.py", STRICT)
    assert [f.code for f in found] == ["AIS402"] * findings
    # A short chain still carries the source to the sink at high confidence.
    short = check_source(_caller_chain(3), "app.py", STRICT)
    assert [(f.code, f.confidence.value) for f in short] == [("AIS402", "high")]
