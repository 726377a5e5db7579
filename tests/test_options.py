"""Options: validation, opt-in rules through aisec-enable, and pylint's old_names."""

from __future__ import annotations


import pytest

from aisec_shared import OPTIONS, RULES, Confidence, OptionError, Settings, check_source
from aisec_shared import engine, options, registry

TOKEN_SRC = "import random\n\ndef reset_token():\n    return str(random.random())\n"


def test_defaults():
    s = Settings.from_mapping({})
    assert s.min_confidence is Confidence.MEDIUM and s.enable == () and not s.strict


@pytest.mark.parametrize(
    "values, expected",
    [
        ({"aisec_min_confidence": "HIGH"}, Confidence.HIGH),
        ({"aisec-min-confidence": " low "}, Confidence.LOW),
    ],
)
def test_min_confidence_parsing(values, expected):
    assert Settings.from_mapping(values).min_confidence is expected


@pytest.mark.parametrize("values", [{"aisec_min_confidence": "certain"}, {"aisec_enable": "B101"}, {"aisec_enable": ["AIS1234"]}])
def test_invalid_values_raise(values):
    with pytest.raises(OptionError):
        Settings.from_mapping(values)


def test_enable_accepts_lists_and_csv():
    assert Settings.from_mapping({"aisec_enable": "ais9, AIS203"}).enable == ("AIS9", "AIS203")
    assert Settings.from_mapping({"aisec_enable": ["AIS901"]}).enable == ("AIS901",)


@pytest.fixture
def ais203_opt_in(monkeypatch):
    """Pretend AIS203 were an opt-in rule (none of the first ten is)."""
    patched = dict(RULES)
    patched["AIS203"] = RULES["AIS203"]._replace(default_enabled=False)
    for module in (registry, options, engine):
        monkeypatch.setattr(module, "RULES", patched)
    engine.clear_caches()  # the rule selection per settings is cached: work it out again
    yield
    monkeypatch.undo()
    engine.clear_caches()


def test_opt_in_rule_runs_only_when_listed(ais203_opt_in):
    assert check_source(TOKEN_SRC, "t.py", Settings(strict=True)) == []
    for listed in (("AIS203",), ("AIS2",), ("AIS",)):
        found = check_source(TOKEN_SRC, "t.py", Settings(strict=True, enable=listed))
        assert [f.code for f in found] == ["AIS203"], listed
    # The host's own selection cannot turn an opt-in rule on.
    assert check_source(TOKEN_SRC, "t.py", Settings(strict=True), only=["AIS203"]) == []


def test_default_rules_run_without_enable():
    assert [f.code for f in check_source(TOKEN_SRC, "t.py", Settings(strict=True))] == ["AIS203"]


def test_every_option_reaches_both_hosts():
    import pylint_aisec
    from flake8_aisec import AisecChecker

    class Manager:
        def __init__(self):
            self.names = []

        def add_option(self, name, **kw):
            assert kw["parse_from_config"] is True
            self.names.append(name)

    manager = Manager()
    AisecChecker.add_options(manager)
    assert manager.names == [f"--{o.name}" for o in OPTIONS]
    assert [name for name, _ in pylint_aisec._host_options()] == [o.name for o in OPTIONS]


def test_pylint_messages_carry_old_names(monkeypatch):
    import pylint_aisec

    renamed = RULES["AIS101"]._replace(old_names=(("W7199", "hardcoded-password"),))
    monkeypatch.setitem(RULES, "AIS101", renamed)
    cls = pylint_aisec._checker_class(1, pylint_aisec._Run(), with_options=False)
    assert cls.msgs["W7101"][3]["old_names"] == [("W7199", "hardcoded-password")]
    assert cls.name == "aisec"


EXTRA_SRC = '''\
import subprocess
from myapp.web import current_params, run_query
from myapp.text import quote_it


def view():
    q = current_params()["q"]
    run_query(f"SELECT * FROM t WHERE a = '{q}'")
    subprocess.run("grep " + quote_it(q), shell=True)
    subprocess.run("grep " + q, shell=True)
'''


def test_extra_sources_sinks_and_sanitizers():
    plain = check_source(EXTRA_SRC, "x.py", Settings(strict=True))
    assert [(f.line, f.code, f.confidence) for f in plain] == [
        (9, "AIS402", Confidence.MEDIUM), (10, "AIS402", Confidence.MEDIUM)
    ]
    taught = Settings.from_mapping(
        {
            "aisec_extra_sources": "myapp.web.current_params",
            "aisec_extra_sinks": "myapp.web.run_query:sql",
            "aisec_extra_sanitizers": "myapp.text.quote_it:shell",
        },
        strict=True,
    )
    found = check_source(EXTRA_SRC, "x.py", taught)
    assert [(f.line, f.code, f.confidence) for f in found] == [(8, "AIS401", Confidence.HIGH), (10, "AIS402", Confidence.HIGH)]
    assert "myapp.web.current_params" in found[0].message


@pytest.mark.parametrize(
    "values",
    [
        {"aisec_extra_sinks": "myapp.db.run"},  # no kind
        {"aisec_extra_sinks": "myapp.db.run:nonsense"},
        {"aisec_extra_sanitizers": "not a name"},
        {"aisec_extra_sources": "1bad.name"},
    ],
)
def test_extra_options_are_validated(values):
    with pytest.raises(OptionError):
        Settings.from_mapping(values)


def test_enable_refuses_codes_that_match_no_rule():
    from aisec_shared import OptionError

    with pytest.raises(OptionError, match="matches no aisec rule"):
        Settings.from_mapping({"aisec_enable": "AIS999"})
    assert Settings.from_mapping({"aisec_enable": "AIS9"}).enable == ("AIS9",)
