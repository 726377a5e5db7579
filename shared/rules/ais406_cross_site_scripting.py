"""AIS406 cross-site-scripting: untrusted input reaches an HTML response without escaping.

## What it does
Flags HTML that carries untrusted input (request data, route parameters, a Lambda event,
model output, also through Markdown rendering) past the escaping of the template engine:

- ``markupsafe.Markup`` (``flask.Markup``), Django ``mark_safe`` and ``SafeString`` of a
  value with untrusted input in it;
- Django ``format_html`` / ``format_html_join`` called with a string that was already
  formatted (an f-string, ``%`` or ``+``), so nothing is escaped;
- HTML sent as a response body: Flask ``make_response`` and ``Response``, Django
  ``HttpResponse`` (and its error subclasses), Starlette / FastAPI ``HTMLResponse`` and
  ``Response(media_type="text/html")``, a Lambda proxy response with a ``text/html``
  Content-Type, and a string built in a Flask view (or a FastAPI view declared with
  ``response_class=HTMLResponse``) and returned as the page;
- a context variable that a constant template prints with ``|safe`` (or inside
  ``{% autoescape false %}``) given untrusted input;
- a Jinja2 ``Environment`` (or ``SandboxedEnvironment``) created with ``autoescape=False``
  or without ``autoescape`` at all (it defaults to off), and ``env.autoescape = False``.

``Markup("<b>%s</b>") % value`` and ``Markup("<b>{}</b>").format(value)`` escape their
arguments and are not reported, nor are ``format_html`` with arguments, values passed
through ``markupsafe.escape``, ``html.escape``, Django ``escape``, ``bleach.clean`` or
``nh3.clean``, casts, allow-list checks, and ``autoescape=True`` / ``select_autoescape(...)``.
A response declared as something else (``mimetype="text/plain"``,
``content_type="application/json"``) or made from a dict or list (JSON) is not HTML.

Confidence is high when untrusted input reaches the HTML (also through a helper of the same
module); medium when a parameter of a function nobody in the module calls is formatted into
HTML markup that is marked safe or sent (low in a test file, ``aisec-test-paths``: tests are
not deployed and their values are test data), and for an Environment with autoescaping off; low
(hidden by default) for other unknown values, for an Environment whose templates are all
plain text (``.txt``, ``.sql``, ``.yaml``, ..., also before a template suffix:
``sdk.py.jinja``, ``nginx.conf.j2``; by the name it loads or the file the module reads the
source from, ``env.from_string(files.joinpath("sdk.py.jinja").read_text())``), a prompt for
a language model (``review_prompt.j2``, ``prompts/system.jinja2``), SQL made from a string
(``env.from_string(sql)``) or a constant template with no HTML tag in it (a console banner:
``Environment(...).from_string("Storage: {{ path }}")``), and for markup that Django's
``label_from_instance(self, obj)`` builds from the queryset's row. An Environment only used
to check a template's syntax (``Environment().from_string(source)`` as a statement, nothing
rendered) is not reported.
Dates and numbers formatted by Django's ``date_format`` / ``number_format`` / ``localize``
or ``strftime`` carry no markup, nor does a parameter annotated as one (``value:
datetime.datetime``, ``retry_after_seconds: int``, a bool or a UUID): markup made only of
such parameters is low (the annotation is not enforced). A URL made by a URL builder
(``url_for``, ``reverse``, a method of an application's ``urls`` object such as
``datasette.urls.table(db, table)``) encodes its components: markup around it is low rather
than medium.

## Why is this bad?
Text spliced into HTML is parsed as HTML: ``<script>`` or ``<img src=x onerror=...>`` in it
runs in the victim's browser with their session (reflected or stored cross-site scripting),
reading pages, changing data and stealing tokens.

## Example
```python
from flask import Flask, make_response, request

app = Flask(__name__)

@app.route("/greet", methods=["POST"])
def greet():
    name = request.form["name"]
    return make_response("<h1>Welcome, " + name + "</h1>")
```

## Use instead
```python
from flask import Flask, make_response, request
from markupsafe import escape

app = Flask(__name__)

@app.route("/greet", methods=["POST"])
def greet():
    name = request.form["name"]
    return make_response("<h1>Welcome, " + escape(name) + "</h1>")
```

## Known problems
Templates loaded from files are not read: a ``|safe`` in ``page.html`` is not seen. Data
serialised with ``json.dumps`` into a ``<script>`` block and then marked safe is not reported
(use Django's ``json_script``). Escaping done by your own helpers is not recognised unless
named with ``aisec-extra-sanitizers``. An Environment that only renders plain text (e-mails,
config files) through template names the rule cannot see is reported with medium
confidence; pass ``autoescape=select_autoescape()`` (it leaves ``.txt`` templates unescaped)
or suppress the line. A string returned by a Flask view is reported as HTML even when the
client only ever reads it as text: Flask serves it as ``text/html``.

## Options
``aisec-extra-sinks`` (``myapp.web.raw_html:html``) adds your own functions that mark or send
raw HTML; ``aisec-extra-sanitizers`` (``myapp.text.clean_html:html``) names your escaping
helpers.

## References
- [CWE-79: Improper Neutralization of Input During Web Page Generation ('Cross-site Scripting')](https://cwe.mitre.org/data/definitions/79.html)
- [OWASP Cross Site Scripting Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross_Site_Scripting_Prevention_Cheat_Sheet.html)
- [MarkupSafe: Formatting](https://markupsafe.palletsprojects.com/en/stable/formatting/)
- [Django: mark_safe and format_html](https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html)
- [Jinja: Autoescaping](https://jinja.palletsprojects.com/en/stable/api/#autoescaping)
- [Flask: HTML escaping](https://flask.palletsprojects.com/en/stable/quickstart/#html-escaping)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.context import dotted
from ..analysis.judgement import describe, from_params, judge
from ..analysis.strings import constant, constant_text, string_parts
from ..analysis.taint import extra_sink_args, is_dead, typed_scalar
from ..analysis.templates import is_template_engine
from ..analysis.values import unknown_origin
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile
from ..analysis.words import split_words

# Calls that mark a string as safe HTML (no escaping when rendered).
# MarkupSafe https://markupsafe.palletsprojects.com/en/stable/escaping/#markupsafe.Markup,
# Django https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.safestring.mark_safe.
MARKUP_CALLS = {
    "markupsafe.Markup": "Markup()",
    "flask.Markup": "Markup()",
    "jinja2.Markup": "Markup()",
    "jinja2.utils.Markup": "Markup()",
    "django.utils.safestring.mark_safe": "mark_safe()",
    "django.utils.safestring.SafeString": "SafeString()",
    "django.utils.html.mark_safe": "mark_safe()",
}
# format_html(format_string, *args): only the arguments are escaped.
# https://docs.djangoproject.com/en/stable/ref/utils/#django.utils.html.format_html
FORMAT_HTML_CALLS = {"django.utils.html.format_html": 0, "django.utils.html.format_html_join": 1}
# Responses whose body is HTML: always (HTMLResponse) or unless a non-HTML type is given
# (Flask/Werkzeug and Django default to text/html).
# https://www.starlette.io/responses/#htmlresponse, https://flask.palletsprojects.com/en/stable/api/#flask.Response,
# https://docs.djangoproject.com/en/stable/ref/request-response/#httpresponse-objects
HTML_RESPONSES = frozenset({"starlette.responses.HTMLResponse", "fastapi.responses.HTMLResponse"})
DEFAULT_HTML_RESPONSES = frozenset(
    {
        "flask.make_response", "flask.helpers.make_response", "flask.Response", "flask.wrappers.Response",
        "werkzeug.wrappers.Response", "werkzeug.Response", "quart.make_response", "quart.Response",
        "django.http.HttpResponse", "django.http.response.HttpResponse", "django.http.HttpResponseBadRequest",
        "django.http.HttpResponseNotFound", "django.http.HttpResponseForbidden", "django.http.HttpResponseServerError",
        "django.http.HttpResponseGone",
    }
)
# Responses that are HTML only when their media_type says so (Starlette sends no type).
TYPED_RESPONSES = frozenset({"starlette.responses.Response", "fastapi.responses.Response", "fastapi.Response"})
CONTENT_TYPE_KEYWORDS = ("mimetype", "content_type", "media_type")
# Markdown renderers pass raw HTML in their input through to their output.
# https://python-markdown.github.io/change_log/release-2.6/#safe_mode-and-html_replacement_text-keywords-deprecated
HTML_RENDERERS = frozenset(
    {
        "markdown.markdown", "markdown2.markdown", "mistune.html", "mistune.markdown", "commonmark.commonmark",
        "markdown_it.MarkdownIt.render",
    }
)
# Jinja2 environments whose autoescape defaults to False.
# https://jinja.palletsprojects.com/en/stable/api/#jinja2.Environment
JINJA_ENVIRONMENTS = frozenset(
    {
        "jinja2.Environment", "jinja2.environment.Environment", "jinja2.sandbox.SandboxedEnvironment",
        "jinja2.sandbox.ImmutableSandboxedEnvironment",
    }
)
# Template file types that are not HTML: an environment used only for these needs no escaping.
TEXT_TEMPLATE_SUFFIXES = (
    ".txt", ".sql", ".md", ".yaml", ".yml", ".json", ".ini", ".cfg", ".conf", ".toml", ".py", ".sh", ".csv",
    ".tex", ".rst", ".service",
)
_HTML_TAG = lazy_compile(r"<(?:[A-Za-z][A-Za-z0-9-]{0,30}|/[A-Za-z]|!)")
_SAFE_FILTER = lazy_compile(r"\{\{-?\s*([A-Za-z_]\w*)[^{}|]{0,100}\|\s*safe\b")
_AUTOESCAPE_OFF = lazy_compile(r"\{%-?\s*autoescape\s+false\s*-?%\}(.*?)\{%-?\s*endautoescape", re.DOTALL | re.IGNORECASE)
_VARIABLE = lazy_compile(r"\{\{-?\s*([A-Za-z_]\w*)")
_FLASK_LIKE = ("flask", "quart", "bottle")
# Route kind "fastapi" needs one of these imports (see `taint.route_kind`).
_HTML_VIEW_MODULES = (*_FLASK_LIKE, "fastapi", "starlette")


def judge_html(ctx: FileContext, expr: ast.AST) -> tuple[str, list[str]]:
    """`judge` for HTML, also through Markdown renderers (which keep raw HTML)."""
    seen, found = judge(ctx, expr, "html")
    if seen == "unknown":
        rendered = _rendered(ctx, expr, 0)
        if rendered:
            return "source", rendered
    return seen, found


def _rendered(ctx: FileContext, expr: ast.AST, depth: int) -> list[str]:
    if depth > 4 or expr is None:
        return []
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr) if len(ctx.bindings_of(expr)) == 1 else None
        return _rendered(ctx, value, depth + 1) if value is not None else []
    if isinstance(expr, ast.Call):
        name = ctx.call_name(expr)
        if name in HTML_RENDERERS or (isinstance(expr.func, ast.Attribute) and expr.func.attr == "render" and
                                      (ctx.instance_of(expr.func.value) or "").startswith(("markdown_it", "mistune"))):
            if expr.args:
                seen, found = judge(ctx, expr.args[0], "html")
                if seen == "source":
                    return [f"{o} via {name.rsplit('.', 1)[-1] if name else 'render'}()" for o in found]
            return []
        if isinstance(expr.func, ast.Attribute) and expr.func.attr in ("replace", "strip", "format", "join"):
            out = _rendered(ctx, expr.func.value, depth + 1)
            for arg in expr.args:
                out = out or _rendered(ctx, arg, depth + 1)
            return out
        return []
    if isinstance(expr, (ast.JoinedStr, ast.BinOp, ast.FormattedValue)):
        for child in ast.iter_child_nodes(expr):
            out = _rendered(ctx, child, depth + 1)
            if out:
                return out
    return []


def _unknown_confidence(ctx: FileContext, value: ast.AST) -> tuple[Confidence, list[str]] | None:
    """Medium for HTML built from a function's parameters, low for other unknown values."""
    params = from_params(ctx, value, "html")
    parts = string_parts(ctx, value)
    if parts is None:
        return (Confidence.LOW, params) if params else None
    if not any(not isinstance(p, str) for p in parts):
        return None
    html = bool(_HTML_TAG.search(constant_text(parts)))
    if (
        params
        and html
        and not _choice_label(ctx, value)
        and any(
            not isinstance(p, str)
            and not _formatted(ctx, p)
            and not _built_url(ctx, p)
            and from_params(ctx, p, "html")
            for p in parts
        )
    ):
        return unknown_origin(ctx, Confidence.MEDIUM), params
    return Confidence.LOW, params


# Django's locale formatting: a date, time or number as text, with no markup of the value's.
# https://docs.djangoproject.com/en/stable/topics/i18n/formatting/
_FORMAT_CALLS = frozenset(
    {
        "django.utils.formats.date_format", "django.utils.formats.time_format", "django.utils.formats.number_format",
        "django.utils.formats.localize", "django.utils.formats.localize_input",
    }
)


def _formatted(ctx: FileContext, part: ast.AST) -> bool:
    """A date or number formatted as text: Django's ``date_format(...)`` / ``number_format``
    / ``localize`` (`_FORMAT_CALLS`), ``value.strftime(...)`` or ``.isoformat()``, also through
    a name bound to one (``ds = date_format(obj.date_start, "SHORT_DATE_FORMAT")``); or a
    parameter annotated as a date or number (``value: datetime.datetime``, `typed_scalar`),
    whose text has no markup."""
    if isinstance(part, ast.FormattedValue):
        part = part.value
    if isinstance(part, ast.Name):
        binds = ctx.bindings_of(part)
        if binds and all(b.kind == "param" and isinstance(b.target, ast.arg) and typed_scalar(b.target) for b in binds):
            return True
    call = _part_call(ctx, part)
    if call is None:
        return False
    func = call.func
    return ctx.call_name(call) in _FORMAT_CALLS or (isinstance(func, ast.Attribute) and func.attr in ("strftime", "isoformat"))


def _part_call(ctx: FileContext, part: ast.AST) -> ast.Call | None:
    """The call a part of the markup is (``{date_format(d)}``), also through a name bound to
    one (``ds = date_format(d)`` then ``{ds}``); None for anything else."""
    if isinstance(part, ast.FormattedValue):
        part = part.value
    if isinstance(part, ast.Name):
        part = ctx.reaching_value(part)
    return part if isinstance(part, ast.Call) else None


# URL builders, which percent-encode (or, datasette's, tilde-encode) what they put in a path
# or query: Flask's and Starlette's url_for, Django's reverse, and the methods of an
# application's URL-builder object (``datasette.urls.table(database, table)``).
_URL_BUILDERS = frozenset({"url_for", "reverse", "reverse_lazy"})
_URL_BUILDER_OBJECTS = frozenset({"urls", "url_builder"})


def _built_url(ctx: FileContext, part: ast.AST) -> bool:
    """A URL made by a URL builder (`_URL_BUILDERS`, or a method of an object named
    `_URL_BUILDER_OBJECTS`), also through a name bound to one: its components are encoded,
    so markup around it is only probably safe, low (datasette's table view links cells with
    ``datasette.urls.table(database_name, table_name)``, which ``tilde_encode``s the names)."""
    call = _part_call(ctx, part)
    if call is None:
        return False
    func = call.func
    if isinstance(func, ast.Name):
        return func.id in _URL_BUILDERS
    if not isinstance(func, ast.Attribute):
        return False
    owner = func.value
    owner_name = owner.attr if isinstance(owner, ast.Attribute) else owner.id if isinstance(owner, ast.Name) else ""
    return func.attr in _URL_BUILDERS or owner_name in _URL_BUILDER_OBJECTS


def _choice_label(ctx: FileContext, value: ast.AST) -> bool:
    """Inside Django's ``ModelChoiceField.label_from_instance(self, obj)`` (or a
    ``_label_from_instance`` helper): `obj` is a row of the field's queryset, stored data
    rather than a request's, so markup built from it is low confidence.
    https://docs.djangoproject.com/en/stable/ref/forms/fields/#django.forms.ModelChoiceField.label_from_instance"""
    func = ctx.enclosing_function(value)
    return func is not None and func.name.endswith("label_from_instance")


def _report(ctx: FileContext, value: ast.AST, what: str) -> Iterator[Hit]:
    """One finding for `value` reaching an HTML sink; `what` completes "... from X <what>"."""
    # A literal is constant (`constant` would still build its function's taint flow).
    if type(value) is ast.Constant or constant(ctx, value) or is_dead(ctx, value):
        return
    seen, found = judge_html(ctx, value)
    if seen == "source":
        yield hit(value, f"Input from {describe(found, 'a request')} {what}", confidence=Confidence.HIGH)
    elif seen == "unknown":
        graded = _unknown_confidence(ctx, value)
        if graded is not None:
            confidence, params = graded
            source = f"Input from {describe(params, '')}" if params else "A computed value"
            yield hit(value, f"{source} {what}", confidence=confidence)


def _first(node: ast.Call, index: int, names: tuple[str, ...]) -> ast.AST | None:
    if len(node.args) > index:
        return node.args[index]
    return next((k.value for k in node.keywords if k.arg in names), None)


def _content_type(ctx: FileContext, node: ast.Call) -> str | None:
    """The constant content type a response call declares ("" when non-constant)."""
    for kw in node.keywords:
        if kw.arg in CONTENT_TYPE_KEYWORDS:
            text = ctx.const_str(kw.value)
            return text.lower() if text is not None else ""
        if kw.arg == "headers":
            found = _header_content_type(ctx, kw.value)
            if found is not None:
                return found
    for arg in node.args[1:]:
        found = _header_content_type(ctx, arg)
        if found is not None:
            return found
    return None


def _header_content_type(ctx: FileContext, expr: ast.AST) -> str | None:
    if isinstance(expr, ast.Dict):
        for key, value in zip(expr.keys, expr.values):
            if key is not None and (ctx.const_str(key) or "").lower() == "content-type":
                text = ctx.const_str(value)
                return text.lower() if text is not None else ""
    return None


# Callee names `check_call` reports on, by the last part of their qualified name, and the
# render calls of ``|safe`` templates (``render_template_string``, ``template.render``).
_NAMED_CALLS = {
    *MARKUP_CALLS, *FORMAT_HTML_CALLS, *HTML_RESPONSES, *DEFAULT_HTML_RESPONSES, *TYPED_RESPONSES, *JINJA_ENVIRONMENTS
}
CALLEES = frozenset({n.rsplit(".", 1)[-1] for n in _NAMED_CALLS} | {"render_template_string", "render"})


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """Markup / mark_safe, format_html misuse, HTML response bodies, Jinja2 autoescape and
    ``|safe`` variables of constant templates."""
    name = ctx.call_name(node) or ""
    if name in MARKUP_CALLS:
        arg = _first(node, 0, ("base", "s", "object", "seq"))
        if arg is not None:
            yield from _report(ctx, arg, f"is marked safe by {MARKUP_CALLS[name]}")
    elif name in FORMAT_HTML_CALLS:
        yield from _format_html(node, ctx, name)
    elif name in HTML_RESPONSES or name in DEFAULT_HTML_RESPONSES or name in TYPED_RESPONSES:
        body = _first(node, 0, ("content", "response", "body"))
        if body is not None and _html_body(ctx, node, name):
            yield from _report(ctx, body, f"is sent as HTML by {name.rsplit('.', 1)[-1]}()")
    elif name in JINJA_ENVIRONMENTS:
        yield from _autoescape(node, ctx)
    else:
        yield from _safe_filtered(node, ctx, name)
        for arg, sink in extra_sink_args(ctx, node, "html"):
            yield from _report(ctx, arg, f"reaches {sink} as raw HTML")


def _format_html(node: ast.Call, ctx: FileContext, name: str) -> Iterator[Hit]:
    """``format_html(f"...{x}...")``: formatted before format_html could escape anything."""
    index = FORMAT_HTML_CALLS[name]
    fmt = _first(node, index, ("format_string",))
    if fmt is None:
        return
    has_args = len(node.args) > index + 1 or any(k.arg != "format_string" for k in node.keywords)
    if string_parts(ctx, fmt) is not None or not has_args:
        yield from _report(ctx, fmt, f"is formatted before {name.rsplit('.', 1)[-1]}() can escape it")


def _html_body(ctx: FileContext, node: ast.Call, name: str) -> bool:
    """Whether a response call sends its body as HTML (by class, default or declared type)."""
    if name in HTML_RESPONSES:
        return True
    body = _first(node, 0, ("content", "response", "body"))
    if isinstance(body, ast.Name):
        body = ctx.reaching_value(body)
    if isinstance(body, (ast.Dict, ast.List, ast.DictComp, ast.ListComp)):
        return False  # Flask's make_response / Response turn a dict or list into JSON
    ctype = _content_type(ctx, node)
    if name in TYPED_RESPONSES:
        return ctype is not None and "html" in ctype
    return ctype is None or "html" in ctype


# ---- |safe in a constant template ----------------------------------------------------------


def _unescaped_variables(source: str) -> dict[str, str]:
    """Variables a template prints without escaping -> why (``|safe`` or an autoescape-off block)."""
    names = {name: "|safe" for name in _SAFE_FILTER.findall(source)}
    for block in _AUTOESCAPE_OFF.findall(source):
        for name in _VARIABLE.findall(block):
            names.setdefault(name, "autoescape false")
    return names


def _constant_template(ctx: FileContext, node: ast.Call, name: str) -> str | None:
    """The constant source of the template a render call renders, if any."""
    if name.rsplit(".", 1)[-1] == "render_template_string":
        arg = _first(node, 0, ("source",))
        return ctx.const_str(arg) if arg is not None else None
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "render"):
        return None
    receiver = func.value
    if isinstance(receiver, ast.Name):
        receiver = ctx.reaching_value(receiver)
    if not isinstance(receiver, ast.Call):
        return None
    inner = ctx.call_name(receiver) or ""
    if inner in ("jinja2.Template", "jinja2.environment.Template") or (
        isinstance(receiver.func, ast.Attribute) and receiver.func.attr == "from_string" and is_template_engine(ctx, receiver.func.value)
    ):
        return ctx.const_str(receiver.args[0]) if receiver.args else None
    return None


def _safe_filtered(node: ast.Call, ctx: FileContext, name: str) -> Iterator[Hit]:
    source = _constant_template(ctx, node, name)
    if not source:
        return
    unescaped = _unescaped_variables(source)
    for kw in node.keywords:
        if kw.arg in unescaped:
            yield from _report(ctx, kw.value, f"is printed unescaped by the template ('{kw.arg}' with {unescaped[kw.arg]})")


# ---- autoescape off ------------------------------------------------------------------------


def _autoescape(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if is_dead(ctx, node) or _parse_only(ctx, node):
        return
    keyword = next((k for k in node.keywords if k.arg == "autoescape"), None)
    if keyword is None:
        if any(k.arg is None for k in node.keywords) or len(node.args) >= 13:
            return  # **options or the positional autoescape: not visible here
        yield hit(node.func, "Jinja2 Environment created without autoescape (it defaults to off)",
                  confidence=_env_confidence(ctx, node))
        return
    value = keyword.value
    if isinstance(value, ast.Constant) and not value.value:
        yield hit(value, "Jinja2 Environment created with autoescape off", confidence=_env_confidence(ctx, node))


def _env_target(ctx: FileContext, node: ast.Call) -> ast.AST | None:
    """The name or attribute an Environment call is assigned to (``env = ...``,
    ``self.env: Environment = ...``), or None."""
    parent = ctx.parent(node)
    if isinstance(parent, ast.Assign) and len(parent.targets) == 1:
        return parent.targets[0]
    if isinstance(parent, ast.AnnAssign) and parent.value is node:
        return parent.target
    return None


_LOADERS = ("get_template", "select_template", "get_or_select_template")
# Words of a template source variable that holds SQL (``self.env.from_string(sql)``).
_SQL_WORDS = frozenset({"sql", "query"})


def _markup_free(ctx: FileContext, source: ast.AST) -> bool:
    """A constant template source with no HTML tag in it (`_HTML_TAG`): a console banner or
    a plain-text message, which no browser parses."""
    text = ctx.const_str(source)
    return text is not None and not _HTML_TAG.search(text)


def _prompt_template(name: str) -> bool:
    """A template file named as a prompt for a language model, with a generic template suffix
    (`_TEMPLATE_SUFFIXES`: ``merge_conflict_prompt.j2``, ``prompts/system.jinja2``: openhands' suggested tasks): the
    text goes to the model, not to a browser. ``prompt.html`` is HTML by its suffix."""
    lowered = name.lower()
    if not lowered.endswith(_TEMPLATE_SUFFIXES):
        return False
    words = set(split_words(lowered.rsplit(".", 1)[0]))
    return bool(words & {"prompt", "prompts"})


def _env_confidence(ctx: FileContext, node: ast.Call) -> Confidence:
    """Low when every template the module renders with this environment is plain text: each
    template it loads by name has a text suffix (`_text_template`: ``"mail.txt"``,
    ``"sdk.py.jinja"``) or names a prompt (`_prompt_template`), and each template it makes
    from a string is SQL by its variable's name (``env.from_string(sql)``: superset's SQL
    templating, where HTML escaping would corrupt the query), read from a file with a text
    name (`_source_file`) or a constant without HTML tags (`_markup_free`), as is the one
    template of ``Environment(...).from_string("...")``. ``self.env`` is looked up in its own
    class only, a local ``env`` in its own function."""
    target = _env_target(ctx, node)
    key = dotted(target) if target is not None else None
    if key is None:
        # Environment(...).from_string("..."): the one template it ever renders.
        attr = ctx.parent(node)
        call = ctx.parent(attr)
        if isinstance(attr, ast.Attribute) and attr.attr == "from_string" and isinstance(call, ast.Call) and call.func is attr:
            if call.args and _markup_free(ctx, call.args[0]):
                return Confidence.LOW
        return Confidence.MEDIUM
    texts = []
    owner = ctx.enclosing_class(node) if key.startswith(("self.", "cls.")) else None
    local = ctx.enclosing_function(node) if isinstance(target, ast.Name) else None
    for other in ctx.nodes_of(ast.Call):
        func = other.func  # type: ignore[attr-defined]
        if not isinstance(func, ast.Attribute) or dotted(func.value) != key:
            continue
        if owner is not None and ctx.enclosing_class(other) is not owner:
            continue  # `self.env` of another class
        if local is not None and ctx.enclosing_function(other) is not local:
            continue  # a local `env` of another function
        first = other.args[0] if other.args else None  # type: ignore[attr-defined]
        if func.attr in _LOADERS:
            name = ctx.const_str(first) if first is not None else None
            texts.append(_text_template(name) or (name is not None and _prompt_template(name)))
        elif func.attr == "from_string":
            label = dotted(first) if first is not None else None
            sql = label is not None and bool(_SQL_WORDS & set(split_words(label.rsplit(".", 1)[-1])))
            texts.append(sql or _text_template(_source_file(ctx, first)) or (first is not None and _markup_free(ctx, first)))
    if texts and all(texts):
        return Confidence.LOW
    return Confidence.MEDIUM


# Suffixes a template file carries after the type of what it makes ("sdk.py.jinja",
# "unit.service.j2"): Jinja's own and the common template-engine ones.
_TEMPLATE_SUFFIXES = (".jinja", ".jinja2", ".j2", ".tmpl", ".tpl", ".template")
# Methods that read a whole file: the template source is that file.
_FILE_READS = frozenset({"read_text", "read", "read_bytes"})


def _text_template(name: str | None) -> bool:
    """A template file name whose output is not HTML: a `TEXT_TEMPLATE_SUFFIXES` suffix,
    also before a template suffix (``"sdk.py.jinja"``, ``"nginx.conf.j2"``)."""
    if not name:
        return False
    low = name.lower()
    for suffix in _TEMPLATE_SUFFIXES:
        if low.endswith(suffix):
            low = low[: -len(suffix)]
            break
    return low.endswith(TEXT_TEMPLATE_SUFFIXES)


def _source_file(ctx: FileContext, expr: ast.AST | None) -> str | None:
    """The file a template source was read from, when the module names it with a constant:
    ``files.joinpath("sdk.py.jinja").read_text()`` (prefect's SDK generator), ``open("x.sql.j2")
    .read()``, ``(root / "unit.service.j2").read_text()``, directly or through a name bound
    to one. None otherwise."""
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in _FILE_READS):
        return None
    node: ast.AST = expr.func.value
    for _ in range(4):
        if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
            return ctx.const_str(node.right)
        if not isinstance(node, ast.Call):
            return None
        name = ctx.const_str(node.args[0]) if node.args else None
        if name is not None:
            return name
        if not isinstance(node.func, ast.Attribute):
            return None
        node = node.func.value
    return None


# Environment methods that only parse or compile a template's source: nothing is rendered.
_PARSE_METHODS = frozenset({"from_string", "parse", "compile"})


def _discarded_parse(ctx: FileContext, receiver: ast.AST) -> bool:
    """``receiver.from_string(source)`` (or ``.parse`` / ``.compile``) as a statement of its
    own: the template is parsed to check its syntax and thrown away."""
    attr = ctx.parent(receiver)
    if not isinstance(attr, ast.Attribute) or attr.value is not receiver or attr.attr not in _PARSE_METHODS:
        return False
    call = ctx.parent(attr)
    return isinstance(call, ast.Call) and call.func is attr and isinstance(ctx.parent(call), ast.Expr)


def _parse_only(ctx: FileContext, node: ast.Call) -> bool:
    """An Environment used only to check a template's syntax (superset's
    ``validate_jinja_template``): ``SandboxedEnvironment().from_string(source)`` as a
    statement, or a local ``env = Environment()`` whose every use in its function is such a
    statement. No template is rendered, so nothing is escaped or not."""
    if _discarded_parse(ctx, node):
        return True
    target = _env_target(ctx, node)
    func = ctx.enclosing_function(node)
    if not isinstance(target, ast.Name) or func is None or ctx.scope_of(node) is not func:
        return False
    uses = [n for n in ast.walk(func) if isinstance(n, ast.Name) and n.id == target.id and n is not target]
    return bool(uses) and all(isinstance(n.ctx, ast.Load) and _discarded_parse(ctx, n) for n in uses)


@on(ast.Assign, names={"autoescape"})
def check_autoescape_attribute(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """``env.autoescape = False`` / ``app.jinja_env.autoescape = False``."""
    value = node.value
    if not (isinstance(value, ast.Constant) and value.value is False):
        return
    for target in node.targets:
        if isinstance(target, ast.Attribute) and target.attr == "autoescape" and is_template_engine(ctx, target.value):
            if not is_dead(ctx, node):
                yield hit(value, "Jinja2 autoescaping is turned off", confidence=Confidence.MEDIUM)


# ---- HTML returned as the page -------------------------------------------------------------


def _returns_html(ctx: FileContext, func: ast.AST) -> bool:
    """A view whose returned string is served as text/html: a Flask-like route, or a FastAPI
    route declared with ``response_class=HTMLResponse``."""
    kind = ctx.taint.route_kind(func)
    if kind == "flask":
        return ctx.imports_any(_FLASK_LIKE)
    if kind == "fastapi":
        for dec in func.decorator_list:  # type: ignore[attr-defined]
            if isinstance(dec, ast.Call):
                for kw in dec.keywords:
                    if kw.arg == "response_class" and (ctx.qualname(kw.value) or "").endswith("HTMLResponse"):
                        return True
    return False


def _imports_html_views(ctx: FileContext) -> bool:
    """Gate of `check_return`: `_returns_html` wants a Flask-like or FastAPI route, which
    needs an import of `_HTML_VIEW_MODULES`."""
    return ctx.imports_any(_HTML_VIEW_MODULES)


@on(ast.Return, when=_imports_html_views)
def check_return(node: ast.Return, ctx: FileContext) -> Iterator[Hit]:
    """A string built in a view and returned as the page."""
    value = node.value
    if value is None:
        return
    func = ctx.enclosing_function(node)
    if func is None or ctx.scope_of(node) is not func or not _returns_html(ctx, func):
        return
    if isinstance(value, ast.Tuple) and value.elts:
        # (body, status, headers): a declared non-HTML Content-Type makes it plain data.
        declared = [_header_content_type(ctx, e) for e in value.elts[1:]]
        if any(t and "html" not in t for t in declared):
            return
        value = value.elts[0]
    if string_parts(ctx, value) is None:
        return  # only strings built here; dicts, lists and response objects are not HTML text
    yield from _report(ctx, value, f"is returned as HTML by view '{func.name}'")  # type: ignore[attr-defined]


# The key of an API Gateway proxy response's status, as `const_str` reads a literal.
_STATUS_KEYS = ("statusCode", b"statusCode")


@on(ast.Dict)
def check_lambda_body(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    """An API Gateway proxy response ``{"statusCode": ..., "headers": {"Content-Type":
    "text/html"}, "body": ...}``."""
    # `const_str` reads only a literal or a name bound to one: a dict without a name key or a
    # literal "statusCode" key (most dicts) cannot have the key; skip it before resolving names.
    for k in node.keys:
        if isinstance(k, ast.Name) or (isinstance(k, ast.Constant) and k.value in _STATUS_KEYS):
            break
    else:
        return
    keys = {ctx.const_str(k): v for k, v in zip(node.keys, node.values) if k is not None}
    if "statusCode" not in keys or "body" not in keys:
        return
    ctype = _header_content_type(ctx, keys.get("headers"))  # type: ignore[arg-type]
    if ctype and "html" in ctype:
        yield from _report(ctx, keys["body"], "is returned as an HTML body")
