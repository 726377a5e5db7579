"""AIS606 ssh-host-key-unverified: an SSH client that accepts any server's host key.

## What it does
Flags SSH connections set up to trust whichever host key the server presents:

- paramiko ``client.set_missing_host_key_policy(paramiko.AutoAddPolicy())`` or
  ``WarningPolicy()``, also the class passed without calling it, a policy bound to a name
  first, and a policy class of this module (a ``MissingHostKeyPolicy`` subclass) whose
  ``missing_host_key`` never raises (medium);
- asyncssh ``connect(..., known_hosts=None)`` (and ``connect_reverse``,
  ``create_connection``, ``SSHClientConnectionOptions``, ``scp``), which turns host key
  checking off;
- pysftp ``cnopts.hostkeys = None``;
- an OpenSSH command that switches checking off: ``"StrictHostKeyChecking=no"`` in a
  ``subprocess`` argument list or command string (high inside a call, medium elsewhere), and
  ``os.environ["ANSIBLE_HOST_KEY_CHECKING"] = "False"``.

``RejectPolicy``, ``load_system_host_keys()`` / ``load_host_keys()``, asyncssh's default
``known_hosts`` and ``StrictHostKeyChecking=yes`` / ``accept-new`` are clean.

## Why is this bad?
The host key is how an SSH client knows it talks to the real server. Accepting an unknown
key lets anyone on the network path (a rogue Wi-Fi, a poisoned DNS answer) pose as the server,
collect the password or agent signature and read or change every command and file. Assistants
paste ``AutoAddPolicy()`` because it makes the "not found in known_hosts" error go away.

## Example
```python
import paramiko

client = paramiko.SSHClient()
client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
client.connect("build.example.com", username="deploy")
```

## Use instead
```python
import paramiko

client = paramiko.SSHClient()
client.load_system_host_keys()
client.set_missing_host_key_policy(paramiko.RejectPolicy())
client.connect("build.example.com", username="deploy")
```

## Known problems
Fabric's ``Connection`` and other wrappers that choose a policy internally are not checked.
A custom policy class imported from another module is not judged. ``known_hosts`` taken from a
variable is trusted. A policy set only in the branch where the program's own verification
setting is off (the ``else`` of ``if self.config.verify_host_key:`` whose other branch sets
``RejectPolicy``, the body of ``if insecure:``) is not reported: it honours the user's explicit
opt-out, as AIS602 leaves ``verify=ssl_verify`` to the user; a setting bound to a constant
(``VERIFY_HOST_KEY = False``) is no one's choice and is still reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-322: Key Exchange without Entity Authentication](https://cwe.mitre.org/data/definitions/322.html)
- [CWE-295: Improper Certificate Validation](https://cwe.mitre.org/data/definitions/295.html)
- [Paramiko: client, AutoAddPolicy / WarningPolicy / RejectPolicy](https://docs.paramiko.org/en/stable/api/client.html)
- [AsyncSSH: known_hosts=None disables server host key validation](https://asyncssh.readthedocs.io/en/latest/api.html#specifying-known-hosts)
- [pysftp: CnOpts.hostkeys](https://pysftp.readthedocs.io/en/release_0.2.9/pysftp.html#pysftp.CnOpts)
- [OpenSSH ssh_config(5): StrictHostKeyChecking](https://man.openbsd.org/ssh_config#StrictHostKeyChecking)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.optout import opted_out
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.literals import constant_values, string_text_lowered
from ..analysis.patterns import lazy_compile

# https://docs.paramiko.org/en/stable/api/client.html#paramiko.client.AutoAddPolicy
ACCEPTING_POLICIES = frozenset(
    {"paramiko.AutoAddPolicy", "paramiko.client.AutoAddPolicy", "paramiko.WarningPolicy", "paramiko.client.WarningPolicy"}
)
POLICY_BASES = frozenset(
    {"paramiko.MissingHostKeyPolicy", "paramiko.client.MissingHostKeyPolicy", *ACCEPTING_POLICIES}
)
# https://asyncssh.readthedocs.io/en/latest/api.html#specifying-known-hosts:
# "If known_hosts is set to None, host key validation is disabled".
ASYNCSSH_CALLS = frozenset({"connect", "connect_reverse", "create_connection", "SSHClientConnectionOptions", "scp", "run_client"})
PYSFTP_OPTS = frozenset({"pysftp.CnOpts"})
# ssh -o StrictHostKeyChecking=no (or "StrictHostKeyChecking no" in a config text).
_STRICT_OFF = lazy_compile(r"stricthostkeychecking[ \t]{0,3}=?[ \t]{0,3}[\"']?(?:no|off|false)\b", re.IGNORECASE)
# The lowercased part of the option's name every literal that names it holds.
_OPTION = "ostkeychecking"
_FIX_PARAMIKO = "load known hosts (client.load_system_host_keys()) and keep RejectPolicy"
_FIX_OPENSSH = "keep StrictHostKeyChecking on and ship a known_hosts file"


def _policy_class(node: ast.AST, ctx: FileContext) -> ast.ClassDef | None:
    """The module's own class a name refers to."""
    if not isinstance(node, ast.Name):
        return None
    for binding in ctx.bindings_of(node):
        if isinstance(binding.target, ast.ClassDef):
            return binding.target
    return None


def _accepts_everything(cls: ast.ClassDef, ctx: FileContext) -> bool:
    """A MissingHostKeyPolicy subclass whose ``missing_host_key`` never raises."""
    if not any(ctx.qualname(base) in POLICY_BASES for base in cls.bases):
        return False
    for stmt in cls.body:
        if isinstance(stmt, ast.FunctionDef) and stmt.name == "missing_host_key":
            return not any(isinstance(n, ast.Raise) for n in ast.walk(stmt))
    # No override: the base's behaviour (MissingHostKeyPolicy itself accepts silently).
    return True


def _judge_policy(arg: ast.AST, ctx: FileContext, depth: int = 0) -> tuple[str, Confidence] | None:
    target = arg.func if isinstance(arg, ast.Call) else arg
    name = ctx.qualname(target)
    if name in ACCEPTING_POLICIES:
        return f"{name.rsplit('.', 1)[-1]}{'()' if isinstance(arg, ast.Call) else ''}", Confidence.HIGH
    cls = _policy_class(target, ctx)
    if cls is not None:
        if _accepts_everything(cls, ctx):
            return f"{cls.name}, a policy that never rejects", Confidence.MEDIUM
        return None
    if isinstance(arg, ast.Name) and depth < 3:
        value = ctx.reaching_value(arg)
        if value is not None:
            return _judge_policy(value, ctx, depth + 1)
    return None


@on(ast.Call, callees={"set_missing_host_key_policy", *ASYNCSSH_CALLS})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr == "set_missing_host_key_policy":
        if node.args and not opted_out(node, ctx):
            found = _judge_policy(node.args[0], ctx)
            if found:
                yield hit(node.args[0], found[0], _FIX_PARAMIKO, confidence=found[1])
        return
    name = ctx.call_name(node) or ""
    if not name.startswith("asyncssh."):
        return
    for kw in node.keywords:
        if kw.arg == "known_hosts" and isinstance(kw.value, ast.Constant) and kw.value.value is None:
            yield hit(kw.value, "asyncssh known_hosts=None", "pass known_hosts (the default reads ~/.ssh/known_hosts)",
                confidence=Confidence.HIGH)


@on(ast.Assign, names={"hostkeys", "ANSIBLE_HOST_KEY_CHECKING"})
def check_assign(node: ast.Assign, ctx: FileContext) -> Iterator[Hit]:
    value = node.value
    for target in node.targets:
        if (
            isinstance(target, ast.Attribute)
            and target.attr == "hostkeys"
            and isinstance(value, ast.Constant)
            and value.value is None
            and (ctx.instance_of(target.value) in PYSFTP_OPTS or ctx.imports_any(("pysftp",)))
        ):
            yield hit(value, "pysftp cnopts.hostkeys = None", "load a known_hosts file (cnopts.hostkeys.load(path))",
                confidence=Confidence.HIGH)
        elif (
            isinstance(target, ast.Subscript)
            and ctx.qualname(target.value) == "os.environ"
            and ctx.const_str(target.slice) == "ANSIBLE_HOST_KEY_CHECKING"
            and (ctx.const_str(value) or "").strip().lower() in ("false", "0", "no", "off")
        ):
            yield hit(value, "ANSIBLE_HOST_KEY_CHECKING=False", _FIX_OPENSSH, confidence=Confidence.HIGH)


@on(ast.Module)
def check_constants(_module: ast.Module, ctx: FileContext) -> Iterator[Hit]:
    """Every str literal of the file that names the OpenSSH option, in one pass from the
    module node: the length and substring tests cost less than the engine's dispatch of
    each constant to a check. First one substring search over all the file's literals at
    once, lowered (`string_text_lowered`, shared with other rules: a literal that holds the
    option's name in any case holds `_OPTION` lowered, and so does that text): most files
    name no option, and their constants are not walked. The texts are read from
    `constant_values` (item ``i`` is the ``value`` of Constant node ``i``)."""
    if _OPTION not in string_text_lowered(ctx):
        return
    for i, value in enumerate(constant_values(ctx)):
        if type(value) is str and len(value) >= 14 and _OPTION in value.lower():
            yield from _constant_hits(ctx.nodes_of(ast.Constant)[i], value, ctx)  # type: ignore[arg-type]


def _constant_hits(node: ast.Constant, value: str, ctx: FileContext) -> Iterator[Hit]:
    """The finding (at most one) for the literal `node`, whose text is `value`."""
    if not _STRICT_OFF.search(value[:4000]):
        return
    parent = ctx.parent(node)
    if isinstance(parent, ast.Expr):
        return  # a docstring or bare string: documentation
    in_call = any(isinstance(anc, ast.Call) for anc in ctx.ancestors(node))
    yield hit(node, "StrictHostKeyChecking=no", _FIX_OPENSSH, confidence=Confidence.HIGH if in_call else Confidence.MEDIUM)
