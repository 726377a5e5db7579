"""The program's own verification switch: code that runs only where the user turned it off.

A client that verifies by default and offers a setting to stop (``verify_ssl``,
``verify_host_key``, ``insecure``) honours that opt-out in the branch where the setting is off:
``if self.config.verify_ssl is False: urllib3.disable_warnings(...)``, the ``else`` of ``if
settings.verify_tls:``. That is the same choice ``verify=ssl_verify`` leaves to the user, which
the rules do not judge. A setting bound to a constant (``VERIFY_SSL = False``) is no one's
choice and does not count; a branch on another condition does not either.
"""

from __future__ import annotations

import ast

from .context import FileContext
from .words import split_words

__all__ = ["opted_out"]

# A setting that turns verification on (``ssl_verify``, ``verify_tls``) or off (``insecure``).
_ON_WORDS = frozenset({"verify", "verification"})
_OFF_WORDS = frozenset({"insecure"})
# Also on: a check verb with a certificate word (``validate_certs``, Ansible's and
# arize-phoenix's name for it; ``check_certificate``).
_CHECK_WORDS = frozenset({"validate", "validation", "check"})
_CERT_WORDS = frozenset({"cert", "certs", "certificate", "certificates"})
_NEGATED = {"on": "off", "off": "on", None: None}


def _setting(expr: ast.AST, ctx: FileContext, depth: int = 0) -> str | None:
    """"on" for a value named as the verification setting (``ssl_verify``, ``self.verify``,
    ``self.validate_certs``,
    ``config["verify_ssl"]``, ``opts.get("verify")``, or a name bound to a call given one:
    ``cfg = get_ssl_configuration(ssl_verify)``), "off" for an ``insecure`` one, else None."""
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
        name = ctx.const_str(expr.args[0])
    elif isinstance(expr, ast.Subscript):
        name = ctx.const_str(expr.slice)
    elif isinstance(expr, ast.Attribute):
        name = expr.attr
    elif isinstance(expr, ast.Name):
        name = expr.id
    else:
        return None
    words = set(split_words(name or ""))
    if words & _OFF_WORDS:
        return "off"
    if words & _ON_WORDS or (words & _CHECK_WORDS and words & _CERT_WORDS):
        return "on"
    if isinstance(expr, ast.Name) and depth == 0:
        value = ctx.reaching_value(expr)
        if isinstance(value, ast.Call):
            found = {_setting(a, ctx, 1) for a in [*value.args, *(k.value for k in value.keywords)]} - {None}
            if len(found) == 1:
                return found.pop()
    return None


def _when_true(test: ast.AST, ctx: FileContext) -> str | None:
    """What a branch test being true says of the verification setting: "on", "off" or None.
    ``if not ssl_verify``, ``if cfg is False``, ``if insecure`` are "off"."""
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        return _NEGATED[_when_true(test.operand, ctx)]
    if isinstance(test, ast.Compare) and len(test.ops) == 1:
        right = test.comparators[0]
        if isinstance(right, ast.Constant) and isinstance(right.value, bool):
            positive = isinstance(test.ops[0], (ast.Is, ast.Eq)) == right.value
            found = None if ctx.is_constant(test.left) else _setting(test.left, ctx)
            return found if positive else _NEGATED[found]
        return None
    return None if ctx.is_constant(test) else _setting(test, ctx)  # VERIFY_SSL = False: no user chose it


def opted_out(node: ast.AST, ctx: FileContext) -> bool:
    """True when `node` runs only in the branch where the program's own verification setting
    is off (``if ssl_verify is False:`` body, ``if verify:`` else branch, ``if insecure:``
    body, the ``else`` of ``if self.config.verify_host_key:``): the code honours the user's
    explicit opt-out, as ``verify=ssl_verify`` does."""
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.ClassDef)):
            return False
        if isinstance(anc, ast.If) and child is not anc.test:
            state = _when_true(anc.test, ctx)
            if state is not None and (state == "off") == (child in anc.body):
                return True
        child = anc
    return False
