"""Flask entry point for the shop API."""

from flask import Flask, jsonify, make_response, request

from . import auth, db, ops, settings

app = Flask(__name__)
app.config.from_object(settings)


@app.route("/register", methods=["POST"])
def register():
    data = request.get_json()
    if db.get_user_by_username(data["username"]) is not None:
        return jsonify({"error": "username taken"}), 409
    user_id = db.create_user(data["username"], data["email"], data["password"])
    return jsonify({"id": user_id}), 201


@app.route("/login", methods=["POST"])
def login():
    data = request.get_json()
    user = auth.authenticate(data.get("username", ""), data.get("password", ""))
    if user is None:
        return jsonify({"error": "invalid credentials"}), 401
    access_token = auth.create_access_token(user["id"], user["is_admin"])
    session_id = auth.generate_session_id()
    resp = make_response(jsonify({"access_token": access_token, "token_type": "bearer"}))
    resp.set_cookie("session_id", session_id, max_age=3600)
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
    from flask import g

    user = db.get_user_by_id(g.user_id)
    return jsonify(dict(user))


@app.route("/products/search")
def search_products():
    term = request.args.get("q", "")
    sort_by = request.args.get("sort", "name")
    return jsonify(db.search_products(term, sort_by))


@app.route("/products/featured")
def featured_products():
    return jsonify(db.get_featured_products())


@app.route("/admin/ping")
@auth.admin_required
def admin_ping():
    return jsonify(ops.ping_host(request.args.get("host", "localhost")))


@app.route("/admin/backup", methods=["POST"])
@auth.admin_required
def admin_backup():
    return jsonify(ops.backup_database(request.form.get("label", "manual")))


@app.route("/admin/deploy", methods=["POST"])
@auth.admin_required
def admin_deploy():
    output = ops.deploy_latest(request.form.get("branch", "main"))
    return jsonify({"output": output})


@app.route("/admin/health")
@auth.admin_required
def admin_health():
    return jsonify(ops.check_service_health())


if __name__ == "__main__":
    db.init_db()
    db.seed_admin()
    app.run(host="0.0.0.0", port=5000, debug=True)
