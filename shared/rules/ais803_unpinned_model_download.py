"""AIS803 unpinned-model-download: a model downloaded from a hub without a pinned commit.

## What it does
Flags downloads of a model (or a repository's files) by a Hub id (``"org/name"``) without
``revision=`` set to a full 40-character commit hash:

- Hugging Face ``from_pretrained("org/name")`` (Transformers, Diffusers, PEFT, Optimum ...),
  ``pipeline(..., model="org/name")``, ``hf_hub_download(repo_id=...)``,
  ``snapshot_download(repo_id=...)``, sentence-transformers ``SentenceTransformer`` /
  ``CrossEncoder``, vLLM ``LLM(model=...)``;
- ``torch.hub.load("owner/repo", ...)`` without ``:<commit>`` (it also runs the repository's
  ``hubconf.py``).

A branch or tag (``revision="main"``, ``"v1.0"``) is reported: it moves. Ids without a
namespace count when they read like model names (``"gpt2"``, ``"bert-base-uncased"``: a digit
or a hyphen); a bare word (``"tokenizer"``) or an id held in a variable is reported at low
confidence (hidden by default). Local paths, training-run folders (``"checkpoint-500"``),
``local_files_only=True`` and a ``revision`` read from configuration are not reported. A call
with ``trust_remote_code=True`` is left to AIS802.

## Why is this bad?
Without a pin, every deployment downloads whatever the repository holds that day. A
compromised or renamed account, a force-push, or a well-meaning update then changes the
weights, the tokenizer or the code the service runs, and nobody reviewed it. Pickle-format
weights in an unpinned repository are code execution waiting for one malicious commit.

## Example
```python
from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained("acme-research/support-router")
```

## Use instead
```python
from transformers import AutoModelForSequenceClassification

model = AutoModelForSequenceClassification.from_pretrained(
    "acme-research/support-router", revision="9b0e3c4d5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c"
)
```

## Known problems
A relative folder that looks like ``org/name`` is taken for a Hub id unless its first part is
a usual folder name (``models``, ``checkpoints``, ``outputs``, ...). Datasets
(``load_dataset``) are not reported: they are data, and code only with
``trust_remote_code`` (AIS802); so is one data file of a dataset repository
(``hf_hub_download(..., filename="rows.json", repo_type="dataset")``). A dataset's pickle or
Python file, or a whole dataset snapshot, is still reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-494: Download of Code Without Integrity Check](https://cwe.mitre.org/data/definitions/494.html)
- [Hugging Face Hub: Download files, "revision"](https://huggingface.co/docs/huggingface_hub/en/guides/download)
- [Transformers: from_pretrained, revision](https://huggingface.co/docs/transformers/en/main_classes/model#transformers.PreTrainedModel.from_pretrained)
- [PyTorch: torch.hub.load, repo_or_dir "repo_owner/repo_name[:ref]"](https://pytorch.org/docs/stable/hub.html#torch.hub.load)
- [OWASP Top 10 for LLM Applications 2025, LLM03: Supply Chain](https://genai.owasp.org/llmrisk/llm032025-supply-chain/)
- [OWASP Top 10 2021 A08: Software and Data Integrity Failures](https://owasp.org/Top10/A08_2021-Software_and_Data_Integrity_Failures/)
"""

from __future__ import annotations

import ast
from typing import Iterator

from ..analysis.models import (
    COMMIT,
    loader_name,
    model_id_arg,
    model_source,
    trust_flag,
)
from ..analysis.policies import HOLE, keyword_value, literal
from ..checks import Confidence, FileContext, Hit, hit, on

DOWNLOADERS = frozenset(
    {"from_pretrained", "pipeline", "hf_hub_download", "snapshot_download", "SentenceTransformer", "CrossEncoder", "load", "LLM"}
)
TORCH_HUB = "torch.hub.load"


def _torch_hub(ctx: FileContext, node: ast.Call) -> Iterator[Hit]:
    source = literal(ctx, keyword_value(node, "source")).text()
    if source == "local":
        return
    repo = keyword_value(node, "repo_or_dir") or (node.args[0] if node.args else None)
    lit = literal(ctx, repo)
    text = lit.text()
    if text is None or HOLE in text or text.startswith(("/", ".", "~")):
        return
    owner_repo, _, ref = text.partition(":")
    if "/" not in owner_repo or COMMIT.match(ref.lower()):
        return
    what = f"{owner_repo!r} at the movable ref {ref!r}" if ref else f"{owner_repo!r} (default branch)"
    yield hit(repo, "torch.hub.load()", f"{what}, whose hubconf.py it runs,", "append ':<full commit hash>' to the repository", confidence=Confidence.MEDIUM)


# File formats that hold data only: a parser reads them, nothing runs them (pickle-based
# formats such as .pkl, .pt and .bin are code, and are not listed).
_DATA_SUFFIXES = (".json", ".jsonl", ".csv", ".tsv", ".parquet", ".arrow", ".txt", ".md", ".yaml", ".yml")


def _data_file(ctx: FileContext, node: ast.Call) -> bool:
    """``hf_hub_download(..., filename="x.json", repo_type="dataset")``: one data file of a
    dataset repository. Datasets are data, as for ``load_dataset`` (not reported); a model
    repository's config file still selects the code and weights that come with it."""
    if literal(ctx, keyword_value(node, "repo_type")).text() != "dataset":
        return False
    filename = literal(ctx, keyword_value(node, "filename") or (node.args[1] if len(node.args) > 1 else None)).text()
    return filename is not None and filename.lower().endswith(_DATA_SUFFIXES)


@on(ast.Call, callees=DOWNLOADERS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    name = loader_name(ctx, node)
    if name == "load":
        if ctx.call_name(node) == TORCH_HUB:
            yield from _torch_hub(ctx, node)
        return
    if name == "LLM" and not (ctx.call_name(node) or "").startswith("vllm."):
        return
    if trust_flag(ctx, node) is not None:
        return  # AIS802 reports the call, and asks for the pin
    if literal(ctx, keyword_value(node, "local_files_only")).value is True:
        return
    if name == "hf_hub_download" and _data_file(ctx, node):
        return
    arg = model_id_arg(ctx, node, name)
    if arg is None:
        return  # pipeline("task") with no model: Transformers pins its default models
    kind, text = model_source(ctx, arg)
    if kind == "local":
        return
    revision = keyword_value(node, "revision")
    ref = None
    if revision is not None:
        ref = literal(ctx, revision).text()
        if ref is None or COMMIT.match(ref.strip().lower()):
            return  # pinned, or chosen by configuration
    target = literal(ctx, revision) if ref is not None else None
    where = target.node if target is not None else arg
    label = repr(text) if text else "a model chosen at run time"
    what = f"{label} at the movable revision {ref!r}" if ref is not None else label
    confidence = Confidence.MEDIUM if kind == "hub" else Confidence.LOW
    yield hit(where, f"{name}()", what, "pass revision= with the full commit hash", confidence=confidence)
