"""AIS903 credential-access: code that reads a credential (opt-in review aid).

## What it does
Marks, for review, each place that reads a secret:

- environment variables with a secret-like name (password, secret, token, API key, private
  key, credential; the same names as AIS101): ``os.environ["DB_PASSWORD"]``,
  ``os.environ.get(...)``, ``os.getenv(...)``, django-environ ``env("SECRET_KEY")`` /
  ``env.str(...)``, python-decouple ``config("API_TOKEN")``;
- pydantic ``SecretStr.get_secret_value()``, where a secret becomes a plain string;
- secret managers: AWS Secrets Manager ``get_secret_value`` and SSM ``get_parameter`` /
  ``get_parameters`` with ``WithDecryption=True``, HashiCorp Vault through hvac
  (``read_secret``, ``read_secret_version``, ``client.read``), ``keyring.get_password`` /
  ``get_credential``, Azure Key Vault ``SecretClient.get_secret``, Google Secret Manager
  ``access_secret_version``.

The finding is a fact, not a flaw: confidence is high, severity low. The rule is off by
default; turn it on with ``aisec-enable`` (all review aids: ``AIS9``), then list a change's
identity code with
``flake8 --select=AIS9 --aisec-enable=AIS9 $(git diff --name-only main -- '*.py')``.

## Why is this bad?
It is not; it is where a secret enters the program. From here it can be logged, returned,
cached in a global, sent to the wrong host or given a default (AIS104, AIS106, AIS107). A
reviewer should see where each secret goes and which identity may read it.

## Example
```python
import os

def database_url():
    return f"postgresql://app:{os.environ['DB_PASSWORD']}@db/app"
```

## Use instead
Nothing to change: the finding marks the code for review. Settings classes that declare
their secrets read them in one reviewed place, without a call to mark:

```python
from pydantic import SecretStr
from pydantic_settings import BaseSettings

class Settings(BaseSettings):
    db_password: SecretStr
```

## Known problems
Environment variables are judged by name only: ``os.environ[name]`` with a computed name is
not marked. A django-environ or environs ``Env()`` is recognised when it is called as
``env(...)`` or through its typed readers (``anything.str(...)``). Vault's generic ``client.read(path)`` is marked only on an hvac client built in
the same module.

## Options
``aisec-enable`` (``AIS9`` or ``AIS903``) turns the rule on; ``aisec-secret-names`` adds
secret-like names.

## References
- [CWE-522: Insufficiently Protected Credentials](https://cwe.mitre.org/data/definitions/522.html)
- [OWASP Secrets Management Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html)
- [AWS Secrets Manager: GetSecretValue](https://docs.aws.amazon.com/secretsmanager/latest/apireference/API_GetSecretValue.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.words import secret_name_kind
from ..checks import Confidence, FileContext, Hit, hit, on

_ENV_CALLS = frozenset({"os.getenv", "os.environ.get", "os.environ.pop", "os.environ.setdefault", "os.getenvb"})
# django-environ and python-decouple readers: https://django-environ.readthedocs.io/ ,
# https://github.com/HBNetwork/python-decouple#usage
_CONFIG_READERS = frozenset({"decouple.config", "environ.Env", "environs.Env"})
_ENV_TYPED = frozenset({"str", "bytes", "json", "url", "db", "db_url", "cache", "cache_url", "email", "email_url", "int", "list", "dict"})
# Secret manager calls (method names unique to them).
# https://boto3.amazonaws.com/v1/documentation/api/latest/reference/services/secretsmanager/client/get_secret_value.html
# https://hvac.readthedocs.io/ ; https://learn.microsoft.com/python/api/azure-keyvault-secrets/ ;
# https://cloud.google.com/secret-manager/docs/reference/libraries
_MANAGER_METHODS = {
    "get_secret_value": "AWS Secrets Manager",
    "batch_get_secret_value": "AWS Secrets Manager",
    "read_secret_version": "Vault",
    "read_secret": "Vault",
    "access_secret_version": "Google Secret Manager",
}
_SSM_METHODS = frozenset({"get_parameter", "get_parameters", "get_parameters_by_path"})
_KEYRING = {"keyring.get_password": "keyring", "keyring.get_credential": "keyring"}


def _label(expr: ast.AST) -> str:
    text = ast.unparse(expr)
    return text if len(text) <= 50 else text[:47] + "..."


def _secret_name(ctx: FileContext, expr: ast.AST | None) -> str | None:
    name = ctx.const_str(expr)
    if name and secret_name_kind(name, ctx.settings.secret_names):
        return name
    return None


def _env_reader(ctx: FileContext, func: ast.AST) -> bool:
    """``env(...)`` / ``env.str(...)`` on a django-environ or environs Env, decouple ``config``."""
    qn = ctx.qualname(func) or ""
    if qn in _CONFIG_READERS:
        return True
    base = func.value if isinstance(func, ast.Attribute) and func.attr in _ENV_TYPED else func
    return (ctx.instance_of(base) or "") in _CONFIG_READERS


@on(ast.Subscript)
def check_subscript(node: ast.Subscript, ctx: FileContext) -> Iterator[Hit]:
    """``os.environ["DB_PASSWORD"]`` read (not assigned)."""
    if not isinstance(node.ctx, ast.Load) or ctx.qualname(node.value) != "os.environ":
        return
    name = _secret_name(ctx, node.slice)
    if name:
        yield hit(node, "credential read from the environment", _label(node), confidence=Confidence.HIGH)


@on(ast.Call, callees={"getenv", "get", "pop", "setdefault", "getenvb", "config", "Env", "env", *_ENV_TYPED,
                       *_MANAGER_METHODS, *_SSM_METHODS, "get_password", "get_credential", "get_secret", "read"})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    qn = ctx.call_name(node) or ""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
    first = node.args[0] if node.args else None
    if qn in _ENV_CALLS or _env_reader(ctx, func):
        key = first if first is not None else next((k.value for k in node.keywords if k.arg in ("key", "var", "option")), None)
        name = _secret_name(ctx, key)
        if name:
            # Only the variable's name: a literal default may be a secret itself.
            yield hit(node, "credential read from the environment", f"{_label(func)}({name!r})", confidence=Confidence.HIGH)
        return
    if qn in _KEYRING:
        yield hit(node, f"credential read from {_KEYRING[qn]}", _label(func) + "()", confidence=Confidence.HIGH)
        return
    if not isinstance(func, ast.Attribute):
        return
    receiver = ctx.instance_of(func.value) or ""
    if name == "get_secret_value" and not node.args and not node.keywords:
        # pydantic SecretStr / SecretBytes: https://docs.pydantic.dev/latest/api/types/#pydantic.types.SecretStr
        yield hit(node, "secret value unwrapped", _label(func) + "()", confidence=Confidence.HIGH)
    elif name in _MANAGER_METHODS:
        yield hit(node, f"secret read from {_MANAGER_METHODS[name]}", _label(func) + "()", confidence=Confidence.HIGH)
    elif name in _SSM_METHODS and any(
        k.arg == "WithDecryption" and isinstance(k.value, ast.Constant) and k.value.value is True for k in node.keywords
    ):
        yield hit(node, "secret read from AWS SSM Parameter Store", _label(func) + "()", confidence=Confidence.HIGH)
    elif name == "get_secret" and (
        receiver.startswith("azure.keyvault") or "secret_client" in ast.unparse(func.value).lower()
    ):
        yield hit(node, "secret read from Azure Key Vault", _label(func) + "()", confidence=Confidence.HIGH)
    elif name == "read" and receiver.startswith("hvac"):
        yield hit(node, "secret read from Vault", _label(func) + "()", confidence=Confidence.HIGH)
