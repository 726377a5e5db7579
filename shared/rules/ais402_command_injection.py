"""AIS402 command-injection: a non-constant string run by a shell.

## What it does
Flags a shell command built from a non-constant value:

- ``subprocess.run`` / ``call`` / ``check_call`` / ``check_output`` / ``Popen`` with a truthy
  constant ``shell=`` and a non-constant command;
- ``os.system``, ``os.popen``, ``subprocess.getoutput``, ``subprocess.getstatusoutput`` and
  ``asyncio.create_subprocess_shell`` with a non-constant command (they always use a shell);
- an argv that starts a shell with a command string, ``["sh", "-c", value]`` (also bash, zsh,
  ``-lc``, ``cmd /c``, ``powershell -Command``), even with ``shell=False``, in subprocess or
  ``asyncio.create_subprocess_exec``.

A value is constant when built only from literals, constant names, ``sys.executable`` and
similar, or passed through ``shlex.quote`` / ``shlex.join`` / ``int()``; so is a class's own
string constant read through ``self.`` / ``cls.`` (``command: str = "/bin/bash"`` in a plain
class body, never assigned through an instance in the module). The finding points at
the command. Confidence comes from the taint engine: high when untrusted input reaches the
command (also through a helper of the module that a route calls with it; the finding stays at
the helper's shell call and names the source), medium for an unknown value (low in a test
file, ``aisec-test-paths``: tests are not deployed and their values are test data; untrusted
input stays high there). Nothing is
reported when every caller in the module passes a constant, quoted or checked value (an
allow-list or ``re.fullmatch`` guard), or in a dead branch.

## Why is this bad?
The shell parses the whole string: ``; rm -rf ~``, ``$(...)``, backticks or ``|`` in the
value run commands of the attacker's choosing with the program's privileges.

## Example
```python
import subprocess

def ping(host):
    return subprocess.run(f"ping -c 1 {host}", shell=True, capture_output=True)
```

## Use instead
```python
import subprocess

def ping(host):
    return subprocess.run(["ping", "-c", "1", "--", host], capture_output=True)
```

## Known problems
A command string passed in from another module is reported with medium confidence whether
or not its caller validated it; use an argv list. ``shell=`` set from a variable is not
judged. Program paths that are themselves untrusted (``[user_value, "--help"]`` without a
shell) are out of scope here.

## Options
``aisec-extra-sinks`` (``myapp.ops.run:shell``) adds your own shell-running functions;
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and quoting helpers.

## References
- [CWE-78: Improper Neutralization of Special Elements used in an OS Command](https://cwe.mitre.org/data/definitions/78.html)
- [Python docs: subprocess, security considerations](https://docs.python.org/3/library/subprocess.html#security-considerations)
- [Python docs: shlex.quote](https://docs.python.org/3/library/shlex.html#shlex.quote)
- [OWASP OS Command Injection Defense Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/OS_Command_Injection_Defense_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import class_constant, unknown_origin
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

SUBPROCESS_CALLS = frozenset(
    f"subprocess.{n}" for n in ("run", "call", "check_call", "check_output", "Popen")
)
ALWAYS_SHELL = frozenset(
    {
        "os.system",
        "os.popen",
        "subprocess.getoutput",
        "subprocess.getstatusoutput",
        "asyncio.create_subprocess_shell",
        "commands.getoutput",
        "commands.getstatusoutput",
    }
)
EXEC_CALLS = SUBPROCESS_CALLS | {"asyncio.create_subprocess_exec"}
SHELLS = frozenset({"sh", "bash", "zsh", "dash", "ksh", "ash", "fish", "cmd", "cmd.exe", "powershell", "pwsh", "powershell.exe"})
_SHELL_FLAG = lazy_compile(r"^(?:-[a-zA-Z]*c|/c|/C|-Command|-command|-EncodedCommand)$")


def _command_arg(call: ast.Call, names: tuple[str, ...]) -> ast.AST | None:
    if call.args:
        return call.args[0]
    return next((k.value for k in call.keywords if k.arg in names), None)


def _judge(ctx: FileContext, expr: ast.AST, sink: str) -> Iterator[Hit]:
    """One finding for a non-constant command, unless the engine saw it sanitized."""
    if is_dead(ctx, expr):
        return
    seen, found = ctx.taint.judge(expr, "shell")
    if seen == "safe":
        return
    where = f"{sink} (from {', '.join(found)})" if found else sink
    yield hit(expr, where, confidence=Confidence.HIGH if seen == "source" else unknown_origin(ctx, Confidence.MEDIUM))


def _argv(expr: ast.AST | None, ctx: FileContext) -> list[ast.AST] | None:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if isinstance(expr, (ast.List, ast.Tuple)):
        return list(expr.elts)
    return None


def _shell_payload(argv: list[ast.AST], ctx: FileContext) -> ast.AST | None:
    """The non-constant command string of ``[shell, -c, command]``, if any."""
    if len(argv) < 3:
        return None
    program = ctx.const_str(argv[0])
    if program is None or program.replace("\\", "/").rsplit("/", 1)[-1].lower() not in SHELLS:
        return None
    for i in range(1, len(argv) - 1):
        flag = ctx.const_str(argv[i])
        if flag is not None and _SHELL_FLAG.match(flag):
            payload = argv[i + 1]
            if isinstance(payload, ast.Starred) or not ctx.is_constant(payload):
                return payload
            return None
    return None


def _shell_on(call: ast.Call) -> bool:
    for kw in call.keywords:
        if kw.arg == "shell":
            return isinstance(kw.value, ast.Constant) and bool(kw.value.value)
    return False


@on(ast.Call, callees={n.rsplit(".", 1)[-1] for n in ALWAYS_SHELL | EXEC_CALLS})
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    for arg, sink in sink_args(node, ctx):
        yield from _judge(ctx, arg, sink)


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(non-constant command, sink description)`` for each shell sink of a call."""
    for arg, sink in extra_sink_args(ctx, node, "shell"):
        if not ctx.is_constant(arg):
            yield arg, sink
    name = ctx.call_name(node)
    if name is None:
        return
    if name in ALWAYS_SHELL:
        cmd = _command_arg(node, ("command", "cmd"))
        if cmd is not None and not ctx.is_constant(cmd) and not class_constant(ctx, cmd, annotated=True):
            yield cmd, f"{name}()"
        return
    if name not in EXEC_CALLS:
        return
    if name == "asyncio.create_subprocess_exec":
        argv: list[ast.AST] | None = list(node.args)
    else:
        cmd = _command_arg(node, ("args",))
        if cmd is None:
            return
        if _shell_on(node):
            target = cmd
            elts = _argv(cmd, ctx)
            if elts:
                target = elts[0]
            if not ctx.is_constant(target) and not class_constant(ctx, target, annotated=True):
                yield target, f"{name}(shell=True)"
            return
        argv = _argv(cmd, ctx)
    if argv:
        payload = _shell_payload(argv, ctx)
        if payload is not None:
            yield payload, f"{name}() through a '-c' shell argv"
