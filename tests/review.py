"""Helpers of the precision-review tests (``test_precision_*.py``): what the core reports for
a snippet, at every confidence, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

import textwrap

from aisec_shared import Settings, check_source

APP = "src/app/client.py"


def found(src: str, code: str, filename: str = APP) -> list[tuple[int, str]]:
    """``[(line, confidence)]`` of rule `code` (``"AIS101"``) in `src`, a snippet dedented
    before parsing and checked as `filename`, with ``aisec-min-confidence = low`` and strict
    mode (a rule's internal error raises instead of becoming AIS000)."""
    settings = Settings.from_mapping({"aisec_min_confidence": "low"}, strict=True)
    return [(f.line, f.confidence.value) for f in check_source(textwrap.dedent(src), filename, settings, only=[code])]
