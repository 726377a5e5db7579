"""Every option, from every usual config file of each host, reaches the core's settings:
setup.cfg, tox.ini and .flake8 for flake8; pyproject.toml and pylintrc for pylint."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from aisec_shared import OPTIONS, Settings

VALUES = {
    "aisec-min-confidence": "high",
    "aisec-enable": ["AIS9", "AIS001"],
    "aisec-extra-sources": ["myapp.web.params"],
    "aisec-extra-sanitizers": ["myapp.clean:html|template"],
    "aisec-extra-sinks": ["myapp.db.run:sql"],
    "aisec-baseline": "BASELINE",
    "aisec-secret-names": ["passphrase", "pin"],
    "aisec-ignore-names": ["*_token_url"],
    "aisec-entropy-threshold": "3.5",
    "aisec-test-paths": ["spec/*"],
    "aisec-secrets-in-tests": "skip",
    "aisec-auth-decorators": ["myapp.auth.require_user"],
    "aisec-auth-dependencies": ["myapp.deps.current_user"],
    "aisec-permission-checks": ["check_owner"],
    "aisec-admin-decorators": ["admin_only"],
    "aisec-max-token-lifetime": "15m",
    "aisec-max-session-lifetime": "7d",
}


def _expected(baseline: str) -> Settings:
    values = {k: (baseline if v == "BASELINE" else v) for k, v in VALUES.items()}
    return Settings.from_mapping(values, strict=True)  # the suite runs with AISEC_STRICT=1


@pytest.fixture()
def project(tmp_path, monkeypatch) -> Path:
    (tmp_path / "baseline.json").write_text(json.dumps({"tool": "aisec-lint", "version": 1, "fingerprints": []}))
    (tmp_path / "m.py").write_text("x = 1\n")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def _value(v, baseline: str, sep: str = ", ") -> str:
    if v == "BASELINE":
        return baseline
    return sep.join(v) if isinstance(v, list) else v


def test_every_option_is_covered():
    assert set(VALUES) == {o.name for o in OPTIONS}


@pytest.mark.parametrize("name", ["setup.cfg", "tox.ini", ".flake8"])
def test_flake8_config_files(project, name):
    from flake8.api import legacy

    from flake8_aisec import AisecChecker

    baseline = str(project / "baseline.json")
    body = "".join(f"{k} = {_value(v, baseline)}\n" for k, v in VALUES.items())
    (project / name).write_text("[flake8]\nselect = AIS\n" + body)
    legacy.get_style_guide()
    assert AisecChecker.settings == _expected(baseline)


def _pylint_settings(project: Path, *args: str) -> Settings:
    from pylint.lint import Run

    from aisec_shared import settings_from_host

    run = Run(["--load-plugins=pylint_aisec", "--disable=all", "--enable=aisec", *args, "m.py"], exit=False)
    return settings_from_host(vars(run.linter.config))


def test_pylint_pyproject_toml(project, capsys):
    baseline = str(project / "baseline.json")
    lines = []
    for k, v in VALUES.items():
        value = baseline if v == "BASELINE" else v
        lines.append(f"{k} = {json.dumps(value)}")
    (project / "pyproject.toml").write_text(
        '[tool.pylint.main]\nload-plugins = ["pylint_aisec"]\n[tool.pylint.aisec]\n' + "\n".join(lines) + "\n"
    )
    assert _pylint_settings(project) == _expected(baseline)


def test_pylint_pylintrc(project, capsys):
    baseline = str(project / "baseline.json")
    body = "".join(f"{k}={_value(v, baseline, ',')}\n" for k, v in VALUES.items())
    (project / "pylintrc").write_text("[MAIN]\nload-plugins=pylint_aisec\n[AISEC]\n" + body)
    assert _pylint_settings(project, f"--rcfile={project / 'pylintrc'}") == _expected(baseline)


