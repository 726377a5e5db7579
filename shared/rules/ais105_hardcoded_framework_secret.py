"""AIS105 hardcoded-framework-secret: a literal key handed to a framework or SDK that signs or authenticates with it.

## What it does
Flags a string literal given where a framework signs with it or an SDK authenticates with it:

- signing keys: Flask ``app.secret_key = "..."``, ``app.config["SECRET_KEY"] = "..."``,
  ``app.config.update(SECRET_KEY=...)`` / ``from_mapping(...)`` (also ``JWT_SECRET_KEY``,
  ``WTF_CSRF_SECRET_KEY`` and other signing-key names); ``SECRET_KEY = "..."`` in a Django or
  Flask settings module or a ``*Config`` / ``*Settings`` class (including Django's
  ``django-insecure-...`` startproject keys), the retired keys of ``SECRET_KEY_FALLBACKS``,
  and ``settings.configure(SECRET_KEY=...)``;
  PyJWT and python-jose ``jwt.encode(payload, "...")`` / ``jwt.decode(token, "...")``
  (positional or ``key=``), ``jws.sign`` / ``jws.verify``, Authlib ``jwt.encode(header,
  payload, "...")``; itsdangerous serializers and signers; Django ``signing.dumps(...,
  key=...)`` and ``Signer(key=...)``; Starlette ``SessionMiddleware(secret_key=...)`` and
  aiohttp-session ``EncryptedCookieStorage(...)``;
- cloud and API credentials: any call with literal ``aws_access_key_id``,
  ``aws_secret_access_key`` or ``aws_session_token`` (boto3, botocore, aioboto3, s3fs ...);
  Azure ``AzureKeyCredential``, ``AzureSasCredential``, ``AzureNamedKeyCredential``,
  ``ClientSecretCredential``, ``UsernamePasswordCredential`` and ``credential=`` of Azure
  clients; secret-like keywords (``api_key``, ``token``, ``auth_token``, ``client_secret``
  ...) of SDK clients (OpenAI, Anthropic, Stripe, Twilio, SendGrid, Slack, PyGithub,
  Hugging Face, Cohere, Mistral, Groq, Pinecone, Google GenAI, LangChain, Tweepy ...), their
  positional key arguments (``twilio.rest.Client(sid, "token")``,
  ``SendGridAPIClient("...")``, ``Github("...")``, ``telegram.Bot("...")``), module
  attributes (``stripe.api_key = "..."``, ``openai.api_key = "..."``); HTTP basic auth
  passwords (``requests.get(url, auth=("user", "..."))``, ``HTTPBasicAuth``) and
  ``smtplib`` / ``imaplib`` / ``ftplib`` ``login(user, "...")``.

A literal bound to a name earlier in the same file (``KEY = "..."``, then
``jwt.encode(payload, KEY)``) is reported at that literal, where the fix belongs. The rule
wins over AIS101 on the same literal.

## Why is this bad?
A signing key in the source lets anyone who reads it forge session cookies, password-reset
links and JWTs for every deployment of the code; an SDK key lets them spend the account's
money and read its data. Code assistants paste ``app.secret_key = "your-secret-key"`` and
``OpenAI(api_key="sk-...")`` from quick-start pages.

## Example
```python
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = "your-secret-key"


def issue(user_id):
    exp = datetime.now(tz=timezone.utc) + timedelta(minutes=15)
    return jwt.encode({"sub": user_id, "exp": exp}, "super-secret", algorithm="HS256")
```

## Use instead
```python
import os
from datetime import datetime, timedelta, timezone

import jwt
from flask import Flask

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]


def issue(user_id):
    exp = datetime.now(tz=timezone.utc) + timedelta(minutes=15)
    return jwt.encode({"sub": user_id, "exp": exp}, app.config["SECRET_KEY"], algorithm="HS256")
```

## Known problems
Signing keys are reported whatever they look like (``"dev"``, ``"secret"``,
``"your-secret-key"`` and ``"changeme"`` sign as well as any key, and are the ones an
attacker tries first); only empty values and template syntax (``"<secret>"``,
``"${SECRET_KEY}"``, ``"{{ key }}"``) are skipped. API credentials use AIS101's placeholder
test, plus metasyntactic stand-ins (``"foo"``, ``"fake"``) and AWS's documented
``...EXAMPLE`` keys: these are reported at low confidence only (hidden by default), which
also keeps AIS101 from reporting them by name. So is an API key or token made only of
letters and separators (``token="ui-token"``, ``api_key="byok_session_cookie"`` in an SDK's
own auth-result objects; issued keys carry digits or mixed-case random runs; passwords are
exempt), and so is a key given to a client whose
``base_url`` is a local server (``http://localhost:11434/v1``: Ollama, vLLM, LM Studio
ignore it). Public
keys (``-----BEGIN PUBLIC KEY-----``, or an OpenSSH line such as ``ssh-ed25519 AAAA...``)
passed to ``jwt.decode`` are not secrets and are not reported. ``hmac.new(b"literal", ...)`` is reported at low confidence only (hidden by
default): constant HMAC keys are also used as public domain separators (BIP-32's
``b"Bitcoin seed"``, HKDF salts). A signing key set in a debug-only branch (``if
app.debug:``), in a development or test settings module, or in the same
``config.update(...)`` call as ``TESTING=True`` is low confidence, and so is any value in
a development or test settings module, and a signing key in a published example or demo
application (an ``examples/``, ``demo*/``, ``sample*/``, ``tutorial*/`` or ``docs/``
folder) whose value names itself as a key (``"thisismyscretkey"``, ``"demo-secret-key"``):
both must hold, so a random-looking key in an example, or a self-named one in an
application, is reported. In test files (``aisec-test-paths``), where
``SessionMiddleware(secret_key="example")`` and ``HTTPDigestAuth("user", "pass")`` are the
norm, findings follow ``aisec-secrets-in-tests``: low confidence by default, hidden unless
``aisec-min-confidence = low``. Values that come through a chain of calls, or from another
module, are not followed.

## Options
``aisec-secret-names`` and ``aisec-ignore-names`` decide which keyword and config names are
secret-like; ``aisec-test-paths`` and ``aisec-secrets-in-tests`` (``report``, ``low``, ``skip``) decide
what happens in test files.

## References
- [CWE-321: Use of Hard-coded Cryptographic Key](https://cwe.mitre.org/data/definitions/321.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [Flask: Configuration, SECRET_KEY](https://flask.palletsprojects.com/en/stable/config/#SECRET_KEY)
- [Django: settings, SECRET_KEY](https://docs.djangoproject.com/en/stable/ref/settings/#secret-key)
- [PyJWT: API reference, jwt.encode](https://pyjwt.readthedocs.io/en/stable/api.html)
- [itsdangerous: Signing interface](https://itsdangerous.palletsprojects.com/en/stable/signer/)
- [Boto3: Credentials, passing credentials as parameters](https://boto3.amazonaws.com/v1/documentation/api/latest/guide/credentials.html#passing-credentials-as-parameters)
- [Azure SDK for Python: azure-core credentials](https://learn.microsoft.com/en-us/python/api/azure-core/azure.core.credentials)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.frameworks import DJANGO_MARKERS, secrets_in_tests, settings_profile
from ..analysis.literals import (
    LOCAL_HOST,
    demo_placeholder,
    in_dev_branch,
    is_label_value,
    is_credential_placeholder,
    is_template,
    literal_node,
    secret_kind,
    strength,
)
from ..analysis.signing import SIGNING_KINDS, call_arg, is_signing_name
from ..analysis.patterns import lazy_compile
from ..analysis.words import mask
from ..checks import Confidence, FileContext, Hit, callee_key, hit, on

FLASK_APPS = frozenset({"flask.Flask", "quart.Quart", "flask.current_app", "quart.current_app"})
_APP_NAMES = frozenset({"app", "application", "flask_app", "current_app"})

# Signing-key callees: qualified name -> (positional index, keyword) of the key.
# PyJWT api_jwt.encode(payload, key, algorithm) / decode(jwt, key, algorithms);
# python-jose jwt.encode(claims, key, ...), jws.sign(payload, key), jws.verify(token, key, ...);
# Authlib jose.jwt.encode(header, payload, key) / decode(s, key).
SIGNING_CALLS: dict[str, tuple[int | None, str | None, str]] = {
    "jwt.encode": (1, "key", "JWT signing key"),
    "jwt.decode": (1, "key", "JWT signing key"),
    "jwt.api_jwt.encode": (1, "key", "JWT signing key"),
    "jwt.api_jwt.decode": (1, "key", "JWT signing key"),
    "jwt.api_jws.encode": (1, "key", "JWT signing key"),
    "jose.jwt.encode": (1, "key", "JWT signing key"),
    "jose.jwt.decode": (1, "key", "JWT signing key"),
    "jose.jws.sign": (1, "key", "JWT signing key"),
    "jose.jws.verify": (1, "key", "JWT signing key"),
    "authlib.jose.jwt.encode": (2, "key", "JWT signing key"),
    "authlib.jose.jwt.decode": (1, "key", "JWT signing key"),
    # Django: django.core.signing (keyword-only key since Django 5.1; positional before).
    "django.core.signing.dumps": (None, "key", "signing key"),
    "django.core.signing.loads": (None, "key", "signing key"),
    "django.core.signing.Signer": (0, "key", "signing key"),
    "django.core.signing.TimestampSigner": (0, "key", "signing key"),
    # Starlette SessionMiddleware(app, secret_key, ...); aiohttp-session EncryptedCookieStorage(secret_key).
    "starlette.middleware.sessions.SessionMiddleware": (1, "secret_key", "session signing key"),
    "aiohttp_session.cookie_storage.EncryptedCookieStorage": (0, "secret_key", "session encryption key"),
    "aiohttp_session.EncryptedCookieStorage": (0, "secret_key", "session encryption key"),
}
# itsdangerous: Serializer(secret_key, salt=...), Signer(secret_key, ...) and subclasses.
ITSDANGEROUS = frozenset(
    {
        "Serializer", "URLSafeSerializer", "TimedSerializer", "URLSafeTimedSerializer", "Signer",
        "TimestampSigner", "JSONWebSignatureSerializer", "TimedJSONWebSignatureSerializer",
    }
)
# Low confidence: constant HMAC keys are also public domain separators (BIP-32 "Bitcoin seed").
HMAC_CALLS = {"hmac.new": (0, "key"), "hmac.digest": (0, "key"), "hmac.HMAC": (0, "key")}

# AWS: botocore/boto3 Session and client parameters (boto3 docs, "Passing credentials as parameters").
AWS_KEYWORDS = {
    "aws_access_key_id": "AWS access key id",
    "aws_secret_access_key": "AWS secret access key",
    "aws_session_token": "AWS session token",
}
# Top-level packages of SDKs whose secret-like keywords authenticate the client.
SDK_PACKAGES = frozenset(
    {
        "openai", "anthropic", "boto3", "botocore", "aioboto3", "aiobotocore", "azure", "google",
        "stripe", "twilio", "sendgrid", "slack_sdk", "slack", "github", "huggingface_hub",
        "cohere", "mistralai", "groq", "pinecone", "telegram", "telebot", "aiogram",
        "mailchimp_transactional", "mailchimp_marketing", "replicate", "together", "voyageai",
        "langchain", "langchain_openai", "langchain_anthropic", "langchain_community",
        "langchain_google_genai", "tweepy", "praw", "dropbox", "notion_client", "pusher",
        "braintree", "shopify", "paypalrestsdk", "gitlab", "hvac", "datadog", "mailgun",
        "discord", "postmarker", "plaid", "openrouter", "litellm", "elevenlabs", "deepgram",
        "assemblyai", "firecrawl", "tavily", "serpapi", "weaviate", "qdrant_client",
    }
)
# Positional credentials: qualified name -> (index, kind). Sources: each SDK's README.
SDK_POSITIONAL: dict[str, tuple[int, str]] = {
    "twilio.rest.Client": (1, "auth token"),  # Client(account_sid, auth_token)
    "sendgrid.SendGridAPIClient": (0, "API key"),
    "sendgrid.sendgrid.SendGridAPIClient": (0, "API key"),
    "github.Github": (0, "token"),  # PyGithub Github(login_or_token)
    "github.Auth.Token": (0, "token"),
    "slack_sdk.WebClient": (0, "token"),
    "slack_sdk.web.WebClient": (0, "token"),
    "slack_sdk.web.async_client.AsyncWebClient": (0, "token"),
    "slack.WebClient": (0, "token"),
    "telegram.Bot": (0, "bot token"),
    "telebot.TeleBot": (0, "bot token"),
    "aiogram.Bot": (0, "bot token"),
    "cohere.Client": (0, "API key"),
    "cohere.ClientV2": (0, "API key"),
    "stripe.StripeClient": (0, "API key"),
    "huggingface_hub.login": (0, "token"),
    "mailchimp_transactional.Client": (0, "API key"),
    "azure.core.credentials.AzureKeyCredential": (0, "Azure key"),
    "azure.core.credentials.AzureSasCredential": (0, "Azure SAS token"),
    "azure.core.credentials.AzureNamedKeyCredential": (1, "Azure key"),
    "azure.identity.ClientSecretCredential": (2, "Azure client secret"),
    "azure.identity.aio.ClientSecretCredential": (2, "Azure client secret"),
    "azure.identity.UsernamePasswordCredential": (2, "Azure password"),
    "requests.auth.HTTPBasicAuth": (1, "password"),
    "requests.auth.HTTPDigestAuth": (1, "password"),
    "requests.HTTPBasicAuth": (1, "password"),
    "httpx.BasicAuth": (1, "password"),
    "httpx.DigestAuth": (1, "password"),
    "aiohttp.BasicAuth": (1, "password"),
    "ftplib.FTP": (2, "password"),  # FTP(host, user, passwd)
    "ftplib.FTP_TLS": (2, "password"),
}
# Keyword-only credentials outside SDK_PACKAGES' secret-like keywords.
SDK_KEYWORDS: dict[str, dict[str, str]] = {
    "azure.core.credentials.AzureKeyCredential": {"key": "Azure key"},
    "azure.core.credentials.AzureSasCredential": {"signature": "Azure SAS token"},
    "azure.core.credentials.AzureNamedKeyCredential": {"key": "Azure key"},
    "requests.auth.HTTPBasicAuth": {"password": "password"},
    "httpx.BasicAuth": {"password": "password"},
    "aiohttp.BasicAuth": {"password": "password"},
}
# Methods whose receiver is an SDK object: (receiver qualname prefix, method) -> (index, kind).
SDK_METHODS: dict[tuple[str, str], tuple[int, str]] = {
    ("smtplib.SMTP", "login"): (1, "password"),
    ("smtplib.SMTP_SSL", "login"): (1, "password"),
    ("imaplib.IMAP4", "login"): (1, "password"),
    ("imaplib.IMAP4_SSL", "login"): (1, "password"),
    ("poplib.POP3", "pass_"): (0, "password"),
    ("poplib.POP3_SSL", "pass_"): (0, "password"),
    ("ftplib.FTP", "login"): (1, "password"),
    ("ftplib.FTP_TLS", "login"): (1, "password"),
    ("telegram.ext.ApplicationBuilder", "token"): (0, "bot token"),
    ("telegram.ext.Application.builder", "token"): (0, "bot token"),
    ("discord.Client", "run"): (0, "bot token"),
    ("discord.ext.commands.Bot", "run"): (0, "bot token"),
}
_SDK_METHOD_NAMES = frozenset(method for _owner, method in SDK_METHODS)
# HTTP clients whose auth= takes a (user, password) tuple (requests, httpx, aiohttp docs).
_HTTP_CLIENTS = ("requests", "httpx", "aiohttp")
_HTTP_METHODS = frozenset({"get", "post", "put", "patch", "delete", "head", "options", "request", "stream"})
_PUBLIC_KEY_MARKS = ("PUBLIC KEY", "CERTIFICATE")
# OpenSSH public keys ("<type> <base64>"), which PyJWT accepts for verification: key types of
# the OpenSSH PROTOCOL.certkeys and sshkey(5) documentation (RFC 4253, RFC 5656, RFC 8709).
_SSH_PUBLIC_KEY = lazy_compile(
    r"\s{0,8}(?:ssh-(?:rsa|dss|ed25519|ed448)|ecdsa-sha2-nistp(?:256|384|521)|"
    r"sk-(?:ssh-ed25519|ecdsa-sha2-nistp256)@openssh\.com)(?:-cert-v01@openssh\.com)? AAAA"
)


def _public_key(value: str) -> bool:
    """True for a PEM public key or certificate, or an OpenSSH public key line: what
    ``jwt.decode`` verifies with, not a secret."""
    return any(m in value for m in _PUBLIC_KEY_MARKS) or _SSH_PUBLIC_KEY.match(value) is not None
_ENDPOINT_KEYWORDS = frozenset({"base_url", "api_base", "openai_api_base", "endpoint", "host"})


def _text(lit: ast.Constant) -> str:
    return lit.value.decode("latin-1") if isinstance(lit.value, bytes) else str(lit.value)


def _signing_hit(expr: ast.AST | None, kind: str, target: str, ctx: FileContext, at: ast.AST, low: bool = False) -> Iterator[Hit]:
    lit = literal_node(ctx, expr)
    if lit is None:
        return
    value = _text(lit)
    if is_template(value) or _public_key(value):
        return
    conf = secrets_in_tests(ctx, Confidence.HIGH)
    if conf is not None and (
        low or in_dev_branch(at, ctx) or settings_profile(ctx) == "development" or demo_placeholder(ctx, value)
    ):
        conf = Confidence.LOW
    if conf is not None:
        yield hit(lit, kind, mask(value), target, confidence=conf)


def _credential_hit(expr: ast.AST | None, kind: str, target: str, ctx: FileContext, low: bool = False) -> Iterator[Hit]:
    lit = literal_node(ctx, expr)
    if lit is None:
        return
    value = _text(lit)
    if not value.strip() or _public_key(value):
        return
    # A placeholder is reported at low confidence (hidden by default) rather than skipped, so
    # that it also wins over AIS101's name-only finding on the same literal.
    placeholder = is_credential_placeholder(value) or ("password" not in kind and is_label_value(value))
    conf = secrets_in_tests(ctx, Confidence.LOW if low or placeholder or settings_profile(ctx) == "development" else strength(value))
    if conf is not None:
        yield hit(lit, kind, mask(value), target, confidence=conf)


def _is_app(expr: ast.AST, ctx: FileContext) -> bool:
    """A Flask-like application object: constructed here, imported, or named like one."""
    owner = ctx.instance_of(expr) or ctx.qualname(expr)
    if owner in FLASK_APPS:
        return True
    if isinstance(expr, ast.Attribute) and expr.attr in ("app", "application"):
        return True  # self.app
    return isinstance(expr, ast.Name) and expr.id in _APP_NAMES


def _is_config(expr: ast.AST, ctx: FileContext) -> bool:
    """``<app>.config``: the config mapping of a Flask-like application."""
    return isinstance(expr, ast.Attribute) and expr.attr == "config" and _is_app(expr.value, ctx)


def _signing_kind(name: str | None, ctx: FileContext) -> str | None:
    kind = secret_kind(name, ctx)
    if kind is None or name is None or not is_signing_name(name, kind):
        return None
    return "secret key" if kind not in SIGNING_KINDS else kind


def _label(node: ast.Call, ctx: FileContext) -> str:
    qn = ctx.call_name(node)
    if qn:
        return f"{qn}()"
    func = node.func
    if isinstance(func, ast.Attribute):
        base = func.value
        head = base.id if isinstance(base, ast.Name) else ("..." if not isinstance(base, ast.Attribute) else base.attr)
        return f"{head}.{func.attr}()"
    return f"{getattr(func, 'id', 'call')}()"


# --------------------------------------------------------------------------- assignments


def _settings_scope(node: ast.stmt, ctx: FileContext) -> str | None:
    """Where a ``SECRET_KEY = ...`` statement configures a framework, if it does."""
    scope = ctx.scope_of(node)
    if scope is ctx.tree:
        if settings_profile(ctx) is None:
            return None
        names = set(ctx.bindings.get(ctx.tree, {}))
        return "Django settings" if (names & DJANGO_MARKERS or ctx.imports_any(("django",))) else "settings module"
    if isinstance(scope, ast.ClassDef) and ctx.enclosing_function(node) is None:
        if any((ctx.qualname(b) or getattr(b, "id", "")).endswith("BaseSettings") for b in scope.bases):
            return None  # pydantic: a default, AIS104's business
        if scope.name.endswith(("Config", "Settings", "Configuration")) or settings_profile(ctx) is not None:
            return f"config class {scope.name}"
    return None


def _assign_hits(target: ast.AST, value: ast.AST, node: ast.stmt, ctx: FileContext) -> Iterator[Hit]:
    if isinstance(target, ast.Attribute):
        if target.attr == "secret_key" and _is_app(target.value, ctx):
            yield from _signing_hit(value, "secret key", "Flask app.secret_key", ctx, node)
            return
        kind = secret_kind(target.attr, ctx)
        if kind is not None:
            qn = ctx.qualname(target)
            if qn and qn.split(".")[0] in SDK_PACKAGES:
                yield from _credential_hit(value, kind, qn, ctx)
        return
    if isinstance(target, ast.Subscript) and _is_config(target.value, ctx):
        key = ctx.const_str(target.slice)
        kind = _signing_kind(key, ctx)
        if kind is not None:
            yield from _signing_hit(value, kind, f"app.config['{key}']", ctx, node)
        return
    if isinstance(target, ast.Name) and target.id == "SECRET_KEY_FALLBACKS" and isinstance(value, (ast.List, ast.Tuple)):
        # Django 4.1+: retired keys that still verify signatures (docs: settings, SECRET_KEY_FALLBACKS).
        where = _settings_scope(node, ctx)
        if where is not None:
            for elt in value.elts:
                yield from _signing_hit(elt, "secret key", f"SECRET_KEY_FALLBACKS in {where}", ctx, node)
        return
    if isinstance(target, ast.Name) and target.id.isupper():
        kind = _signing_kind(target.id, ctx)
        if kind is None:
            return
        where = _settings_scope(node, ctx)
        if where is not None:
            yield from _signing_hit(value, kind, f"{target.id} in {where}", ctx, node)


def _may_configure(target: ast.AST, ctx: FileContext) -> bool:
    """A cheap test before `_assign_hits`: False for the targets it has no branch for (a
    lowercase name, a non-secret attribute, a subscript of anything but ``.config``, a
    tuple); most assignments."""
    kind = type(target)
    if kind is ast.Name:
        return target.id.isupper()  # type: ignore[attr-defined]
    if kind is ast.Attribute:
        attr = target.attr  # type: ignore[attr-defined]
        return attr == "secret_key" or secret_kind(attr, ctx) is not None
    if kind is ast.Subscript:
        owner = target.value  # type: ignore[attr-defined]
        return type(owner) is ast.Attribute and owner.attr == "config"
    return False


_CONSTANT, _NAME, _LIST, _TUPLE = ast.Constant, ast.Name, ast.List, ast.Tuple


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """First test, on the value (most assignments end there): `_assign_hits` reports only a
    value `literals.literal_node` resolves, a str or bytes constant or a name, or the items
    of a list or tuple bound to ``SECRET_KEY_FALLBACKS``; never a call, an attribute, a
    number ..."""
    value = node.value
    kind = type(value)
    if kind is _CONSTANT:
        if type(value.value) is not str and type(value.value) is not bytes:
            return
    elif kind is _LIST or kind is _TUPLE:
        for target in node.targets:
            if type(target) is _NAME and target.id == "SECRET_KEY_FALLBACKS":
                break
        else:
            return
    elif kind is not _NAME:
        return
    for target in node.targets:
        if _may_configure(target, ctx):
            yield from _assign_hits(target, value, node, ctx)


@on(ast.AnnAssign)
def check_annassign(node: ast.AnnAssign, ctx: FileContext) -> Iterator[Hit]:
    if node.value is not None:
        yield from _assign_hits(node.target, node.value, node, ctx)


# --------------------------------------------------------------------------- calls


def _testing_call(node: ast.Call) -> bool:
    """``config.update(TESTING=True, ...)``: a test application's configuration."""
    for kw in node.keywords:
        if kw.arg == "TESTING" and isinstance(kw.value, ast.Constant) and kw.value.value is True:
            return True
    for arg in node.args:
        if isinstance(arg, ast.Dict):
            for key, value in zip(arg.keys, arg.values):
                testing = isinstance(key, ast.Constant) and key.value == "TESTING"
                if testing and isinstance(value, ast.Constant) and value.value is True:
                    return True
    return False


def _config_call_hits(node: ast.Call, func: ast.Attribute, target: str, ctx: FileContext) -> Iterator[Hit]:
    testing = _testing_call(node)
    for kw in node.keywords:
        kind = _signing_kind(kw.arg, ctx)
        if kind is not None:
            yield from _signing_hit(kw.value, kind, f"{target}({kw.arg}=...)", ctx, node, low=testing)
    for arg in node.args:
        if isinstance(arg, ast.Dict):
            for key, value in zip(arg.keys, arg.values):
                name = ctx.const_str(key) if key is not None else None
                kind = _signing_kind(name, ctx)
                if kind is not None:
                    yield from _signing_hit(value, kind, f"{target}({{'{name}': ...}})", ctx, node, low=testing)
    if func.attr == "setdefault" and len(node.args) == 2:
        name = ctx.const_str(node.args[0])
        kind = _signing_kind(name, ctx)
        if kind is not None:
            yield from _signing_hit(node.args[1], kind, f"{target}('{name}', ...)", ctx, node)


def _local_endpoint(node: ast.Call, ctx: FileContext) -> bool:
    """``base_url="http://localhost:11434/v1"``: a local server that ignores the key."""
    for kw in node.keywords:
        if kw.arg in _ENDPOINT_KEYWORDS:
            url = ctx.const_str(kw.value) or ""
            host = url.split("://", 1)[-1]
            if LOCAL_HOST.match(host):
                return True
    return False


def _sdk_keyword_hits(node: ast.Call, qn: str, ctx: FileContext) -> Iterator[Hit]:
    explicit = SDK_KEYWORDS.get(qn, {})
    local = _local_endpoint(node, ctx)
    for kw in node.keywords:
        if kw.arg is None or kw.arg in AWS_KEYWORDS:
            continue
        kind = explicit.get(kw.arg) or secret_kind(kw.arg, ctx)
        if kind is None:
            continue
        if kw.arg == "credential" and qn.startswith("azure."):
            kind = "Azure credential"
        yield from _credential_hit(kw.value, kind, f"{qn}()", ctx, low=local)


def _auth_tuple_hits(node: ast.Call, qn: str | None, ctx: FileContext) -> Iterator[Hit]:
    """``requests.get(url, auth=("user", "..."))`` and the same on a Session or httpx Client."""
    pair = next(
        (kw.value for kw in node.keywords if kw.arg == "auth" and isinstance(kw.value, ast.Tuple) and len(kw.value.elts) == 2),
        None,
    )
    if pair is None:
        return
    func = node.func
    http = bool(qn) and qn.split(".")[0] in _HTTP_CLIENTS  # type: ignore[union-attr]
    if not http and isinstance(func, ast.Attribute) and func.attr in _HTTP_METHODS:
        owner = ctx.instance_of(func.value) or ""
        http = owner.split(".")[0] in _HTTP_CLIENTS
    if http:
        yield from _credential_hit(pair.elts[1], "password", f"{_label(node, ctx)} auth=", ctx)


def _tails(names) -> set[str]:
    return {name.rsplit(".", 1)[-1] for name in names}


# Callee names (see `checks.on`) of every call `check_call` knows by name; calls of any other
# name matter only with an AWS keyword (declared as `keywords`) or in a file that imports an
# SDK or HTTP client package (`check_other_calls`).
_CALLEES = frozenset(
    {"update", "from_mapping", "setdefault", "configure", "add_middleware", "Middleware",
     "SessionMiddleware", "EncryptedCookieStorage"}
    | _tails(SIGNING_CALLS) | ITSDANGEROUS | _tails(HMAC_CALLS) | _tails(SDK_POSITIONAL)
    | _tails(SDK_KEYWORDS) | _HTTP_METHODS | _SDK_METHOD_NAMES
)
_ANY_CALLEE_PACKAGES = SDK_PACKAGES | frozenset(_HTTP_CLIENTS)


@on(ast.Call, callees=_CALLEES, keywords=frozenset(AWS_KEYWORDS))
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    for kw in node.keywords:
        if kw.arg in AWS_KEYWORDS:
            yield from _credential_hit(kw.value, AWS_KEYWORDS[kw.arg], _label(node, ctx), ctx)
    qn = ctx.call_name(node)
    if isinstance(func, ast.Attribute) and func.attr in ("update", "from_mapping", "setdefault") and _is_config(func.value, ctx):
        yield from _config_call_hits(node, func, f"app.config.{func.attr}", ctx)
        return
    if qn is None:
        if isinstance(func, ast.Attribute):
            # `_method_hits`' branches, tested here: most such calls are ``d.get(k)`` or
            # ``d.update(...)``, for which it finds nothing (an HTTP method needs ``auth=``).
            attr = func.attr
            if attr in _HTTP_METHODS:
                for kw in node.keywords:
                    if kw.arg == "auth":
                        yield from _auth_tuple_hits(node, None, ctx)
                        break
            elif attr == "add_middleware" or attr in _SDK_METHOD_NAMES:
                yield from _method_hits(node, func, ctx)
        return
    if qn == "django.conf.settings.configure":
        yield from _config_call_hits(node, func, "settings.configure", ctx)  # type: ignore[arg-type]
        return
    if qn in SIGNING_CALLS:
        index, keyword, kind = SIGNING_CALLS[qn]
        yield from _signing_hit(call_arg(node, index, keyword), kind, f"{qn}()", ctx, node)
        return
    tail = qn.rsplit(".", 1)[-1]
    if qn.startswith("itsdangerous.") and tail in ITSDANGEROUS:
        yield from _signing_hit(call_arg(node, 0, "secret_key"), "signing key", f"{qn}()", ctx, node)
        return
    if tail == "SessionMiddleware" or tail == "EncryptedCookieStorage":
        yield from _signing_hit(call_arg(node, None, "secret_key"), "session signing key", f"{qn}()", ctx, node)
        return
    if qn in HMAC_CALLS:
        index, keyword = HMAC_CALLS[qn]
        yield from _signing_hit(call_arg(node, index, keyword), "HMAC key", f"{qn}()", ctx, node, low=True)
        return
    if tail == "add_middleware" or qn == "starlette.middleware.Middleware":
        yield from _middleware_hits(node, ctx)
    if qn in SDK_POSITIONAL:
        index, kind = SDK_POSITIONAL[qn]
        if len(node.args) > index:
            yield from _credential_hit(node.args[index], kind, f"{qn}()", ctx)
    if qn.split(".")[0] in SDK_PACKAGES or qn in SDK_KEYWORDS:
        yield from _sdk_keyword_hits(node, qn, ctx)
    yield from _auth_tuple_hits(node, qn, ctx)


@on(ast.Module)
def check_other_calls(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """In a file that imports an SDK or HTTP client package (`SDK_PACKAGES`, requests,
    httpx, aiohttp), `check_call` judges every call, whatever its callee's name
    (``openai.OpenAI``, ``requests.request``): those the engine does not dispatch (no
    declared callee, no AWS keyword) are handed to it here, once per file."""
    if not ctx.imports_any(_ANY_CALLEE_PACKAGES):
        return
    for node in ctx.nodes_of(ast.Call):
        if callee_key(node, ctx) not in _CALLEES and not any(  # type: ignore[arg-type]
            kw.arg in AWS_KEYWORDS for kw in node.keywords  # type: ignore[attr-defined]
        ):
            yield from check_call(node, ctx)  # type: ignore[arg-type]


def _middleware_hits(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """``app.add_middleware(SessionMiddleware, secret_key="...")``, ``Middleware(...)``."""
    if node.args and (ctx.qualname(node.args[0]) or "").endswith("SessionMiddleware"):
        yield from _signing_hit(call_arg(node, None, "secret_key"), "session signing key", "SessionMiddleware", ctx, node)


def _method_hits(node: ast.Call, func: ast.Attribute, ctx: FileContext) -> Iterator[Hit]:
    if func.attr == "add_middleware":
        yield from _middleware_hits(node, ctx)
        return
    if func.attr in _HTTP_METHODS:
        yield from _auth_tuple_hits(node, None, ctx)
        return
    owner = ctx.instance_of(func.value) if func.attr in _SDK_METHOD_NAMES else None
    if owner and (owner, func.attr) in SDK_METHODS:
        index, kind = SDK_METHODS[(owner, func.attr)]
        yield from _credential_hit(call_arg(node, index, None), kind, f"{owner}.{func.attr}()", ctx)
