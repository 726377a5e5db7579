"""Options, declared once here; both adapters generate their host options from `OPTIONS`.

Each option is named ``aisec-*`` in both tools: ``--aisec-min-confidence`` /
``aisec-min-confidence = high`` in flake8, ``--aisec-min-confidence`` /
``aisec-min-confidence=high`` in pylint (read as ``linter.config.aisec_min_confidence``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Iterable, Mapping

from .findings import Confidence
from .registry import RULES

__all__ = ["Option", "OPTIONS", "Settings", "OptionError"]


class OptionError(ValueError):
    """An option value that fails validation; the message names the option and the value."""


@dataclass(frozen=True)
class Option:
    """One user option.

    Attributes:
        name: the option name in both hosts, ``aisec-...``.
        kind: ``"choice"`` (one of `choices`) or ``"csv"`` (comma-separated list of strings).
        default: the value used when the user sets nothing; a string for "choice", a tuple
            of strings for "csv".
        help: one sentence for ``--help`` in both tools.
        metavar: placeholder shown in help.
        choices: the legal values of a "choice" option.
    """

    name: str
    kind: str
    default: Any
    help: str
    metavar: str
    choices: tuple[str, ...] = ()

    @property
    def attr(self) -> str:
        """The attribute name both hosts store the value under (``aisec_min_confidence``)."""
        return self.name.replace("-", "_")


_CODE_PREFIX_RE = re.compile(r"^AIS[0-9]{0,3}$")

OPTIONS: tuple[Option, ...] = (
    Option(
        name="aisec-min-confidence",
        kind="choice",
        default="medium",
        choices=("low", "medium", "high"),
        metavar="<low|medium|high>",
        help="Report only findings at or above this confidence (default: medium).",
    ),
    Option(
        name="aisec-enable",
        kind="csv",
        default=(),
        metavar="<codes>",
        help=(
            "Opt-in aisec rules to run, by code or code prefix (e.g. AIS901,AIS9). Opt-in rules "
            "run only when listed here, whatever the host's select or enable says."
        ),
    ),
)


@dataclass(frozen=True)
class Settings:
    """Validated settings for one lint run.

    Attributes:
        min_confidence: findings below this are dropped.
        enable: codes or code prefixes that turn on opt-in rules.
        strict: re-raise internal errors instead of reporting AIS000 (the project's tests
            set this through the environment variable ``AISEC_STRICT=1``).
    """

    min_confidence: Confidence = Confidence.MEDIUM
    enable: tuple[str, ...] = ()
    strict: bool = False

    @classmethod
    def from_mapping(cls, values: Mapping[str, Any], *, strict: bool = False) -> "Settings":
        """Build settings from ``{attr or option name: raw value}`` as a host hands them over.

        Missing keys take the option's default. Raises `OptionError` for an unknown
        confidence or an enable entry that is not an AIS code or prefix.
        """
        def get(opt: Option) -> Any:
            for key in (opt.attr, opt.name):
                if key in values and values[key] is not None:
                    return values[key]
            return opt.default

        conf_raw = str(get(OPTIONS[0])).strip().lower()
        try:
            conf = Confidence(conf_raw)
        except ValueError:
            raise OptionError(
                f"aisec-min-confidence: {conf_raw!r} is not one of low, medium, high"
            ) from None
        enable = tuple(_split_csv(get(OPTIONS[1])))
        for item in enable:
            if not _CODE_PREFIX_RE.match(item):
                raise OptionError(f"aisec-enable: {item!r} is not an AIS code or prefix")
        return cls(min_confidence=conf, enable=enable, strict=strict)

    def rule_selected(self, code: str) -> bool:
        """True when the rule runs: on by default, or opt-in and listed in `enable`."""
        if RULES[code].default_enabled:
            return True
        return any(code.startswith(prefix) for prefix in self.enable)


def _split_csv(value: Any) -> Iterable[str]:
    if isinstance(value, str):
        value = value.split(",")
    for item in value or ():
        item = str(item).strip().upper()
        if item:
            yield item
