"""AIS103 hardcoded-connection-credential: a password written inside a connection string, URL or Authorization header.

## What it does
Flags a string literal (or an f-string whose password part is literal) that carries a
password or token inside it:

- database and broker URLs with a password: ``postgresql://user:pw@host``, ``mysql://``,
  ``mongodb+srv://``, ``redis://:pw@host``, ``amqp://``, SQLAlchemy ``dialect+driver://``
  URLs such as ``mssql+pyodbc://``;
- basic auth in HTTP(S), WebSocket and FTP URLs: ``https://user:pw@host``;
- ODBC / ADO.NET connection strings with ``PWD=`` or ``Password=``, libpq keyword strings
  with ``password=`` (``"host=db user=etl password=..."``), and ``password=`` / ``pwd=``
  query parameters of JDBC-like and other URLs;
- ``Authorization`` header values built from literals: ``{"Authorization": "Bearer ..."}``,
  ``headers["Authorization"] = f"Basic {CREDS}"`` with ``CREDS`` bound to a literal,
  ``"Basic " + b64encode(b"user:pw").decode()``, and raw ``Authorization: Basic ...`` lines.

When the credential sits in a literal bound to a name earlier in the same file
(``TOKEN = "..."`` then ``f"Bearer {TOKEN}"``), the finding points at that literal, where the
fix belongs. The message names the kind of string and shows the secret masked. The rule
wins over AIS101 on the same literal.

## Why is this bad?
A connection string is usually copied whole into code, logs and error messages, and the
password inside it is easy to miss in review. Whoever reads the repository can log in to the
database, broker or API, and the password cannot be rotated without a code change. Code
assistants write ``create_engine("postgresql://admin:secret@...")`` because tutorials do.

## Example
```python
import redis

cache = redis.Redis.from_url("redis://:Hq7-vault-Kx28@cache.internal:6379/0")
```

## Use instead
```python
import os

import redis

cache = redis.Redis.from_url(os.environ["REDIS_URL"])
```

## Known problems
Placeholders and templates are not reported: ``:password@``, ``:****@``, ``<password>``,
``${DB_PASSWORD}``, ``{password}``, ``%(password)s``, ``%s``, an empty password, and
passwords made only of words such as ``my``, ``your``, ``db``, ``password``. A password
that is an f-string hole or a variable is not this rule's finding (AIS101 reports a literal
bound to a secret-like name). Strings assembled with ``+`` from several literals are only
followed for ``Authorization`` values. A password containing an unencoded ``/``, ``?`` or
``#`` ends the match early. Confidence is medium for well-known default passwords
(``postgres``, ``guest``, the user name repeated), for local hosts (``localhost``,
``127.0.0.1``), for URL schemes that are neither a database, a broker nor HTTP, and for an
``Authorization`` scheme it does not know (``Custom <token>``, judged on the token alone); and
low (hidden by default) inside docstrings, where URLs are usually documentation, for a
literal filed under a key or name that says it is an example (``"connection_examples":
[{"description": "Local database", "connection_string": "firebird+fdb://SYSDBA:masterkey@..."}]``
in a database engine's documentation metadata, ``SAMPLE_URLS = [...]``), for a help text
(the ``help=``, ``help_text=``, ``description=`` or ``epilog=`` argument of an option:
``define("broker_api", help="e.g. http://guest:guest@localhost:15672/api/")``), and for
hosts reserved for documentation (``example.com``, ``example.net``, ``example.org`` and the
``.example``, ``.test`` and ``.invalid`` domains: RFC 2606, RFC 6761). The RFC 7617
example ``QWxhZGRpbjpvcGVuIHNlc2FtZQ==`` is not reported. In test files
(``aisec-test-paths``), full of ``Bearer testtoken`` headers and example URLs, findings follow
``aisec-secrets-in-tests``: low confidence by default, hidden unless
``aisec-min-confidence = low``.

## Options
``aisec-test-paths`` and ``aisec-secrets-in-tests`` (``report``, ``low``, ``skip``) decide
what happens in test files.

## References
- [CWE-259: Use of Hard-coded Password](https://cwe.mitre.org/data/definitions/259.html)
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [RFC 3986 section 3.2.1: User Information](https://www.rfc-editor.org/rfc/rfc3986#section-3.2.1)
- [RFC 7617: The 'Basic' HTTP Authentication Scheme](https://www.rfc-editor.org/rfc/rfc7617)
- [RFC 2606: Reserved Top Level DNS Names](https://www.rfc-editor.org/rfc/rfc2606)
- [SQLAlchemy: Engine Configuration, Database URLs](https://docs.sqlalchemy.org/en/20/core/engines.html#database-urls)
- [PostgreSQL: libpq connection strings](https://www.postgresql.org/docs/current/libpq-connect.html#LIBPQ-CONNSTRING)
- [Microsoft: Connection string syntax (ODBC / ADO.NET)](https://learn.microsoft.com/en-us/dotnet/framework/data/adonet/connection-string-syntax)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
import base64
import binascii
import re
from typing import Iterator, NamedTuple

from ..analysis.context import flatten_add, literal_str
from ..analysis.frameworks import secrets_in_tests
from ..analysis.literals import (
    filed_as_example,
    LOCAL_HOST,
    constant_values,
    is_credential_placeholder,
    is_template,
    literal_node,
    strength,
    string_text,
    string_text_lowered,
    string_values,
)
from ..analysis.words import is_placeholder, mask, split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# ---------------------------------------------------------------------------------------
# Helpers shared by the AIS103-AIS105 family (imported by the sibling modules).

def is_docstring_like(node: ast.AST, ctx: FileContext) -> bool:
    """A string that is a statement of its own (a docstring or a bare string)."""
    return isinstance(ctx.parent(node), ast.Expr)


# ---------------------------------------------------------------------------------------
# What a credential inside a string looks like.

# scheme://user:password@host. The scheme starts at a boundary; user, password and host are
# bounded character classes, so a search costs at most a bounded amount per start position.
# The password may hold ':' and '@' (the last '@' before the host ends it, RFC 3986 3.2.1).
_URL_CRED = lazy_compile(
    r"(?<![A-Za-z0-9+._-])([A-Za-z][A-Za-z0-9+._-]{0,30})://"
    r"([^\s:/?#@\[\]]{0,128}):([^\s/?#]{1,256})@([^\s/?#@]{0,256})"
)
# ?password= / &pwd= / ;password= query parameters (JDBC, ODBC-style URLs).
_QUERY_PW = lazy_compile(r"(?i)[?&;](?:password|passwd|pwd)=([^&;#\s]{1,256})")
# ODBC / ADO.NET "Key=Value;" pairs: a password key, and one other connection key.
_ODBC_PW = lazy_compile(r"(?i)(?:^|;)[ \t]{0,8}(?:pwd|password)[ \t]{0,8}=[ \t]{0,8}(\{[^{}]{0,256}\}|[^;]{1,256})")
_ODBC_KEY = lazy_compile(
    r"(?i)(?:^|;)[ \t]{0,8}(?:driver|server|data source|dsn|uid|user id|user|username|database|"
    r"initial catalog|host|provider|address|addr|network address|port)[ \t]{0,8}="
)
# libpq "keyword = value" strings (psycopg2.connect("host=... password=...")).
_LIBPQ_PW = lazy_compile(r"(?:^|[ \t])password[ \t]{0,4}=[ \t]{0,4}('[^'\\]{0,256}'|[^\s']{1,256})")
_LIBPQ_KEY = lazy_compile(r"(?:^|[ \t])(?:host|hostaddr|dbname|user|port|sslmode)[ \t]{0,4}=")
# A raw header line: "Authorization: Basic ..." (curl arguments, raw HTTP requests).
_AUTH_LINE = lazy_compile(
    r"(?i)(?<![A-Za-z0-9-])(?:proxy-)?authorization[ \t]{0,4}:[ \t]{0,8}(basic|bearer|token)[ \t]{1,8}([^\s\"'\\]{1,1024})"
)

# Schemes by kind: SQLAlchemy dialects (docs.sqlalchemy.org, "Dialects"), common database
# and broker URL schemes (Celery / Kombu "Broker URL" docs, MongoDB "Connection Strings").
_DB_SCHEMES = frozenset(
    {
        "postgres", "postgresql", "pgsql", "psql", "mysql", "mariadb", "mssql", "sqlserver",
        "oracle", "mongodb", "redis", "rediss", "valkey", "cockroachdb", "clickhouse",
        "snowflake", "db2", "ibm_db_sa", "ibm_db", "sybase", "firebird", "redshift", "neo4j", "bolt",
        "couchdb", "couchbase", "cassandra", "influxdb", "memcached", "trino", "presto",
        "hive", "vertica", "teradata", "timescaledb", "elasticsearch", "opensearch", "jdbc",
    }
)
_BROKER_SCHEMES = frozenset(
    {"amqp", "amqps", "pyamqp", "librabbitmq", "kafka", "nats", "mqtt", "mqtts", "stomp", "qpid", "pulsar", "sqs"}
)
_HTTP_SCHEMES = frozenset({"http", "https", "ws", "wss", "ftp", "ftps", "webdav", "dav", "davs"})
# Passwords that are documentation, not credentials (in addition to words.is_placeholder).
_PASSWORD_PARTS = frozenset(
    {
        "my", "your", "the", "db", "database", "user", "password", "passwd", "pass", "pwd",
        "pw", "secret", "here", "new", "some", "mypassword", "yourpassword", "dbpassword",
        "userpassword", "mypass", "yourpass", "passw",
    }
)
# Vendor default accounts: still a finding, but at medium confidence.
_DEFAULT_PASSWORDS = frozenset({"postgres", "root", "guest", "admin", "mysql", "sa", "redis", "rabbitmq", "toor"})
# RFC 7617 section 2's example credentials (Aladdin / open sesame).
_DOC_BASIC = frozenset({"QWxhZGRpbjpvcGVuIHNlc2FtZQ=="})
_AUTH_SCHEMES = frozenset({"basic", "bearer", "token", "jwt", "apikey", "api-key", "key", "sso-key", "ssws", "oauth"})
_AUTH_HEADERS = frozenset({"authorization", "proxy-authorization"})
_AUTH_HEADER_LENGTHS = frozenset(len(h) for h in _AUTH_HEADERS)
_AUTH_HEADER_MIN = min(_AUTH_HEADER_LENGTHS)
_HOLE = "\x00"
# An authentication scheme's name: an RFC 9110 token (letters, digits, ``!#$%&'*+-.^_`|~``).
_SCHEME_TOKEN = lazy_compile(r"[A-Za-z0-9!#$%&'*+.^_`|~-]{1,64}")


class _Found(NamedTuple):
    secret: str
    kind: str
    confidence: Confidence


def _password_placeholder(pw: str) -> bool:
    if _HOLE in pw or not any(c.isalnum() for c in pw) or is_placeholder(pw) or is_template(pw):
        return True
    if pw.startswith(("$", "%", "{")):
        return True  # $PGPASSWORD, %PASSWORD%, a format field
    words = split_words(pw)
    return bool(words) and set(words) <= _PASSWORD_PARTS


# Host names reserved for documentation and testing, which no deployment connects to:
# RFC 2606 section 3 (example.com, example.net, example.org) and section 2 / RFC 6761
# (the .example, .test and .invalid top-level domains).
_DOC_DOMAINS = ("example.com", "example.net", "example.org")
_DOC_TLDS = frozenset({"example", "test", "invalid"})


def _documentation_host(host: str) -> bool:
    """True for a reserved documentation host (`_DOC_DOMAINS`, `_DOC_TLDS`), with or without
    a port: ``example.org``, ``api.example.com:8443``, ``db.test``."""
    name = host.rsplit(":", 1)[0] if host.count(":") == 1 else host
    name = name.lower().rstrip(".")
    return name.rsplit(".", 1)[-1] in _DOC_TLDS or any(name == d or name.endswith("." + d) for d in _DOC_DOMAINS)


def _password_confidence(pw: str, user: str, local: bool) -> Confidence:
    if local or pw.lower() == user.lower() or pw.lower() in _DEFAULT_PASSWORDS:
        return Confidence.MEDIUM
    return strength(pw)


def _url_kind(scheme: str, prefix: str) -> tuple[str, bool]:
    """The message's name for a URL scheme, and whether the scheme is a known one."""
    parts = set(scheme.lower().split("+"))
    if prefix.lower().endswith("jdbc:"):
        return "a JDBC URL", True
    if parts & _DB_SCHEMES:
        return "a database URL", True
    if parts & _BROKER_SCHEMES:
        return "a broker URL", True
    if parts & _HTTP_SCHEMES:
        return "a basic-auth URL", True
    return "a URL", False


def scan_text(text: str) -> _Found | None:
    """The first credential inside `text`, or None. Holes of an f-string are ``\\x00``."""
    if "://" in text:
        for m in _URL_CRED.finditer(text):
            scheme, user, pw, host = m.groups()
            if _password_placeholder(pw):
                continue
            kind, known = _url_kind(scheme, text[: m.start()])
            local = bool(LOCAL_HOST.match(host.rsplit(":", 1)[0] if host.count(":") == 1 else host))
            conf = _password_confidence(pw, user, local)
            if not known:
                conf = Confidence.MEDIUM
            if _documentation_host(host):
                conf = Confidence.LOW
            return _Found(pw, kind, conf)
    if "=" in text:
        jdbc = text[:5].lower() == "jdbc:"
        if "://" in text or jdbc:
            for m in _QUERY_PW.finditer(text):
                pw = m.group(1)
                if _password_placeholder(pw):
                    continue
                if jdbc:
                    kind = "a JDBC URL"
                else:
                    scheme = re.split(r"[^A-Za-z0-9+.-]", text.split("://", 1)[0])[-1]
                    kind = _url_kind(scheme, "")[0]
                    if kind not in ("a database URL", "a broker URL"):
                        kind = "a URL query string"
                return _Found(pw, kind, _password_confidence(pw, "", bool(LOCAL_HOST.search(text))))
        if ";" in text and _ODBC_KEY.search(text):
            for m in _ODBC_PW.finditer(text):
                pw = m.group(1).strip()
                if pw.startswith("{") and pw.endswith("}"):
                    inner = pw[1:-1]
                    # {name} around an identifier is a str.format field, not ODBC quoting.
                    if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,40}", inner) or not inner:
                        continue
                    pw = inner
                if not _password_placeholder(pw):
                    return _Found(pw, "an ODBC connection string", _password_confidence(pw, "", bool(LOCAL_HOST.search(text))))
        if "password" in text and _LIBPQ_KEY.search(text):
            for m in _LIBPQ_PW.finditer(text):
                pw = m.group(1).strip("'")
                if not _password_placeholder(pw):
                    return _Found(pw, "a libpq connection string", _password_confidence(pw, "", bool(LOCAL_HOST.search(text))))
    if "uthoriz" in text or "UTHORIZ" in text:
        m = _AUTH_LINE.search(text)
        if m:
            found = _auth_credential(m.group(1), m.group(2))
            if found:
                return found
    return None


def _auth_credential(scheme: str | None, cred: str) -> _Found | None:
    """A credential after an Authorization scheme, unless it is a placeholder."""
    cred = cred.strip()
    if not cred or _HOLE in cred:
        return None
    if scheme and scheme.lower() == "basic":
        if cred in _DOC_BASIC:
            return None
        decoded: str | None = None
        try:
            decoded = base64.b64decode(cred, validate=True).decode("utf-8")
        except (binascii.Error, ValueError):
            decoded = None
        pair = decoded if decoded is not None and ":" in decoded else (cred if ":" in cred else None)
        if pair is not None:
            user, _, pw = pair.partition(":")
            if _password_placeholder(pw):
                return None
            return _Found(pw, "an Authorization header", _password_confidence(pw, user, False))
    if len(cred) < 8 or is_credential_placeholder(cred):
        return None
    return _Found(cred, "an Authorization header", strength(cred))


# ---------------------------------------------------------------------------------------
# Authorization header values built from literals.

class _Piece(NamedTuple):
    text: str | None  # None: a hole whose value is unknown
    node: ast.AST | None  # the literal that holds the text


_B64 = frozenset({"base64.b64encode", "base64.standard_b64encode", "base64.urlsafe_b64encode", "base64.encodebytes"})


def _pieces(expr: ast.AST, ctx: FileContext, depth: int = 0) -> list[_Piece]:
    """The header value as literal pieces and holes, following names bound to literals."""
    if depth > 6:
        return [_Piece(None, None)]
    lit = literal_node(ctx, expr)
    if lit is not None:
        return [_Piece(literal_str(lit), lit)]
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if isinstance(value, (ast.JoinedStr, ast.BinOp, ast.Call)):
            return _pieces(value, ctx, depth + 1)
        return [_Piece(None, None)]
    if isinstance(expr, ast.JoinedStr):
        out: list[_Piece] = []
        for part in expr.values:
            if isinstance(part, ast.Constant):
                out.append(_Piece(str(part.value), expr))
            elif isinstance(part, ast.FormattedValue):
                out.extend(_pieces(part.value, ctx, depth + 1))
        return out
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return [p for operand in flatten_add(expr) for p in _pieces(operand, ctx, depth + 1)]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Mod):
        template = literal_node(ctx, expr.left)
        args = expr.right.elts if isinstance(expr.right, ast.Tuple) else [expr.right]
        return _interleave(template, "%s", args, ctx, depth)
    if isinstance(expr, ast.Call):
        func = expr.func
        qn = ctx.call_name(expr)
        if isinstance(func, ast.Attribute) and func.attr == "format" and not expr.keywords:
            return _interleave(literal_node(ctx, func.value), "{}", expr.args, ctx, depth)
        if isinstance(func, ast.Attribute) and func.attr in ("encode", "decode", "strip") and qn is None:
            return _pieces(func.value, ctx, depth + 1)
        if qn == "builtins.str" and len(expr.args) == 1:
            return _pieces(expr.args[0], ctx, depth + 1)
        if qn in _B64 and len(expr.args) == 1:
            inner = _pieces(expr.args[0], ctx, depth + 1)
            if all(p.text is not None for p in inner) and inner:
                raw = "".join(p.text or "" for p in inner)
                encoded = base64.b64encode(raw.encode("latin-1", "replace")).decode("ascii")
                nodes = {id(p.node) for p in inner}
                return [_Piece(encoded, inner[0].node if len(nodes) == 1 else expr)]
    return [_Piece(None, None)]


def _interleave(template: ast.Constant | None, marker: str, args: list[ast.expr], ctx: FileContext, depth: int) -> list[_Piece]:
    text = literal_str(template)
    if text is None or text.count(marker) != len(args):
        return [_Piece(None, None)]
    out: list[_Piece] = []
    chunks = text.split(marker)
    for i, chunk in enumerate(chunks):
        if chunk:
            out.append(_Piece(chunk, template))
        if i < len(args):
            out.extend(_pieces(args[i], ctx, depth + 1))
    return out


def _header_hits(value: ast.AST, ctx: FileContext) -> Iterator[Hit]:
    pieces = _pieces(value, ctx)
    text = "".join(p.text if p.text is not None else _HOLE for p in pieces)
    head, _, rest = text.strip().partition(" ")
    unknown_scheme = False
    if head.lower() in _AUTH_SCHEMES:
        scheme, cred = head, rest.strip()
    elif rest.strip() and _SCHEME_TOKEN.fullmatch(head):
        # "<scheme> <credentials>" with a scheme this rule does not know (RFC 9110 section
        # 11.6.2): judge the credentials alone, at most at medium confidence.
        scheme, cred, unknown_scheme = None, rest.strip(), True
    else:
        scheme, cred = None, text.strip()
    found = _auth_credential(scheme, cred)
    if found is None:
        return
    if unknown_scheme and found.confidence is Confidence.HIGH:
        found = found._replace(confidence=Confidence.MEDIUM)
    # Point at the literal holding the credential when a single one does.
    start = text.find(cred)
    end = start + len(cred)
    pos = 0
    holders: list[ast.AST] = []
    for p in pieces:
        length = len(p.text) if p.text is not None else 1
        if pos < end and pos + length > start and p.node is not None:
            holders.append(p.node)
        pos += length
    unique = {id(n): n for n in holders}
    node = next(iter(unique.values())) if len(unique) == 1 else value
    conf = secrets_in_tests(ctx, found.confidence)
    if conf is not None:
        yield hit(node, mask(found.secret), found.kind, confidence=conf)


# ---------------------------------------------------------------------------------------
# Checks.


# Keyword arguments that take a help text for a reader: argparse's and click's help=,
# Django's help_text=, tornado's define(help=), pydantic's Field(description=), epilog=.
_HELP_KEYWORDS = frozenset({"help", "help_text", "description", "epilog", "usage"})


def _documentation_example(node: ast.AST, ctx: FileContext) -> bool:
    """The literal is filed under a key or name that says it is an example
    (`literals.filed_as_example`: a database engine's documentation metadata,
    ``"connection_examples": [{"connection_string": "firebird+fdb://SYSDBA:masterkey@..."}]``,
    ``SAMPLE_URLS = [...]``), or it is a help text, the value of a `_HELP_KEYWORDS` keyword
    argument (flower's ``define("broker_api", help="inspect broker e.g.
    http://guest:guest@localhost:15672/api/")``)."""
    parent = ctx.parent(node)
    if isinstance(parent, ast.keyword) and parent.arg in _HELP_KEYWORDS:
        return True
    return filed_as_example(node, ctx)


def _scan_hit(node: ast.AST, text: str, ctx: FileContext) -> Iterator[Hit]:
    found = scan_text(text)
    if found is None:
        return
    documentation = is_docstring_like(node, ctx) or _documentation_example(node, ctx)
    conf = secrets_in_tests(ctx, Confidence.LOW if documentation else found.confidence)
    if conf is not None:
        yield hit(node, mask(found.secret), found.kind, confidence=conf)


def _worth_scanning(text: str) -> bool:
    return len(text) >= 8 and ("://" in text or "=" in text or "uthoriz" in text or "UTHORIZ" in text)


@on(ast.Module)
def check_constants(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Every str and bytes literal of the file outside f-strings (`check_fstring` reads
    those whole), in one pass from the module node: most are shorter than 8 characters or
    not `_worth_scanning`, tests that cost less than the engine's dispatch of each constant
    to a check. `literal_str` and `_worth_scanning` inlined, the length tested first; first
    of all, the markers are looked for once in all the file's literals (`string_text`). The
    texts are read from `constant_values` (item ``i`` is the ``value`` of Constant node ``i``),
    and a node is taken only for a text that passes."""
    text = string_text(ctx)
    # A marker holds no line break, so a literal holds it only if `string_text` does: each
    # literal is searched only for the markers some literal of the file holds (most files
    # hold none, most others no "uthoriz"), which leaves the same literals.
    url, eq = "://" in text, "=" in text
    auth = "uthoriz" in text or "UTHORIZ" in text
    if not (url or eq or auth):
        return  # no literal of the file holds a marker (most files): one search each
    parent = ctx.parents.get
    nodes = ctx.nodes_of(ast.Constant)
    for i, text in enumerate(constant_values(ctx)):
        kind = type(text)
        if kind is bytes:
            text = text.decode("latin-1")
        elif kind is not str:
            continue
        if len(text) < 8 or not (
            (eq and "=" in text) or (url and "://" in text) or (auth and ("uthoriz" in text or "UTHORIZ" in text))
        ):
            continue
        node = nodes[i]
        if type(parent(node)) is not ast.JoinedStr:
            yield from _scan_hit(node, text[:100_000], ctx)


@on(ast.JoinedStr)
def check_fstring(node: ast.JoinedStr, ctx: FileContext) -> Iterator[Hit]:
    parts = []
    for part in node.values:
        if isinstance(part, ast.Constant) and isinstance(part.value, str):
            parts.append(part.value)
        else:
            parts.append(_HOLE)
    text = "".join(parts)
    if _worth_scanning(text) and not isinstance(ctx.parent(node), ast.FormattedValue):
        yield from _scan_hit(node, text[:100_000], ctx)


def _is_auth_key(key: ast.AST | None, ctx: FileContext) -> bool:
    name = ctx.const_str(key) if key is not None else None
    return bool(name) and name.strip().lower() in _AUTH_HEADERS  # type: ignore[union-attr]


def _names_auth_header(ctx: FileContext) -> bool:
    """True when a str or bytes literal of the file names an Authorization header: only then
    can `_is_auth_key` hold (`FileContext.const_str` reads a literal, directly or through
    names bound to it). One pass over the file's constants, memoised.

    The pass runs only when `string_text` holds a ``z`` or ``Z`` and, lowered
    (`string_text_lowered`), the word ``authorization``: a literal whose text, stripped and
    lowered, is a header name holds its letters as ASCII letters in either case (besides
    ``A``-``Z`` only U+0130, which lowers to two characters, and U+212A, a ``k``, lower to
    ASCII letters), and lowered they stay in the lowered text. Most files' literals hold no
    ``z``: two scans for one character, no loop."""
    found = ctx.__dict__.get("_ais103_auth_header")
    if found is None:
        found = False
        joined = string_text(ctx)
        texts = string_values(ctx) if ("z" in joined or "Z" in joined) and "authorization" in string_text_lowered(ctx) else ()
        for text in texts:
            size = len(text)
            if size < _AUTH_HEADER_MIN:
                continue
            if size not in _AUTH_HEADER_LENGTHS:
                # Only whitespace around it can bring a text to a header's length (`lower`
                # maps no other character to an ASCII letter of theirs): most texts, and
                # docstrings, are skipped without a copy.
                if not (text[0].isspace() or text[-1].isspace()):
                    continue
                text = text.strip()
                if len(text) not in _AUTH_HEADER_LENGTHS:
                    continue
            if text.strip().lower() in _AUTH_HEADERS:
                found = True
                break
        ctx.__dict__["_ais103_auth_header"] = found
    return found


@on(ast.Dict, when=_names_auth_header)
def check_dict(node: ast.Dict, ctx: FileContext) -> Iterator[Hit]:
    for key, value in zip(node.keys, node.values):
        if _is_auth_key(key, ctx):
            yield from _header_hits(value, ctx)


@on(ast.Assign, when=_names_auth_header)
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    for target in node.targets:
        if isinstance(target, ast.Subscript) and _is_auth_key(target.slice, ctx):
            yield from _header_hits(node.value, ctx)


@on(ast.keyword)
def check_keyword(node: ast.keyword, ctx: FileContext) -> Iterator[Hit]:
    if node.arg and node.arg.lower() in _AUTH_HEADERS:
        yield from _header_hits(node.value, ctx)


@on(ast.Module, when=_names_auth_header)
def check_header_calls(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """``request.add_header("Authorization", ...)``, ``headers.add(...)``,
    ``conn.putheader(...)``: any method whose first argument names the header. No callee
    name lists them, so the calls are read here, once per file that names the header."""
    for node in ctx.nodes_of(ast.Call):
        if len(node.args) >= 2 and isinstance(node.func, ast.Attribute) and _is_auth_key(node.args[0], ctx):  # type: ignore[attr-defined]
            yield from _header_hits(node.args[1], ctx)  # type: ignore[attr-defined]
