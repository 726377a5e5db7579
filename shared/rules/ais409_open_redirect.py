"""AIS409 open-redirect: an untrusted URL becomes the target of an HTTP redirect.

## What it does
Flags a redirect whose target comes from untrusted input (request data, route parameters, a
Lambda event, model output) and can still choose the host:

- Flask / Quart / Werkzeug ``redirect(url)``, Django ``redirect(to)``,
  ``HttpResponseRedirect`` and ``HttpResponsePermanentRedirect``, Starlette / FastAPI
  ``RedirectResponse``;
- a ``Location`` header written by hand: ``response.headers["Location"] = url``,
  ``response["Location"] = url`` (Django), ``headers.add("Location", url)``,
  ``Response(headers={"Location": url})``, an API Gateway proxy response
  ``{"statusCode": 302, "headers": {"Location": url}}`` and a WSGI ``start_response`` list.

A target built with a fixed scheme and host or a fixed path first (``f"/search?q={term}"``,
``"https://shop.example.com/" + slug``) is not reported: the untrusted part cannot move the
browser to another site. Nothing is reported after a real host check: an allow-list
(``if target not in ALLOWED: abort(400)``, ``target if target in PAGES else "/"``), a
``urlparse(target).hostname`` or ``.netloc`` comparison, Django's
``url_has_allowed_host_and_scheme``, a module predicate named as a validator
(``_is_local_path(target)``), or a ``fullmatch`` against a local-path pattern. Such a check
also counts when the redirect reads the same request value again
(``if url_has_allowed_host_and_scheme(request.GET.get("next"), ...): return
redirect(request.GET.get("next"))``), when its result was kept in a flag (``ok = check(url)``
then ``if ok:``), when the value reaches the check in a dict it unpacks
(``kwargs = {"url": url, ...}`` then ``url_has_allowed_host_and_scheme(**kwargs)``), when it picks the value in a conditional expression that is assigned back
(``url = url if check(url) else "/"``), and when every assignment that reaches the redirect
was checked where it was made. ``"/" + path.lstrip("/\\")`` keeps one leading slash, so
the path that follows it is local too. Targets made by
``url_for()`` / ``reverse()`` or taken from a constant mapping are safe. A
``startswith("/")`` check is *not* a host check (``//evil.example`` and ``/\\evil.example``
pass it) and does not clear the finding.

Confidence is high for untrusted input; low (hidden by default) for a parameter of a function
nobody in the module calls, and for query parameters appended with ``&`` to a URL the program
made (``next_url = get_next_url(request)`` then ``next_url += f"&{key}={value}"``): such a
URL most likely ends in a path, but a bare ``https://host`` would let ``@evil.example`` in
a value move the host.

## Why is this bad?
A link on your own domain that forwards to any site makes phishing believable
(``https://yourbank.example/logout?next=https://evil.example``), and an OAuth or login
``next`` redirect can hand the attacker a fresh authorization code or session.

## Example
```python
from flask import Flask, redirect, request

app = Flask(__name__)

@app.route("/logout")
def logout():
    return redirect(request.args.get("next", "/"))
```

## Use instead
```python
from flask import Flask, redirect, request, url_for

app = Flask(__name__)
NEXT_ENDPOINTS = {"index", "pricing", "docs"}

@app.route("/logout")
def logout():
    endpoint = request.args.get("next", "index")
    if endpoint not in NEXT_ENDPOINTS:
        endpoint = "index"
    return redirect(url_for(endpoint))
```

## Known problems
``redirect(request.url)`` and ``redirect(request.path)`` (back to the page requested, as in the
post/redirect/get pattern) are not reported. Host checks done in another module are
recognised only when the function's name says it validates (``is_safe_url``,
``validate_redirect``). A redirect through a helper of your own (``go_to(url)``) is seen only
when the helper is in the same module.

## Options
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and URL validators. (``aisec-extra-sinks`` of kind ``url`` declare server-side
fetches for AIS408, not redirects.)

## References
- [CWE-601: URL Redirection to Untrusted Site ('Open Redirect')](https://cwe.mitre.org/data/definitions/601.html)
- [OWASP Unvalidated Redirects and Forwards Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Unvalidated_Redirects_and_Forwards_Cheat_Sheet.html)
- [Flask: redirect](https://flask.palletsprojects.com/en/stable/api/#flask.redirect)
- [Django: url_has_allowed_host_and_scheme](https://docs.djangoproject.com/en/stable/releases/3.0/#features-deprecated-in-3-0)
- [Starlette: RedirectResponse](https://www.starlette.io/responses/#redirectresponse)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.judgement import (
    describe,
)
from ..analysis.responses import (
    HEADER_CALLEES, HEADER_SETTERS, RESPONSE_ENDINGS, header_nodes, header_writes, may_write_headers, open_redirect,
)
from ..checks import FileContext, Hit, callee_key, hit, on

# Redirect functions and response classes, by qualified name -> keyword of the target.
# Flask https://flask.palletsprojects.com/en/stable/api/#flask.redirect, Werkzeug
# werkzeug.utils.redirect, Django https://docs.djangoproject.com/en/stable/topics/http/shortcuts/#redirect
# and https://docs.djangoproject.com/en/stable/ref/request-response/#httpresponse-subclasses,
# Starlette https://www.starlette.io/responses/#redirectresponse.
REDIRECT_CALLS = {
    "flask.redirect": "location",
    "flask.helpers.redirect": "location",
    "quart.redirect": "location",
    "werkzeug.utils.redirect": "location",
    "werkzeug.redirect": "location",
    "django.shortcuts.redirect": "to",
    "django.http.HttpResponseRedirect": "redirect_to",
    "django.http.HttpResponsePermanentRedirect": "redirect_to",
    "django.http.response.HttpResponseRedirect": "redirect_to",
    "django.http.response.HttpResponsePermanentRedirect": "redirect_to",
    "starlette.responses.RedirectResponse": "url",
    "fastapi.responses.RedirectResponse": "url",
    "sanic.response.redirect": "to",
    "bottle.redirect": "url",
    "pyramid.httpexceptions.HTTPFound": "location",
}
# Their last names: a method call (``x.attr(...)``) can only be one of them when its name is.
_REDIRECT_TAILS = frozenset(name.rsplit(".", 1)[-1] for name in REDIRECT_CALLS)

# ---- response headers (shared with AIS410) -----------------------------------------------



















# ---- the rule ------------------------------------------------------------------------------













def _targets(node: ast.AST, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    if isinstance(node, ast.Call):
        name = ctx.call_name(node)
        keyword = REDIRECT_CALLS.get(name or "")
        if keyword is not None:
            arg = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == keyword), None)
            if arg is not None:
                yield arg, f"{name.rsplit('.', 1)[-1]}()"  # type: ignore[union-attr]
    for header, value in header_writes(node, ctx):
        if header is not None and header.lower() == "location":
            yield value, "the Location header"


@on(ast.Call, callees=_REDIRECT_TAILS | HEADER_CALLEES)
def check_redirect(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """A redirect call, or a header setter call that writes the Location header, whose
    target is an open redirect."""
    func = node.func
    if type(func) is ast.Attribute:
        attr = func.attr
        if attr not in _REDIRECT_TAILS:
            # `may_write_headers` of a method call, inlined: most calls seen here are
            # ``items.append(x)`` and ``names.add(x)``, with one argument.
            if attr in HEADER_SETTERS:
                if len(node.args) < 2:
                    return
                receiver = func.value
                if attr != "setdefault" and not (type(receiver) is ast.Attribute and receiver.attr == "headers"):  # type: ignore[attr-defined]
                    return
            elif not attr.endswith(RESPONSE_ENDINGS):
                return
    elif ctx.call_name(node) not in REDIRECT_CALLS and not may_write_headers(node, ctx):  # type: ignore[arg-type]
        return
    yield from _hits(node, ctx)


@on(ast.Module)
def check_location_writes(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """A Location header written by a response constructor (``*Response(headers=...)``), an
    assignment (``response["Location"] = url``) or an API Gateway response dict: the nodes
    no callee name lists, read once per file (`responses.header_nodes`)."""
    assign_type, call_type, subscript_type = ast.Assign, ast.Call, ast.Subscript
    const_str = ctx.const_str
    for node in header_nodes(ctx):
        kind = type(node)
        if kind is assign_type:
            # An assignment writes a header named by its subscript's key (`header_writes`):
            # only one keyed "Location" can be a redirect. Most are ``d[key] = value``.
            for target in node.targets:  # type: ignore[attr-defined]
                if type(target) is subscript_type:
                    name = const_str(target.slice)  # type: ignore[attr-defined]
                    if name is not None and name.lower() == "location":
                        break
            else:
                continue
        elif kind is call_type and callee_key(node, ctx) in _REDIRECT_TAILS:  # type: ignore[arg-type]
            continue  # check_redirect sees it
        yield from _hits(node, ctx)


def _hits(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    for value, sink in _targets(node, ctx):
        found = open_redirect(ctx, value)
        if found is not None:
            confidence, origins = found
            yield hit(value, describe(origins, "input"), sink, confidence=confidence)
