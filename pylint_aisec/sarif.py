"""pylint reporter ``--output-format=aisec-sarif``: every message as one SARIF 2.1.0 log.

Translation only: each pylint message becomes an `aisec_shared.sarif.SarifResult` (aisec
messages under their AIS code, others under their pylint msgid), with the end positions
pylint provides; the core builds the log.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from pylint.reporters.base_reporter import BaseReporter

from aisec_shared import RULES, __version__
from aisec_shared.sarif import SarifResult, dumps, sarif_log

if TYPE_CHECKING:
    from pylint.message import Message
    from pylint.reporters.ureports.nodes import Section

__all__ = ["SarifReporter"]

_CODE_BY_MSGID = {r.msgid: code for code, r in RULES.items()}
_CONFIDENCE = {"HIGH": "high", "INFERENCE": "medium", "INFERENCE_FAILURE": "low"}


class SarifReporter(BaseReporter):
    """Collects messages and prints the SARIF log at the end of the run."""

    name = "aisec-sarif"
    extension = "sarif"

    def __init__(self, output=None) -> None:
        super().__init__(output)
        self.results: list[SarifResult] = []

    def handle_message(self, msg: "Message") -> None:
        code = _CODE_BY_MSGID.get(msg.msg_id, msg.msg_id)
        self.results.append(
            SarifResult(
                msg.path,
                msg.line,
                msg.column,
                code,
                msg.msg,
                msg.end_line,
                msg.end_column,
                _CONFIDENCE.get(msg.confidence.name) if code in RULES else None,
            )
        )

    def display_messages(self, layout: "Section | None") -> None:
        print(dumps(sarif_log(self.results, tool_name="aisec-lint (pylint)", tool_version=__version__)), end="", file=self.out)

    def display_reports(self, layout: "Section") -> None:
        """Reports (statistics) do not belong in a SARIF file."""

    def _display(self, layout: "Section") -> None:
        pass
