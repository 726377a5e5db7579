"""AIS609 insecure-temp-file: a temporary file whose name another local user can claim first.

## What it does
Flags two ways of making a temporary file that race with other users of the machine:

- ``tempfile.mktemp()`` (high): it returns a name that does not exist yet, and the file is
  created later, so another process can create it (or a symlink by that name) in between;
- writing to a fixed or predictable path in a shared temporary directory (medium): a path
  literal under ``/tmp``, ``/var/tmp`` or ``/dev/shm`` (also an f-string, ``%`` or ``+``
  built on one, ``os.path.join("/tmp", ...)``, ``Path("/tmp") / ...``, and the same on
  ``tempfile.gettempdir()``) opened for writing: ``open(path, "w")`` (``"a"``, ``"+"``),
  ``os.open`` with ``O_CREAT`` but no ``O_EXCL``, ``Path.write_text`` / ``write_bytes`` /
  ``touch`` / ``open("w")``, the destination of ``shutil.copy*`` / ``move``,
  ``logging.FileHandler`` and pandas / matplotlib writers (``to_csv``, ``savefig``, ...).

Reading such a path, exclusive creation (``open(path, "x")``, ``O_EXCL``), names that include
a random part (``uuid.uuid4()``, ``secrets.token_hex()``), ``mkstemp``,
``NamedTemporaryFile``, ``TemporaryDirectory`` and ``mkdtemp``, and test files are clean.

## Why is this bad?
``/tmp`` is writable by every user. Whoever creates ``/tmp/report.csv`` first (or a symlink
named so, pointing at ``~/.bashrc`` or a database file) decides what the program reads or what
it overwrites with its own permissions. ``mktemp`` was deprecated in Python 2.3 for exactly
this race; a hand-made ``/tmp`` path has the same flaw without even the random name.

## Example
```python
import tempfile

def export(rows):
    path = tempfile.mktemp(suffix=".csv")
    with open(path, "w") as out:
        out.writelines(rows)
    return path
```

## Use instead
```python
import tempfile

def export(rows):
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as out:
        out.writelines(rows)
    return out.name
```

## Known problems
Paths assembled by helpers or read from configuration (``TMP_DIR`` from the environment) are
not followed. A service whose ``/tmp`` is private (systemd ``PrivateTmp=yes``, a container with
its own ``/tmp``) is not at risk and still reported; suppress the line with that reason.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-377: Insecure Temporary File](https://cwe.mitre.org/data/definitions/377.html)
- [CWE-59: Improper Link Resolution Before File Access ('Link Following')](https://cwe.mitre.org/data/definitions/59.html)
- [Python docs: tempfile.mktemp, "Use of this function may introduce a security hole"](https://docs.python.org/3/library/tempfile.html#tempfile.mktemp)
- [Python docs: tempfile.mkstemp, NamedTemporaryFile](https://docs.python.org/3/library/tempfile.html)
- [Bandit B306 (mktemp_q) and B108 (hardcoded_tmp_directory)](https://bandit.readthedocs.io/en/latest/plugins/b108_hardcoded_tmp_directory.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..checks import Confidence, FileContext, Hit, hit, on

MKTEMP = frozenset({"tempfile.mktemp"})
SHARED_DIRS = ("/tmp/", "/var/tmp/", "/dev/shm/")
GETTEMPDIR = frozenset({"tempfile.gettempdir", "tempfile.gettempdirb"})
OPENERS = frozenset({"builtins.open", "io.open", "codecs.open"})
# Copies follow a symlink planted at the destination (os.rename / os.replace replace it).
COPIERS = frozenset({"shutil.copy", "shutil.copy2", "shutil.copyfile", "shutil.move"})
FILE_HANDLERS = frozenset({"logging.FileHandler", "logging.handlers.RotatingFileHandler", "logging.handlers.WatchedFileHandler"})
_WRITER_METHODS = frozenset({"to_csv", "to_json", "to_excel", "to_parquet", "to_pickle", "to_feather", "savefig"})
_PATH_WRITERS = frozenset({"write_text", "write_bytes", "touch"})
# Parts of a name an attacker cannot guess.
_RANDOM_CALLS = frozenset(
    {"uuid.uuid4", "uuid.uuid1", "os.urandom", "secrets.token_hex", "secrets.token_urlsafe", "secrets.token_bytes",
     "tempfile.mkdtemp", "tempfile.mkstemp"}
)
_FIX_MKTEMP = "use tempfile.mkstemp() or tempfile.NamedTemporaryFile(), which create the file atomically"
_FIX_PATH = "use tempfile.NamedTemporaryFile() / mkstemp(), or a private directory from tempfile.mkdtemp()"


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _shared_dir_text(text: str | None, whole: bool = False) -> bool:
    if text is None:
        return False
    if whole:
        return text.rstrip("/") in ("/tmp", "/var/tmp", "/dev/shm")
    return text.startswith(SHARED_DIRS) and len(text) > len("/tmp/")


def _random(node: ast.AST, ctx: FileContext) -> bool:
    return any(isinstance(sub, ast.Call) and ctx.call_name(sub) in _RANDOM_CALLS for sub in ast.walk(node))


def _temp_base(node: ast.AST, ctx: FileContext) -> bool:
    """``"/tmp"`` itself or ``tempfile.gettempdir()`` (also through ``Path(...)``)."""
    if isinstance(node, ast.Call):
        name = ctx.call_name(node)
        if name in GETTEMPDIR:
            return True
        if name in ("pathlib.Path", "pathlib.PurePath") and node.args:
            return _temp_base(node.args[0], ctx) or _shared_path(node.args[0], ctx) is not None
    return _shared_dir_text(ctx.const_str(node), whole=True)


def _shared_path(node: ast.AST | None, ctx: FileContext, depth: int = 0) -> str | None:
    """A display form of a predictable path in a shared temporary directory, or None."""
    if node is None or depth > 4:
        return None
    if isinstance(node, ast.Name):
        return _shared_path(ctx.reaching_value(node), ctx, depth + 1)
    if _random(node, ctx):
        return None
    text = ctx.const_str(node)
    if text is not None:
        return text if _shared_dir_text(text) else None
    if isinstance(node, ast.JoinedStr) and node.values:
        first = node.values[0]
        head = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
        if _shared_dir_text(head) or (head is not None and _shared_dir_text(head.rstrip("/"), whole=True) and head.endswith("/")):
            return "".join(v.value if isinstance(v, ast.Constant) else "{...}" for v in node.values)
        if isinstance(first, ast.FormattedValue) and _temp_base(first.value, ctx):
            return "{gettempdir()}" + "".join(v.value if isinstance(v, ast.Constant) else "{...}" for v in node.values[1:])
        return None
    if isinstance(node, ast.BinOp):
        if isinstance(node.op, (ast.Mod, ast.Add)):
            return _shared_path(node.left, ctx, depth + 1) or (
                _temp_base(node.left, ctx) and f"{ctx.const_str(node.left) or 'gettempdir()'} + ..." or None
            )
        if isinstance(node.op, ast.Div) and (_temp_base(node.left, ctx) or _shared_path(node.left, ctx, depth + 1)):
            return "Path(tmp) / ..."
        return None
    if isinstance(node, ast.Call):
        name = ctx.call_name(node) or ""
        func = node.func
        if name in ("os.path.join", "posixpath.join") and len(node.args) >= 2:
            if _temp_base(node.args[0], ctx) or _shared_path(node.args[0], ctx, depth + 1):
                return "os.path.join(tmp, ...)"
        elif name in ("pathlib.Path", "pathlib.PurePath") and node.args:
            return _shared_path(node.args[0], ctx, depth + 1)
        elif isinstance(func, ast.Attribute) and func.attr == "format":
            return _shared_path(func.value, ctx, depth + 1)
    return None


def _writes(mode: ast.AST | None, ctx: FileContext) -> bool:
    text = ctx.const_str(mode) if mode is not None else "r"
    return text is not None and "x" not in text and any(c in text for c in "wa+")


def _os_open_creates(flags: ast.AST | None) -> bool:
    if flags is None:
        return False
    names = {n.attr if isinstance(n, ast.Attribute) else n.id for n in ast.walk(flags) if isinstance(n, (ast.Attribute, ast.Name))}
    return "O_CREAT" in names and "O_EXCL" not in names


def _path_hit(path_node: ast.AST, shown: str, call: str) -> Hit:
    return hit(path_node, f"{call} writes to a predictable path in a shared temporary directory ({shown[:60]!r}),",
               "where another user can plant the file or a symlink first", _FIX_PATH, confidence=Confidence.MEDIUM)


@on(
    ast.Call,
    callees={"mktemp", "open", "write_text", "write_bytes", "touch", "copy", "copy2", "copyfile", "move", "FileHandler",
             "RotatingFileHandler", "WatchedFileHandler", *_WRITER_METHODS},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = ctx.call_name(node) or ""
    if name in MKTEMP:
        yield hit(node.func, "tempfile.mktemp()", "returns a name that another process can create first", _FIX_MKTEMP,
            confidence=Confidence.HIGH)
        return
    if ctx.settings.is_test_path(ctx.filename):
        return
    func = node.func
    target: ast.AST | None = None
    if name in OPENERS:
        if _writes(_arg(node, 1, "mode"), ctx):
            target = _arg(node, 0, "file" if name != "codecs.open" else "filename")
    elif name == "os.open":
        if _os_open_creates(_arg(node, 1, "flags")):
            target = _arg(node, 0, "path")
    elif name in COPIERS:
        target = _arg(node, 1, "dst")
    elif name in FILE_HANDLERS:
        target = _arg(node, 0, "filename")
    elif isinstance(func, ast.Attribute) and func.attr in _PATH_WRITERS:
        target = func.value
    elif isinstance(func, ast.Attribute) and func.attr == "open" and _writes(_arg(node, 0, "mode"), ctx):
        target = func.value  # Path(...).open("w")
    elif isinstance(func, ast.Attribute) and func.attr in _WRITER_METHODS:
        target = _arg(node, 0, "path_or_buf" if func.attr != "savefig" else "fname")
    if target is None:
        return
    shown = _shared_path(target, ctx)
    if shown is not None:
        label = f"{name.removeprefix('builtins.') if name else getattr(func, 'attr', 'call')}()"
        yield _path_hit(target, shown, label)
