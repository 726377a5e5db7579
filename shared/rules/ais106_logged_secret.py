"""AIS106 logged-secret: a secret value reaches a log, the console or an exception message.

## What it does
Flags a secret passed to:

- a logging call: ``logger.debug`` / ``info`` / ``warning`` / ``warn`` / ``error`` /
  ``exception`` / ``critical`` / ``fatal`` / ``log`` on a logger (``logging.getLogger(...)``,
  a name such as ``log``, ``logger``, ``self.logger``, ``app.logger``), the ``logging.*``
  module functions, loguru and structlog; in the message, its ``%`` arguments, an f-string,
  ``.format``, ``extra={...}`` values or structlog keyword arguments;
- ``print()``, ``pprint.pprint()``, ``sys.stdout.write()`` / ``sys.stderr.write()``,
  ``click.echo()`` and ``warnings.warn()``;
- the arguments of an exception raised on the spot (``raise ValueError(f"bad key {key}")``).

A secret is a value read from a secret store: ``os.environ`` / ``os.getenv`` with a
secret-like variable name, Django ``settings.SECRET_KEY`` and other secret-like settings,
Flask ``app.config["SECRET_KEY"]`` and ``app.secret_key``, AWS Secrets Manager
``get_secret_value()`` (its ``SecretString`` / ``SecretBinary``), SSM parameters read
``WithDecryption=True``, HashiCorp Vault, Google Secret Manager, Azure Key Vault,
``keyring.get_password`` and pydantic's ``SecretStr.get_secret_value()``; or a credential the
client sent: the request's ``Authorization`` header (also ``request.authorization``, Django
``META["HTTP_AUTHORIZATION"]``, FastAPI ``Header()`` parameters and the credentials of its
``HTTPBasic`` / ``HTTPBearer`` dependencies) and its password field
(``request.form["password"]``). Values are followed through assignments, f-strings, ``%``,
``.format``, concatenation, ``str()``, subscripts, ``.get``, attributes, containers, ``self``
attributes and helper functions of the same module. A variable, parameter, attribute, dict
key or getter (``get_api_key()``) *named* like a secret (password, passwd, secret, token,
api_key, client_secret, private_key, credentials ...) counts too, at lower confidence.

The finding points at the part of the argument that carries the secret. Confidence is high
for a secret by its source, medium for a secret known by its name only, and low when a
command-line command (a click or typer ``command``, a traitlets ``Application.start``, a
Django ``BaseCommand.handle``) prints to the console a credential it has just made
(``token = user.new_api_token(...)``, ``create_*``, ``generate_*``): that is the output the
user ran the command for (``jupyterhub token USER``).

## Why is this bad?
Log lines, console output and exception messages are copied to files, log collectors, error
trackers and support tickets, kept for months and read by many more people than the secret
was meant for. A secret in a log is a leaked secret: it must be rotated.

## Example
```python
import logging
import os

log = logging.getLogger(__name__)
API_KEY = os.environ["PAYMENT_API_KEY"]


def connect(client):
    log.info("connecting with key %s", API_KEY)
    client.authenticate(API_KEY)
```

## Use instead
```python
import logging

from pydantic import SecretStr
from pydantic_settings import BaseSettings

log = logging.getLogger(__name__)


class Settings(BaseSettings):
    payment_api_key: SecretStr


def connect(client, settings: Settings):
    log.info("connecting with key %s", settings.payment_api_key)  # logs **********
    return client.connect(settings.payment_api_key)
```

## Known problems
Not reported, by design: the *names*, ids and ARNs of secrets (``secret_id``,
``SecretId=``, ``["ARN"]``, ``["Name"]``, a variable named ``secret_name`` / ``api_key_name``
whatever it was made from, as ``secret_name = key.removeprefix("env:")``; an identifier key such as ``["ARN"]`` or
``["VersionId"]`` of any response, so ``secret_arn = self._create_or_update_secret(...)``
whose returns are ``response["ARN"]`` is an identifier), an attribute that the same class
passes to a secret store's accessor as the secret's name (``self.config.secret`` in
``get_secret_by_name(name=self.config.secret)``: it holds a name, the accessor returns the
value; also the items of a list given to an accessor that reads several, as
``fetch_secrets(secret_keys)`` after ``secret_keys.append(entry.secret_key)``), an UPPER_CASE member of an enumeration (``GrantTypes.OAUTH_PASSWORD``: a class of
the module deriving from ``Enum``, or a class named for kinds, ``*Type(s)``, ``*Kind``,
``*Mode``, ``*Method``, ``*Scheme`` ...; its value names a kind of credential; a settings
class's ``Config.API_KEY`` is still a secret), metadata fields of a secret (``.name``,
``["username"]``), ``token_type``, ``password_field``, labels of an error about a credential
(``INVALID_TOKEN``, ``ErrorCode.LOGIN_BAD_CREDENTIALS``: a name that says the credential is
bad, wrong, incorrect, invalid, expired or missing), counts (``max_tokens``), pydantic
``SecretStr`` values (they print as ``**********``; ``.get_secret_value()`` is a secret
again, low when the field is named for a certificate or a CA, ``ssl_ca``, ``client_cert``:
public material some settings classes file as a ``SecretStr`` beside the key), ``len()``, ``bool()``, comparisons (``token is None``), hashes and HMACs
(``hashlib``, ``.hexdigest()``, ``make_password``), the result of a function whose name says
it masks (``mask``, ``redact``, ``obfuscate``, ``censor``, ``scrub``, ``hash``,
``fingerprint``, ``encrypt``), and a slice of at most 4 characters with constant bounds
(``token[-4:]``, the customary masked form; ``token[:8]`` is still reported), a
translation of literals (``{"secret": _("A gift card with the same secret already
exists.")}``, and a dict of such messages read by a secret-like key), and a value read from
a key or attribute that names a file or folder (``certs["proxy-api"]["keyfile"]``,
``settings.token_path``: where a key lives, even when the variable is called ``api_key``).
Hardcoded literals are AIS101's findings, not this rule's.

Name-based findings can be wrong where a word names something else (a lexer's ``token``
object): annotate the parameter with its class (``token: Token``) or add the name to
``aisec-ignore-names``. A secret that reaches the sink through another module, or through a
function whose name hides it, is missed. ``SecretStr`` fields declared in another module
are not known.

## Options
``aisec-secret-names`` adds secret-like words, ``aisec-ignore-names`` removes names.
Name-only findings in test files follow ``aisec-secrets-in-tests`` (default: low
confidence, hidden).

## References
- [CWE-532: Insertion of Sensitive Information into Log File](https://cwe.mitre.org/data/definitions/532.html)
- [CWE-209: Generation of Error Message Containing Sensitive Information](https://cwe.mitre.org/data/definitions/209.html)
- [OWASP Logging Cheat Sheet: data to exclude](https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude)
- [OWASP Non-Human Identities Top 10 2025, NHI2: Secret Leakage](https://owasp.org/www-project-non-human-identities-top-10/2025/2-secret-leakage/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.secrets import WEAK, Secret, may_carry_secret, ruled_out, secret_kind, trace_secret
from ..analysis.frameworks import cli_command, secrets_in_tests
from ..analysis.taint import is_dead
from ..analysis.words import names_making, split_words
from ..checks import Confidence, FileContext, Hit, hit, on

LOG_METHODS = frozenset({"debug", "info", "warning", "warn", "error", "exception", "critical", "fatal", "log"})
LOG_MODULES = ("logging", "loguru", "structlog")
# Keyword arguments of logging calls that are not logged data.
_LOG_OPTIONS = frozenset({"exc_info", "stack_info", "stacklevel", "stack_level"})
# Console and warning writers: qualified name -> keyword arguments that are not output.
_CONSOLE = {
    "builtins.print": frozenset({"file", "sep", "end", "flush"}),
    "pprint.pprint": frozenset({"stream", "indent", "width", "depth", "compact", "sort_dicts", "underscore_numbers"}),
    "pprint.pp": frozenset({"stream", "indent", "width", "depth", "compact", "sort_dicts", "underscore_numbers"}),
    "sys.stdout.write": frozenset(),
    "sys.stderr.write": frozenset(),
    "click.echo": frozenset({"file", "nl", "err", "color"}),
    "click.secho": frozenset({"file", "nl", "err", "color", "fg", "bg", "bold"}),
    "typer.echo": frozenset({"file", "nl", "err", "color"}),
    "warnings.warn": frozenset({"category", "stacklevel", "source", "skip_file_prefixes"}),
}
# Console writers to the invoking user's terminal (not a log, not a warning).
_STDOUT = frozenset({"print()", "pprint.pprint()", "pprint.pp()", "sys.stdout.write()", "click.echo()", "click.secho()", "typer.echo()"})
_LOGGER_WORDS = frozenset({"log", "logger", "logging", "logs"})
_LOGGER_FACTORIES = ("logging.", "structlog.", "loguru.")


def is_logger(ctx: FileContext, expr: ast.AST) -> bool:
    """A logger object: made by a logging library, or named like one (``log``, ``logger``,
    ``self.logger``, ``app.logger``, ``audit_log``)."""
    inst = ctx.instance_of(expr) or ""
    if inst.startswith(_LOGGER_FACTORIES) or inst.endswith(("getLogger", "get_logger")):
        return True
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
    words = split_words(name)
    return bool(words) and words[-1] in _LOGGER_WORDS


def _sink(ctx: FileContext, call: ast.Call) -> tuple[str, list[ast.AST], frozenset] | None:
    """``(sink description, positional arguments, ignored keywords)`` of an output call."""
    name = ctx.call_name(call)
    func = call.func
    if name in _CONSOLE:
        short = name.split(".", 1)[1] if name.startswith("builtins.") else name
        return f"{short}()", list(call.args), _CONSOLE[name]
    method = name.rsplit(".", 1)[-1] if name else getattr(func, "attr", "")
    if method not in LOG_METHODS:
        return None
    if name is not None and name.split(".")[0] in LOG_MODULES:
        where = name
    elif isinstance(func, ast.Attribute) and is_logger(ctx, func.value):
        where = _describe(func)
    else:
        return None
    args = list(call.args[1:] if method == "log" else call.args)
    return f"{where}()", args, _LOG_OPTIONS


def _describe(func: ast.Attribute) -> str:
    parts = [func.attr]
    cur = func.value
    while isinstance(cur, ast.Attribute) and len(parts) < 4:
        parts.append(cur.attr)
        cur = cur.value
    if isinstance(cur, ast.Name):
        parts.append(cur.id)
    elif isinstance(cur, ast.Call):
        callee = cur.func
        parts.append(f"{callee.attr if isinstance(callee, ast.Attribute) else getattr(callee, 'id', '')}(...)")
    return ".".join(reversed(parts))


def _made_here(ctx: FileContext, value: ast.AST, func: ast.AST) -> bool:
    """`value` is a credential the function has just made: ``user.new_api_token(...)``, or
    a name bound to one in `func`."""
    if isinstance(value, ast.Name):
        bound = ctx.reaching_value(value)
        if bound is None or ctx.enclosing_function(bound) is not func:
            return False
        value = bound
    if not isinstance(value, ast.Call):
        return False
    func_node = value.func
    name = func_node.attr if isinstance(func_node, ast.Attribute) else getattr(func_node, "id", "")
    return names_making(name)


def _confidence(ctx: FileContext, found: Secret) -> Confidence | None:
    if found.definite:
        return Confidence.HIGH
    if found.source == WEAK:
        return Confidence.LOW
    return secrets_in_tests(ctx, Confidence.MEDIUM)


def _report(ctx: FileContext, node: ast.AST, values: list[tuple[ast.AST, str | None]], sink: str) -> Iterator[Hit]:
    """The findings for the `values` (with the keyword names they are passed under) of the
    output call or raise `node`, unless it is dead code: each value's secret by
    `secrets.trace_secret`.

    A value is walked only when `secrets.may_carry_secret` says the walk may find a secret
    in it, or its keyword name is secret-like (the walk then names it by that name): the gate
    looks at what the walk from the value can read, not at the whole file, so its answer and
    cost follow the query (a 50,000-line module that holds a ``password`` somewhere does not
    open every raise). Exact: see `may_carry_secret`.
    """
    todo = []
    for value, label in values:
        if isinstance(value, ast.Starred):
            value = value.value
        if may_carry_secret(ctx, value) or (label and secret_kind(ctx, label)):
            todo.append((value, label))
    if not todo or is_dead(ctx, node):
        return
    command = cli_command(ctx, node) if sink in _STDOUT else None
    for value, label in todo:
        found = trace_secret(ctx, value, name=label)
        if found is None:
            continue
        confidence = _confidence(ctx, found)
        if confidence is not None and command is not None and _made_here(ctx, value, command):
            confidence = Confidence.LOW  # the command's output: `app token USER` prints the new token
        if confidence is not None:
            yield hit(found.node, found.origin, sink, confidence=confidence)


@on(ast.Call, callees=LOG_METHODS | {n.rsplit(".", 1)[-1] for n in _CONSOLE})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ruled_out(ctx) and not any(k.arg and secret_kind(ctx, k.arg) for k in node.keywords):
        return  # `_report` would keep no value: `may_carry_secret` is False for each
    sink = _sink(ctx, node)
    if sink is None:
        return
    where, args, ignored = sink
    values: list[tuple[ast.AST, str | None]] = [(a, None) for a in args]
    values.extend((k.value, k.arg) for k in node.keywords if k.arg not in ignored)
    yield from _report(ctx, node, values, where)


@on(ast.Raise)
def check_raise(node: ast.Raise, ctx: FileContext) -> Iterator[Hit]:
    exc = node.exc
    if not isinstance(exc, ast.Call):
        return
    func = exc.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    if not name[:1].isupper():
        return  # an exception class (ValueError, HTTPException), not a factory (self.error(...))
    if ruled_out(ctx) and not any(k.arg and secret_kind(ctx, k.arg) for k in exc.keywords):
        return  # `_report` would keep no value: `may_carry_secret` is False for each
    # A literal message carries no secret (find_secret: constants are clean): most raises.
    values: list[tuple[ast.AST, str | None]] = [(a, None) for a in exc.args if type(a) is not ast.Constant]
    values.extend((k.value, k.arg) for k in exc.keywords if type(k.value) is not ast.Constant)
    yield from _report(ctx, node, values, f"the {name} message")
