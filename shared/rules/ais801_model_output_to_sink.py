"""AIS801 model-output-to-sink: a language model's output reaches code, a shell, SQL or a path.

## What it does
Flags the output of a language model reaching a dangerous sink without validation:
``eval`` / ``exec`` / ``compile``, a shell command, SQL text, or a file-system path. Model
output is recognised from the OpenAI (``client.chat.completions.create(...)``,
``client.responses.create``), Anthropic (``client.messages.create(...)``), LiteLLM
(``litellm.completion``) and LangChain (``llm.invoke(...)``, ``chain.invoke``) clients, and
followed through variables, string building, attributes (``.choices[0].message.content``,
``.content[0].text``) and helpers of the same module.

The sinks are those of AIS401 (SQL), AIS402 (shell), AIS404 (code) and AIS407 (paths); when
the data there is model output, this rule reports instead of them, once per sink.

## Why is this bad?
A model's output is controlled by whoever controls any text the model read: the user's
prompt, a web page, an e-mail, a retrieved document. A prompt injection then turns an "agent
tool" that runs generated code, shell commands or SQL into remote code execution or data
theft (OWASP Top 10 for LLM Applications, LLM05 Improper Output Handling).

## Example
```python
import subprocess

from openai import OpenAI

client = OpenAI()

def run_suggested_command(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    command = reply.choices[0].message.content
    return subprocess.run(command, shell=True, capture_output=True)
```

## Use instead
```python
import shlex
import subprocess

from openai import OpenAI

client = OpenAI()
ALLOWED = {"ls", "df", "uptime"}

def run_suggested_command(task):
    reply = client.chat.completions.create(model="gpt-4o", messages=[{"role": "user", "content": task}])
    argv = shlex.split(reply.choices[0].message.content)
    if not argv or argv[0] not in ALLOWED:
        raise ValueError("command not allowed")
    return subprocess.run([argv[0], *argv[1:]], capture_output=True)
```

## Known problems
Model clients wrapped in your own functions are recognised when the wrapper is in the same
module; name others with ``aisec-extra-sources``. Output parsed into a typed structure
(``json.loads`` then ``int()``) is treated like any other input: casts and allow-list checks
clear it.

## Options
``aisec-extra-sources`` names your own model wrappers (``myapp.ai.ask``).

## References
- [CWE-1426: Improper Validation of Generative AI Output](https://cwe.mitre.org/data/definitions/1426.html)
- [CWE-94: Improper Control of Generation of Code](https://cwe.mitre.org/data/definitions/94.html)
- [OWASP Top 10 for LLM Applications 2025, LLM05: Improper Output Handling](https://genai.owasp.org/llmrisk/llm052025-improper-output-handling/)
- [OWASP Top 10 for LLM Applications 2025, LLM01: Prompt Injection](https://genai.owasp.org/llmrisk/llm01-prompt-injection/)
"""

from __future__ import annotations

import ast
from typing import Callable, Iterator

from ..analysis.taint import is_dead, one_byte
from ..checks import Confidence, FileContext, Hit, hit, on
from . import (
    ais401_sql_injection,
    ais402_command_injection,
    ais404_code_injection,
    ais407_path_traversal,
)

MODEL_ORIGIN = "model output"

# (sink finder, sink kind): each finder yields (argument, description) for one call.
SINK_FINDERS: tuple[tuple[Callable[[ast.Call, FileContext], Iterator[tuple[ast.AST, str]]], str], ...] = (
    (ais401_sql_injection.sink_args, "sql"),
    (ais402_command_injection.sink_args, "shell"),
    (ais404_code_injection.sink_args, "code"),
    (ais407_path_traversal.sink_args, "path"),
)
# A call has a sink above only if its rule's check is dispatched to it: the union of the
# callee names those checks declare (user-declared extra sinks are added by the engine).
CALLEES = frozenset().union(
    *(
        rule.check_call.__aisec_callees__
        for rule in (ais401_sql_injection, ais402_command_injection, ais404_code_injection, ais407_path_traversal)
    )
)


# Model output only enters a file through a model client; a file whose text mentions none of
# these cannot produce this rule's finding, so it is skipped without looking at its calls.
MODEL_HINTS = (
    "openai", "anthropic", "litellm", "langchain", "ollama", "generativeai", "llama_index",
    "completions", "messages.create", "responses.create", ".invoke(", ".ainvoke(", "genai",
)


# The hints as (common part, hints containing it): a text without the common part holds none
# of its hints, so three searches stand for six. Same answer as testing each hint.
_HINT_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = tuple(
    (common, tuple(h for h in MODEL_HINTS if common in h))
    for common in ("llama", "s.create", "invoke(")
) + tuple((h, (h,)) for h in MODEL_HINTS if not any(c in h for c in ("llama", "s.create", "invoke(")))
assert sorted(h for _, group in _HINT_GROUPS for h in group) == sorted(MODEL_HINTS)


def _mentions_models(ctx: FileContext) -> bool:
    """True when the file's text names a model client (`MODEL_HINTS`) or the user declared
    extra sources; memoised per file."""
    cached = ctx.__dict__.get("_mentions_models")
    if cached is None:
        text = one_byte(ctx.text)  # ASCII hints: the one-byte copy is searched much faster
        cached = bool(ctx.settings.extra_sources) or any(
            common in text and (len(group) == 1 or any(h in text for h in group)) for common, group in _HINT_GROUPS
        )
        ctx.__dict__["_mentions_models"] = cached
    return cached


@on(ast.Call, callees=CALLEES)
def check_call(node: ast.Call, ctx: FileContext) -> Iterator[Hit]:
    opened = False
    for finder, kind in SINK_FINDERS:
        for arg, sink in finder(node, ctx):
            if ctx.is_constant(arg):
                continue
            if not opened:
                # The file's text test only once a sink takes a non-constant argument: most
                # sink calls in most files take constants only.
                if not _mentions_models(ctx) or is_dead(ctx, node):
                    return
                opened = True
            seen, found = ctx.taint.judge(arg, kind)
            if seen == "source" and any(o.startswith(MODEL_ORIGIN) for o in found):
                yield hit(arg, sink, confidence=Confidence.HIGH)
