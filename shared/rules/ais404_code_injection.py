"""AIS404 code-injection: a non-constant string run as Python by eval, exec or compile.

## What it does
Flags the source argument of the builtins ``eval``, ``exec`` and ``compile`` (also called as
``builtins.eval`` and the like) when it is not a constant:

- **high** confidence when untrusted input reaches it: request data, route parameters, the
  command line, ``input()``, a Lambda event or language-model output, also through a helper
  of the same module that a route or script calls with it (the finding stays at the helper's
  ``eval``, where the fix goes, and names the source);
- **medium** when the code is built by formatting (f-string, ``+``, ``%``, ``str.format``)
  from a parameter nobody in the module calls or another non-constant value (low in a test
  file, ``aisec-test-paths``: tests are not deployed and their values are test data; input
  from a source stays high there);
- **low** (hidden by default) for a whole string passed in (``def run(code): exec(code)``,
  the shape of debuggers and code generators) or read from elsewhere, such as
  ``exec(open(path).read())`` in a ``setup.py``.

``eval(code)`` of a code object made by ``compile(...)`` is judged at the ``compile`` call;
``compile(..., flags=ast.PyCF_ONLY_AST)`` only parses and is not a sink, and neither is a
``compile(...)`` whose code object is discarded (a statement of its own, as in ``try:
compile(source, "<check>", "exec") except SyntaxError:``): it checks the syntax, and a code
object runs only when ``exec`` / ``eval`` is given it (Python docs, ``compile``).
Nothing is reported for constants, items of constant tables (``exec(SNIPPETS[name])``),
values spliced in as their ``repr()`` (``f"run(flow_id={flow_id!r})"``, ``repr(x)``: a Python
literal of a str, number or container), values converted with ``int()`` / ``float()`` or
checked against an allow-list, a
``re.fullmatch`` pattern or ``str.isidentifier()`` / ``isdigit()`` before use (an ``if`` that
rejects and returns, raises or aborts), ``ast.literal_eval``, or code in a dead branch.

## Why is this bad?
``eval`` and ``exec`` run their argument as Python with all the program's privileges: a value
like ``__import__("os").system("id")`` runs a command. An empty ``__builtins__`` is no
sandbox, since object attributes lead back to ``os`` and ``subprocess``.

## Example
```python
from flask import request


def total():
    return eval(request.args["expr"])
```

## Use instead
```python
import ast

from flask import request


def total():
    return ast.literal_eval(request.args["expr"])
```

## Known problems
A string passed in from another module is reported with medium confidence whether or not its
caller validated it. The ``repr()`` of an object whose class writes its own ``__repr__`` from
its data is not a literal; such objects do not come from input, and are not told apart. Code objects built by other means (``ast.parse`` then ``compile``,
``types.FunctionType``) and other code runners (``code.InteractiveInterpreter``,
``runpy``) are not modelled. A validity check counts only when it rejects and leaves the
function (or encloses the ``eval``) in the same function.

## Options
``aisec-extra-sinks`` entries of kind ``code`` (``myapp.scripting.run:code``) are judged like
``eval``; ``aisec-extra-sanitizers`` and ``aisec-extra-sources`` apply as everywhere.

## References
- [CWE-94: Improper Control of Generation of Code ('Code Injection')](https://cwe.mitre.org/data/definitions/94.html)
- [CWE-95: Eval Injection](https://cwe.mitre.org/data/definitions/95.html)
- [Python docs: eval, exec and compile](https://docs.python.org/3/library/functions.html#eval)
- [Python docs: ast.literal_eval](https://docs.python.org/3/library/ast.html#ast.literal_eval)
- [OWASP Code Injection](https://owasp.org/www-community/attacks/Code_Injection)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import argument, dotted, is_built, judge_value, unknown_origin
from ..checks import Confidence, FileContext, Hit, hit, on

# Builtins that run a string as Python: https://docs.python.org/3/library/functions.html#eval
# (eval, exec, compile); the keyword names are those of their signatures.
CODE_SINKS = {
    "builtins.eval": ("source", "expression"),
    "builtins.exec": ("source", "object"),
    "builtins.compile": ("source",),
}
_BUILTIN_ALIASES = ("builtins.", "builtins.__builtins__.", "__builtin__.")
_COMPILE = "builtins.compile"


# --- Value judgement shared by AIS403, AIS404, AIS412 and AIS413 ---------------------------
# The taint engine answers for a whole expression. These helpers split a built string into
# the values it is made of (following local variables) so that validity checks the engine
# does not model yet, sanitizers a rule knows, and Django's URL kwargs are honoured per part.
# Candidates for the engine (see the report): `validated`, `local_source`.







































# --- AIS404 -------------------------------------------------------------------------------


def _builtin_sink(ctx: FileContext, call: ast.Call) -> str | None:
    """``"builtins.eval"`` / ``exec`` / ``compile`` for a call of one of them, by any alias."""
    name = ctx.call_name(call)
    if name is None:
        return None
    for prefix in _BUILTIN_ALIASES:
        if name.startswith(prefix):
            short = "builtins." + name[len(prefix):]
            if short in CODE_SINKS:
                return short
    return None


def _compiled(ctx: FileContext, expr: ast.AST) -> bool:
    """True for a code object from ``compile(...)``: judged where it is compiled."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        expr = value if value is not None else expr
    return isinstance(expr, ast.Call) and _builtin_sink(ctx, expr) == _COMPILE


def _only_ast(flags: ast.AST | None) -> bool:
    """``compile(..., flags=ast.PyCF_ONLY_AST)`` only parses (it is what ``ast.parse`` does)."""
    return flags is not None and any(
        (dotted(n) or "").endswith("PyCF_ONLY_AST") for n in ast.walk(flags) if isinstance(n, (ast.Name, ast.Attribute))
    )


def sink_args(call: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(source argument, "eval()")`` for each place a call runs a string as Python."""
    yield from extra_sink_args(ctx, call, "code")
    sink = _builtin_sink(ctx, call)
    if sink is None:
        return
    arg = argument(call, 0, CODE_SINKS[sink])
    if arg is None or isinstance(arg, ast.Starred):
        return
    if sink != _COMPILE and _compiled(ctx, arg):
        return
    if sink == _COMPILE and _only_ast(argument(call, 3, ("flags",))):
        return
    if sink == _COMPILE and isinstance(ctx.parent(call), ast.Expr):
        return  # `try: compile(code, "<x>", "exec") except SyntaxError`: a syntax check, nothing runs
    yield arg, sink.rsplit(".", 1)[-1] + "()"


# Callee names of the sinks (every alias in `_BUILTIN_ALIASES` ends in the same name).
CALLEES = frozenset(n.rsplit(".", 1)[-1] for n in CODE_SINKS)


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    for arg, sink in sink_args(node, ctx):
        if ctx.is_constant(arg) or is_dead(ctx, node):
            continue
        found = judge_value(ctx, arg, "code")
        if found.level == "safe":
            continue
        built = is_built(ctx, arg)
        if found.level == "source":
            yield hit(arg, f"Input from {found.describe()}", sink, confidence=Confidence.HIGH)
        elif found.level == "param":
            text = found.describe()
            what = f"A string built from {text}" if built else text[:1].upper() + text[1:]
            yield hit(arg, what, sink, confidence=unknown_origin(ctx, Confidence.MEDIUM) if built else Confidence.LOW)
        else:
            what = "A string built from a non-constant value" if built else "A non-constant value"
            yield hit(arg, what, sink, confidence=unknown_origin(ctx, Confidence.MEDIUM) if built else Confidence.LOW)
