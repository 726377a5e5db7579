"""Shop models and application factory."""
import os
from datetime import datetime

from flask import Flask
from flask_sqlalchemy import SQLAlchemy

db = SQLAlchemy()


class User(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    email = db.Column(db.String(255), unique=True, nullable=False)
    display_name = db.Column(db.String(120))
    bio = db.Column(db.Text)
    password_hash = db.Column(db.LargeBinary(60), nullable=False)
    api_key_hash = db.Column(db.LargeBinary(60))
    role = db.Column(db.String(20), default="customer")
    is_admin = db.Column(db.Boolean, default=False)
    email_verified = db.Column(db.Boolean, default=False)
    store_credit = db.Column(db.Integer, default=0)


class PasswordReset(db.Model):
    id = db.Column(db.String(36), primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)
    used = db.Column(db.Boolean, default=False)


class Product(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    sku = db.Column(db.String(40), unique=True, nullable=False)
    name = db.Column(db.String(200), nullable=False)
    price_cents = db.Column(db.Integer, nullable=False)
    stock = db.Column(db.Integer, default=0)

    def to_dict(self):
        return {"id": self.id, "sku": self.sku, "name": self.name, "price_cents": self.price_cents}


class Order(db.Model):
    id = db.Column(db.Integer, primary_key=True)
    user_id = db.Column(db.Integer, db.ForeignKey("user.id"), nullable=False)
    status = db.Column(db.String(20), default="pending")
    total_cents = db.Column(db.Integer, default=0)
    shipping_address = db.Column(db.Text)
    created_at = db.Column(db.DateTime, default=datetime.utcnow)

    def to_dict(self):
        return {"id": self.id, "status": self.status, "total_cents": self.total_cents,
                "shipping_address": self.shipping_address, "created_at": self.created_at.isoformat()}


def create_app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = os.environ["SECRET_KEY"]
    app.config["JWT_SECRET"] = os.environ["JWT_SECRET"]
    app.config["PARTNER_API_KEY"] = os.environ["PARTNER_API_KEY"]
    app.config["INTERNAL_API_KEY"] = os.environ["INTERNAL_API_KEY"]
    app.config["SQLALCHEMY_DATABASE_URI"] = os.environ.get("DATABASE_URL", "sqlite:///shop.db")
    app.config["SESSION_COOKIE_SECURE"] = True
    db.init_app(app)

    from .api import bp as api_bp
    from .auth import bp as auth_bp

    app.register_blueprint(auth_bp)
    app.register_blueprint(api_bp)
    return app
