"""Taint tracking: which values in a module come from outside the program.

A *label* names where a value came from: a source (request data, a route parameter, the
command line, ``input()``, an AWS Lambda event, a language model's output) or, for the
parameters of a function nobody routes to, ``param`` (an unknown value: the caller decides).
A value's taint is a frozenset of labels; the empty set means "built by the program".

How it works
------------
- Per function (and the module body), lazily and memoised: one ordered pass over the
  statements keeps ``name -> taint``. Every *use* of a name records the taint the name has
  at that point, so `TaintAnalysis.of` answers for any expression at its own program point
  in time linear in the expression. Order-aware: ``q = f"...{x}"; q = "SELECT 1"`` leaves
  ``q`` clean.
- Branches are joined by union; a branch that ends in return/raise/continue/break/abort
  does not flow on. Loops run to a fixpoint, at most `LOOP_PASSES` times each, and a
  function's pass stops refining after `STEP_BUDGET` statements per statement of the
  function (the documented cap for pathological control flow; beyond it the remaining
  statements are processed once).
- Sanitizers clear a label for the sink kinds they make safe (``shlex.quote`` for shell,
  ``html.escape`` for HTML, ...); casts (``int()``, ``uuid.UUID()``) and allow-list or
  ``re.fullmatch`` guards (``if x not in ALLOWED: abort(400)``) clear it for all, and so does
  ordering a name against a number (``if x > 5:``, on both branches: a str raises TypeError).
- A mapping lookup (``d.get(key, default)``, ``d[key]``) carries the mapping's taint and the
  default's, not the key's: the key only picks an entry.
- Same-module functions get summaries: which parameters flow to the return value, and
  which sources the function reads itself. Summaries of functions defined after their
  callers are computed on first use, memoised, with a guard against recursion.
- Unknown functions do not propagate taint (precision first); unknown *methods* of a
  tainted object do (``body.decode()``, ``data.strip()``), as do known pass-through
  functions (`PASS_THROUGH`).

Sources are listed in `SOURCE_QUALNAMES`, `REQUEST_ATTRS`, `LLM_*` and the route decorators
in `_route_kind`; each entry's documentation is the framework's request API reference.
"""

from __future__ import annotations

import ast
import functools
from typing import Callable, Iterable, Iterator, NamedTuple, TYPE_CHECKING

from ..options import SINK_KINDS
from .context import BUILTIN_NAMES, child_nodes
from .frameworks import REQUEST_NAMES, helper_module
from .patterns import lazy_compile

if TYPE_CHECKING:
    from .context import FileContext

__all__ = ["Label", "Taint", "TaintAnalysis", "CLEAN", "typed_scalar", "tainted_for", "verdict", "origins", "is_dead", "extra_sink_args", "own_nodes", "children", "source_text", "identifier_text", "identifier_view", "one_byte", "spelled_lines", "word_lines", "nodes_spelling", "mentions", "mentions_session", "may_route_web", "FLOW_EXITS", "LOOKUP_METHODS", "SINK_KINDS"]

ALL = "*"


class Label(NamedTuple):
    """Where a value came from.

    Attributes:
        origin: human-readable source, e.g. ``"request.args"``, ``"route parameter 'name'"``,
            ``"model output"``, or ``"parameter 'cmd'"`` for unknown values.
        kind: ``"source"`` (untrusted input) or ``"param"`` (unknown: a parameter of a
            function that is not a route handler).
        cleared: sink kinds this value has been sanitized for.
        param_index: for kind "param", the parameter's position (for summaries).
    """

    origin: str
    kind: str = "source"
    cleared: frozenset = frozenset()
    param_index: int = -1


Taint = frozenset
CLEAN: frozenset = frozenset()
# `TaintAnalysis._source_label` answers per extra-sources option and qualified name.
_SOURCE_LABELS: dict[frozenset, dict[str, frozenset]] = {}
_SOURCE_LABELS_MAX = 50_000


def tainted_for(taint: Iterable[Label], sink_kind: str) -> list[Label]:
    """Source and parameter labels that still matter at a sink of `sink_kind`.

    Labels sanitized for that kind are dropped, and so are markers for whole request or
    model-client objects (only the data read from them counts).
    """
    return [
        lab
        for lab in taint
        if lab.kind in ("source", "param") and sink_kind not in lab.cleared and ALL not in lab.cleared
    ]


CHECKED = Label("checked value", "checked", frozenset({ALL}))


def extra_sink_args(ctx: "FileContext", call: ast.Call, kind: str) -> Iterator[tuple[ast.AST, str]]:
    """``(first argument, "name()")`` when the user declared this call a sink of `kind`
    (option ``aisec-extra-sinks``)."""
    if not ctx.settings.extra_sinks or not call.args:
        return
    name = ctx.call_name(call)
    if name and ctx.settings.extra_sink_kind(name) == kind:
        yield call.args[0], f"{name.rsplit('.', 1)[-1]}()"


def _clear(taint: frozenset, kinds: frozenset) -> frozenset:
    """Mark labels sanitized for `kinds`; a value with no labels becomes visibly checked."""
    if not taint:
        return frozenset({Label("sanitized value", "checked", kinds)})
    return frozenset(Label(lab.origin, lab.kind, lab.cleared | kinds, lab.param_index) for lab in taint)


# Characters that end a header (CR, LF) or a quoted header parameter (``"``): RFC 9110
# section 5.5 (field values) and RFC 6266 (``filename="..."``).
_HEADER_BREAKERS = frozenset({"\r", "\n", '"'})
_HEADER_KINDS = frozenset({"header"})
# str predicates false for every character of `_HEADER_BREAKERS` (``isprintable`` is true
# for ``"``, so it clears only CR and LF).
_BREAKER_FREE_PREDICATES = frozenset({"isalnum", "isalpha", "isdigit", "isdecimal", "isnumeric", "isidentifier"})


def _header_safe_characters(node: ast.AST) -> bool:
    """A comprehension that keeps, of a string's characters, only those its filter lets
    through, and the filter drops CR, LF and ``"``: ``"".join(ch for ch in name if
    ch.isprintable() and ch not in '"\\r\\n')`` (langflow's Content-Disposition filename), ``[c
    for c in s if c.isalnum()]``. Each ``and`` operand of an ``if`` drops characters: a
    ``ch.isX()`` test (`_BREAKER_FREE_PREDICATES`; ``isprintable``: CR and LF) or ``ch not
    in "<constant>"``. Knowledge: Python's str predicates (docs, "String Methods")."""
    gen = node.generators[0]  # type: ignore[attr-defined]
    elt = node.elt  # type: ignore[attr-defined]
    if len(node.generators) != 1 or not isinstance(gen.target, ast.Name) or not isinstance(elt, ast.Name) or elt.id != gen.target.id:  # type: ignore[attr-defined]
        return False
    dropped: set = set()
    tests: list = []
    for cond in gen.ifs:
        tests.extend(cond.values if isinstance(cond, ast.BoolOp) and isinstance(cond.op, ast.And) else [cond])
    for test in tests:
        if (
            isinstance(test, ast.Call)
            and isinstance(test.func, ast.Attribute)
            and isinstance(test.func.value, ast.Name)
            and test.func.value.id == elt.id
            and not test.args
        ):
            if test.func.attr in _BREAKER_FREE_PREDICATES:
                return True
            if test.func.attr == "isprintable":
                dropped.update("\r\n")
        elif (
            isinstance(test, ast.Compare)
            and len(test.ops) == 1
            and isinstance(test.ops[0], ast.NotIn)
            and isinstance(test.left, ast.Name)
            and test.left.id == elt.id
            and isinstance(test.comparators[0], ast.Constant)
            and isinstance(test.comparators[0].value, str)
        ):
            dropped.update(test.comparators[0].value)
    return _HEADER_BREAKERS <= dropped


def verdict(taint: frozenset, sink_kind: str) -> str:
    """``"source"``, ``"unknown"`` or ``"safe"`` for a non-constant value at a sink.

    "source": untrusted input reaches the sink; "safe": every label was sanitized or checked
    for this kind; "unknown": no label says where it came from, or only function parameters.
    """
    live = tainted_for(taint, sink_kind)
    if any(lab.kind == "source" for lab in live):
        return "source"
    if taint and not live and any(lab.kind in ("source", "param", "checked") for lab in taint):
        return "safe"
    return "unknown"


def origins(taint: frozenset, sink_kind: str) -> list[str]:
    """Sorted origins of the source labels that reach a sink of `sink_kind`."""
    return sorted({lab.origin for lab in tainted_for(taint, sink_kind) if lab.kind == "source"})


# --- detection knowledge ------------------------------------------------------------------

# Module-level objects and calls that are untrusted input (qualified-name prefixes).
# Flask/Quart/Bottle request proxies: https://flask.palletsprojects.com/en/stable/api/#flask.Request
SOURCE_QUALNAMES = {
    "flask.request.args": "request.args",
    "flask.request.form": "request.form",
    "flask.request.values": "request.values",
    "flask.request.json": "request.json",
    "flask.request.get_json": "request.get_json()",
    "flask.request.data": "request.data",
    "flask.request.get_data": "request.get_data()",
    "flask.request.cookies": "request.cookies",
    "flask.request.headers": "request.headers",
    "flask.request.files": "request.files",
    "flask.request.view_args": "request.view_args",
    "flask.request.stream": "request.stream",
    "flask.request.path": "request.path",
    "flask.request.full_path": "request.full_path",
    "flask.request.url": "request.url",
    "flask.request.referrer": "request.referrer",
    "quart.request": "request",
    "bottle.request": "request",
    "sys.argv": "sys.argv",
    "builtins.input": "input()",
    "sys.stdin": "sys.stdin",
}
# The keys of `SOURCE_QUALNAMES`, for `TaintAnalysis._find_source_label`'s first test.
_SOURCE_PREFIXES = tuple(SOURCE_QUALNAMES)
# Attributes of a framework request *object* (Django HttpRequest, Starlette/FastAPI Request,
# DRF Request) that carry client data. https://docs.djangoproject.com/en/stable/ref/request-response/
# https://www.starlette.io/requests/
REQUEST_ATTRS = frozenset(
    {
        "GET", "POST", "body", "COOKIES", "META", "FILES", "headers", "data", "query_params",
        "path_params", "cookies", "form", "json", "args", "values", "files", "get_json",
        "stream", "query_string", "path", "path_info", "get_full_path", "url", "raw_post_data",
        # aiohttp.web.Request: https://docs.aiohttp.org/en/stable/web_reference.html#request
        "query", "match_info", "rel_url", "post", "read", "text", "content",
    }
)
# Calls that pass their argument's taint through unchanged.
PASS_THROUGH = frozenset(
    {
        "builtins.str", "builtins.bytes", "builtins.repr", "builtins.format", "builtins.list",
        "builtins.tuple", "builtins.dict", "builtins.set", "builtins.sorted", "builtins.reversed",
        "builtins.min", "builtins.max", "builtins.next", "builtins.iter", "builtins.bytearray",
        "json.loads", "json.load", "base64.b64decode", "base64.urlsafe_b64decode",
        "base64.b64encode", "binascii.unhexlify", "urllib.parse.unquote", "urllib.parse.unquote_plus",
        "urllib.parse.urljoin", "urllib.parse.parse_qs", "urllib.parse.parse_qsl",
        "urllib.parse.urlparse", "os.path.join", "os.path.normpath", "os.path.abspath",
        "os.path.expanduser", "posixpath.join", "ntpath.join", "pathlib.Path", "pathlib.PurePath",
        "pathlib.PosixPath", "textwrap.dedent", "copy.copy", "copy.deepcopy", "html.unescape",
        "io.StringIO", "io.BytesIO", "string.Template",
    }
)
# Sanitizers: qualified name -> sink kinds made safe ("*" = all: a cast or a lookup).
SANITIZERS: dict[str, frozenset] = {
    "builtins.int": frozenset({ALL}),
    "builtins.float": frozenset({ALL}),
    "builtins.bool": frozenset({ALL}),
    "builtins.len": frozenset({ALL}),
    "builtins.hash": frozenset({ALL}),
    "builtins.id": frozenset({ALL}),
    "uuid.UUID": frozenset({ALL}),
    "decimal.Decimal": frozenset({ALL}),
    "datetime.date.fromisoformat": frozenset({ALL}),
    "datetime.datetime.fromisoformat": frozenset({ALL}),
    "ipaddress.ip_address": frozenset({ALL}),
    "shlex.quote": frozenset({"shell"}),
    "shlex.join": frozenset({"shell"}),
    "pipes.quote": frozenset({"shell"}),
    "markupsafe.escape": frozenset({"html"}),
    "flask.escape": frozenset({"html"}),
    "jinja2.escape": frozenset({"html"}),
    "html.escape": frozenset({"html"}),
    "cgi.escape": frozenset({"html"}),
    "django.utils.html.escape": frozenset({"html"}),
    "django.utils.html.strip_tags": frozenset({"html"}),
    "bleach.clean": frozenset({"html"}),
    "nh3.clean": frozenset({"html"}),
    "werkzeug.utils.secure_filename": frozenset({"path", "header", "shell"}),
    "os.path.basename": frozenset({"path"}),
    "posixpath.basename": frozenset({"path"}),
    "psycopg.sql.Identifier": frozenset({"sql"}),
    "psycopg2.sql.Identifier": frozenset({"sql"}),
    "psycopg.sql.Literal": frozenset({"sql"}),
    "psycopg2.sql.Literal": frozenset({"sql"}),
    "urllib.parse.quote": frozenset({"url", "header", "path"}),
    "urllib.parse.quote_plus": frozenset({"url", "header", "path"}),
    "ldap3.utils.conv.escape_filter_chars": frozenset({"ldap"}),
    "ldap.filter.escape_filter_chars": frozenset({"ldap"}),
    "ldap.dn.escape_dn_chars": frozenset({"ldap"}),
    "ldap.filter.filter_format": frozenset({"ldap"}),
    "ldap3.utils.dn.escape_rdn": frozenset({"ldap"}),
    "lxml.etree.XSLT.strparam": frozenset({"xpath"}),
    "bson.ObjectId": frozenset({ALL}),
    "bson.objectid.ObjectId": frozenset({ALL}),
    "defusedxml.ElementTree.fromstring": frozenset({"xml"}),
    "ast.literal_eval": frozenset({ALL}),
}
# Method names that sanitize whatever their receiver: identifier quoting.
SANITIZING_METHODS = {"quote_name": frozenset({"sql"}), "quote_ident": frozenset({"sql"}), "quote_identifier": frozenset({"sql"}), "escape_identifier": frozenset({"sql"})}
# Methods of str/bytes/containers: the result carries the receiver's and arguments' taint.
_STR_METHODS = frozenset(
    {
        "format", "format_map", "join", "strip", "lstrip", "rstrip", "lower", "upper", "casefold",
        "title", "capitalize", "replace", "split", "rsplit", "splitlines", "partition",
        "rpartition", "encode", "decode", "removeprefix", "removesuffix", "zfill", "center",
        "ljust", "rjust", "expandtabs", "translate", "get", "getlist", "getone", "pop",
        "setdefault", "values", "items", "keys", "copy", "read", "readline", "readlines",
        "getvalue", "dict", "model_dump", "to_dict", "json", "text", "content", "substitute",
        "safe_substitute",
    }
)
# Mapping lookups (``d.get(key, default)``, ``d.pop(key)``, ``d.setdefault(key, default)``):
# the result is an entry of the receiver or the default, never the key.
LOOKUP_METHODS = frozenset({"get", "pop", "setdefault"})
# Methods that return something unrelated to the receiver's content.
_CLEAN_METHODS = frozenset(
    {
        "isdigit", "isalnum", "isalpha", "isdecimal", "isnumeric", "isidentifier", "isspace",
        "startswith", "endswith", "count", "find", "index", "rfind", "rindex", "is_valid",
        "exists", "is_file", "is_dir", "is_relative_to", "hexdigest", "digest", "__len__",
    }
)
# Language-model client calls whose result is untrusted model output.
# OpenAI: client.chat.completions.create / client.responses.create / client.completions.create
# Anthropic: client.messages.create; LiteLLM: litellm.completion; LangChain: llm.invoke.
LLM_CREATE_RECEIVERS = ("completions", "messages", "responses")
LLM_FUNCTIONS = frozenset({"litellm.completion", "litellm.acompletion", "litellm.text_completion", "ollama.chat", "ollama.generate"})
LLM_INVOKE_METHODS = frozenset({"invoke", "ainvoke", "predict", "apredict", "run", "arun", "generate_content", "generate"})
_LLM_OBJECT_HINTS = ("llm", "chat", "model", "chain", "agent", "gemini", "claude", "gpt", "openai", "anthropic")
_LLM_MODULES = ("langchain", "langchain_openai", "langchain_anthropic", "langchain_community", "langchain_core", "google.generativeai", "llama_index")

_MUTATORS = frozenset({"append", "extend", "insert", "add", "update", "appendleft", "extendleft", "setdefault"})
# Calls that end the request or the program: code after them in the same block does not run.
FLOW_EXITS = frozenset(
    {
        "abort", "exit", "_exit", "fail", "HttpResponseBadRequest", "HTTPException", "Http404",
        "PermissionDenied", "SuspiciousOperation", "BadRequest", "ValidationError",
    }
)
LOOP_PASSES = 3
STEP_BUDGET = 20


class _FlowState:
    """The state of a pass at one point: the taint of each name, and whether the path has
    left (return, raise, break, continue, exit call)."""

    __slots__ = ("env", "exits")

    def __init__(self, env: dict | None = None, exits: bool = False) -> None:
        self.env = {} if env is None else env
        self.exits = exits


class _FunctionFlow:
    """The ordered pass over one function (or the module body)."""

    def __init__(self, analysis: "TaintAnalysis", scope: ast.AST, only: list | None = None) -> None:
        """The pass over `scope`; with `only` (a module's slice, see
        `TaintAnalysis._slice_flow`), over those of its top-level statements alone, in their
        order, with the budget of the whole body."""
        self.a = analysis
        self.ctx = analysis.ctx
        self.scope = scope
        self.uses: dict[int, frozenset] = {}
        self.returns: frozenset = CLEAN
        self.final_env: dict = {}
        body = scope.body if isinstance(scope, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef)) else []
        # Statements processed so far, against a budget of STEP_BUDGET per statement of the
        # function (`_has_budget`, which counts the statements only when it must).
        self.steps = 0
        self._body = body
        self._limit: int | None = None
        state = _FlowState(env=self._initial_env())
        if isinstance(scope, ast.Lambda):
            self.returns = self.expr(scope.body, state.env)
        else:
            self.block(body if only is None else only, state)
        self.final_env = state.env

    def _has_budget(self) -> bool:
        """Whether fewer statements were processed than STEP_BUDGET per statement of the
        function. Under STEP_BUDGET steps it holds whatever the count (at least one), so
        most functions never count their statements."""
        steps = self.steps
        if steps < STEP_BUDGET:
            return True
        limit = self._limit
        if limit is None:
            limit = self._limit = STEP_BUDGET * max(1, _count_statements(self._body))
        return steps < limit

    # ---- parameters
    def _initial_env(self) -> dict:
        scope = self.scope
        if not isinstance(scope, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return {}
        env: dict = {}
        args = scope.args
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        if args.vararg:
            params.append(args.vararg)
        if args.kwarg:
            params.append(args.kwarg)
        route = self.a.route_kind(scope) if not isinstance(scope, ast.Lambda) else None
        defaults = _param_defaults(args) if route else {}  # read only for a route's parameters
        for i, p in enumerate(params):
            name = p.arg
            if name in ("self", "cls"):
                env[name] = CLEAN
                continue
            # A parameter called `request` is, by every framework's convention, the request
            # object, also in helpers that views pass it to; not one annotated with a class
            # of the program in a module that imports no web framework (`_data_class_request`).
            if _is_request_param(p) or (name in REQUEST_NAMES and not (route is None and _data_class_request(self.a.ctx, p))) or (route == "django" and i == 0):
                env[name] = frozenset({Label("request object", "request")})
                continue
            if route:
                default = defaults.get(name)
                if isinstance(default, ast.Call) and _call_tail(default) in ("Depends", "Security"):
                    env[name] = CLEAN
                    continue
                if route == "fastapi" and _framework_injected(self.a.ctx, p):
                    env[name] = CLEAN
                    continue
                if route == "lambda":
                    env[name] = frozenset({Label("Lambda event" if name == "event" else f"Lambda {name}")}) if i == 0 else CLEAN
                    continue
                if route == "django" and self.a.object_params(scope):
                    # A parameter no URL keyword argument can be (used or annotated as an
                    # object): code calls this function, not the URL router, so none of its
                    # parameters is a route parameter.
                    env[name] = frozenset({Label(f"parameter '{name}'", "param", frozenset(), i)})
                    continue
                label = frozenset({Label(f"route parameter '{name}'")})
                if typed_scalar(p) or name in self.a.converted_params(scope) or (
                    route == "fastapi" and _closed_choice(self.a.ctx, p)
                ):
                    # FastAPI validates `order_id: int`, an Enum member and a Literal value;
                    # Flask's <int:order_id> converts.
                    label = _clear(label, frozenset({ALL}))
                env[name] = label
            else:
                env[name] = frozenset({Label(f"parameter '{name}'", "param", frozenset(), i)})
        return env

    # ---- statements
    def block(self, stmts: list, state: _FlowState) -> None:
        step = self.stmt
        for stmt in stmts:
            if state.exits:
                return
            step(stmt, state)

    def stmt(self, node: ast.stmt, state: _FlowState) -> None:
        # One branch per statement type, the commonest first (the same decisions as an
        # isinstance chain: parsed trees hold no subclasses of these types).
        self.steps += 1
        env = state.env
        kind = type(node)
        ev = self.a.eval
        if kind is ast.Assign:
            value = node.value
            t = ev(value, self, env)
            for target in node.targets:
                self.bind(target, value, t, env)
        elif kind is ast.Expr or kind is ast.Assert or kind is ast.Delete:
            if kind is ast.Expr:
                call = node.value
                ev(call, self, env)  # its one child
            else:
                call = None
                for child in ast.iter_child_nodes(node):
                    if isinstance(child, ast.expr):
                        ev(child, self, env)
            if type(call) is ast.Call:
                func = call.func
                if type(func) is ast.Attribute and func.attr in _MUTATORS and type(func.value) is ast.Name:
                    added = CLEAN
                    for arg in [*call.args, *(k.value for k in call.keywords)]:
                        added = added | ev(arg, self, None)
                    name = func.value.id
                    env[name] = env.get(name, self.outer(name)) | added
            if kind is ast.Expr and _is_exit_call(call):
                state.exits = True
        elif kind is ast.If:
            self.if_stmt(node, state)
        elif kind is ast.Return:
            if node.value is not None:
                self.returns = self.returns | ev(node.value, self, env)
            state.exits = True
        elif kind is ast.AnnAssign:
            if node.value is not None:
                self.bind(node.target, node.value, ev(node.value, self, env), env)
        elif kind is ast.AugAssign:
            t = ev(node.value, self, env)
            target = node.target
            if type(target) is ast.Name:
                old = env.get(target.id, self.outer(target.id))
                env[target.id] = old | t
            else:
                ev(target, self, env)
                self.bind(target, None, t, env, augment=True)
        elif kind is ast.Raise:
            for child in (node.exc, node.cause):
                if child is not None:
                    ev(child, self, env)
            state.exits = True
        elif kind is ast.Break or kind is ast.Continue:
            state.exits = True
        elif kind is ast.For or kind is ast.AsyncFor:
            t = ev(node.iter, self, env)
            self.loop(node, state, lambda st: self.bind(node.target, None, t, st.env))
        elif kind is ast.While:
            self.loop(node, state, lambda st: self.expr(node.test, st.env))
        elif kind is ast.With or kind is ast.AsyncWith:
            for item in node.items:
                t = ev(item.context_expr, self, env)
                if item.optional_vars is not None:
                    self.bind(item.optional_vars, None, t, env)
            self.block(node.body, state)
        elif kind is ast.Try or kind.__name__ == "TryStar":
            self.try_stmt(node, state)
        elif kind is ast.Match:
            self.match_stmt(node, state)
        elif kind is ast.FunctionDef or kind is ast.AsyncFunctionDef or kind is ast.ClassDef:
            for dec in node.decorator_list:
                ev(dec, self, env)
            env[node.name] = CLEAN
        elif kind in _PASSIVE_STATEMENTS:
            pass
        else:  # TypeAlias and statements of newer grammars: evaluate what they hold
            for child in ast.iter_child_nodes(node):
                if isinstance(child, ast.expr):
                    ev(child, self, env)

    def if_stmt(self, node: ast.If, state: _FlowState) -> None:
        env = state.env
        self.expr(node.test, env)
        fixed = _constant_truth(node.test)
        if fixed is not None:  # `if False:` / `if TYPE_CHECKING:` - only one branch runs
            self.block(node.body if fixed else node.orelse, state)
            return
        guard_in, guard_out = self.guard(node.test)
        body = _FlowState(dict(env))
        for name in guard_in:
            body.env[name] = _clear(env.get(name, self.outer(name)), frozenset({ALL}))
        self.block(node.body, body)
        if not node.orelse and not guard_out:
            # No else branch and nothing it proves: it leaves the names as they were, so the
            # state itself stands for it (`join` does not write to the branches after the
            # first that flows on, and writes to the first only when it is not this one).
            self.join(state, [body, state])
            return
        orelse = _FlowState(dict(env))
        for name in guard_out:
            orelse.env[name] = _clear(env.get(name, self.outer(name)), frozenset({ALL}))
        self.block(node.orelse, orelse)
        self.join(state, [body, orelse])

    def guard(self, test: ast.expr) -> tuple[set, set]:
        """Names proven safe in the body (first) or in the else branch (second) of ``if test``."""
        negate = False
        while isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            negate = not negate
            test = test.operand
        if isinstance(test, ast.BoolOp):
            # `A and B` true: what either proves holds in the body; false: what both prove
            # in the else branch. `A or B`: the other way round.
            parts = [self.guard(v) for v in test.values]
            bodies, elses = [p[0] for p in parts], [p[1] for p in parts]
            if isinstance(test.op, ast.And):
                body, orelse = set().union(*bodies), set.intersection(*elses)
            else:
                body, orelse = set.intersection(*bodies), set().union(*elses)
            return (body, orelse) if not negate else (orelse, body)
        safe: set = set()
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], _ORDERINGS):
            # `version > MAX_VERSION`: Python 3 raises TypeError when a str (or bytes, None,
            # a list) is ordered against a number, so past the test, on either branch, the
            # name holds a number.
            left, right = test.left, test.comparators[0]
            for name, other in ((left, right), (right, left)):
                if isinstance(name, ast.Name) and _number(self.ctx, other):
                    return {name.id}, {name.id}
        if isinstance(test, ast.Compare) and len(test.ops) == 1:
            # x in ALLOWED, urlparse(url).hostname in ALLOWED, ext.lower() == ".png": the one
            # name the tested value derives from is checked.
            # Both tests are pure: the cheaper and more often failing one first.
            op = test.ops[0]
            if isinstance(op, (ast.In, ast.NotIn, ast.Eq, ast.NotEq)) and self.ctx.is_constant(test.comparators[0], sanitizers=False):
                root = _single_root(self.ctx, test.left)
                if root:
                    positive = isinstance(op, (ast.In, ast.Eq)) != negate
                    return ({root}, set()) if positive else (set(), {root})
        if isinstance(test, ast.Call):
            name = self.ctx.call_name(test)
            if name in ("re.fullmatch", "re.match") and len(test.args) >= 2 and isinstance(test.args[1], ast.Name):
                if name == "re.fullmatch" or _anchored(self.ctx.const_str(test.args[0])):
                    safe = {test.args[1].id}
            elif (
                isinstance(test.func, ast.Attribute)
                and test.func.attr in ("fullmatch", "match")
                and test.args
                and isinstance(test.args[0], ast.Name)
                and isinstance(test.func.value, ast.Name)
                and _compiled_pattern(self.ctx, test.func.value, test.func.attr)
            ):
                safe = {test.args[0].id}
            elif isinstance(test.func, ast.Attribute) and test.func.attr in ("isdigit", "isdecimal", "isnumeric", "isalnum", "isidentifier") and isinstance(test.func.value, ast.Name):
                safe = {test.func.value.id}
            elif isinstance(test.func, ast.Attribute) and test.func.attr in _CONFINEMENT_METHODS:
                # target.resolve().is_relative_to(BASE), real.startswith(BASE + os.sep)
                root = _single_root(self.ctx, test.func.value)
                if root and all(_single_root(self.ctx, a) != root for a in test.args):
                    safe = {root}
            elif name and name.rsplit(".", 1)[-1] in _VALIDATOR_FUNCTIONS and (test.args or test.keywords):
                first = test.args[0] if test.args else next((k.value for k in test.keywords if k.arg in ("url", "path", "value")), None)
                root = _single_root(self.ctx, first) if first is not None else None
                if root:
                    safe = {root}
            elif name == "builtins.isinstance" and len(test.args) == 2 and isinstance(test.args[0], ast.Name):
                kinds = test.args[1]
                elts = kinds.elts if isinstance(kinds, ast.Tuple) else [kinds]
                if all(isinstance(e, ast.Name) and e.id in ("int", "float", "bool") for e in elts):
                    safe = {test.args[0].id}
        return (safe, set()) if not negate else (set(), safe)

    def loop(self, node: ast.AST, state: _FlowState, head) -> None:
        passes = LOOP_PASSES if self._has_budget() else 1
        for _ in range(passes):
            body = _FlowState(dict(state.env))
            head(body)
            self.block(node.body, body)
            merged = _union_env(state.env, body.env)
            if merged == state.env:
                break
            state.env = merged
        orelse = getattr(node, "orelse", None)
        if orelse:  # without one, the join below would leave every name as it is
            after = _FlowState(dict(state.env))
            self.block(orelse, after)
            state.env = _union_env(state.env, after.env)

    def try_stmt(self, node: ast.AST, state: _FlowState) -> None:
        before = dict(state.env)
        body = _FlowState(dict(before))
        self.block(node.body, body)
        branches = []
        after_body = _FlowState(dict(body.env), body.exits)
        self.block(node.orelse, after_body)
        branches.append(after_body)
        for handler in node.handlers:
            h = _FlowState(_union_env(before, body.env))
            if handler.type is not None:
                self.expr(handler.type, h.env)
            if handler.name:
                h.env[handler.name] = CLEAN
            self.block(handler.body, h)
            branches.append(h)
        self.join(state, branches)
        if node.finalbody:
            exits = state.exits
            state.exits = False
            self.block(node.finalbody, state)
            state.exits = state.exits or exits

    def match_stmt(self, node: ast.Match, state: _FlowState) -> None:
        subject = self.expr(node.subject, state.env)
        branches = []
        for case in node.cases:
            c = _FlowState(dict(state.env))
            for pat in ast.walk(case.pattern):
                name = getattr(pat, "name", None) or getattr(pat, "rest", None)
                if isinstance(name, str):
                    c.env[name] = subject
            if case.guard is not None:
                self.expr(case.guard, c.env)
            self.block(case.body, c)
            branches.append(c)
        branches.append(_FlowState(dict(state.env)))  # no case matched
        self.join(state, branches)

    def join(self, state: _FlowState, branches: list) -> None:
        """Union of the branches that flow on into `state` (which may be one of them). The
        branches are the caller's to drop: the first live one's names are updated in place
        (copied first when it is `state` itself, whose dict may be shared)."""
        live = [b for b in branches if not b.exits]
        if not live:
            state.exits = True
            state.env = {}
            return
        first = live[0]
        if first is state and len(live) == 1:
            return  # every other branch ends: the state flows on as it is
        env = first.env if first is not state else dict(first.env)
        for b in live[1:]:
            _union_into(env, b.env)
        state.env = env

    def bind(self, target: ast.AST, value: ast.AST | None, taint: frozenset, env: dict, augment: bool = False) -> None:
        work = [(target, value, taint)]
        while work:
            tgt, val, t = work.pop()
            if isinstance(tgt, ast.Name):
                env[tgt.id] = (env.get(tgt.id, CLEAN) | t) if augment else t
            elif isinstance(tgt, (ast.Tuple, ast.List)):
                pair = isinstance(val, (ast.Tuple, ast.List)) and len(val.elts) == len(tgt.elts)
                for i, elt in enumerate(tgt.elts):
                    if pair:
                        work.append((elt, val.elts[i], self.uses_of(val.elts[i], env)))
                    else:
                        work.append((elt, None, t))
            elif isinstance(tgt, ast.Starred):
                work.append((tgt.value, None, t))
            elif isinstance(tgt, ast.Subscript):
                self.expr(tgt.slice, env)
                base = tgt.value
                while isinstance(base, ast.Subscript):
                    base = base.value
                if isinstance(base, ast.Name) and t:
                    env[base.id] = env.get(base.id, self.outer(base.id)) | t
                elif isinstance(base, ast.Attribute) and t:
                    # request.session[k] = v taints the slot request.session, not request.
                    key = _attr_key(base)
                    if key:
                        env[key] = env.get(key, CLEAN) | t
            elif isinstance(tgt, ast.Attribute):
                self.expr(tgt.value, env)
                key = _attr_key(tgt)
                if key:
                    env[key] = (env.get(key, CLEAN) | t) if augment else t

    def uses_of(self, expr: ast.AST, env: dict) -> frozenset:
        return self.a.eval(expr, self, env)

    def expr(self, expr: ast.AST, env: dict) -> frozenset:
        return self.a.eval(expr, self, env)

    def outer(self, name: str) -> frozenset:
        """Taint of a name not bound in this function: the enclosing scopes' final state."""
        return self.a.outer_taint(self.scope, name)


# Checks that confine a path or URL when they pass.
_CONFINEMENT_METHODS = frozenset({"is_relative_to", "startswith"})
# Validators whose True result means the first argument is safe to use.
# Django: url_has_allowed_host_and_scheme (formerly is_safe_url).
_VALIDATOR_FUNCTIONS = frozenset({"url_has_allowed_host_and_scheme", "is_safe_url", "is_safe_path", "is_allowed_host", "validate_url"})


def _single_root(ctx: "FileContext", expr: ast.AST) -> str | None:
    """The one local variable an expression is computed from (``urlparse(url).hostname`` ->
    url, ``os.path.realpath(p)`` -> p); imported names, builtins and constants do not count.
    None when there is no such variable or several."""
    roots = set()
    for node in ast.walk(expr):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            found = ctx.lookup(node.id, node)
            if found is not None and found[0] == "local" and not ctx.is_constant(node, sanitizers=False):
                roots.add(node.id)
                if len(roots) > 1:
                    return None  # several already: the rest cannot make it one
    return roots.pop() if len(roots) == 1 else None


_ORDERINGS = (ast.Lt, ast.LtE, ast.Gt, ast.GtE)


def _number(ctx: "FileContext", expr: ast.AST) -> bool:
    """An int or float literal (negated or not), or a name bound to one
    (`FileContext.reaching_value`); not a bool."""
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if isinstance(expr, ast.UnaryOp) and isinstance(expr.op, ast.USub):
        expr = expr.operand
    return isinstance(expr, ast.Constant) and type(expr.value) in (int, float)


def _constant_truth(test: ast.AST) -> bool | None:
    """True/False for tests fixed when the code is written (``if False:``, ``if 0:``,
    ``if TYPE_CHECKING:``), None otherwise."""
    if isinstance(test, ast.Constant):
        return bool(test.value)
    if isinstance(test, ast.Name) and test.id == "TYPE_CHECKING":
        return False
    if isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING":
        return False
    return None


def is_dead(ctx: "FileContext", node: ast.AST) -> bool:
    """True when `node` sits in a branch that can never run (``if False:`` body, ...).

    Memoised per node on the context: every injection rule asks about the same calls."""
    memo = ctx.__dict__.setdefault("_dead", {})
    key = id(node)
    if key not in memo:
        memo[key] = _is_dead(ctx, node)
    return memo[key]


def _is_dead(ctx: "FileContext", node: ast.AST) -> bool:
    child = node
    for anc in ctx.ancestors(node):
        if isinstance(anc, (ast.If, ast.While)):
            fixed = _constant_truth(anc.test)
            if fixed is False and child in anc.body:
                return True
            if fixed is True and child in anc.orelse:
                return True
        child = anc
    return False


def _union_env(a: dict, b: dict) -> dict:
    """``a`` and ``b`` joined: each name's labels in either (a new dict). Names whose labels
    `b` does not add to keep `a`'s set, without building a union per name: the module's state
    holds a name per def and class, and each top-level ``try`` or loop joins it whole."""
    out = dict(a)
    _union_into(out, b)
    return out


def _union_into(out: dict, b: dict) -> None:
    """`_union_env` in place: ``out[k] |= b[k]`` for every name of `b` (same values; a
    union is only built when it adds labels)."""
    get = out.get
    for k, v in b.items():
        cur = get(k)
        if cur is None:
            out[k] = v
        elif v is not cur and v and not v <= cur:
            out[k] = cur | v


def _attr_key(node: ast.Attribute) -> str | None:
    """``self.x`` -> ``"self.x"``: attribute slots tracked like names, one level deep."""
    if isinstance(node.value, ast.Name):
        return f"{node.value.id}.{node.attr}"
    return None


# The largest slice, as a share of the module's top-level statements: past it, the pass over
# the whole module costs about as much and serves every later query (`_slice_statements`).
_SLICE_SHARE = 0.5

# Simple top-level statements for a module's slice (`TaintAnalysis._slice_flow`): none of them
# can end the pass (but an exit call, checked apart), and what they write is bound in the
# index or is a subscript or attribute target. The other (compound) statements are in a slice
# when they may end the pass (`_may_end`) or write one of its names (`_compound_writes`).
_SLICE_SIMPLE = frozenset({
    ast.Assign, ast.AnnAssign, ast.AugAssign, ast.Expr, ast.Import, ast.ImportFrom, ast.FunctionDef,
    ast.AsyncFunctionDef, ast.ClassDef, ast.Pass, ast.Global, ast.Nonlocal, ast.Assert, ast.Delete,
})
_DEF_KINDS = (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)
# A decorator holding one of these may write names the index binds in the def's own scope.
_DECORATOR_BINDERS = frozenset({ast.NamedExpr, ast.comprehension})


# Parts of a comprehension target the index binds in full (`FileContext._bind_target`).
_PLAIN_TARGET_PARTS = frozenset({ast.Name, ast.Tuple, ast.List, ast.Starred, ast.Store})


def _target_roots(targets: list) -> list[str]:
    """The root names of the subscript and attribute targets among `targets` (through tuple,
    list and starred unpacking): ``d`` for ``d[k] = v`` or ``d.a[k], x = v``."""
    found: list[str] = []
    work = list(targets)
    chained = (ast.Subscript, ast.Attribute)
    while work:
        target = work.pop()
        kind = type(target)
        if kind is ast.Tuple or kind is ast.List:
            work.extend(target.elts)
        elif kind is ast.Starred:
            work.append(target.value)
        elif kind in chained:
            base = target.value
            while type(base) in chained:
                base = base.value
            if type(base) is ast.Name:
                found.append(base.id)
    return found


def _may_end(stmts: list) -> bool:
    """Whether a pass through the statement list `stmts` may end in it (`_FlowState.exits`
    set after it), as `_FunctionFlow.block` and its statement handlers decide: a superset
    (a test that is not constant may go either way). Loops and ``match`` never end a pass
    (their body ends only its own branch; a ``match`` always keeps the branch where no case
    matched); an ``if`` or a ``try`` ends it only when every branch may end, or its
    ``finally`` does."""
    for stmt in stmts:
        kind = type(stmt)
        if kind in _SLICE_SIMPLE:
            if kind is ast.Expr and _is_exit_call(stmt.value):  # type: ignore[attr-defined]
                return True
        elif kind in _ENDINGS:
            return True
        elif kind is ast.If:
            fixed = _constant_truth(stmt.test)  # type: ignore[attr-defined]
            if fixed is not None:
                if _may_end(stmt.body if fixed else stmt.orelse):  # type: ignore[attr-defined]
                    return True
            elif _may_end(stmt.body) and _may_end(stmt.orelse):  # type: ignore[attr-defined]
                return True
        elif kind in _LOOPS or kind is ast.Match:
            continue
        elif kind is ast.With or kind is ast.AsyncWith:
            if _may_end(stmt.body):  # type: ignore[attr-defined]
                return True
        elif kind is ast.Try or kind.__name__ == "TryStar":
            settled = _may_end(stmt.body) or _may_end(stmt.orelse)  # type: ignore[attr-defined]
            if (settled and all(_may_end(h.body) for h in stmt.handlers)) or _may_end(stmt.finalbody):  # type: ignore[attr-defined]
                return True
        else:  # statements of newer grammars: assume the worst
            return True
    return False


_ENDINGS = (ast.Raise, ast.Return, ast.Break, ast.Continue)
_LOOPS = (ast.For, ast.AsyncFor, ast.While)


def _compound_writes(stmt: ast.AST) -> set[str]:
    """A superset of the names a pass through compound statement `stmt` may write (outside
    the bodies of defs and classes, which it does not enter): names stored or deleted, the
    root names of subscript and attribute targets, def and class names, except and match
    capture names, the root names of mutator calls (``parts.append(x)``), and every name in
    an ``if`` test (`_FunctionFlow.guard` may prove it safe in a branch)."""
    found: set[str] = set()
    work = [stmt]
    name_type, load = ast.Name, ast.Load
    chained = (ast.Subscript, ast.Attribute)
    while work:
        node = work.pop()
        kind = type(node)
        if kind is name_type:
            if type(node.ctx) is not load:  # type: ignore[attr-defined]
                found.add(node.id)  # type: ignore[attr-defined]
            continue
        if kind in _DEF_KINDS:
            found.add(node.name)  # type: ignore[attr-defined]
            work.extend(node.decorator_list)  # type: ignore[attr-defined]
            continue
        if kind is ast.If:
            found.update(_read_names(node.test))  # type: ignore[attr-defined]
        elif kind in chained and type(node.ctx) is not load:  # type: ignore[attr-defined]
            found.update(_target_roots([node]))
        elif kind is ast.Call:
            func = node.func  # type: ignore[attr-defined]
            if type(func) is ast.Attribute and func.attr in _MUTATORS:
                found.update(_target_roots([func]))
        else:
            for field in ("name", "rest"):  # except handlers, match captures
                value = getattr(node, field, None)
                if type(value) is str and kind is not ast.alias:
                    found.add(value)
        work.extend(child_nodes(node))
    return found


def _top_statement(ctx: "FileContext", node: ast.AST) -> ast.AST | None:
    """The top-level statement of the module that holds `node` (`node` itself if it is
    one); None for the module or a node the index does not hold."""
    tree, parents = ctx.tree, ctx.parents
    up = parents.get(node)
    while up is not tree and up is not None:
        node, up = up, parents.get(up)
    return node if up is tree else None


def _read_names(stmt: ast.AST) -> list[str]:
    """Every name a module pass may read evaluating top-level statement `stmt` (a superset:
    every identifier of a Name node in it, in any context), without entering the bodies,
    parameters and bases of defs and classes, of which the pass evaluates only the
    decorators."""
    found: list[str] = []
    work = [stmt]
    name_type = ast.Name
    while work:
        node = work.pop()
        kind = type(node)
        if kind is name_type:
            found.append(node.id)  # type: ignore[attr-defined]
        elif kind in _DEF_KINDS:
            work.extend(node.decorator_list)  # type: ignore[attr-defined]
        else:
            work.extend(child_nodes(node))
    return found


def _count_statements(body: list) -> int:
    n = 0
    work = list(body)
    while work:
        node = work.pop()
        if isinstance(node, ast.stmt):
            n += 1
            if not isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                for f in ("body", "orelse", "finalbody", "handlers", "cases"):
                    work.extend(getattr(node, f, ()) or ())
        elif isinstance(node, (ast.excepthandler, ast.match_case)):
            work.extend(node.body)
    return n


def _param_defaults(args: ast.arguments) -> dict:
    out = {}
    positional = [*args.posonlyargs, *args.args]
    for p, d in zip(positional[len(positional) - len(args.defaults):], args.defaults):
        out[p.arg] = d
    for p, d in zip(args.kwonlyargs, args.kw_defaults):
        if d is not None:
            out[p.arg] = d
    return out


def _call_tail(call: ast.Call) -> str:
    f = call.func
    return f.id if isinstance(f, ast.Name) else getattr(f, "attr", "")


_WEB_MODULES = ("flask", "quart", "fastapi", "starlette", "django", "rest_framework", "sanic", "bottle", "litestar", "aiohttp")


_SCALAR_TYPES = frozenset({"int", "float", "bool", "UUID", "uuid.UUID", "date", "datetime", "Decimal", "PositiveInt", "NonNegativeInt", "conint", "confloat", "StrictInt", "StrictBool"})


def typed_scalar(p: ast.arg) -> bool:
    """A parameter annotated with a scalar type (`_SCALAR_TYPES`: ``x: int``,
    ``value: datetime.datetime``, also inside ``Annotated[...]``): for a route, one the
    framework validates; elsewhere the caller's promise of a value without markup."""
    ann = p.annotation
    if isinstance(ann, ast.Subscript) and getattr(ann.value, "id", getattr(ann.value, "attr", "")) == "Annotated":
        ann = ann.slice.elts[0] if isinstance(ann.slice, ast.Tuple) and ann.slice.elts else ann.slice
    if isinstance(ann, ast.Call):
        ann = ann.func
    name = ann.id if isinstance(ann, ast.Name) else getattr(ann, "attr", None)
    return name in _SCALAR_TYPES


_ENUM_BASES = frozenset({"Enum", "IntEnum", "StrEnum", "Flag", "IntFlag"})


def _closed_choice(ctx: "FileContext", p: ast.arg) -> bool:
    """A parameter annotated with a closed set of values FastAPI validates: ``Literal["a",
    "b"]`` of constants, or an Enum class of this module (``theme: Theme``); FastAPI answers
    422 for anything else (https://fastapi.tiangolo.com/tutorial/path-params/#predefined-values)."""
    ann = p.annotation
    if isinstance(ann, ast.Subscript) and getattr(ann.value, "id", getattr(ann.value, "attr", "")) == "Annotated":
        ann = ann.slice.elts[0] if isinstance(ann.slice, ast.Tuple) and ann.slice.elts else ann.slice
    if isinstance(ann, ast.Subscript) and getattr(ann.value, "id", getattr(ann.value, "attr", "")) == "Literal":
        values = ann.slice.elts if isinstance(ann.slice, ast.Tuple) else [ann.slice]
        return all(isinstance(v, ast.Constant) for v in values)
    if not isinstance(ann, ast.Name):
        return False
    found = ctx.lookup(ann.id, ann)
    if found is None or found[0] != "local":
        return False
    for b in found[1]:  # type: ignore[union-attr]
        if isinstance(b.target, ast.ClassDef):
            return any(getattr(base, "id", getattr(base, "attr", "")) in _ENUM_BASES for base in b.target.bases)
    return False


_CONVERTER = lazy_compile(r"<(?:int|float|uuid):([A-Za-z_][A-Za-z0-9_]{0,60})>")


# What a Django URL keyword argument can be: path converters give str, int and uuid.UUID
# values (https://docs.djangoproject.com/en/stable/topics/http/urls/#path-converters).
_URL_VALUE_ATTRS = frozenset(dir(str)) | frozenset(dir(int)) | frozenset(
    {
        "hex", "int", "bytes", "bytes_le", "urn", "version", "variant", "fields", "time",
        "time_low", "time_mid", "time_hi_version", "clock_seq", "clock_seq_hi_variant",
        "clock_seq_low", "node", "is_safe",
    }
)


# How many functions `TaintAnalysis.judge` follows up through their callers before it
# answers "unknown", and how many flows `TaintAnalysis.returns` builds one inside another:
# each level costs a few Python frames, and a generated chain of 500 helpers (or a cycle
# of 130) must not reach the interpreter's recursion limit.
_MAX_CALLER_DEPTH = 40


# Annotations a Django URL keyword argument can have (path converters: str, int, UUID;
# also the Optional / Union / Annotated forms of them, and no type at all).
_URL_VALUE_TYPES = frozenset({"str", "int", "UUID", "uuid.UUID", "Optional", "Union", "Annotated", "Any", "None", "typing.Any"})


def _object_annotation(annotation: ast.AST | None) -> bool:
    """True for an annotation no URL keyword argument can satisfy: ``dict``, ``Dict[str,
    Any]``, ``list``, ``SocialLogin``. Strings in an annotation (forward references) and
    subscripts are read by their names; any unknown shape counts as no object."""
    if annotation is None:
        return False
    names = []
    for node in ast.walk(annotation):
        if isinstance(node, ast.Name):
            names.append(node.id)
        elif isinstance(node, ast.Attribute):
            names.append(node.attr)
        elif isinstance(node, (ast.Constant,)) and node.value is not None:
            return False  # a forward reference or Literal[...]: not judged
    head = names[0] if names else None
    return head is not None and head not in _URL_VALUE_TYPES and head not in ("Request", "HttpRequest")


def _is_request_param(p: ast.arg) -> bool:
    ann = p.annotation
    if ann is None:
        return False
    name = ann.id if isinstance(ann, ast.Name) else getattr(ann, "attr", "")
    return name in ("Request", "HttpRequest", "WebSocket", "ASGIRequest", "WSGIRequest")


# Top-level packages of web frameworks and servers whose request objects a parameter called
# `request` may hold (also imported only for an annotation).
_REQUEST_MODULES = (*_WEB_MODULES, "werkzeug", "tornado", "pyramid", "falcon", "ninja", "channels", "http")


def _data_class_request(ctx, p: ast.arg) -> bool:
    """A parameter called ``request`` that is annotated with a class of the program, in a
    module that imports no web framework: a request *message* (marimo's
    ``request: ScriptFileExportRequest``, a dataclass with a ``path``), not an HTTP request.
    The annotation is a plain name or attribute that spells no HTTP request type (no
    ``Http``, ``WSGI``, ``ASGI`` in it, not ``Request`` itself)."""
    ann = p.annotation
    if not isinstance(ann, (ast.Name, ast.Attribute)):
        return False
    label = ann.id if isinstance(ann, ast.Name) else ann.attr
    if label in ("Request", "WebSocket", "Any", "object") or any(w in label for w in ("Http", "WSGI", "ASGI", "Wsgi", "Asgi")):
        return False
    return not ctx.imports_any(_REQUEST_MODULES)


# FastAPI parameters whose value the framework makes, not the client: the outgoing response
# and the background task queue (https://fastapi.tiangolo.com/advanced/response-change-status-code/,
# https://fastapi.tiangolo.com/tutorial/background-tasks/).
_INJECTED_TYPES = frozenset({"Response", "BackgroundTasks"})


def _framework_injected(ctx, p: ast.arg) -> bool:
    """A FastAPI handler parameter that carries no request data: annotated ``Response`` or
    ``BackgroundTasks``, or ``Annotated[T, Depends(...)]`` (also through a type alias of
    the module, or an imported alias named ``...Dep`` / ``...Dependency`` by FastAPI's
    convention: ``SessionDep = Annotated[Session, Depends(get_session)]``)."""
    ann = p.annotation
    if isinstance(ann, ast.Name):
        if ann.id.endswith(("Dep", "Dependency")) and ann.id[:1].isupper():
            return True
        ann = ctx.reaching_value(ann) or ann
    name = ann.id if isinstance(ann, ast.Name) else getattr(ann, "attr", "")
    if name in _INJECTED_TYPES:
        return True
    if isinstance(ann, ast.Subscript) and getattr(ann.value, "id", getattr(ann.value, "attr", "")) == "Annotated":
        extras = ann.slice.elts[1:] if isinstance(ann.slice, ast.Tuple) else []
        return any(isinstance(e, ast.Call) and _call_tail(e) in ("Depends", "Security") for e in extras)
    return False


def _is_exit_call(expr: ast.AST) -> bool:
    return isinstance(expr, ast.Call) and _call_tail(expr) in FLOW_EXITS


def _anchored(pattern: str | None) -> bool:
    return bool(pattern) and pattern.startswith("^") and (pattern.endswith("$") or pattern.endswith("\\Z"))


def _compiled_pattern(ctx: "FileContext", name: ast.Name, method: str) -> bool:
    value = ctx.reaching_value(name)
    if isinstance(value, ast.Call) and ctx.call_name(value) == "re.compile" and value.args:
        return method == "fullmatch" or _anchored(ctx.const_str(value.args[0]))
    return False


def _search(start: ast.AST, memo: dict, expand: Callable[[ast.AST], tuple[bool, list]]) -> bool:
    """Reachability with a per-file memo, for `TaintAnalysis.may_be_source`: True as soon as
    `expand(node)` (``(hit, successors)``; None successors are skipped) reports a hit from
    `start` or a node reachable from it, or a reached node is memoised True; else False,
    and every node the failed search visited is memoised False (it reaches only what the
    search saw)."""
    known = memo.get(start)
    if known is not None:
        return known
    seen = {start}
    work = [start]
    while work:
        current = work.pop()
        known = memo.get(current)
        if known is False:
            continue
        if known:
            memo[start] = True
            return True
        hit, nexts = expand(current)
        if hit:
            memo[start] = True
            return True
        for nxt in nexts:
            if nxt is not None and nxt not in seen:
                seen.add(nxt)
                work.append(nxt)
    for visited in seen:
        memo[visited] = False
    return False


class TaintAnalysis:
    """Taint for one file; created lazily by `FileContext.taint`.

    `of(expr)` is the main query: the labels of an expression at its own program point.
    """

    def __init__(self, ctx: "FileContext") -> None:
        self.ctx = ctx
        self._flows: dict[ast.AST, _FunctionFlow] = {}
        self._in_progress: set = set()
        self._routes: dict[ast.AST, str | None] = {}
        # `callers` per def, and the module's calls that may target a module def, by the
        # name they call (``f(...)``: f; ``self.m(...)``/``cls.m(...)``: m).
        self._callers: dict = {}
        self._by_name: dict | None = None
        self._entry: bool | None = None
        self._judging: set = set()
        # `outer_taint`'s enclosing scopes per scope, and `local_function` per callee node.
        self._outers: dict = {}
        self._local: dict = {}
        # `_module_slice`: the module's final taint per name its slices settled, and what
        # the slices need of the top-level statements (found once per file).
        self._settled: dict[str, frozenset] = {}
        self._sliced: dict[int, tuple[_FunctionFlow, set[str]]] = {}
        self._slicing: tuple | None = None
        # `may_be_source`'s memos: per scope, whether it reaches a trigger and what `_scan`
        # found in it; per def, whether its callers may pass a source; the names to resolve.
        self._may_memo: dict = {}
        self._called_memo: dict = {}
        self._scans: dict = {}
        self._scan_names: dict = {}
        self._risky: frozenset | None = None
        self._object_memo: dict = {}
        self.extra_sources = frozenset(ctx.settings.extra_sources)
        # _source_label per qualified name (labels are immutable, so shared by every file
        # analysed with the same extra sources).
        self._labels: dict[str, frozenset] = _SOURCE_LABELS.setdefault(self.extra_sources, {})
        extra_sanitizers = {}
        for spec in ctx.settings.extra_sanitizers:
            name, _, kinds = spec.partition(":")
            extra_sanitizers[name] = frozenset(kinds.split("|")) if kinds else frozenset({ALL})
        self.sanitizers = {**SANITIZERS, **extra_sanitizers}

    @functools.cached_property
    def _label_ids(self) -> frozenset:
        """The identifiers `x` for which a Name ``x``, or an attribute chain on one
        (``x.a.b``), may have a qualified name that `eval` acts on: one with a source label
        (`_source_label`), or, for an attribute, one that `_attribute` returns on
        (`_REQUEST_ROOTS`). The chain's qualified name (`FileContext.qualname`) is None or
        ``r`` or ``r.a.b`` for ``r`` the target of an import binding `x` in some scope
        (``ctx.imports[scope][x]``) or ``builtins.x``; it can equal or start with a key
        (`_source_keys`) or one of `_REQUEST_ROOTS` only when ``r`` starts with that key or
        is a prefix of it (`_risky_builtins` for the builtins). For the other names `eval`
        skips the resolution, whose answer it would not act on: exact. Found on first use
        (not every analysis evaluates an expression)."""
        keys, prefixes, _ = _source_keys(self.extra_sources)
        names = self.ctx.import_aliases(lambda qn: qn in prefixes or qn.startswith(keys) or qn.startswith(_REQUEST_ROOTS))
        return frozenset(names.union(_risky_builtins(self.extra_sources)))

    def close(self) -> None:
        """Drop the per-function flows, which refer back to this analysis (a cycle that would
        keep the file's tree alive until the host's next collection); `FileContext.close`
        calls it once the file's checks are done."""
        self._flows.clear()
        self._callers = {}
        self._by_name = None
        self._may_memo.clear()
        self._called_memo.clear()
        self._scans.clear()
        self._scan_names.clear()
        self._outers.clear()
        self._local.clear()
        self._object_memo.clear()
        self._settled = {}
        self._sliced = {}
        self._slicing = None

    # ---- public queries
    def of(self, expr: ast.AST) -> frozenset:
        """Labels of `expr` at its program point; empty when the program built the value."""
        scope = self._scope_for(expr)
        tree = self.ctx.tree
        if scope is tree and tree not in self._flows and tree not in self._in_progress:
            flow = self._module_flow_for(expr)  # the module's slice, not its whole pass
        else:
            flow = self.flow(scope)
        return self.eval(expr, flow, None)

    def returns(self, func: ast.AST) -> frozenset:
        """Labels of what `func` returns, parameters included as "param" labels. CLEAN for a
        def whose flow is being built (a call cycle), and for one not built yet when
        `_MAX_CALLER_DEPTH` flows are already being built (a chain of helpers too long to
        follow: the interpreter's recursion limit comes first)."""
        if func in self._in_progress:
            return CLEAN
        if len(self._in_progress) >= _MAX_CALLER_DEPTH and func not in self._flows:
            return CLEAN
        return self.flow(func).returns

    def converted_params(self, func: ast.AST) -> frozenset:
        """Names a Flask route's converters make scalar: ``@app.route("/o/<int:order_id>")``."""
        names = set()
        for dec in getattr(func, "decorator_list", ()):
            if isinstance(dec, ast.Call):
                for arg in dec.args[:1]:
                    rule = self.ctx.const_str(arg)
                    if rule:
                        names.update(_CONVERTER.findall(rule))
        return frozenset(names)

    def callers(self, func: ast.AST) -> list[ast.Call]:
        """Calls in this module that target `func` (by name, or ``self.method``), in source
        order. Only calls that name `func` can target it (`local_function` resolves a name
        or a ``self``/``cls`` attribute to a def of that name), so only those are resolved;
        memoised per def."""
        found = self._callers.get(func)
        if found is None:
            name = getattr(func, "name", None)
            candidates = self._calls_by_name().get(name, ()) if isinstance(name, str) else ()
            local = self.local_function
            found = self._callers[func] = [call for call in candidates if local(call.func) is func]
        return found

    def _calls_by_name(self) -> dict:
        """The module's calls ``name(...)``, ``self.name(...)`` and ``cls.name(...)`` by
        name, for the names of the file's defs, in source order; one pass over the file's
        calls."""
        index = self._by_name
        if index is None:
            index = self._by_name = {}
            name_type, attribute_type = ast.Name, ast.Attribute
            # Only a call named like one of the file's defs can target one (`_local_function`).
            defs = self._def_names
            for node in self.ctx.nodes_of(ast.Call):
                func = node.func  # type: ignore[attr-defined]
                kind = type(func)
                if kind is name_type:
                    key = func.id
                elif kind is attribute_type and type(func.value) is name_type and func.value.id in ("self", "cls"):
                    key = func.attr
                else:
                    continue
                if key not in defs:
                    continue
                calls = index.get(key)
                if calls is None:
                    index[key] = [node]
                else:
                    calls.append(node)
        return index

    def param_origins(self, func: ast.AST, index: int, sink_kind: str) -> set | None:
        """What the module's callers pass for parameter `index` of `func`.

        Returns the set of untrusted origins they pass (empty: every caller passes a constant
        or checked value), or None when some caller passes an unknown value, when nobody
        here calls `func`, or when every caller is safe but `func` is public in a library
        module (its other callers are elsewhere). Callers that
        forward their own parameters are followed through their callers in turn.
        """
        calls = self.callers(func)
        if not calls:
            return None
        # All callers are known only for a private function, or in an entry-point module (a
        # script, a routes module, a Lambda handler); a library module's public functions
        # have callers elsewhere.
        internal = getattr(func, "name", "").startswith("_") or self.entry_module()
        found: set = set()
        for call in calls:
            arg = _argument(func, call, index, isinstance(call.func, ast.Attribute))
            if arg is None:
                if _has_default(func, index):
                    continue
                return None
            if self.ctx.is_constant(arg):
                continue
            sub = self.judge(arg, sink_kind)
            if sub[0] == "unknown":
                return None
            found.update(sub[1])
        if not found and not internal:
            return None
        return found

    def entry_module(self) -> bool:
        """True for a script (``if __name__ == "__main__":``), a module with route handlers or
        a Lambda handler: code that is run, not imported for its functions."""
        if self._entry is None:
            ctx = self.ctx
            entry = any(
                isinstance(node, ast.If) and ctx.in_main_guard(node.body[0]) for node in ctx.tree.body if isinstance(node, ast.If) and node.body
            )
            if not entry:
                entry = any(self.route_kind(node) is not None for node in ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef))
            self._entry = entry
        return self._entry

    def judge(self, expr: ast.AST, sink_kind: str) -> tuple[str, list[str]]:
        """``(verdict, origins)`` for a non-constant value at a sink.

        Like `verdict`, refined through the module's callers: a value made only of
        parameters is "safe" when every caller here passes a constant or checked value, and
        "source" (with the callers' origins, e.g. ``sys.argv via purge()``) when one passes
        untrusted input. The finding then stays at the sink, where the fix goes.
        """
        taint = self.of(expr)
        seen = verdict(taint, sink_kind)
        if seen != "unknown":
            return seen, origins(taint, sink_kind)
        live = tainted_for(taint, sink_kind)
        func = self.ctx.enclosing_function(expr)
        if not live or func is None or not all(lab.kind == "param" for lab in live):
            return "unknown", []
        key = (func, sink_kind)
        if key in self._judging or len(self._judging) >= _MAX_CALLER_DEPTH:
            return "unknown", []  # a call cycle, or a chain of callers too long to follow
        self._judging.add(key)
        try:
            found: set = set()
            for lab in live:
                sub = self.param_origins(func, lab.param_index, sink_kind)
                if sub is None:
                    return "unknown", []
                found.update(f"{o} via {func.name}()" for o in sub)
        finally:
            self._judging.discard(key)
        return ("source", sorted(found)) if found else ("safe", [])

    def may_be_source(self, expr: ast.AST) -> bool:
        """False only when ``judge(expr, kind)`` is not ``"source"`` for any sink kind (and
        `of` holds no label of kind ``source``), decided without building a flow.

        A cheap, exact pre-check for a check that acts only on a "source" verdict (AIS305):
        in most functions no untrusted value exists at all. Every source label the analysis
        creates starts at a *trigger* (`_scan`): a request or route parameter, a name or
        attribute chain that resolves to a source (`SOURCE_QUALNAMES`, the
        ``aisec-extra-sources`` option, `LLM_FUNCTIONS`, ``parse_args``), ``self.request``,
        ``self.kwargs``, a language-model call. The query evaluates `expr` itself (its
        triggers, the summaries of the module functions it calls) over the state its scope's
        pass left; a pass state takes labels only from the pass's own triggers, from the
        enclosing scopes' final state (`outer_taint`) and from the summaries of the functions
        it calls (`_through`) (`_may`); of the module's final state, a pass reads only the
        names it reads, each settled by the module's slice for it (`_may_module_name`).
        `judge` then also follows the module's callers
        (`param_origins`: `_called`). A query that none of these paths links to a trigger
        cannot end in "source". The searches touch only the scopes they need (memoised per
        file), so a query costs the same in a small module as in a large one."""
        if self._may(self._scope_for(expr)) or self._reaches_with_names([expr]):
            return True
        func = self.ctx.enclosing_function(expr)
        return func is not None and self._called(func)

    def _reaches_with_names(self, work: list) -> bool:
        """`_reaches` of `_scan_nodes(work)`, or one of the module names the code under `work`
        reads may hold a source (`_may_module_name`): a query evaluates that code itself, and
        reads a name it does not find in its scope's pass from the enclosing scopes' final
        state (code the pass never evaluates: decorators, defaults, annotations, class bodies,
        a call's own arguments)."""
        names: set[str] = set()
        if self._reaches(self._scan_nodes(work, names)):
            return True
        return any(self._may(node) for node in self._module_name_nodes(names))

    def _reaches(self, scanned: tuple[bool, list]) -> bool:
        """Whether a `_scan_nodes` result holds a trigger or calls a function whose pass
        `_may` reaches one."""
        triggered, calls = scanned
        if triggered:
            return True
        local = self.local_function
        return any(target is not None and self._may(target) for target in (local(call.func) for call in calls))

    def _may(self, scope: ast.AST) -> bool:
        """Whether the pass over `scope` may hold a source label: a triggered pass is
        reachable from it through enclosing scopes and called functions (see
        `may_be_source`)."""
        tree = self.ctx.tree
        local = self.local_function

        def expand(current: ast.AST) -> tuple[bool, list]:
            if type(current) is tuple:  # ("module name", name): see `_may_module_name`
                return self._may_module_name(current[1])
            triggered, calls = self._scan(current)
            if triggered:
                return True, []
            nexts = [local(call.func) for call in calls]  # type: ignore[attr-defined]
            if current is not tree:
                outer = self._scope_for(current)
                if outer is not tree:
                    nexts.append(outer)
                nexts.extend(self._module_names_read(current))
            return False, nexts

        return _search(scope, self._may_memo, expand)

    def _module_names_read(self, scope: ast.AST) -> list:
        """The `_may` nodes for the module names the pass over `scope` (a def or a lambda,
        scanned already) may read from the module's final state (`outer_taint`): one
        ``("module name", name)`` per name it reads that the module pass may write (a
        binding of the index at module level, or a write `_slice_facts` records); the
        module itself when its slices are not known. A name the pass never writes stays
        CLEAN there."""
        names = self._scan_names.get(scope)
        if names is None:  # not a def or lambda scanned in full: assume the whole module
            return [self.ctx.tree]
        return self._module_name_nodes(names)

    def _module_name_nodes(self, names: set[str]) -> list:
        """``("module name", name)`` for each of `names` that the module pass may write (a
        binding of the index at module level, or a write `_slice_facts` records)."""
        bound = self.ctx.bindings[self.ctx.tree]
        extra = self._facts()[2]
        return [("module name", name) for name in names if name in bound or name in extra]

    def _may_module_name(self, name: str) -> tuple[bool, list]:
        """`_may`'s expansion of ``("module name", name)``: `_scan_nodes` of the statements of
        the module's slice for `name` (`_slice_flow`), the only code whose evaluation
        decides the name's taint in the module's final state; the whole module when the
        slice holds most of it."""
        chosen = self._slice_statements([name])
        if chosen is None:
            return False, [self.ctx.tree]
        body = self.ctx.tree.body  # type: ignore[attr-defined]
        triggered, calls = self._scan_nodes([body[i] for i in chosen[0]])
        if triggered:
            return True, []
        local = self.local_function
        return False, [local(call.func) for call in calls]  # type: ignore[attr-defined]

    def _called(self, func: ast.AST) -> bool:
        """Whether a module call of `func`, or of a def that forwards its parameters to it,
        may pass a source (`param_origins`' path: the argument is judged where the call is)."""
        enclosing = self.ctx.enclosing_function

        tree = self.ctx.tree

        def expand(current: ast.AST) -> tuple[bool, list]:
            outers: list = []
            for call in self.callers(current):
                scope = self._scope_for(call)
                # In top-level code a call reads only its own names there; elsewhere also what
                # its scope's pass holds.
                if (scope is not tree and self._may(scope)) or self._reaches_with_names([call]):
                    return True, []
                outers.append(enclosing(call))
            return False, outers

        return _search(func, self._called_memo, expand)

    def _scan(self, scope: ast.AST) -> tuple[bool, list]:
        """`_scan_nodes` of what the pass over `scope` evaluates (its statements, or a
        lambda's body), and whether its parameters are labelled (`_initial_env` labels
        request-like parameters and a route's parameters; without a decorator `_route_kind`
        only answers for a parameter named request, caught here, or a Lambda handler).
        Memoised per scope."""
        found = self._scans.get(scope)
        if found is not None:
            return found
        kind = type(scope)
        if kind in _FUNCTION_SCOPES:
            args = scope.args  # type: ignore[attr-defined]
            params = [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg]
            if any(p is not None and (p.arg in REQUEST_NAMES or _is_request_param(p)) for p in params) or (
                kind is not ast.Lambda
                and bool(scope.decorator_list or scope.name in ("lambda_handler", "handler"))  # type: ignore[attr-defined]
                and self.route_kind(scope) is not None
            ):
                found = (True, [])
            else:
                body = scope.body  # type: ignore[attr-defined]
                names: set[str] = set()
                found = self._scan_nodes(list(body) if type(body) is list else [body], names)
                self._scan_names[scope] = names
        elif kind is ast.Module:
            found = self._scan_nodes(list(scope.body))  # type: ignore[attr-defined]
        else:  # not a flow scope (`_scope_for` never answers one): assume the worst
            found = (True, [])
        self._scans[scope] = found
        return found

    def _scan_nodes(self, work: list, names: set[str] | None = None) -> tuple[bool, list]:
        """``(triggered, calls)`` for the code under `work` as a pass or a query evaluates it:
        whether it holds a trigger (where `_attribute`, `_combine` and `_call` create labels
        of kind source, request or llm-object; a superset of where those branches fire), and
        its calls that may target a module function. Nested defs and classes contribute only
        their decorators (all a pass evaluates of them), lambdas nothing (`eval` does not
        enter them). With `names`, adds to it the identifier of every name node read on the
        way (complete when nothing triggered)."""
        ctx = self.ctx
        risky = self._risky_names()
        calls: list = []
        name_type, attribute_type, call_type = ast.Name, ast.Attribute, ast.Call
        trigger_attrs = _TRIGGER_ATTRS
        opaque = _OPAQUE
        lambda_type, constant_type, assign_type, if_type = ast.Lambda, ast.Constant, ast.Assign, ast.If
        single_value = _SINGLE_VALUE
        while work:
            node = work.pop()
            kind = type(node)
            if kind is name_type:
                if names is not None:
                    names.add(node.id)  # type: ignore[attr-defined]
                if node.id in risky:  # type: ignore[attr-defined]
                    qn = ctx.qualname(node)
                    if qn and self._source_name(qn):
                        return True, calls
                continue
            if kind is attribute_type:
                attr = node.attr  # type: ignore[attr-defined]
                value = node.value  # type: ignore[attr-defined]
                if attr in trigger_attrs and (
                    (attr in ("request", "kwargs", "args") and type(value) is name_type and value.id == "self")
                    or attr in ("parse_args", "parse_known_args")
                    or (attr == "create" and type(value) is attribute_type and value.attr in LLM_CREATE_RECEIVERS)
                    or (attr in LLM_INVOKE_METHODS and self._llm_receiver(value))
                ):
                    return True, calls
                if risky:
                    root = value
                    while type(root) is attribute_type:
                        root = root.value  # type: ignore[attr-defined]
                    if type(root) is name_type and root.id in risky:  # type: ignore[attr-defined]
                        qn = ctx.qualname(node)
                        if qn and self._source_name(qn):
                            return True, calls
                work.append(value)  # its `child_nodes`
                continue
            if kind is call_type:
                func = node.func  # type: ignore[attr-defined]
                if type(func) is name_type or (type(func) is attribute_type and type(func.value) is name_type):
                    calls.append(node)
                # Its `child_nodes`, pushed in the same order.
                work.append(func)
                work.extend(node.args)  # type: ignore[attr-defined]
                work.extend(node.keywords)  # type: ignore[attr-defined]
                continue
            if kind is constant_type:
                continue  # no child nodes
            if kind in opaque:
                if kind is not lambda_type:
                    work.extend(node.decorator_list)  # type: ignore[attr-defined]
                continue
            # `child_nodes`, the commonest other shapes read directly (pushed in its order).
            if kind is assign_type:
                work.extend(node.targets)  # type: ignore[attr-defined]
                work.append(node.value)  # type: ignore[attr-defined]
            elif kind is if_type:
                work.append(node.test)  # type: ignore[attr-defined]
                work.extend(node.body)  # type: ignore[attr-defined]
                work.extend(node.orelse)  # type: ignore[attr-defined]
            elif kind in single_value:  # Expr, keyword, Return (whose value may be None)
                if node.value is not None:  # type: ignore[attr-defined]
                    work.append(node.value)  # type: ignore[attr-defined]
            else:
                work.extend(child_nodes(node))
        return False, calls

    def _risky_names(self) -> frozenset:
        """Names whose uses `_scan` resolves: aliases of imports related to a source name
        (see `_source_keys`) and the builtins among the source names; empty when none of them
        occurs in the file's identifiers. Memoised per file."""
        risky = self._risky
        if risky is None:
            keys, prefixes, builtin_names = _source_keys(self.extra_sources)
            # Plain string prefixes either way (`_LLM_MODULES` are matched so): a key starts
            # with the import, or the import with a key.
            names = self.ctx.import_aliases(
                lambda qn: qn in prefixes or qn.startswith(keys) or qn.endswith((".parse_args", ".parse_known_args")))
            names.update(builtin_names)
            if names and not mentions(self.ctx, *sorted(names)):
                names = set()
            risky = self._risky = frozenset(names)
        return risky

    def _source_name(self, qn: str) -> bool:
        """A qualified name whose use `_combine`, `_attribute` or `_call` labels as a source."""
        return bool(
            self._source_label(qn)
            or qn in LLM_FUNCTIONS
            or qn.endswith((".parse_args", ".parse_known_args"))
            or qn.startswith(_LLM_MODULES)
        )

    def object_params(self, func: ast.AST, depth: int = 0) -> frozenset:
        """The parameters of `func` that no URL keyword argument can be: annotated with a
        type other than ``str``, ``int`` or ``UUID`` (``state: dict``), or used as objects:
        ``p.attr`` with an attribute of neither ``str``, ``int`` nor ``uuid.UUID`` (the
        values of Django's path converters), such as ``sociallogin.serialize()``, in `func`
        itself or in a module def that `func` passes ``p`` to by name (three calls deep).
        A parameter the function rebinds is left out. Memoised per def.

        A module-level function whose first parameter is ``request`` and that returns a
        response looks like a Django view (`_route_kind`); these parameters show that code,
        not the URL router, calls it (django-allauth's ``internal/flows`` helpers)."""
        memo = self._object_memo
        found = memo.get(func)
        if found is not None:
            return found
        memo[func] = frozenset()  # a recursive call sees no object parameter
        args = func.args  # type: ignore[attr-defined]
        binds = self.ctx.bindings.get(func, {})
        params = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        # The request (the first parameter of a Django view) and self are objects anyway.
        skip = {*REQUEST_NAMES, "self", "cls"} | ({params[0].arg} if params else set())
        names = {a.arg for a in params if a.arg not in skip and all(b.kind == "param" for b in binds.get(a.arg, ()))}
        objects: set[str] = {a.arg for a in params if a.arg not in skip and _object_annotation(a.annotation)}
        if names:
            for node in own_nodes(func):
                kind = type(node)
                if kind is ast.Attribute:
                    value = node.value  # type: ignore[attr-defined]
                    if type(value) is ast.Name and value.id in names and node.attr not in _URL_VALUE_ATTRS:  # type: ignore[attr-defined]
                        objects.add(value.id)
                elif kind is ast.Call and depth < 3:
                    objects.update(self._passed_objects(node, names, depth))  # type: ignore[arg-type]
        found = memo[func] = frozenset(objects)
        return found

    def _passed_objects(self, call: ast.Call, names: set, depth: int) -> set[str]:
        """The `names` that `call` passes (plain, by position or keyword) to a module def's
        object parameters (`object_params`)."""
        target = self.local_function(call.func)
        if not isinstance(target, (ast.FunctionDef, ast.AsyncFunctionDef)):
            return set()
        inner = self.object_params(target, depth + 1)
        if not inner:
            return set()
        params = [a.arg for a in (*target.args.posonlyargs, *target.args.args)]
        if isinstance(call.func, ast.Attribute) and params[:1] in (["self"], ["cls"]):
            params = params[1:]
        out = set()
        for i, arg in enumerate(call.args):
            if type(arg) is ast.Starred:
                break
            if type(arg) is ast.Name and arg.id in names and i < len(params) and params[i] in inner:
                out.add(arg.id)
        for kw in call.keywords:
            value = kw.value
            if kw.arg in inner and type(value) is ast.Name and value.id in names:
                out.add(value.id)
        return out

    def route_kind(self, func: ast.AST) -> str | None:
        """"flask", "fastapi", "django", "lambda" or None: whether params are client-controlled."""
        if func not in self._routes:
            kind = _route_kind(self.ctx, func)
            if kind == "django" and self.callers(func):
                # Called by this module's own code with its arguments: a helper such as
                # render_flatpage(request, page), not a view the URL router calls. Django's
                # decorators (csrf_protect, login_required) wrap views but do not route them.
                kind = None
            self._routes[func] = kind
        return self._routes[func]

    # ---- machinery
    def _scope_for(self, node: ast.AST) -> ast.AST:
        scope = self.ctx.scope_of(node)
        while isinstance(scope, ast.ClassDef):
            scope = self.ctx.scope_of(scope)
        return scope

    def flow(self, scope: ast.AST) -> _FunctionFlow:
        flow = self._flows.get(scope)
        if flow is None:
            self._in_progress.add(scope)
            try:
                flow = _FunctionFlow(self, scope)
            finally:
                self._in_progress.discard(scope)
            self._flows[scope] = flow
        return flow

    def outer_taint(self, scope: ast.AST, name: str) -> frozenset:
        """Taint of `name` in the nearest enclosing scope of `scope` whose final state binds
        it (CLEAN when a scope on the way is still being computed, or none binds it)."""
        chain = self._outers.get(scope)
        if chain is None:
            chain = self._outers[scope] = self._outer_chain(scope)
        tree = self.ctx.tree
        for outer in chain:
            if outer in self._in_progress:
                return CLEAN
            if outer is tree and tree not in self._flows:
                # The module, last of the chain, its pass not built yet. That pass (the whole
                # top-level code) writes to its state only the names the index binds at module
                # level and the writes `_slice_facts` records; a name only defs and classes
                # bind ends CLEAN in it. For any other name the answer is CLEAN without a pass.
                binds = self.ctx.bindings[tree].get(name)
                if (binds is None or all(b.kind == "def" for b in binds)) and name not in self._facts()[2]:
                    return CLEAN
                # The name's final taint from the pass over the statements it depends on.
                found = self._settled.get(name)
                if found is None:
                    found = self._module_slice(name)
                if found is not None:
                    return found
            env = self.flow(outer).final_env
            if name in env:
                return env[name]
        return CLEAN

    def _module_slice(self, name: str) -> frozenset | None:
        """The module pass's final taint of `name`, from the pass over its slice
        (`_slice_flow`); None when the slice holds most of the module (the caller then builds
        the whole pass)."""
        return None if self._slice_flow([name]) is None else self._settled[name]

    def _module_flow_for(self, expr: ast.AST) -> _FunctionFlow:
        """A pass that evaluated the top-level statement holding `expr` (module scope) as
        the whole module pass does: a slice's pass that holds that statement (`_slice_flow`),
        or the whole pass."""
        node = _top_statement(self.ctx, expr)
        index = self._facts()[0].get(id(node)) if node is not None else None
        if index is not None:
            # The query reads the names of `expr` itself too: from the pass's state where the
            # pass evaluated it, from its final state where it did not (a class body or base).
            wanted = _read_names(expr)
            found = self._sliced.get(index)
            if found is not None and found[1].issuperset(wanted):
                return found[0]
            flow = self._slice_flow([*_read_names(node), *wanted], index)  # type: ignore[arg-type]
            if flow is not None:
                return flow
        return self.flow(self.ctx.tree)

    def _slice_flow(self, names: list[str], force: int | None = None) -> _FunctionFlow | None:
        """The pass over the module's slice for `names` (and top-level statement number
        `force`, if given), which settles the final taint of every name of the slice
        (`_settled`) and stands for the whole pass at each of its statements (`_sliced`);
        None when the slice holds more than half of the top-level statements.

        The slice of a set of names Q: every top-level statement that may end the pass
        (``raise``, an exit call, a compound statement `_may_end` accepts: `_slice_facts`)
        or write a name of Q; closed under adding to Q every name the slice's statements
        read. The pass writes a name (or an attribute slot ``"a.b"``, counted as its root
        name ``a``) only through the index's bindings at module level (assignments,
        augmented assignments, walrus, comprehension targets, mutator calls with an
        argument, defs, classes), subscript and attribute targets, and in compound
        statements (`_compound_writes`: guards, loop, with, except and match names among
        them); a def whose decorator holds a walrus or a comprehension, and a comprehension
        whose target is not a plain name, put their statement in every slice. So the
        statements left out write no name of Q and cannot end the pass, and those kept read
        only names of Q: the pass over the slice, in source order, gives every name of Q, at
        every point of a kept statement and at the end, the taint the pass over the whole
        body gives it, with the same calls into the module's functions made while the module
        is in progress (`outer_taint` answers CLEAN for it then, as in the whole pass).

        Two differences, both towards more taint, never less:
        - The loop budget (`_has_budget`) counts fewer steps, so a loop in a module whose
          whole pass ran out of budget may be iterated more often.
        - A module function's pass is built once, memoised, by whichever query reaches it
          first. The whole pass builds those it calls while the module is in progress, so
          there they read every module name as CLEAN. Without the whole pass, a query that
          reaches such a function first (its own code, or a call the slices never evaluate:
          in a class body, after a ``raise``) builds its pass with the module names' settled
          taint, and a slice that calls it later reads that.
        Both are cuts of the whole pass itself (its budget, and recursion through the module
        in progress), met at other points.

        Its cost follows the slice, not the module: a name's writers come from the index,
        and only the slice's statements are read."""
        chosen = self._slice_statements(names, force)
        if chosen is None:
            return None
        ordered, seen = chosen
        tree = self.ctx.tree
        body = tree.body  # type: ignore[attr-defined]
        self._in_progress.add(tree)
        try:
            flow = _FunctionFlow(self, tree, [body[i] for i in ordered])
        finally:
            self._in_progress.discard(tree)
        env, settled, sliced = flow.final_env, self._settled, self._sliced
        for each in seen:
            settled[each] = env.get(each, CLEAN)
        for index in ordered:
            sliced[index] = (flow, seen)
        return flow

    def _slice_statements(self, names: list[str], force: int | None = None) -> tuple[list[int], set[str]] | None:
        """The positions of the top-level statements in the slice for `names` (and `force`),
        in order, and the names it settles (see `_slice_flow`); None when they are more than
        half of the module's top-level statements."""
        ctx = self.ctx
        body = ctx.tree.body  # type: ignore[attr-defined]
        position, always, extra = self._facts()
        bindings = ctx.bindings[ctx.tree]
        chosen: set[int] = set(always)
        todo = [body[i] for i in always]
        if force is not None and force not in chosen:
            chosen.add(force)
            todo.append(body[force])
        seen: set[str] = set()
        pending = list(names)
        limit = len(body) * _SLICE_SHARE
        while pending or todo:
            while pending:
                wanted = pending.pop()
                if wanted in seen:
                    continue
                seen.add(wanted)
                for binding in bindings.get(wanted, ()):
                    node = _top_statement(ctx, binding.target)
                    index = position.get(id(node)) if node is not None else None
                    if index is None:  # not under a top-level statement: no slice
                        return None
                    if index not in chosen:
                        chosen.add(index)
                        todo.append(node)
                for index in extra.get(wanted, ()):
                    if index not in chosen:
                        chosen.add(index)
                        todo.append(body[index])
            if len(chosen) > limit:
                return None
            while todo:
                pending.extend(_read_names(todo.pop()))
        return sorted(chosen), seen

    def _facts(self) -> tuple[dict[int, int], list[int], dict[str, list[int]]]:
        """`_slice_facts`, found once per file."""
        facts = self._slicing
        if facts is None:
            facts = self._slicing = self._slice_facts()
        return facts

    def _slice_facts(self) -> tuple[dict[int, int], list[int], dict[str, list[int]]]:
        """What `_slice_flow` needs of the top-level statements, found once per file without
        a walk over the file: each statement's position (by id); the positions of those
        always in a slice (those that may end the pass: ``raise``, an exit call, a compound
        statement `_may_end` accepts; a def whose decorators hold a walrus or a
        comprehension; a statement with a comprehension whose target is no plain name); and,
        per name, the positions of the statements that may write it although the index
        does not bind it there: the root names of subscript and attribute targets of simple
        statements, what compound statements write (`_compound_writes`: guards, loop, with,
        except and match names among them), and what the statements always in a slice for
        their decorators or comprehension targets write. With the index's bindings at module
        level, every name the module pass may write (`outer_taint`'s shortcut)."""
        tree = self.ctx.tree
        simple = _SLICE_SIMPLE
        position: dict[int, int] = {}
        always: list[int] = []
        extra: dict[str, list[int]] = {}
        assign_types = (ast.Assign, ast.AugAssign, ast.AnnAssign)
        for index, stmt in enumerate(tree.body):  # type: ignore[attr-defined]
            position[id(stmt)] = index
            kind = type(stmt)
            if kind not in simple:
                if _may_end([stmt]):
                    always.append(index)
                for name in _compound_writes(stmt):
                    extra.setdefault(name, []).append(index)
            elif kind is ast.Expr:
                if _is_exit_call(stmt.value):  # type: ignore[attr-defined]
                    always.append(index)
            elif kind in _DEF_KINDS:
                if any(type(n) in _DECORATOR_BINDERS for dec in stmt.decorator_list for n in ast.walk(dec)):  # type: ignore[attr-defined]
                    always.append(index)
                    for name in _compound_writes(stmt):  # what its decorators write
                        extra.setdefault(name, []).append(index)
            elif kind in assign_types:
                targets = stmt.targets if kind is ast.Assign else [stmt.target]  # type: ignore[attr-defined]
                for name in _target_roots(targets):
                    extra.setdefault(name, []).append(index)
        scope_of, name_type = self.ctx.scope_of, ast.Name
        for comp in self.ctx.nodes_of(ast.comprehension):
            if type(comp.target) is not name_type and scope_of(comp) is tree and not all(  # type: ignore[attr-defined]
                type(n) in _PLAIN_TARGET_PARTS for n in ast.walk(comp.target)  # type: ignore[attr-defined]
            ):
                node = _top_statement(self.ctx, comp)
                found = position.get(id(node)) if node is not None else None
                if found is not None:
                    always.append(found)
                    for name in _compound_writes(node):  # the target's root names among them
                        extra.setdefault(name, []).append(found)
        return position, always, extra

    def _outer_chain(self, scope: ast.AST) -> tuple:
        """The flow scopes around `scope`, innermost first, ending at the module."""
        tree = self.ctx.tree
        chain = []
        outer = self._scope_for(scope) if scope is not tree else None
        while outer is not None:
            chain.append(outer)
            if outer is tree:
                break
            outer = self._scope_for(outer)
        return tuple(chain)

    def eval(self, expr: ast.AST, flow: _FunctionFlow, env: dict | None) -> frozenset:
        """Taint of an expression. With `env` (during a flow pass) name uses are recorded;
        without (a query afterwards) the recorded uses are read. Iterative, post-order.
        (Expression contexts and operators are not visited: their taint is always empty;
        nor are constants, whose taint is too.)"""
        kind = type(expr)
        if kind is ast.Name:
            return self._combine(expr, _NO_RESULTS, flow, env)
        if kind is ast.Constant:
            return CLEAN
        results: dict[int, frozenset] = {}
        stack: list = [expr]
        push = stack.append
        pop = stack.pop
        combine = self._combine
        (
            opaque, comprehensions, mark, missing, name_type, constant_type, attribute_type, call_type,
            keyword_type, binop_type, tuple_type, list_type, compare_type, boolop_type, subscript_type,
            unaryop_type, load_type,
        ) = _EVAL_LOCALS
        uses = flow.uses
        qualnames = self.ctx._qualnames
        labels = self._labels
        label_ids = self._label_ids
        attribute = self._attribute
        call = self._call
        while stack:
            node = pop()
            if node is mark:
                node = pop()
                kind = type(node)  # `_combine`'s two commonest branches called directly
                if kind is attribute_type:
                    results[id(node)] = attribute(node, results, flow, env)
                elif kind is call_type:
                    results[id(node)] = call(node, results, flow, env)
                else:
                    results[id(node)] = combine(node, results, flow, env)
                continue
            kind = type(node)
            owner = None
            if kind is attribute_type and type(node.value) is name_type:
                # `name.attr`: the name, then the attribute, combined at once (the same order
                # as the post-order walk, with nothing between them).
                owner = node
                node = node.value
                kind = name_type
            if kind is name_type:
                # A leaf, combined as soon as it is reached: `_combine`'s Name branch inlined.
                key_id = id(node)
                if type(node.ctx) is not load_type:
                    results[key_id] = CLEAN
                    if owner is not None:
                        results[id(owner)] = attribute(owner, results, flow, env)
                    continue
                if env is not None:
                    name = node.id
                    t = env[name] if name in env else flow.outer(name)
                    seen = uses.get(key_id)
                    uses[key_id] = t if seen is None else seen | t
                else:
                    t = uses.get(key_id)
                    if t is None:
                        t = flow.outer(node.id)
                if node.id in label_ids:  # no other name can have a labelled qualname
                    qn = qualnames.get(key_id, missing)
                    if qn is missing:
                        qn = self.ctx.qualname(node)
                    if qn:
                        src = labels.get(qn)
                        if src is None:
                            src = self._source_label(qn)
                        if src:
                            t = t | src
                results[key_id] = t
                if owner is not None:
                    results[id(owner)] = attribute(owner, results, flow, env)
                continue
            if kind is constant_type:
                continue  # CLEAN, the default of every lookup
            if kind is keyword_type and node is not expr:
                # A call's keyword: `_call` reads its value's result, never its own.
                push(node.value)
                continue
            push(node)
            push(mark)
            if kind in opaque:
                continue  # nested scopes are not entered
            # The operands in field order (as `_operands`), the commonest shapes inlined.
            if kind is attribute_type:
                push(node.value)
            elif kind is call_type:
                push(node.func)
                stack.extend(node.args)
                stack.extend(node.keywords)
            elif kind is keyword_type:
                push(node.value)
            elif kind is binop_type:
                push(node.left)
                push(node.right)
            elif kind is tuple_type or kind is list_type:
                stack.extend(node.elts)
            elif kind is compare_type:
                push(node.left)
                stack.extend(node.comparators)
            elif kind is boolop_type:
                stack.extend(node.values)
            elif kind is subscript_type:
                push(node.value)
                push(node.slice)
            elif kind is unaryop_type:
                push(node.operand)
            else:
                if kind in comprehensions and env is not None:
                    env = self._bind_comprehension(node, flow, env)
                stack.extend(_operands(node))
        return results.get(id(expr), CLEAN)

    def _bind_comprehension(self, node: ast.AST, flow: _FunctionFlow, env: dict) -> dict:
        for gen in node.generators:
            t = self.eval(gen.iter, flow, env)
            flow.bind(gen.target, None, t, env)
        return env

    def _combine(self, node: ast.AST, r: dict, flow: _FunctionFlow, env: dict | None) -> frozenset:
        # One branch per node type, the commonest first (the same decisions as an isinstance
        # chain: parsed trees hold no subclasses of these types).
        kind = type(node)
        if kind is ast.Name:
            if type(node.ctx) is not ast.Load:  # type: ignore[attr-defined]
                return CLEAN
            key_id = id(node)
            if env is not None:
                name = node.id  # type: ignore[attr-defined]
                t = env[name] if name in env else flow.outer(name)
                uses = flow.uses
                seen = uses.get(key_id)
                uses[key_id] = t if seen is None else seen | t
            else:
                t = flow.uses.get(key_id)
                if t is None:
                    t = flow.outer(node.id)  # type: ignore[attr-defined]
            if node.id not in self._label_ids:  # type: ignore[attr-defined]
                return t  # no labelled qualname possible (`_label_ids`)
            # `ctx.qualname` with its per-node memo read inline (most names are locals: None).
            qn = self.ctx._qualnames.get(key_id, _MISSING)
            if qn is _MISSING:
                qn = self.ctx.qualname(node)
            if qn:
                src = self._labels.get(qn)
                if src is None:
                    src = self._source_label(qn)
                if src:
                    t = t | src
            return t
        if kind is ast.Constant:
            return CLEAN
        if kind is ast.Attribute:
            return self._attribute(node, r, flow, env)  # type: ignore[arg-type]
        if kind is ast.Call:
            return self._call(node, r, flow, env)  # type: ignore[arg-type]
        if kind is ast.Subscript:
            base = r.get(id(node.value), CLEAN)  # type: ignore[attr-defined]
            if base and _server_meta(node.value, node.slice):  # type: ignore[attr-defined]
                return CLEAN
            return _strip_request(base, "request data")
        if kind is ast.keyword:
            return r.get(id(node.value), CLEAN)  # type: ignore[attr-defined]
        if kind is ast.Compare:
            return CLEAN
        if kind is ast.UnaryOp and type(node.op) is ast.Not:  # type: ignore[attr-defined]
            return CLEAN
        if kind is ast.NamedExpr:
            t = r.get(id(node.value), CLEAN)  # type: ignore[attr-defined]
            if env is not None:
                env[node.target.id] = t  # type: ignore[attr-defined]
            return t
        if kind is ast.ListComp or kind is ast.SetComp or kind is ast.GeneratorExp:
            t = r.get(id(node.elt), CLEAN)  # type: ignore[attr-defined]
            if t and node.generators[0].ifs and _header_safe_characters(node):  # type: ignore[attr-defined]
                return _clear(t, _HEADER_KINDS)
            return t
        if kind is ast.DictComp:
            return r.get(id(node.key), CLEAN) | r.get(id(node.value), CLEAN)  # type: ignore[attr-defined]
        if kind is ast.IfExp:
            return r.get(id(node.body), CLEAN) | r.get(id(node.orelse), CLEAN)  # type: ignore[attr-defined]
        if kind is ast.Dict:
            out = CLEAN
            for k in node.keys:  # type: ignore[attr-defined]
                if k is not None:
                    out = out | r.get(id(k), CLEAN)
            for v in node.values:  # type: ignore[attr-defined]
                out = out | r.get(id(v), CLEAN)
            return out
        if kind is ast.Lambda or kind is ast.comprehension:
            return CLEAN
        # The union of the operands' taint (`_operands`), the commonest shapes read directly.
        if kind is ast.BinOp:
            return r.get(id(node.left), CLEAN) | r.get(id(node.right), CLEAN)  # type: ignore[attr-defined]
        if kind is ast.Tuple or kind is ast.List or kind is ast.Set:
            children = node.elts  # type: ignore[attr-defined]
        elif kind is ast.JoinedStr or kind is ast.BoolOp:
            children = node.values  # type: ignore[attr-defined]
        elif kind is ast.UnaryOp or kind is ast.Starred or kind is ast.Await:
            return r.get(id(node.operand if kind is ast.UnaryOp else node.value), CLEAN)  # type: ignore[attr-defined]
        else:
            children = _operands(node)
        out = CLEAN
        for child in children:
            out = out | r.get(id(child), CLEAN)
        return out

    def _attribute(self, node: ast.Attribute, r: dict, flow: _FunctionFlow, env: dict | None) -> frozenset:
        ctx = self.ctx
        value = node.value
        root = value
        while type(root) is ast.Attribute:
            root = root.value  # type: ignore[attr-defined]
        # Only a chain on one of these names can have a qualified name acted on here.
        if type(root) is ast.Name and root.id in self._label_ids:  # type: ignore[attr-defined]
            qn = ctx._qualnames.get(id(node), _MISSING)
            if qn is _MISSING:
                qn = ctx.qualname(node)
            if qn:
                src = self._labels.get(qn)
                if src is None:
                    src = self._source_label(qn)
                if src or qn.startswith(_REQUEST_ROOTS):
                    return src
        attr = node.attr
        base = r.get(id(value), CLEAN)
        if type(value) is ast.Name:  # `_attr_key`: a slot tracked like a name
            root = value.id
            key = f"{root}.{attr}"
            slot = env.get(key) if env is not None else flow.final_env.get(key)
            if slot:
                base = base | slot
            if root == "self":
                if attr == "request":
                    return frozenset({Label("request object", "request")})
                if attr in ("kwargs", "args") and _view_class(ctx.enclosing_class(node)):
                    # A Django class-based view's captured URL values.
                    return frozenset({Label(f"URL arguments (self.{attr})")})
        return self._attribute_of(base, attr)

    def _source_label(self, qn: str) -> frozenset:
        labels = self._labels
        found = labels.get(qn)
        if found is None:
            if len(labels) >= _SOURCE_LABELS_MAX:
                labels.clear()  # shared by every file: bounded in a long-lived process
            found = labels[qn] = self._find_source_label(qn)
        return found

    def _find_source_label(self, qn: str) -> frozenset:
        # Both tests below imply that `qn` starts with the key: one C call rejects most names.
        if qn.startswith(_SOURCE_PREFIXES):
            for prefix, origin in SOURCE_QUALNAMES.items():
                if qn == prefix or qn.startswith(prefix + "."):
                    return frozenset({Label(origin)})
        if qn in self.extra_sources:
            return frozenset({Label(qn)})
        return CLEAN

    def _attribute_of(self, base: frozenset, attr: str) -> frozenset:
        if not base:
            return CLEAN
        for lab in base:
            if lab.kind in _REWRITTEN_KINDS:
                break
        else:
            return base  # no request or model object: every label passes through as it is
        out = set()
        for lab in base:
            if lab.kind == "request":
                if attr in REQUEST_ATTRS:
                    out.add(Label(f"request.{attr}"))
            elif lab.kind == "llm-object":
                out.add(Label("model output"))
            else:
                out.add(lab)
        return frozenset(out)

    def _call(self, node: ast.Call, r: dict, flow: _FunctionFlow, env: dict | None) -> frozenset:
        ctx = self.ctx
        get = r.get
        # The union of the arguments' taint (built only from those that have labels: most
        # have none).
        args_taint = CLEAN
        for a in node.args:
            t = get(id(a))
            if t:
                args_taint = args_taint | t if args_taint else t
        for k in node.keywords:
            t = get(id(k.value))
            if t:
                args_taint = args_taint | t if args_taint else t
        func = node.func
        # `ctx.call_name`, its memo read inline.
        qn = ctx._qualnames.get(id(func), _MISSING)
        if qn is _MISSING:
            qn = ctx.qualname(func)
        if qn is not None:
            kinds = self.sanitizers.get(qn)
            if kinds is not None:
                return _clear(args_taint, kinds)
            src = self._labels.get(qn)
            if src is None:
                src = self._source_label(qn)
            if src:
                return src
            if qn in PASS_THROUGH:
                return args_taint
            if qn in LLM_FUNCTIONS:
                return frozenset({Label("model output")})
            if qn.endswith((".parse_args", ".parse_known_args")) or qn == "argparse.ArgumentParser.parse_args":
                return frozenset({Label("command-line arguments")})
            if qn.startswith(_LLM_MODULES) and isinstance(func, ast.Attribute) and func.attr in LLM_INVOKE_METHODS:
                return frozenset({Label("model output")})
        if isinstance(func, ast.Attribute):
            attr = func.attr
            receiver = get(id(func.value), CLEAN)
            if attr in SANITIZING_METHODS or attr.startswith("quote_name"):
                return _clear(args_taint, SANITIZING_METHODS.get(attr, frozenset({"sql"})))
            if attr in ("parse_args", "parse_known_args") and ctx.instance_of(func.value) in (None, "argparse.ArgumentParser"):
                return frozenset({Label("command-line arguments")})
            if attr == "create" and isinstance(func.value, ast.Attribute) and func.value.attr in LLM_CREATE_RECEIVERS:
                return frozenset({Label("model output object", "llm-object")})
            if attr in LLM_INVOKE_METHODS and self._llm_receiver(func.value):
                return frozenset({Label("model output")})
            if attr in _CLEAN_METHODS:
                return CLEAN
            if receiver:
                rec = self._attribute_of(receiver, attr) if any(l.kind == "request" for l in receiver) else receiver
                if attr == "get" and node.args and _server_meta(func.value, node.args[0]):
                    return frozenset().union(*(get(id(a), CLEAN) for a in node.args[1:]))
                if attr in LOOKUP_METHODS and not node.keywords and 0 < len(node.args) <= 2:
                    # `mapping.get(key, default)`: an entry of the mapping, or the default;
                    # the key only picks one (as a subscript's key does, `_strip_request`).
                    return rec | get(id(node.args[-1]), CLEAN) if len(node.args) == 2 else rec
                if attr in _STR_METHODS:
                    return rec | args_taint
                return rec
            if attr in ("format", "join", "format_map", "replace"):
                return args_taint
            local = self.local_function(func)
            if local is not None:
                return self._through(local, node, r, flow, env, bound=True)
            return CLEAN
        if isinstance(func, ast.Name):
            local = self.local_function(func)
            if local is not None:
                return self._through(local, node, r, flow, env, bound=False)
        return CLEAN

    def _llm_receiver(self, expr: ast.AST) -> bool:
        inst = self.ctx.instance_of(expr)
        if inst and inst.startswith(_LLM_MODULES):
            return True
        name = expr.id if isinstance(expr, ast.Name) else getattr(expr, "attr", "")
        low = name.lower()
        return any(h == low or low.endswith("_" + h) or low.startswith(h + "_") for h in _LLM_OBJECT_HINTS)

    def local_function(self, func: ast.AST) -> ast.AST | None:
        """The module's own def that a call targets (``helper(...)`` or ``self.helper(...)``);
        memoised per callee node (the callers index and every flow pass ask again)."""
        memo = self._local
        if func in memo:
            return memo[func]
        found = memo[func] = self._local_function(func)
        return found

    @functools.cached_property
    def _def_names(self) -> frozenset:
        """The names of the file's defs: `_local_function` finds a def only by its name."""
        return frozenset(node.name for node in self.ctx.nodes_of(ast.FunctionDef, ast.AsyncFunctionDef))  # type: ignore[attr-defined]

    def _local_function(self, func: ast.AST) -> ast.AST | None:
        # A def's binding and a class body's def carry the def's own name: a name or an
        # attribute that no def of the file has finds none, without resolving it.
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)
        if name not in self._def_names:
            return None
        if isinstance(func, ast.Name):
            binds = self.ctx.bindings_of(func)
            if len(binds) == 1 and isinstance(binds[0].target, (ast.FunctionDef, ast.AsyncFunctionDef)):
                return binds[0].target
            return None
        if isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name) and func.value.id in ("self", "cls"):
            cls = self.ctx.enclosing_class(func)
            if cls is not None:
                for stmt in cls.body:
                    if isinstance(stmt, (ast.FunctionDef, ast.AsyncFunctionDef)) and stmt.name == func.attr:
                        return stmt
        return None

    def _through(self, target: ast.AST, call: ast.Call, r: dict, flow: _FunctionFlow, env: dict | None, bound: bool) -> frozenset:
        """Apply a same-module function's summary at a call site."""
        returned = self.returns(target)
        out = set()
        offset = 1 if bound else 0
        positional = [*target.args.posonlyargs, *target.args.args]
        for lab in returned:
            if lab.kind != "param":
                out.add(lab)
                continue
            index = lab.param_index
            name = positional[index].arg if index < len(positional) else None
            arg = None
            if 0 <= index - offset < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index - offset + 1]):
                arg = call.args[index - offset]
            else:
                arg = next((k.value for k in call.keywords if k.arg == name), None)
            if arg is not None:
                for inner in r.get(id(arg), CLEAN):
                    out.add(Label(inner.origin, inner.kind, inner.cleared | lab.cleared, inner.param_index))
        return frozenset(out)


# Keys of Django's ``request.META`` that its own middleware writes, not the client:
# CsrfViewMiddleware stores the (format-checked or freshly generated) CSRF secret in
# "CSRF_COOKIE" and its renewal flag in "CSRF_COOKIE_NEEDS_UPDATE" (formerly
# "CSRF_COOKIE_USED"). https://github.com/django/django/blob/main/django/middleware/csrf.py
SERVER_META_KEYS = frozenset({"CSRF_COOKIE", "CSRF_COOKIE_NEEDS_UPDATE", "CSRF_COOKIE_USED"})


def _server_meta(container: ast.AST, key: ast.AST) -> bool:
    """``request.META["CSRF_COOKIE"]``: a `SERVER_META_KEYS` entry of a ``META`` mapping."""
    return (
        type(container) is ast.Attribute and container.attr == "META"  # type: ignore[attr-defined]
        and type(key) is ast.Constant and key.value in SERVER_META_KEYS  # type: ignore[attr-defined]
    )


def _has_default(func: ast.AST, index: int) -> bool:
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    if index < len(positional):
        return index >= len(positional) - len(args.defaults)
    k = index - len(positional)
    return k < len(args.kw_defaults) and args.kw_defaults[k] is not None


def _source_keys(extra_sources: frozenset) -> tuple[tuple, frozenset, frozenset]:
    """`TaintAnalysis._scan`'s names that label a use as a source (`SOURCE_QUALNAMES`, the
    extra sources, `LLM_FUNCTIONS`, `_LLM_MODULES`): ``(keys, every string prefix of a key,
    the builtins among them)``; memoised per extra-sources option."""
    found = _SOURCE_KEYS.get(extra_sources)
    if found is None:
        keys = (*SOURCE_QUALNAMES, *sorted(extra_sources), *sorted(LLM_FUNCTIONS), *_LLM_MODULES)
        prefixes = frozenset(k[:i] for k in keys for i in range(len(k) + 1))
        builtin_names = frozenset(k.split(".")[1] for k in keys if k.startswith("builtins."))
        found = _SOURCE_KEYS[extra_sources] = (keys, prefixes, builtin_names)
    return found


_SOURCE_KEYS: dict = {}
# Qualified-name prefixes on which `TaintAnalysis._attribute` returns the source label as is
# (each a prefix of a key of `SOURCE_QUALNAMES`, so its own prefixes are among `_source_keys`').
_REQUEST_ROOTS = ("flask.request", "quart.request", "bottle.request")
_RISKY_BUILTINS: dict = {}


def _risky_builtins(extra_sources: frozenset) -> frozenset:
    """The builtins ``x`` whose ``builtins.x`` `TaintAnalysis._label_ids` keeps (a key
    of `_source_keys` starts with it or it with a key, or it starts with a `_REQUEST_ROOTS`
    entry); memoised per extra-sources option."""
    found = _RISKY_BUILTINS.get(extra_sources)
    if found is None:
        keys, prefixes, _ = _source_keys(extra_sources)
        risky = set()
        for name in BUILTIN_NAMES:
            qn = f"builtins.{name}"
            if qn in prefixes or qn.startswith(keys) or qn.startswith(_REQUEST_ROOTS):
                risky.add(name)
        found = _RISKY_BUILTINS[extra_sources] = frozenset(risky)
    return found


# `TaintAnalysis._scan`: attribute names whose reads `_attribute` or `_call` may label.
_TRIGGER_ATTRS = frozenset({"request", "kwargs", "args", "parse_args", "parse_known_args", "create"}) | LLM_INVOKE_METHODS
_FUNCTION_SCOPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda})
# Node types whose one child field is `value` (`TaintAnalysis._scan_nodes`).
_SINGLE_VALUE = frozenset({ast.Expr, ast.keyword, ast.Return})


_NESTED_SCOPES = frozenset({ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda})
# The child nodes of a node, less expression contexts and operators (the file index's reader).
children = child_nodes


# `TaintAnalysis.eval`'s marker (a node's operands are done) and its results for a leaf.
_MARK = object()
_NO_RESULTS: dict = {}
# Statements a pass skips (`_FunctionFlow.stmt`).
_PASSIVE_STATEMENTS = frozenset({ast.Global, ast.Nonlocal, ast.Pass, ast.Import, ast.ImportFrom})
# Label kinds that `_attribute_of` rewrites; any other label passes through an attribute.
_REWRITTEN_KINDS = frozenset({"request", "llm-object"})
# A memo miss (`ctx._qualnames` read inline by `_combine`).
_MISSING = object()
# What `TaintAnalysis.eval` does not descend into (nested scopes), and the comprehensions
# whose targets it binds first.
_OPAQUE = frozenset({ast.Lambda, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef})
_COMPREHENSIONS = frozenset({ast.ListComp, ast.SetComp, ast.GeneratorExp, ast.DictComp})
# `TaintAnalysis.eval`'s constants, unpacked into locals at once (one global read per call).
_EVAL_LOCALS = (
    _OPAQUE, _COMPREHENSIONS, _MARK, _MISSING, ast.Name, ast.Constant, ast.Attribute, ast.Call,
    ast.keyword, ast.BinOp, ast.Tuple, ast.List, ast.Compare, ast.BoolOp, ast.Subscript,
    ast.UnaryOp, ast.Load,
)
_operands = child_nodes  # contexts and operators are never tainted


def own_nodes(func: ast.AST) -> list[ast.AST]:
    """Nodes of a function's (or module's) own body, not of nested defs, classes or lambdas."""
    out = []
    append = out.append
    nested = _NESTED_SCOPES
    work = children(func)
    pop = work.pop
    push = work.append
    extend = work.extend
    name_type, constant_type, attribute_type, call_type = ast.Name, ast.Constant, ast.Attribute, ast.Call
    while work:
        node = pop()
        kind = type(node)
        if kind in nested:
            continue
        append(node)
        # `children`, the commonest shapes read directly (the same nodes, pushed in the
        # same order): names and constants have none.
        if kind is name_type or kind is constant_type:
            continue
        if kind is attribute_type:
            push(node.value)  # type: ignore[attr-defined]
        elif kind is call_type:
            push(node.func)  # type: ignore[attr-defined]
            extend(node.args)  # type: ignore[attr-defined]
            extend(node.keywords)  # type: ignore[attr-defined]
        else:
            extend(children(node))
    return out


def source_text(ctx: "FileContext") -> str | None:
    """The file's source as one string, memoised per file; None when the context's lines do
    not cover the tree (a caller that handed over a tree without its text), so that text
    pre-checks built on it (a word that must appear somewhere for a rule to match) stay
    conservative."""
    memo = ctx.__dict__.get("_aisec_text", False)
    if memo is not False:
        return memo
    text: str | None = ctx.text
    body = getattr(ctx.tree, "body", None)
    if body and (getattr(body[-1], "end_lineno", None) or 0) > len(ctx.lines):
        text = None
    ctx.__dict__["_aisec_text"] = text
    return text


def mentions(ctx: "FileContext", *words: str) -> bool:
    """False only when none of `words` occurs in the file's text, read as Python reads
    identifiers (NFKC-normalised when the text is not ASCII); memoised per file and words.

    A cheap, exact pre-check for checks that need an identifier (a name, an attribute, an
    import, a keyword argument) spelled one of `words`: every identifier of the syntax tree
    occurs in that text. True when the text is not known (see `source_text`)."""
    memo = ctx.__dict__.get("_aisec_mentions")
    if memo is None:
        memo = ctx.__dict__["_aisec_mentions"] = {}
    found = memo.get(words)
    if found is None:
        text = identifier_view(ctx) if all(w.isascii() for w in words) else identifier_text(ctx)
        found = memo[words] = text is None or any(w in text for w in words)
    return found


def one_byte(text: str) -> str:
    """`text` itself when ASCII, else its UTF-8 bytes read as Latin-1: a string of one byte
    per character, which CPython searches far faster than a wider one (a single non-ASCII
    character makes a whole file's text two or four bytes wide). An ASCII word occurs in
    it exactly where it occurs in `text` (every byte of a multi-byte UTF-8 sequence is above
    0x7F), and it holds the same line feeds and carriage returns in the same order, so line
    numbers counted in it are the text's (`word_lines`). Only for ASCII words."""
    return text if text.isascii() else text.encode("utf-8", "surrogatepass").decode("latin-1")


def identifier_view(ctx: "FileContext") -> str | None:
    """`one_byte` of `identifier_text` (memoised per file): the text to search for ASCII
    words."""
    view = ctx.__dict__.get("_aisec_identifier_view", False)
    if view is False:
        text = identifier_text(ctx)
        view = ctx.__dict__["_aisec_identifier_view"] = None if text is None else one_byte(text)
    return view


def spelled_lines(ctx: "FileContext", words: list[str]) -> set[int] | None:
    """`word_lines` of `words` in the file's identifier text (its `identifier_view` when
    every word is ASCII): the lines on which they occur, None when not known. Its callers
    memoise their answers per file (`nodes_spelling`, `responses.header_nodes`)."""
    text = identifier_view(ctx) if all(w.isascii() for w in words) else identifier_text(ctx)
    if text is None:
        return None
    # A word that holds another of the words adds no line: each of its occurrences holds one
    # of the other's, on the same line. So only the words that hold no other are searched
    # (``Response`` for ``HttpResponse``, ``JsonResponse``...): the same lines, fewer passes.
    unique = set(words)
    least = [w for w in unique if not any(v != w and v in w for v in unique)]
    return word_lines(text, least)[1]



def mentions_session(ctx: "FileContext") -> bool:
    """`mentions` of ``session``: a gate for checks of session writes, which need a
    ``session`` name, attribute or import (``checks.on(when=...)``)."""
    return mentions(ctx, "session")

# Characters per chunk that `identifier_text` tests for ASCII at once (a chunk runs on to the
# next line feed).
_NFKC_CHUNK = 8192


def identifier_text(ctx: "FileContext") -> str | None:
    """`source_text` as Python reads identifiers: NFKC-normalised when not ASCII, so that every
    identifier of the tree occurs in it as the tree spells it (memoised per file)."""
    text = ctx.__dict__.get("_aisec_identifier_text", False)
    if text is False:
        text = source_text(ctx)
        if text is not None and not text.isascii():
            import unicodedata  # here, not at the top: most runs never load its tables

            # Chunk by chunk, only the chunks that need it (a slice is ASCII when its
            # characters are): each chunk ends at a line feed, a starter that composes with
            # nothing, and no character decomposes to one, so this equals normalising the
            # whole text (tests/test_comments.py checks it, at every chunk size). One non-ASCII
            # character no longer costs a pass over every line of a large file.
            parts = []
            start, size, end = 0, _NFKC_CHUNK, len(text)
            while start < end:
                stop = text.find("\n", start + size - 1)
                stop = end if stop == -1 else stop + 1
                part = text[start:stop]
                parts.append(part if part.isascii() else unicodedata.normalize("NFKC", part))
                start = stop
            text = "".join(parts)
        ctx.__dict__["_aisec_identifier_text"] = text
    return text


def word_lines(text: str, words: Iterable[str]) -> tuple[list[str], set[int] | None]:
    """``(present, lines)``: the `words` that occur in `text` (the file's `identifier_text`,
    or that text lowered), in the order given, and the 1-based numbers of the lines on which
    they occur; lines None when the text holds a carriage return, where counting ``\n``
    would not give the tree's line numbers. Lowering and the per-line NFKC normalisation
    never make or remove a line feed, and a word holds none, so each occurrence of an
    identifier's word lies on the line the tree gives that identifier: with
    `FileContext.nodes_near_lines`, a check finds the nodes that spell a word without a scan
    over every node of the file. Linear in the text and the occurrences."""
    present: list[str] = []
    spots: list[int] = []
    for word in words:
        start = text.find(word)
        if start != -1:
            present.append(word)
        while start != -1:
            spots.append(start)
            start = text.find(word, start + 1)
    if not spots or "\r" in text:
        return present, None if spots else set()
    spots.sort()
    found: set[int] = set()
    line, last = 1, 0
    for spot in spots:
        line += text.count("\n", last, spot)
        last = spot
        found.add(line)
    return present, found


def nodes_spelling(
    ctx: "FileContext", kinds: tuple, word: str, qualnames: frozenset = frozenset()
) -> list[ast.AST]:
    """The nodes of `kinds` (kind by kind, each in `FileContext.nodes_of` order) in the
    top-level statements that span a line of the file where `word` occurs, or a name that an
    import binds to one of `qualnames` (``from flask import session as s``): a superset of the
    nodes of those kinds that hold an identifier spelling `word` or such a name (see
    `word_lines`, `FileContext.nodes_near_lines`). Every node of those kinds when the lines
    are not known. For a check that acts only on such nodes, so that its cost follows the
    lines that spell the word, not the size of the file. Memoised per file and arguments
    (AIS212 and AIS415 ask the same): do not mutate the list."""
    memo = ctx.__dict__.get("_aisec_nodes_spelling")
    if memo is None:
        memo = ctx.__dict__["_aisec_nodes_spelling"] = {}
    key = (kinds, word, qualnames)
    found = memo.get(key)
    if found is not None:
        return found
    aliases = sorted(ctx.import_aliases(qualnames.__contains__))
    lines = spelled_lines(ctx, [word, *aliases])
    if lines is None:
        found = ctx.nodes_of(*kinds)
    else:
        found = []
        for kind in kinds:
            found.extend(ctx.nodes_near_lines(kind, lines))
    memo[key] = found
    return found


def _argument(func: ast.AST, call: ast.Call, index: int, bound: bool) -> ast.AST | None:
    """The call-site expression passed for parameter `index` of `func`, if visible."""
    args = func.args
    every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
    if index >= len(every):
        return None
    pos = index - (1 if bound else 0)
    if index < len(args.posonlyargs) + len(args.args) and 0 <= pos < len(call.args):
        if not any(isinstance(a, ast.Starred) for a in call.args[: pos + 1]):
            return call.args[pos]
        return None
    name = every[index].arg
    return next((k.value for k in call.keywords if k.arg == name), None)


def _view_class(cls: ast.ClassDef | None) -> bool:
    """A class whose base names end like Django/DRF views (View, TemplateView, APIView, ...)."""
    if cls is None:
        return False
    for base in cls.bases:
        name = base.id if isinstance(base, ast.Name) else getattr(base, "attr", "")
        if name.endswith(("View", "ViewSet", "APIView")):
            return True
    return False


def _strip_request(base: frozenset, origin: str) -> frozenset:
    """Subscripting a request object itself (rare) reads client data."""
    if any(l.kind == "request" for l in base):
        return frozenset(l for l in base if l.kind != "request") | {Label(origin)}
    return frozenset(Label("model output") if l.kind == "llm-object" else l for l in base)


_ROUTE_METHODS = frozenset({"route", "get", "post", "put", "patch", "delete", "head", "options", "websocket", "api_route", "api_view"})


def may_route_web(func: ast.AST) -> bool:
    """False when `TaintAnalysis.route_kind` cannot say "flask" or "fastapi" for `func`: none
    of its decorators is an attribute named in `_ROUTE_METHODS` (``@app.route(...)``,
    ``@router.get``), called or not. A syntax-only test, for checks that ask only about those
    two frameworks' views."""
    for dec in getattr(func, "decorator_list", ()):
        target = dec.func if type(dec) is ast.Call else dec
        if type(target) is ast.Attribute and target.attr in _ROUTE_METHODS:
            return True
    return False


def _returns_value(func: ast.AST) -> bool:
    """Whether a ``return <value>`` lies anywhere under `func` (nested defs included): the
    test of ``any(... for n in ast.walk(func))``, depth first from the last child (where a
    function's return usually is), stopping at the first."""
    work = [func]
    return_type = ast.Return
    while work:
        node = work.pop()
        if isinstance(node, return_type) and node.value is not None:  # type: ignore[attr-defined]
            return True
        work.extend(child_nodes(node))
    return False


def _route_kind(ctx: "FileContext", func: ast.AST) -> str | None:
    if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return None
    for dec in func.decorator_list:
        target = dec.func if isinstance(dec, ast.Call) else dec
        qn = ctx.qualname(target) or ""
        if isinstance(target, ast.Attribute) and target.attr in _ROUTE_METHODS:
            inst = ctx.instance_of(target.value) or ""
            base_name = target.value.id if isinstance(target.value, ast.Name) else getattr(target.value, "attr", "")
            if inst.startswith(("fastapi", "starlette")):
                return "fastapi"
            if inst.startswith(_WEB_MODULES) or base_name in ("app", "bp", "blueprint", "api", "router", "application"):
                if ctx.imports_any(("fastapi", "starlette")):
                    return "fastapi"
                if ctx.imports_any(_WEB_MODULES):
                    return "flask"
        if qn.startswith(("rest_framework.decorators.api_view", "django.views.decorators")):
            return "django"
    args = func.args.posonlyargs + func.args.args
    if args:
        first = args[0].arg
        cls = ctx.enclosing_class(func)
        if cls is not None and len(args) >= 2 and args[1].arg == "request" and func.name in ("get", "post", "put", "patch", "delete", "dispatch", "head", "list", "create", "retrieve", "update", "partial_update", "destroy", "form_valid"):
            return "django"
        if (
            cls is None
            and first == "request"
            and not func.name.startswith("_")
            and ctx.imports_any(("django", "rest_framework"))
            and _returns_value(func)
            and not helper_module(ctx)
        ):
            # A view: public, takes the request first, returns a response. Helpers such as
            # login(request, user) that return nothing are not views, nor functions in a
            # helper module (utils/sendfile.py's sendfile(request, filename)).
            return "django"
        if cls is None and func.name in ("lambda_handler", "handler") and first == "event" and len(args) == 2:
            return "lambda"
    return None
