"""AIS101 hardcoded-secret: a secret literal bound to a secret-like name.

## What it does
Flags a string or bytes literal bound to a name that means a secret, and scores it by the
name, the shape of the value and its entropy. Names: password, passwd, passphrase, secret,
token, credential(s), api_key / apikey, access_key, private_key, secret_key, client_secret,
signing, encryption, master, HMAC and JWT keys, short forms with a qualifier (``db_pass``,
``smtp_pw``), in snake_case, camelCase, PascalCase and UPPER forms (``apiKey``,
``ClientSecret``, ``DB_PASSWORD``). Bindings: variables, attributes, class attributes,
annotated assignments, dataclass ``field(default=...)`` and pydantic ``Field(...)`` /
``SecretStr(...)`` defaults, walrus targets, keyword arguments (``dict(password=...)``),
dict keys at any depth, subscript keys (``os.environ["TOKEN"] = ...``), default arguments,
``"...".encode()``, and the other side of ``==`` / ``!=`` / ``in (...)`` and ``match``.

The head noun decides: ``db_password`` and ``clientSecret`` are secrets; ``token_type``,
``password_field``, ``password_hash``, ``secret_name``, ``tokenize``, ``NextToken`` and
``eos_token`` are not, nor is one that ends with a preposition (``secret_from = "config"``
says where the secret came from), nor are names that say the value is not the secret
(``hashed_password``, ``fake_token``, ``example_api_key``) or members of an ``Enum`` or
Django ``Choices`` class.

## Why is this bad?
A secret in source code is shared with everyone who can read the repository, its forks, its
CI logs and every image built from it, and it cannot be rotated without a code change. Code
assistants reproduce this pattern from tutorials, often with a real-looking value.

## Example
```python
DATABASE_PASSWORD = "Pg9-prod-Kx72vd"
client = connect(host="db", password="Pg9-prod-Kx72vd")
```

## Use instead
```python
import os

DATABASE_PASSWORD = os.environ["DATABASE_PASSWORD"]
client = connect(host="db", password=os.environ.get("DATABASE_PASSWORD", ""))
```

## Known problems
Values that are not secrets are skipped: empty strings, ``None`` / ``null``, ``changeme``,
``<...>``, templates (``${...}``, ``{{...}}``, ``{% ... %}``, ``%(pw)s``, ``{password}``, ``{realm-name}``),
masks (``xxxx``, ``****``, ``••••``), values starting with "your" or containing "example",
environment variable *names* and references (``"DB_PASSWORD"``, ``"$DB_PASS"``,
``"%DB_PASS%"``), protocol keywords and switches (``"bearer"``, ``"client_credentials"``,
``"same-origin"``, ``"yes"``), values cut short (``"sk-..."``), file paths, lowercase slash
paths and dotted keys that name a secret (``"prod/db/primary"``,
``"spring.datasource.password"``), rate-limit specs (``"reset_password": "20/m/ip,5/m/key"``),
object references (``"api-token": "app.tests.factories:APIToken"``), ARNs, URLs without a password, UUIDs other than random
(version 4) ones, prose of four or more words, labels of two or three words, one of them a
secret's name (``"password": "Password for MongoDB"`` in a form's field labels), regular
expressions (a lexer's token
pattern), tokenizer special tokens, a value that only repeats its own name
(``CLIENT_CREDENTIALS = "client_credentials"``), values public by design (Datadog ``pub...``
client tokens, Stripe ``pk_`` and Mapbox ``pk.`` keys, PostHog ``phc_`` project keys), keys providers print in their own
documentation, and GitHub / npm token shapes whose checksum fails. A real secret that looks
like one of these is missed. Names of actions (``generate_private_key``, a dotted API path
used as a dict key) are not secret names, and neither are run-together lowercase names
(``sslpassword``) or a bare ``pwd`` / ``pw`` / ``pass`` except as a keyword argument, a
dict key or beside a user name (``user, pwd = ...``). Literal fallbacks of ``os.getenv("X", "...")``, URLs with a password and
framework keys are reported by AIS104, AIS103 and AIS105, and login decisions that compare
with a literal by AIS206; those rules win over this one on the same literal. The value is
masked in the message.

## Options
How confidence is derived: the first matching row decides; the value must first pass the
placeholder filter above.

| Name and value | Confidence |
| --- | --- |
| value in a password-hash format (``$2b$...``, ``$argon2id$...``, ``pbkdf2_sha256$...``): a verifier | low |
| a *token* or *API key* whose value is only letters, ``_``, ``-`` or spaces (``token == "COLLATE"``, ``"sk-FAKE-OPENAI-API-KEY"``, an option ``token == "--sandbox"`` of an argv loop): issued tokens and keys carry digits | low |
| value shorter than 6 characters | medium for a password or an ``aisec-secret-names`` word (CWE-259's first example is Oracle's sample password "tiger"), low otherwise |
| a random (version 4) UUID: also used as a plain identifier | medium |
| 8 or more characters, at least 2 character classes (lower, upper, digit, symbol), not only letters and separators, and Shannon entropy at or above ``aisec-entropy-threshold`` bits per character | high |
| anything else (weak chosen secrets such as ``"supersecretkey"``, low-entropy values) | medium |

Then, in order: a comparison is at most medium, and low against a plain word unless the name
is a password of 4 or more characters (``password == "admin"`` is a backdoor,
``secret == "prompt"`` is not); the path parameters of a URL the program builds are low
(``reverse("order.open", kwargs={"secret": "6zzj..."})``, the Django ``reverse`` wrappers a
project names after it, ``url_for(..., secret="...")``, ``resolve_url``, and the rows of a
literal list a comprehension turns into such URLs): sample data for a preview link, as in
pretix's e-mail placeholders, not a configuration; so are the sample values of a schema, a
dict under ``examples=`` / ``example=`` / ``openapi_examples=`` or such a key
(``Field(examples=[{"username": "johndoe", "password": "s3cr3t"}])``), which the API docs
show; a development or test settings module
(``settings/dev.py``, ``test_settings.py``) lowers every finding to low, and so does a name
that says the value is known-bad and kept to be refused (``_LEGACY_DEFAULT_ADMIN_PASSWORD``,
``INSECURE_*``, ``BANNED_*``, ``WEAK_*``; not ``DEFAULT_*`` alone), and so does a value
that is a compound identifier the module uses as the name of a parameter or keyword
argument: a table of deprecated keyword arguments and their replacements
(``{"cache_password": "cache_url"}`` beside ``def __init__(self, cache_url: str)``) names a
parameter, not a password (a single word such as ``"admin"`` is judged as before, whatever
the parameters); a test file applies ``aisec-secrets-in-tests``. Low findings show only with ``aisec-min-confidence = low``.

- ``aisec-entropy-threshold`` (default ``3.0``): the entropy of a value of n characters is at
  most log2(n) bits per character, so at 3.0 a value needs 8 or more distinct characters to
  be high; typical generated keys score 3.5 to 5, chosen passwords with a digit about 3 to
  3.5. Raise it to keep only random-looking values high.
- ``aisec-secret-names``: more words or phrases that make a name secret-like
  (``pin,license_key`` matches ``user_pin``, ``LicenseKey``); their short values count like
  passwords.
- ``aisec-ignore-names``: names never treated as secret-like, as case-insensitive shell
  patterns matched against the name as written (``*_TOKEN_URL``, ``password_policy``).
- ``aisec-test-paths`` and ``aisec-secrets-in-tests`` (``report``, ``low``, ``skip``; default
  ``low``): in test files these name-only findings become low confidence by default. Tests
  are full of throwaway credentials for fixtures and mocks, which would bury real findings
  at medium; but test code is committed and sometimes holds a real key copied from a
  console, so the findings stay available to an audit (``aisec-min-confidence = low``)
  rather than being dropped. ``skip`` drops them, ``report`` treats tests like any other
  code. A value in a provider's key format (AIS102) is reported everywhere.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [OWASP Top 10 2021 A07: Identification and Authentication Failures](https://owasp.org/Top10/A07_2021-Identification_and_Authentication_Failures/)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
- [detect-secrets: high-entropy string detection and allowlist pragmas](https://github.com/Yelp/detect-secrets)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.context import literal_str
from ..analysis.credentials import documented_key, github_checksum
from ..analysis.frameworks import secrets_in_tests, settings_profile
from ..analysis.literals import names_refused_value
from ..analysis.words import holds_head_word, is_placeholder, mask, secret_name_kind, shannon_entropy, split_words, uuid_version
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# Values shorter than this are not issued credentials; only passwords (and the user's own
# aisec-secret-names words) stay reportable below it: CWE-259's own example is the Oracle
# default password "tiger" (https://cwe.mitre.org/data/definitions/259.html).
SHORT = 6
# A value needs this many characters and character classes to be high confidence.
STRONG_LENGTH = 8
STRONG_CLASSES = 2

# A value made only of letters and separators is a chosen word or a label ("COLLATE",
# "is not", "_password_reset_token", "set-password", "supersecretkey"), never high
# confidence. For a token it is low: issued tokens carry digits, lexer tokens do not. One
# or two leading dashes spell a command-line option ("--sandbox": an argv token).
_WORDS_ONLY = lazy_compile(r"^-{0,2}[A-Za-z_][A-Za-z_ -]*$")

# A stored password *hash* is a verifier, not the password: the Modular Crypt Format
# prefixes (passlib, "Modular Crypt Format": $1$ md5-crypt, $2a$/$2b$/$2y$ bcrypt, $5$/$6$
# sha-crypt, $argon2id$ ... from the PHC string format, $scrypt$, $pbkdf2-sha256$) and
# Django's "<algorithm>$<iterations>$<salt>$<hash>" (docs.djangoproject.com, "How Django
# stores passwords").
_PASSWORD_HASH = lazy_compile(
    r"^\$(?:1|2[abxy]?|5|6|y|7|apr1|md5|sha1|scrypt|argon2(?:i|d|id)|pbkdf2(?:-sha(?:1|256|512))?)\$"
    r"|^(?:pbkdf2_sha256|pbkdf2_sha1|argon2|bcrypt_sha256|bcrypt|scrypt|sha1|md5|unsalted_sha1|unsalted_md5|crypt)\$"
)

# Words before the head noun that say the value is not the secret itself.
_NOT_THE_SECRET = frozenset(
    {"hashed", "salted", "masked", "redacted", "fake", "dummy", "example", "sample", "public", "publishable"}
)

# Short password words that need context to mean a password: a keyword argument or dict key
# (``connect(pwd=...)``, ``{"user": ..., "pwd": ...}``) or a tuple beside a user name
# (``user, pwd = ...``). Alone, ``pwd`` is as often a working directory.
_BARE_PASSWORD = frozenset({"pwd", "pw", "pass"})
_USER_WORDS = frozenset({"user", "username", "usr", "login", "uid", "account"})

# Values public by design, whatever the name: Datadog browser client tokens ("pub" + 32 hex,
# docs.datadoghq.com/account_management/api-app-keys/#client-tokens), Stripe publishable
# keys (docs.stripe.com/keys), Mapbox public tokens (docs.mapbox.com/help/glossary/access-token),
# PostHog project API keys ("phc_", write-only event ingestion that browsers send with every
# event; posthog.com/docs/api; the secret personal keys start "phx_").
_PUBLIC_VALUE = lazy_compile(
    r"^pub[0-9a-f]{32}$|^pk_(?:live|test)_[0-9A-Za-z]{10,247}$|^pk\.eyJ[A-Za-z0-9_.-]{10,2000}$|^phc_[0-9A-Za-z]{20,80}$"
)
# GitHub and npm tokens end with a CRC32 checksum of their 30-character body; a value of that
# shape whose checksum fails was never issued (github.blog/2021-04-05-behind-githubs-new-
# authentication-token-formats; GitHub's own secret scanning discards these).
_CHECKSUMMED = lazy_compile(r"^(?:gh[pousr]_|npm_)([A-Za-z0-9]{36})$")

# Calls whose argument is the bound value: pydantic ``Field(default)`` / ``SecretStr(v)``,
# dataclasses ``field(default=...)``, attrs ``attr.ib(default=...)``, Starlette ``Secret(v)``.
_WRAPPERS = frozenset({"Field", "field", "SecretStr", "SecretBytes", "Secret", "attrib", "ib"})
_POSITIONAL_DEFAULT = frozenset({"Field", "SecretStr", "SecretBytes", "Secret"})
# Class bases whose body assignments are labels (enum members, Django choices).
_LABEL_BASES = ("Enum", "Flag", "Choices")


def _name_of(target: ast.AST) -> str | None:
    """The name a target or operand stands for: ``x``, ``obj.x``, ``cfg["x"]``."""
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return literal_str(target.slice)
    return None


def _callee(call: ast.Call) -> str:
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    return func.id if isinstance(func, ast.Name) else ""


def _stored(value: ast.AST | None) -> ast.AST | None:
    """The literal a binding stores: the value itself, or the default of a field wrapper
    (``Field("...")``, ``field(default="...")``, ``SecretStr("...")``), or the string of
    ``"...".encode()``."""
    if not isinstance(value, ast.Call):
        return value
    name = _callee(value)
    if name == "encode" and isinstance(value.func, ast.Attribute):
        return value.func.value
    if name in _WRAPPERS:
        for kw in value.keywords:
            if kw.arg == "default":
                return kw.value
        if name in _POSITIONAL_DEFAULT and value.args:
            return value.args[0]
    return None


def _may_store(value: ast.AST | None) -> bool:
    """A cheap test before `_targets` / `_pair`: False when they cannot find a str or bytes
    literal in `value` (a name, an attribute, an operation, a number, a call other than a
    wrapper or ``.encode()`` ...). They can in a literal, a wrapper call or ``.encode()``
    (`_stored`), and a tuple or list unpacked."""
    kind = type(value)
    if kind is ast.Constant:
        return isinstance(value.value, (str, bytes))  # type: ignore[union-attr]
    if kind is ast.Call:
        name = _callee(value)  # type: ignore[arg-type]
        return name == "encode" or name in _WRAPPERS
    return kind is ast.Tuple or kind is ast.List


def _classes(value: str) -> int:
    return sum(
        (
            any(c.islower() for c in value),
            any(c.isupper() for c in value),
            any(c.isdigit() for c in value),
            any(not c.isalnum() for c in value),
        )
    )


# Credentials a provider issues: random, with digits. Letters and separators alone under
# these names are a lexer's token or a stand-in ("sk-FAKE-OPENAI-API-KEY" in a CI switch).
_ISSUED = frozenset({"token", "API key"})


def score(value: str, kind: str, *, declared: bool = False, threshold: float = 3.0) -> Confidence:
    """Confidence that `value`, bound to a name of secret `kind`, is a real secret.

    The rows of the docs' Options table, in order. `declared` is True when the name matched
    only through ``aisec-secret-names``; `threshold` is ``aisec-entropy-threshold``.
    """
    if _PASSWORD_HASH.match(value):
        return Confidence.LOW
    words_only = bool(_WORDS_ONLY.match(value))
    if kind in _ISSUED and words_only:
        return Confidence.LOW
    if len(value) < SHORT:
        return Confidence.MEDIUM if kind == "password" or declared else Confidence.LOW
    if uuid_version(value) is not None:
        return Confidence.MEDIUM
    if (
        not words_only
        and len(value) >= STRONG_LENGTH
        and _classes(value) >= STRONG_CLASSES
        and shannon_entropy(value) >= threshold
    ):
        return Confidence.HIGH
    return Confidence.MEDIUM


def _spells_name(value: str, name: str) -> bool:
    """A label constant: the value only repeats words of its own name, head noun included.

    ``CLIENT_CREDENTIALS = "client_credentials"`` (an OAuth grant type),
    ``ACCESS_TOKEN = "access_token"`` (a dict key), ``TOKEN = "token"`` in an Enum.
    """
    value_words = set(split_words(value))
    name_words = split_words(name)
    return bool(value_words) and value_words <= set(name_words) and name_words[-1] in value_words


def _not_a_credential(value: str) -> bool:
    """Values that cannot be a working secret: a public-by-design value, a key a provider
    prints in its own documentation, a checksummed token shape whose checksum fails."""
    if _PUBLIC_VALUE.match(value) or documented_key(value):
        return True
    m = _CHECKSUMMED.match(value)
    return bool(m) and github_checksum(m.group(1)[:30]) != m.group(1)[30:]


def _kind(name: str, ctx: FileContext, *, bare: bool = False) -> tuple[str, bool] | None:
    """``(kind, declared)`` for a secret-like name, None otherwise (or when ignored).

    `bare` accepts ``pwd`` / ``pw`` / ``pass`` alone as a password (see `_BARE_PASSWORD`)."""
    extra = ctx.settings.secret_names
    if not extra and not holds_head_word(name):
        return None  # also for `_BARE_PASSWORD`, whose words are head words
    kind = secret_name_kind(name, extra)
    if kind is None and bare and split_words(name) in ([w] for w in _BARE_PASSWORD):
        kind = "password"
    if kind is None or ctx.settings.ignored_name(name):
        return None
    if _NOT_THE_SECRET.intersection(split_words(name)[:-1]):
        return None
    declared = bool(extra) and kind != secret_name_kind(name)
    return kind, declared


def _pair(
    name: str | None, value_node: ast.AST | None, ctx: FileContext, *, compared: bool = False, bare: bool = False
) -> list[Hit]:
    """The hit (zero or one) for `value_node` bound to `name`. Lists, not generators: most
    bindings end at the first test, and this runs for every assignment, keyword, default,
    dict item and comparison of a file."""
    if not name or not (holds_head_word(name) or ctx.settings.secret_names):
        return []  # `_kind` is None: most names
    value_node = _stored(value_node)
    if value_node is None:
        return []
    value = literal_str(value_node)
    if value is None:
        return []
    found = _kind(name, ctx, bare=bare)
    if found is None or is_placeholder(value) or _spells_name(value, name) or _not_a_credential(value):
        return []
    kind, declared = found
    confidence = score(value, kind, declared=declared, threshold=ctx.settings.entropy_threshold)
    if compared:
        confidence = _compare_confidence(confidence, value, kind)
    if names_refused_value(name) or _names_a_parameter(value, ctx):
        # a known-bad value kept to refuse it (LEGACY_DEFAULT_PASSWORD), or the name of one
        # of the module's parameters ({"cache_password": "cache_url"}: a renamed keyword)
        confidence = Confidence.LOW
    return [hit(value_node, mask(value), name, confidence=confidence)]


# A compound snake_case identifier: two or more words joined by "_" ("cache_url").
_COMPOUND_IDENTIFIER = lazy_compile(r"^_{0,2}[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+$")


def _names_a_parameter(value: str, ctx: FileContext) -> bool:
    """`value` is a compound identifier that the module uses as the name of a parameter or
    a keyword argument: a table of deprecated keyword arguments and their replacements
    (``{"cache_password": "cache_url"}``), a map from a form's fields to a function's
    parameters. Single words are left out (a parameter ``admin`` says nothing of the
    password ``"admin"``)."""
    if not _COMPOUND_IDENTIFIER.match(value):
        return False
    return any(a.arg == value for a in ctx.nodes_of(ast.arg)) or any(k.arg == value for k in ctx.nodes_of(ast.keyword))


def _compare_confidence(confidence: Confidence, value: str, kind: str) -> Confidence:
    """Comparisons are at most medium; against a plain word (``secret == "prompt"``) low,
    unless the name is a password (``password == "admin"`` is a backdoor)."""
    if _WORDS_ONLY.match(value) and (kind != "password" or len(value) < 4):
        return Confidence.LOW
    return Confidence.MEDIUM if confidence is Confidence.HIGH else confidence


def _targets(target: ast.AST, value: ast.AST, ctx: FileContext, *, bare: bool = False) -> list[Hit]:
    if isinstance(target, (ast.Tuple, ast.List)) and isinstance(value, (ast.Tuple, ast.List)):
        out: list[Hit] = []
        if len(target.elts) == len(value.elts):
            names = {_name_of(t) or "" for t in target.elts}
            beside_user = any(set(split_words(n)) & _USER_WORDS for n in names)
            for t, v in zip(target.elts, value.elts):
                out.extend(_targets(t, v, ctx, bare=beside_user))
        return out
    return _pair(_name_of(target), value, ctx, bare=bare)


def _in_context(ctx: FileContext, hits: list[Hit]) -> list[Hit]:
    """Throwaway keys in development settings modules are low confidence; in test files,
    ``aisec-secrets-in-tests`` reports them as found, lowers them to low, or skips them
    (`frameworks.secrets_in_tests`, as for AIS103-AIS106)."""
    if not hits:
        return hits
    confidence = secrets_in_tests(ctx, Confidence.HIGH)
    if confidence is None:
        return []
    low = confidence is Confidence.LOW or settings_profile(ctx) == "development"
    return [hit(h.node, *h.args, confidence=Confidence.LOW) for h in hits] if low else hits


def _labels_class(node: ast.AST, ctx: FileContext) -> bool:
    """True for a statement directly in the body of an Enum, Flag or Django Choices class."""
    parent = ctx.parent(node)
    if not isinstance(parent, ast.ClassDef):
        return False
    for base in parent.bases:
        name = base.attr if isinstance(base, ast.Attribute) else getattr(base, "id", "")
        if name.endswith(_LABEL_BASES):
            return True
    return False


# Node types of the first tests of the volume checks (every assignment, keyword and
# comparison of a file), bound once.
_CONSTANT, _CALL, _NAME, _ATTRIBUTE = ast.Constant, ast.Call, ast.Name, ast.Attribute
_TUPLE, _LIST = ast.Tuple, ast.List
_EQ, _NOT_EQ, _IN, _NOT_IN = ast.Eq, ast.NotEq, ast.In, ast.NotIn


def _may_hold(value: ast.AST | None) -> bool:
    """`_may_store` less the tuples and lists: False when `_pair` cannot find a literal in
    `value` (it unpacks none)."""
    kind = type(value)
    if kind is _CONSTANT:
        return type(value.value) is str or type(value.value) is bytes  # type: ignore[union-attr]
    return kind is _CALL and _may_store(value)


@on(ast.Assign)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    """A literal bound to a secret-like target. First tests (most assignments end there, with
    what `_targets` would find): the value is a str or bytes constant, a wrapper or
    ``.encode()`` call (`_stored`), or a tuple or list unpacked into a tuple or list target;
    a constant bound to a single name that holds no secret head word (see `_kind`)."""
    value = node.value
    kind = type(value)
    targets = node.targets
    if kind is _CONSTANT:
        if type(value.value) is not str and type(value.value) is not bytes:
            return
        if len(targets) == 1 and type(targets[0]) is _NAME and not holds_head_word(targets[0].id) and not ctx.settings.secret_names:
            return
    elif kind is _CALL:
        func = value.func  # `_callee`, inlined
        callee = func.attr if type(func) is _ATTRIBUTE else func.id if type(func) is _NAME else ""
        if callee != "encode" and callee not in _WRAPPERS:
            return
    elif kind is _TUPLE or kind is _LIST:
        for target in targets:
            if type(target) is _TUPLE or type(target) is _LIST:
                break
        else:
            return
    else:
        return
    hits: list[Hit] = []
    for target in targets:
        hits.extend(_targets(target, value, ctx))
    if hits and not _labels_class(node, ctx):
        yield from _in_context(ctx, hits)


@on(ast.AnnAssign)
def check_annassign(node: ast.AnnAssign, ctx: FileContext) -> Iterator[Hit]:
    if node.value is not None:
        hits = _pair(_name_of(node.target), node.value, ctx)
        if hits and not _labels_class(node, ctx):
            yield from _in_context(ctx, hits)


@on(ast.NamedExpr)
def check_walrus(node: ast.NamedExpr, ctx: FileContext) -> Iterator[Hit]:
    yield from _in_context(ctx, _pair(node.target.id, node.value, ctx))


@on(ast.keyword)
def check_keyword(node: ast.keyword, ctx: FileContext) -> Iterator[Hit]:
    value = node.value
    if type(value) is _CONSTANT:
        if type(value.value) is not str and type(value.value) is not bytes:
            return
    elif type(value) is not _CALL or not _may_store(value):
        return
    name = node.arg
    if name and (holds_head_word(name) or ctx.settings.secret_names):
        hits = _pair(name, value, ctx, bare=True)
        if hits and _callee_of_keyword(node, ctx) in _URL_BUILDERS:
            hits = [hit(h.node, *h.args, confidence=Confidence.LOW) for h in hits]
        yield from _in_context(ctx, hits)


def _callee_of_keyword(node: ast.keyword, ctx: FileContext) -> str:
    """The name of the call `node` is a keyword of: ``url_for("order", secret="...")``."""
    call = ctx.parent(node)
    return _callee(call) if isinstance(call, ast.Call) else ""


# Calls that build a URL from a route's name and path parameters: Django ``reverse`` /
# ``reverse_lazy`` and the project wrappers named after it (pretix ``eventreverse_absolute``),
# which take them as ``kwargs=`` / ``args=``; Flask ``url_for`` and Django ``resolve_url``,
# which take them as keywords.
_URL_BUILDERS = frozenset({"url_for", "resolve_url"})
_URL_PARAMETER_KEYWORDS = frozenset({"kwargs", "args"})


def _url_builder(call: ast.AST | None) -> bool:
    """A call that reverses a route into a URL (see `_URL_BUILDERS`)."""
    if not isinstance(call, ast.Call):
        return False
    name = _callee(call)
    return name in _URL_BUILDERS or "reverse" in name.lower() and name != "reversed"


def _url_parameters(node: ast.Dict, ctx: FileContext) -> bool:
    """`node` holds the path parameters of a URL the program builds, not a configuration:
    ``reverse("order.open", kwargs={"order": "F8VVL", "secret": "6zzj..."})``, or a row of
    a literal list a comprehension turns into such URLs (``[reverse(..., kwargs={"secret":
    o["secret"]}) for o in [{"code": "F8VVL", "secret": "6zzj..."}, ...]]``). The values
    are sample data for a preview (pretix's e-mail placeholders), whatever their keys."""
    parent = ctx.parent(node)
    if isinstance(parent, ast.keyword):
        return parent.arg in _URL_PARAMETER_KEYWORDS and _url_builder(ctx.parent(parent))
    if isinstance(parent, (ast.List, ast.Tuple)):
        loop = ctx.parent(parent)
        if isinstance(loop, ast.comprehension) and loop.iter is parent:
            owner = ctx.parent(loop)
            elts = [owner.key, owner.value] if isinstance(owner, ast.DictComp) else [getattr(owner, "elt", None)]
            return any(_url_builder(n) for e in elts if e is not None for n in ast.walk(e))
    return False


@on(ast.Dict)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    hits: list[Hit] = []
    for key, value in zip(node.keys, node.values):
        kind = type(value)  # `_may_hold`, inlined: most values are no literal
        if kind is _CONSTANT:
            if type(value.value) is not str and type(value.value) is not bytes:
                continue
        elif kind is not _CALL or not _may_store(value):
            continue
        hits.extend(_pair(literal_str(key), value, ctx, bare=True))
    if hits and (_url_parameters(node, ctx) or _documentation_example(node, ctx)):
        hits = [hit(h.node, *h.args, confidence=Confidence.LOW) for h in hits]
    if hits:
        yield from _in_context(ctx, hits)


# Keywords and keys that hold a schema's sample values, shown in the generated API docs:
# pydantic ``Field(examples=[...])`` / ``json_schema_extra={"examples": [...]}``, FastAPI
# ``Body(example=...)`` / ``openapi_examples=``, OpenAPI's ``example`` / ``examples``.
_EXAMPLE_SLOTS = frozenset({"example", "examples", "openapi_examples"})


def _documentation_example(node: ast.Dict, ctx: FileContext) -> bool:
    """`node` is a sample value of a schema (a dict, possibly inside a list, tuple or another
    dict, under a keyword or key of `_EXAMPLE_SLOTS`): prefect's ``Field(examples=[...,
    {"username": "johndoe", "password": "s3cr3t"}])``. Documentation, probably no live
    credential, so low."""
    child: ast.AST = node
    for _ in range(4):
        parent = ctx.parent(child)
        if isinstance(parent, ast.keyword):
            return parent.arg in _EXAMPLE_SLOTS
        if isinstance(parent, ast.Dict):
            key = next((k for k, v in zip(parent.keys, parent.values) if v is child), None)
            if key is not None and (literal_str(key) or "").lower() in _EXAMPLE_SLOTS:
                return True
        elif not isinstance(parent, (ast.List, ast.Tuple)):
            return False
        child = parent
    return False


@on(ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
def check_defaults(node: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    args: ast.arguments = node.args  # type: ignore[attr-defined]
    hits: list[Hit] = []
    defaults = args.defaults
    # Most defs have no default that can store a literal: tested without a generator.
    for candidate in defaults:
        if _may_store(candidate):
            positional = [*args.posonlyargs, *args.args]
            for arg, default in zip(positional[len(positional) - len(defaults):], defaults):
                hits.extend(_pair(arg.arg, default, ctx))
            break
    if args.kwonlyargs:
        for arg, default in zip(args.kwonlyargs, args.kw_defaults):
            if _may_store(default):
                hits.extend(_pair(arg.arg, default, ctx))
    if hits:
        yield from _in_context(ctx, hits)


def _operands(node: ast.AST) -> list[ast.AST]:
    """The literals a comparison tests against: the operand, or the items of
    ``in ("admin", "root")``."""
    if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
        return list(node.elts)
    return [node]


@on(ast.Compare)
def check_compare(node: ast.Compare, ctx: FileContext) -> Iterator[Hit]:
    left = node.left
    for op, right in zip(node.ops, node.comparators):
        kind = type(op)
        # The name on one side (a literal has none), the literal on the other (`_pair`
        # unpacks no tuple); the name first tested as `_pair` does.
        if kind is _EQ or kind is _NOT_EQ:
            if _may_hold(right):
                name = _name_of(left)
                if name and (holds_head_word(name) or ctx.settings.secret_names):
                    yield from _in_context(ctx, _pair(name, right, ctx, compared=True))
            if _may_hold(left):
                name = _name_of(right)
                if name and (holds_head_word(name) or ctx.settings.secret_names):
                    yield from _in_context(ctx, _pair(name, left, ctx, compared=True))
        elif kind is _IN or kind is _NOT_IN:
            name = _name_of(left)
            if name and (holds_head_word(name) or ctx.settings.secret_names):
                for literal in _operands(right):
                    if _may_hold(literal):
                        yield from _in_context(ctx, _pair(name, literal, ctx, compared=True))
        left = right


@on(ast.Match)
def check_match(node: ast.Match, ctx: FileContext) -> Iterator[Hit]:
    """``match password: case "admin": ...`` compares like ``==``."""
    name = _name_of(node.subject)
    if not name:
        return
    for case in node.cases:
        patterns = case.pattern.patterns if isinstance(case.pattern, ast.MatchOr) else [case.pattern]
        for pattern in patterns:
            if isinstance(pattern, ast.MatchValue):
                yield from _in_context(ctx, _pair(name, pattern.value, ctx, compared=True))
