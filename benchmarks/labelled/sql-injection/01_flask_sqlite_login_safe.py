# category: sql-injection
# label: safe
# source: OWASP SQL Injection Prevention Cheat Sheet, "Defense Option 1: Prepared Statements (with Parameterized Queries)"
# expect: none
# note: The username is passed as a bound sqlite3 parameter (?), so it is never parsed as SQL.
import sqlite3

from flask import Flask, jsonify, request
from werkzeug.security import check_password_hash

app = Flask(__name__)
DB_PATH = "app.db"


@app.post("/login")
def login():
    username = request.form["username"]
    conn = sqlite3.connect(DB_PATH)
    row = conn.execute(
        "SELECT id, pw_hash FROM users WHERE username = ?", (username,)
    ).fetchone()
    conn.close()
    if row is None or not check_password_hash(row[1], request.form["password"]):
        return jsonify(error="invalid credentials"), 401
    return jsonify(user_id=row[0])
