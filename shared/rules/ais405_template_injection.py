"""AIS405 template-injection: untrusted input becomes the source of a server-side template.

## What it does
Flags template *source* built from untrusted input (request data, route parameters, the
command line, a Lambda event, model output) and compiled by a template engine:

- Flask / Quart ``render_template_string(source, ...)``;
- Jinja2 ``Template(source)``, ``Environment(...).from_string(source)`` (also Flask's
  ``app.jinja_env.from_string``);
- Mako ``Template(text)``;
- Django ``Template(template_string)``, ``engines["django"].from_string(...)`` and
  ``Engine.from_string``; Tornado ``Template(template_string)``.

The finding points at the template source. Confidence is high when untrusted input reaches
it (directly, through f-strings, ``%``, ``+`` or ``str.format``, or through a helper of the
same module); medium when a parameter of a function nobody in the module calls is formatted
into the source (low in a test file, ``aisec-test-paths``: tests are not deployed and their
values are test data); low (hidden by default) when such a parameter is the whole source. Passing
input as a *context variable* of a constant template
(``render_template_string("Hello {{ name }}", name=name)``) is the safe pattern and is never
reported, nor is a source picked from a constant mapping or checked against an allow-list
or a ``fullmatch`` pattern, a template in a sandboxed environment
(``jinja2.sandbox.SandboxedEnvironment``), or code in a dead branch. HTML escaping
(``markupsafe.escape``, ``html.escape``) leaves ``{{ }}`` and ``{% %}`` intact and does not
clear the finding.

## Why is this bad?
Template languages are programming languages. ``{{ cycler.__init__.__globals__.os.popen('id').read() }}``
in Jinja2, ``${...}`` or ``<% %>`` in Mako run code on the server (server-side template
injection, SSTI); in Django templates an author can read any attribute of the context objects.

## Example
```python
from flask import Flask, render_template_string, request

app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string(f"<h1>Hello {name}!</h1>")
```

## Use instead
```python
from flask import Flask, render_template_string, request

app = Flask(__name__)

@app.route("/hello")
def hello():
    name = request.args.get("name", "guest")
    return render_template_string("<h1>Hello {{ name }}!</h1>", name=name)
```

## Known problems
Template sources read from files or a database are not followed: a template that users may
edit (a CMS) must be rendered in ``SandboxedEnvironment``. An environment held in an
attribute of another module is recognised by its name (``env``, ``jinja``, ``engine``) when
the module imports a template engine.

## Options
``aisec-extra-sinks`` (``myapp.mail.render_snippet:template``) adds your own functions that
compile a template.

## References
- [CWE-1336: Improper Neutralization of Special Elements Used in a Template Engine](https://cwe.mitre.org/data/definitions/1336.html)
- [CWE-94: Improper Control of Generation of Code ('Code Injection')](https://cwe.mitre.org/data/definitions/94.html)
- [Flask: render_template_string](https://flask.palletsprojects.com/en/stable/api/#flask.render_template_string)
- [Jinja: Sandbox](https://jinja.palletsprojects.com/en/stable/sandbox/)
- [Django: The template system isn't safe against untrusted template authors](https://docs.djangoproject.com/en/stable/topics/templates/)
- [PortSwigger: Server-side template injection](https://portswigger.net/web-security/server-side-template-injection)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.judgement import describe, from_params, judge
from ..analysis.strings import constant, string_parts
from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.templates import is_template_engine
from ..analysis.values import unknown_origin
from ..checks import Confidence, FileContext, Hit, hit, on

# Calls whose argument is template source -> its keyword name.
# Flask https://flask.palletsprojects.com/en/stable/api/#flask.render_template_string,
# Jinja https://jinja.palletsprojects.com/en/stable/api/#jinja2.Template,
# Mako https://docs.makotemplates.org/en/latest/usage.html#basic-usage,
# Django https://docs.djangoproject.com/en/stable/ref/templates/api/#django.template.Template,
# Tornado https://www.tornadoweb.org/en/stable/template.html#tornado.template.Template.
TEMPLATE_CALLS = {
    "flask.render_template_string": "source",
    "flask.templating.render_template_string": "source",
    "quart.render_template_string": "source",
    "jinja2.Template": "source",
    "jinja2.environment.Template": "source",
    "mako.template.Template": "text",
    "django.template.Template": "template_string",
    "django.template.base.Template": "template_string",
    "tornado.template.Template": "template_string",
}
# HTML escapers leave ``{{ }}``, ``{% %}`` and ``${ }`` intact: they do not protect template
# source (markupsafe.escape, html.escape and Django's escape only encode & < > ' ").
HTML_ESCAPERS = frozenset(
    {
        "markupsafe.escape", "flask.escape", "jinja2.escape", "html.escape", "cgi.escape",
        "django.utils.html.escape", "bleach.clean", "nh3.clean",
    }
)
# A sink kind no escaper clears: only casts, allow-lists and pattern checks make source safe.
_SOURCE_KIND = "template-source"






def template_sources(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(template source, sink description)`` for a call that compiles a template."""
    name = ctx.call_name(node)
    keyword = TEMPLATE_CALLS.get(name or "")
    if keyword is not None:
        if keyword == "text":  # Mako: Template(text) or Template(filename=...)
            arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "text"), None)
        else:
            arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == keyword), None)
        if arg is not None:
            yield arg, f"{name.rsplit('.', 1)[-1]}()"  # type: ignore[union-attr]
        return
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "from_string" and is_template_engine(ctx, func.value):
        arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg in ("source", "template_code")), None)
        if arg is not None:
            yield arg, "from_string()"
        return
    yield from extra_sink_args(ctx, node, "template")


def _html_escaped(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """Whether an HTML escaper is applied somewhere in `expr` (or the value of a local name)."""
    for node in ast.walk(expr):
        if isinstance(node, ast.Call) and ctx.call_name(node) in HTML_ESCAPERS:
            return True
        if isinstance(node, ast.Name) and depth < 3:
            value = ctx.reaching_value(node)
            if value is not None and value is not expr and _html_escaped(ctx, value, depth + 1):
                return True
    return False


# Callee names `template_sources` reports on: the classes and functions by the last part of
# their qualified name, and the environment method ``from_string``.
CALLEES = frozenset({n.rsplit(".", 1)[-1] for n in TEMPLATE_CALLS} | {"from_string"})


@on(ast.Call, callees=CALLEES)
def check_template(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """Template source from untrusted input compiled by a template engine."""
    for source, sink in template_sources(node, ctx):
        if constant(ctx, source) or is_dead(ctx, source):
            continue
        seen, found = judge(ctx, source, "template")
        if seen == "safe" and _html_escaped(ctx, source):
            seen, found = judge(ctx, source, _SOURCE_KIND)
        if seen == "source":
            yield hit(source, describe(found, "input"), sink, confidence=Confidence.HIGH)
        elif seen == "unknown":
            params = from_params(ctx, source, "template")
            if not params:
                continue
            parts = string_parts(ctx, source)
            built = parts is not None and any(not isinstance(p, str) and from_params(ctx, p, "template") for p in parts)
            yield hit(source, describe(params, ""), sink, confidence=unknown_origin(ctx, Confidence.MEDIUM) if built else Confidence.LOW)
