"""AIS211 insecure-oauth-flow: an OAuth client flow without its CSRF, transport or redirect checks.

## What it does
Flags OAuth 2.0 client code (requests-oauthlib, Authlib, hand-written) that drops one of the
protections of the authorization-code flow:

- **state not checked**: a callback that exchanges the code with an ``OAuth2Session``
  (requests-oauthlib, Authlib's requests and httpx clients) or a google-auth-oauthlib
  ``Flow.from_client_secrets_file`` / ``from_client_config`` built without ``state=`` (or with
  the state read from the request itself) and with no comparison of its own; a hand-written
  callback (a Flask, Django or FastAPI handler) that posts ``code`` to a token endpoint
  (``grant_type=authorization_code`` or a URL named like a token endpoint) without comparing
  the request's ``state`` with the one saved in the session. Authlib's
  ``authorize_access_token()`` checks the state itself and is fine;
- **insecure transport**: ``os.environ["OAUTHLIB_INSECURE_TRANSPORT"]`` set (also
  ``setdefault``, ``update``, ``os.putenv``) to a non-empty value, outside development or test
  settings modules, test files, ``if __name__ == "__main__":`` and ``if app.debug:`` /
  ``if DEBUG:``-style branches. oauthlib accepts any non-empty value, ``"0"`` included;
- **redirect_uri from the request**: ``redirect_uri=`` given request input in
  ``OAuth2Session(...)``, ``authorization_url``, ``create_authorization_url``,
  ``fetch_token``, ``authorize_redirect`` or ``authorize_access_token``.

## Why is this bad?
Without the state check, an attacker sends the victim a callback link carrying the
attacker's own authorization code: the victim's session signs in as, or links, the attacker's
account (login CSRF, RFC 6749 section 10.12). Over plain HTTP, codes and tokens are read on the
wire. A redirect URI chosen by the request sends the code (and with it the account) to the
attacker's site wherever the provider's registration is loose.

## Example
```python
import os

from flask import Flask, request
from requests_oauthlib import OAuth2Session

app = Flask(__name__)

@app.route("/callback")
def callback():
    github = OAuth2Session(os.environ["CLIENT_ID"])
    github.fetch_token(
        "https://github.com/login/oauth/access_token",
        client_secret=os.environ["CLIENT_SECRET"],
        authorization_response=request.url,
    )
    return "signed in"
```

## Use instead
```python
import os

from flask import Flask, request, session
from requests_oauthlib import OAuth2Session

app = Flask(__name__)

@app.route("/callback")
def callback():
    github = OAuth2Session(os.environ["CLIENT_ID"], state=session["oauth_state"])
    github.fetch_token(
        "https://github.com/login/oauth/access_token",
        client_secret=os.environ["CLIENT_SECRET"],
        authorization_response=request.url,
    )
    return "signed in"
```

## Known problems
A state comparison is recognised by names (a comparison involving something called
``state``, ``compare_digest`` on it, or a call to a ``verify_state``-like helper), not proven.
A hand-written exchange in a helper function (not a route handler) is not reported, since its
caller may check the state; nor is one posting a body built elsewhere. PKCE
(``code_verifier``) also defeats code injection, but only the state check is looked for.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-352: Cross-Site Request Forgery (CSRF)](https://cwe.mitre.org/data/definitions/352.html)
- [CWE-319: Cleartext Transmission of Sensitive Information](https://cwe.mitre.org/data/definitions/319.html)
- [CWE-601: URL Redirection to Untrusted Site](https://cwe.mitre.org/data/definitions/601.html)
- [RFC 6749, section 10.12: Cross-Site Request Forgery](https://www.rfc-editor.org/rfc/rfc6749#section-10.12)
- [RFC 9700: OAuth 2.0 Security Best Current Practice, sections 2.1 and 4.7](https://www.rfc-editor.org/rfc/rfc9700)
- [requests-oauthlib: web application flow](https://requests-oauthlib.readthedocs.io/en/latest/examples/real_world_example.html)
- [oauthlib: OAUTHLIB_INSECURE_TRANSPORT](https://oauthlib.readthedocs.io/en/latest/oauth2/security.html)
- [OWASP Cross-Site Request Forgery Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Cross-Site_Request_Forgery_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import settings_profile
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

INSECURE_FLAG = "OAUTHLIB_INSECURE_TRANSPORT"
OAUTH_SESSIONS = frozenset(
    {
        "requests_oauthlib.OAuth2Session",
        "requests_oauthlib.oauth2_session.OAuth2Session",
        "authlib.integrations.requests_client.OAuth2Session",
        "authlib.integrations.httpx_client.OAuth2Client",
        "authlib.integrations.httpx_client.AsyncOAuth2Client",
        # google-auth-oauthlib: the Flow's factories pass state= on to its OAuth2Session.
        "google_auth_oauthlib.flow.Flow.from_client_secrets_file",
        "google_auth_oauthlib.flow.Flow.from_client_config",
        "google_auth_oauthlib.flow.Flow",
    }
)
CODE_EXCHANGERS = frozenset({"fetch_token", "fetch_access_token"})
# Calls that take the redirect URI the provider sends the code to.
REDIRECT_TAKERS = frozenset(
    {"authorization_url", "create_authorization_url", "fetch_token", "authorize_redirect", "authorize_access_token"}
)
HTTP_POSTS = frozenset({"requests.post", "httpx.post"})
HTTP_CLIENT_PREFIXES = ("requests.", "httpx.", "aiohttp.")
_DEV_WORDS = frozenset({"debug", "development", "dev", "testing", "test", "tests", "local"})
_STATE_VERBS = frozenset({"verify", "validate", "check", "compare"})


# ------------------------------------------------------------------ insecure transport
def _development_context(node: ast.AST, ctx: FileContext) -> bool:
    """A development or test module, a ``__main__`` block, or the body of a debug branch."""
    if settings_profile(ctx) == "development" or ctx.settings.is_test_path(ctx.filename) or ctx.in_main_guard(node):
        return True
    stem = ctx.filename.replace("\\", "/").rsplit("/", 1)[-1].rsplit(".", 1)[0]
    if _DEV_WORDS & set(split_words(stem)):
        return True
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, ast.If) and child in anc.body and _mentions_dev(anc.test):
            return True
        child = anc
    return False


def _mentions_dev(test: ast.AST) -> bool:
    for part in ast.walk(test):
        word = part.id if isinstance(part, ast.Name) else getattr(part, "attr", None)
        if word is None and isinstance(part, ast.Constant) and isinstance(part.value, str):
            word = part.value
        if isinstance(word, str) and _DEV_WORDS & set(split_words(word)):
            return True
    return False


def _enables(value: ast.AST | None) -> bool:
    """oauthlib tests the variable for truth: any non-empty string (``"0"`` too) enables it."""
    return isinstance(value, ast.Constant) and value.value not in ("", None, False, 0)


def _transport_hit(value: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    if _enables(value) and not _development_context(value, ctx):
        yield hit(
            value,
            f"{INSECURE_FLAG} set in code lets codes and tokens travel over plain HTTP",
            "set it only in a development environment, never in deployed code",
            confidence=Confidence.HIGH,
        )


def _is_environ(expr: ast.AST, ctx: FileContext) -> bool:
    return ctx.qualname(expr) == "os.environ"


@on(ast.Assign, names={INSECURE_FLAG})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        if isinstance(target, ast.Subscript) and _is_environ(target.value, ctx) and ctx.const_str(target.slice) == INSECURE_FLAG:
            yield from _transport_hit(node.value, ctx)


def _transport_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    name = ctx.call_name(node)
    if name == "os.putenv" or (isinstance(func, ast.Attribute) and func.attr == "setdefault" and _is_environ(func.value, ctx)):
        if len(node.args) >= 2 and ctx.const_str(node.args[0]) == INSECURE_FLAG:
            yield from _transport_hit(node.args[1], ctx)
    elif isinstance(func, ast.Attribute) and func.attr == "update" and _is_environ(func.value, ctx):
        for kw in node.keywords:
            if kw.arg == INSECURE_FLAG:
                yield from _transport_hit(kw.value, ctx)
        for arg in node.args:
            if isinstance(arg, ast.Dict):
                for key, value in zip(arg.keys, arg.values):
                    if key is not None and ctx.const_str(key) == INSECURE_FLAG:
                        yield from _transport_hit(value, ctx)


# ------------------------------------------------------------------ state
def _stateish(node: ast.AST) -> bool:
    word = node.id if isinstance(node, ast.Name) else getattr(node, "attr", None)
    if word is None and isinstance(node, ast.Constant) and isinstance(node.value, str):
        word = node.value
    return isinstance(word, str) and "state" in split_words(word)


def _checks_state(func: ast.AST) -> bool:
    """The function compares a state value, or calls a verify_state-like helper."""
    for node in ast.walk(func):
        if isinstance(node, ast.Compare) and any(_stateish(part) for part in ast.walk(node)):
            return True
        if isinstance(node, ast.Call):
            callee = node.func.id if isinstance(node.func, ast.Name) else getattr(node.func, "attr", "")
            words = set(split_words(callee))
            if callee == "compare_digest" and any(_stateish(p) for a in node.args for p in ast.walk(a)):
                return True
            if "state" in words and words & _STATE_VERBS:
                return True
    return False


def _from_request(expr: ast.AST, ctx: FileContext) -> bool:
    return ctx.taint.judge(expr, "url")[0] == "source"


def _session_state(ctor: ast.Call, fetch: ast.Call, ctx: FileContext) -> tuple[ast.AST, str] | None:
    """Where and why the state goes unchecked in an OAuth2Session code exchange, or None."""
    for call in (ctor, fetch):
        for kw in call.keywords:
            if kw.arg == "state" and not (isinstance(kw.value, ast.Constant) and kw.value.value is None):
                if _from_request(kw.value, ctx):
                    return kw.value, "OAuth state taken from the callback request itself, so it is compared with itself"
                return None
            if kw.arg is None:
                return None  # **kwargs: may carry the state
    return ctor, "OAuth callback exchanges the code with a session built without state=, so the state is never checked"


def _state_assigned(receiver: ast.AST, func: ast.AST) -> bool:
    if not isinstance(receiver, ast.Name):
        return False
    for node in ast.walk(func):
        if isinstance(node, ast.Attribute) and isinstance(node.ctx, ast.Store) and node.attr in ("state", "_state"):
            if isinstance(node.value, ast.Name) and node.value.id == receiver.id:
                return True
    return False


def _library_exchange(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr in CODE_EXCHANGERS):
        return
    if not any(kw.arg in ("authorization_response", "code") for kw in node.keywords):
        return  # client credentials, password or refresh grants: no browser, no state
    receiver = func.value
    if ctx.instance_of(receiver) not in OAUTH_SESSIONS:
        return
    ctor = receiver if isinstance(receiver, ast.Call) else ctx.reaching_value(receiver) if isinstance(receiver, ast.Name) else None
    if not isinstance(ctor, ast.Call):
        return
    scope = ctx.enclosing_function(node)
    if scope is None or _checks_state(scope) or _state_assigned(receiver, scope):
        return
    found = _session_state(ctor, node, ctx)
    if found is None:
        return
    where, why = found
    if where is ctor and ctx.enclosing_function(ctor) is not scope:
        where = node  # built elsewhere: point at the exchange
    yield hit(where, why, "pass the state saved at login (state=session['oauth_state'])", confidence=Confidence.HIGH)


def _dict_of(expr: ast.AST | None, ctx: FileContext) -> ast.Dict | None:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    return expr if isinstance(expr, ast.Dict) else None


def _is_http_post(node: ast.Call, ctx: FileContext) -> bool:
    if ctx.call_name(node) in HTTP_POSTS:
        return True
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "post":
        return (ctx.instance_of(func.value) or "").startswith(HTTP_CLIENT_PREFIXES)
    return False


def _token_url(expr: ast.AST | None, ctx: FileContext) -> bool:
    if expr is None:
        return False
    text = ctx.const_str(expr) or ""
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
    return "token" in split_words(text) or "token" in split_words(name)


def _handwritten_exchange(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if not _is_http_post(node, ctx):
        return
    body = next((_dict_of(k.value, ctx) for k in node.keywords if k.arg in ("data", "json", "params")), None)
    if body is None:
        return
    keys = {ctx.const_str(k): v for k, v in zip(body.keys, body.values) if k is not None}
    if "code" not in keys:
        return
    grant = ctx.const_str(keys.get("grant_type"))
    url = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "url"), None)
    if grant != "authorization_code" and not _token_url(url, ctx):
        return
    scope = ctx.enclosing_function(node)
    if scope is None or ctx.taint.route_kind(scope) is None or _checks_state(scope):
        return
    yield hit(
        node,
        "OAuth code exchanged without comparing the request's state with the one saved in the session",
        "save a random state at login and reject a callback whose state differs",
        confidence=Confidence.HIGH if grant == "authorization_code" else Confidence.MEDIUM,
    )


# ------------------------------------------------------------------ redirect_uri
def _redirect_uri(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    method = func.attr if isinstance(func, ast.Attribute) else ""
    if method not in REDIRECT_TAKERS and ctx.call_name(node) not in OAUTH_SESSIONS:
        return
    value = next((k.value for k in node.keywords if k.arg == "redirect_uri"), None)
    if value is None and method == "authorize_redirect" and len(node.args) >= 2:
        value = node.args[1]
    if value is not None and not ctx.is_constant(value) and _from_request(value, ctx):
        yield hit(
            value,
            "OAuth redirect_uri taken from request input sends the code where the request says",
            "use the fixed redirect URI registered with the provider",
            confidence=Confidence.MEDIUM,
        )


@on(
    ast.Call,
    callees=CODE_EXCHANGERS | REDIRECT_TAKERS | {"OAuth2Session", "OAuth2Client", "AsyncOAuth2Client", "post", "setdefault", "update", "putenv"},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    yield from _transport_call(node, ctx)
    yield from _library_exchange(node, ctx)
    yield from _handwritten_exchange(node, ctx)
    yield from _redirect_uri(node, ctx)
