"""The taint engine, one behaviour per test: what is a source, what propagates, what clears.

Each snippet calls ``sink(value)``; the test reads the engine's judgement of that argument
for an SQL sink: "source" (untrusted input reaches it), "unknown" or "safe".
"""

from __future__ import annotations

import ast
import textwrap
from pathlib import Path

import pytest

from aisec_shared import Settings
from aisec_shared.analysis.context import FileContext


def judge(src: str, kind: str = "sql") -> list[tuple[str, list[str]]]:
    src = textwrap.dedent(src)
    ctx = FileContext(ast.parse(src), src.splitlines(True), "t.py", Settings(strict=True))
    out = []
    for node in ctx.nodes:
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "sink":
            out.append(ctx.taint.judge(node.args[0], kind))
    return out


def verdicts(src: str, kind: str = "sql") -> list[str]:
    return [v for v, _ in judge(src, kind)]


FLASK = "from flask import Flask, request\napp = Flask(__name__)\n"


@pytest.mark.parametrize(
    "expr",
    [
        "request.args['q']", "request.args.get('q')", "request.form['q']", "request.get_json()['q']",
        "request.json.get('q')", "request.cookies.get('q')", "request.headers['X-Q']", "request.data",
        "request.values.get('q', '')",
    ],
)
def test_flask_request_sources(expr):
    assert verdicts(FLASK + f"def f():\n    sink({expr})\n") == ["source"]


def test_flask_route_parameters_are_sources_and_converters_clear_them():
    src = FLASK + textwrap.dedent('''
        @app.route("/u/<name>/<int:uid>")
        def user(name, uid):
            sink(name)
            sink(uid)
        ''')
    assert verdicts(src) == ["source", "safe"]


def test_django_views_class_views_and_typed_fastapi_params():
    assert verdicts('''
        from django.http import HttpResponse
        def view(request, slug):
            sink(request.GET["q"])
            sink(slug)
            sink(request.user.username)
            return HttpResponse("ok")
        def login_helper(request, user):
            sink(user)
        ''') == ["source", "source", "unknown", "unknown"]
    assert verdicts('''
        from django.views import View
        class V(View):
            def get(self, request, pk):
                sink(request.POST.get("x"))
                sink(self.request.GET["y"])
        ''') == ["source", "source"]
    assert verdicts('''
        from fastapi import FastAPI, Depends, Request
        app = FastAPI()
        @app.get("/items/{item_id}")
        def read(item_id: int, q: str, request: Request, db=Depends(get_db)):
            sink(item_id)
            sink(q)
            sink(request.query_params["z"])
            sink(db)
        ''') == ["safe", "source", "source", "unknown"]


def test_cli_lambda_and_model_output_sources():
    assert verdicts('''
        import argparse, sys
        def main():
            args = argparse.ArgumentParser().parse_args()
            sink(args.table)
            sink(sys.argv[1])
            sink(input("> "))
        ''') == ["source", "source", "source"]
    assert verdicts('''
        def lambda_handler(event, context):
            sink(event["queryStringParameters"]["id"])
        ''') == ["source"]
    assert verdicts('''
        from openai import OpenAI
        from anthropic import Anthropic
        client = OpenAI()
        claude = Anthropic()
        def f(llm):
            resp = client.chat.completions.create(model="m", messages=[])
            sink(resp.choices[0].message.content)
            msg = claude.messages.create(model="m", max_tokens=10, messages=[])
            sink(msg.content[0].text)
            sink(llm.invoke("write SQL").content)
        ''') == ["source", "source", "source"]


def test_propagation_forms():
    assert verdicts(FLASK + textwrap.dedent('''
        def f():
            q = request.args["q"]
            a, b = q, "x"
            sink(a)
            sink(b)
            sink(f"{q}!")
            sink("%s" % q)
            sink("{}".format(q))
            sink("x" + q)
            sink(",".join([q]))
            sink(q[1:].strip().lower())
            sink({"k": q}.get("k"))
            sink([x for x in [q]][0])
            if (w := q):
                sink(w)
            parts = []
            parts.append(q)
            sink(parts)
            d = {}
            d["k"] = q
            sink(d)
        ''')) == ["source", 'unknown', "source", "source", "source", "source", "source", "source", "source", "source", "source", "source", "source"]


def test_order_aware_reassignment_and_branches():
    assert verdicts(FLASK + textwrap.dedent('''
        def f():
            q = request.args["q"]
            q = "constant"
            sink(q)
        def g(flag):
            q = "constant"
            if flag:
                q = request.args["q"]
            sink(q)
        def h():
            q = request.args["q"]
            if True:
                return
            sink(q)
        ''')) == ["unknown", "source", "unknown"]  # h: unreachable after the return


def test_with_match_and_loops():
    assert verdicts(FLASK + textwrap.dedent('''
        def f():
            with request.files["f"].stream as fh:
                sink(fh.read())
            match request.get_json():
                case {"cmd": str(cmd)}:
                    sink(cmd)
            acc = ""
            for part in request.args.getlist("p"):
                acc += part
            sink(acc)
        ''')) == ["source", "source", "source"]


def test_sanitizers_clear_only_their_kind():
    src = FLASK + textwrap.dedent('''
        import html, shlex, uuid
        def f():
            q = request.args["q"]
            sink(int(q))
            sink(uuid.UUID(q))
            sink(shlex.quote(q))
            sink(html.escape(q))
        ''')
    assert verdicts(src, "sql") == ["safe", "safe", "source", "source"]
    assert verdicts(src, "shell") == ["safe", "safe", "safe", "source"]
    assert verdicts(src, "html") == ["safe", "safe", "source", "safe"]


def test_guards_clear_after_the_check():
    assert verdicts(FLASK + textwrap.dedent('''
        import re
        ALLOWED = {"a", "b"}
        NAME = re.compile(r"[a-z]+")
        def f():
            t = request.args["t"]
            if t not in ALLOWED:
                abort(400)
            sink(t)
        def g():
            t = request.args["t"]
            if not NAME.fullmatch(t):
                raise ValueError(t)
            sink(t)
        def h():
            t = request.args["t"]
            if t in ALLOWED:
                sink(t)
            sink(t)
        def k():
            t = request.args["t"]
            if not t.isdigit():
                return "bad"
            sink(t)
        ''')) == ["safe", "safe", "safe", "source", "safe"]


def test_helpers_summaries_and_callers():
    assert verdicts(FLASK + textwrap.dedent('''
        def passthrough(v):
            return v.strip()
        def fetch():
            return request.args["q"]
        def f():
            sink(passthrough(request.args["q"]))
            sink(passthrough("constant"))
            sink(fetch())
        ''')) == ["source", "unknown", "source"]


def test_parameters_judged_through_every_caller_in_the_module():
    assert judge('''
        import sys
        def purge(user_id):
            sink(user_id)
        def nobody_calls(x):
            sink(x)
        if __name__ == "__main__":
            purge(sys.argv[1])
        ''') == [("source", ["sys.argv via purge()"]), ("unknown", [])]
    assert verdicts('''
        import sys
        def purge(user_id):
            sink(user_id)
        if __name__ == "__main__":
            purge(int(sys.argv[1]))
            purge(7)
        ''') == ["safe"]
    # In a library module a public helper has callers elsewhere; a private one does not.
    assert verdicts('''
        def find(name):
            sink(name)
        def _find(name):
            sink(name)
        def seed():
            find("admin")
            _find("admin")
        ''') == ["unknown", "safe"]


def test_dead_branches_do_not_flow():
    assert verdicts(FLASK + textwrap.dedent('''
        def f():
            q = "constant"
            if False:
                q = request.args["q"]
            sink(q)
        ''')) == ["unknown"]


def test_deep_and_cyclic_code_terminates():
    body = "\n".join(f"    v{i} = v{i-1} + request.args['q']" for i in range(1, 400))
    assert verdicts(FLASK + "def f():\n    v0 = ''\n" + body + "\n    sink(v399)\n") == ["source"]
    assert verdicts('''
        def a(x):
            return b(x)
        def b(x):
            return a(x)
        def c(y):
            sink(a(y))
        ''') == ["unknown"]


def test_guards_compose_with_and_or():
    assert verdicts(FLASK + textwrap.dedent('''
        from pathlib import Path
        BASE = Path("/srv/files")
        ALLOWED = {"a", "b"}
        def f():
            p = (BASE / request.args["p"]).resolve()
            if p == BASE or not p.is_relative_to(BASE):
                abort(403)
            sink(p)
        def g():
            t = request.args["t"]
            if t in ALLOWED and len(t) < 10:
                sink(t)
        def h():
            t = request.args["t"]
            if t in ALLOWED or len(t) < 10:
                sink(t)
        ''')) == ["safe", "safe", "source"]


def test_branch_bindings_and_object_writes():
    assert verdicts(FLASK + textwrap.dedent('''
        from flask import session
        def f(bad):
            x = request.args["to"]
            if bad:
                x = "/"
            sink(x)
        def g(request):
            request.session["k"] = request.GET["v"]
            sink(request.user.pk)
            sink(request.session)
        def h():
            session["k"] = request.args["v"]
            sink(session)
        ''')) == ["source", "unknown", "source", "source"]


def test_class_based_view_kwargs_and_more_sanitizers():
    assert verdicts('''
        from django.views.generic import DetailView
        class Item(DetailView):
            def get_object(self):
                sink(self.kwargs["slug"])
        class NotAView:
            def run(self):
                sink(self.kwargs["slug"])
        ''') == ["source", "unknown"]
    src = FLASK + textwrap.dedent("""
        import bson
        from ldap.filter import filter_format
        def f():
            q = request.args["q"]
            sink(bson.ObjectId(q))
            sink(filter_format("(uid=%s)", [q]))
        """)
    assert verdicts(src, "nosql") == ["safe", "source"]
    assert verdicts(src, "ldap") == ["safe", "safe"]


# ---- may_be_source: an exact pre-check that builds no flow (AIS305 asks it before judge)

_MAY_CASES = {
"argv_alias": """
import sys as s
def f():
    x = s.argv[1]
    return x
def g():
    y = f()
    setattr(o, y, 1)
""",
"input_builtin": """
def g():
    k = input()
    setattr(o, k, 1)
""",
"input_alias_var": """
def g():
    r = input
    k = r()
    setattr(o, k, 1)
""",
"extra": """
from mylib import read_it
def g():
    k = read_it()
    setattr(o, k, 1)
""",
"caller_chain": """
from flask import request
def inner(k):
    setattr(o, k, 1)
def mid(k):
    inner(k)
@app.route("/x")
def view():
    mid(request.args["a"])
""",
"nested_outer": """
from flask import request
def view():
    k = request.args["a"]
    def inner():
        setattr(o, k, 1)
    inner()
""",
"module_level": """
import sys
K = sys.argv[1]
def g():
    setattr(o, K, 1)
""",
"parse_args": """
import argparse
def g():
    a = argparse.ArgumentParser().parse_args()
    setattr(o, a.k, 1)
""",
"from_parse": """
from foo import parse_args as pa
def g():
    a = pa()
    setattr(o, a.k, 1)
""",
"llm": """
def g(client):
    r = client.chat.completions.create(model="x")
    setattr(o, r.choices[0].message.content, 1)
""",
"self_request": """
class V(View):
    def get(self):
        k = self.request.GET["k"]
        setattr(o, k, 1)
""",
"self_kwargs": """
class V(View):
    def get(self):
        k = self.kwargs["k"]
        setattr(o, k, 1)
""",
"fastapi": """
from fastapi import FastAPI
app = FastAPI()
@app.post("/x")
def h(name: str):
    setattr(o, name, 1)
""",
"lambda_handler": """
def lambda_handler(event, context):
    setattr(o, event["k"], 1)
""",
"class_body": """
import sys
class C:
    K = sys.argv[1]
def g():
    setattr(o, C.K, 1)
""",
"decorator_walrus": """
from flask import request
def outer():
    @deco(k := request.args["a"])
    def f(): pass
    setattr(o, k, 1)
""",
"import_builtins": """
import builtins
def g():
    k = builtins.input()
    setattr(o, k, 1)
""",
"class_attr_query": """
import sys
class C:
    K = sys.argv[1]
    setattr(o, K, 1)
""",
"lambda_req": """
f = lambda request: setattr(o, request.GET["k"], 1)
""",
"method_call": """
class V:
    def get(self, request):
        self.helper(request.GET["k"])
    def _helper0(self):
        pass
    def helper(self, k):
        setattr(o, k, 1)
""",
"returns_chain": """
import sys
def a():
    return sys.argv[1]
def b():
    return a()
def c():
    setattr(o, b(), 1)
""",
"outer_module_call": """
import sys
def a():
    return sys.argv[1]
K = a()
def c():
    setattr(o, K, 1)
""",
"module_caller": """
import sys
K = sys.argv[1]
def inner(k):
    setattr(o, k, 1)
inner(K)
""",
"module_caller_direct": """
import sys
def inner(k):
    setattr(o, k, 1)
inner(sys.argv[1])
""",
"module_name_in_decorator": """
from flask import request
x = request.args
@deco(setattr(o, x, 1))
def h():
    pass
""",
"module_name_in_default": """
from flask import request
x = request.args
def h(p=setattr(o, x, 1)):
    pass
""",
"module_name_in_annotation": """
from flask import request
x = request.args
def h(p: setattr(o, x, 1)):
    pass
""",
"module_name_in_lambda_default": """
from flask import request
x = request.args
f = lambda p=setattr(o, x, 1): p
""",
"module_name_to_decorator_call": """
from flask import request
x = request.args
def use(p):
    setattr(o, p, 1)
@deco(use(x))
def h():
    pass
""",
"decorator_walrus_module_name": """
from flask import request
@deco(w := request.args)
def h():
    pass
def f():
    setattr(o, w, 1)
""",
"comprehension_subscript_target": """
from flask import request
d = {}
[0 for d["k"] in [request.args]]
def f():
    setattr(o, d, 1)
""",
"module_subscript": """
import sys
D = {}
D["a"]["b"] = sys.argv[1]
def g():
    setattr(o, D, 1)
""",
"module_mutator": """
import sys
L = []
L.append(sys.argv[1])
def g():
    for k in L:
        setattr(o, k, 1)
""",
"module_attribute_slot": """
import sys
class H: pass
holder = H()
holder.k = sys.argv[1]
def g():
    setattr(o, holder.k, 1)
""",
"module_compound": """
import sys
try:
    from fast import K
except ImportError:
    K = sys.argv[1]
def g():
    setattr(o, K, 1)
""",
"module_loop_chain": """
import sys
for a in sys.argv:
    B = a
C = B
def g():
    setattr(o, C, 1)
""",
"module_nested_reader": """
import sys
K = sys.argv[1]
def f():
    def inner():
        setattr(o, K, 1)
    return inner
""",
"module_lambda_reader": """
import sys
K = sys.argv[1]
f = lambda: setattr(o, K, 1)
""",
"none": """
import os
def g(kwargs):
    for k, v in kwargs.items():
        setattr(o, k, v)
""",
}


_SINK_KINDS = ("session", "sql", "shell", "path", "url", "header", "html")


@pytest.mark.parametrize("extra", [(), ("mylib.read_it",)])
@pytest.mark.parametrize("name", sorted(_MAY_CASES))
def test_may_be_source_never_rejects_a_source(name, extra):
    """Every way a source label reaches a value (aliases, builtins, extra sources, callers,
    enclosing scopes, module level, class bodies, decorators, lambdas, methods, summaries):
    a "source" verdict is never pre-rejected; a value with no trigger is."""
    src = textwrap.dedent(_MAY_CASES[name])
    ctx = FileContext(ast.parse(src), src.splitlines(True), "x.py", Settings(extra_sources=extra))
    keys = [c.args[1] for c in ctx.nodes_of(ast.Call) if isinstance(c.func, ast.Name) and c.func.id == "setattr"]
    assert keys
    for key in keys:
        verdict = ctx.taint.judge(key, "session")[0]
        may = ctx.taint.may_be_source(key)
        if verdict == "source":
            assert may, name
        if name == "none":
            assert not may and verdict != "source"
        if name == "extra":
            assert may == bool(extra)


def test_may_be_source_reads_only_the_module_statements_of_the_names_a_function_reads():
    """A function that reads a module name asks only that name's slice, not a scan of the
    whole top-level code (and of every function it calls)."""
    src = "import sys\nK = sys.argv[1]\n" + "".join(f"X{i} = helper{i}()\n" for i in range(50))
    src += "def g():\n    setattr(o, K, 1)\n"
    ctx = FileContext(ast.parse(src), src.splitlines(True), "x.py", Settings())
    key = next(c.args[1] for c in ctx.nodes_of(ast.Call) if isinstance(c.func, ast.Name) and c.func.id == "setattr")
    assert ctx.taint.may_be_source(key)
    assert ctx.tree not in ctx.taint._scans


def _fixture_files():
    here = Path(__file__).parent / "fixtures"
    return sorted(p for p in here.glob("ais[34]*.py"))


def test_may_be_source_is_sound_on_the_fixtures():
    """Over every expression in a function of the injection and authorization fixtures
    (flagged lines and look-alikes): where the pre-check says no, `judge` gives no "source"
    in any sink kind; and it does say no somewhere (it is not a constant True)."""
    kinds = (ast.Name, ast.Attribute, ast.Subscript, ast.Call, ast.JoinedStr, ast.BinOp)
    rejected = 0
    for path in _fixture_files():
        src = path.read_text("utf-8")
        ctx = FileContext(ast.parse(src), src.splitlines(True), path.name, Settings())
        for node in ctx.nodes:
            if isinstance(node, kinds) and ctx.enclosing_function(node) is not None:
                if not ctx.taint.may_be_source(node):
                    rejected += 1
                    for kind in _SINK_KINDS:
                        assert ctx.taint.judge(node, kind)[0] != "source", (path.name, node.lineno, kind)
    assert rejected > 100


def _python_source(path: Path) -> str:
    """A fixture's text, decoded as Python reads its source."""
    import tokenize

    with tokenize.open(path) as f:
        return f.read()


# ---- `outer_taint` skips the module's pass for a name that pass cannot write (the index's
# bindings and the writes `TaintAnalysis._slice_facts` records): each of these module passes
# writes a name the index does not record as bound at module level, and a function reads it
# from there.


@pytest.mark.parametrize(
    ("module_code", "expected"),
    [
        # a nested subscript target (the index binds only `name[k] = v`)
        ("from cache import store\nstore['a']['b'] = request.args['q']\n", "source"),
        # an augmented subscript target
        ("from cache import store\nstore['a'] += request.args['q']\n", "source"),
        # a subscript in an unpacking target
        ("from cache import store\nx, store['a'] = 1, request.args['q']\n", "source"),
        # a walrus in a decorator (the index binds it in the decorated def's scope)
        ("def deco(v):\n    return lambda f: f\n@deco(store := request.args['q'])\ndef other():\n    pass\n", "source"),
        # a comprehension target in a decorator
        ("def deco(v):\n    return lambda f: f\n@deco([store for store in request.args.getlist('q')])\ndef other():\n    pass\n", "source"),
        # a name a module-level guard proves checked, bound only by an import or a def
        ("from cfg import store\nif isinstance(store, int):\n    pass\n", "safe"),
        ("def store():\n    pass\nALLOWED = {1, 2}\nif store in ALLOWED:\n    pass\n", "safe"),
    ],
)
def test_outer_taint_reads_module_writes_the_index_does_not_bind(module_code, expected):
    src = FLASK + module_code + "def view():\n    sink(store)\n"
    assert verdicts(src) == [expected]


def test_outer_taint_leaves_the_module_pass_unbuilt_for_unbound_names():
    """A function's read of an import, a builtin or a module def needs no pass over the
    module's top-level code: its final state cannot hold them (or holds them CLEAN)."""
    src = FLASK + "import os\nTABLE = request.args['t']\ndef helper():\n    pass\ndef view(x):\n    sink(os.sep + str(x) + helper())\n"
    src = textwrap.dedent(src)
    ctx = FileContext(ast.parse(src), src.splitlines(True), "t.py", Settings(strict=True))
    call = next(n for n in ctx.nodes if isinstance(n, ast.Call) and isinstance(n.func, ast.Name) and n.func.id == "sink")
    assert ctx.taint.judge(call.args[0], "sql")[0] == "unknown"
    assert ctx.tree not in ctx.taint._flows
    use = FLASK + "TABLE = request.args['t']\ndef view():\n    sink(TABLE)\n"
    assert verdicts(use) == ["source"]


def test_slice_facts_cover_every_name_the_module_pass_writes():
    """Over the taint and authorization fixtures: every name the module pass's final state
    holds taint for is bound at module level in the index or among the writes `_slice_facts`
    records, and a module name that only defs and classes bind ends CLEAN (what
    `outer_taint`'s shortcut relies on)."""
    checked = 0
    for path in _fixture_files() + sorted((Path(__file__).parent / "fixtures").glob("ais1*.py")):
        src = _python_source(path)
        ctx = FileContext(ast.parse(src), src.splitlines(True), path.name, Settings())
        env = ctx.taint.flow(ctx.tree).final_env
        writes = set(ctx.taint._facts()[2])
        bound = ctx.bindings[ctx.tree]
        names = {k for k in env if "." not in k}
        # (a name no binding or listed write covers is still CLEAN: ``parts.append()``)
        assert not [n for n in names - set(bound) - writes if env[n]], path.name
        checked += len(names)
        for name, binds in bound.items():
            if all(b.kind == "def" for b in binds) and name not in writes:
                assert not env.get(name), (path.name, name)
    assert checked > 300


def test_declared_evidence_matches_protection_on_the_fixtures():
    """AIS301 reads its peers' evidence with `auth.declared_evidence`, which skips their
    bodies where they cannot change the answer: over every handler of the authorization
    fixtures (and a Django admin view whose only check is in its body) it equals what the
    full `protection` gives."""
    from aisec_shared.analysis.auth import declared_evidence, handlers, protection

    admin = textwrap.dedent('''
        from django.contrib import admin
        from django.core.exceptions import PermissionDenied
        from django.views import View

        class NoteAdmin(admin.ModelAdmin, View):
            def post(self, request, pk):
                if not request.user.is_staff:
                    raise PermissionDenied
                Note.objects.filter(pk=pk).delete()
        ''')
    sources = [(p.name, _python_source(p)) for p in _fixture_files()] + [("admin.py", admin)]
    compared = with_label = 0
    for name, src in sources:
        fresh = FileContext(ast.parse(src), src.splitlines(True), name, Settings())
        full = FileContext(ast.parse(src), src.splitlines(True), name, Settings())
        for h_fresh, h_full in zip(handlers(fresh), handlers(full)):
            p = protection(full, h_full)
            expected = p.auth if p.signs_in_users and not p.auth.endswith("in the body") else None
            assert declared_evidence(fresh, h_fresh) == expected, (name, h_fresh.name)
            compared += 1
            with_label += expected is not None
    assert compared > 50 and with_label > 10


def test_risky_builtin_names_are_the_builtins_own_names_for_dotted_keys():
    """`_source_keys` gives `_risky_names` the identifiers a use of a builtin source spells:
    ``open`` for an extra source ``builtins.open.read``, not ``open.read``, which no name
    node has (so `_scan` would never treat ``open`` as a trigger)."""
    from aisec_shared.analysis.taint import _source_keys

    extra = frozenset({"builtins.open.read", "builtins.input", "myapp.ai.ask"})
    _, _, builtin_names = _source_keys(extra)
    assert {"open", "input"} <= builtin_names
    assert not any("." in name for name in builtin_names)
    source = "def f(p):\n    return open(p).read()\n"
    ctx = FileContext(ast.parse(source), source.splitlines(True), "t.py", Settings()._replace(extra_sources=extra))
    assert "open" in ctx.taint._risky_names()
