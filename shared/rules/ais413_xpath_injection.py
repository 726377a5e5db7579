"""AIS413 xpath-injection: an XPath expression or XSLT parameter built from untrusted input.

## What it does
Flags the expression of an XPath query when it is built from a non-constant value:

- lxml ``tree.xpath(expr)``, ``etree.XPath(expr)``, ``etree.ETXPath(expr)`` and calls of an
  ``etree.XPathEvaluator`` (also its ``evaluate`` method); parsel and Scrapy
  ``Selector.xpath`` / ``response.xpath``; ``elementpath.select`` / ``iter_select`` /
  ``Selector``;
- ElementTree and lxml ``find`` / ``findall`` / ``findtext`` / ``iterfind`` paths with a
  predicate or step (``[``, ``@``, ``/``) in modules that import an XML library;
- XSLT parameters: keyword arguments of a call of an ``etree.XSLT`` transform, and of
  ``tree.xslt(...)``, which lxml evaluates as XPath expressions.

Values passed as XPath variables (``tree.xpath("//u[@name=$name]", name=value)``) or as
``etree.XSLT.strparam(value)`` are safe, and so are integer casts, allow-list and full-match
checks and constants. Confidence: **high** when untrusted input (request data, route
parameters, the command line, a Lambda event, model output) reaches the expression, also
through a helper of the module; **medium** when a parameter of a function nobody in the
module calls is formatted into it (low in a test file, ``aisec-test-paths``: tests are not
deployed and their values are test data); **low** (hidden by default) when a whole expression is
passed in or a value of unknown origin is formatted into it.

## Why is this bad?
A value spliced into XPath is parsed as XPath: ``' or '1'='1`` turns a key lookup into
"any key", ``'] | //user/password | //x['`` reads other parts of the document, and XSLT
parameters can call ``document()`` to load local files. Unlike SQL there is no escaping
function for XPath string literals; variables are the fix.

## Example
```python
from flask import request
from lxml import etree

USERS = etree.parse("users.xml")


def find_user():
    name = request.args["name"]
    return USERS.xpath(f"//user[@name='{name}']")
```

## Use instead
```python
from flask import request
from lxml import etree

USERS = etree.parse("users.xml")


def find_user():
    return USERS.xpath("//user[@name=$name]", name=request.args["name"])
```

## Known problems
``.xpath()`` is recognised on any object; ``find``-style paths only when the constant text
looks like a path. A compiled ``etree.XPath`` stored and called later is judged where it is
compiled. Other XPath engines (``py-dom-xpath``, Selenium's ``By.XPATH``) are not modelled.

## Options
``aisec-extra-sanitizers`` entries of kind ``xpath`` add functions that make a value safe
(``myapp.xml.quote_literal:xpath``).

## References
- [CWE-643: Improper Neutralization of Data within XPath Expressions ('XPath Injection')](https://cwe.mitre.org/data/definitions/643.html)
- [lxml: XPath and XSLT, "The xpath() method" (variables)](https://lxml.de/xpathxslt.html#the-xpath-method)
- [lxml: XSLT stylesheet parameters and XSLT.strparam()](https://lxml.de/xpathxslt.html#stylesheet-parameters)
- [parsel: Using XPath variables](https://parsel.readthedocs.io/en/latest/usage.html#variables-in-xpath-expressions)
- [OWASP XPath Injection](https://owasp.org/www-community/attacks/XPATH_Injection)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import argument, judge_value, query_confidence
from ..checks import FileContext, Hit, hit, on

# lxml: https://lxml.de/api/lxml.etree-module.html (XPath, ETXPath, XPathEvaluator, XSLT)
XPATH_CLASSES = {"lxml.etree.XPath": ("path",), "lxml.etree.ETXPath": ("path",), "elementpath.Selector": ("path",)}
EVALUATORS = frozenset({"lxml.etree.XPathEvaluator", "lxml.etree.XPathDocumentEvaluator", "lxml.etree.XPathElementEvaluator"})
# elementpath.select(root, path, ...): https://elementpath.readthedocs.io/en/latest/xpath_api.html
PATH_SECOND = frozenset({"elementpath.select", "elementpath.iter_select"})
XSLT_CLASSES = frozenset({"lxml.etree.XSLT"})
# `_path` is lxml's keyword, `query` parsel's.
XPATH_KEYWORDS = ("_path", "path", "query", "xpath")
# ElementTree / lxml ElementPath methods: https://docs.python.org/3/library/xml.etree.elementtree.html#elementpath-support
FIND_METHODS = frozenset({"find", "findall", "findtext", "iterfind"})
# Keyword arguments of an XSLT call or tree.xslt() that are not stylesheet parameters.
XSLT_OPTIONS = frozenset({"profile_run", "extensions", "access_control"})
XML_MODULES = ("xml", "lxml", "defusedxml", "elementtree", "cElementTree")
# lxml passes strparam()'s value as a string, never evaluated.
SANITIZERS = frozenset({"lxml.etree.XSLT.strparam"})
SANITIZING_METHODS = frozenset({"strparam"})
_PATH_MARKS = ("[", "@", "/")


def _imports_xml(ctx: FileContext) -> bool:
    return ctx.imports_any(XML_MODULES)


def _constant_text(ctx: FileContext, expr: ast.AST) -> str:
    """The literal text in an expression and in the variables it reads (one hop)."""
    out = []
    nodes = [expr]
    if isinstance(expr, ast.Name):
        nodes.extend(b.value for b in ctx.reaching_bindings(expr) if b.value is not None)
    for root in nodes:
        for node in ast.walk(root):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                out.append(node.value)
    return "".join(out)


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(expression argument, description)`` for each XPath or XSLT-parameter sink of a call."""
    yield from extra_sink_args(ctx, node, "xpath")
    yield from _named_sinks(node, ctx)
    yield from _object_sinks(node, ctx)


def _named_sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """Sinks a call has by its callee name: only calls named in `CALLEES` have any."""
    func = node.func
    name = ctx.call_name(node)
    if name in XPATH_CLASSES:
        arg = argument(node, 0, XPATH_CLASSES[name])
        if arg is not None:
            yield arg, f"{name.rsplit('.', 1)[-1]}()"
        return
    if name in PATH_SECOND:
        arg = argument(node, 1, ("path",))
        if arg is not None:
            yield arg, f"{name.rsplit('.', 1)[-1]}()"
        return
    if not isinstance(func, ast.Attribute) or name is not None:
        return
    if func.attr == "xpath":
        arg = argument(node, 0, XPATH_KEYWORDS)
        if arg is not None:
            yield arg, "xpath()"
    elif func.attr == "evaluate" and ctx.instance_of(func.value) in EVALUATORS:
        arg = argument(node, 0, XPATH_KEYWORDS)
        if arg is not None:
            yield arg, "evaluate()"
    elif func.attr == "xslt" and _imports_xml(ctx):
        yield from _xslt_params(node, "xslt()")
    elif func.attr in FIND_METHODS and _imports_xml(ctx):
        receiver = ctx.instance_of(func.value) or ""
        arg = argument(node, 0, ("path",))
        if arg is None or receiver.startswith(("re.", "regex.")):
            return
        if any(mark in _constant_text(ctx, arg) for mark in _PATH_MARKS):
            yield arg, f"{func.attr}()"


def _object_sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """A call of an XPath evaluator or XSLT object (``evaluator(expr)``, ``XSLT(doc)(tree,
    p=...)``), held in a variable of any name: no callee name says so."""
    func = node.func
    if isinstance(func, ast.Name):
        if ctx.call_name(node) is not None:
            return  # an imported or builtin callee: not an object the module made
        called = ctx.instance_of(func)
    elif isinstance(func, ast.Call):
        called = ctx.call_name(func)
    else:
        return  # a method call: see `_named_sinks`
    if called in EVALUATORS:
        arg = argument(node, 0, XPATH_KEYWORDS)
        if arg is not None:
            yield arg, f"{called.rsplit('.', 1)[-1]}()"
    elif called in XSLT_CLASSES:
        yield from _xslt_params(node, "XSLT()")


def _xslt_params(node: ast.Call, sink: str) -> Iterator[tuple[ast.AST, str]]:
    for kw in node.keywords:
        if kw.arg is not None and kw.arg not in XSLT_OPTIONS:
            yield kw.value, f"{sink} as the parameter '{kw.arg}'"


# Top-level packages of the objects `_object_sinks` knows: their qualified names come from
# an import of one of these.
_OBJECT_MODULES = tuple(sorted({n.split(".", 1)[0] for n in EVALUATORS | XSLT_CLASSES}))
# Callee names `_named_sinks` reports on: classes and functions by the last part of their
# qualified name, and methods.
CALLEES = frozenset(
    {n.rsplit(".", 1)[-1] for n in {*XPATH_CLASSES, *PATH_SECOND}} | {"xpath", "evaluate", "xslt"} | FIND_METHODS
)


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    yield from _report(node, ctx, [*extra_sink_args(ctx, node, "xpath"), *_named_sinks(node, ctx)])


def _imports_evaluators(ctx: FileContext) -> bool:
    return ctx.imports_any(_OBJECT_MODULES)


@on(ast.Call, when=_imports_evaluators)
def check_object_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    """Evaluator and XSLT objects are called under whatever name the module gave them, so
    this part sees every call of a module that imports one of the evaluators' packages (it
    stops at once for methods and imported or builtin callees)."""
    sinks = list(_object_sinks(node, ctx))
    if sinks:
        yield from _report(node, ctx, sinks)


def _report(node: ast.Call, ctx: FileContext, sinks: list[tuple[ast.AST, str]]) -> Iterator[Hit]:
    for arg, sink in sinks:
        if isinstance(arg, ast.Starred) or ctx.is_constant(arg) or is_dead(ctx, node):
            continue
        found = judge_value(ctx, arg, "xpath", sanitizers=SANITIZERS, sanitizing_methods=SANITIZING_METHODS)
        conf = query_confidence(ctx, arg, found)
        if conf is not None:
            yield hit(arg, found.describe(), sink, confidence=conf)
