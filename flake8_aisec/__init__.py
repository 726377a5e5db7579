"""flake8 adapter for aisec-lint: options in, findings out, nothing else.

Registered through the ``flake8.extension`` entry point ``AIS``. The rules, their codes and
their options live in the core, `aisec_shared`.
"""

from __future__ import annotations

import ast
from typing import Any, Iterator

from aisec_shared import OPTIONS, OptionError, Settings, __version__, check_tree, settings_from_host

__all__ = ["AisecChecker"]


class AisecChecker:
    """flake8 tree plugin; flake8 injects `tree`, `lines` and `filename` by name."""

    name = "aisec-lint"
    version = __version__
    settings: Settings = Settings()

    def __init__(self, tree: ast.AST, lines: list[str], filename: str) -> None:
        self.tree = tree
        self.lines = lines
        self.filename = filename

    @classmethod
    def add_options(cls, option_manager: Any) -> None:
        """Declare every core option as ``--aisec-*`` (also readable from config files)."""
        for opt in OPTIONS:
            extra: dict[str, Any] = {}
            if opt.kind == "csv":
                extra["comma_separated_list"] = True
                extra["default"] = ",".join(opt.default)
            else:  # "choice" and "string": the core validates them (one clear error line)
                extra["default"] = opt.default
            option_manager.add_option(
                f"--{opt.name}", parse_from_config=True, metavar=opt.metavar, help=opt.help, **extra
            )

    @classmethod
    def parse_options(cls, options: Any) -> None:
        try:
            values = {o.attr: getattr(options, o.attr, None) for o in OPTIONS}
            values["honour_noqa"] = not getattr(options, "disable_noqa", False)
            cls.settings = settings_from_host(values)
        except OptionError as exc:  # a user's config error: stop like argparse does
            raise SystemExit(f"flake8: error: {exc}") from None

    def run(self) -> Iterator[tuple[int, int, str, type]]:
        for f in check_tree(self.tree, self.lines, self.filename, self.settings):
            yield f.line, f.col, f"{f.code} {f.message}", type(self)
