"""The README's CI section works as it stands: the workflow is valid YAML whose commands run,
and the pre-commit hooks' entries run."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys

import yaml
from conftest import EXAMPLES, ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _workflow() -> dict:
    m = re.search(r"```yaml\n(name: aisec-lint\n.*?)```", README, re.DOTALL)
    assert m, "README lacks the GitHub workflow"
    return yaml.safe_load(m.group(1))


def _run(command: str, cwd) -> subprocess.CompletedProcess:
    argv = shlex.split(command)
    tool = {"flake8": [sys.executable, "-m", "flake8"], "pylint": [sys.executable, "-m", "pylint"]}[argv[0]]
    return subprocess.run([*tool, *argv[1:]], capture_output=True, text=True, cwd=cwd, check=False)


def test_workflow_is_a_valid_github_workflow():
    wf = _workflow()
    assert wf["permissions"]["security-events"] == "write"
    steps = wf["jobs"]["aisec"]["steps"]
    uses = [s.get("uses", "") for s in steps]
    assert any(u.startswith("actions/checkout@") for u in uses)
    assert any(u.startswith("github/codeql-action/upload-sarif@") for u in uses)


def test_workflow_commands_run_and_write_sarif(tmp_path):
    shutil.copytree(EXAMPLES / "vulnerable_app", tmp_path / "vulnerable_app")
    steps = _workflow()["jobs"]["aisec"]["steps"]
    runs = [s["run"] for s in steps if "run" in s and s["run"].startswith("flake8")]
    sarif_step, gate_step = runs
    proc = _run(sarif_step, tmp_path)
    assert proc.returncode == 0, proc.stderr  # --exit-zero: the upload step must still run
    log = json.loads((tmp_path / "aisec.sarif").read_text(encoding="utf-8"))
    assert log["runs"][0]["results"]
    assert _run(gate_step, tmp_path).returncode == 1  # findings fail the job


def test_pre_commit_hooks_run():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert {h["id"] for h in hooks} == {"aisec-flake8", "aisec-pylint"}
    target = EXAMPLES / "vulnerable_app" / "ops.py"
    for hook in hooks:
        proc = _run(f"{hook['entry']} {target}", ROOT)
        assert "Traceback" not in proc.stderr
        assert proc.returncode != 0 and ("AIS602" in proc.stdout or "tls-verification-disabled" in proc.stdout)
