"""The secrets options' effect on AIS101 (hardcoded-secret), through the core and both hosts.

aisec-secret-names, aisec-ignore-names, aisec-entropy-threshold, aisec-test-paths and
aisec-secrets-in-tests; the latter also decides AIS103-AIS105 and AIS106's name-only findings
in test files, while AIS102 (credential formats) must not be affected by the test-file
handling.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest
from annotations import TEST_KEYS
from conftest import flake8_findings, pylint_findings, run_flake8, run_pylint

from aisec_shared import OptionError, Settings, check_source
from aisec_shared.analysis.words import secret_name_kind, shannon_entropy

APP = "src/app/config.py"
TEST_FILE = "tests/test_login.py"


def _findings(src: str, filename: str = APP, **options) -> list[tuple[int, str, str]]:
    """``[(line, code, confidence)]`` with only the secrets rules, at every confidence."""
    values = {"aisec_min_confidence": "low", **options}
    settings = Settings.from_mapping(values, strict=True)
    found = check_source(textwrap.dedent(src), filename, settings, only=["AIS101", "AIS102"])
    return [(f.line, f.code, f.confidence.value) for f in found]


# ------------------------------------------------------------------ aisec-entropy-threshold
def test_entropy_threshold_decides_high_or_medium():
    src = 'API_TOKEN = "k3y-m4t3r14l-01"\n'  # 3.37 bits per character
    assert 3.3 < shannon_entropy("k3y-m4t3r14l-01") < 3.4
    assert _findings(src) == [(1, "AIS101", "high")]
    assert _findings(src, aisec_entropy_threshold="3.0") == [(1, "AIS101", "high")]
    assert _findings(src, aisec_entropy_threshold="3.5") == [(1, "AIS101", "medium")]
    assert _findings(src, aisec_entropy_threshold="0") == [(1, "AIS101", "high")]


def test_entropy_threshold_never_makes_a_weak_value_high():
    # One character class / only words: medium whatever the threshold.
    src = 'DB_PASSWORD = "supersecretkey"\nPIN_PASSWORD = "84113927"\n'
    assert _findings(src, aisec_entropy_threshold="0") == [(1, "AIS101", "medium"), (2, "AIS101", "medium")]


def test_entropy_threshold_is_validated():
    with pytest.raises(OptionError, match="aisec-entropy-threshold"):
        Settings.from_mapping({"aisec_entropy_threshold": "high"})


# ------------------------------------------------------------------ aisec-secret-names
def test_secret_names_add_words_and_phrases():
    src = '''\
        user_pin = "8841"
        LicenseKey = "LK-2291-xq8w-Z"
        LICENSEKEY = "LK-2291-xq8w-Z"
        get_pin = "8841"
        '''
    assert _findings(src) == []
    got = _findings(src, aisec_secret_names="pin, license_key")
    # A declared word's short value counts like a password's; names of actions stay out.
    assert got == [(1, "AIS101", "medium"), (2, "AIS101", "high"), (3, "AIS101", "high")]


def test_secret_names_reach_every_binding_form():
    src = '''\
        cfg = {"unlock_pin": "Xq81-Tv7z"}
        connect(unlock_pin="Xq81-Tv7z")

        def f(unlock_pin="Xq81-Tv7z"):
            return unlock_pin
        '''
    assert _findings(src, aisec_secret_names="pin") == [(1, "AIS101", "high"), (2, "AIS101", "high"), (4, "AIS101", "high")]


def test_secret_name_kind_keeps_its_old_signature():
    assert secret_name_kind("db_password") == "password"
    assert secret_name_kind("user_pin") is None
    assert secret_name_kind("user_pin", ("pin",)) == "pin"
    assert secret_name_kind("LicenseKey", ["license_key"]) == "license key"
    assert secret_name_kind("NextToken", ()) is None


# ------------------------------------------------------------------ aisec-ignore-names
def test_ignore_names_are_case_insensitive_shell_patterns():
    src = '''\
        DB_PASSWORD = "Pg9-prod-Kx72vd"
        cfg = {"db_password": "Pg9-prod-Kx72vd"}
        connect(db_password="Pg9-prod-Kx72vd")
        SMTP_PASSWORD = "Pg9-prod-Kx72vd"
        '''
    assert [line for line, _c, _conf in _findings(src)] == [1, 2, 3, 4]
    assert _findings(src, aisec_ignore_names="DB_*") == [(4, "AIS101", "high")]
    assert _findings(src, aisec_ignore_names="smtp_password,db_password") == []


def test_ignore_names_do_not_hide_credential_formats():
    src = f'ci_token = "{TEST_KEYS["GITHUB_PAT"]}"\n'
    assert _findings(src, aisec_ignore_names="ci_token") == [(1, "AIS102", "high")]


# ------------------------------------------------------------------ test paths
SECRET_SRC = 'DB_PASSWORD = "Pg9-prod-Kx72vd"\n'


@pytest.mark.parametrize(
    "choice, expected",
    [
        ("report", [(1, "AIS101", "high")]),
        ("low", [(1, "AIS101", "low")]),
        ("skip", []),
    ],
)
def test_secrets_in_tests_choices(choice, expected):
    assert _findings(SECRET_SRC, TEST_FILE, aisec_secrets_in_tests=choice) == expected
    # Outside test paths the choice changes nothing.
    assert _findings(SECRET_SRC, APP, aisec_secrets_in_tests=choice) == [(1, "AIS101", "high")]


def test_secrets_in_tests_default_is_low_and_hidden_at_the_default_confidence():
    assert Settings.from_mapping({}).secrets_in_tests == "low"
    assert _findings(SECRET_SRC, TEST_FILE) == [(1, "AIS101", "low")]
    assert check_source(SECRET_SRC, TEST_FILE, Settings(strict=True)) == []
    assert [f.code for f in check_source(SECRET_SRC, APP, Settings(strict=True))] == ["AIS101"]


@pytest.mark.parametrize(
    "filename",
    ["tests/test_login.py", "pkg/tests/helpers.py", "test_login.py", "login_test.py", "conftest.py", "a\\tests\\b.py", "tests.py", "shop/tests.py"],
)
def test_default_test_paths(filename):
    assert _findings(SECRET_SRC, filename) == [(1, "AIS101", "low")]


def test_custom_test_paths_replace_the_defaults():
    options = {"aisec_test_paths": "spec/*,*_spec.py", "aisec_secrets_in_tests": "skip"}
    assert _findings(SECRET_SRC, "spec/login.py", **options) == []
    assert _findings(SECRET_SRC, "login_spec.py", **options) == []
    assert _findings(SECRET_SRC, TEST_FILE, **options) == [(1, "AIS101", "high")]


@pytest.mark.parametrize("choice", ["report", "low", "skip"])
def test_credential_formats_are_reported_in_tests_whatever_the_choice(choice):
    src = f'GITHUB_TOKEN = "{TEST_KEYS["GITHUB_PAT"]}"\nDB_PASSWORD = "Pg9-prod-Kx72vd"\n'
    got = _findings(src, TEST_FILE, aisec_secrets_in_tests=choice)
    assert (1, "AIS102", "high") in got
    assert [f for f in got if f[1] == "AIS101"] == {
        "report": [(2, "AIS101", "high")], "low": [(2, "AIS101", "low")], "skip": []
    }[choice]


# One finding of each other rule that rests on a name, a keyword or a string's shape.
SHAPE_SRC = """\
import logging
import os

import requests
from flask import Flask

DATABASE_URL = "postgresql://app:Pg9-prod-Kx72vd@db.internal:5432/app"
smtp_password = os.getenv("SMTP_PASSWORD", "Pg9-prod-Kx72vd")
app = Flask(__name__)
app.secret_key = "dj-7f#k2!x0q9zv-Lm"
requests.get("https://api.internal/v1", headers={"Authorization": "Bearer Zq81Tv7zPk02Lm9x"})


def login(api_key):
    logging.info("key %s", api_key)
"""
SHAPE_FOUND = [(7, "AIS103", "high"), (8, "AIS104", "high"), (10, "AIS105", "high"), (11, "AIS103", "high"), (15, "AIS106", "medium")]


def _shape_findings(filename: str, **options: str) -> list[tuple[int, str, str]]:
    settings = Settings.from_mapping({"aisec_min_confidence": "low", **options}, strict=True)
    found = check_source(SHAPE_SRC, filename, settings, only=["AIS103", "AIS104", "AIS105", "AIS106"])
    return [(f.line, f.code, f.confidence.value) for f in found]


@pytest.mark.parametrize("choice", ["report", "low", "skip", None])
def test_secrets_in_tests_decides_the_other_shape_based_secret_rules(choice):
    options = {} if choice is None else {"aisec_secrets_in_tests": choice}
    assert _shape_findings(APP, **options) == SHAPE_FOUND
    expected = {
        "report": SHAPE_FOUND,
        "low": [(line, code, "low") for line, code, _conf in SHAPE_FOUND],
        None: [(line, code, "low") for line, code, _conf in SHAPE_FOUND],  # the default is low
        "skip": [],
    }[choice]
    assert _shape_findings(TEST_FILE, **options) == expected


def test_placeholder_headers_in_tests_are_hidden_at_the_default_confidence():
    # fastapi's and httpx's own tests: "Bearer testtoken", a password in an example.org URL.
    src = """\
import httpx

def test_auth(client):
    client.get("/me", headers={"Authorization": "Bearer testtoken"})
    client.get("/me", headers={"Authorization": "Other foobar"})
    httpx.get("https://user:password123@example.org/")
"""
    assert [f.code for f in check_source(src, APP, Settings(strict=True))] != []
    assert check_source(src, TEST_FILE, Settings(strict=True)) == []


def test_development_settings_stay_low_even_when_tests_are_reported():
    src = 'SECRET_KEY = "dj-7f#k2!x0q9zv-Lm"\nDEBUG = True\nALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = []\n'
    assert _findings(src, "myproj/settings/dev.py", aisec_secrets_in_tests="report") == [(1, "AIS101", "low")]
    assert _findings(src, "myproj/settings/prod.py", aisec_secrets_in_tests="report") == [(1, "AIS101", "high")]


# ------------------------------------------------------------------ both hosts
URL_SRC = 'BROKER_URL = "amqp://app:Pg9-prod-Kx72vd@mq.internal:5672//"\n'  # AIS103, line 3


def _tree(tmp_path: Path) -> tuple[Path, Path]:
    tests_dir = tmp_path / "proj" / "tests"
    tests_dir.mkdir(parents=True)
    in_tests = tests_dir / "test_login.py"
    in_app = tmp_path / "proj" / "app.py"
    in_tests.write_text(SECRET_SRC + 'user_pin = "Xq81-Tv7z"\n' + URL_SRC, encoding="utf-8")
    in_app.write_text(SECRET_SRC + 'user_pin = "Xq81-Tv7z"\n' + URL_SRC, encoding="utf-8")
    return in_tests.resolve(), in_app.resolve()


def _flake8(paths: list[Path], *extra: str, code: str = "AIS101") -> dict[str, list[int]]:
    proc = run_flake8(paths, *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    found = {p: sorted(line for line, _c, c, _m in rows if c == code) for p, rows in flake8_findings(proc).items()}
    return {p: lines for p, lines in found.items() if lines}


_SYMBOLS = {"AIS101": "hardcoded-secret", "AIS103": "hardcoded-connection-credential"}


def _pylint(paths: list[Path], *extra: str, code: str = "AIS101") -> dict[str, list[int]]:
    proc = run_pylint(paths, *extra)
    assert "Traceback" not in proc.stderr, proc.stderr
    found = {p: sorted(m["line"] for m in msgs if m["symbol"] == _SYMBOLS[code]) for p, msgs in pylint_findings(proc).items()}
    return {p: lines for p, lines in found.items() if lines}


@pytest.mark.parametrize("host", [_flake8, _pylint])
def test_hosts_secrets_in_tests(tmp_path, host):
    in_tests, in_app = _tree(tmp_path)
    paths = [in_tests, in_app]
    assert host(paths) == {str(in_app): [1]}
    assert host(paths, "--aisec-secrets-in-tests=report") == {str(in_tests): [1], str(in_app): [1]}
    assert host(paths, "--aisec-secrets-in-tests=low", "--aisec-min-confidence=low") == {str(in_tests): [1], str(in_app): [1]}
    assert host(paths, "--aisec-secrets-in-tests=skip", "--aisec-min-confidence=low") == {str(in_app): [1]}


@pytest.mark.parametrize("host", [_flake8, _pylint])
def test_hosts_secrets_in_tests_for_connection_strings(tmp_path, host):
    in_tests, in_app = _tree(tmp_path)
    paths = [in_tests, in_app]
    assert host(paths, code="AIS103") == {str(in_app): [3]}
    assert host(paths, "--aisec-secrets-in-tests=report", code="AIS103") == {str(in_tests): [3], str(in_app): [3]}
    assert host(paths, "--aisec-secrets-in-tests=skip", "--aisec-min-confidence=low", code="AIS103") == {str(in_app): [3]}


@pytest.mark.parametrize("host", [_flake8, _pylint])
def test_hosts_secret_and_ignore_names(tmp_path, host):
    _in_tests, in_app = _tree(tmp_path)
    assert host([in_app], "--aisec-secret-names=pin") == {str(in_app): [1, 2]}
    assert host([in_app], "--aisec-secret-names=pin", "--aisec-ignore-names=db_*") == {str(in_app): [2]}


@pytest.mark.parametrize("host", [_flake8, _pylint])
def test_hosts_entropy_threshold(tmp_path, host):
    path = tmp_path / "thresholds.py"
    path.write_text('API_TOKEN = "k3y-m4t3r14l-01"\n', encoding="utf-8")
    path = path.resolve()
    assert host([path], "--aisec-min-confidence=high") == {str(path): [1]}
    assert host([path], "--aisec-min-confidence=high", "--aisec-entropy-threshold=3.5") == {}


def test_test_paths_do_not_depend_on_where_the_checkout_sits(tmp_path):
    """pylint names files by absolute path, flake8 as given: a project checked out under a
    directory named ``test`` is not test code in either host (found by a break-it run)."""
    proj = tmp_path / "test" / "proj"
    (proj / "tests").mkdir(parents=True)
    app, in_tests = proj / "app.py", proj / "tests" / "test_app.py"
    for path in (app, in_tests):
        path.write_text(SECRET_SRC, encoding="utf-8")
    flake8 = flake8_findings(run_flake8([Path("app.py"), Path("tests/test_app.py")], cwd=proj))
    pylint = pylint_findings(run_pylint([Path("app.py"), Path("tests/test_app.py")], cwd=proj))
    # flake8 prints the paths as given (relative to proj), pylint absolute ones: compare names.
    assert {Path(p).name: [row[2] for row in rows] for p, rows in flake8.items()} == {"app.py": ["AIS101"]}
    assert {Path(p).name: [m["symbol"] for m in msgs] for p, msgs in pylint.items()} == {"app.py": ["hardcoded-secret"]}
    # The core, given absolute paths under the current directory, agrees.
    import os

    cwd = os.getcwd()
    try:
        os.chdir(proj)
        assert _findings(SECRET_SRC, str(app)) == [(1, "AIS101", "high")]
        assert _findings(SECRET_SRC, str(in_tests)) == [(1, "AIS101", "low")]
    finally:
        os.chdir(cwd)


def test_settings_profile_reads_the_path_below_the_current_directory(tmp_path, monkeypatch):
    # A production settings module of a project checked out under ~/tests/ stays production.
    src = 'SECRET_KEY = "dj-7f#k2!x0q9zv-Lm"\nDEBUG = True\nALLOWED_HOSTS = ["*"]\nINSTALLED_APPS = []\n'
    proj = tmp_path / "tests" / "proj"
    proj.mkdir(parents=True)
    monkeypatch.chdir(proj)
    prod = str(proj / "myproj" / "settings" / "prod.py")
    assert _findings(src, prod, aisec_secrets_in_tests="report") == [(1, "AIS101", "high")]
    assert _findings(src, str(proj / "myproj" / "settings" / "dev.py"), aisec_secrets_in_tests="report") == [(1, "AIS101", "low")]
