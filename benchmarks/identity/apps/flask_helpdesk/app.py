"""Helpdesk: customers open tickets, agents answer them, GitHub webhooks create issues."""
import hashlib
import hmac
import os
import random
import secrets
from datetime import datetime, timedelta
from functools import wraps

from flask import Flask, abort, g, jsonify, request, session
from flask_sqlalchemy import SQLAlchemy
from werkzeug.security import check_password_hash, generate_password_hash

from auth_utils import hash_api_secret, pbkdf2_hash

app = Flask(__name__)
app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///helpdesk.db")
app.config["SESSION_COOKIE_SECURE"] = True
app.config["PERMANENT_SESSION_LIFETIME"] = timedelta(hours=8)
db = SQLAlchemy(app)

GITHUB_WEBHOOK_SECRET = os.environ["GITHUB_WEBHOOK_SECRET"].encode()
AVATAR_COLORS = ["#f87171", "#60a5fa", "#34d399", "#fbbf24", "#a78bfa"]


class Agent(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True)
    password_hash = db.Column(db.String(255))
    role = db.Column(db.String(20), default="agent")
    avatar_color = db.Column(db.String(7))
    reset_code = db.Column(db.String(16))
    reset_expires = db.Column(db.DateTime)
    otp = db.Column(db.String(6))


class Ticket(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    customer_email = db.Column(db.String(255))
    subject = db.Column(db.String(200))
    body = db.Column(db.Text)
    assignee_id = db.Column(db.Integer, db.ForeignKey("agent.id"))
    status = db.Column(db.String(20), default="open")

    def to_dict(self):
        return {"id": self.id, "subject": self.subject, "status": self.status, "assignee_id": self.assignee_id}


def login_required(view):
    @wraps(view)
    def wrapper(*args, **kwargs):
        agent_id = session.get("agent_id")
        g.agent = db.session.get(Agent, agent_id) if agent_id else None
        if g.agent is None:
            abort(401)
        return view(*args, **kwargs)
    return wrapper


def admin_required(view):
    @wraps(view)
    @login_required
    def wrapper(*args, **kwargs):
        if g.agent.role != "admin":
            abort(403)
        return view(*args, **kwargs)
    return wrapper


@app.post("/agents")
@admin_required
def create_agent():
    data = request.get_json()
    agent = Agent(
        email=data["email"],
        password_hash=generate_password_hash(data["password"]),
        avatar_color=random.choice(AVATAR_COLORS),
    )
    db.session.add(agent)
    db.session.commit()
    return jsonify(id=agent.id), 201


@app.post("/login")
def login():
    data = request.get_json()
    agent = Agent.query.filter_by(email=data.get("email")).first()
    if agent is None or not check_password_hash(agent.password_hash, data.get("password", "")):
        return jsonify(error="invalid credentials"), 401
    agent.otp = str(random.randint(100000, 999999))
    db.session.commit()
    session["pending_agent_id"] = agent.id
    return jsonify(next="otp")


@app.post("/login/otp")
def login_otp():
    agent = db.session.get(Agent, session.get("pending_agent_id"))
    if agent is None or not hmac.compare_digest(agent.otp or "", request.get_json().get("otp", "")):
        abort(401)
    session.clear()
    session["agent_id"] = agent.id
    return jsonify(ok=True)


@app.post("/password-reset")
def request_reset():
    agent = Agent.query.filter_by(email=request.get_json().get("email")).first()
    if agent:
        agent.reset_code = secrets.token_hex(4)
        agent.reset_expires = datetime.utcnow() + timedelta(minutes=30)
        db.session.commit()
    return jsonify(message="check your inbox")


@app.post("/password-reset/confirm")
def confirm_reset():
    data = request.get_json()
    agent = Agent.query.filter_by(email=data["email"]).first_or_404()
    if not agent.reset_code or agent.reset_expires < datetime.utcnow():
        abort(400)
    if not secrets.compare_digest(agent.reset_code, data["code"]):
        abort(400)
    agent.password_hash = pbkdf2_hash(data["new_password"])
    agent.reset_code = None
    db.session.commit()
    return jsonify(message="password changed")


@app.get("/tickets/<int:ticket_id>")
@login_required
def get_ticket(ticket_id):
    ticket = db.session.get(Ticket, ticket_id)
    return jsonify(ticket.to_dict())


@app.get("/admin/tickets/<int:ticket_id>")
@admin_required
def admin_get_ticket(ticket_id):
    ticket = db.session.get(Ticket, ticket_id)
    return jsonify(ticket.to_dict())


@app.post("/tickets/<int:ticket_id>/close")
@login_required
def close_ticket(ticket_id):
    ticket = Ticket.query.filter_by(id=ticket_id, assignee_id=g.agent.id).first_or_404()
    ticket.status = "closed"
    db.session.commit()
    return jsonify(ticket.to_dict())


@app.get("/tickets/<int:ticket_id>/attachment-etag")
@login_required
def attachment_etag(ticket_id):
    ticket = Ticket.query.filter_by(id=ticket_id, assignee_id=g.agent.id).first_or_404()
    etag = hashlib.md5(ticket.body.encode()).hexdigest()
    return jsonify(etag=etag)


@app.post("/webhooks/github")
def github_webhook():
    signature = request.headers.get("X-Hub-Signature-256", "")
    expected = "sha256=" + hmac.new(GITHUB_WEBHOOK_SECRET, request.get_data(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(signature, expected):
        abort(401)
    event = request.get_json()
    if request.headers.get("X-GitHub-Event") == "issues":
        db.session.add(Ticket(subject=event["issue"]["title"], body=event["issue"]["body"] or ""))
        db.session.commit()
    return "", 204


@app.post("/webhooks/legacy")
def legacy_webhook():
    signature = request.headers.get("X-Signature", "")
    expected = hmac.new(GITHUB_WEBHOOK_SECRET, request.get_data(), hashlib.sha1).hexdigest()
    if signature != expected:
        abort(401)
    db.session.add(Ticket(subject="legacy event", body=request.get_data(as_text=True)))
    db.session.commit()
    return "", 204


@app.post("/integrations/secret")
@admin_required
def rotate_integration_secret():
    raw = secrets.token_urlsafe(32)
    app.config["INTEGRATION_SECRET_HASH"] = hash_api_secret(raw)
    return jsonify(secret=raw, rotated_at=datetime.utcnow().isoformat())
