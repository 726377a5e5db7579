"""AIS301 missing-authentication: a state-changing handler without authentication among handlers that have it.

## What it does
Flags a Flask (also Quart, Sanic, Bottle), Django, Django REST framework or FastAPI handler
for POST, PUT, PATCH or DELETE that changes state and that nothing authenticates, in a
module (or, for blueprints and routers, on a registry) where other handlers declare
authentication. Those other handlers are the evidence that this code base expects it; a
module whose handlers are all public is left alone.

Authentication is an auth decorator below the route decorator (``login_required``,
``jwt_required()``, ``auth.login_required``, ``permission_required``, your
``aisec-auth-decorators``), a Django mixin or ``method_decorator``, a ``dispatch()`` of
the view or of a mixin defined in the module that refuses the request (answers 401 or 403,
raises ``PermissionDenied``, redirects to the sign-in), DRF
``permission_classes``, a FastAPI ``Depends`` / ``Security`` dependency on the parameter,
route, router or app (a name that says current user, auth, token or API key, a
``fastapi.security`` scheme, a dependency of the module that raises 401 / 403, your
``aisec-auth-dependencies``; also spread from a constant, ``dependencies=(Depends(x),
*_AUTHENTICATED)``, and a dependency the file does not show that yields a parameter named
for the caller of the type the module's own auth dependency yields: ``caller:
Annotated[UserAPIKeyAuth, Depends(archive_writer)]``; on the handler itself also an imported
alias named for the current user, by the convention of FastAPI's full-stack template:
``user: CurrentActiveUser``, ``CurrentUser``), a Flask ``before_request`` hook
that checks the user, or a check in the body (``if not current_user.is_authenticated:
abort(401)``, an API key or webhook signature compared with ``hmac.compare_digest``,
``verify_jwt_in_request()``, a lookup by a secret the client sent that stops the request on
a miss: ``try: Order.objects.get(secret=kwargs["secret"]) except Order.DoesNotExist: raise
Http404``, such a check in a function of the module the handler calls with a client value:
``_decode_connect_code(key, body.code)``, also through a thread-pool runner that calls it
with the arguments given: ``await run_in_threadpool(_receive_event, body=body,
headers=request.headers)``, ``asyncio.to_thread``, ``anyio.to_thread.run_sync``,
``executor.submit``, ``loop.run_in_executor``). Only declared mechanisms count as the evidence on
the other handlers: checks written in bodies are often conditional. A check of a client
value that is no credential (``if request.headers.get("X-Role") != "admin"``)
authenticates nobody.

Not reported: endpoints that are public by design (sign-in, sign-up, sign-out and OIDC
back-channel logout, password-reset request and confirmation, token issuing, OAuth
callbacks, RFC 8628 device authorization, the start of an SSO flow (``/sso/cli/start``),
email confirmation, the second factor of a sign-in (``/mfa/verify``) and health checks, read
from the handler's name or route path), handlers
marked ``@public`` / ``@login_not_required`` or with DRF ``AllowAny`` (AIS303 judges that),
DRF views without ``permission_classes`` (they run the project's
``DEFAULT_PERMISSION_CLASSES``), and handlers that only read and answer (a ``POST`` search,
a preference cookie set on the response, a static ``410 Gone`` built by a function of the
module: every call reads, also in the module's functions it calls, and nothing outside the
handler is assigned). A webhook is not exempt by its name: it authenticates by checking the
sender's signature in its body, and one that does not is reported. The method is read from
the route (``methods=[...]``, ``@app.post``, ``@require_POST``, viewset actions, the
methods generic views inherit); a Django function view without a method decorator that
tests ``request.method == "POST"`` or reads ``request.POST`` is reported with medium
confidence (only in a views module, ``views.py`` or ``api.py``, or when it has a
decorator: elsewhere a function taking the request is a helper).

## Why is this bad?
Anyone who can reach the server can call the endpoint: delete records, change settings,
trigger refunds. Automated scanners find such routes within hours. Assistants often add
``@login_required`` to the views they were asked about and forget the one added later.

## Example
```python
from flask import Flask
from flask_login import login_required

app = Flask(__name__)

@app.get("/notes")
@login_required
def list_notes():
    return "..."

@app.post("/notes/<int:note_id>/delete")
def delete_note(note_id):
    remove(note_id)
    return "", 204
```

## Use instead
```python
from flask import Flask
from flask_login import login_required

app = Flask(__name__)

@app.get("/notes")
@login_required
def list_notes():
    return "..."

@app.post("/notes/<int:note_id>/delete")
@login_required
def delete_note(note_id):
    remove(note_id)
    return "", 204
```

## Known problems
The linter reads one file: authentication applied elsewhere (Django's
``LoginRequiredMiddleware``, ``login_required(View.as_view())`` in ``urls.py``, a
blueprint's ``before_request`` hook in another module, a router's dependencies added where
it is included) is invisible; name the project's own mechanisms in the options or mark
such handlers public. Public endpoints are recognised by common names only. Base view
classes (``Base*``, ``_*``, ``*Mixin``) are not judged; the views that inherit them are. A
view class that other classes of the module subclass, each adding authentication, is
reported with low confidence: it is most likely a shared base whose subclasses are routed,
but it may be routed too. So is a handler whose every write goes to the signed-in caller's
own record or through it (``request.user.notifications_send = ...; request.user.save()``,
``request.user.teams.filter(...).delete()``, an ``UpdateView`` whose ``get_object()``
returns ``self.request.user``): an anonymous caller has no record to change, so its login
is most likely enforced outside the file (a middleware). Writes through a call the linter
cannot see into (``remove_project(pk)``) are not counted against this. A handler that hands
a credential the client sent to a call is low as well: a token or secret field
(``mfa.confirm_enrollment(form_data.challenge_token, ...)``, an RFC 7009
``revoke_refresh_token(token=token, ...)``), the ``Authorization`` header
(``adapter.process_activity(activity, auth_header, ...)``) or the whole request to another
request handler (``slack_handler.handle(req)``): the callee most likely checks it, but the
linter cannot see that it does. A call that keeps the value (``save_token(token)``) does not
count. Handlers in test files (``aisec-test-paths``) are low: a test module's app serves its
tests. So are FastAPI handlers whose router, app or route takes ``dependencies=`` from a value
the file does not show as a list (``APIRouter(dependencies=get_dependencies())``): those
dependencies guard every handler of the router and most likely authenticate.

## Options
``aisec-auth-decorators``, ``aisec-auth-dependencies`` and ``aisec-permission-checks`` name
your project's own decorators, FastAPI dependencies and checking functions.

## References
- [CWE-306: Missing Authentication for Critical Function](https://cwe.mitre.org/data/definitions/306.html)
- [CWE-862: Missing Authorization](https://cwe.mitre.org/data/definitions/862.html)
- [OWASP Authorization Cheat Sheet: deny by default](https://cheatsheetseries.owasp.org/cheatsheets/Authorization_Cheat_Sheet.html)
- [Flask-Login: protecting views](https://flask-login.readthedocs.io/en/latest/#protecting-views)
- [Django: limiting access to logged-in users](https://docs.djangoproject.com/en/stable/topics/auth/default/#limiting-access-to-logged-in-users)
- [FastAPI: security, get current user](https://fastapi.tiangolo.com/tutorial/security/get-current-user/)
"""

from __future__ import annotations

import ast
from collections import Counter
from typing import Iterator

from ..analysis.auth import (
    Handler,
    changes_state,
    declared_evidence,
    forwards_credential,
    handlers,
    handlers_by_node,
    imported_principal_alias,
    name_node,
    protection,
    subclasses_authenticate,
    unseen_dependencies,
    writes_only_caller,
)
from ..checks import Confidence, FileContext, Hit, hit, on

_ORDER = ("POST", "PUT", "PATCH", "DELETE")


@on(ast.Module)
def check_handlers(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Each state-changing route handler of the file (`auth.handlers_by_node`: the ``def`` or
    view class each handler stands for), read once per file instead of asking about every
    function and class."""
    for h in handlers_by_node(ctx):
        if h.mutating:
            yield from _check_handler(h.node, h, ctx)


def _check_handler(node: ast.AST, h: Handler, ctx: FileContext) -> Iterator[Hit]:
    p = protection(ctx, h)
    if p.auth or p.public or p.default or p.misplaced is not None:
        return
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
        if not changes_state(ctx, node):
            return
        if any(imported_principal_alias(ctx, a.annotation) for a in (*node.args.posonlyargs, *node.args.args, *node.args.kwonlyargs)):
            return  # user: CurrentActiveUser, an imported alias of the current user's dependency
    others = [o for o in handlers(ctx) if o is not h]
    peers = [o for o in others if o.group == h.group]
    where = f"on '{h.group}'" if h.group and peers else "in this module"
    if not peers:
        peers = others
    labels: Counter = Counter()
    for o in peers:
        # Only a declared mechanism (a decorator, mixin, dependency, permission class or
        # hook) is evidence: checks written out in bodies are often conditional (an
        # anonymous checkout allowed by a setting). Read without the peers' bodies.
        label = declared_evidence(ctx, o)
        if label is not None:
            labels[label] += 1
    if not labels:
        return
    anchor = labels.most_common(1)[0][0]
    methods = "/".join(m for m in _ORDER if m in h.mutating)
    confidence = Confidence.MEDIUM if h.inferred else Confidence.HIGH
    if ctx.settings.is_test_path(ctx.filename):
        # The app of a test module: its endpoints exist to be called by the tests.
        confidence = Confidence.LOW
    elif subclasses_authenticate(ctx, h):
        # A base whose every subclass in the module adds the check: the subclasses are
        # the routed views. Low, not dropped: the base may be routed as well.
        confidence = Confidence.LOW
    elif writes_only_caller(ctx, h):
        # Only the caller's own record changes: an anonymous caller has none, so the view
        # needs a login, most likely enforced outside this file.
        confidence = Confidence.LOW
    elif unseen_dependencies(ctx, h):
        # The router's (or route's) dependencies come from a call or an import the file does
        # not show (``dependencies=get_dependencies()``): they guard every handler alike, so
        # the peers' extra mechanism is no evidence that this one lacks authentication.
        confidence = Confidence.LOW
    elif forwards_credential(ctx, node):
        # The request carries its own credential (a challenge token, the Authorization
        # header, a signed Slack request) and the handler hands it to code the file does
        # not show, which most likely checks it.
        confidence = Confidence.LOW
    yield hit(name_node(ctx, node), methods, h.name, where, anchor, confidence=confidence)
