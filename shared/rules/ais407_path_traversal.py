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
line or terminal, also past a check that does not confine it (a tool opening the file its
user names is doing its job; a name from there joined under a fixed directory is still
high). Nothing is reported for constants, values reduced to one name
component (``os.path.basename``, ``secure_filename``, ``Path(name).name``, Django's
``UploadedFile.name``), paths joined with ``safe_join``, values checked against an allow-list
(also a directory listing, and a path joined from such a value after the check:
``if name in ROOT_FILES: full = os.path.join(root_dir(), name)``), numbers (a name ordered against a number, ``if version >
MAX_VERSION: raise Http404()``, holds one past the test: Python raises ``TypeError`` for a
string), entries that untrusted keys only pick from a mapping
(``streams.get(session_hash, {}).get(run)``: the key's taint does not pass to the entry, as
for a subscript; a default argument's does), or paths canonicalised with ``realpath`` / ``resolve()`` and
then checked with ``startswith(base + os.sep)``, ``is_relative_to`` or ``os.path.commonpath``
before use, or passed to ``relative_to(base)`` as a statement (it raises ``ValueError``
outside the base). A confinement helper named so (``is_within_directory``,
``validate_inside_directory``) counts in an ``if``, and also called as a statement whose name
says it raises (*validate*, *ensure*, *check*, *require* ...), alone or in a ``try`` whose every
handler leaves (``except ValueError: raise HTTPException(403)``). A prefix check without the trailing separator (``startswith(BASE)``, which
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
they can return ``..``, which only names the parent directory. A parameter called
``request`` is the HTTP request, except one annotated with a class of the program in a module
that imports no web framework (``request: ScriptExportRequest``, a dataclass): its fields are
then unknown values, low. Python 3.14 made
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
from typing import Iterator

from ..analysis.flow import (
    PASS_CALLS,
    PASS_METHODS,
    Flow,
    call_arg,
    cli_only,
    configured,
    generic_parts,
    keyword,
    param_argument,
    reaching,
    subjects,
)
from ..analysis.taint import extra_sink_args, is_dead
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

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
# "data" and "tar" (and any callable of the program's own) reject escaping members.
UNSAFE_TAR_FILTERS = frozenset({"fully_trusted"})
_UNSAFE_FILTER_NAMES = frozenset({"tarfile.fully_trusted_filter"})
# Archive listings whose items (or their .filename / .name) are member names chosen by the
# archive's author.
ARCHIVE_LISTINGS = frozenset({"infolist", "namelist", "getmembers", "getnames"})

















































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
_CONFINEMENT_HELPER = lazy_compile(r"(?i)(?:within|inside|subpath|safe_?path|is_relative|contained|confined)")
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
            if test.func.attr in ("is_relative_to", "relative_to") and subjects(ctx, receiver, _PATH_THROUGH) & target:
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
        if isinstance(func, ast.Attribute) and func.attr in ("startswith", "is_relative_to", "relative_to"):
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
    """``(path argument, sink description)`` for each path sink of a call (the constant
    destination of ``FileStorage.save`` excepted: callers skip constant arguments)."""
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
        if func.attr in PATH_METHODS and (func.attr in _DISTINCT_PATH_METHODS or _is_pathlike_receiver(ctx, func.value)):
            yield func.value, f"Path.{func.attr}()"
        elif func.attr == "save" and node.args and not ctx.is_constant(node.args[0]) and _upload_receiver(ctx, func.value):
            # (A constant destination is left out before the receiver's taint query: every
            # caller skips constant arguments.)
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
                        _, arg = param_argument(func, call, index, isinstance(call.func, ast.Attribute))
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
    """Tar extraction without a filter (`_check_tar`) and a path sink's argument that is not
    a constant, judged by `PathFlow`; nothing in code that never runs (`is_dead`)."""
    tar = _tar_call(node, ctx) is not None
    if tar:
        if is_dead(ctx, node):
            return
        yield from _check_tar(node, ctx)
    # Most sink calls take constants only: the dead-code test waits for an argument to judge.
    live = tar
    flow = None
    for arg, sink in sink_args(node, ctx):
        if ctx.is_constant(arg):
            continue
        if not live:
            if is_dead(ctx, node):
                return
            live = True
        if flow is None:
            flow = PathFlow.of(ctx)
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
