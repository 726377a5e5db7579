"""Hugging Face Hub knowledge shared by the model-code rules (AIS802, AIS803): which loaders
download models (`from_pretrained`, `pipeline`, `hf_hub_download`, ...), how to read the model id
and `revision=` of a call, whether an id names a Hub repository or a local path, and whether a
revision is a full commit hash (`COMMIT`). Source: huggingface_hub and transformers docs.
"""

from __future__ import annotations

import ast
import re

from .context import FileContext
from .policies import HOLE, Lit, keyword_value, literal
from .patterns import lazy_compile

__all__ = ['COMMIT', 'loader_name', 'model_id_arg', 'model_source', 'trust_flag']

KWARG_DICTS = ("model_kwargs", "tokenizer_kwargs", "config_kwargs", "encode_kwargs", "model_init_kwargs")


# Where each loader takes the model or dataset id: keyword names, then positions.
ID_KEYWORDS = (
    "pretrained_model_name_or_path", "model", "model_id", "model_name", "model_name_or_path", "repo_id", "path",
    "repo_or_dir",
)


COMMIT = lazy_compile(r"^[0-9a-f]{40}$")


HUB_ID = lazy_compile(r"^[A-Za-z0-9][\w.-]{0,95}/[\w.-]{1,96}$")


CANONICAL_ID = lazy_compile(r"^[A-Za-z0-9][\w.-]{0,95}$")


# First path segments that name a local folder, not a Hub user or organisation.
LOCAL_DIRS = frozenset(
    {
        "models", "model", "checkpoints", "checkpoint", "ckpt", "ckpts", "output", "outputs", "out", "data",
        "weights", "saved_models", "saved_model", "artifacts", "tmp", "temp", "cache", "results", "runs",
        "pretrained", "local", "assets", "resources", "exports", "export", "build", "dist", "mnt", "home",
    }
)


# Folder names a training run writes: checkpoint-500, run_3, epoch-2, best_model, final.
LOCAL_NAME = lazy_compile(r"^(?:checkpoint|ckpt|run|epoch|step|output|best|final|saved|trained|finetuned|fine-tuned)(?:[-_][\w.-]{0,60})?$", re.IGNORECASE)


FILE_SUFFIXES = (".bin", ".pt", ".pth", ".safetensors", ".gguf", ".onnx", ".json", ".ckpt", ".h5", ".pkl", ".model", ".zip", ".tar", ".gz")


PATH_CALLS = frozenset({"os.path.join", "pathlib.Path", "pathlib.PurePath", "os.path.abspath", "os.path.expanduser", "os.getcwd", "os.path.dirname"})


def model_id_arg(ctx: FileContext, call: ast.Call, name: str) -> ast.AST | None:
    """The argument naming the model, dataset or repository a loader fetches."""
    value = keyword_value(call, *ID_KEYWORDS)
    if value is not None:
        return value
    if name == "pipeline":
        return call.args[1] if len(call.args) > 1 else None
    args = call.args[:2]
    for arg in args:
        if literal(ctx, arg).text() is not None:
            return arg
    if len(args) == 2 and name == "from_pretrained":
        first = ctx.reaching_value(args[0]) if isinstance(args[0], ast.Name) else args[0]
        if isinstance(first, ast.Call) or first is None:
            return args[1]  # PeftModel.from_pretrained(base_model, adapter_id)
    return args[0] if args else None


def model_source(ctx: FileContext, expr: ast.AST | None) -> tuple[str, str | None]:
    """Where a model id points: ("hub", id), ("canonical", id) for an id without a namespace
    (``gpt2``), ("local", path), or ("unknown", None) for a value the linter cannot read."""
    if expr is None:
        return "unknown", None
    value = ctx.reaching_value(expr) if isinstance(expr, ast.Name) else expr
    if isinstance(value, ast.Call) and ctx.call_name(value) in PATH_CALLS:
        return "local", None
    if isinstance(value, ast.BinOp) and isinstance(value.op, ast.Div):
        return "local", None  # Path(...) / "name"
    lit: Lit = literal(ctx, expr)
    text = lit.text()
    if text is None:
        return "unknown", None
    if HOLE in text:
        return ("local", None) if text.startswith(("/", ".", "~")) else ("unknown", None)
    if text.startswith(("hf-hub:", "hf_hub:")):
        text = text.split(":", 1)[1]
    if text.startswith(("/", ".", "~")) or "\\" in text or ":" in text or text.lower().endswith(FILE_SUFFIXES):
        return "local", text
    if HUB_ID.match(text):
        if text.split("/", 1)[0].lower() in LOCAL_DIRS:
            return "local", text
        return "hub", text
    if CANONICAL_ID.match(text):
        if text.lower() in LOCAL_DIRS or LOCAL_NAME.match(text):
            return "local", text
        # Hub ids without a namespace read like "gpt2", "t5-small", "bert-base-uncased";
        # a bare word ("tokenizer", "sentiment") is more often a folder.
        return ("hub", text) if any(c.isdigit() or c == "-" for c in text) else ("canonical", text)
    return "local", text


def trust_flag(ctx: FileContext, call: ast.Call) -> ast.AST | None:
    """Where ``trust_remote_code=True`` is set for the call (its ``True``, in the call or in a
    kwargs dict), or None."""
    for kw in call.keywords:
        if kw.arg == "trust_remote_code":
            lit = literal(ctx, kw.value)
            return lit.node if lit.value is True else None
        if kw.arg in KWARG_DICTS or kw.arg is None:
            flag = literal(ctx, kw.value).get("trust_remote_code")
            if flag is not None and flag.value is True:
                return flag.node
    return None


def loader_name(ctx: FileContext, call: ast.Call) -> str:
    """The callee's last name: ``from_pretrained``, ``pipeline`` (through import aliases)."""
    func = call.func
    if isinstance(func, ast.Attribute):
        return func.attr
    qualified = ctx.call_name(call)
    return qualified.rsplit(".", 1)[-1] if qualified else getattr(func, "id", "")
