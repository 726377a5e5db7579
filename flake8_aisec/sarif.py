"""flake8 formatter ``--format=aisec-sarif``: every reported violation as one SARIF 2.1.0 log.

Translation only: each flake8 violation becomes an `aisec_shared.sarif.SarifResult`; the core
builds the log. flake8 carries no end positions, so regions have a start only.
"""

from __future__ import annotations

import os
from typing import TYPE_CHECKING, Any

from flake8.formatting.base import BaseFormatter

from aisec_shared import __version__

if TYPE_CHECKING:
    from aisec_shared.sarif import SarifResult

__all__ = ["SarifFormatter"]


class SarifFormatter(BaseFormatter):
    """Collects violations and writes the SARIF log when flake8 stops (to ``--output-file``
    if given, replacing it, else to standard output)."""

    def after_init(self) -> None:
        # flake8 imports every installed formatter at each start, used or not; it makes an
        # instance only of the chosen one, so the SARIF writer is imported here.
        from aisec_shared import sarif

        self.sarif = sarif
        self.results: list[SarifResult] = []

    def start(self) -> None:
        if self.filename:
            os.makedirs(os.path.dirname(os.path.abspath(self.filename)), exist_ok=True)
            self.output_fd = open(self.filename, "w", encoding="utf-8")

    def handle(self, error: Any) -> None:
        # flake8 columns in a Violation are 1-based for tree plugins' col + 1.
        self.results.append(
            self.sarif.SarifResult(error.filename, error.line_number, max(error.column_number - 1, 0), error.code, error.text)
        )

    def format(self, error: Any) -> str | None:  # pragma: no cover - handle() replaces it
        return None

    def show_statistics(self, statistics: Any) -> None:
        """Statistics do not belong in a SARIF file."""

    def show_benchmarks(self, benchmarks: Any) -> None:
        """Benchmarks do not belong in a SARIF file."""

    def stop(self) -> None:
        sarif = self.sarif
        self._write(sarif.dumps(sarif.sarif_log(self.results, tool_name="aisec-lint (flake8)", tool_version=__version__)).rstrip("\n"))
        super().stop()
