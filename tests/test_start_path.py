"""What every flake8 start pays for (issue 8, figure 5): the plugin's import and, at the first
file, every rule module. Work that only some runs need stays off that path."""

from __future__ import annotations

import subprocess
import sys

# Loads what a flake8 start loads: both entry points and every rule, opt-in rules included.
_START = (
    "import sys, flake8_aisec, flake8_aisec.sarif\n"
    "from aisec_shared import RULES, engine\n"
    "for code in RULES:\n"
    "    if code != 'AIS000':\n"
    "        engine._checks_for(code)\n"
)


def _after_start(report: str) -> str:
    """What `report` (Python source) prints in a fresh interpreter after `_START`."""
    out = subprocess.run([sys.executable, "-c", _START + report], capture_output=True, text=True, check=True)
    return out.stdout.strip()


def test_the_start_path_builds_no_dataclass():
    """A dataclass compiles its generated methods at each import (about 1 ms each for
    `Finding` and `Settings`, which are NamedTuples for that reason). Only modules loaded on
    request may use them: the SARIF writer and the docs generator."""
    found = _after_start(
        "print(sorted(f'{name}.{attr}' for name, module in list(sys.modules.items())\n"
        "             if name.split('.')[0] in ('aisec_shared', 'flake8_aisec')\n"
        "             for attr, value in vars(module).items()\n"
        "             if isinstance(value, type) and '__dataclass_fields__' in vars(value)))\n"
    )
    assert found == "[]"


def test_modules_loaded_on_request_stay_unloaded():
    loaded = _after_start("print(sorted(m for m in ('aisec_shared.sarif', 'aisec_shared.docs') if m in sys.modules))")
    assert loaded == "[]"
