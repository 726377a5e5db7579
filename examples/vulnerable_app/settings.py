"""Flask configuration, loaded with ``app.config.from_object(settings)``."""

import os

BASE_DIR = os.path.dirname(os.path.abspath(__file__))

# Flask
SECRET_KEY = "flask-s3cret-key-8f2b1c9e"
DEBUG = True

# Sessions
SESSION_COOKIE_NAME = "shop_session"
SESSION_COOKIE_SECURE = False  # TODO: set to True once we have HTTPS

# Database
DATABASE_PATH = os.path.join(BASE_DIR, "shop.db")

# JWT
JWT_SECRET_KEY = "jwt-signing-key-2024!"
JWT_ALGORITHM = "HS256"
JWT_EXPIRES_MINUTES = 60

# Password reset
RESET_CODE_TTL_MINUTES = 15

# Internal services
INVENTORY_API_URL = "https://inventory.internal.shop.local/api/v1"
STATUS_PAGE_URL = "https://status.internal.shop.local/health"
