"""Look-alikes found by the precision review of corpus F, part 1 (langflow-base 1.13.0's
``langflow/`` and open-interpreter 0.4.3's ``interpreter/``): each case states the
confidence the core must give, at every confidence level, so that a lowered finding is told
apart from a dropped one, and keeps the nearby real flaw reported.
"""

from __future__ import annotations

from review import found

APP = "src/app/api/v1/flows.py"


def _found(src: str, code: str, filename: str = APP) -> list[tuple[int, str]]:
    """`review.found`, checked as a route module (`APP`) unless told otherwise."""
    return found(src, code, filename)


# ------------------------------------------------------------------ AIS301
def test_ais301_an_imported_current_user_alias_authenticates():
    # langflow api/v1/flows.py: ``CurrentActiveUser = Annotated[User,
    # Depends(get_current_active_user)]`` lives in another module (FastAPI's full-stack
    # template names it ``CurrentUser``); the handlers that take it are authenticated.
    src = """\
        from typing import Annotated

        from fastapi import APIRouter, Depends

        from app.api.deps import CurrentActiveUser, CurrentUserRecord, DbSession
        from app.auth import get_optional_user

        router = APIRouter(prefix="/flows")


        @router.post("/")
        async def create_flow(*, session: DbSession, flow: dict, current_user: CurrentActiveUser):
            session.add(flow)
            await session.commit()


        @router.get("/examples/")
        async def read_examples(user: Annotated[object, Depends(get_optional_user)]):
            return []


        @router.delete("/{flow_id}")
        async def delete_flow(flow_id: int, session: DbSession, record: CurrentUserRecord):
            await session.delete(await session.get(dict, flow_id))
            await session.commit()
        """
    # The last handler's imported type is a record, not the current user: still reported.
    assert _found(src, "AIS301") == [(23, "high")]


# ------------------------------------------------------------------ AIS401
def test_ais401_a_double_quoted_name_is_an_identifier_position():
    # langflow services/database/sqlite_to_postgres.py: table and column names of the
    # reflected schema, each in "..." (standard SQL's identifier quotes): an unknown value
    # there is a name, low. A "..." opened where a value goes (MySQL's default string quotes)
    # and a function's argument stay values; input stays high.
    src = """\
        import sqlalchemy as sa
        from flask import request


        def copy_table(conn, table, where, column_name, name, url):
            conn.execute(sa.text(f'SELECT count(*) FROM "{table.name}"{where}'))
            conn.execute(sa.text(f'SELECT COALESCE(MAX("{column_name}"), 1) FROM "{table.name}"'))
            conn.execute(sa.text(f'SELECT id FROM users WHERE name = "{name}"'))
            conn.execute(sa.text(f'SELECT id FROM users WHERE name IN ("{name}")'))
            conn.execute(sa.text(f'SELECT GET_METADATA("{url}")'))


        def export():
            conn = sa.create_engine("sqlite://").connect()
            conn.execute(sa.text(f'SELECT * FROM "{request.args["table"]}"'))
        """
    assert _found(src, "AIS401") == [(6, "low"), (7, "low"), (8, "medium"), (9, "medium"), (10, "medium"), (15, "high")]


def test_ais401_a_module_helper_that_returns_a_constant_is_constant():
    # langflow alembic/versions/..._complete_sso_expand_compatibility.py: trigger bodies built
    # by helpers that join clauses over a module constant (a tuple with it unpacked, a list
    # extended by a comprehension over it). A helper whose list also takes a parameter, or
    # whose result adds one, is no constant.
    src = """\
        import sqlalchemy as sa
        from alembic import op

        COLUMNS = ("discovery_url", "redirect_uri")


        def _settings_json() -> str:
            pairs = ["'protocol', NEW.protocol"]
            pairs.extend(f"'{name}', NEW.{name}" for name in COLUMNS)
            return f"json_build_object({', '.join(pairs)})"


        def _changed() -> str:
            return " OR ".join(f"NEW.{name} IS DISTINCT FROM OLD.{name}" for name in ("provider", *COLUMNS))


        def _settings_json_with(extra) -> str:
            pairs = ["'protocol', NEW.protocol"]
            pairs.append(extra)
            return f"json_build_object({', '.join(pairs)})"


        def _changed_with(extra) -> str:
            return " OR ".join(f"NEW.{name} <> OLD.{name}" for name in COLUMNS) + extra


        def upgrade(extra):
            changed = _changed()
            op.execute(sa.text(f"SELECT 1 FROM sso WHERE id = 1 AND x = {_settings_json()} OR {changed}"))
            op.execute(sa.text(f"SELECT 1 FROM sso WHERE id = 1 AND x = {_settings_json_with(extra)}"))
            op.execute(sa.text(f"SELECT 1 FROM sso WHERE id = 1 AND x = {_changed_with(extra)}"))
        """
    assert _found(src, "AIS401") == [(30, "medium"), (31, "medium")]


# ------------------------------------------------------------------ AIS207
def test_ais207_two_presented_credentials_told_apart_before_checking_one_is_low():
    # langflow services/auth/service.py: when the native token fails, a distinct external
    # token the client also sent is tried; `!=` only avoids trying the same one twice. A
    # mismatch that denies, or a configured key, is still a timing leak.
    src = """\
        import os

        from fastapi import HTTPException


        class AuthService:
            async def authenticate(self, token, api_key, db, external_token=None):
                try:
                    return await self._authenticate_with_token(token, db)
                except ValueError as e:
                    if external_token and external_token != token:
                        user = await self._authenticate_with_external_token(external_token, db)
                        if user is not None:
                            return user
                    raise e

            async def check_key(self, api_key, expected_key):
                if api_key != expected_key:
                    raise HTTPException(status_code=401)
                if api_key != os.environ["ADMIN_API_KEY"]:
                    return await self.authenticate_user_key(api_key)
        """
    assert _found(src, "AIS207") == [(11, "low"), (18, "medium"), (20, "high")]


# ------------------------------------------------------------------ AIS414
def test_ais414_a_helper_hmac_over_the_payload_verifies_it():
    # langflow services/cache/service.py: entries read from Redis are loaded only after
    # hmac.compare_digest() against a method that feeds the payload to hmac.new(...).update().
    # A helper whose MAC covers only the key proves nothing about the payload.
    src = """\
        import hashlib
        import hmac

        import dill

        CACHE_MISS = object()


        class RedisCache:
            def _integrity_tag(self, namespaced_key, payload):
                mac = hmac.new(self._signing_key, digestmod=hashlib.sha256)
                mac.update(namespaced_key.encode("utf-8"))
                mac.update(payload)
                return mac.digest()

            def _key_tag(self, namespaced_key, payload):
                mac = hmac.new(self._signing_key, digestmod=hashlib.sha256)
                mac.update(namespaced_key.encode("utf-8"))
                return mac.digest()

            async def get(self, key):
                value = await self._client.get(key)
                tag, payload = value[:32], value[32:]
                if not hmac.compare_digest(tag, self._integrity_tag(key, payload)):
                    return CACHE_MISS
                return dill.loads(payload)

            async def get_unbound(self, key):
                value = await self._client.get(key)
                tag, payload = value[:32], value[32:]
                if not hmac.compare_digest(tag, self._key_tag(key, payload)):
                    return CACHE_MISS
                return dill.loads(payload)
        """
    assert _found(src, "AIS414") == [(33, "medium")]


# ------------------------------------------------------------------ AIS410
def test_ais410_a_filename_whose_characters_are_filtered_is_header_safe():
    # langflow agentic/api/files_router.py: the download's filename keeps only the printable
    # characters other than '"', CR and LF. A filter that keeps '"' (parameter injection)
    # or lets CR and LF through is no cleaning.
    src = """\
        from pathlib import Path

        from fastapi import APIRouter, Response

        router = APIRouter()


        def _safe_filename(relative_path: str) -> str:
            base = Path(relative_path).name
            return "".join(ch for ch in base if ch.isprintable() and ch not in '"\\r\\n')


        def _printable_only(relative_path: str) -> str:
            return "".join(ch for ch in relative_path if ch.isprintable())


        @router.get("/files")
        async def get_file(path: str, kind: str) -> Response:
            first = _safe_filename(path) or "file"
            second = _printable_only(path)
            third = "".join(c for c in kind if c.isalnum())
            fourth = "".join(c for c in kind if c != ";")
            return Response(
                content=b"",
                headers={
                    "Content-Disposition": f'attachment; filename="{first}"',
                    "X-Second": second,
                    "X-Third": third,
                    "X-Fourth": fourth,
                },
            )
        """
    assert _found(src, "AIS410") == [(27, "high"), (29, "high")]


# ------------------------------------------------------------------ AIS404
def test_ais404_a_repr_literal_in_generated_code_is_no_code():
    # langflow helpers/flow.py: the flow tool's source takes flow_id and user_id only as
    # {flow_id!r} / {str(user_id)!r}, Python string literals. The same value spliced in
    # without !r, or with !s, is still code built from it.
    src = """\
        def generate_function_for_flow(flow_id: str, user_id, default: str):
            body = f\"\"\"
        async def flow_function():
            return await run_flow(flow_id={flow_id!r}, user_id={str(user_id)!r}, x={repr(default)})
        \"\"\"
            exec(compile(body, "<string>", "exec"))


        def generate_plain(flow_id: str, user_id):
            body = f"async def f():\\\\n    return await run_flow(flow_id='{flow_id}', user_id={user_id!s})"
            exec(compile(body, "<string>", "exec"))
        """
    assert _found(src, "AIS404") == [(11, "medium")]


# ------------------------------------------------------------------ AIS406
def test_ais406_a_parameter_annotated_as_a_number_is_low():
    # langflow api/v1/connections.py: an HTML page says how many seconds to wait, from a
    # parameter annotated int (Python does not enforce it: low, not dropped). A str
    # parameter in the same page stays medium.
    src = """\
        from fastapi.responses import HTMLResponse


        def oauth_rate_limit_response(retry_after_seconds: int) -> HTMLResponse:
            return HTMLResponse(f"<p>Wait about {retry_after_seconds} seconds, then start again.</p>", status_code=429)


        def oauth_error_response(message: str) -> HTMLResponse:
            return HTMLResponse(f"<p>{message}</p>", status_code=400)
        """
    assert _found(src, "AIS406") == [(5, "low"), (9, "medium")]


# ------------------------------------------------------------------ AIS402
def test_ais402_a_class_string_constant_read_through_self_is_constant():
    # open-interpreter computer_use/tools/bash.py: the shell session starts
    # `self.command`, the class's `command: str = "/bin/bash"`. In a dataclass the annotated
    # name is a field the constructor sets; a name also assigned through an instance is not
    # constant either.
    src = """\
        import asyncio
        import os
        from dataclasses import dataclass


        class _BashSession:
            command: str = "/bin/bash"

            async def start(self):
                self._process = await asyncio.create_subprocess_shell(self.command, preexec_fn=os.setsid)


        @dataclass
        class Job:
            command: str = "make"

            async def start(self):
                await asyncio.create_subprocess_shell(self.command)


        class Task:
            target = "make"

            def retarget(self, value):
                self.target = value

            def start(self):
                os.system(self.target)
        """
    assert _found(src, "AIS402") == [(18, "medium"), (28, "medium")]


def test_ais207_a_record_s_config_digest_is_no_configured_secret():
    # langflow services/connection/oauth/broker.py: the fingerprint of the OAuth
    # registration (server configuration) against the one stored with the consent row:
    # change detection between server-held values, low. "config" in `config_digest` names
    # what was digested, not a configuration store; a digest read from the configuration
    # (`self.config.webhook_digest`) is still a configured secret.
    src = """\
        import secrets

        from sqlalchemy import update


        async def bind_desktop_browser(*, provider: str, state: str, handoff: str):
            binding = await load_binding(state, handoff)
            registration = get_oauth_settings().registration(binding.registration_id)
            if registration.provider != provider or registration.fingerprint() != binding.config_digest:
                raise OAuthError("OAuth registration changed.")
            return secrets.token_urlsafe(32)


        class Relay:
            def forward(self, digest):
                if self.config.webhook_digest != digest:
                    raise OAuthError("bad digest")
        """
    assert _found(src, "AIS207") == [(9, "low"), (16, "high")]


def test_ais207_a_keyless_helper_s_digest_of_the_body_is_a_content_digest():
    # langflow api/v1/projects.py: an idempotency receipt stores a digest of the request
    # body; a retry with the same operation id but another body is refused. The helper
    # handles no key: an unkeyed fingerprint of content, low. A helper that signs the body
    # with a key, or passes one, is still a signature.
    src = """\
        import hashlib
        import hmac

        from fastapi import APIRouter, HTTPException

        from app.utils import canonical_json_digest, keyed_digest
        from app.settings import WEBHOOK_SECRET

        router = APIRouter()


        def _request_digest(request_body) -> str:
            normalized = request_body.model_dump(mode="json", exclude_unset=True)
            return canonical_json_digest(normalized)


        def _body_signature_digest(request_body) -> str:
            return hmac.new(WEBHOOK_SECRET, request_body.json().encode(), hashlib.sha256).hexdigest()


        def _signed_digest(request_body) -> str:
            return keyed_digest(request_body.json(), key=WEBHOOK_SECRET)


        @router.post("/projects/{project_id}/replace")
        async def replace_project(project_id: int, request_body: dict, receipt: dict):
            request_digest = _request_digest(request_body)
            if receipt.request_digest != request_digest:
                raise HTTPException(status_code=409)
            if receipt.request_digest != _body_signature_digest(request_body):
                raise HTTPException(status_code=409)
            if receipt.request_digest != _signed_digest(request_body):
                raise HTTPException(status_code=409)
        """
    assert _found(src, "AIS207") == [(28, "low"), (30, "high"), (32, "high")]
