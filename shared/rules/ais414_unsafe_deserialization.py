"""AIS414 unsafe-deserialization: data is loaded with a format that can run code.

## What it does
Flags deserialization with a format whose loader can call arbitrary functions:

- ``pickle`` / ``cPickle`` / ``_pickle`` / ``dill`` / ``cloudpickle`` ``load`` / ``loads`` /
  ``Unpickler(...)``, ``marshal.load`` / ``loads``, ``jsonpickle.decode``, ``joblib.load``,
  ``pandas.read_pickle``, ``numpy.load(..., allow_pickle=True)``, ``torch.load`` without
  ``weights_only=True``, and ``shelve.open`` of an untrusted path;
- ``yaml.load`` / ``load_all`` without a safe loader, ``yaml.unsafe_load`` / ``full_load``
  (``Loader=yaml.SafeLoader`` / ``CSafeLoader`` / ``BaseLoader`` and ``yaml.safe_load`` are
  safe; ``Loader`` / ``UnsafeLoader`` / ``FullLoader`` are not).

``FullLoader`` and ``full_load`` are medium for untrusted input and low otherwise: since
PyYAML 5.4 the full loader refuses the tags that ran code (CVE-2020-1747, CVE-2020-14343),
and what is left is the risk of another bypass.

The finding points at the data. Confidence: **high** when untrusted input reaches it
(request data, an upload, route parameters, the command line, a Lambda event, model output,
bytes read from a socket; also through a helper of the module); **medium** for data of
unknown origin (a parameter, a cache or queue read; low for ``marshal``, which builds code
objects without running them and reads every ``.pyc``; low too in a test file,
``aisec-test-paths``, where the data is test data and the code is not deployed). A file the program opens from a
constant path or from its own configuration is not reported for the pickle family: the
program wrote it. An unsafe YAML loader is reported whatever the data's origin (medium,
high for untrusted data) except for a constant string. Data is trusted after an HMAC check
(``hmac.compare_digest`` against ``hmac.new(key, data, ...)``, or against a helper of the
module that feeds its argument to ``hmac.new(...)`` or the MAC's ``update()`` and returns the
MAC's ``digest()``: ``self._integrity_tag(key, payload)``), after a check of its
SHA-2/SHA-3/BLAKE2 digest against one recorded before and not sent by the client (``if
hashlib.sha256(data).hexdigest() != self.expected_content_hash: raise``: the bytes are
those recorded when they were written, as for a pinned download; an MD5 or SHA-1 digest does
not count, collisions are practical), and when it comes from ``Signer.unsign`` or
``Fernet.decrypt``, which only return what the key holder produced (also a ``Fernet`` that a
helper of the module returns: ``_session_fernet(secret).decrypt(body)``).

Data of unknown origin is **low** when the load runs only after the caller's explicit opt-in:
the function (or the ``__init__`` of the method's class) first refuses with ``if not
allow_dangerous_deserialization: raise ValueError(...)``, on a parameter, ``kwargs.get(...)``
or ``self.`` flag whose name says the danger (``dangerous``, ``unsafe``, ``insecure``,
``pickle``, ``untrusted``: LangChain's ``load_local(..., allow_dangerous_deserialization=True)``,
numpy's ``allow_pickle``). The default refuses, and whoever sets the flag has been told the
file must be their own. Untrusted input reaching the load stays high. Also low: an attribute of
the object that the class only ever sets to a ``dumps()`` of the same family (``self._ctx_bytes
= cloudpickle.dumps(ctx)``, later ``cloudpickle.loads(self._ctx_bytes)``): the object loads
what it made.

## Why is this bad?
A pickle (or marshal, jsonpickle, dill, a PyTorch checkpoint, a numpy object array) names
the functions to call while loading: ``__reduce__`` returning ``(os.system, ("...",))``
runs a command the moment the data is loaded. YAML tags such as ``!!python/object/apply``
do the same with the full loader. Whoever controls the bytes controls the process.

## Example
```python
import base64
import pickle

from flask import Flask, request

app = Flask(__name__)

@app.route("/prefs")
def prefs():
    return pickle.loads(base64.b64decode(request.cookies["prefs"]))
```

## Use instead
```python
import base64
import json

from flask import Flask, request

app = Flask(__name__)

@app.route("/prefs")
def prefs():
    return json.loads(base64.b64decode(request.cookies["prefs"]))
```

## Known problems
``torch.load`` defaults to ``weights_only=True`` since PyTorch 2.6; the rule still asks
for the explicit argument because the same call loads full pickles on older versions. A
restricted ``Unpickler`` subclass defined in the module is trusted; one imported from
elsewhere is not seen as a pickle loader. Data read from a file whose path was checked in
another module is reported with medium confidence.

## Options
``aisec-extra-sinks`` (``myapp.cache.load_blob:deserialize``) adds your own loaders;
``aisec-extra-sources`` and ``aisec-extra-sanitizers`` teach the engine your own input
readers and signature checks.

## References
- [CWE-502: Deserialization of Untrusted Data](https://cwe.mitre.org/data/definitions/502.html)
- [Python docs: pickle, the security warning](https://docs.python.org/3/library/pickle.html)
- [PyYAML: yaml.load(input) deprecation](https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
- [PyTorch: torch.load and weights_only](https://pytorch.org/docs/stable/generated/torch.load.html)
- [OWASP Deserialization Cheat Sheet](https://cheatsheetseries.owasp.org/cheatsheets/Deserialization_Cheat_Sheet.html)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.flow import SAFE, Flow, call_arg, generic_parts, keyword, subjects
from ..analysis.taint import extra_sink_args, is_dead, own_nodes
from ..analysis.values import unknown_origin
from ..analysis.words import split_words
from ..checks import Confidence, FileContext, Hit, hit, on

_PICKLES = ("pickle", "cPickle", "_pickle", "dill", "cloudpickle")
# Loaders that run code from the data: qualified name -> (position, keyword) of the data.
# https://docs.python.org/3/library/pickle.html, https://docs.python.org/3/library/marshal.html,
# https://jsonpickle.github.io/api.html, https://joblib.readthedocs.io/en/stable/generated/joblib.load.html,
# https://pandas.pydata.org/docs/reference/api/pandas.read_pickle.html
CODE_LOADERS: dict[str, tuple[int, str]] = {
    **{f"{m}.loads": (0, "data") for m in _PICKLES},
    **{f"{m}.load": (0, "file") for m in _PICKLES},
    **{f"{m}.Unpickler": (0, "file") for m in _PICKLES},
    "marshal.loads": (0, "bytes"),
    "marshal.load": (0, "file"),
    "jsonpickle.decode": (0, "string"),
    "jsonpickle.unpickler.decode": (0, "string"),
    "joblib.load": (0, "filename"),
    "pandas.read_pickle": (0, "filepath_or_buffer"),
}
# https://pyyaml.org/wiki/PyYAMLDocumentation ; loaders that only build plain YAML types.
SAFE_YAML_LOADERS = frozenset(
    {
        "yaml.SafeLoader", "yaml.CSafeLoader", "yaml.BaseLoader", "yaml.CBaseLoader",
        "yaml.loader.SafeLoader", "yaml.loader.BaseLoader", "yaml.cyaml.CSafeLoader", "yaml.cyaml.CBaseLoader",
    }
)
YAML_LOADS = frozenset({"yaml.load", "yaml.load_all"})
# The full loader builds Python names and objects only through tags that PyYAML 5.4 and later
# refuse to run (CVE-2020-1747, CVE-2020-14343); its remaining risk is a bypass, so it is
# reported for untrusted data only (https://github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation).
FULL_YAML_LOADERS = frozenset({"yaml.FullLoader", "yaml.CFullLoader", "yaml.loader.FullLoader", "yaml.cyaml.CFullLoader"})
YAML_ALWAYS_UNSAFE = frozenset({"yaml.unsafe_load", "yaml.unsafe_load_all", "yaml.full_load", "yaml.full_load_all"})
TORCH_LOAD = "torch.load"
NUMPY_LOAD = "numpy.load"
SHELVE_OPEN = "shelve.open"
# Calls that open a file by path: the data is the file's content.
FILE_OPENERS = frozenset(
    {"builtins.open", "io.open", "gzip.open", "bz2.open", "lzma.open", "codecs.open", "bz2.BZ2File", "gzip.GzipFile"}
)
_FILE_METHODS = frozenset({"open", "read_bytes", "read_text"})
# Authenticated data: only the key holder can produce what these return.
# https://itsdangerous.palletsprojects.com/en/stable/signer/, https://cryptography.io/en/latest/fernet/
VERIFIED_METHODS = frozenset({"unsign", "unsign_timestamp"})
AEAD_CLASSES = frozenset(
    {
        "cryptography.fernet.Fernet", "cryptography.fernet.MultiFernet",
        "cryptography.hazmat.primitives.ciphers.aead.AESGCM",
        "cryptography.hazmat.primitives.ciphers.aead.ChaCha20Poly1305",
    }
)
# Serializers: what they return is the program's own data (round trips, deep copies).
SERIALIZERS = frozenset(
    {f"{m}.dumps" for m in _PICKLES} | {"marshal.dumps", "jsonpickle.encode", "jsonpickle.dumps", "yaml.dump", "yaml.safe_dump"}
)
SOCKET_READS = frozenset({"recv", "recvfrom", "recv_into", "recvmsg"})
_HMAC_NEW = frozenset({"hmac.new", "hmac.HMAC", "hmac.digest"})


class DataFlow(Flow):
    """Serialized data: file contents follow their path; signed data is trusted."""

    kind = "deserialize"

    def safe_expr(self, expr: ast.AST) -> bool:
        ctx = self.ctx
        if isinstance(expr, ast.Call) and ctx.call_name(expr) in SERIALIZERS:
            return True  # pickle.loads(pickle.dumps(x)): the program's own bytes
        if isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute):
            if expr.func.attr in VERIFIED_METHODS:
                return True
            if expr.func.attr == "decrypt" and _aead(ctx, expr.func.value):
                return True
        return False

    def extra_source(self, expr: ast.AST) -> str | None:
        node = expr.value if isinstance(expr, ast.Await) else expr
        if isinstance(node, ast.Subscript):
            node = node.value
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in SOCKET_READS:
            return "a socket"
        return super().extra_source(expr)

    def parts(self, expr: ast.AST) -> list | None:
        path = opened_path(self.ctx, expr)
        if path is not None:
            return [_FilePath(path)]
        return generic_parts(self.ctx, expr)

    def judge(self, expr: ast.AST, depth: int = 0) -> tuple[str, list]:
        if isinstance(expr, _FilePath):
            return self._file(expr.path, depth)
        return super().judge(expr, depth)

    def _file(self, path: ast.AST, depth: int) -> tuple[str, list]:
        """A file's content is as trusted as the choice of its path: a path the program
        built (constant, configuration) holds data the program wrote."""
        ctx = self.ctx
        if ctx.is_constant(path) or not ctx.taint.of(path):
            return SAFE
        verdict, found = self.judge(path, depth + 1)
        return verdict, [f"a file named by {o}" for o in found]

    def check(self, test: ast.AST, target: set) -> str | None:
        """``hmac.compare_digest(sig, hmac.new(KEY, data, ...).digest())`` proves `data`; so
        does ``hashlib.sha256(data).hexdigest() != expected_hash`` (then leave) against a
        digest the client did not send (`_pinned_digest`)."""
        ctx = self.ctx
        if isinstance(test, ast.Call) and ctx.call_name(test) in ("hmac.compare_digest", "secrets.compare_digest"):
            for arg in test.args:
                for mac in _hmac_calls(ctx, arg):
                    message = call_arg(mac, 1, "msg")
                    if message is not None and subjects(ctx, message) & target:
                        return "pos"
                for message in _helper_mac_messages(ctx, arg):
                    if subjects(ctx, message) & target:
                        return "pos"
            if len(test.args) == 2 and _pinned_digest(ctx, test.args[0], test.args[1], target):
                return "pos"
        if isinstance(test, ast.Compare) and len(test.ops) == 1 and isinstance(test.ops[0], (ast.Eq, ast.NotEq)):
            if _pinned_digest(ctx, test.left, test.comparators[0], target):
                return "pos" if isinstance(test.ops[0], ast.Eq) else "neg"
        return None


def _aead(ctx: FileContext, expr: ast.AST) -> bool:
    """An object of an authenticated-encryption class (`AEAD_CLASSES`): built here
    (``Fernet(key)``, a name bound to it), or returned by every ``return`` of a def of this
    module that a call targets (``_derive_fernet(secret).decrypt(body)`` after ``def
    _derive_fernet(secret): ...; return Fernet(base64.urlsafe_b64encode(derived))``)."""
    if ctx.instance_of(expr) in AEAD_CLASSES:
        return True
    if isinstance(expr, ast.Name):
        expr = ctx.reaching_value(expr)
    if not isinstance(expr, ast.Call):
        return False
    target = ctx.taint.local_function(expr.func)
    if not isinstance(target, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return False
    returns = [n.value for n in own_nodes(target) if isinstance(n, ast.Return)]
    return bool(returns) and all(r is not None and ctx.instance_of(r) in AEAD_CLASSES for r in returns)


class _FilePath(ast.AST):
    """Marker part: the content of the file at `path`."""

    _fields = ()

    def __init__(self, path: ast.AST) -> None:
        super().__init__()
        self.path = path


def _hash_of(ctx: FileContext, expr: ast.AST, target: set, depth: int = 0) -> bool:
    """`expr` is a ``hashlib`` digest of a value in `target`: ``hashlib.sha256(data)
    .hexdigest()``, ``hashlib.new("sha256", data).digest()``, or a name bound to one."""
    if depth > 4:
        return False
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _hash_of(ctx, value, target, depth + 1)
    if not (isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr in ("digest", "hexdigest")):
        return False
    made = expr.func.value
    if not isinstance(made, ast.Call):
        return False
    name = ctx.call_name(made) or ""
    if not name.startswith("hashlib.") or name in _WEAK_HASHES:
        return False
    data = made.args[1] if name == "hashlib.new" and len(made.args) > 1 else made.args[0] if made.args and name != "hashlib.new" else None
    return data is not None and bool(subjects(ctx, data) & target)


# Digests an attacker can collide: a pinned MD5 or SHA-1 proves nothing.
_WEAK_HASHES = frozenset({"hashlib.md5", "hashlib.sha1"})


def _pinned_digest(ctx: FileContext, a: ast.AST, b: ast.AST, target: set) -> bool:
    """One side is a strong ``hashlib`` digest of the data (`_hash_of`), the other a digest
    recorded before and not sent by the client (no taint source, no digest of the same data):
    ``if hashlib.sha256(blob).hexdigest() != self.expected_content_hash: raise``. The data is
    then byte for byte what was recorded when it was written, as a pinned download is."""
    for digest, expected in ((a, b), (b, a)):
        if _hash_of(ctx, digest, target):
            if _hash_of(ctx, expected, target) or any(lab.kind == "source" for lab in ctx.taint.of(expected)):
                continue
            return True
    return False


def _hmac_calls(ctx: FileContext, expr: ast.AST, depth: int = 0) -> list:
    """``hmac.new(...)`` calls an expression's value comes from (``.digest()``, names)."""
    if depth > 4:
        return []
    if isinstance(expr, ast.Call):
        if ctx.call_name(expr) in _HMAC_NEW:
            return [expr]
        if isinstance(expr.func, ast.Attribute) and expr.func.attr in ("digest", "hexdigest"):
            return _hmac_calls(ctx, expr.func.value, depth + 1)
        return []
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return _hmac_calls(ctx, value, depth + 1) if value is not None else []
    return []


def _helper_mac_messages(ctx: FileContext, expr: ast.AST) -> list:
    """The caller's arguments that a helper of the module (a function or ``self.`` method)
    feeds to the HMAC it returns: for ``expected = self._integrity_tag(key, payload)`` over
    ``mac = hmac.new(self._key, digestmod=hashlib.sha256); mac.update(key_bytes);
    mac.update(payload); return mac.digest()``, ``[payload]`` (langflow's Redis cache). A
    parameter counts when it is the ``msg`` of ``hmac.new`` or the argument of an
    ``update()`` of the object ``hmac.new`` made, and every return is that object's
    ``digest()`` / ``hexdigest()``. Knowledge: Python's ``hmac`` module."""
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        if value is None:
            return []
        expr = value
    if not isinstance(expr, ast.Call):
        return []
    local = ctx.taint.local_function(expr.func)
    if not isinstance(local, (ast.FunctionDef, ast.AsyncFunctionDef)):
        return []
    params = [p.arg for p in (*local.args.posonlyargs, *local.args.args)]
    if isinstance(expr.func, ast.Attribute) and params[:1] in (["self"], ["cls"]):
        params = params[1:]
    returns = [node.value for node in ast.walk(local) if isinstance(node, ast.Return)]
    macs: set = set()
    for value in returns:
        if not (
            isinstance(value, ast.Call)
            and isinstance(value.func, ast.Attribute)
            and value.func.attr in ("digest", "hexdigest")
            and isinstance(value.func.value, ast.Name)
            and _hmac_calls(ctx, value.func.value)
        ):
            return []
        macs.add(value.func.value.id)
    fed: set = set()
    for node in ast.walk(local):
        if isinstance(node, ast.Call) and ctx.call_name(node) in _HMAC_NEW:
            message = call_arg(node, 1, "msg")
            if isinstance(message, ast.Name):
                fed.add(message.id)
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "update"
            and isinstance(node.func.value, ast.Name)
            and node.func.value.id in macs
            and len(node.args) == 1
            and isinstance(node.args[0], ast.Name)
        ):
            fed.add(node.args[0].id)
    out = []
    for index, arg in enumerate(expr.args):
        if index < len(params) and params[index] in fed and not isinstance(arg, ast.Starred):
            out.append(arg)
    out.extend(k.value for k in expr.keywords if k.arg in fed)
    return out


def opened_path(ctx: FileContext, expr: ast.AST, depth: int = 0) -> ast.AST | None:
    """The path of a file object or file read: ``open(p)``, ``open(p).read()``,
    ``Path(p).read_bytes()``, ``p.open("rb")``."""
    if not isinstance(expr, ast.Call) or depth > 4:
        return None
    qn = ctx.call_name(expr)
    if qn in FILE_OPENERS:
        return call_arg(expr, 0, "file") or call_arg(expr, 0, "filename")
    func = expr.func
    if qn is None and isinstance(func, ast.Attribute):
        if func.attr in ("read", "readlines") and isinstance(func.value, ast.Call):
            return opened_path(ctx, func.value, depth + 1)
        if func.attr in _FILE_METHODS and _pathlike(ctx, func.value):
            return func.value
    return None


def _pathlike(ctx: FileContext, expr: ast.AST, depth: int = 0) -> bool:
    if depth > 4:
        return False
    if isinstance(expr, ast.BinOp) and isinstance(expr.op, ast.Div):
        return True
    if isinstance(expr, ast.Call):
        return ctx.call_name(expr) in ("pathlib.Path", "pathlib.PurePath")
    if isinstance(expr, ast.Name):
        value = ctx.reaching_value(expr)
        return value is not None and _pathlike(ctx, value, depth + 1)
    return ctx.qualname(expr) is not None


def _yaml_loader(ctx: FileContext, call: ast.Call) -> tuple[bool, ast.AST | None]:
    """``(unsafe, loader expression)`` for yaml.load / load_all."""
    loader = call_arg(call, 1, "Loader")
    if loader is None:
        return True, None  # PyYAML < 6 falls back to FullLoader
    qn = ctx.qualname(loader)
    if qn in SAFE_YAML_LOADERS:
        return False, loader
    if isinstance(loader, ast.Call) and ctx.call_name(loader) == "builtins.getattr" and len(loader.args) == 3:
        # getattr(yaml, "CSafeLoader", yaml.SafeLoader): the libyaml loader when available.
        name = ctx.const_str(loader.args[1])
        if ctx.qualname(loader.args[0]) == "yaml" and f"yaml.{name}" in SAFE_YAML_LOADERS:
            if ctx.qualname(loader.args[2]) in SAFE_YAML_LOADERS:
                return False, loader
    if qn is None and isinstance(loader, ast.Name):
        # A local class deriving from a safe loader, or a name bound to one.
        value = ctx.reaching_value(loader)
        if value is not None and ctx.qualname(value) in SAFE_YAML_LOADERS:
            return False, loader
        for b in ctx.bindings_of(loader):
            bases = b.target.bases if isinstance(b.target, ast.ClassDef) else []
            if any(ctx.qualname(base) in SAFE_YAML_LOADERS for base in bases):
                return False, loader
    return True, loader


def _true(expr: ast.AST | None) -> bool | None:
    if isinstance(expr, ast.Constant):
        return bool(expr.value)
    return None


def sinks(node: ast.Call, ctx: FileContext) -> Iterator[tuple[ast.AST, str, str]]:
    """``(data argument, loader description, family)`` for each deserialization; family is
    "code" (pickle-like), "yaml" (unsafe YAML loader), "yaml-full" (PyYAML's full loader,
    `FULL_YAML_LOADERS`) or "shelve"."""
    for arg, sink in extra_sink_args(ctx, node, "deserialize"):
        yield arg, sink, "code"
    name = ctx.call_name(node)
    if name is None:
        return
    short = name.split(".", 1)[-1] if name.startswith("builtins.") else name
    if name in CODE_LOADERS:
        index, kw = CODE_LOADERS[name]
        arg = call_arg(node, index, kw)
        if arg is not None:
            yield arg, f"{short}()", "code"
    elif name in YAML_LOADS:
        unsafe, loader = _yaml_loader(ctx, node)
        arg = call_arg(node, 0, "stream")
        if unsafe and arg is not None:
            how = f"Loader={ast.unparse(loader)}" if loader is not None else "no Loader"
            full = loader is not None and ctx.qualname(loader) in FULL_YAML_LOADERS
            yield arg, f"{name}() with {how}", "yaml-full" if full else "yaml"
    elif name in YAML_ALWAYS_UNSAFE:
        arg = call_arg(node, 0, "stream")
        if arg is not None:
            yield arg, f"{name}()", "yaml-full" if name.startswith("yaml.full_load") else "yaml"
    elif name == TORCH_LOAD:
        flag = keyword(node, "weights_only")
        arg = call_arg(node, 0, "f")
        if arg is not None and (flag is None or _true(flag.value) is False):
            how = "weights_only=False" if flag is not None else "no weights_only=True"
            yield arg, f"torch.load() with {how}", "code"
    elif name == NUMPY_LOAD:
        flag = keyword(node, "allow_pickle")
        arg = call_arg(node, 0, "file")
        if arg is not None and flag is not None and _true(flag.value):
            yield arg, "numpy.load(allow_pickle=True)", "code"
    elif name == SHELVE_OPEN:
        arg = call_arg(node, 0, "filename")
        if arg is not None:
            yield arg, "shelve.open()", "shelve"


# Words of a flag by which the caller says the data may run code: ``allow_dangerous_deserialization``,
# ``allow_pickle``, ``unsafe``, ``trust_untrusted``.
_OPT_IN_WORDS = frozenset({"dangerous", "unsafe", "insecure", "pickle", "pickled", "untrusted"})


def _opt_in_flag(expr: ast.AST, params: set) -> bool:
    """A caller's flag named for the risk: a parameter (``allow_dangerous_deserialization``),
    ``kwargs.get("allow_dangerous_deserialization")`` / ``kwargs["..."]`` or
    ``self.allow_dangerous_deserialization``."""
    name = None
    if isinstance(expr, ast.Name) and expr.id in params:
        name = expr.id
    elif isinstance(expr, ast.Attribute) and isinstance(expr.value, ast.Name) and expr.value.id in ("self", "cls"):
        name = expr.attr
    elif isinstance(expr, ast.Call) and isinstance(expr.func, ast.Attribute) and expr.func.attr == "get" and expr.args:
        key = expr.args[0]
        if isinstance(expr.func.value, ast.Name) and expr.func.value.id in params and isinstance(key, ast.Constant):
            name = key.value
    elif isinstance(expr, ast.Subscript) and isinstance(expr.value, ast.Name) and expr.value.id in params:
        if isinstance(expr.slice, ast.Constant):
            name = expr.slice.value
    return isinstance(name, str) and bool(set(split_words(name)) & _OPT_IN_WORDS)


def _refuses_without_opt_in(func: ast.AST, before: int | None = None) -> bool:
    """`func`'s own body holds ``if not <opt-in flag>: ... raise`` (before line `before`)."""
    args = func.args  # type: ignore[attr-defined]
    params = {a.arg for a in [*args.posonlyargs, *args.args, *args.kwonlyargs, args.vararg, args.kwarg] if a is not None}
    for stmt in func.body:  # type: ignore[attr-defined]
        if before is not None and stmt.lineno >= before:
            break
        if (
            isinstance(stmt, ast.If)
            and not stmt.orelse
            and isinstance(stmt.test, ast.UnaryOp)
            and isinstance(stmt.test.op, ast.Not)
            and isinstance(stmt.body[-1], ast.Raise)
            and _opt_in_flag(stmt.test.operand, params)
        ):
            return True
    return False


def opted_in(ctx: FileContext, node: ast.AST) -> bool:
    """The load runs only after the caller opted into the risk: its function, or the
    ``__init__`` of its method's class, refuses first unless a flag named for the danger is
    set (``if not allow_dangerous_deserialization: raise ValueError(...)``)."""
    func = ctx.enclosing_function(node)
    if func is None:
        return False
    if _refuses_without_opt_in(func, node.lineno):
        return True
    owner = ctx.enclosing_class(func)
    if owner is None or func not in owner.body:
        return False
    init = next((s for s in owner.body if isinstance(s, (ast.FunctionDef, ast.AsyncFunctionDef)) and s.name == "__init__"), None)
    return init is not None and init is not func and _refuses_without_opt_in(init)


# The dump that matches each pickle-family loader: the bytes it makes.
_DUMPS = frozenset(f"{m}.dumps" for m in _PICKLES)


def own_dump(ctx: FileContext, arg: ast.AST) -> bool:
    """`arg` is ``self.<attr>`` and every assignment to that attribute in the class stores the
    result of a pickle-family ``dumps()`` (prefect's context wrapper: ``self._ctx_bytes =
    cloudpickle.dumps(ctx)`` in ``__init__``, ``cloudpickle.loads(self._ctx_bytes)`` in
    ``__call__``): the object loads the bytes it made itself. Low, not safe: whoever can
    replace the attribute (a pickled copy of the object) chooses them."""
    if not (isinstance(arg, ast.Attribute) and isinstance(arg.value, ast.Name) and arg.value.id == "self"):
        return False
    owner = ctx.enclosing_class(arg)
    if owner is None:
        return False
    stores: list[ast.AST | None] = []
    for stmt in ctx.nodes_of(ast.Assign, ast.AnnAssign, ast.AugAssign):
        for target in stmt.targets if isinstance(stmt, ast.Assign) else [stmt.target]:
            unpacked = isinstance(target, (ast.Tuple, ast.List))
            for node in ast.walk(target) if unpacked else [target]:
                if isinstance(node, ast.Attribute) and node.attr == arg.attr and ctx.enclosing_class(stmt) is owner:
                    stores.append(None if unpacked or isinstance(stmt, ast.AugAssign) else stmt.value)
    return bool(stores) and all(isinstance(v, ast.Call) and ctx.call_name(v) in _DUMPS for v in stores)


def _describe(verdict: str, found: list) -> str:
    if found:
        return "data from " + ", ".join(found)
    return "data of unknown origin" if verdict != "safe" else "data the program chose"


# Callee names `sinks` reports on: the last part of each loader's qualified name.
CALLEES = frozenset(
    n.rsplit(".", 1)[-1]
    for n in set(CODE_LOADERS) | YAML_LOADS | YAML_ALWAYS_UNSAFE | {TORCH_LOAD, NUMPY_LOAD, SHELVE_OPEN}
)


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    if is_dead(ctx, node):
        return
    flow = DataFlow.of(ctx)
    for arg, sink, family in sinks(node, ctx):
        if ctx.is_constant(arg):
            continue
        if family == "shelve":
            verdict, found = flow.judge(arg)
            if verdict == "source":
                yield hit(arg, sink, "a shelf named by " + ", ".join(found), confidence=Confidence.HIGH)
            elif verdict != "safe":
                yield hit(arg, sink, "a shelf of unknown origin", confidence=Confidence.LOW)
            continue
        verdict, found = flow.judge(arg)
        if family == "yaml-full":
            confidence = Confidence.MEDIUM if verdict == "source" else Confidence.LOW
            yield hit(arg, sink, _describe(verdict, found), confidence=confidence)
        elif verdict == "source":
            yield hit(arg, sink, _describe(verdict, found), confidence=Confidence.HIGH)
        elif verdict != "safe" or family == "yaml":
            # marshal builds code objects but does not run them; its documented risk on
            # untrusted input is a crash. Reading .pyc files is its everyday use: low. So is
            # data of unknown origin that the caller explicitly opted into (`opted_in`).
            low = sink.startswith("marshal.") or opted_in(ctx, node) or own_dump(ctx, arg)
            yield hit(arg, sink, _describe(verdict, []), confidence=Confidence.LOW if low else unknown_origin(ctx, Confidence.MEDIUM))
