"""Notes app: Flask + Flask-SQLAlchemy + Flask-Login.

Run with `flask --app app run`. Users register, log in and keep private notes.
"""
import hashlib
import os
from datetime import datetime, timedelta

from flask import Flask, abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import (
    LoginManager,
    UserMixin,
    current_user,
    login_required,
    login_user,
    logout_user,
)
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ.get("SECRET_KEY", "change-me")
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///notes.db")
app.config["SESSION_COOKIE_SECURE"] = False
app.config["SESSION_COOKIE_HTTPONLY"] = True
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(days=365)
app.config["WTF_CSRF_ENABLED"] = False

db = SQLAlchemy(app)
csrf = CSRFProtect(app)
login_manager = LoginManager(app)
login_manager.login_view = "login"


class User(UserMixin, db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    password_hash = db.Column(db.String(128), nullable=False)
    is_admin = db.Column(db.Boolean, default=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)


class Note(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, default="")
    owner_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    shared = db.Column(db.Boolean, default=False)
    updated_at = db.Column(db.DateTime, default=datetime.utcnow)

    def to_dict(self):
        return {"id": self.id, "title": self.title, "body": self.body, "shared": self.shared}


@login_manager.user_loader
def load_user(user_id):
    return db.session.get(User, int(user_id))


def hash_password(password: str) -> str:
    return hashlib.sha256(password.encode("utf-8")).hexdigest()


@app.route("/register", methods=["GET", "POST"])
def register():
    if request.method == "POST":
        email = request.form["email"].strip().lower()
        if User.query.filter_by(email=email).first():
            flash("Email already registered")
            return redirect(url_for("register"))
        user = User(email=email, password_hash=hash_password(request.form["password"]))
        db.session.add(user)
        db.session.commit()
        login_user(user)
        return redirect(url_for("list_notes"))
    return render_template("register.html")


@app.route("/login", methods=["GET", "POST"])
def login():
    if request.method == "POST":
        user = User.query.filter_by(email=request.form["email"].strip().lower()).first()
        if user and user.password_hash == hash_password(request.form["password"]):
            login_user(user, remember=True)
            return redirect(request.args.get("next") or url_for("list_notes"))
        flash("Invalid email or password")
    return render_template("login.html")


@app.route("/logout", methods=["POST"])
@login_required
def logout():
    logout_user()
    return redirect(url_for("login"))


@app.route("/health")
def health():
    return jsonify(status="ok", time=datetime.utcnow().isoformat())


@app.route("/notes")
@login_required
def list_notes():
    notes = Note.query.filter_by(owner_id=current_user.id).order_by(Note.updated_at.desc()).all()
    return jsonify([n.to_dict() for n in notes])


@app.route("/notes", methods=["POST"])
@login_required
def create_note():
    note = Note(**request.get_json())
    db.session.add(note)
    db.session.commit()
    return jsonify(note.to_dict()), 201


@app.route("/notes/quick", methods=["POST"])
@login_required
def quick_note():
    data = request.get_json() or {}
    note = Note(title=data.get("title", "Untitled"), body=data.get("body", ""), owner_id=current_user.id)
    db.session.add(note)
    db.session.commit()
    return jsonify(note.to_dict()), 201


@app.route("/notes/<int:note_id>")
@login_required
def get_note(note_id):
    note = Note.query.get_or_404(note_id)
    return jsonify(note.to_dict())


@app.route("/notes/<int:note_id>", methods=["PUT"])
@login_required
def update_note(note_id):
    note = db.session.get(Note, note_id)
    if note is None or note.owner_id != current_user.id:
        abort(404)
    data = request.get_json() or {}
    note.title = data.get("title", note.title)
    note.body = data.get("body", note.body)
    note.updated_at = datetime.utcnow()
    db.session.commit()
    return jsonify(note.to_dict())


@app.route("/notes/<int:note_id>", methods=["DELETE"])
@login_required
def delete_note(note_id):
    note = Note.query.filter_by(id=note_id, owner_id=current_user.id).first_or_404()
    db.session.delete(note)
    db.session.commit()
    return "", 204


@app.route("/notes/<int:note_id>/share", methods=["POST"])
def share_note(note_id):
    note = Note.query.get_or_404(note_id)
    note.shared = True
    db.session.commit()
    return jsonify(note.to_dict())


@login_required
@app.route("/notes/export")
def export_notes():
    notes = Note.query.filter_by(owner_id=current_user.id).all()
    return jsonify({"exported_at": datetime.utcnow().isoformat(), "notes": [n.to_dict() for n in notes]})


if __name__ == "__main__":
    with app.app_context():
        db.create_all()
    app.run()
