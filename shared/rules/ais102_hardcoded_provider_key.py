"""AIS102 hardcoded-provider-key: a string literal or comment holding a credential in a provider's format.

## What it does
Flags any string or bytes literal (docstrings included) and any comment that contains a
credential in a format its provider documents, whatever name it is bound to (or none). The
formats are a catalogue of rows in ``aisec_shared.analysis.credentials``, each with its
source: AWS access key ids and secret access keys, Google API keys, service-account JSON
keys and OAuth client secrets, Azure storage and Cosmos DB account keys, connection strings,
SAS signatures and Entra ID client secrets, GitHub classic, OAuth, App and fine-grained
tokens (the CRC32 checksum of ``ghp_`` / ``gho_`` / ``ghu_`` / ``ghs_`` / ``ghr_`` tokens
is verified), GitLab tokens (``glpat-`` and the other ``gl*`` prefixes), Slack tokens and
webhook URLs, Stripe live secret and restricted keys, Twilio auth tokens and API key
secrets, SendGrid, Mailgun, OpenAI, Anthropic, Hugging Face, npm, PyPI, Docker Hub (and
registry ``auth`` entries), Databricks, Datadog, Heroku, DigitalOcean and Shopify tokens,
Discord and Telegram bot tokens and Discord webhook URLs, signed JSON Web Tokens, and PEM,
OpenSSH, PGP and PuTTY private key blocks.

Values without a telling prefix are reported only with context. An AWS secret access key
(40 base64 characters) must be bound to an AWS-secret name (``aws_secret_access_key``,
``AWS_SECRET_KEY``, ``SecretAccessKey``) or written after such a name in text
(``aws_secret_access_key = ...`` in an embedded config or a comment); otherwise it is
reported, with medium confidence, only when the same file holds an access key id. A Datadog
API key (32 hex digits) or application key (40) must be bound to a Datadog name
(``DD_API_KEY``, ``datadog_app_key``, the ``api_key`` argument of ``datadog.initialize``),
follow one in text, or be an ``api_key`` in a file that imports ``datadog``. A Twilio auth
token or API key secret needs a Twilio name, or the ``AC...`` account SID / ``SK...`` key
SID it pairs with in the same file; the SIDs alone are identifiers and are not reported.
Bare Azure account keys and old UUID-shaped Heroku keys need an Azure / Heroku name. The
rule wins over AIS101 on the same literal.

## Why is this bad?
A key in a known format is almost never a placeholder: it grants access to a real account,
and bots scan public repositories for these prefixes within minutes of a push. A key in a
comment or docstring leaks exactly like one in code. Once committed, the key must be
revoked, not just deleted.

## Example
```python
DEPLOY_KEY = '''-----BEGIN OPENSSH PRIVATE KEY-----
b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
-----END OPENSSH PRIVATE KEY-----'''
```

## Use instead
```python
import os

DEPLOY_KEY = os.environ["DEPLOY_KEY"]
```

## Known problems
Placeholders are reported with low confidence only (hidden at the default
``aisec-min-confidence``): keys containing ``EXAMPLE``, ``SAMPLE``, ``DUMMY``,
``PLACEHOLDER`` or ``REDACTED`` (AWS's documented ``AKIAIOSFODNN7EXAMPLE``), runs of eight
equal characters, and keys that providers publish in their own documentation (the Azurite
storage emulator key, jwt.io's example token). Weaker shapes are reported with medium
confidence: Mailgun ``key-`` keys, Entra ID client secrets, Telegram bot tokens, JWTs (low in
docstrings, test files and literals filed under an example key or name, ``{"example":
{"access_token": "eyJ..."}}`` in an OpenAPI response, whose tokens are signed with throwaway
keys), and
AWS secret keys found only by pairing. GitHub tokens longer than the current 40 characters,
whose checksum cannot be checked, are missed; so are keys split across several literals or
built at run time, keys whose context is only an import or a method call the rule does not
know, and anything beyond the first megabyte of a literal. A finding in a multi-line string
is placed on the whole literal; in a comment, on the key itself (a key block pasted into
consecutive comment lines is recognised from its BEGIN line). A PEM header without key
material after it (a template, a ``startswith`` check, documentation) is not reported. In
test files (``aisec-test-paths``), a PKCS#1, SEC 1 or PKCS#8 block whose DER body is shorter
than the length its header declares (a one- or two-line stub for a parser or
regular-expression test, which no library can load) is not reported either, and a
passphrase-encrypted block (``ENCRYPTED PRIVATE KEY``) or a key block written inside a
function (a test's throwaway signing key) is low confidence; a complete key at a test
module's top level is reported as anywhere. Outside tests a cut-short block is still
reported: it may be the visible part of a real key.

## Options
None beyond ``aisec-min-confidence``. Use ``# pragma: allowlist secret`` (on the line, or
``# pragma: allowlist nextline secret`` on the line before) for a deliberate test key.

## References
- [CWE-798: Use of Hard-coded Credentials](https://cwe.mitre.org/data/definitions/798.html)
- [CWE-615: Inclusion of Sensitive Information in Source Code Comments](https://cwe.mitre.org/data/definitions/615.html)
- [AWS IAM identifiers: unique ID prefixes](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids)
- [GitHub: About authentication to GitHub, GitHub's token formats](https://docs.github.com/en/authentication/keeping-your-account-and-data-secure/about-authentication-to-github#githubs-token-formats)
- [GitHub blog: Behind GitHub's new authentication token formats](https://github.blog/2021-04-05-behind-githubs-new-authentication-token-formats/)
- [GitLab: Token prefixes](https://docs.gitlab.com/security/tokens/#token-prefixes)
- [Slack: Token types](https://api.slack.com/concepts/token-types)
- [Stripe: API keys](https://docs.stripe.com/keys)
- [OpenAI: API reference, authentication](https://platform.openai.com/docs/api-reference/authentication)
- [Anthropic: API overview, authentication](https://docs.anthropic.com/en/api/overview)
- [RFC 7468: Textual encodings of PKIX, PKCS and CMS structures](https://www.rfc-editor.org/rfc/rfc7468)
- [gitleaks default rules](https://github.com/gitleaks/gitleaks/tree/master/cmd/generate/config/rules)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.context import literal_str
from ..analysis.literals import constant_values, filed_as_example
from ..analysis.credentials import Found, find, find_all, holds_credential, may_hold_tests, prefix_match, truncated_der_block
from ..analysis.words import mask
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# Literals longer than this are scanned only in their first part (cost bound, e.g. a
# vendored data blob); a key beyond it is missed (Known problems).
_MAX_SCAN = 1_000_000
# Shorter texts cannot hold any catalogued credential.
_MIN_LEN = 20
# Comment lines after a key block's BEGIN line that may hold its body.
_BLOCK_LINES = 12
_BLOCK_STARTS = ("-----BEGIN", "PuTTY-User-Key-File-", '"private_key"')
# A line's text from its first '#': every comment on the line is an end of it. In a text
# without '\r' the same as `_COMMENT_TAILS_LF` (``.`` stops only at '\n'), which the regex
# engine runs without a character-class test per character.
_COMMENT_TAILS = lazy_compile(r"#[^\r\n]*")
_COMMENT_TAILS_LF = lazy_compile(r"#.*")


@on(ast.Module)
def check_constants(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Every str and bytes literal of the file, in one pass from the module node: most are
    shorter than `_MIN_LEN` or fail the catalogue's prefilter (`may_hold`, its two C-level
    tests called directly), tests that cost less than the engine's dispatch of each
    constant to a check. `literal_str` inlined. The values are read from `constant_values`
    (item ``i`` is the ``value`` of Constant node ``i``: the same texts, in the same order),
    and a node is taken only for a literal that passes."""
    str_type, bytes_type, min_len = str, bytes, _MIN_LEN
    search, fullmatch = may_hold_tests()
    for i, value in enumerate(constant_values(ctx)):
        kind = type(value)
        if kind is str_type:
            if len(value) < min_len:
                continue
        elif kind is bytes_type:
            if len(value) < min_len:
                continue
            value = value.decode("latin-1")
        else:
            continue
        value = value[:_MAX_SCAN]
        if search(value) is not None or fullmatch(value) is not None:
            yield from _constant_hits(ctx.nodes_of(ast.Constant)[i], value, ctx)  # type: ignore[arg-type]


def _constant_hits(node: ast.Constant, value: str, ctx: FileContext) -> Iterator[Hit]:
    """The credential (at most one) in the literal `node`, whose text is `value`."""
    found = find(
        value,
        name=lambda: _bound_name(node, ctx),
        in_file=lambda pattern: _in_file(ctx, pattern),
    )
    if found is not None:
        docstring = _is_docstring(node, ctx)
        where = "Docstring" if docstring else "String literal"
        confidence = _confidence(found, ctx, docstring or filed_as_example(node, ctx))
        test_block = _test_key_block(found, value, node, ctx)
        if test_block == "stub":
            return
        if test_block:
            confidence = Confidence.LOW
        yield hit(node, where, found.fmt.kind, _shown(found), confidence=confidence)


@on(ast.Module)
def check_comments(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Comments are not in the tree: scan ``ctx.comments`` once, from the module node.

    Reading comments tokenizes the file. Every comment is the end of a source line from
    one of its ``#`` on, so `prefix_match` over the ends of the lines with a ``#`` (from
    their first one) proves for most files that no comment can hold a key, in one pass;
    a scan of the raw source (`holds_credential`) then skips the tokenizer for the files
    with no credential anywhere. Both read only the lines that hold a catalogue hint.
    """
    source = ctx.text
    if "#" not in source:
        return
    tails = (_COMMENT_TAILS if "\r" in source else _COMMENT_TAILS_LF).findall(source)
    if not prefix_match("\n".join(tails)):
        return
    if not holds_credential(source[:_MAX_SCAN]):
        return
    comments = ctx.comments
    for line in sorted(comments):
        text = comments[line]
        if len(text) < _MIN_LEN:
            continue
        scanned = text
        if any(s in text for s in _BLOCK_STARTS):
            # A key pasted into comments: its body is on the following comment lines.
            follow = [comments[n] for n in range(line + 1, line + _BLOCK_LINES) if n in comments]
            scanned = "\n".join([text, *follow])
        hits = [f for f in find_all(scanned[:_MAX_SCAN]) if f.start < len(text)]
        if not hits:
            continue
        found = hits[0]
        span = _comment_span(ctx, line, text, found)
        if span is not None:
            yield hit(span, "Comment", found.fmt.kind, _shown(found), confidence=_confidence(found, ctx, False))


def _confidence(found: Found, ctx: FileContext, docstring: bool) -> Confidence:
    """The row's confidence; a short-lived token (`CredentialFormat.short_lived`: JWTs) in a
    docstring, in a literal filed as an example (`docstring` True for both) or in a test file
    (``aisec-test-paths``) is low. Test suites and API docs carry tokens signed with a
    throwaway key (python-jose's docstrings, FastAPI's tests, fastapi-users' OpenAPI response
    example), while a provider's API key stays live until someone revokes it."""
    if found.fmt.short_lived and (docstring or ctx.settings.is_test_path(ctx.filename)):
        return Confidence.LOW
    return found.confidence


def _test_key_block(found: Found, value: str, node: ast.Constant, ctx: FileContext) -> str | None:
    """How a PEM key block in a test file (``aisec-test-paths``) cannot be a live key:
    ``"stub"`` when its DER is cut short of the length it declares (a one- or two-line
    block for a parser or regular-expression test, `truncated_der_block`); ``"throwaway"``
    when it is passphrase-encrypted (``ENCRYPTED PRIVATE KEY``: a mock for the decryption
    path) or written inside a function (a test's own key, made to sign the tokens it then
    verifies). None elsewhere, and for a complete key at a test module's top level, which
    other code may share."""
    if found.fmt.id != "pem-private-key" or not ctx.settings.is_test_path(ctx.filename):
        return None
    if truncated_der_block(value, found.end):
        return "stub"
    if "ENCRYPTED" in found.shown or ctx.enclosing_function(node) is not None:
        return "throwaway"
    return None


def _shown(found: Found) -> str:
    if found.fmt.keep < 0:
        return f"'{found.shown}'"
    return mask(found.secret, keep=found.fmt.keep)


def _comment_span(ctx: FileContext, line: int, text: str, found: Found) -> ast.AST | None:
    """A node carrying the position of the credential inside a comment (ast columns:
    UTF-8 byte offsets). None when the comment is not on that physical line."""
    if not 0 < line <= len(ctx.lines):
        return None
    raw = ctx.lines[line - 1]
    at = raw.rfind(text)
    if at < 0:
        return None
    start = len(raw[: at + found.start].encode("utf-8"))
    end = start + len(found.secret.split("\n", 1)[0].encode("utf-8"))
    return ast.Constant(value=None, lineno=line, col_offset=start, end_lineno=line, end_col_offset=end)


def _is_docstring(node: ast.Constant, ctx: FileContext) -> bool:
    stmt = ctx.parent(node)
    if not isinstance(stmt, ast.Expr):
        return False
    owner = ctx.parent(stmt)
    body = getattr(owner, "body", None)
    return (
        isinstance(owner, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef))
        and isinstance(body, list) and bool(body) and body[0] is stmt
    )


# --------------------------------------------------------------------------- bound names
_ENV_LOOKUPS = frozenset({"getenv", "get", "setdefault", "pop", "putenv"})


def _target_name(target: ast.AST) -> str | None:
    if isinstance(target, ast.Name):
        return target.id
    if isinstance(target, ast.Attribute):
        return target.attr
    if isinstance(target, ast.Subscript):
        return literal_str(target.slice)
    return None


def _callee(call: ast.Call, ctx: FileContext) -> str | None:
    qualified = ctx.call_name(call)
    if qualified:
        return qualified
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    if isinstance(func, ast.Name):
        return func.id
    return None


def _bound_name(node: ast.AST, ctx: FileContext) -> str | None:
    """The name a literal is bound to: an assignment target, a keyword (with its callee:
    ``datadog.initialize.api_key``), a dict key, a parameter with a default, the variable of
    ``os.getenv("NAME", literal)``, or the callee of a positional argument."""
    child, parent = node, ctx.parent(node)
    index = None
    if isinstance(parent, (ast.Tuple, ast.List)):
        index = next((i for i, e in enumerate(parent.elts) if e is child), None)
        child, parent = parent, ctx.parent(parent)
    if isinstance(parent, (ast.Assign, ast.AnnAssign)):
        if parent.value is not child:
            return None
        targets = parent.targets if isinstance(parent, ast.Assign) else [parent.target]
        for target in targets:
            if index is not None:
                if not isinstance(target, (ast.Tuple, ast.List)) or len(target.elts) <= index:
                    continue
                target = target.elts[index]
            name = _target_name(target)
            if name:
                return name
        return None
    if index is not None:
        return None
    if isinstance(parent, ast.NamedExpr):
        return parent.target.id
    if isinstance(parent, ast.keyword):
        call = ctx.parent(parent)
        callee = _callee(call, ctx) if isinstance(call, ast.Call) else None
        return f"{callee}.{parent.arg}" if callee and parent.arg else parent.arg
    if isinstance(parent, ast.Dict):
        for key, value in zip(parent.keys, parent.values):
            if value is child:
                return literal_str(key)
        return None
    if isinstance(parent, ast.arguments):
        positional = [*parent.posonlyargs, *parent.args]
        pairs = [*zip(positional[len(positional) - len(parent.defaults):], parent.defaults),
                 *zip(parent.kwonlyargs, parent.kw_defaults)]
        return next((arg.arg for arg, default in pairs if default is child), None)
    if isinstance(parent, ast.Call) and any(a is child for a in parent.args):
        callee = _callee(parent, ctx) or ""
        if callee.rsplit(".", 1)[-1] in _ENV_LOOKUPS and len(parent.args) > 1 and parent.args[1] is child:
            return literal_str(parent.args[0]) or callee
        return callee or None
    return None


def _in_file(ctx: FileContext, pattern: re.Pattern[str]) -> bool:
    """Whether the file's text holds `pattern` (AWS / Twilio pairs), memoised per file."""
    memo = ctx.__dict__.setdefault("_ais102_in_file", {})
    if pattern not in memo:
        memo[pattern] = pattern.search(ctx.text) is not None
    return memo[pattern]
