"""AIS802 trust-remote-code: a model, tokenizer or dataset loaded with trust_remote_code=True.

## What it does
Flags ``trust_remote_code=True`` (also through a constant, or inside ``model_kwargs`` /
``tokenizer_kwargs`` / ``config_kwargs`` dicts) on the loaders that honour it: Hugging Face
Transformers ``from_pretrained`` of any ``Auto*`` class, ``pipeline(...)``, Datasets
``load_dataset`` / ``load_dataset_builder``, sentence-transformers ``SentenceTransformer`` /
``CrossEncoder``, vLLM ``LLM`` / ``EngineArgs`` / ``AsyncEngineArgs``, and the LangChain
``HuggingFaceEmbeddings`` / ``HuggingFacePipeline.from_model_id`` wrappers.

Confidence: **high** for a Hub repository or a model named by a variable; **medium** when
``revision=`` pins a full 40-character commit hash (the code that runs is the code someone
could review); **low** for a local path (``./models/x``, ``/opt/models/x``), whose code is
already on the machine.

## Why is this bad?
``trust_remote_code=True`` downloads Python files from the model repository
(``modeling_*.py``, ``tokenization_*.py``, a dataset script) and imports them: whoever
controls the repository, or a later commit to it, runs code in your process with its
credentials. Hugging Face's own documentation asks to set it only for repositories you have
read, and to pin the revision.

## Example
```python
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained("acme-research/chat-7b", trust_remote_code=True)
```

## Use instead
```python
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "acme-research/chat-7b", revision="4f8a2c9d0e1b3a5c7d9e0f1a2b3c4d5e6f708192", use_safetensors=True
)
```

## Known problems
A pinned commit still runs the repository's code; medium confidence is a reminder to review
it. Loaders of other libraries that take the same flag are not listed and not reported.

## Options
None beyond ``aisec-min-confidence``.

## References
- [CWE-94: Improper Control of Generation of Code ('Code Injection')](https://cwe.mitre.org/data/definitions/94.html)
- [CWE-829: Inclusion of Functionality from Untrusted Control Sphere](https://cwe.mitre.org/data/definitions/829.html)
- [Transformers: Customizing models, "Using a model with custom code" (trust_remote_code, revision)](https://huggingface.co/docs/transformers/en/custom_models#using-a-model-with-custom-code)
- [Datasets: load_dataset, trust_remote_code](https://huggingface.co/docs/datasets/en/package_reference/loading_methods#datasets.load_dataset)
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
from ..analysis.policies import keyword_value, literal
from ..checks import Confidence, FileContext, Hit, hit, on

LOADERS = frozenset(
    {
        "from_pretrained", "pipeline", "load_dataset", "load_dataset_builder", "SentenceTransformer",
        "CrossEncoder", "LLM", "EngineArgs", "AsyncEngineArgs", "HuggingFaceEmbeddings",
        "HuggingFaceBgeEmbeddings", "HuggingFaceInstructEmbeddings", "from_model_id", "SparseEncoder",
    }
)






def pinned(ctx: FileContext, call: ast.Call) -> bool | None:
    """True when ``revision=`` is a full commit hash; False when absent or a branch or tag;
    None when it is not a literal (chosen by configuration)."""
    revision = keyword_value(call, "revision")
    if revision is None:
        return False
    text = literal(ctx, revision).text()
    if text is None:
        return None
    return bool(COMMIT.match(text.strip().lower()))






@on(ast.Call, callees=LOADERS)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    flag = trust_flag(ctx, node)
    if flag is None:
        return
    name = loader_name(ctx, node)
    kind, text = model_source(ctx, model_id_arg(ctx, node, name))
    if kind == "local":
        yield hit(flag, f"the local model {text!r}" if text else "a local model", "make sure nothing else writes to that folder", confidence=Confidence.LOW)
    elif pinned(ctx, node):
        yield hit(flag, f"{text!r} at a pinned commit" if text else "a model at a pinned commit", "review that commit's code before each update of the pin", confidence=Confidence.MEDIUM)
    else:
        what = f"the Hub repository {text!r}" if text else "a model chosen at run time"
        yield hit(flag, what, "read that code and pin revision= to the reviewed commit, or use a model without custom code", confidence=Confidence.HIGH)
