"""Call dispatch by callee name: checks declare ``callees`` and still see what they report on."""

from __future__ import annotations

import ast

import pytest

from aisec_shared import RULES, Settings, check_source
from aisec_shared.engine import _checks_for

STRICT = Settings(strict=True)

# Rule modules whose ast.Call checks must declare `callees` (see checks.on).
LISTED = (
    "ais204_insecure_cookie",
    *(m for m in (r.module for r in RULES.values()) if m.startswith(tuple(f"ais4{n:02d}_" for n in range(3, 15)))),
    "ais602_tls_verification_disabled",
    "ais801_model_output_to_sink",
)

# Checks that must see every call, and why. Keep each one cheap for calls it does not report on.
ANY_CALL = {
    ("ais204_insecure_cookie", "check_call"):
        "flags SESSION_COOKIE_SECURE=False (and friends) passed as a keyword to any callee "
        "(config.update, dict, override_settings, ...)",
    ("ais403_nosql_injection", "check_raw_query"):
        "MongoEngine's __raw__= keyword may be passed to any queryset method; the named sinks are in check_call",
    ("ais409_open_redirect", "check_redirect"):
        "Location headers: response constructors are recognised by pattern (any <framework>.*Response class, "
        "*make_response), an open set of callee names",
    ("ais410_header_injection", "check_header"):
        "response headers= of constructors recognised by pattern (any <framework>.*Response class, *make_response)",
    ("ais413_xpath_injection", "check_object_call"):
        "XPathEvaluator / XSLT objects are called under whatever local name holds them; the named sinks are in check_call",
    ("ais602_tls_verification_disabled", "check_call"):
        "verify=False / ssl=False / cert_reqs=CERT_NONE on any requests.*, httpx.* or aiohttp.* callable, "
        "client methods and any callee for cert_reqs",
}


def _call_checks():
    for code, rule in RULES.items():
        if rule.module in LISTED:
            for node_type, fn, callees in _checks_for(code):
                if node_type is ast.Call:
                    yield rule.module, fn.__name__, callees


def test_listed_modules_exist():
    modules = {r.module for r in RULES.values()}
    assert set(LISTED) <= modules
    assert len(LISTED) == 15


def test_every_call_check_declares_callees_unless_allowed():
    undeclared = {(module, name) for module, name, callees in _call_checks() if callees is None}
    assert undeclared <= set(ANY_CALL), f"ast.Call checks without callees=: {sorted(undeclared - set(ANY_CALL))}"
    assert set(ANY_CALL) <= undeclared, f"allow-list entries that declare callees now: {sorted(set(ANY_CALL) - undeclared)}"


def test_declared_callees_are_plain_names():
    for module, name, callees in _call_checks():
        if callees is not None:
            assert callees and all(c.isidentifier() for c in callees), (module, name)


def test_aliased_import_still_reaches_its_check():
    src = (
        "from flask import Flask, request\n"
        "from pickle import loads as l\n"
        "\n"
        "app = Flask(__name__)\n"
        "\n"
        "@app.route('/load', methods=['POST'])\n"
        "def load():\n"
        "    return l(request.data)\n"
    )
    found = [(f.line, f.code) for f in check_source(src, "app.py", STRICT)]
    assert (8, "AIS414") in found
    # the alias is dispatched by the imported name, not by the local one
    assert [(f.line, f.code) for f in check_source(src.replace("loads as l", "dumps as l"), "app.py", STRICT)] == []


@pytest.mark.parametrize(
    ("sink", "code", "call"),
    [
        ("myapp.store.run_query:nosql", "AIS403", "run_query(request.get_json())"),
        ("myapp.store.thaw:deserialize", "AIS414", "thaw(request.data)"),
    ],
)
def test_extra_sinks_reach_callee_filtered_checks(sink, code, call):
    src = (
        "from flask import Flask, request\n"
        f"from myapp.store import {call.split('(')[0]}\n"
        "app = Flask(__name__)\n"
        "@app.route('/x', methods=['POST'])\n"
        "def view():\n"
        f"    return {call}\n"
    )
    settings = Settings(strict=True, extra_sinks=(sink,))
    assert (6, code) in [(f.line, f.code) for f in check_source(src, "app.py", settings)]
