'''AIS001 unjustified-suppression: an aisec suppression comment without a rule code or a reason.

## What it does
Opt-in (``aisec-enable = AIS001``). Reports a suppression of aisec findings that does not say
which rule it silences or why:

- a bare ``# noqa`` that covers an aisec finding, at any confidence (name the code:
  ``# noqa: AIS101``);
- ``# noqa: AISnnn`` with no reason after the codes (``# noqa: AIS101 test fixture key``);
- a pylint pragma naming an aisec message (``# pylint: disable=hardcoded-secret``) without a
  reason in its own trailing comment (pylint reads extra words inside a pragma as more message
  names, so the reason goes after a second ``#``:
  ``# pylint: disable=hardcoded-secret  # test fixture key``).

## Why is this bad?
A suppression is a security decision. Without a code, a bare ``# noqa`` also hides every
future finding on that statement, including new flaws. Without a reason, a reviewer cannot
tell an accepted risk from a silenced alarm, and nobody can revisit it when the context
changes.

## Example
```python
import requests

reply = requests.get("https://10.0.0.7/health", verify=False)  # noqa
```

## Use instead
```python
import requests

reply = requests.get("https://10.0.0.7/health", verify=False)  # noqa: AIS602 sidecar uses a throwaway self-signed cert
```

## Known problems
Any text counts as a reason; the rule cannot judge whether it is a good one. A bare ``# noqa``
on a line without aisec findings is left alone: it belongs to other flake8 plugins.

## Options
Opt-in through ``aisec-enable``. See also AIS002 for suppressions that no longer suppress
anything.

## References
- [CWE-1164: Irrelevant Code](https://cwe.mitre.org/data/definitions/1164.html)
- [flake8: Selecting and ignoring violations, in-line ignoring](https://flake8.pycqa.org/en/latest/user/violations.html#in-line-ignoring-errors)
- [pylint: Messages control](https://pylint.readthedocs.io/en/stable/user_guide/messages/message_control.html)
'''

from __future__ import annotations

from typing import Iterator

from ..registry import RULES
from ..suppression import Suppressions

__all__ = ["suppression_findings"]


def suppression_findings(
    supp: Suppressions, ran: frozenset[str], unknown: frozenset[str] = frozenset()
) -> Iterator[tuple[int, int, tuple]]:
    """``(line, col, template args)`` for each unjustified aisec suppression in the file.

    Args:
        supp: the file's suppressions, after the engine applied them (``used`` filled in).
        ran: the codes of the rules that ran on this file and answered (unused: a comment
            needs a code and a reason whatever ran).
        unknown: the codes of selected rules that gave no answer (unused, as `ran`).
    """
    for comment in supp.noqa.values():
        ais = [c for c in comment.codes if c.startswith("AIS")]
        if not comment.codes:
            if any(code.startswith("AIS") for code in comment.used):
                yield comment.line, comment.col, ("'# noqa'", "names no rule; name the codes it silences, then say why")
        elif ais and not comment.reason:
            yield comment.line, comment.col, (f"'# noqa: {', '.join(comment.codes)}'", "gives no reason; say why after the codes")
    symbols = {r.symbol for r in RULES.values()} | {r.msgid for r in RULES.values()}
    for line, (kind, names) in supp.pylint.items():
        named = sorted(n for n in names if n in symbols)
        if not named:
            continue
        text = supp.ctx.comments.get(line, "")
        after = text.split("#")[2:] if text.count("#") >= 2 else []
        if not any(part.strip() and not part.strip().startswith(("pylint:", "noqa")) for part in after):
            col = max(supp.ctx.lines[line - 1].find("#"), 0) if line <= len(supp.ctx.lines) else 0
            yield line, col, (f"'# pylint: {kind}={', '.join(named)}'", "gives no reason; add it in its own trailing comment")
