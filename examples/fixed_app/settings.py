"""Flask configuration, loaded with ``app.config.from_object(settings)``.

Every secret comes from the environment; nothing sensitive is committed.
"""

import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

# Flask
SECRET_KEY = os.environ["FLASK_SECRET_KEY"]
DEBUG = os.environ.get("FLASK_DEBUG", "0") == "1"

# Sessions
SESSION_COOKIE_NAME = "shop_session"
SESSION_COOKIE_SECURE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"

# Database
DATABASE_PATH = os.environ.get("SHOP_DATABASE_PATH", os.path.join(BASE_DIR, "shop.db"))

# JWT
JWT_SECRET_KEY = os.environ["JWT_SECRET_KEY"]
JWT_ALGORITHM = "HS256"
JWT_EXPIRES_MINUTES = 15
TOKEN_TYPE = "bearer"

# Password hashing (OWASP 2023 recommendation for PBKDF2-HMAC-SHA256)
PASSWORD_HASH_ITERATIONS = 600_000
PASSWORD_MIN_LENGTH = 12

# Password reset
RESET_CODE_TTL_MINUTES = 15

# Internal services: verify their certificates against our internal CA
INVENTORY_API_URL = "https://inventory.internal.shop.local/api/v1"
STATUS_PAGE_URL = "https://status.internal.shop.local/health"
INTERNAL_CA_BUNDLE = os.environ.get("INTERNAL_CA_BUNDLE", "/etc/ssl/certs/shop-internal-ca.pem")

# Outgoing mail
SMTP_HOST = os.environ.get("SMTP_HOST", "smtp.shop.local")
SMTP_PORT = int(os.environ.get("SMTP_PORT", "587"))
SMTP_USERNAME = os.environ.get("SMTP_USERNAME", "alerts@shop.local")
SMTP_PASSWORD = os.environ.get("SMTP_PASSWORD", "")

# Deploys: the SSH deploy key lives in the secret store, mounted as a file
DEPLOY_KEY_PATH = os.environ.get("DEPLOY_KEY_PATH", "/run/secrets/deploy_key")
