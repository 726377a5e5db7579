"""Look-alikes found by the precision review of corpus F, part 2 (arize-phoenix, marimo,
django-oscar, flask-admin, sqladmin, nicegui): each case states the confidence the core must
give, at every confidence level, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS306
def test_ais306_an_object_pending_in_the_orm_session_is_no_access_check():
    # arize-phoenix server/api/mutations/user_mutations.py: after the fields are set, the
    # mutation asserts that the session will write the user row.
    src = """\
        async def patch_user(session, user, input):
            if username := input.new_username:
                user.username = username
            assert user in session.dirty
            assert user not in self.session.deleted
            await session.flush()


        def delete_item(user, item, allowed_users):
            assert user in allowed_users
            assert user in item.members
        """
    # The membership of an object in a session's unit of work is state; in a collection of
    # users it is still an access check.
    assert _found(src, "AIS306") == [(10, "high"), (11, "high")]


def test_ais306_the_role_of_a_chat_message_is_no_access_role():
    # arize-phoenix server/api/routers/agents.py: the request validation accepts only user
    # messages; the assert restates it.
    src = """\
        def continue_chat(messages, new_message, request):
            if new_message is not None:
                assert new_message.role == "user", "request validation rejects non-user messages"
                assert last_msg.role in ("user", "tool")
            assert request.user.role == "user"
            assert new_message.role == "admin"
            assert role == "user"
        """
    assert _found(src, "AIS306") == [(5, "high"), (6, "high"), (7, "high")]


# ------------------------------------------------------------------ AIS101
def test_ais101_a_command_line_option_compared_with_an_argv_token_is_low():
    # marimo _cli/sandbox.py and _cli/help_formatter.py: a loop over the argv tokens that
    # drops or rewrites the --sandbox option.
    src = """\
        def strip_sandbox(cmd):
            for index, token in enumerate(cmd):
                if token == "--sandbox":
                    continue
                if token == "-x":
                    continue


        def check(request):
            if request.headers["token"] == "--Xq7v2Lm9Zp4Rt8Kw":
                return True
            if token == "Xq7v2Lm9Zp4Rt8Kw":
                return True
        """
    # An option's spelling is letters and dashes: low. A value with digits stays medium.
    assert _found(src, "AIS101") == [(3, "low"), (10, "medium"), (12, "medium")]


# ------------------------------------------------------------------ AIS207
def test_ais207_a_code_hash_read_back_from_a_cache_is_change_detection():
    # marimo _server/host/analysis.py: a compile cache keyed by cell id, invalidated when the
    # hash of the cell's source changes.
    src = """\
        import hmac


        class Analyzer:
            def __init__(self):
                self._cache = {}

            def __call__(self, document):
                for cell in document:
                    cached = self._cache.get(cell.id)
                    if cached is None or cached.code_hash != cell.code_hash:
                        self._cache[cell.id] = compile_cell(cell)


        def verify(request, stored):
            if stored.code_hash != request.headers["X-Code-Hash"]:
                raise PermissionError()
        """
    assert _found(src, "AIS207") == [(11, "low"), (16, "high")]


def test_ais207_two_configured_secrets_compared_at_startup_are_low():
    # arize-phoenix config.py: the admin secret must differ from the signing secret.
    src = """\
        import hmac
        from os import getenv


        def get_env_admin_secret():
            admin_secret = getenv("PHOENIX_ADMIN_SECRET")
            if admin_secret is None:
                return ""
            if not (secret := get_env_secret()):
                raise ValueError("set PHOENIX_SECRET too")
            if admin_secret == secret.get_secret_value():
                raise ValueError("PHOENIX_ADMIN_SECRET must differ from PHOENIX_SECRET")
            return admin_secret


        def authenticate(request):
            token = request.headers["Authorization"]
            admin_secret = getenv("PHOENIX_ADMIN_SECRET")
            if admin_secret and token == admin_secret:
                return True
        """
    assert _found(src, "AIS207") == [(11, "low"), (19, "high")]


# ------------------------------------------------------------------ AIS305
def test_ais305_keys_from_rows_the_program_wrote_are_no_mass_assignment():
    # arize-phoenix server/api/routers/v1/dataset_labels.py: a PATCH handler pairs each
    # column with the body's value for it and keeps the fields the client sent.
    src = """\
        from fastapi import APIRouter, Request
        from sqlalchemy import update

        from . import models

        router = APIRouter()


        @router.patch("/labels/{label_id}")
        async def update_label(request: Request, request_body: UpdateLabelBody, label_id: int):
            patch = {
                column.key: value
                for column, value, nullable in (
                    (models.Label.name, request_body.name, False),
                    (models.Label.color, request_body.color, False),
                )
                if value is not None or nullable
            }
            async with request.app.state.db() as session:
                await session.execute(update(models.Label).where(models.Label.id == label_id).values(**patch))


        @router.patch("/tags/{tag_id}")
        async def update_tag(request: Request, request_body: dict, tag_id: int):
            patch = {
                key: value
                for key, value in (
                    (request_body["field"], request_body["value"]),
                )
            }
            async with request.app.state.db() as session:
                await session.execute(update(models.Tag).where(models.Tag.id == tag_id).values(**patch))
        """
    # A key taken from the request body's own item is still the client's choice.
    assert _found(src, "AIS305") == [(32, "high")]


# ------------------------------------------------------------------ AIS407
def test_ais407_a_raising_check_before_the_file_response_confines_the_path():
    # marimo _server/api/endpoints/assets.py: a validator called in a try whose handler
    # answers 403, and Path.relative_to of the resolved path, which raises when it leaves.
    src = """\
        from pathlib import Path

        from starlette.exceptions import HTTPException
        from starlette.requests import Request
        from starlette.responses import FileResponse, Response

        root = Path(__file__).parent / "static"


        async def public_file(request: Request):
            public_dir = Path.cwd() / "public"
            file_path = public_dir / request.path_params["filepath"]
            try:
                resolved_file = file_path.resolve(strict=True)
                resolved_public = public_dir.resolve(strict=True)
                resolved_file.relative_to(resolved_public)
            except (OSError, ValueError):
                raise HTTPException(status_code=404) from None
            return FileResponse(resolved_file)


        async def serve_static(request: Request):
            path = str(request.path_params["path"])
            file_path = Path(path)
            try:
                PathValidator().validate_inside_directory(root, file_path)
            except Exception:
                raise HTTPException(status_code=404) from None
            return FileResponse(root / path)


        async def unchecked(request: Request):
            path = str(request.path_params["path"])
            try:
                PathValidator().validate_inside_directory(root, Path(path))
            except Exception:
                pass
            return FileResponse(root / path)


        async def lexical(request: Request):
            file_path = root / request.path_params["path"]
            try:
                file_path.relative_to(root)
            except ValueError:
                return Response(status_code=403)
            return FileResponse(file_path)
        """
    # A handler that swallows the failure protects nothing; relative_to of a path that was
    # not resolved is lexical ("static/../../etc" passes) and does not confine it.
    assert _found(src, "AIS407") == [(38, "high"), (47, "high")]


# ------------------------------------------------------------------ AIS406
def test_ais406_an_environment_for_a_console_banner_without_tags_is_low():
    # arize-phoenix server/cli/boot_message.py: the startup banner printed to the terminal.
    src = """\
        from jinja2 import BaseLoader, Environment

        BANNER = Environment(
            loader=BaseLoader(),
            autoescape=False,
            trim_blocks=True,
        ).from_string(
            \"\"\"
        Phoenix v{{ version }}
        {% for url in urls %}  {{ url }}
        {% endfor %}\"\"\"
        )

        text_env = Environment(autoescape=False)
        STATUS = text_env.from_string("Storage: {{ path }}")

        PAGE = Environment(autoescape=False).from_string("<h1>{{ title }}</h1>")

        page_env = Environment(autoescape=False)
        ROW = page_env.from_string("<tr><td>{{ name }}</td></tr>")
        """
    # A template with tags in it is HTML: medium as before.
    assert _found(src, "AIS406") == [(5, "low"), (14, "low"), (17, "medium"), (19, "medium")]


def test_ais406_a_parameter_annotated_as_a_date_carries_no_markup():
    # sqladmin formatters.py: a column formatter that shows a datetime as a badge.
    src = """\
        import datetime
        from decimal import Decimal

        from markupsafe import Markup


        def datetime_formatter(value: datetime.datetime) -> Markup:
            return Markup(
                f'<span title="{value}">'
                f"{value.strftime('%d %B %Y %H:%M:%S')}"
                f"</span>"
            )


        def price_formatter(amount: Decimal, count: int) -> Markup:
            return Markup(f"<b>{amount}</b> x {count}")


        def label_formatter(value: str) -> Markup:
            return Markup(f'<span title="{value}">{value}</span>')
        """
    # An annotation is no check at run time: low, not dropped.
    assert _found(src, "AIS406") == [(9, "low"), (16, "low"), (20, "medium")]


# ------------------------------------------------------------------ AIS106
def test_ais106_a_variable_named_as_a_secrets_name_holds_no_secret():
    # marimo _server/ai/config.py: an API key configured as "env:NAME" names the environment
    # variable that holds it; the error names the variable.
    src = """\
        from http import HTTPStatus

        from starlette.exceptions import HTTPException

        ENV_SECRET_PREFIX = "env:"


        def get_key(config, name):
            key = config["api_key"]
            if isinstance(key, str) and key.startswith(ENV_SECRET_PREFIX):
                secret_name = key.removeprefix(ENV_SECRET_PREFIX)
                raise HTTPException(
                    status_code=HTTPStatus.BAD_REQUEST,
                    detail=f"{name} API key environment variable '{secret_name}' is not set.",
                )
            stripped = key.strip()
            raise HTTPException(status_code=400, detail=f"{name} API key '{stripped}' is invalid.")
        """
    assert _found(src, "AIS106") == [(17, "medium")]


# ------------------------------------------------------------------ AIS504
def test_ais504_a_labelled_salt_of_a_kdf_object_deriving_from_a_secret_is_low():
    # arize-phoenix server/encryption.py and server/redaction.py: Fernet keys derived from
    # the server secret, a fixed salt per purpose so that the keys differ.
    src = """\
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

        _ENCRYPTION_SALT = b"app-database-encryption-0f3c9a"
        _REDACTION_SALT = b"app-redaction-7d2e41"
        _LOGIN_SALT = b"app-login-salt"


        def derive_encryption_key(secret):
            kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=_ENCRYPTION_SALT, iterations=600_000)
            plaintext = secret.get_secret_value() if secret is not None else ""
            return kdf.derive(plaintext.encode("utf-8"))


        def derive_redaction_key(secret):
            kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=_REDACTION_SALT, iterations=600_000)
            return kdf.derive(secret.get_secret_value().encode("utf-8"))


        def hash_login(password):
            kdf = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=_LOGIN_SALT, iterations=600_000)
            return kdf.derive(password.encode("utf-8"))
        """
    # A password derived with a fixed salt stays high.
    assert _found(src, "AIS504") == [(4, "low"), (5, "low"), (6, "high")]


# ------------------------------------------------------------------ AIS407 (request messages)
def test_ais407_a_request_message_of_the_program_is_no_http_request():
    # marimo _export/file.py: export functions take a dataclass called a request, whose
    # `path` is the notebook file the server already opened.
    src = """\
        from dataclasses import dataclass
        from pathlib import Path

        from myapp.paths import NotebookPath


        @dataclass
        class ScriptExportRequest:
            path: NotebookPath


        def export_script(request: ScriptExportRequest) -> str:
            return Path(request.path).read_text()


        def export_raw(request) -> str:
            return Path(request.path).read_text()


        def export_http(request: HttpRequest) -> str:
            return Path(request.path).read_text()
        """
    # Unannotated, or annotated as an HTTP request, `request` is still the request object.
    assert _found(src, "AIS407") == [(13, "low"), (17, "high"), (21, "high")]


# ------------------------------------------------------------------ AIS602
def test_ais602_an_unverified_context_where_validate_certs_is_off_is_the_users_opt_out():
    # arize-phoenix server/email/sender.py: SMTP over TLS, unverified only when the operator
    # set PHOENIX_SMTP_VALIDATE_CERTS to false.
    src = """\
        import ssl


        class SmtpSender:
            def __init__(self, host, validate_certs=True):
                self.host = host
                self.validate_certs = validate_certs

            def _context(self):
                if self.validate_certs:
                    context = ssl.create_default_context()
                else:
                    context = ssl._create_unverified_context()
                return context

            def _legacy(self):
                if self.host:
                    return ssl._create_unverified_context()
                return ssl._create_unverified_context()
        """
    # A branch on another condition, or none, is still reported.
    assert _found(src, "AIS602") == [(18, "high"), (19, "high")]


def test_ais106_names_collected_for_a_plural_secret_accessor_are_names():
    # arize-phoenix server/sandbox/__init__.py: environment entries refer to stored secrets
    # by key; the keys are fetched together and the missing ones named in the error.
    src = """\
        class MissingSecretError(Exception):
            pass


        class SandboxEnv:
            async def resolve(self, env_vars):
                secret_keys = []
                for entry in env_vars.values():
                    if entry.secret_key not in secret_keys:
                        secret_keys.append(entry.secret_key)
                resolved = await self.fetch_secrets(secret_keys)
                missing = set(secret_keys) - set(resolved.keys())
                if missing:
                    raise MissingSecretError(f"Referenced secret key(s) not found: {', '.join(sorted(missing))}")
                for entry in env_vars.values():
                    value = resolved[entry.secret_key]
                    if not value.isprintable():
                        raise MissingSecretError(f"Secret value {value} is not printable")
                return resolved

            async def report(self, config):
                raise MissingSecretError(f"Bad key {config.secret_key}")
        """
    # The fetched value is still a secret, and so is a config's secret_key that no accessor
    # is given.
    assert _found(src, "AIS106") == [(18, "medium"), (22, "high")]
