"""Web response knowledge: header writes, response objects and open-redirect shapes.

`header_writes` yields the (header name, value) pairs a node writes into a response (Flask,
Django, Starlette, aiohttp and friends); `open_redirect` decides whether a value used as a
redirect target lets the client choose the host (no fixed scheme and authority before the
untrusted part). Shared by AIS409 open-redirect and AIS410 header-injection.
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..findings import Confidence
from .context import FileContext
from .judgement import from_params, is_check_of, judge, roots
from .strings import constant, string_parts
from .taint import identifier_view, is_dead, own_nodes, spelled_lines
from .words import split_words
from .patterns import lazy_compile

__all__ = ['HEADER_CALLEES', 'header_nodes', 'header_writes', 'may_write_headers', 'open_redirect']

# Request attributes that name the page being served (Flask request.url / full_path / path,
# Django get_full_path / path / path_info): redirecting there stays on this site.
SAME_PAGE_ORIGINS = frozenset(
    {"request.url", "request.base_url", "request.full_path", "request.path", "request.get_full_path", "request.path_info"}
)


# Modules whose ``*Response`` classes take a ``headers=`` mapping for the response.
RESPONSE_MODULES = ("flask", "werkzeug", "quart", "django", "starlette", "fastapi", "sanic", "aiohttp", "litestar", "bottle")


# Methods of a headers object that set a value: Werkzeug Headers.add / set / setdefault /
# add_header, Starlette MutableHeaders.append / setdefault, email.message-style add_header.
HEADER_SETTERS = frozenset({"add", "set", "setdefault", "add_header", "append", "__setitem__"})


_HEADER_NAME = lazy_compile(r"^[A-Z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*$")


def _tail(func: ast.AST) -> str:
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def is_response_call(ctx: FileContext, call: ast.Call) -> bool:
    """A web framework's response constructor (``flask.Response``, ``HttpResponse``, ...)."""
    name = ctx.call_name(call) or ""
    return name.split(".")[0] in RESPONSE_MODULES and (
        name.rsplit(".", 1)[-1].endswith("Response") or name.endswith("make_response")
    )


# Calls of web frameworks that return a response object (besides ``*Response`` classes).
RESPONSE_FACTORIES = frozenset(
    {"make_response", "jsonify", "render", "render_template", "redirect", "send_file", "send_from_directory", "render_to_response"}
)


_RESPONSE_WORDS = frozenset({"response", "resp", "res", "rsp", "reply"})


def is_response_object(ctx: FileContext, expr: ast.AST) -> bool:
    """A server response (not an outgoing request or a client session, whose ``headers``
    look the same): made by a framework's response class or factory, a parameter annotated
    ``Response``, or a name that says so (``resp``, ``response``, ``error_response``)."""
    inst = ctx.instance_of(expr)
    if inst is not None:
        last = inst.rsplit(".", 1)[-1]
        return inst.split(".")[0] in RESPONSE_MODULES and (last.endswith("Response") or last in RESPONSE_FACTORIES)
    name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
    if _RESPONSE_WORDS & set(split_words(name)):
        return True
    if isinstance(expr, ast.Name):
        for b in ctx.bindings_of(expr):
            ann = getattr(b.target, "annotation", None)
            ann_name = ann.id if isinstance(ann, ast.Name) else getattr(ann, "attr", "")
            if b.kind == "param" and ann_name.endswith("Response"):
                return True
    return False


def _dict_items(ctx: FileContext, expr: ast.AST | None) -> Iterator[tuple[str | None, ast.AST]]:
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if isinstance(expr, ast.Dict):
        for key, value in zip(expr.keys, expr.values):
            if key is not None:
                yield ctx.const_str(key), value
    elif isinstance(expr, (ast.List, ast.Tuple)):
        for elt in expr.elts:
            if isinstance(elt, ast.Tuple) and len(elt.elts) == 2:
                yield ctx.const_str(elt.elts[0]), elt.elts[1]


def header_writes(node: ast.AST, ctx: FileContext) -> Iterator[tuple[str | None, ast.AST]]:
    """``(header name or None, value)`` for each response header a node sets."""
    if not may_write_headers(node, ctx):
        return iter(())
    return _header_writes(node, ctx)


# How the callee names of response classes and factories end (`may_write_headers`).
RESPONSE_ENDINGS = ("Response", "make_response")


def may_write_headers(node: ast.AST, ctx: FileContext) -> bool:
    """A cheap necessary condition for `header_writes` to yield (AIS409 and AIS410 ask about
    every call, assignment and dict): a header setter method, a callee whose name ends like a
    response class or factory, ``start_response``, a subscript target, a dict key that may
    be ``"statusCode"``."""
    kind = type(node)
    if kind is ast.Call:
        func = node.func  # type: ignore[attr-defined]
        if type(func) is ast.Attribute:
            attr = func.attr
            if attr in HEADER_SETTERS:  # on `<response>.headers`, or a response's setdefault
                receiver = func.value
                if len(node.args) >= 2 and (attr == "setdefault" or (type(receiver) is ast.Attribute and receiver.attr == "headers")):  # type: ignore[attr-defined]
                    return True
            return attr.endswith(RESPONSE_ENDINGS)
        if type(func) is ast.Name:
            return func.id == "start_response" or (ctx.call_name(node) or "").endswith(RESPONSE_ENDINGS)  # type: ignore[arg-type]
        return False
    if kind is ast.Assign:
        for target in node.targets:  # type: ignore[attr-defined]
            if type(target) is ast.Subscript:
                return True
        return False
    if kind is ast.Dict:
        for key in node.keys:  # type: ignore[attr-defined]
            if type(key) is ast.Name or (type(key) is ast.Constant and key.value in _STATUS_CODE_KEYS):  # type: ignore[union-attr]
                return True
        return False
    return True


_STATUS_CODE_KEYS = ("statusCode", b"statusCode")

# The callee names (`checks.callee_key`) under which `may_write_headers` accepts a call by
# its name: the header setters and PEP 3333's ``start_response``. A check that declares them
# as ``callees`` sees those calls; `header_nodes` lists the other nodes that may write.
HEADER_CALLEES = HEADER_SETTERS | {"start_response"}


def header_nodes(ctx: FileContext) -> list[ast.AST]:
    """The nodes `may_write_headers` accepts that a check of calls to `HEADER_CALLEES` does
    not see: calls to a response class or factory by pattern (any ``*Response``,
    ``*make_response``), assignments to a subscript, dicts that may be an API Gateway
    response. Memoised per file: AIS409 and AIS410 read them in one pass each instead of
    being asked about every call, assignment and dict.

    A call reached by pattern writes headers only through `is_response_call`, whose callee
    resolves through an import of `RESPONSE_MODULES`, and its callee name (or the name it
    was imported as) is spelled in the file: calls are read only in a file that has both
    (a call named ``start_response`` under another callee name, ``from m import f as
    start_response``, in any file that spells it). Assignments are found from the file's
    subscripts, which are fewer."""
    found = ctx.__dict__.get("_aisec_header_nodes")
    if found is not None:
        return found
    found = []
    # One search of the identifier text (memoised per file, and read by most gates anyway)
    # for the part all three words share, then the words themselves in the few files that
    # spell it: the same answers as `taint.mentions` of each word.
    view = identifier_view(ctx)
    if view is None:
        by_pattern, by_name = ctx.imports_any(RESPONSE_MODULES), True
    elif "esponse" not in view:
        by_pattern = by_name = False
    else:
        by_pattern = ctx.imports_any(RESPONSE_MODULES) and ("Response" in view or "make_response" in view)
        by_name = by_pattern or "start_response" in view
    if by_name:
        attribute_type, name_type = ast.Attribute, ast.Name
        ends = RESPONSE_ENDINGS
        # A called name's qualified name (`call_name`) is an import's or a builtin's: it can
        # end like a response class or factory only for a name imported as one, so the other
        # called names are not resolved.
        imported = ctx.import_aliases(lambda q: q.endswith(ends)) if by_pattern else ()
        # Each call taken below spells one of these words on its callee's line (an
        # attribute's end line, a name's line): only the statements spanning them are read.
        lines = spelled_lines(ctx, [*(ends if by_pattern else ()), "start_response", *sorted(imported)])
        for call in ctx.nodes_of(ast.Call) if lines is None else ctx.nodes_near_lines(ast.Call, lines):
            func = call.func  # type: ignore[attr-defined]
            kind = type(func)
            if kind is attribute_type:
                # `callee_key` is the attribute, and a setter's name is in HEADER_CALLEES.
                if by_pattern and func.attr.endswith(ends) and func.attr not in HEADER_CALLEES:
                    found.append(call)
            elif kind is name_type and (func.id in imported or func.id == "start_response"):
                qualified = ctx.call_name(call)  # type: ignore[arg-type]
                key = qualified.rsplit(".", 1)[-1] if qualified else func.id
                if key not in HEADER_CALLEES and may_write_headers(call, ctx):
                    found.append(call)
    # Assignments with a subscript target, in the order of their first such target. A
    # stored subscript whose parent is an Assign is one of its targets (an Assign's value is
    # loaded), and the targets of one Assign come one after another in the pre-order of
    # subscripts (no statement, so no other Assign, lies inside a target): an Assign with
    # two subscript targets is the one just taken.
    assign_type, store_type, parents = ast.Assign, ast.Store, ctx.parents
    last = None
    for sub in ctx.nodes_of(ast.Subscript):
        if type(sub.ctx) is store_type:  # type: ignore[attr-defined]
            node = parents.get(sub)
            if type(node) is assign_type and node is not last:
                found.append(node)  # type: ignore[arg-type]
                last = node
    # Dicts `may_write_headers` accepts (inlined: a file has many dicts and few such keys).
    name_type, constant_type, status_keys = ast.Name, ast.Constant, _STATUS_CODE_KEYS
    for node in ctx.nodes_of(ast.Dict):
        for key in node.keys:  # type: ignore[attr-defined]
            kind = type(key)
            if kind is name_type or (kind is constant_type and key.value in status_keys):  # type: ignore[union-attr]
                found.append(node)
                break
    ctx.__dict__["_aisec_header_nodes"] = found
    return found


def _header_writes(node: ast.AST, ctx: FileContext) -> Iterator[tuple[str | None, ast.AST]]:
    if isinstance(node, ast.Assign):
        yield from _subscript_headers(node, ctx)
    elif isinstance(node, ast.Call):
        yield from _call_headers(node, ctx)
    elif isinstance(node, ast.Dict):
        # AWS API Gateway / Lambda proxy response: {"statusCode": ..., "headers": {...}}.
        keys = {ctx.const_str(k): v for k, v in zip(node.keys, node.values) if k is not None}
        if "statusCode" in keys:
            for field in ("headers", "multiValueHeaders"):
                if field in keys:
                    yield from _dict_items(ctx, keys[field])


def _subscript_headers(node: ast.Assign, ctx: FileContext) -> Iterator[tuple[str | None, ast.AST]]:
    """``response.headers[name] = value`` and Django's ``response[name] = value``."""
    for target in node.targets:
        if not isinstance(target, ast.Subscript):
            continue
        name = ctx.const_str(target.slice)
        base = target.value
        if isinstance(base, ast.Attribute) and base.attr == "headers" and is_response_object(ctx, base.value):
            yield name, node.value
        elif name is not None and _HEADER_NAME.match(name) and is_response_object(ctx, base):
            yield name, node.value


def _call_headers(node: ast.Call, ctx: FileContext) -> Iterator[tuple[str | None, ast.AST]]:
    """``headers.add(name, value)``, ``Response(headers={...})``, ``start_response(status,
    [(name, value)])``."""
    func = node.func
    if isinstance(func, ast.Attribute) and func.attr in HEADER_SETTERS and len(node.args) >= 2:
        receiver = func.value
        on_headers = isinstance(receiver, ast.Attribute) and receiver.attr == "headers" and is_response_object(ctx, receiver.value)
        if on_headers or (func.attr == "setdefault" and is_response_object(ctx, receiver)):
            yield ctx.const_str(node.args[0]), node.args[1]
    if is_response_call(ctx, node):
        for kw in node.keywords:
            if kw.arg == "headers":
                yield from _dict_items(ctx, kw.value)
        if (ctx.call_name(node) or "").endswith("make_response"):
            for arg in node.args[1:]:
                if isinstance(arg, ast.Dict):
                    yield from _dict_items(ctx, arg)
    if isinstance(func, ast.Name) and func.id == "start_response" and len(node.args) >= 2:
        yield from _dict_items(ctx, node.args[1])  # PEP 3333


_SCHEME = lazy_compile(r"^[A-Za-z][A-Za-z0-9+.-]{0,30}:")


_AUTHORITY_DONE = lazy_compile(r"^//[^/?#\\]+[/?#]")


def fixes_host(prefix: str) -> bool:
    """True when URL text that starts with `prefix` can no longer change site, whatever
    follows: ``https://host/``, ``/path``, ``?q=``, a relative ``page/``."""
    rest = _SCHEME.sub("", prefix, count=1)
    if rest.startswith(("//", "\\", "/\\")):
        return bool(_AUTHORITY_DONE.match(rest))
    if rest.startswith("/"):
        return len(rest) > 1 and rest[1] not in "/\\"
    if rest != prefix:  # "https:" + value
        return False
    return any(c in rest for c in "/?#")


def _untrusted(ctx: FileContext, part: ast.AST) -> bool:
    seen, _ = judge(ctx, part, "url")
    return seen == "source" or (seen == "unknown" and from_params(ctx, part, "url"))


def host_fixed(ctx: FileContext, value: ast.AST) -> bool:
    """A URL built from a fixed start (scheme and host, or a path) and untrusted later parts."""
    parts = string_parts(ctx, value)
    if parts is None:
        return False
    prefix = ""
    for i, part in enumerate(parts):
        if isinstance(part, str):
            prefix += part
        elif _untrusted(ctx, part):
            if fixes_host(prefix):
                return True
            # "/" + path.lstrip("/\\") + "?" + query: the stripped part starts with neither
            # slash, so the path keeps one leading slash (or, empty, the next constant follows).
            if not (_strips_slashes(ctx, part) and fixes_host(prefix + "x")):
                return False
            after = ""
            for rest in parts[i + 1:]:
                if not isinstance(rest, str):
                    return fixes_host(prefix + after)
                after += rest
            return True  # nothing but constant text follows
        else:
            prefix += "x"
    return False


def _params_after_built_url(ctx: FileContext, value: ast.AST) -> bool:
    """Query parameters appended to a URL the program made: the first piece is a value that
    is not untrusted (a helper's result, a configured base) and the text after it starts
    with ``&`` (``next_url = get_next_url(request)`` then ``next_url += f"&{k}={v}"``, khoj's
    sign-in). Such a base most likely ends in a path, which fixes the host; one that is a
    bare ``https://host`` would let ``@evil.example`` in a value move it, so the redirect is
    only probably local (low, not dropped)."""
    parts = string_parts(ctx, value)
    if not parts or len(parts) < 2 or isinstance(parts[0], str) or _untrusted(ctx, parts[0]):
        return False
    return isinstance(parts[1], str) and parts[1].startswith("&")


def _strips_slashes(ctx: FileContext, part: ast.AST) -> bool:
    """``s.lstrip("/\\")``: a value that cannot start with a slash or a backslash (browsers
    read both as the start of ``//host``)."""
    if not (isinstance(part, ast.Call) and isinstance(part.func, ast.Attribute) and part.func.attr == "lstrip"):
        return False
    chars = ctx.const_str(part.args[0]) if len(part.args) == 1 else None
    return chars is not None and "/" in chars and "\\" in chars


def _weak_prefix_check_only(ctx: FileContext, value: ast.AST) -> list[str]:
    """Origins of a value the engine cleared only by a ``startswith`` check that leaves the
    host open (``startswith("/")`` passes ``//evil.example``); empty otherwise."""
    labels = [lab for lab in ctx.taint.of(value) if lab.kind == "source" and "url" not in lab.cleared]
    if not labels:
        return []
    names = {n.id for n in ast.walk(value) if isinstance(n, ast.Name)}
    scope = ctx.enclosing_function(value) or ctx.tree
    weak = strong = False
    line = getattr(value, "lineno", 0)
    for node in own_nodes(scope):
        if not isinstance(node, (ast.If, ast.IfExp, ast.While)) or node.lineno > line:
            continue
        if not names & roots(ctx, node.test):
            continue
        for sub in ast.walk(node.test):
            if isinstance(sub, ast.Call) and _tail(sub.func) == "startswith" and sub.args:
                prefixes = sub.args[0].elts if isinstance(sub.args[0], ast.Tuple) else [sub.args[0]]
                texts = [ctx.const_str(p) for p in prefixes]
                if texts and all(t is not None for t in texts):
                    if any(not fixes_host(t) for t in texts if t is not None):
                        weak = True
                    else:
                        strong = True
        if is_check_of(ctx, node.test, names, "url"):
            strong = True
    return sorted({lab.origin for lab in labels}) if weak and not strong else []


def open_redirect(ctx: FileContext, value: ast.AST) -> tuple[Confidence, list[str]] | None:
    """``(confidence, origins)`` when `value`, used as a redirect target, is an open
    redirect; None when it is constant, checked, same-page or host-fixed."""
    if constant(ctx, value) or is_dead(ctx, value):
        return None
    seen, found = judge(ctx, value, "url")
    if seen == "safe":
        found = _weak_prefix_check_only(ctx, value)
        if not found:
            return None
        seen = "source"
    if seen == "source":
        if found and all(o.split(" via ", 1)[0] in SAME_PAGE_ORIGINS for o in found):
            return None
        if host_fixed(ctx, value):
            return None
        return (Confidence.LOW if _params_after_built_url(ctx, value) else Confidence.HIGH), found
    if seen == "unknown" and not host_fixed(ctx, value):
        params = from_params(ctx, value, "url")
        if params:
            return Confidence.LOW, params
    return None
