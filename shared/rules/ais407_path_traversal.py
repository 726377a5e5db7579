"""AIS407 path-traversal: untrusted input chooses a file-system path, or an archive is unpacked unchecked.

## What it does
Flags a file-system path that untrusted input (request data, route parameters, the command
line, ``input()``, a Lambda event, model output) reaches without confinement, directly or
through ``os.path.join``, ``pathlib.Path``, ``/``, string building, variables and helpers of
the same module:

- ``open`` / ``io.open`` / ``os.open``, ``Path(...).open`` / ``read_text`` / ``read_bytes`` /
  ``write_text`` / ``write_bytes`` / ``unlink`` / ``rmdir``;
- ``os.remove`` / ``unlink`` / ``rmdir`` / ``rename`` / ``replace``, ``shutil.rmtree`` /
  ``copy`` / ``copyfile`` / ``copytree`` / ``move``;
- Flask ``send_file`` and the *directory* of ``send_from_directory`` (its file name is
  confined by Flask), Starlette / FastAPI / aiohttp ``FileResponse``, Django ``FileResponse``,
  and Werkzeug ``FileStorage.save`` of an upload.

It also flags archive extraction that lets member names escape the destination:
``tarfile`` ``extractall()`` / ``extract()`` (and ``shutil.unpack_archive``) without
``filter="data"`` / ``"tar"`` or with ``filter="fully_trusted"``, and member names of a
``zipfile`` or ``tarfile`` archive joined into a path by hand ("zip slip").
``ZipFile.extract`` / ``extractall`` sanitise names themselves and are not findings.

Confidence: **high** when untrusted input reaches the path (also through a helper that a
route or a script's ``main`` calls with it; the finding stays at the file operation and names
the source); **medium** for unfiltered tar extraction and hand-joined member names of an
archive of unknown origin (high when the archive itself is an upload); **low** (hidden by
default) for an unknown value, and for a whole path taken from the program's own command
line or terminal (a tool opening the file its user names is doing its job; a name from
there joined under a fixed directory is still high). Nothing is reported for constants, values reduced to one name
component (``os.path.basename``, ``secure_filename``, ``Path(name).name``, Django's
``UploadedFile.name``), paths joined with ``safe_join``, values checked against an allow-list
(also a directory listing), or paths canonicalised with ``realpath`` / ``resolve()`` and
then checked with ``startswith(base + os.sep)``, ``is_relative_to`` or ``os.path.commonpath``
before use. A prefix check without the trailing separator (``startswith(BASE)``, which
also admits ``/base_other``) or on a path that was not canonicalised does not confine it,
and neither does a check of the extension alone (``os.path.splitext(name)[1] in ALLOWED``).

## Why is this bad?
``../`` segments and absolute names walk out of the intended directory: a download endpoint
then serves ``/etc/passwd`` or the application's secrets, an upload or an archive member
overwrites code or cron files, and a delete endpoint removes any file the process can reach.

## Example
```python
import os

from flask import Flask, request, send_file

app = Flask(__name__)
REPORTS = "/srv/reports"

@app.route("/report")
def report():
    return send_file(os.path.join(REPORTS, request.args["name"]))
```

## Use instead
```python
from flask import Flask, request, send_from_directory

app = Flask(__name__)
REPORTS = "/srv/reports"

@app.route("/report")
def report():
    return send_from_directory(REPORTS, request.args["name"])
```

## Known problems
Deny-list checks (``if ".." in name``) are not recognised as confinement; canonicalise and
check the prefix instead. ``Path(name).name`` and ``os.path.basename`` are trusted although
they can return ``..``, which only names the parent directory. Python 3.14 made
``filter="data"`` the default for tar extraction; the rule still asks for an explicit filter
because the same code runs unsafely on older interpreters. An archive passed to a helper in
another module, or a tar object the rule cannot trace to ``tarfile.open``, is not seen.

## Options
``aisec-extra-sinks`` (``myapp.files.store:path``) adds your own file functions;
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and path confinement helpers.

## References
- [CWE-22: Improper Limitation of a Pathname to a Restricted Directory ('Path Traversal')](https://cwe.mitre.org/data/definitions/22.html)
- [CWE-73: External Control of File Name or Path](https://cwe.mitre.org/data/definitions/73.html)
- [Flask API: send_file and send_from_directory](https://flask.palletsprojects.com/en/stable/api/#flask.send_from_directory)
- [Python docs: tarfile extraction filters](https://docs.python.org/3/library/tarfile.html#extraction-filters)
- [Python docs: ZipFile.extract](https://docs.python.org/3/library/zipfile.html#zipfile.ZipFile.extract)
- [OWASP Path Traversal](https://owasp.org/www-community/attacks/Path_Traversal)
- [Snyk: Zip Slip vulnerability](https://github.com/snyk/zip-slip-vulnerability)
"""

from __future__ import annotations

import ast
import re
from typing import Iterator

from ..analysis.taint import FLOW_EXITS, extra_sink_args, is_dead
from ..checks import Confidence, FileContext, Hit, hit, on

# --- sinks ---------------------------------------------------------------------------------
# Functions whose listed positional arguments (or keywords) are paths.
# https://docs.python.org/3/library/functions.html#open, https://docs.python.org/3/library/os.html,
# https://docs.python.org/3/library/shutil.html
PATH_FUNCTIONS: dict[str, tuple[tuple[int, str], ...]] = {
    "builtins.open": ((0, "file"),),
    "io.open": ((0, "file"),),
    "codecs.open": ((0, "filename"),),
    "os.open": ((0, "path"),),
    "os.remove": ((0, "path"),),
    "os.unlink": ((0, "path"),),
    "os.rmdir": ((0, "path"),),
    "os.removedirs": ((0, "name"),),
    "os.rename": ((0, "src"), (1, "dst")),
    "os.replace": ((0, "src"), (1, "dst")),
    "shutil.rmtree": ((0, "path"),),
    "shutil.copy": ((0, "src"), (1, "dst")),
    "shutil.copy2": ((0, "src"), (1, "dst")),
    "shutil.copyfile": ((0, "src"), (1, "dst")),
    "shutil.copytree": ((0, "src"), (1, "dst")),
    "shutil.move": ((0, "src"), (1, "dst")),
    # Flask: https://flask.palletsprojects.com/en/stable/api/#flask.send_file ; the file name
    # of send_from_directory goes through werkzeug.security.safe_join, its directory does not.
    "flask.send_file": ((0, "path_or_file"),),
    "flask.helpers.send_file": ((0, "path_or_file"),),
    "flask.send_from_directory": ((0, "directory"),),
    "flask.helpers.send_from_directory": ((0, "directory"),),
    # https://www.starlette.io/responses/#fileresponse
    # https://docs.aiohttp.org/en/stable/web_reference.html#fileresponse
    "starlette.responses.FileResponse": ((0, "path"),),
    "fastapi.responses.FileResponse": ((0, "path"),),
    "aiohttp.web.FileResponse": ((0, "path"),),
    "aiohttp.web_fileresponse.FileResponse": ((0, "path"),),
    # https://docs.djangoproject.com/en/stable/ref/request-response/#fileresponse-objects
    "django.http.FileResponse": ((0, "streaming_content"),),
    "django.http.response.FileResponse": ((0, "streaming_content"),),
}
# pathlib.Path methods that read, write or delete the file the receiver names.
# https://docs.python.org/3/library/pathlib.html
PATH_METHODS = frozenset(
    {"open", "read_text", "read_bytes", "write_text", "write_bytes", "unlink", "rmdir", "touch", "rename", "replace"}
)
# Method names that only a path object has, so the receiver need not be traced to pathlib.
_DISTINCT_PATH_METHODS = frozenset({"read_text", "read_bytes", "write_text", "write_bytes"})
_PATH_CONSTRUCTORS = frozenset({"pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.WindowsPath"})
# Calls that return a path confined to their first argument (or raise / return None).
# werkzeug.security.safe_join, django.utils._os.safe_join.
SAFE_JOINS = frozenset(
    {"werkzeug.security.safe_join", "werkzeug.utils.safe_join", "flask.safe_join", "django.utils._os.safe_join"}
)
# Calls whose result is a file object or buffer (not a path), or a temporary path the
# program chose.
FILE_OBJECTS = frozenset(
    {"builtins.open", "io.open", "io.BytesIO", "io.StringIO", "tempfile.NamedTemporaryFile", "tempfile.TemporaryFile",
     "tempfile.SpooledTemporaryFile", "tempfile.mkdtemp", "tempfile.gettempdir", "tempfile.mkstemp"}
)
# Canonicalising calls: after them a prefix check is meaningful.
NORMALISERS = frozenset(
    {"os.path.realpath", "os.path.abspath", "os.path.normpath", "posixpath.realpath", "posixpath.normpath", "posixpath.abspath"}
)
_NORMALISING_METHODS = frozenset({"resolve"})

# tarfile: https://docs.python.org/3/library/tarfile.html#tarfile.TarFile.extractall (PEP 706)
TAR_OPENERS = frozenset(
    {
        "tarfile.open", "tarfile.TarFile", "tarfile.TarFile.open", "tarfile.TarFile.gzopen",
        "tarfile.TarFile.bz2open", "tarfile.TarFile.xzopen", "tarfile.TarFile.taropen",
    }
)
# Origins that are the program's own user: the command line and the terminal.
CLI_ORIGINS = frozenset({"sys.argv", "command-line arguments", "input()", "sys.stdin"})
# "data" and "tar" (and any callable of the program's own) reject escaping members.
UNSAFE_TAR_FILTERS = frozenset({"fully_trusted"})
_UNSAFE_FILTER_NAMES = frozenset({"tarfile.fully_trusted_filter"})
# Archive listings whose items (or their .filename / .name) are member names chosen by the
# archive's author.
ARCHIVE_LISTINGS = frozenset({"infolist", "namelist", "getmembers", "getnames"})

# --- generic flow helpers (shared with AIS408 and AIS414) ----------------------------------
SAFE: tuple[str, list] = ("safe", [])
_RANK = {"safe": 0, "unknown": 1, "member": 2, "source": 3}
_FLIP = {"pos": "neg", "neg": "pos"}
_WEAK = "(past "  # marks origins that reach a sink through a check that does not protect it
_MAX_DEPTH = 12
# Calls that carry their arguments' content into their result.
PASS_CALLS = frozenset(
    {
        "os.path.join", "posixpath.join", "ntpath.join", "os.path.normpath", "os.path.abspath",
        "os.path.realpath", "os.path.expanduser", "os.fspath", "os.fsencode", "os.fsdecode",
        "pathlib.Path", "pathlib.PurePath", "pathlib.PosixPath", "pathlib.PurePosixPath",
        "builtins.str", "builtins.bytes", "builtins.bytearray", "io.BytesIO", "io.StringIO",
        "base64.b64decode", "base64.urlsafe_b64decode", "base64.b64encode", "binascii.unhexlify",
        "bytes.fromhex", "urllib.parse.unquote", "urllib.parse.unquote_plus", "urllib.parse.unquote_to_bytes",
        "zlib.decompress", "gzip.decompress", "codecs.decode",
    }
)
# Methods of str / bytes / paths / mappings whose result carries the receiver's content.
PASS_METHODS = frozenset(
    {
        "strip", "lstrip", "rstrip", "lower", "upper", "casefold", "replace", "encode", "decode",
        "format", "join", "removeprefix", "removesuffix", "get", "getlist", "pop", "resolve",
        "absolute", "joinpath", "with_name", "with_suffix", "with_stem", "expanduser", "read",
        "getvalue", "as_posix", "__truediv__", "split", "rsplit", "partition", "rpartition",
    }
)
# Attributes of an aiohttp web.Request that carry client data; the engine knows the others.
# https://docs.aiohttp.org/en/stable/web_reference.html#request-and-base-request
AIOHTTP_REQUEST_ATTRS = frozenset(
    {"query", "match_info", "rel_url", "post", "multipart", "content", "text", "read", "raw_path"}
)


def rank(verdict: str) -> int:
    return _RANK.get(verdict, 1)


def combine(results: list[tuple[str, list]]) -> tuple[str, list]:
    """The worst verdict of several parts, with the origins of the parts that have it."""
    if not results or all(v == "safe" for v, _ in results):
        return SAFE
    worst = max(rank(v) for v, _ in results)
    verdict = next(v for v, _ in results if rank(v) == worst)
    found = sorted({o for v, origins in results if rank(v) == worst for o in origins})
    return verdict, found


def _pos(node: ast.AST) -> tuple[int, int]:
    return getattr(node, "lineno", 0), getattr(node, "col_offset", 0)


def body_exits(body: list, depth: int = 0) -> bool:
    """True when a block always leaves: it ends in return / raise / continue / break /
    ``abort()`` / ``sys.exit()``, or in an if / else whose branches both do."""
    if not body or depth > 20:
        return False
    last = body[-1]
    if isinstance(last, (ast.Return, ast.Raise, ast.Continue, ast.Break)):
        return True
    if isinstance(last, ast.Expr) and isinstance(last.value, ast.Call):
        func = last.value.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        return name in FLOW_EXITS
    if isinstance(last, ast.If):
        return body_exits(last.body, depth + 1) and body_exits(last.orelse, depth + 1)
    return False


def call_arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    """The argument at `index` or keyword `name`, if present (no unpacking before it)."""
    if index < len(call.args) and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def keyword(call: ast.Call, name: str) -> ast.keyword | None:
    return next((k for k in call.keywords if k.arg == name), None)


def _param_argument(func: ast.AST, call: ast.Call, index: int, bound: bool) -> tuple[bool, ast.AST | None]:
    """``(visible, expression)`` passed for parameter `index` of `func` at `call`;
    ``(True, None)`` when the parameter's default is used."""
    args = func.args
    positional = [*args.posonlyargs, *args.args]
    every = [*positional, *args.kwonlyargs]
    if index >= len(every):
        return False, None
    pos = index - (1 if bound else 0)
    if index < len(positional) and 0 <= pos < len(call.args):
        if any(isinstance(a, ast.Starred) for a in call.args[: pos + 1]):
            return False, None
        return True, call.args[pos]
    name = every[index].arg
    found = next((k.value for k in call.keywords if k.arg == name), None)
    if found is not None:
        return True, found
    if any(k.arg is None for k in call.keywords) or any(isinstance(a, ast.Starred) for a in call.args):
        return False, None
    if index < len(positional):
        has_default = index >= len(positional) - len(args.defaults)
    else:
        k = index - len(positional)
        has_default = k < len(args.kw_defaults) and args.kw_defaults[k] is not None
    return has_default, None


def class_constant(ctx: FileContext, expr: ast.AST) -> str | None:
    """The string a class attribute read through ``self.X`` / ``cls.X`` is bound to in the
    class body, when that is a constant string (``BASE = "https://..."``)."""
    if not (isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls")):
        return None
    cls = ctx.enclosing_class(expr)
    if cls is None:
        return None
    for stmt in cls.body:
        if isinstance(stmt, ast.Assign):
            targets = stmt.targets
        else:
            targets = [stmt.target] if isinstance(stmt, ast.AnnAssign) else []
        if any(isinstance(t, ast.Name) and t.id == expr.attr for t in targets) and stmt.value is not None:
            return ctx.const_str(stmt.value)
    return None


class Flow:
    """Where a sink's value comes from, refining the engine's verdict for one sink kind.

    `ctx.taint.judge` answers for a whole expression. This class splits the expression into
    its parts (through variables, joins, string building and the module's callers) so that
    facts the engine does not model can clear or convict a part: checks written as
    ``if a or b: abort()``, canonicalise-then-compare confinement, file objects, aiohttp's
    request attributes, archive member names. It only ever *clears* a value the engine saw as
    untrusted when every part is cleared, and only *raises* a verdict for a concrete reason
    (a weak prefix check, a source the engine does not know).

    Verdicts: "source", "member" (archive member names), "unknown", "safe". Subclasses set
    `kind` and override the hooks `safe_expr`, `parts`, `check`, `weak_check`, `extra_source`.
    """

    kind = "path"
    weak_note = "a check that does not confine it"

    def __init__(self, ctx: FileContext) -> None:
        self.ctx = ctx
        self._memo: dict[int, tuple[str, list]] = {}
        self._active: set = set()

    @classmethod
    def of(cls, ctx: FileContext) -> "Flow":
        """The file's memoised instance of this flow class."""
        key = f"_flow_{cls.__module__}.{cls.__qualname__}"
        flow = ctx.__dict__.get(key)
        if flow is None:
            flow = ctx.__dict__[key] = cls(ctx)
        return flow

    # ---- public
    def judge(self, expr: ast.AST, depth: int = 0) -> tuple[str, list]:
        key = id(expr)
        if key in self._memo:
            return self._memo[key]
        if key in self._active or depth > _MAX_DEPTH:
            return ("unknown", [])
        self._active.add(key)
        try:
            result = self._judge(expr, depth)
        finally:
            self._active.discard(key)
        self._memo[key] = result
        return result

    # ---- hooks (overridden per kind)
    def safe_expr(self, expr: ast.AST) -> bool:  # pylint: disable=unused-argument
        """True when this expression is safe for the kind whatever its inputs."""
        return False

    def parts(self, expr: ast.AST) -> list | None:
        """The sub-expressions whose content flows into `expr`; None for a leaf."""
        return generic_parts(self.ctx, expr)

    def check(self, test: ast.AST, target: set) -> str | None:  # pylint: disable=unused-argument
        """Kind-specific guard: "pos" when `test` being true proves a value whose dump is in
        `target` safe, "neg" when `test` being false does; None otherwise."""
        return None

    def weak_check(self, test: ast.AST, target: set) -> tuple[ast.AST, str] | None:  # pylint: disable=unused-argument
        """A check the engine accepts but that does not confine for this kind: the checked
        expression (judged where it is tested) and "pos" when the check passes on true
        ("neg" for ``not in`` / ``!=``); None when `test` is no such check."""
        return None

    def extra_source(self, expr: ast.AST) -> str | None:
        return aiohttp_source(self.ctx, expr)

    def loop_item(self, loop: ast.AST, name: ast.Name) -> tuple[str, list] | None:  # pylint: disable=unused-argument
        """Verdict for a loop variable; None to judge the iterable's content."""
        return None

    # ---- machinery
    def _judge(self, expr: ast.AST, depth: int) -> tuple[str, list]:
        ctx = self.ctx
        if self.safe_expr(expr) or class_constant(ctx, expr) is not None or ctx.is_constant(expr):
            return SAFE
        if isinstance(expr, (ast.Name, ast.Attribute)) and configured(ctx, expr):
            return SAFE
        seen, found = ctx.taint.judge(expr, self.kind)
        if seen == "safe":
            return self._recheck(expr, depth)
        if self.guarded(expr):
            return SAFE
        extra = self.extra_source(expr)
        if extra:
            return ("source", [extra])
        if isinstance(expr, ast.Name):
            local = self._name(expr, depth)
            if local is not None and len(local) == 3:
                return local[0], local[1]  # a parameter judged through all its callers here
        else:
            sub = self.parts(expr)
            local = None if sub is None else combine([self.judge(p, depth + 1) for p in sub])
        if local is None:
            return (seen, found)
        if local[0] == "safe":
            return SAFE
        if rank(local[0]) >= rank(seen):
            return local
        return (seen, found)

    def _recheck(self, expr: ast.AST, depth: int) -> tuple[str, list]:
        """The engine cleared `expr`: keep that unless one of its variables was cleared only
        by a check that does not protect this kind (then: the value as it was tested)."""
        if isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            weak = self._weak(expr, depth)
            if weak is not None:
                return weak
        if isinstance(expr, ast.Name):
            # Follow the variable only to find such a check before its binding; any other
            # verdict there is superseded by whatever cleared the variable here.
            if self.guarded(expr):
                return SAFE
            local = self._name(expr, depth)
            if local is not None and rank(local[0]) > rank("unknown") and local[1] and all(_WEAK in o for o in local[1]):
                return local[0], local[1]
            return SAFE
        sub = self.parts(expr)
        if sub:
            verdict, found = combine([self.judge(p, depth + 1) for p in sub])
            if rank(verdict) > rank("unknown"):
                return verdict, found
        return SAFE

    def _name(self, name: ast.Name, depth: int) -> tuple | None:
        ctx = self.ctx
        steps = reaching(ctx, name)
        if not steps:
            return None
        results = []
        for b in steps:
            if b.kind == "param":
                return self._param(b, depth) if len(steps) == 1 else None
            if b.kind == "loop":
                loop = ctx.parent(b.target)
                while loop is not None and not isinstance(loop, (ast.For, ast.AsyncFor, ast.comprehension)):
                    loop = ctx.parent(loop)
                if loop is None:
                    return None
                item = self.loop_item(loop, name)  # pylint: disable=assignment-from-none
                results.append(item if item is not None else self.judge(loop.iter, depth + 1))
                continue
            if b.value is None:
                return None
            results.append(self.judge(b.value, depth + 1))
        return combine(results)

    def _param(self, binding, depth: int) -> tuple | None:
        ctx = self.ctx
        func = ctx.parent(ctx.parent(binding.target))
        if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)) or ctx.taint.route_kind(func):
            return None
        args = func.args
        every = [*args.posonlyargs, *args.args, *args.kwonlyargs]
        if binding.target not in every:
            return None
        index = every.index(binding.target)
        calls = ctx.taint.callers(func)
        if not calls:
            return None
        results = []
        for call in calls:
            visible, arg = _param_argument(func, call, index, isinstance(call.func, ast.Attribute))
            if not visible:
                return None
            if arg is not None:
                results.append(self.judge(arg, depth + 1))
        verdict, found = combine(results)
        if verdict == "safe" and not (func.name.startswith("_") or ctx.taint.entry_module()):
            return "unknown", [], True  # callers in other modules may pass anything
        if verdict == "source":
            found = [o if " via " in o else f"{o} via {func.name}()" for o in found]
        return verdict, found, True

    # ---- guards
    def guarded(self, expr: ast.AST) -> bool:
        """True when a check that dominates this use proves the value safe."""
        if not isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            return False
        target = {ast.dump(expr)}
        for test, where in dominating_tests(self.ctx, expr):
            polarity = self._polarity(test, target)
            if polarity is not None and _applies(polarity, where):
                return True
        return False

    def _polarity(self, test: ast.AST, target: set, depth: int = 0) -> str | None:
        if depth > 20:
            return None
        own = self.check(test, target)  # pylint: disable=assignment-from-none
        if own is not None:
            return own
        if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
            inner = self._polarity(test.operand, target, depth + 1)
            return _FLIP.get(inner) if inner else None
        if isinstance(test, ast.BoolOp):
            found = [self._polarity(v, target, depth + 1) for v in test.values]
            want = "neg" if isinstance(test.op, ast.Or) else "pos"
            return want if want in found else None
        return generic_check(self.ctx, test, target)

    def _weak(self, expr: ast.AST, depth: int) -> tuple[str, list] | None:
        """When the engine cleared `expr` by a check that does not confine for this kind,
        the verdict of the value as tested; None when no such check applies."""
        if not isinstance(expr, (ast.Name, ast.Attribute, ast.Subscript)):
            return None
        target = {ast.dump(expr)}
        weak = None
        for test, where in dominating_tests(self.ctx, expr):
            for part, polarity in _conjuncts(test):
                found = self.weak_check(part, target)  # pylint: disable=assignment-from-none
                if found is None or polarity is None:
                    continue
                checked, atom = found  # pylint: disable=unpacking-non-sequence
                if _applies(polarity if atom == "pos" else _FLIP[polarity], where):
                    weak = checked
            polarity = self._polarity(test, target)
            if polarity is not None and _applies(polarity, where):
                return None
        if weak is None:
            return None
        seen, found = self.judge(weak, depth + 1)
        if seen == "safe":
            return None
        return seen, [o if _WEAK in o else f"{o} {_WEAK}{self.weak_note})" for o in found]


def _applies(polarity: str, where: str) -> bool:
    """Whether a check of this polarity protects code at `where` relative to its ``if``."""
    if polarity == "pos":
        return where in ("body", "after-else-exits")
    return polarity == "neg" and where in ("orelse", "after")


def _conjuncts(test: ast.AST, depth: int = 0) -> Iterator[tuple[ast.AST, str | None]]:
    """The atomic checks of a test, each with its polarity at the top: "pos" when the test
    being true implies the check passed, "neg" when the test being false does, None when
    neither follows."""
    if depth > 20:
        return
    if isinstance(test, ast.UnaryOp) and isinstance(test.op, ast.Not):
        for part, pol in _conjuncts(test.operand, depth + 1):
            yield part, _FLIP.get(pol) if pol else None
        return
    if isinstance(test, ast.BoolOp):
        keep = "pos" if isinstance(test.op, ast.And) else "neg"
        for value in test.values:
            for part, pol in _conjuncts(value, depth + 1):
                yield part, pol if pol == keep else None
        return
    yield test, "pos"


def dominating_tests(ctx: FileContext, node: ast.AST) -> Iterator[tuple[ast.AST, str]]:
    """``(if test, where)`` for each ``if`` that decides whether `node` runs.

    where: "body" / "orelse" when `node` is inside that branch; "after" when the ``if``
    precedes `node` in an enclosing block and its body always exits; "after-else-exits" when
    its else branch always exits. Stops at the enclosing function.
    """
    stmt = ctx.statement_of(node)
    child: ast.AST | None = stmt
    while child is not None:
        parent = ctx.parent(child)
        if parent is None:
            return
        if isinstance(parent, ast.If) and child in parent.body:
            yield parent.test, "body"
        elif isinstance(parent, ast.If) and child in parent.orelse:
            yield parent.test, "orelse"
        for field in ("body", "orelse", "finalbody"):
            block = getattr(parent, field, None)
            if isinstance(block, list) and child in block:
                for prev in block[: block.index(child)]:
                    if isinstance(prev, ast.If):
                        if body_exits(prev.body):
                            yield prev.test, "after"
                        if body_exits(prev.orelse):
                            yield prev.test, "after-else-exits"
                    elif isinstance(prev, ast.Assert):
                        yield prev.test, "body"
        if isinstance(parent, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda, ast.Module)):
            return
        child = parent


def reaching(ctx: FileContext, name: ast.Name) -> list:
    """The bindings of `name` that may reach this use: the last one that dominates it (or
    the first) and every later one before the use (branches, ``+=``, ``.append``)."""
    binds = ctx.bindings_of(name)
    if not binds:
        return []
    if len(binds) == 1:
        return binds
    here = _pos(name)
    before = [b for b in binds if _pos(b.target) < here and not _inside(ctx, name, b.value)]
    if not before:
        return binds
    start = 0
    for i, b in enumerate(before):
        if not b.augmented and _dominates(ctx, b.target, name):
            start = i
    return before[start:]


def _inside(ctx: FileContext, node: ast.AST, container: ast.AST | None) -> bool:
    if container is None:
        return False
    return any(anc is container for anc in ctx.ancestors(node)) or node is container


def _dominates(ctx: FileContext, target: ast.AST, use: ast.AST) -> bool:
    """True when the statement binding `target` runs on every path to `use` (same block,
    earlier; or a with / for statement that contains the use)."""
    stmt = ctx.statement_of(target)
    if stmt is None:
        return False
    if any(anc is stmt for anc in ctx.ancestors(use)):
        return True
    parent = ctx.parent(stmt)
    for field in ("body", "orelse", "finalbody"):
        block = getattr(parent, field, None)
        if isinstance(block, list) and stmt in block:
            later = block[block.index(stmt) + 1:]
            return any(s is use or any(anc is s for anc in ctx.ancestors(use)) for s in later)
    return False


def generic_parts(ctx: FileContext, expr: ast.AST) -> list | None:
    """Sub-expressions whose content flows into `expr`; None for a leaf."""
    if isinstance(expr, ast.BinOp):
        return [expr.left, expr.right]
    if isinstance(expr, ast.JoinedStr):
        return [v.value for v in expr.values if isinstance(v, ast.FormattedValue)]
    if isinstance(expr, ast.IfExp):
        return [expr.body, expr.orelse]
    if isinstance(expr, ast.BoolOp):
        return list(expr.values)
    if isinstance(expr, (ast.Tuple, ast.List, ast.Set)):
        return list(expr.elts)
    if isinstance(expr, (ast.Starred, ast.Await)):
        return [expr.value]
    if isinstance(expr, ast.Subscript):
        return [expr.value]
    if isinstance(expr, ast.NamedExpr):
        return [expr.value]
    if isinstance(expr, ast.Attribute):
        if isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
            return None
        if ctx.qualname(expr) is not None:
            return None  # request.args, sys.argv: the engine knows these chains
        return [expr.value]
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        args = [a for a in expr.args] + [k.value for k in expr.keywords]
        if qn in PASS_CALLS:
            return args
        if qn is None and isinstance(expr.func, ast.Attribute) and expr.func.attr in PASS_METHODS:
            if isinstance(expr.func.value, ast.Name) and expr.func.value.id in ("self", "cls"):
                return None
            return [expr.func.value, *args]
    return None


def subjects(ctx: FileContext, expr: ast.AST, through: frozenset = frozenset(), depth: int = 0) -> set:
    """Dumps of the expressions a checked expression stands for: itself, and through
    single-binding names and the calls in `through` (qualified names, or ``.method`` names),
    what it was computed from (``parsed = urlparse(url)``: a check on ``parsed`` checks
    ``url``)."""
    out = {ast.dump(expr)}
    if depth > 4:
        return out
    if isinstance(expr, ast.Name):
        binds = ctx.bindings_of(expr)
        if len(binds) == 1 and binds[0].value is not None:
            out |= subjects(ctx, binds[0].value, through, depth + 1)
        elif binds:
            value = ctx.reaching_value(expr)
            if value is not None:
                out |= subjects(ctx, value, through, depth + 1)
    elif isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        method = f".{expr.func.attr}" if isinstance(expr.func, ast.Attribute) else None
        if qn in through and expr.args:
            out |= subjects(ctx, expr.args[0], through, depth + 1)
        elif qn is None and method in through:
            out |= subjects(ctx, expr.func.value, through, depth + 1)
    elif isinstance(expr, ast.BoolOp):
        for v in expr.values:
            out |= subjects(ctx, v, through, depth + 1)
    elif isinstance(expr, ast.Await):
        out |= subjects(ctx, expr.value, through, depth + 1)
    return out


# Values the program computes from its own location and configuration.
_CONFIG_CALLS = frozenset(
    {
        "pathlib.Path", "pathlib.PurePath", "os.path.join", "os.path.dirname", "os.path.abspath",
        "os.path.realpath", "os.path.normpath", "os.path.expanduser", "os.getcwd", "builtins.str",
        "os.fspath", "flask.Flask", "quart.Quart", "fastapi.FastAPI", "starlette.applications.Starlette",
    }
)
_CONFIG_METHODS = frozenset({"with_name", "with_suffix", "with_stem", "joinpath", "resolve", "absolute", "expanduser"})


def configured(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """True for a value the program derives from its own files and settings: constants,
    ``__file__``, imported settings objects, the application object, module-level names
    bound to such values, and path arithmetic over them (``Path(__file__).parent / "x"``,
    ``os.path.join(app.root_path, "downloads")``). The engine must see no input in it."""
    if depth == 0 and ctx.taint.of(expr):
        return False
    if depth > 6:
        return False
    if ctx.is_constant(expr):
        return True
    if isinstance(expr, ast.Name):
        if expr.id == "__file__":
            return True
        found = ctx.lookup(expr.id, expr)
        if found is None or found[0] == "builtin":
            return False
        if found[0] == "import":
            return True
        binds = found[1]
        return all(
            b.kind == "assign" and ctx.scope_of(b.target) is ctx.tree and b.value is not None
            and configured(ctx, b.value, depth + 1)
            for b in binds
        )
    if isinstance(expr, ast.Attribute):
        return configured(ctx, expr.value, depth + 1)
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Add, ast.Div)):
        return configured(ctx, expr.left, depth + 1) and configured(ctx, expr.right, depth + 1)
    if isinstance(expr, ast.JoinedStr):
        return all(configured(ctx, v.value, depth + 1) for v in expr.values if isinstance(v, ast.FormattedValue))
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        method = isinstance(expr.func, ast.Attribute) and expr.func.attr in _CONFIG_METHODS and qn is None
        if qn in _CONFIG_CALLS or method:
            args = [*expr.args, *(k.value for k in expr.keywords)]
            if method:
                args.append(expr.func.value)
            return all(configured(ctx, a, depth + 1) for a in args)
    return False


def clean_collection(ctx: FileContext, expr: ast.AST) -> bool:
    """A collection the program built (constants, a directory listing, settings): the engine
    sees no source or parameter in it."""
    if ctx.is_constant(expr, sanitizers=False):
        return True
    return not ctx.taint.of(expr)


def generic_check(ctx: FileContext, test: ast.AST, target: set) -> str | None:
    """Membership in a collection the program built: ``x in os.listdir(DIR)``,
    ``x not in ALLOWED`` (also on derived values the engine does not split)."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.In, ast.NotIn)):
        if subjects(ctx, test.left) & target and clean_collection(ctx, test.comparators[0]):
            return "pos" if isinstance(test.ops[0], ast.In) else "neg"
    return None


_READERS = frozenset({"post", "text", "read", "multipart", "json"})
_GETTERS = frozenset({"get", "getone", "getall", "get_all"})


def aiohttp_source(ctx: FileContext, expr: ast.AST) -> str | None:
    """``request.query`` / ``request.match_info`` / ... on an aiohttp request object."""
    node = expr
    while isinstance(node, (ast.Subscript, ast.Call, ast.Await)):
        if isinstance(node, ast.Call):
            if not isinstance(node.func, ast.Attribute) or node.func.attr not in _READERS | _GETTERS:
                return None
            node = node.func if node.func.attr in _READERS else node.func.value
        else:
            node = node.value
    if isinstance(node, ast.Attribute) and node.attr in AIOHTTP_REQUEST_ATTRS and isinstance(node.value, ast.Name):
        if any(lab.kind == "request" for lab in ctx.taint.of(node.value)):
            return f"request.{node.attr}"
    return None


# --- the path rule -------------------------------------------------------------------------
def _normalised(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """True when the value was canonicalised (realpath, abspath, normpath, resolve())."""
    if depth > 5:
        return False
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        if qn in NORMALISERS or qn in SAFE_JOINS:
            return True
        if isinstance(expr.func, ast.Attribute) and expr.func.attr in _NORMALISING_METHODS:
            return True
        if qn in ("builtins.str", "os.fspath", "pathlib.Path") and expr.args:
            return _normalised(ctx, expr.args[0], depth + 1)
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _normalised(ctx, value, depth + 1)
    return False


def _ends_with_separator(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    """``BASE + os.sep``, ``BASE + "/"``, ``f"{BASE}/"``, ``"/srv/app/"``, ``os.path.join(BASE, "")``."""
    if depth > 8:
        return False
    text = ctx.const_str(expr)
    if text is not None:
        return text.endswith(("/", "\\"))
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Add):
        return ctx.qualname(expr.right) == "os.sep" or _ends_with_separator(ctx, expr.right, depth + 1)
    if isinstance(expr, ast.JoinedStr) and expr.values:
        last = expr.values[-1]
        if isinstance(last, ast.Constant):
            return str(last.value).endswith(("/", "\\"))
        return isinstance(last, ast.FormattedValue) and ctx.qualname(last.value) == "os.sep"
    if isinstance(expr, ast.Call) and ctx.call_name(expr) == "os.path.join" and expr.args:
        return ctx.const_str(expr.args[-1]) == ""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and value is not expr and _ends_with_separator(ctx, value, depth + 1)
    return False


# Names of helper functions that check that a path stays inside a directory.
_CONFINEMENT_HELPER = re.compile(r"(?i)(?:within|inside|subpath|safe_?path|is_relative|contained|confined)")
_MEMBERSHIP = (ast.In, ast.NotIn, ast.Eq, ast.NotEq)
# Transformations after which a membership test still checks the whole value.
_WHOLE_VALUE = frozenset({".lower", ".upper", ".casefold", ".strip", "builtins.str", "os.fspath"})
_PATH_THROUGH = NORMALISERS | SAFE_JOINS | frozenset({"builtins.str", "os.fspath", "pathlib.Path", ".resolve"})


def _escape_test(ctx: FileContext, test: ast.AST, target: set) -> str | None:
    """"parent" for ``".." in name`` / ``".." in name.split("/")``, "absolute" for
    ``name.startswith("/")`` / ``os.path.isabs(name)``, on the checked value."""
    if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], ast.In):
        if ctx.const_str(test.left) == "..":
            checked = test.comparators[0]
            if isinstance(checked, ast.Call) and isinstance(checked.func, ast.Attribute) and checked.func.attr == "split":
                checked = checked.func.value
            elif isinstance(checked, ast.Attribute) and checked.attr == "parts":
                checked = checked.value
            if subjects(ctx, checked) & target:
                return "parent"
    if isinstance(test, ast.Call):
        if ctx.call_name(test) in ("os.path.isabs", "posixpath.isabs") and test.args and subjects(ctx, test.args[0]) & target:
            return "absolute"
        func = test.func
        if isinstance(func, ast.Attribute) and func.attr == "startswith" and test.args and subjects(ctx, func.value) & target:
            prefix = ctx.const_str(test.args[0])
            if prefix in ("/", "\\"):
                return "absolute"
        if isinstance(func, ast.Attribute) and func.attr == "is_absolute" and subjects(ctx, func.value) & target:
            return "absolute"
    return None


class PathFlow(Flow):
    """Paths: file objects and single name components are safe; confinement needs a
    canonical path and a separator-terminated prefix."""

    kind = "path"
    weak_note = "a check that does not confine it to the directory"

    def safe_expr(self, expr: ast.AST) -> bool:
        ctx = self.ctx
        if isinstance(expr, ast.Call):
            qn = ctx.call_name(expr)
            return qn in SAFE_JOINS or qn in FILE_OBJECTS
        if isinstance(expr, ast.Attribute) and expr.attr in ("name", "stem", "suffix"):
            base = expr.value
            if isinstance(base, ast.Call) and ctx.call_name(base) in _PATH_CONSTRUCTORS:
                return True  # Path(untrusted).name: one component
            if expr.attr == "name":
                # Django's UploadedFile.name is reduced to its base name on upload.
                labels = ctx.taint.of(base)
                return bool(labels) and all(lab.origin.startswith("request.FILES") for lab in labels)
        return False

    def check(self, test: ast.AST, target: set) -> str | None:
        ctx = self.ctx
        if isinstance(test, ast.BoolOp) and isinstance(test.op, ast.Or):
            # `if name.startswith("/") or ".." in name: continue` rejects both escapes.
            kinds = {_escape_test(ctx, v, target) for v in test.values}
            if {"parent", "absolute"} <= kinds:
                return "neg"
            return None
        if isinstance(test, ast.Call) and test.args:
            # is_within_directory(base, path), is_safe_path(path): a named confinement helper.
            func = test.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            if _CONFINEMENT_HELPER.search(name) and any(subjects(ctx, a, _PATH_THROUGH) & target for a in test.args):
                return "pos"
        if isinstance(test, ast.Call) and isinstance(test.func, ast.Attribute):
            receiver = test.func.value
            if test.func.attr == "startswith" and test.args and subjects(ctx, receiver, _PATH_THROUGH) & target:
                if _normalised(ctx, receiver) and _ends_with_separator(ctx, test.args[0]):
                    return "pos"
            if test.func.attr == "is_relative_to" and subjects(ctx, receiver, _PATH_THROUGH) & target:
                if _normalised(ctx, receiver):
                    return "pos"
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
            # os.path.commonpath([base, target]) == base
            sides = [test.left, test.comparators[0]]
            for i, side in enumerate(sides):
                if isinstance(side, ast.Call) and ctx.call_name(side) == "os.path.commonpath" and side.args:
                    items = side.args[0].elts if isinstance(side.args[0], (ast.List, ast.Tuple)) else []
                    other = ast.dump(sides[1 - i])
                    for item in items:
                        if ast.dump(item) == other or not subjects(ctx, item, _PATH_THROUGH) & target:
                            continue
                        if _normalised(ctx, item):
                            return "pos" if isinstance(test.ops[0], ast.Eq) else "neg"
        return None

    def weak_check(self, test: ast.AST, target: set) -> tuple[ast.AST, str] | None:
        ctx = self.ctx
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], _MEMBERSHIP):
            # os.path.splitext(name)[1] in {".png"}: the engine clears `name`, but a checked
            # extension or part says nothing about "../" in the rest.
            if not subjects(ctx, test.left, _WHOLE_VALUE) & target:
                inner = next((n for n in ast.walk(test.left) if ast.dump(n) in target), None)
                if inner is not None:
                    return inner, "neg" if isinstance(test.ops[0], (ast.NotIn, ast.NotEq)) else "pos"
        func = test.func if isinstance(test, ast.Call) else None
        if isinstance(func, ast.Attribute) and func.attr in ("startswith", "is_relative_to"):
            receiver = func.value
            if test.args and subjects(ctx, receiver, _PATH_THROUGH) & target:
                if not _normalised(ctx, receiver):
                    return receiver, "pos"
                if func.attr == "startswith" and not _ends_with_separator(ctx, test.args[0]):
                    return receiver, "pos"
        return None

    def loop_item(self, loop: ast.AST, name: ast.Name) -> tuple[str, list] | None:
        archive = _archive_of_loop(self.ctx, loop)
        if archive is None:
            return None
        return self._archive_verdict(archive)

    def parts(self, expr: ast.AST) -> list | None:
        return generic_parts(self.ctx, expr)

    def _archive_verdict(self, archive: ast.AST) -> tuple[str, list]:
        source = archive_source(self.ctx, archive)
        if source is not None:
            verdict, found = self.judge(source)
            if verdict == "source" and not cli_only(found):
                return "source", [f"member names of an archive from {o}" for o in found]
        return "member", ["archive member names"]


def _archive_of_loop(ctx: FileContext, loop: ast.AST) -> ast.AST | None:
    """The archive object when a loop iterates its member listing (``zf.infolist()``,
    ``tar.getmembers()``, ``for m in tar``)."""
    it = loop.iter
    if isinstance(it, ast.Call) and isinstance(it.func, ast.Attribute) and it.func.attr in ARCHIVE_LISTINGS:
        return it.func.value
    if ctx.instance_of(it) in TAR_OPENERS:
        return it
    return None


def archive_source(ctx: FileContext, archive: ast.AST) -> ast.AST | None:
    """The file or path an archive object was opened from (``ZipFile(x)``, ``tarfile.open(x)``)."""
    value = ctx.reaching_value(archive) if isinstance(archive, ast.Name) else archive
    if not isinstance(value, ast.Call):
        return None
    for index, name in ((0, "file"), (0, "name")):
        found = call_arg(value, index, name)
        if found is not None:
            return found
    fileobj = keyword(value, "fileobj")
    return fileobj.value if fileobj is not None else None


_PATH_RETURNING_METHODS = frozenset({"resolve", "absolute", "joinpath", "with_name", "with_suffix", "expanduser"})


def _is_pathlike_receiver(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    if depth > 4:
        return False
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        return True
    if isinstance(expr, ast.Call):
        if ctx.call_name(expr) in _PATH_CONSTRUCTORS:
            return True
        return isinstance(expr.func, ast.Attribute) and expr.func.attr in _PATH_RETURNING_METHODS
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _is_pathlike_receiver(ctx, value, depth + 1)
    return False


def _upload_receiver(ctx: FileContext, expr: ast.AST) -> bool:
    """A Werkzeug FileStorage from ``request.files``."""
    return any(lab.origin.startswith("request.files") for lab in ctx.taint.of(expr))


def sink_args(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str]]:
    """``(path argument, sink description)`` for each path sink of a call."""
    yield from extra_sink_args(ctx, node, "path")
    name = ctx.call_name(node)
    if name in PATH_FUNCTIONS:
        short = name.replace("builtins.", "").replace("flask.helpers.", "flask.")
        for index, kw in PATH_FUNCTIONS[name]:
            arg = call_arg(node, index, kw)
            if arg is not None:
                yield arg, f"{short}()"
        return
    func = node.func
    if name is None and isinstance(func, ast.Attribute):
        pathlike = func.attr in _DISTINCT_PATH_METHODS or _is_pathlike_receiver(ctx, func.value)
        if func.attr in PATH_METHODS and pathlike:
            yield func.value, f"Path.{func.attr}()"
        elif func.attr == "save" and node.args and _upload_receiver(ctx, func.value):
            yield node.args[0], "FileStorage.save()"


def _tar_call(node: ast.Call, ctx: FileContext) -> str | None:
    """"extractall" / "extract" / "unpack_archive" when the call extracts a tar archive."""
    name = ctx.call_name(node)
    if name == "shutil.unpack_archive":
        fmt = ctx.const_str(call_arg(node, 2, "format"))
        if fmt is not None and "tar" not in fmt:
            return None
        archive = ctx.const_str(call_arg(node, 0, "filename"))
        if archive is not None and archive.endswith(".zip"):
            return None
        return "unpack_archive"
    func = node.func
    if name is None and isinstance(func, ast.Attribute) and func.attr in ("extractall", "extract"):
        if ctx.instance_of(func.value) in TAR_OPENERS:
            return func.attr
    return None


def _module_sets_extraction_filter(ctx: FileContext) -> bool:
    cached = ctx.__dict__.get("_ais407_extraction_filter")
    if cached is None:
        cached = any(
            isinstance(n, ast.Attribute) and n.attr == "extraction_filter" and isinstance(n.ctx, ast.Store)
            for n in ctx.nodes
        )
        ctx.__dict__["_ais407_extraction_filter"] = cached
    return cached


def _check_tar(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    what = _tar_call(node, ctx)
    if what is None:
        return
    label = "shutil.unpack_archive()" if what == "unpack_archive" else f"tarfile {what}()"
    flt = keyword(node, "filter")
    if flt is not None:
        value = ctx.const_str(flt.value)
        if value in UNSAFE_TAR_FILTERS or ctx.qualname(flt.value) in _UNSAFE_FILTER_NAMES:
            message = f"{label} with filter='{value or 'fully_trusted'}' extracts members outside the destination"
            yield hit(flt.value, message, confidence=Confidence.MEDIUM)
        return
    if _module_sets_extraction_filter(ctx):
        return
    if keyword(node, "members") is not None:
        conf = Confidence.LOW  # a hand-written member filter we cannot verify
    else:
        conf = Confidence.MEDIUM
    origin = ""
    if what != "unpack_archive":
        source = archive_source(ctx, node.func.value)
    else:
        source = call_arg(node, 0, "filename")
    if source is not None:
        verdict, found = PathFlow.of(ctx).judge(source)
        if verdict == "source":
            origin = f" on an archive from {', '.join(found)}"
            if conf is Confidence.MEDIUM and not cli_only(found):
                conf = Confidence.HIGH
    yield hit(node, f"{label} without filter='data'{origin} extracts members outside the destination", confidence=conf)


def cli_only(found: list) -> bool:
    """True when every origin is the program's own command line or terminal: its user
    already has the program's access, unless the program runs with more (sudo, setuid)."""
    return bool(found) and all(o.split(" via ", 1)[0] in CLI_ORIGINS for o in found)


def under_base(ctx: FileContext, expr: ast.AST, depth: int = 0, seen: set | None = None) -> bool:
    """True when the value is, or was built as, a name joined under a fixed directory
    (``os.path.join(LOG_DIR, name)``, ``BASE / name``, ``f"{BASE}/{name}"``), following
    variables and the module's callers: the program meant to confine it."""
    seen = set() if seen is None else seen
    if depth > 8 or id(expr) in seen:
        return False
    seen.add(id(expr))
    pieces = _join_pieces(ctx, expr)
    if pieces is not None and len(pieces) > 1:
        if configured(ctx, pieces[0]) and not all(ctx.is_constant(p) for p in pieces[1:]):
            return True
    if isinstance(expr, ast.Name):
        for b in reaching(ctx, expr):
            if b.kind == "param":
                func = ctx.parent(ctx.parent(b.target))
                if not isinstance(func, (ast.FunctionDef, ast.AsyncFunctionDef)):
                    continue
                every = [*func.args.posonlyargs, *func.args.args, *func.args.kwonlyargs]
                if b.target in every:
                    index = every.index(b.target)
                    for call in ctx.taint.callers(func):
                        _, arg = _param_argument(func, call, index, isinstance(call.func, ast.Attribute))
                        if arg is not None and under_base(ctx, arg, depth + 1, seen):
                            return True
            elif b.value is not None and under_base(ctx, b.value, depth + 1, seen):
                return True
        return False
    if isinstance(expr, ast.Call):
        qn = ctx.call_name(expr)
        if qn in PASS_CALLS and expr.args:
            return under_base(ctx, expr.args[0], depth + 1, seen)
        if qn is None and isinstance(expr.func, ast.Attribute) and expr.func.attr in PASS_METHODS:
            return under_base(ctx, expr.func.value, depth + 1, seen)
    return False


_JOINS = frozenset({"os.path.join", "posixpath.join", "ntpath.join"}) | _PATH_CONSTRUCTORS


def _join_pieces(ctx: FileContext, expr: ast.AST, depth: int = 0) -> list | None:
    """The components of a path join, in order: ``os.path.join(a, b)``, ``Path(a, b)``,
    ``a / b``, ``a + "/" + b``, ``f"{a}/{b}"``."""
    if isinstance(expr, ast.Call) and ctx.call_name(expr) in _JOINS:
        return list(expr.args)
    if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "joinpath":
        return [expr.func.value, *expr.args]
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, (ast.Div, ast.Add)):
        left = _join_pieces(ctx, expr.left, depth + 1) if isinstance(expr.left, ast.BinOp) and depth < 20 else None
        return [*(left if left is not None else [expr.left]), expr.right]
    if isinstance(expr, ast.JoinedStr):
        out = []
        for v in expr.values:
            out.append(v.value if isinstance(v, ast.FormattedValue) else v)
        return out
    return None


@on(
    ast.Call,
    callees={n.rsplit(".", 1)[-1] for n in PATH_FUNCTIONS} | PATH_METHODS | {"save", "extractall", "extract", "unpack_archive"},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if is_dead(ctx, node):
        return
    yield from _check_tar(node, ctx)
    flow = PathFlow.of(ctx)
    for arg, sink in sink_args(node, ctx):
        if ctx.is_constant(arg):
            continue
        verdict, found = flow.judge(arg)
        if verdict == "safe":
            continue
        if verdict == "source" and cli_only(found) and not under_base(ctx, arg):
            # A command-line tool opening the file its user names is doing its job.
            yield hit(arg, f"Path from {', '.join(found)} reaches {sink}", confidence=Confidence.LOW)
        elif verdict == "source":
            yield hit(arg, f"Path from {', '.join(found)} reaches {sink}", confidence=Confidence.HIGH)
        elif verdict == "member":
            yield hit(arg, f"Archive member name reaches {sink} (zip slip)", confidence=Confidence.MEDIUM)
        else:
            yield hit(arg, f"Path from a non-constant value reaches {sink}", confidence=Confidence.LOW)
