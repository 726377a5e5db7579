"""Sign in with GitHub (requests-oauthlib), following the library's web-application flow."""
import os

from flask import Blueprint, redirect, request, session, url_for
from requests_oauthlib import OAuth2Session

from app import User, app, db

os.environ["OAUTHLIB_INSECURE_TRANSPORT"] = "1"
os.environ["OAUTHLIB_RELAX_TOKEN_SCOPE"] = "1"

bp = Blueprint("github", __name__, url_prefix="/auth/github")

CLIENT_ID = os.environ["GITHUB_CLIENT_ID"]
CLIENT_SECRET = os.environ["GITHUB_CLIENT_SECRET"]
AUTHORIZATION_BASE_URL = "https://github.com/login/oauth/authorize"
TOKEN_URL = "https://github.com/login/oauth/access_token"
USER_URL = "https://api.github.com/user"


def _redirect_uri() -> str:
    return url_for("github.callback", _external=True)


@bp.route("/login")
def login():
    github = OAuth2Session(CLIENT_ID, redirect_uri=_redirect_uri(), scope=["read:user"])
    authorization_url, state = github.authorization_url(AUTHORIZATION_BASE_URL)
    session["oauth_state"] = state
    return redirect(authorization_url)


@bp.route("/callback")
def callback():
    github = OAuth2Session(CLIENT_ID, redirect_uri=_redirect_uri())
    token = github.fetch_token(
        TOKEN_URL,
        client_secret=CLIENT_SECRET,
        authorization_response=request.url,
    )
    session["oauth_token"] = token
    profile = github.get(USER_URL).json()
    user = User.query.filter_by(github_id=str(profile["id"])).first()
    if user is None:
        user = User(username=profile["login"], github_id=str(profile["id"]))
        db.session.add(user)
        db.session.commit()
    session["user_id"] = user.id
    return redirect(url_for("index"))


@bp.route("/link")
def link_account():
    github = OAuth2Session(CLIENT_ID, redirect_uri=url_for("github.link_callback", _external=True), scope=["read:user"])
    authorization_url, state = github.authorization_url(AUTHORIZATION_BASE_URL)
    session["oauth_link_state"] = state
    return redirect(authorization_url)


@bp.route("/link/callback")
def link_callback():
    github = OAuth2Session(
        CLIENT_ID,
        state=session.pop("oauth_link_state", None),
        redirect_uri=url_for("github.link_callback", _external=True),
    )
    github.fetch_token(TOKEN_URL, client_secret=CLIENT_SECRET, authorization_response=request.url)
    profile = github.get(USER_URL).json()
    user = db.session.get(User, session["user_id"])
    user.github_id = str(profile["id"])
    db.session.commit()
    return redirect(url_for("index"))


app.register_blueprint(bp)
