"""AIS411 xml-external-entities: XML parsed with entity resolution on, or untrusted XML parsed by the standard library.

## What it does
Flags XML parsers configured to resolve external entities or load DTDs, and untrusted XML
handed to parsers without protection:

- an lxml ``etree.XMLParser(...)`` / ``objectify.makeparser(...)`` / ``etree.iterparse(...)``
  with ``resolve_entities=True``, ``no_network=False``, ``load_dtd=True`` or
  ``dtd_validation=True`` (the finding points at that keyword's value);
- ``setFeature(feature_external_ges, True)`` (or external parameter entities) on a standard
  ``xml.sax`` parser (not on ``defusedxml.sax.make_parser()``);
- untrusted input parsed by ``xml.etree.ElementTree`` (``parse``, ``fromstring``, ``XML``,
  ``iterparse``), ``xml.dom.minidom`` or ``xml.dom.pulldom``, unless a ``defusedxml``
  parser is passed in.

Confidence: an entity-resolving configuration is **high** when the module parses untrusted
input (request data, an upload, the command line, a Lambda event, model output) with it and
**medium** otherwise, since it is dangerous for any document not fully trusted. Standard
library parsing of untrusted input is **medium**: current Expat refuses external entities, so
the remaining risk is entity expansion (billion laughs) on Expat older than 2.6.0; of an
unknown value it is **low** (hidden by default). ``defusedxml`` and lxml parsers built with
``resolve_entities=False`` and ``no_network=True`` are not findings.

## Why is this bad?
An external entity (``<!ENTITY x SYSTEM "file:///etc/passwd">``) makes the parser read local
files or fetch URLs (including internal services and cloud metadata) and put the result in
the parsed document, which the application often echoes back. Nested internal entities
expand a small document into gigabytes.

## Example
```python
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

@app.post("/import")
def import_orders():
    parser = etree.XMLParser(resolve_entities=True)
    root = etree.fromstring(request.data, parser)
    return {"orders": len(root)}
```

## Use instead
```python
from flask import Flask, request
from lxml import etree

app = Flask(__name__)

@app.post("/import")
def import_orders():
    parser = etree.XMLParser(resolve_entities=False, no_network=True)
    root = etree.fromstring(request.data, parser)
    return {"orders": len(root)}
```

## Known problems
lxml's default parser (used when no parser is passed) resolves internal entities and, before
lxml 5.0, local external ones; it is not reported, because the rule cannot know the
installed version. Pass an explicit hardened parser or use ``defusedxml.lxml``. A parser
built in another module and passed in is not seen. ``xml.sax.parse`` of untrusted input
without the external-entity feature is not reported.

## Options
``aisec-extra-sinks`` (``myapp.xml.parse_document:xml``) adds your own parsing helpers;
``aisec-extra-sources`` teaches the engine your own input readers.

## References
- [CWE-611: Improper Restriction of XML External Entity Reference](https://cwe.mitre.org/data/definitions/611.html)
- [CWE-776: Improper Restriction of Recursive Entity References in DTDs](https://cwe.mitre.org/data/definitions/776.html)
- [Python docs: XML vulnerabilities](https://docs.python.org/3/library/xml.html#xml-vulnerabilities)
- [lxml: XMLParser options](https://lxml.de/api/lxml.etree.XMLParser-class.html)
- [defusedxml](https://github.com/tiran/defusedxml)
- [OWASP XML External Entity Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.flow import Flow, call_arg, keyword
from ..analysis.taint import extra_sink_args, is_dead
from ..checks import Confidence, FileContext, Hit, hit, on

# lxml parser constructors and the functions that take the same options.
# https://lxml.de/api/lxml.etree.XMLParser-class.html, https://lxml.de/objectify.html
LXML_PARSERS = frozenset(
    {
        "lxml.etree.XMLParser", "lxml.etree.XMLPullParser", "lxml.objectify.makeparser",
        "lxml.etree.iterparse", "lxml.objectify.XMLParser",
    }
)
# keyword -> the value that turns the protection off.
UNSAFE_OPTIONS = (("resolve_entities", True), ("no_network", False), ("load_dtd", True), ("dtd_validation", True))
# lxml parse functions: qualified name -> (position, keyword) of the data and of the parser.
LXML_PARSE: dict[str, tuple[tuple[int, str], tuple[int, str]]] = {
    "lxml.etree.fromstring": ((0, "text"), (1, "parser")),
    "lxml.etree.XML": ((0, "text"), (1, "parser")),
    "lxml.etree.parse": ((0, "source"), (1, "parser")),
    "lxml.etree.fromstringlist": ((0, "strings"), (1, "parser")),
    "lxml.objectify.fromstring": ((0, "xml"), (1, "parser")),
    "lxml.objectify.parse": ((0, "source"), (1, "parser")),
    "lxml.objectify.XML": ((0, "xml"), (1, "parser")),
}
# Standard-library parsers: qualified name -> (position, keyword) of the data.
# https://docs.python.org/3/library/xml.html#xml-vulnerabilities
_ET = ("xml.etree.ElementTree", "xml.etree.cElementTree")
STDLIB_PARSE: dict[str, tuple[int, str]] = {
    **{f"{m}.{f}": (0, "source") for m in _ET for f in ("parse", "iterparse")},
    **{f"{m}.{f}": (0, "text") for m in _ET for f in ("fromstring", "XML", "fromstringlist")},
    "xml.dom.minidom.parse": (0, "file"),
    "xml.dom.minidom.parseString": (0, "string"),
    "xml.dom.pulldom.parse": (0, "stream_or_string"),
    "xml.dom.pulldom.parseString": (0, "string"),
}
SAX_FEATURES = frozenset({"xml.sax.handler.feature_external_ges", "xml.sax.handler.feature_external_pes"})
SAX_FEATURE_URIS = frozenset(
    {"http://xml.org/sax/features/external-general-entities", "http://xml.org/sax/features/external-parameter-entities"}
)
DOM_WITH_SAX_PARSER = frozenset(
    {"xml.dom.pulldom.parse", "xml.dom.pulldom.parseString", "xml.dom.minidom.parse", "xml.dom.minidom.parseString"}
)
STDLIB_SAX_PARSERS = frozenset({"xml.sax.make_parser", "xml.sax.expatreader.create_parser"})


class XmlFlow(Flow):
    kind = "xml"


def _unsafe_options(call: ast.Call) -> list[ast.keyword]:
    """The keywords that turn a protection off, in call order."""
    unsafe = dict(UNSAFE_OPTIONS)
    return [
        k for k in call.keywords
        if k.arg in unsafe and isinstance(k.value, ast.Constant) and bool(k.value.value) is unsafe[k.arg]
    ]


def _refers_to(ctx: FileContext, expr: ast.AST | None, target: ast.AST, depth: int = 0) -> bool:
    """True when `expr` evaluates to the object that `target` creates: the call itself, a
    name bound to it, or a call of a module function that returns it."""
    if expr is None or depth > 4:
        return False
    if expr is target:
        return True
    if isinstance(expr, ast.Name):
        return any(b.value is not None and _refers_to(ctx, b.value, target, depth + 1) for b in ctx.bindings_of(expr))
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Name):
        binds = ctx.bindings_of(expr.func)
        if len(binds) == 1 and isinstance(binds[0].target, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(binds[0].target):
                if isinstance(node, ast.Return) and _refers_to(ctx, node.value, target, depth + 1):
                    return True
    return False


def _untrusted_use(ctx: FileContext, parser: ast.AST, data_of) -> tuple[str, list]:
    """("source", origins) when module code parses untrusted data with `parser`."""
    flow = XmlFlow.of(ctx)
    for node in ctx.nodes:
        if isinstance(node, ast.Call):
            for data, used in data_of(node, ctx):
                if data is not None and _refers_to(ctx, used, parser) and not ctx.is_constant(data):
                    verdict, found = flow.judge(data)
                    if verdict == "source":
                        return verdict, found
    return "unknown", []


def _lxml_uses(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST | None, ast.AST | None]]:
    name = ctx.call_name(node)
    if name in LXML_PARSE:
        (di, dk), (pi, pk) = LXML_PARSE[name]
        yield call_arg(node, di, dk), call_arg(node, pi, pk)
    elif name is None and isinstance(node.func, ast.Attribute) and node.func.attr in ("feed", "parse"):
        yield call_arg(node, 0, "data"), node.func.value


def _sax_uses(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST | None, ast.AST | None]]:
    name = ctx.call_name(node)
    if name in DOM_WITH_SAX_PARSER:
        yield call_arg(node, 0, "stream_or_string"), call_arg(node, 1, "parser")
    elif name is None and isinstance(node.func, ast.Attribute) and node.func.attr in ("parse", "feed"):
        yield call_arg(node, 0, "source"), node.func.value


def _check_lxml_parser(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node)
    if name not in LXML_PARSERS:
        return
    bad = _unsafe_options(node)
    if not bad:
        return
    options = ", ".join(f"{k.arg}={k.value.value!r}" for k in bad)
    short = name.replace("lxml.", "")
    verdict, found = "unknown", []
    if name == "lxml.etree.iterparse":
        source = call_arg(node, 0, "source")
        if source is not None and not ctx.is_constant(source):
            verdict, found = XmlFlow.of(ctx).judge(source)
    else:
        verdict, found = _untrusted_use(ctx, node, _lxml_uses)
    if verdict == "source":
        message = f"{short}({options}) lets XML from {', '.join(found)} pull in external files and URLs"
        yield hit(bad[0].value, message, confidence=Confidence.HIGH)
    else:
        yield hit(bad[0].value, f"{short}({options}) lets XML pull in external files and URLs", confidence=Confidence.MEDIUM)


def _sax_feature(ctx: FileContext, expr: ast.AST) -> bool:
    return ctx.qualname(expr) in SAX_FEATURES or ctx.const_str(expr) in SAX_FEATURE_URIS


def _check_sax_feature(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    func = node.func
    if not (isinstance(func, ast.Attribute) and func.attr == "setFeature" and len(node.args) >= 2):
        return
    if not _sax_feature(ctx, node.args[0]):
        return
    value = node.args[1]
    if not (isinstance(value, ast.Constant) and bool(value.value)):
        return
    parser = func.value
    made_by = ctx.instance_of(parser)
    if made_by is not None and made_by not in STDLIB_SAX_PARSERS:
        return  # defusedxml.sax.make_parser() and other hardened parsers
    creator = ctx.reaching_value(parser) if isinstance(parser, ast.Name) else None
    verdict, found = ("unknown", [])
    if creator is not None:
        verdict, found = _untrusted_use(ctx, creator, _sax_uses)
    if verdict == "source":
        message = f"SAX parser with external entities on reads XML from {', '.join(found)}"
        yield hit(value, message, confidence=Confidence.HIGH)
    else:
        yield hit(value, "SAX parser with external entities on", confidence=Confidence.MEDIUM)


def _defused_parser(ctx: FileContext, call: ast.Call) -> bool:
    parser = keyword(call, "parser")
    expr = parser.value if parser is not None else (call.args[1] if len(call.args) > 1 else None)
    if expr is None:
        return False
    made_by = ctx.instance_of(expr) or ctx.qualname(expr) or ""
    return made_by.startswith("defusedxml")


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(XML data, parser description)`` for each standard-library parse of a document."""
    yield from extra_sink_args(ctx, node, "xml")
    name = ctx.call_name(node)
    if name in STDLIB_PARSE and not _defused_parser(ctx, node):
        index, kw = STDLIB_PARSE[name]
        arg = call_arg(node, index, kw)
        if arg is not None:
            yield arg, name.replace("xml.etree.", "").replace("xml.dom.", "") + "()"


# Callee names the check reports on: lxml parser constructors, standard-library parse
# functions (by the last part of their qualified name) and SAX ``parser.setFeature``.
CALLEES = frozenset({n.rsplit(".", 1)[-1] for n in LXML_PARSERS | set(STDLIB_PARSE)} | {"setFeature"})


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if is_dead(ctx, node):
        return
    yield from _check_lxml_parser(node, ctx)
    yield from _check_sax_feature(node, ctx)
    flow = XmlFlow.of(ctx)
    for arg, sink in sink_args(node, ctx):
        if ctx.is_constant(arg):
            continue
        verdict, found = flow.judge(arg)
        if verdict == "source":
            message = f"Standard-library {sink} expands entities in XML from {', '.join(found)}"
            yield hit(arg, message, confidence=Confidence.MEDIUM)
        elif verdict != "safe":
            yield hit(arg, f"Standard-library {sink} parses XML of unknown origin", confidence=Confidence.LOW)
