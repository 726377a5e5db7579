"""Blog with local accounts, an admin console and GitHub sign-in (see oauth.py)."""
import os
import secrets
from datetime import timedelta
from functools import wraps

from flask import Flask, abort, flash, g, redirect, render_template, request, session, url_for
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import FlaskForm
from flask_wtf.csrf import CSRFProtect
from wtforms import PasswordField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

app = Flask(__name__)
app.config.update(
    SECRET_KEY=os.environ["SECRET_KEY"],
    SQLALCHEMY_DATABASE_URI=os.environ.get("DATABASE_URL", "sqlite:///blog.db"),
    PERMANENT_SESSION_LIFETIME=timedelta(hours=12),
    SESSION_COOKIE_SAMESITE="Lax",
)
db = SQLAlchemy(app)
csrf = CSRFProtect(app)

RESERVED_USERNAMES = {"admin", "root", "support"}


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    username = db.Column(db.String(80), unique=True, nullable=False)
    password = db.Column(db.String(200))
    github_id = db.Column(db.String(40), unique=True)
    is_admin = db.Column(db.Boolean, default=False)


class Post(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    title = db.Column(db.String(200), nullable=False)
    body = db.Column(db.Text, nullable=False)
    author_id = db.Column(db.Integer, db.ForeignKey("user.id"))
    published = db.Column(db.Boolean, default=False)


class LoginForm(FlaskForm):
    username = StringField("Username", validators=[DataRequired()])
    password = PasswordField("Password", validators=[DataRequired()])


class PostForm(FlaskForm):
    title = StringField("Title", validators=[DataRequired(), Length(max=200)])
    body = TextAreaField("Body", validators=[DataRequired()])


@app.before_request
def load_current_user():
    uid = session.get("user_id")
    g.user = db.session.get(User, uid) if uid else None


def login_required(view):
    @wraps(view)
    def wrapped(*args, **kwargs):
        if g.user is None:
            return redirect(url_for("login", next=request.path))
        return view(*args, **kwargs)
    return wrapped


@app.route("/signup", methods=["GET", "POST"])
def signup():
    form = LoginForm()
    if form.validate_on_submit():
        if form.username.data.lower() in RESERVED_USERNAMES:
            flash("That username is reserved")
            return render_template("signup.html", form=form)
        user = User(username=form.username.data, password=form.password.data)
        db.session.add(user)
        db.session.commit()
        session["user_id"] = user.id
        return redirect(url_for("index"))
    return render_template("signup.html", form=form)


@app.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm()
    if form.validate_on_submit():
        user = User.query.filter_by(username=form.username.data).first()
        if user and user.password == form.password.data:
            session.clear()
            session["user_id"] = user.id
            return redirect(request.args.get("next") or url_for("index"))
        flash("Wrong username or password")
    return render_template("login.html", form=form)


@app.route("/admin/login", methods=["GET", "POST"])
def admin_login():
    form = LoginForm()
    if form.validate_on_submit():
        if form.username.data == "admin" and form.password.data == "Blog@dmin2024":
            session["is_admin"] = True
            return redirect(url_for("admin_dashboard"))
        flash("Invalid admin credentials")
    return render_template("admin_login.html", form=form)


@app.route("/admin")
def admin_dashboard():
    if not session.get("is_admin"):
        abort(403)
    return render_template("admin.html", posts=Post.query.all(), users=User.query.all())


@app.route("/preview-as")
def preview_as():
    session["user_id"] = request.args["uid"]
    return redirect(url_for("index"))


@app.route("/")
def index():
    posts = Post.query.filter_by(published=True).order_by(Post.id.desc()).limit(20).all()
    return render_template("index.html", posts=posts)


@app.route("/posts/new", methods=["GET", "POST"])
@login_required
def new_post():
    form = PostForm()
    if form.validate_on_submit():
        post = Post(title=form.title.data, body=form.body.data, author_id=g.user.id)
        db.session.add(post)
        db.session.commit()
        return redirect(url_for("index"))
    return render_template("edit.html", form=form)


@login_required
@app.route("/drafts")
def list_drafts():
    drafts = Post.query.filter_by(author_id=g.user.id, published=False).all()
    return render_template("drafts.html", posts=drafts)


@app.route("/posts/<int:post_id>/publish", methods=["POST"])
@login_required
def publish_post(post_id):
    post = db.session.get(Post, post_id)
    post.published = True
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/posts/<int:post_id>/delete", methods=["POST"])
@login_required
def delete_post(post_id):
    post = db.session.get(Post, post_id)
    if post is None or (post.author_id != g.user.id and not g.user.is_admin):
        abort(404)
    db.session.delete(post)
    db.session.commit()
    return redirect(url_for("index"))


@app.route("/remember-me", methods=["POST"])
@login_required
def remember_me():
    resp = redirect(url_for("index"))
    token = secrets.token_urlsafe(32)
    resp.set_cookie("remember_token", token, max_age=30 * 24 * 3600, httponly=True, samesite="None")
    return resp


@app.route("/embed-prefs", methods=["POST"])
@login_required
def embed_prefs():
    resp = redirect(url_for("index"))
    resp.set_cookie("embed_theme", request.form.get("theme", "light"), secure=True, samesite="None")
    return resp
