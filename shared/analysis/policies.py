"""Cloud policy documents and literal values, read statically for the cloud rules (AIS7xx).

- `literal`: the value of an expression built from literals (dicts, lists, strings, numbers,
  names bound to them, ``json.dumps(...)``, ``dict(...)``, f-strings), as a tree of `Lit`
  records that remember the node each value came from, so a finding can point at the guilty
  ``"*"`` inside a policy written as a dict.
- `policy_statements`: an IAM, S3 bucket or trust policy document given as a dict literal, a
  name bound to one, ``json.dumps(<dict>)`` or a JSON string literal (read with ``json.loads``,
  never evaluated), normalised into `Statement` records: effect, principal, actions,
  resources and whether a ``Condition`` scopes it. Policy grammar: AWS IAM User Guide, "IAM
  JSON policy element reference"
  (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements.html).
- `aws_service`: the AWS service of the boto3 client or resource a method is called on
  (``boto3.client("s3")``, ``session.client("iam")``, ``boto3.resource("s3").Bucket(b)``,
  ``self.s3`` assigned in the class), or None when unknown; `api_call_shape`: whether a call
  can be a boto3 API call at all (keyword arguments only, CamelCase names).

Everything here is bounded: a node budget per query and a nesting limit, so a huge or cyclic
literal answers "unknown" instead of running long.
"""

from __future__ import annotations

import ast
import json
from typing import Iterator, NamedTuple

from .context import FileContext

__all__ = [
    "HOLE",
    "api_call_shape",
    "Lit",
    "Statement",
    "UNKNOWN",
    "aws_service",
    "keyword_value",
    "literal",
    "is_every_resource",
    "parse_json",
    "policy_statements",
    "strings",
    "walk_strings",
]


class _Unknown:
    """A value the analysis cannot know (a parameter, a call result)."""

    def __repr__(self) -> str:
        return "UNKNOWN"


UNKNOWN = _Unknown()
# Stands for the interpolated parts of an f-string: f"arn:aws:s3:::{b}/*" reads as
# "arn:aws:s3:::\x00/*", which is neither "*" nor any other literal a rule compares with.
HOLE = "\x00"
_MAX_DEPTH = 24
_BUDGET = 4000
_MAX_JSON = 200_000


class Lit(NamedTuple):
    """A literal value and the node it was read from.

    A name bound to a literal reads as that literal's value at the name (the use); the items
    of a container bound to a name keep the nodes where they are written.

    Attributes:
        value: a str, int, float, bool or None; a list of `Lit`; a dict of str to `Lit`; or
            `UNKNOWN`.
        node: the expression that holds the value (for a value parsed from a JSON string,
            the string itself).
    """

    value: object
    node: ast.AST

    @property
    def known(self) -> bool:
        return self.value is not UNKNOWN

    def get(self, key: str) -> "Lit | None":
        """The item under `key` when this is a dict, else None."""
        if isinstance(self.value, dict):
            return self.value.get(key)
        return None

    def text(self) -> str | None:
        """The value when it is a string, else None."""
        return self.value if isinstance(self.value, str) else None


class _Reader:
    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self.budget = _BUDGET
        self.names: set[int] = set()

    def read(self, expr: ast.AST | None, depth: int) -> Lit:
        node = expr if expr is not None else ast.Constant(value=None)
        self.budget -= 1
        if expr is None or depth > _MAX_DEPTH or self.budget < 0:
            return Lit(UNKNOWN, node)
        ctx = self.ctx
        if isinstance(expr, ast.Constant):
            value = expr.value
            if isinstance(value, bytes):
                value = value.decode("latin-1")
            return Lit(value, expr)
        if isinstance(expr, ast.Dict):
            out: dict[str, Lit] = {}
            for key, value in zip(expr.keys, expr.values):
                if key is None:  # {**other, ...}
                    spread = self.read(value, depth + 1)
                    if isinstance(spread.value, dict):
                        out.update(spread.value)
                    continue
                name = self.read(key, depth + 1).text()
                if name is not None:
                    out[name] = self.read(value, depth + 1)
            return Lit(out, expr)
        if isinstance(expr, (ast.List, ast.Tuple, ast.Set)):
            items: list[Lit] = []
            for elt in expr.elts:
                if isinstance(elt, ast.Starred):
                    spread = self.read(elt.value, depth + 1)
                    if isinstance(spread.value, list):
                        items.extend(spread.value)
                    else:
                        items.append(Lit(UNKNOWN, elt))
                else:
                    items.append(self.read(elt, depth + 1))
            return Lit(items, expr)
        if isinstance(expr, ast.JoinedStr):
            parts = []
            for value in expr.values:
                piece = None
                if isinstance(value, ast.Constant) and isinstance(value.value, str):
                    piece = value.value
                elif isinstance(value, ast.FormattedValue) and value.format_spec is None and value.conversion == -1:
                    piece = self.read(value.value, depth + 1).text()
                parts.append(HOLE if piece is None else piece)
            return Lit("".join(parts), expr)
        if isinstance(expr, ast.Name):
            if id(expr) in self.names:
                return Lit(UNKNOWN, expr)
            self.names.add(id(expr))
            value = ctx.reaching_value(expr)
            if value is None:
                return Lit(UNKNOWN, expr)
            found = self.read(value, depth + 1)
            # The value is reported where the name is used; the items of a container keep
            # their own nodes, inside the literal the name is bound to.
            return Lit(found.value, expr)
        if isinstance(expr, ast.BinOp):
            return self._binop(expr, depth)
        if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
            inner = self.read(expr.operand, depth + 1)
            if isinstance(inner.value, (int, float)) and not isinstance(inner.value, bool):
                return Lit(-inner.value, expr)
            return Lit(UNKNOWN, expr)
        if isinstance(expr, ast.Call):
            return self._call(expr, depth)
        return Lit(UNKNOWN, expr)

    def _binop(self, expr: ast.BinOp, depth: int) -> Lit:
        left = self.read(expr.left, depth + 1).value
        right = self.read(expr.right, depth + 1).value
        if isinstance(expr.op, ast.Add) and (isinstance(left, str) or isinstance(right, str)):
            # "...arn:aws:s3:::" + bucket + "/*...": the unknown parts become holes.
            return Lit((left if isinstance(left, str) else HOLE) + (right if isinstance(right, str) else HOLE), expr)
        if isinstance(left, str) or isinstance(right, str):
            if isinstance(expr.op, ast.Mod):
                return Lit(HOLE, expr)  # %-formatted text: not a literal we can compare with
            return Lit(UNKNOWN, expr)
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in (left, right)):
            return Lit(UNKNOWN, expr)
        try:
            if isinstance(expr.op, ast.Add):
                return Lit(left + right, expr)  # type: ignore[operator]
            if isinstance(expr.op, ast.Sub):
                return Lit(left - right, expr)  # type: ignore[operator]
            if isinstance(expr.op, ast.Mult) and abs(left) < 1e12 and abs(right) < 1e12:  # type: ignore[arg-type]
                return Lit(left * right, expr)  # type: ignore[operator]
            if isinstance(expr.op, ast.FloorDiv) and right:
                return Lit(left // right, expr)  # type: ignore[operator]
            if isinstance(expr.op, ast.Div) and right:
                return Lit(left / right, expr)  # type: ignore[operator]
            if isinstance(expr.op, ast.Pow) and 0 <= right <= 64 and abs(left) < 1e6:  # type: ignore[operator]
                return Lit(left**right, expr)  # type: ignore[operator]
        except (ArithmeticError, TypeError, ValueError):
            pass
        return Lit(UNKNOWN, expr)

    def _call(self, expr: ast.Call, depth: int) -> Lit:
        qn = self.ctx.call_name(expr)
        if qn in ("json.dumps", "simplejson.dumps") and expr.args:
            return self.read(expr.args[0], depth + 1)
        if qn in ("json.loads", "simplejson.loads") and expr.args:
            return parse_json(self.read(expr.args[0], depth + 1))
        if qn == "builtins.dict" and not expr.args:
            out = {kw.arg: self.read(kw.value, depth + 1) for kw in expr.keywords if kw.arg}
            return Lit(out, expr)
        if qn in ("builtins.int", "builtins.float", "builtins.str") and len(expr.args) == 1 and not expr.keywords:
            inner = self.read(expr.args[0], depth + 1)
            try:
                if qn == "builtins.str":
                    return Lit(inner.value, expr) if isinstance(inner.value, str) else Lit(UNKNOWN, expr)
                if isinstance(inner.value, (int, float)) and not isinstance(inner.value, bool):
                    return Lit(int(inner.value) if qn == "builtins.int" else float(inner.value), expr)
            except (OverflowError, ValueError):
                pass
        return Lit(UNKNOWN, expr)


def literal(ctx: FileContext, expr: ast.AST | None) -> Lit:
    """The literal value of `expr`; parts that are not literals read as `UNKNOWN`."""
    return _Reader(ctx).read(expr, 0)


def _from_json(value: object, node: ast.AST, depth: int = 0) -> Lit:
    if depth > _MAX_DEPTH:
        return Lit(UNKNOWN, node)
    if isinstance(value, dict):
        return Lit({str(k): _from_json(v, node, depth + 1) for k, v in value.items()}, node)
    if isinstance(value, list):
        return Lit([_from_json(v, node, depth + 1) for v in value], node)
    return Lit(value, node)


def parse_json(lit: Lit) -> Lit:
    """A JSON document held in a string `Lit`, read with `json.loads`; `UNKNOWN` when the
    string is not JSON. Interpolated parts inside JSON strings stay holes
    (``'"Resource": "arn:aws:s3:::' + bucket + '/*"'``); a hole anywhere else makes the text
    unreadable. Non-strings are returned unchanged."""
    text = lit.text()
    if text is None:
        return lit
    if len(text) > _MAX_JSON or not text.lstrip().startswith(("{", "[")):
        return Lit(UNKNOWN, lit.node)
    try:
        # strict=False lets a hole (a control character) sit inside a JSON string. json's C
        # scanner raises RecursionError on absurd nesting, caught.
        return _from_json(json.loads(text, strict=False), lit.node)
    except (ValueError, RecursionError):
        return Lit(UNKNOWN, lit.node)


def strings(lit: Lit | None) -> list[Lit]:
    """The string items of a value that is a string or a list of strings (IAM's
    ``"Action": "s3:GetObject"`` or ``["s3:GetObject", ...]``); unknown items are kept."""
    if lit is None:
        return []
    if isinstance(lit.value, list):
        return [item for item in lit.value if isinstance(item.value, str) or not item.known]
    if isinstance(lit.value, str) or not lit.known:
        return [lit]
    return []


class Statement(NamedTuple):
    """One statement of a policy document.

    Attributes:
        effect: ``"Allow"`` or ``"Deny"`` (as written), or ``""`` when unknown.
        principal: the ``Principal`` (or ``NotPrincipal``) value, None when absent.
        not_principal: True when the statement uses ``NotPrincipal``.
        actions: the ``Action`` (or ``NotAction``) items.
        not_action: True when the statement uses ``NotAction``.
        resources: the ``Resource`` (or ``NotResource``) items.
        not_resource: True when the statement uses ``NotResource``.
        condition: True when a ``Condition`` block is present (or cannot be read).
        node: the statement's node (its dict literal, or the JSON string holding it).
    """

    effect: str
    principal: Lit | None
    not_principal: bool
    actions: tuple[Lit, ...]
    not_action: bool
    resources: tuple[Lit, ...]
    not_resource: bool
    condition: bool
    node: ast.AST

    @property
    def allows(self) -> bool:
        return self.effect.lower() == "allow"

    def public_principal(self) -> Lit | None:
        """The ``"*"`` that opens the statement to everyone: ``"Principal": "*"``,
        ``{"AWS": "*"}`` or ``{"AWS": ["*", ...]}`` (any principal type), or a
        ``NotPrincipal`` on an Allow (everyone except the listed ones)."""
        p = self.principal
        if p is None:
            return None
        if self.not_principal:
            return p
        if p.value == "*":
            return p
        if isinstance(p.value, dict):
            for value in p.value.values():
                for item in strings(value):
                    if item.value == "*":
                        return item
        return None

    def wildcard_resource(self) -> Lit | None:
        """The item that makes the statement apply to every resource, if any."""
        for item in self.resources:
            text = item.text()
            if text is not None and is_every_resource(text):
                return item
        if self.not_resource and self.resources:
            return self.resources[0]
        return None


def is_every_resource(text: str) -> bool:
    """``"*"``, or an ARN whose resource part is only ``*`` (``arn:aws:s3:::*``,
    ``arn:aws:iam::*:*``)."""
    if text == "*":
        return True
    if text.startswith("arn:"):
        parts = text.split(":", 5)
        return len(parts) == 6 and parts[5] in ("*", "*/*")
    return False


def _statement(item: Lit) -> Statement | None:
    if not isinstance(item.value, dict):
        return None
    d = item.value

    def pick(plain: str, negated: str) -> tuple[Lit | None, bool]:
        if plain in d:
            return d[plain], False
        if negated in d:
            return d[negated], True
        return None, False

    effect = d.get("Effect")
    principal, not_principal = pick("Principal", "NotPrincipal")
    action, not_action = pick("Action", "NotAction")
    resource, not_resource = pick("Resource", "NotResource")
    cond = d.get("Condition")
    has_condition = cond is not None and (not cond.known or bool(cond.value))
    return Statement(
        effect=(effect.text() or "") if effect is not None else "",
        principal=principal,
        not_principal=not_principal,
        actions=tuple(strings(action)),
        not_action=not_action,
        resources=tuple(strings(resource)),
        not_resource=not_resource,
        condition=has_condition,
        node=item.node,
    )


def policy_statements(ctx: FileContext, expr: ast.AST | None) -> list[Statement] | None:
    """The statements of the policy document `expr` holds, or None when it is not readable.

    Accepts a dict literal, a name bound to one, ``json.dumps(<dict>)`` or a JSON string
    (literal or bound to a name). A document whose ``Statement`` cannot be read gives None;
    statements that are not dicts are skipped.
    """
    if expr is None:
        return None
    doc = parse_json(literal(ctx, expr))
    body = doc.get("Statement")
    if body is None:
        return None
    items = body.value if isinstance(body.value, list) else [body]
    out = []
    for item in items:
        stmt = _statement(item)
        if stmt is not None:
            out.append(stmt)
    return out


def keyword_value(call: ast.Call, *names: str) -> ast.expr | None:
    """The value of the first keyword of `call` named in `names`."""
    for kw in call.keywords:
        if kw.arg in names:
            return kw.value
    return None


# ------------------------------------------------------------------ boto3 receivers
_FACTORY_METHODS = frozenset({"client", "resource", "create_client"})
_BOTO_MODULES = ("boto3", "aioboto3", "botocore", "aiobotocore")


def _factory_service(ctx: FileContext, call: ast.Call) -> str | None:
    """``"s3"`` for ``boto3.client("s3")`` / ``session.client(service_name="s3")``; ``""`` for
    a boto3 factory whose service is not a literal; None for anything else."""
    func = call.func
    qn = ctx.call_name(call) or ""
    name = func.attr if isinstance(func, ast.Attribute) else qn.rsplit(".", 1)[-1]
    if name not in _FACTORY_METHODS:
        return None
    service = call.args[0] if call.args else keyword_value(call, "service_name")
    text = ctx.const_str(service) if service is not None else None
    if qn.split(".", 1)[0] in _BOTO_MODULES:
        return text or ""
    # session.client("s3"): any object's .client("<name>") with a literal service name.
    return text


def _class_attribute_value(ctx: FileContext, attr: ast.Attribute) -> ast.expr | None:
    """The value assigned to ``self.<name>`` in the enclosing class, if assigned once."""
    if not (isinstance(attr.value, ast.Name) and attr.value.id in ("self", "cls")):
        return None
    cls = ctx.enclosing_class(attr)
    if cls is None:
        return None
    cache = ctx.__dict__.setdefault("_policies_self_attrs", {})
    table = cache.get(id(cls))
    if table is None:
        table = {}
        for node in ast.walk(cls):
            if isinstance(node, (ast.Assign, ast.AnnAssign)):
                targets = node.targets if isinstance(node, ast.Assign) else [node.target]
                for t in targets:
                    if (
                        isinstance(t, ast.Attribute)
                        and isinstance(t.value, ast.Name)
                        and t.value.id in ("self", "cls")
                        and node.value is not None
                    ):
                        table.setdefault(t.attr, []).append(node.value)
        cache[id(cls)] = table
    values = table.get(attr.attr, [])
    return values[0] if len(values) == 1 else None


def aws_service(ctx: FileContext, receiver: ast.AST | None) -> str | None:
    """The AWS service name of the boto3 client or resource `receiver` refers to.

    ``s3.put_object(...)`` after ``s3 = boto3.client("s3")`` gives ``"s3"``; resource chains
    (``boto3.resource("s3").Bucket(b).Object(k)``) give the resource's service. Returns ``""``
    for a boto3 object whose service is not a literal, None when the receiver is unknown.
    """
    cur = receiver
    for _ in range(12):
        if isinstance(cur, ast.Name):
            value = ctx.reaching_value(cur)
            if value is None:
                return None
            cur = value
        elif isinstance(cur, ast.Attribute):
            value = _class_attribute_value(ctx, cur)
            if value is None:
                return None
            cur = value
        elif isinstance(cur, ast.Await):
            cur = cur.value
        elif isinstance(cur, ast.Call):
            service = _factory_service(ctx, cur)
            if service is not None:
                return service
            if isinstance(cur.func, ast.Attribute):
                cur = cur.func.value  # a resource's sub-resource: s3.Bucket(b).Object(k)
            else:
                return None
        else:
            return None
    return None


def walk_strings(lit: Lit, limit: int = 2000) -> Iterator[Lit]:
    """Every string in a literal tree (iterative, bounded)."""
    work = [lit]
    while work and limit > 0:
        limit -= 1
        cur = work.pop()
        if isinstance(cur.value, str):
            yield cur
        elif isinstance(cur.value, list):
            work.extend(reversed(cur.value))
        elif isinstance(cur.value, dict):
            work.extend(reversed(list(cur.value.values())))


def api_call_shape(ctx: FileContext, call: ast.Call, *, capitalized: bool = True) -> bool:
    """Whether `call` can be a boto3 client or resource API call.

    botocore's generated methods take keyword arguments only (a positional argument raises
    ``TypeError: ... only accepts keyword arguments``), and AWS API parameter names are
    CamelCase, never snake_case: capitalised (``Bucket``, ``UserName``) in S3, IAM, EC2, RDS
    and most services (`capitalized`), camelCase (``publiclyAccessible``) in a few newer ones.
    A call on ``self`` to a method the enclosing class defines is that class's own method (a
    mock backend, a wrapper), not the SDK's.
    """
    if call.args:
        return False
    for kw in call.keywords:
        if kw.arg is not None and ("_" in kw.arg or (capitalized and not kw.arg[:1].isupper())):
            return False
    func = call.func
    if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
        cls = ctx.enclosing_class(call)
        if cls is not None and any(
            isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name == func.attr for item in cls.body
        ):
            return False
    return True
