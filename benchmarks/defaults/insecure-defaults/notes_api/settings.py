import os


class BaseConfig:
    SECRET_KEY = os.environ["SECRET_KEY"]
    DEBUG = False
    MAX_CONTENT_LENGTH = 2 * 1024 * 1024


class StagingConfig(BaseConfig):
    DEBUG = os.environ.get("FLASK_DEBUG", "0") == "1"
    LOG_LEVEL = "INFO"
