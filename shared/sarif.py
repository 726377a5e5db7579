"""SARIF 2.1.0 output, built from the registry for both hosts' formatters.

The flake8 formatter (``--format=aisec-sarif``) and the pylint reporter
(``--output-format=aisec-sarif``) hand over what their host reports, as `SarifResult` records;
`sarif_log` turns them into one SARIF log with a rule descriptor for every code that appears:
id, name, help text and link, CWE tags and GitHub's ``security-severity``. Codes of other
plugins (``E501``, ``W0611``) get a bare descriptor.

No source text is copied into the log (no ``snippet``, no ``contextRegion``), so a secret that a
finding points at never reaches it; messages are the rules' own, masked, messages.

References: OASIS SARIF 2.1.0 (https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html);
GitHub's SARIF support for code scanning
(https://docs.github.com/en/code-security/code-scanning/integrating-with-code-scanning/sarif-support-for-code-scanning),
which reads ``properties.security-severity`` (a number from 0.0 to 10.0, as a string) and
``properties.tags``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import PurePath
from typing import Iterable

from .registry import RULES, Severity

__all__ = ["SarifResult", "sarif_log", "dumps", "SCHEMA_URI"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
TOOL_URI = "https://github.com/aisec-lint/aisec-lint"

# GitHub ranks security-severity > 7.0 high, 4.0-7.0 medium, < 4.0 low.
_SECURITY_SEVERITY = {Severity.HIGH: "8.0", Severity.MEDIUM: "5.5", Severity.LOW: "3.0"}
_LEVEL = {Severity.HIGH: "error", Severity.MEDIUM: "warning", Severity.LOW: "note"}
# SARIF's rank of how often a rule is right; GitHub shows it as "precision".
_PRECISION = {"high": "high", "medium": "medium", "low": "low"}


@dataclass(frozen=True)
class SarifResult:
    """One finding as a host reports it.

    Attributes:
        path: the file as the host names it; made relative to the working directory.
        line: 1-based start line.
        col: 0-based start column (flake8 and pylint both count from 0 internally).
        code: the flake8 code (``AIS101``) or, for pylint, the msgid's code (``AIS101``) or
            another plugin's id.
        message: the message text as shown to the user.
        end_line, end_col: end position (0-based exclusive column) when the host knows it
            (pylint does, flake8 does not).
        confidence: ``high`` / ``medium`` / ``low`` when known.
    """

    path: str
    line: int
    col: int
    code: str
    message: str
    end_line: int | None = None
    end_col: int | None = None
    confidence: str | None = None


def _uri(path: str) -> str:
    p = PurePath(path)
    if p.is_absolute():
        try:
            p = PurePath(os.path.relpath(p))
        except ValueError:  # another drive on Windows
            pass
    text = p.as_posix()
    return text[2:] if text.startswith("./") else text


def _descriptor(code: str) -> dict:
    rule = RULES.get(code)
    if rule is None:
        return {"id": code, "name": code}
    tags = ["security", *(f"external/cwe/cwe-{n}" for n in rule.cwe), *(f"CWE-{n}" for n in rule.cwe)]
    if rule.owasp:
        tags.append(f"external/owasp/{rule.owasp.lower()}")
    if rule.owasp_nhi:
        tags.append(f"external/owasp-nhi/{rule.owasp_nhi.lower()}")
    return {
        "id": code,
        "name": rule.symbol,
        "shortDescription": {"text": rule.summary.split(". ")[0].rstrip(".") + "."},
        "fullDescription": {"text": rule.summary},
        "help": {
            "text": f"{rule.summary} Documentation: {rule.docs_url}",
            "markdown": f"{rule.summary}\n\n[{code} {rule.symbol}]({rule.docs_url})",
        },
        "helpUri": rule.docs_url,
        "defaultConfiguration": {"level": _LEVEL[rule.severity], "enabled": rule.default_enabled},
        "properties": {
            "tags": tags,
            "security-severity": _SECURITY_SEVERITY[rule.severity],
        },
    }


def sarif_log(results: Iterable[SarifResult], *, tool_name: str, tool_version: str) -> dict:
    """A SARIF 2.1.0 log (as a dict) with one run holding `results`, sorted by position.

    Args:
        results: the host's findings.
        tool_name: the driver's name (``"aisec-lint (flake8)"``).
        tool_version: the driver's version.
    """
    ordered = sorted(results, key=lambda r: (_uri(r.path), r.line, r.col, r.code))
    codes = sorted({r.code for r in ordered})
    index = {code: i for i, code in enumerate(codes)}
    out_results = []
    for r in ordered:
        region: dict = {"startLine": max(r.line, 1), "startColumn": max(r.col, 0) + 1}
        if r.end_line is not None and r.end_col is not None and r.end_line >= r.line:
            region["endLine"] = r.end_line
            region["endColumn"] = max(r.end_col, 0) + 1
        rule = RULES.get(r.code)
        result: dict = {
            "ruleId": r.code,
            "ruleIndex": index[r.code],
            "message": {"text": r.message},
            "locations": [{
                "physicalLocation": {
                    "artifactLocation": {"uri": _uri(r.path), "uriBaseId": "%SRCROOT%"},
                    "region": region,
                },
            }],
        }
        if rule is not None:
            result["level"] = _LEVEL[rule.severity]
        if r.confidence in _PRECISION:
            result["properties"] = {"confidence": r.confidence}
        out_results.append(result)
    return {
        "$schema": SCHEMA_URI,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": tool_name,
                    "version": tool_version,
                    "informationUri": TOOL_URI,
                    "rules": [_descriptor(code) for code in codes],
                },
            },
            "columnKind": "unicodeCodePoints",
            "results": out_results,
        }],
    }


def dumps(log: dict) -> str:
    """The log as JSON text, deterministic (sorted keys, two-space indent)."""
    return json.dumps(log, indent=2, sort_keys=True) + "\n"
