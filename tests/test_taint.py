"""The taint engine, one behaviour per test: what is a source, what propagates, what clears.

Each snippet calls ``sink(value)``; the test reads the engine's judgement of that argument
for an SQL sink: "source" (untrusted input reaches it), "unknown" or "safe".
"""

from __future__ import annotations

import ast
import textwrap

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
