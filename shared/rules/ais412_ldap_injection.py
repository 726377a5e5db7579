"""AIS412 ldap-injection: an LDAP search filter or base DN built from untrusted input.

## What it does
Flags the filter and the base DN of an LDAP search when they are built from a non-constant
value without escaping:

- ldap3 ``Connection.search(search_base, search_filter, ...)`` and
  ``conn.extend.standard.paged_search(...)``;
- python-ldap ``search`` / ``search_s`` / ``search_st`` / ``search_ext`` / ``search_ext_s``
  ``(base, scope, filterstr, ...)``.

Values escaped with ``escape_filter_chars`` (ldap3 or python-ldap), ``escape_dn_chars``,
ldap3's ``escape_rdn``, or filled in by python-ldap's ``filter_format`` are safe, and so are
integer casts, allow-list and full-match checks, typed route parameters (``<int:badge_id>``)
and constants. Confidence: **high** when untrusted input (request data, route parameters,
the command line, a Lambda event, model output) reaches the filter or DN, also through a
helper of the module; **medium** when a parameter of a function nobody in the module calls
is formatted into it (low in a test file, ``aisec-test-paths``: tests are not deployed and
their values are test data); **low** (hidden by default) when a whole filter is passed in or a value
of unknown origin is used.

## Why is this bad?
LDAP filters have their own syntax: a value such as ``*`` or ``*)(uid=*`` widens a search
to the whole directory, ``)(|(password=*`` probes attributes one character at a time, and a
DN fragment like ``x,ou=admins`` moves the search to another subtree. Login and
ownership checks built on such searches then pass for the wrong user.

## Example
```python
from flask import request
from ldap3 import Connection


def lookup(conn: Connection):
    uid = request.args["uid"]
    conn.search("ou=people,dc=example,dc=org", f"(uid={uid})", attributes=["cn"])
    return conn.entries
```

## Use instead
```python
from flask import request
from ldap3 import Connection
from ldap3.utils.conv import escape_filter_chars


def lookup(conn: Connection):
    uid = escape_filter_chars(request.args["uid"])
    conn.search("ou=people,dc=example,dc=org", f"(uid={uid})", attributes=["cn"])
    return conn.entries
```

## Known problems
A ``search`` method is recognised by name in modules that import ``ldap3`` or ``ldap``; its
filter position (second or third argument) is read from whether a scope constant follows the
base. Other LDAP wrappers (``django-auth-ldap``'s ``LDAPSearch``, ``flask-ldap3-login``) are
not modelled. Escaping with the filter escaper in a DN (or the reverse) is accepted.

## Options
``aisec-extra-sanitizers`` entries of kind ``ldap`` add escapers
(``myapp.ldap.quote:ldap``).

## References
- [CWE-90: Improper Neutralization of Special Elements used in an LDAP Query ('LDAP Injection')](https://cwe.mitre.org/data/definitions/90.html)
- [OWASP LDAP Injection Prevention Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/LDAP_Injection_Prevention_Cheat_Sheet.html)
- [ldap3: Searching, and ldap3.utils.conv.escape_filter_chars](https://ldap3.readthedocs.io/en/latest/searches.html)
- [python-ldap: ldap.filter (escape_filter_chars, filter_format)](https://www.python-ldap.org/en/latest/reference/ldap-filter.html)
- [python-ldap: ldap.dn (escape_dn_chars)](https://www.python-ldap.org/en/latest/reference/ldap-dn.html)
- [RFC 4515: LDAP String Representation of Search Filters](https://www.rfc-editor.org/rfc/rfc4515)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.taint import extra_sink_args, is_dead
from ..analysis.values import argument, dotted, judge_value, query_confidence
from ..checks import FileContext, Hit, hit, on

# Search methods and where their base DN and filter sit.
# ldap3: Connection.search(search_base, search_filter, search_scope, ...)
#   https://ldap3.readthedocs.io/en/latest/searches.html
# ldap3: extend.standard.paged_search(search_base, search_filter, ...)
# python-ldap: LDAPObject.search*(base, scope, filterstr, attrlist, ...)
#   https://www.python-ldap.org/en/latest/reference/ldap.html#ldap.LDAPObject.search
PYTHON_LDAP_SEARCHES = frozenset({"search_s", "search_st", "search_ext", "search_ext_s"})
LDAP3_SEARCHES = frozenset({"paged_search"})
BASE_KEYWORDS = ("search_base", "base")
FILTER_KEYWORDS = ("search_filter", "filterstr")
# Escapers and filter builders that escape the values they insert (python-ldap ldap.filter /
# ldap.dn, ldap3.utils.conv / ldap3.utils.dn). The engine knows escape_filter_chars and
# escape_dn_chars; these add the rest.
SANITIZERS = frozenset(
    {
        "ldap.filter.filter_format",
        "ldap.filter.escape_filter_chars",
        "ldap.dn.escape_dn_chars",
        "ldap.dn.dn2str",
        "ldap3.utils.conv.escape_filter_chars",
        "ldap3.utils.conv.escape_bytes",
        "ldap3.utils.dn.escape_rdn",
    }
)
LDAP_MODULES = ("ldap", "ldap3")


def _imports_ldap(ctx: FileContext) -> bool:
    return ctx.imports_any(LDAP_MODULES)


def _is_scope(ctx: FileContext, expr: ast.AST | None) -> bool:
    """``ldap.SCOPE_SUBTREE``, ``SCOPE_ONELEVEL`` or a literal 0/1/2 (python-ldap's scopes)."""
    if expr is None:
        return False
    if isinstance(expr, ast.Constant):
        return expr.value in (0, 1, 2) and not isinstance(expr.value, bool)
    name = ctx.qualname(expr) or dotted(expr) or ""
    return "SCOPE_" in name


def _receiver_class(ctx: FileContext, receiver: ast.AST) -> str:
    """The qualified constructor of a receiver: a local name, or ``self.attr`` assigned a
    constructor call in the class (``self.pattern = re.compile(...)``)."""
    found = ctx.instance_of(receiver)
    if found:
        return found
    cls = ctx.enclosing_class(receiver)
    if cls is None or not (isinstance(receiver, ast.Attribute) and dotted(receiver.value) == "self"):
        return ""
    for node in ast.walk(cls):
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.Call):
            if any(isinstance(t, ast.Attribute) and dotted(t) == f"self.{receiver.attr}" for t in node.targets):
                return ctx.call_name(node.value) or ""
    return ""


def _ldap_search_shape(ctx: FileContext, node: ast.Call) -> bool:
    """A ``search`` call shaped like an LDAP search, not ``pattern.search(text, pos)``: a base
    and a filter (or scope) given, and no written argument without ``=`` or ``(``."""
    if any(k.arg in BASE_KEYWORDS + FILTER_KEYWORDS for k in node.keywords):
        return True
    if len(node.args) < 2:
        return False
    second = node.args[1]
    if isinstance(second, ast.Constant) and isinstance(second.value, int) and len(node.args) < 3:
        return False  # pattern.search(text, pos)
    for arg in node.args[:3]:
        if isinstance(arg, (ast.JoinedStr, ast.BinOp, ast.Constant)) and not _is_scope(ctx, arg):
            text = "".join(n.value for n in ast.walk(arg) if isinstance(n, ast.Constant) and isinstance(n.value, str))
            if "=" not in text and "(" not in text:
                return False
    return True


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(argument, description)`` for the base DN and the filter of a search call."""
    yield from extra_sink_args(ctx, node, "ldap")
    func = node.func
    if not isinstance(func, ast.Attribute) or not _imports_ldap(ctx):
        return
    method = func.attr
    qualified = ctx.call_name(node)
    if qualified is not None and not qualified.startswith(LDAP_MODULES):
        return  # re.search, a module-level function of another library
    if method in PYTHON_LDAP_SEARCHES:
        where = 2
    elif method in LDAP3_SEARCHES:
        where = 1
    elif method == "search":
        receiver = _receiver_class(ctx, func.value)
        if receiver.startswith(("re.", "regex.")) or not _ldap_search_shape(ctx, node):
            return
        where = 2 if _is_scope(ctx, node.args[1] if len(node.args) > 1 else None) else 1
    else:
        return
    base = argument(node, 0, BASE_KEYWORDS)
    if base is not None:
        yield base, f"{method}() as the base DN"
    flt = argument(node, where, FILTER_KEYWORDS)
    if flt is not None:
        yield flt, f"{method}() as the filter"


# The search methods `sink_args` reports on.
CALLEES = frozenset(PYTHON_LDAP_SEARCHES | LDAP3_SEARCHES | {"search"})


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    for arg, sink in sink_args(node, ctx):
        if isinstance(arg, ast.Starred) or ctx.is_constant(arg) or is_dead(ctx, node):
            continue
        found = judge_value(ctx, arg, "ldap", sanitizers=SANITIZERS)
        conf = query_confidence(ctx, arg, found)
        if conf is not None:
            yield hit(arg, found.describe(), sink, confidence=conf)
