"""AIS608 world-writable-permissions: a file or directory made writable by every local user,
or a key file made readable by them.

## What it does
Flags a permission mode known from the code (an octal literal, ``stat`` constants such as
``stat.S_IRWXO`` or ``S_IWOTH``, a name bound to one, or ``st.st_mode | stat.S_IWOTH``) that:

- grants write to others (the ``o+w`` bit, as in ``0o777`` or ``0o666``) in ``os.chmod``,
  ``os.fchmod``, ``os.lchmod`` or ``Path.chmod`` (high). Directories with the sticky bit
  (``0o1777``, a shared ``/tmp``-like drop box) are left alone;
- grants read to others (``0o644``, ``0o755``) on a file whose name says key or secret
  (``id_rsa``, ``server.key``, ``private.pem``, ``credentials.json``, ``token``), in those calls
  or when the file is created (``os.open``, ``Path.touch``) (medium);
- grants write to others when a file or directory is created (``os.open(path, flags,
  0o666)``, ``os.makedirs(path, mode=0o777)``, ``os.mkdir``, ``Path.mkdir``, ``Path.touch``):
  the process umask usually takes that bit away, so this is low confidence, and high when the
  module also clears the umask;
- leaves the world-write bit out of ``os.umask(...)`` (``os.umask(0)``): every file the process
  creates afterwards with the usual ``0o666`` is world-writable (medium). Reading the umask
  (``old = os.umask(0); os.umask(old)``) is not reported;
- ``chmod 777`` / ``chmod o+w`` / ``chmod -R a+rwx`` run through ``subprocess`` or
  ``os.system`` (high), and ``chmod 644`` on a key file (medium).

``0o755`` on directories and programs, ``0o644`` on ordinary files and ``0o600`` / ``0o700``
are clean, and so are Unix domain sockets (``app.sock``, ``self.uds``: servers open them to the
local proxy on purpose) and test files.

## Why is this bad?
A world-writable file can be changed by any account on the machine: a compromised service, a
container sharing a volume, a local user. If the file is code, configuration or a socket, that
is code execution or privilege escalation in the owner's name; if it is data, it is tampering.
A world-readable private key or token hands the credential to all of them. Assistants reach for
``chmod 777`` to make a "permission denied" go away.

## Example
```python
import os

def publish(report_path):
    os.chmod(report_path, 0o777)
```

## Use instead
```python
import os

def publish(report_path):
    os.chmod(report_path, 0o644)
```

## Known problems
Modes computed at run time (read from configuration, built by a helper) are not judged, nor is
``shutil.copymode``. Key files are recognised by name only, so ``0o644`` on a key kept under an
innocent name is missed, and a public certificate named like a key (``server.pem``) is reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-732: Incorrect Permission Assignment for Critical Resource](https://cwe.mitre.org/data/definitions/732.html)
- [CWE-276: Incorrect Default Permissions](https://cwe.mitre.org/data/definitions/276.html)
- [Python docs: os.chmod and the stat constants](https://docs.python.org/3/library/os.html#os.chmod)
- [Python docs: os.makedirs, mode is combined with the umask](https://docs.python.org/3/library/os.html#os.makedirs)
- [OpenSSH ssh(1): private keys must not be accessible by others](https://man.openbsd.org/ssh#FILES)
- [Bandit B103: set_bad_file_permissions](https://bandit.readthedocs.io/en/latest/plugins/b103_set_bad_file_permissions.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.taint import nodes_spelling
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on
from ..analysis.patterns import lazy_compile

# https://docs.python.org/3/library/stat.html#stat.S_ISUID
STAT_BITS = {
    "S_ISUID": 0o4000, "S_ISGID": 0o2000, "S_ISVTX": 0o1000,
    "S_IRWXU": 0o700, "S_IRUSR": 0o400, "S_IWUSR": 0o200, "S_IXUSR": 0o100,
    "S_IREAD": 0o400, "S_IWRITE": 0o200, "S_IEXEC": 0o100,
    "S_IRWXG": 0o070, "S_IRGRP": 0o040, "S_IWGRP": 0o020, "S_IXGRP": 0o010,
    "S_IRWXO": 0o007, "S_IROTH": 0o004, "S_IWOTH": 0o002, "S_IXOTH": 0o001,
}
WORLD_WRITE, WORLD_READ, STICKY = 0o002, 0o004, 0o1000
# Calls that set a mode regardless of the umask, and the position of their mode argument.
CHMOD = {"os.chmod": 1, "os.fchmod": 1, "os.lchmod": 1}
# Calls that create with a mode the umask then narrows: (position, keyword).
CREATE = {"os.open": (2, "mode"), "os.mkdir": (1, "mode"), "os.makedirs": (1, "mode"), "os.mkfifo": (1, "mode")}
_SHELL = frozenset(
    {"subprocess.run", "subprocess.call", "subprocess.check_call", "subprocess.check_output", "subprocess.Popen", "os.system"}
)
_SECRET_WORDS = frozenset(
    {
        "private", "secret", "secrets", "token", "tokens", "credential", "credentials", "creds", "password",
        "passwords", "passwd", "keyfile", "keystore", "netrc", "pgpass", "htpasswd", "shadow", "rsa", "ed25519",
        "ecdsa", "dsa", "key", "pem", "p12", "pfx", "jks", "kdbx",
    }
)
_SOCKET_WORDS = frozenset({"sock", "socket", "uds", "sockfile", "socketfile"})
_PUBLIC_WORDS = frozenset({"pub", "public", "cert", "crt", "certificate", "ca", "chain", "fullchain", "known", "authorized"})
_SYMBOLIC = lazy_compile(r"(?<![ugoa])([ugoa]*)([-+=])([rwxXst]*)")  # starts only at a run: linear
_NUMERIC = lazy_compile(r"[0-7]{3,4}")
_UMASK = frozenset({"os.umask"})
_FIX_WRITE = "drop the world-write bit: 0o755 for directories and programs, 0o644 or 0o600 for files"
_FIX_READ = "use 0o600 for keys and secrets"


def _mode(node: ast.AST | None, ctx: FileContext, depth: int = 0) -> tuple[int, bool] | None:
    """``(bits, exact)``: the mode's known bits; `exact` is False when unknown operands of
    ``|`` may add more (``st.st_mode | stat.S_IWOTH``). None when nothing is known."""
    if node is None or depth > 8:
        return None
    if isinstance(node, ast.Constant) and type(node.value) is int:
        return node.value, True
    if isinstance(node, ast.Name):
        bits = STAT_BITS.get(node.id) if ctx.qualname(node) == f"stat.{node.id}" else None
        if bits is not None:
            return bits, True
        return _mode(ctx.reaching_value(node), ctx, depth + 1)
    if isinstance(node, ast.Attribute):
        name = ctx.qualname(node) or ""
        if name.startswith("stat.") and node.attr in STAT_BITS:
            return STAT_BITS[node.attr], True
        return None
    if isinstance(node, ast.BinOp):
        left, right = _mode(node.left, ctx, depth + 1), _mode(node.right, ctx, depth + 1)
        if isinstance(node.op, (ast.BitOr, ast.Add)):
            if left and right:
                return left[0] | right[0], left[1] and right[1]
            known = left or right
            return (known[0], False) if known and isinstance(node.op, ast.BitOr) else None
        if left and right and left[1] and right[1] and isinstance(node.op, ast.BitAnd):
            return left[0] & right[0], True
        return None
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Invert):
        inner = _mode(node.operand, ctx, depth + 1)
        return (~inner[0] & 0o7777, True) if inner and inner[1] else None
    return None


def _texts(node: ast.AST | None, ctx: FileContext, depth: int = 0) -> list[str]:
    """Strings and identifiers that name a path: literals, f-string parts, variable and
    attribute names, and (one step) the values bound to those variables."""
    out: list[str] = []
    if node is None or depth > 2:
        return out
    for sub in ast.walk(node):
        if isinstance(sub, ast.Constant) and isinstance(sub.value, str):
            out.append(sub.value[:200])
        elif isinstance(sub, ast.Name):
            out.append(sub.id)
            value = ctx.reaching_value(sub)
            if value is not None:
                out.extend(_texts(value, ctx, depth + 1))
        elif isinstance(sub, ast.Attribute):
            out.append(sub.attr)
    return out


def _secret_path(node: ast.AST | None, ctx: FileContext) -> bool:
    texts = _texts(node, ctx)
    words = {w for text in texts for w in split_words(text.replace(".", "_"))}
    return bool(words & _SECRET_WORDS) and not words & _PUBLIC_WORDS


def _socket_path(node: ast.AST | None, ctx: FileContext) -> bool:
    """A Unix domain socket (``app.sock``, ``self.uds``, ``socket_path``): servers make it
    writable for the local proxy that connects to it."""
    words = {w for text in _texts(node, ctx) for w in split_words(text.replace(".", "_"))}
    return bool(words & _SOCKET_WORDS)


def _octal(bits: int) -> str:
    return f"0o{bits:o}" if bits < 0o1000 else f"0o{bits:04o}"


def _umask_query(call: ast.Call, ctx: FileContext) -> bool:
    """``old = os.umask(0); os.umask(old)``: the usual way to read the umask, restored at once."""
    parent = ctx.parent(call)
    if not (isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name)):
        return False
    saved = parent.targets[0].id
    scope = ctx.scope_of(call)
    return any(
        n is not call and n.args and isinstance(n.args[0], ast.Name) and n.args[0].id == saved
        and ctx.scope_of(n) is scope
        for n in _umask_calls(ctx)
    )


def _umask_calls(ctx: FileContext) -> list[ast.Call]:
    """The module's ``os.umask(...)`` calls, in source order (found once per file)."""
    found = ctx.__dict__.get("_ais608_umask_calls")
    if found is None:
        # A call `call_name` resolves to os.umask is ``x.umask(...)`` or a plain name that an
        # import binds to os.umask (`FileContext.qualname` resolves a bare name through the
        # import tables only): it spells ``umask`` or that name, so only the statements that
        # do are read (`nodes_spelling`), and only those candidates resolved.
        attribute_type, name_type = ast.Attribute, ast.Name
        found = ctx.__dict__["_ais608_umask_calls"] = [
            n for n in nodes_spelling(ctx, (ast.Call,), "umask", _UMASK)
            if ((type(n.func) is attribute_type and n.func.attr == "umask") or type(n.func) is name_type)  # type: ignore[attr-defined]
            and ctx.call_name(n) == "os.umask"  # type: ignore[arg-type]
        ]
    return found


def _umask_opened(ctx: FileContext) -> bool:
    """The module calls ``os.umask`` with a mask that lets the world-write bit through."""
    found = ctx.__dict__.get("_ais608_umask")
    if found is None:
        found = False
        for node in _umask_calls(ctx):
            if node.args:
                mask = _mode(node.args[0], ctx)
                if mask and mask[1] and not mask[0] & WORLD_WRITE and not _umask_query(node, ctx):
                    found = True
                    break
        ctx.__dict__["_ais608_umask"] = found
    return found


def _judge(call: str, mode_node: ast.AST, path: ast.AST | None, ctx: FileContext, creates: bool) -> Iterator[Hit]:
    mode = _mode(mode_node, ctx)
    if mode is None:
        return
    bits, _exact = mode
    shown = f"mode {_octal(bits)}" if _exact else f"mode ... | {_octal(bits)}"
    if bits & WORLD_WRITE and not bits & STICKY:
        if _socket_path(path, ctx):
            return  # a Unix socket opened to the local proxy on purpose (uvicorn's --uds)
        if creates and not _umask_opened(ctx):
            yield hit(mode_node, f"{call}()", "every local user write access unless the umask removes it", shown, _FIX_WRITE,
                confidence=Confidence.LOW)
        else:
            yield hit(mode_node, f"{call}()", "every local user write access", shown, _FIX_WRITE, confidence=Confidence.HIGH)
    elif bits & WORLD_READ and _secret_path(path, ctx):
        yield hit(mode_node, f"{call}()", "every local user read access to a key or secret file", shown, _FIX_READ,
            confidence=Confidence.MEDIUM)


def _arg(call: ast.Call, index: int, name: str) -> ast.AST | None:
    if len(call.args) > index and not any(isinstance(a, ast.Starred) for a in call.args[: index + 1]):
        return call.args[index]
    return next((k.value for k in call.keywords if k.arg == name), None)


def _chmod_words(words: list[str]) -> tuple[int | None, bool, list[str], str] | None:
    """``chmod [-R] MODE PATH...``: (numeric bits, symbolic world-write, paths, mode text)."""
    if not words or words[0].rsplit("/", 1)[-1] != "chmod":
        return None
    rest = [w for w in words[1:] if not w.startswith("-")]
    if not rest:
        return None
    mode, paths = rest[0], rest[1:]
    if _NUMERIC.fullmatch(mode):
        return int(mode, 8), False, paths, mode
    symbolic = any(
        op in "+=" and "w" in perms and ("o" in who or "a" in who)
        for who, op, perms in _SYMBOLIC.findall(mode)
    )
    return None, symbolic, paths, mode


def _command_words(node: ast.AST, ctx: FileContext) -> list[str] | None:
    if isinstance(node, ast.List):
        words = [ctx.const_str(e) for e in node.elts]
        return [w if w is not None else "{}" for w in words]
    text = ctx.const_str(node)
    if text is None and isinstance(node, ast.JoinedStr):
        text = "".join(v.value if isinstance(v, ast.Constant) else "{}" for v in node.values)
    return text.split()[:20] if text is not None and len(text) < 1000 else None


def _shell_chmod(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if not node.args:
        return
    words = _command_words(node.args[0], ctx)
    found = _chmod_words(words or [])
    if found is None:
        return
    bits, symbolic, paths, mode = found
    if symbolic or (bits is not None and bits & WORLD_WRITE and not bits & STICKY):
        yield hit(node.args[0], f"chmod {mode[:20]}", "every local user write access", "a shell command", _FIX_WRITE,
            confidence=Confidence.HIGH)
    elif bits is not None and bits & WORLD_READ:
        words_in_paths = {w for p in paths for w in split_words(p.replace(".", "_"))}
        if words_in_paths & _SECRET_WORDS and not words_in_paths & _PUBLIC_WORDS:
            yield hit(node.args[0], f"chmod {mode[:20]}", "every local user read access to a key or secret file", "a shell command", _FIX_READ,
                confidence=Confidence.MEDIUM)


@on(
    ast.Call,
    callees={"chmod", "fchmod", "lchmod", "open", "mkdir", "makedirs", "mkfifo", "touch", "umask",
             "run", "call", "check_call", "check_output", "Popen", "system"},
)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if ctx.settings.is_test_path(ctx.filename):
        return
    name = ctx.call_name(node) or ""
    func = node.func
    if name in CHMOD:
        mode = _arg(node, CHMOD[name], "mode")
        if mode is not None:
            yield from _judge(name, mode, _arg(node, 0, "path"), ctx, creates=False)
    elif name in CREATE:
        index, keyword = CREATE[name]
        mode = _arg(node, index, keyword)
        if mode is not None:
            yield from _judge(name, mode, _arg(node, 0, "path"), ctx, creates=True)
    elif name == "os.umask":
        mask = _mode(node.args[0], ctx) if node.args else None
        if mask and mask[1] and not mask[0] & WORLD_WRITE and not _umask_query(node, ctx):
            yield hit(node.args[0], "os.umask()", "every local user write access to the files created afterwards", f"mask {_octal(mask[0])}",
                      "keep the world-write bit in the mask: 0o022 or 0o077", confidence=Confidence.MEDIUM)
    elif name in _SHELL:
        yield from _shell_chmod(node, ctx)
    elif isinstance(func, ast.Attribute) and func.attr in ("chmod", "lchmod", "mkdir", "touch") and _pathlike(func.value, ctx):
        mode = _arg(node, 0, "mode")
        if mode is not None:
            yield from _judge(f"Path.{func.attr}", mode, func.value, ctx, creates=func.attr != "chmod")


def _pathlike(expr: ast.AST, ctx: FileContext) -> bool:
    """A ``pathlib.Path``: constructed here, ``Path(...) / "x"``, or named like a path."""
    cur = expr
    while isinstance(cur, ast.BinOp) and isinstance(cur.op, ast.Div):
        cur = cur.left
    if (ctx.instance_of(cur) or "").startswith("pathlib."):
        return True
    name = cur.id if isinstance(cur, ast.Name) else getattr(cur, "attr", "")
    words = set(split_words(name)) if name else set()
    return bool(words & {"path", "dir", "file", "folder", "directory"})
