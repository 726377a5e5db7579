'''AIS002 unused-suppression: a ``# noqa: AIS...`` comment that no longer suppresses anything.

## What it does
Opt-in (``aisec-enable = AIS002``). Reports an aisec code or prefix listed in a ``# noqa``
comment when no finding of a rule it names was found on that statement in this run, at any
confidence: a finding below ``aisec-min-confidence`` is not reported, but it keeps the comment
in use, since lowering the threshold would bring it back. Only rules that ran and answered
count: a ``# noqa: AIS402`` is not judged in a run that selected ``AIS1`` only, and a prefix
such as ``AIS6`` is not judged while one of the rules it names that the settings select gave
no answer (left out by pylint's ``--disable``, or failed on the file: AIS000).

## Why is this bad?
A stale suppression is a loaded gun: the code it once covered changed, and the next flaw
written on that statement will be silenced without anyone reviewing it. Removing stale
suppressions keeps every remaining one meaningful.

## Example
```python
import os

API_KEY = os.environ["API_KEY"]  # noqa: AIS101 rotated in 2025
```

## Use instead
```python
import os

API_KEY = os.environ["API_KEY"]
```

## Known problems
Only ``# noqa`` comments are judged. For pylint's own pragmas use pylint's
``useless-suppression`` (I0021), which knows nothing of ``aisec-min-confidence``: it calls a
pragma useless when the finding under it is only hidden by the threshold.

## Options
Opt-in through ``aisec-enable``.

## References
- [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
- [pylint: useless-suppression](https://pylint.readthedocs.io/en/stable/user_guide/messages/information/useless-suppression.html)
'''

from __future__ import annotations

from typing import Iterator

from ..suppression import Suppressions

__all__ = ["suppression_findings"]


def suppression_findings(
    supp: Suppressions, ran: frozenset[str], unknown: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, tuple]]:
    """``(line, col, template args)`` for each listed aisec code that covered no finding.

    Args:
        supp: the file's suppressions, after the engine applied them (``used`` filled in).
        ran: the codes of the rules that ran on this file and answered (did not fail).
        unknown: the codes of rules the settings select that gave no answer on this file
            (left out by the host, or failed): a code or prefix naming one is not judged.
    """
    for comment in supp.noqa.values():
        for code in comment.codes:
            if not code.startswith("AIS") or not any(r.startswith(code) for r in ran):
                continue
            if any(u.startswith(code) for u in unknown):
                continue
            if not any(used.startswith(code) for used in comment.used):
                yield comment.line, comment.col, (code,)
