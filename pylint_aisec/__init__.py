"""pylint adapter for aisec-lint: load with ``load-plugins=pylint_aisec``.

One raw checker per code family, all named ``aisec`` (``--enable=aisec`` / ``--disable=aisec``
switch the suite), each with its family's checker id. The first checker that runs on a module
asks the core once, for every rule whose message is enabled; each checker then reports its
own family's findings as LINE-scoped messages. Options are generated from the core's
declarations and registered on the first checker.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from astroid import nodes
from pylint.checkers import BaseRawFileChecker
from pylint.constants import WarningScope
from pylint.interfaces import HIGH, INFERENCE, INFERENCE_FAILURE

from aisec_shared import FAMILIES, OPTIONS, RULES, Confidence, OptionError, Settings, check_source, settings_from_host

if TYPE_CHECKING:
    from pylint.lint import PyLinter

__all__ = ["register"]

_CONFIDENCE = {Confidence.HIGH: HIGH, Confidence.MEDIUM: INFERENCE, Confidence.LOW: INFERENCE_FAILURE}


def _host_options() -> tuple:
    out = []
    for opt in OPTIONS:
        spec: dict[str, Any] = {"default": opt.default, "metavar": opt.metavar, "help": opt.help}
        if opt.kind == "csv":
            spec["type"] = "csv"
        else:  # "choice" and "string": the core validates them (one clear error line)
            spec["type"] = "string"
        out.append((opt.name, spec))
    return tuple(out)


class _Run:
    """Runs the core once per module and hands out each family's findings."""

    def __init__(self) -> None:
        self._module: Any = None
        self._findings: list = []

    @staticmethod
    def settings(linter: "PyLinter") -> Settings:
        try:
            return settings_from_host(vars(linter.config))
        except OptionError as exc:  # a user's config error: stop like argparse does
            raise SystemExit(f"pylint: error: {exc}") from None

    def findings(self, linter: "PyLinter", module: nodes.Module) -> list:
        if module is not self._module:
            self._module = module
            settings = self.settings(linter)
            enabled = [r.code for r in RULES.values() if linter.is_message_enabled(r.msgid)]
            with module.stream() as stream:
                data = stream.read()
            self._findings = check_source(data, module.file or "", settings, only=enabled)
        return self._findings


def _checker_class(digit: int, run: _Run, with_options: bool) -> type:
    family = FAMILIES[digit]
    rules = [r for r in RULES.values() if r.family.digit == digit]
    msgs = {
        r.msgid: (
            r.template,
            r.symbol,
            r.description,
            {"scope": WarningScope.LINE, "old_names": list(r.old_names)},
        )
        for r in rules
    }

    class AisecFamilyChecker(BaseRawFileChecker):
        name = "aisec"
        options = _host_options() if with_options else ()

        def open(self) -> None:
            if with_options:  # validate once, before any file is checked
                run.settings(self.linter)

        def process_module(self, node: nodes.Module) -> None:
            for f in run.findings(self.linter, node):
                if RULES[f.code].family.digit != digit:
                    continue
                self.add_message(
                    RULES[f.code].symbol,
                    line=f.line,
                    col_offset=f.col,
                    end_lineno=f.end_line,
                    end_col_offset=f.end_col,
                    args=f.args or None,
                    confidence=_CONFIDENCE[f.confidence],
                )

    AisecFamilyChecker.msgs = msgs
    AisecFamilyChecker.__name__ = AisecFamilyChecker.__qualname__ = f"AisecFamily{digit}Checker"
    AisecFamilyChecker.__doc__ = f"aisec-lint {family.title} (AIS{digit}xx)."
    return AisecFamilyChecker


def register(linter: "PyLinter") -> None:
    """pylint's plugin hook: register one checker per family that has rules."""
    from .sarif import SarifReporter

    linter.register_reporter(SarifReporter)
    run = _Run()
    digits = sorted({r.family.digit for r in RULES.values()})
    for i, digit in enumerate(digits):
        linter.register_checker(_checker_class(digit, run, with_options=(i == 0))(linter))
