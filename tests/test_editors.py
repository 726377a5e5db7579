"""What editors show: the range pylint reports (line, column, end line, end column) covers the
guilty expression exactly, so VS Code and PyCharm underline the right text."""

from __future__ import annotations

import textwrap

from conftest import ROOT, pylint_findings, run_pylint

SOURCE = textwrap.dedent('''\
    import sqlite3
    import subprocess

    import requests
    from flask import Flask, request

    app = Flask(__name__)


    @app.get("/user")
    def user():
        conn = sqlite3.connect("app.db")
        name = request.args["name"]
        rows = conn.execute(f"SELECT * FROM users WHERE name = '{name}'").fetchall()
        subprocess.run("ping -c 1 " + request.args["host"], shell=True)
        requests.get(
            "https://10.0.0.7/health",
            verify=False,
        )
        return {"rows": rows}
    ''')

EXPECTED = {
    "sql-injection": "f\"SELECT * FROM users WHERE name = '{name}'\"",
    "command-injection": '"ping -c 1 " + request.args["host"]',
    "tls-verification-disabled": "False",
}


def _span(lines: list[str], msg: dict) -> str:
    first, last = msg["line"] - 1, msg["endLine"] - 1
    if first == last:
        return lines[first][msg["column"]:msg["endColumn"]]
    return lines[first][msg["column"]:] + "".join(lines[first + 1:last]) + lines[last][:msg["endColumn"]]


def test_pylint_ranges_cover_the_guilty_expression(tmp_path):
    path = tmp_path / "views.py"
    path.write_text(SOURCE, encoding="utf-8")
    found = pylint_findings(run_pylint([path]))[str(path.resolve())]
    lines = SOURCE.splitlines(keepends=True)
    got = {m["symbol"]: _span(lines, m) for m in found}
    assert got == EXPECTED


def test_help_msg_links_the_rule_page():
    import subprocess
    import sys

    from aisec_shared import RULES

    rule = RULES["AIS602"]
    proc = subprocess.run(
        [sys.executable, "-m", "pylint", "--load-plugins=pylint_aisec", f"--help-msg={rule.symbol}"],
        capture_output=True, text=True, check=False,
    )
    assert rule.docs_url in "".join(line.strip() for line in proc.stdout.splitlines())  # pylint wraps lines
    assert (ROOT / "docs" / "rules" / "AIS602.md").exists()
