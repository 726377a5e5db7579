"""Flask entry point for the shop API."""

import hashlib
import json
import os

from flask import Flask, g, jsonify, make_response, request

from . import auth, db, ops, settings

app = Flask(__name__)
app.config.from_object(settings)

username_field = "username"
password_field = "password"
SESSION_MAX_AGE = 3600


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    password = data.get(password_field, "")
    if len(password) < settings.PASSWORD_MIN_LENGTH:
        return jsonify({"error": f"password must be at least {settings.PASSWORD_MIN_LENGTH} characters"}), 400
    if auth.is_password_breached(password):
        return jsonify({"error": "this password appears in a known data breach; choose another"}), 400
    if db.get_user_by_username(data[username_field]) is not None:
        return jsonify({"error": "username taken"}), 409
    user_id = db.create_user(data[username_field], data["email"], password)
    return jsonify({"id": user_id}), 201


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    user = auth.authenticate(data.get(username_field, ""), data.get(password_field, ""))
    if user is None:
        return jsonify({"error": "invalid credentials"}), 401
    access_token = auth.create_access_token(user["id"], user["is_admin"])
    session_id = auth.generate_session_id()
    token_type = "bearer"
    resp = make_response(jsonify({"access_token": access_token, "token_type": token_type}))
    resp.set_cookie(
        "session_id",
        session_id,
        max_age=SESSION_MAX_AGE,
        secure=True,
        httponly=True,
        samesite="Lax",
    )
    return resp


@app.route("/logout", methods=["POST"])
def logout():
    resp = make_response(jsonify({"message": "logged out"}))
    resp.delete_cookie("session_id", secure=True, httponly=True, samesite="Lax")
    return resp


@app.route("/preferences/theme", methods=["POST"])
def set_theme():
    theme = request.form.get("theme", "light")
    resp = make_response(jsonify({"theme": theme}))
    resp.set_cookie("theme", theme, max_age=365 * 24 * 3600, samesite="Lax")
    return resp


@app.route("/password-reset", methods=["POST"])
def request_password_reset():
    username = request.form["username"]
    result = auth.start_password_reset(username)
    if result is not None:
        email, code = result
        ops.send_email(email, "Your password reset code", f"Your reset code is {code}")
    return jsonify({"message": "If the account exists, a reset code was sent."})


@app.route("/password-reset/confirm", methods=["POST"])
def confirm_password_reset():
    ok = auth.finish_password_reset(
        request.form["username"], request.form["code"], request.form["new_password"]
    )
    if not ok:
        return jsonify({"error": "invalid or expired code"}), 400
    return jsonify({"message": "password updated"})


@app.route("/me")
@auth.login_required
def me():
    user = db.get_user_by_id(g.user_id)
    return jsonify(dict(user))


@app.route("/products/search")
def search_products():
    term = request.args.get("q", "")
    sort_by = request.args.get("sort", "name")
    results = db.search_products(term, sort_by)
    body = json.dumps(results, sort_keys=True)
    # ETag for client-side caching only: not a security use of MD5.
    etag = hashlib.md5(body.encode(), usedforsecurity=False).hexdigest()
    if request.if_none_match.contains(etag):
        return "", 304
    resp = make_response(body)
    resp.mimetype = "application/json"
    resp.set_etag(etag)
    return resp


@app.route("/products/batch", methods=["POST"])
def products_batch():
    product_ids = request.get_json().get("ids", [])
    return jsonify(db.get_products_by_ids(product_ids))


@app.route("/products/featured")
def featured_products():
    return jsonify(db.get_featured_products())


@app.route("/admin/ping")
@auth.admin_required
def admin_ping():
    try:
        return jsonify(ops.ping_host(request.args.get("host", "localhost")))
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400


@app.route("/admin/backup", methods=["POST"])
@auth.admin_required
def admin_backup():
    try:
        return jsonify(ops.backup_database(request.form.get("label", "manual")))
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400


@app.route("/admin/deploy", methods=["POST"])
@auth.admin_required
def admin_deploy():
    try:
        output = ops.deploy_latest(request.form.get("branch", "main"))
    except ValueError as exc:
        return jsonify({"error": str(exc)}), 400
    return jsonify({"output": output})


@app.route("/admin/health")
@auth.admin_required
def admin_health():
    return jsonify(ops.check_service_health())


if __name__ == "__main__":
    db.init_db()
    db.seed_admin()
    app.run(
        host=os.environ.get("FLASK_RUN_HOST", "127.0.0.1"),
        port=int(os.environ.get("FLASK_RUN_PORT", "5000")),
        debug=os.environ.get("FLASK_DEBUG") == "1",
    )
