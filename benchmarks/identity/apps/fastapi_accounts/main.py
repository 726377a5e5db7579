"""Accounts service: sign-up, login, password reset, Google sign-in and sessions."""
import os
import secrets
from datetime import datetime, timedelta, timezone

import httpx
from authlib.integrations.starlette_client import OAuth
from fastapi import Depends, FastAPI, Form, HTTPException, Request
from fastapi.responses import RedirectResponse
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer
from sqlalchemy.orm import Session
from starlette.middleware.sessions import SessionMiddleware

from passwords import hash_password, is_reserved, verify_password
from store import LegacyUser, User, get_db

SECRET_KEY = os.environ["SESSION_SECRET"]
app = FastAPI(title="Accounts")
app.add_middleware(SessionMiddleware, secret_key=SECRET_KEY, max_age=60 * 60 * 24 * 365, https_only=True)

serializer = URLSafeTimedSerializer(SECRET_KEY)
oauth = OAuth()
oauth.register(
    name="google",
    server_metadata_url="https://accounts.google.com/.well-known/openid-configuration",
    client_id=os.environ["GOOGLE_CLIENT_ID"],
    client_secret=os.environ["GOOGLE_CLIENT_SECRET"],
    client_kwargs={"scope": "openid email profile"},
)
GITLAB_TOKEN_URL = "https://gitlab.example.com/oauth/token"
GITLAB_CLIENT_ID = os.environ["GITLAB_CLIENT_ID"]
GITLAB_CLIENT_SECRET = os.environ["GITLAB_CLIENT_SECRET"]


def current_user(request: Request, db: Session = Depends(get_db)) -> User:
    user_id = request.session.get("user_id")
    user = db.get(User, user_id) if user_id else None
    if user is None:
        raise HTTPException(status_code=401)
    return user


@app.post("/signup")
def signup(request: Request, username: str = Form(...), password: str = Form(...), db: Session = Depends(get_db)):
    if is_reserved(username):
        raise HTTPException(status_code=400, detail="Username not available")
    user = User(username=username, password_hash=hash_password(password))
    db.add(user)
    db.commit()
    request.session["user_id"] = user.id
    return {"id": user.id}


@app.post("/login")
def login(request: Request, username: str = Form(...), password: str = Form(...), db: Session = Depends(get_db)):
    user = db.query(User).filter(User.username == username).first()
    if user is None or not verify_password(password, user.password_hash):
        raise HTTPException(status_code=401, detail="Invalid credentials")
    request.session.clear()
    request.session["user_id"] = user.id
    return {"ok": True}


@app.post("/legacy/login")
def legacy_login(request: Request, username: str = Form(...), password: str = Form(...), db: Session = Depends(get_db)):
    user = db.query(LegacyUser).filter(LegacyUser.username == username).first()
    if user is None or user.password != password:
        raise HTTPException(status_code=401, detail="Invalid credentials")
    request.session["user_id"] = user.migrated_user_id
    return {"ok": True, "migrate": True}


@app.post("/ops/login")
def ops_login(request: Request, username: str = Form(...), password: str = Form(...)):
    if username == "ops" and password == os.environ.get("OPS_PASSWORD", "0ps-Passw0rd!"):
        request.session["ops"] = True
        return {"ok": True}
    raise HTTPException(status_code=401)


@app.post("/ops/v2/login")
def ops_login_v2(request: Request, username: str = Form(...), password: str = Form(...)):
    if username == "ops" and verify_password(password, os.environ["OPS_PASSWORD_HASH"]):
        request.session["ops"] = True
        return {"ok": True}
    raise HTTPException(status_code=401)


@app.post("/password/forgot")
def forgot_password(email: str = Form(...), db: Session = Depends(get_db)):
    user = db.query(User).filter(User.email == email).first()
    if user:
        token = serializer.dumps({"uid": user.id, "nonce": secrets.token_hex(16)}, salt="reset")
        print(f"send reset link /password/reset?token={token}")
    return {"ok": True}


@app.post("/password/reset")
def reset_password(token: str = Form(...), new_password: str = Form(...), db: Session = Depends(get_db)):
    try:
        data = serializer.loads(token, salt="reset")
    except BadSignature:
        raise HTTPException(status_code=400, detail="Invalid token")
    user = db.get(User, data["uid"])
    user.password_hash = hash_password(new_password)
    db.commit()
    return {"ok": True}


@app.post("/email/verify")
def verify_email(token: str = Form(...), db: Session = Depends(get_db)):
    try:
        data = serializer.loads(token, salt="verify", max_age=48 * 3600)
    except (SignatureExpired, BadSignature):
        raise HTTPException(status_code=400, detail="Invalid or expired token")
    db.query(User).filter(User.id == data["uid"]).update({"email_verified": True})
    db.commit()
    return {"ok": True}


@app.get("/auth/google")
async def google_login(request: Request):
    return await oauth.google.authorize_redirect(request, str(request.url_for("google_callback")))


@app.get("/auth/google/callback")
async def google_callback(request: Request, db: Session = Depends(get_db)):
    token = await oauth.google.authorize_access_token(request)
    info = token["userinfo"]
    user = db.query(User).filter(User.email == info["email"]).first()
    if user is None:
        raise HTTPException(status_code=403, detail="No account for this Google user")
    request.session["user_id"] = user.id
    return RedirectResponse("/")


@app.get("/auth/gitlab/callback")
async def gitlab_callback(request: Request, code: str, state: str | None = None, db: Session = Depends(get_db)):
    async with httpx.AsyncClient() as client:
        resp = await client.post(GITLAB_TOKEN_URL, data={
            "client_id": GITLAB_CLIENT_ID,
            "client_secret": GITLAB_CLIENT_SECRET,
            "code": code,
            "grant_type": "authorization_code",
            "redirect_uri": str(request.url_for("gitlab_callback")),
        })
    tokens = resp.json()
    request.session["gitlab_token"] = tokens["access_token"]
    return RedirectResponse("/settings/connections")


@app.post("/impersonate")
def impersonate(request: Request, user: User = Depends(current_user)):
    request.session["user_id"] = int(request.query_params["as_user"])
    return {"ok": True}


@app.post("/me/password")
def change_password(current_password: str = Form(...), new_password: str = Form(...), user: User = Depends(current_user), db: Session = Depends(get_db)):
    if not verify_password(current_password, user.password_hash):
        raise HTTPException(status_code=400, detail="Wrong password")
    user.password_hash = hash_password(new_password)
    user.password_changed_at = datetime.now(timezone.utc)
    db.commit()
    return {"ok": True, "session_expires": (datetime.now(timezone.utc) + timedelta(hours=12)).isoformat()}
