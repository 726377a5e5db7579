"""Look-alikes found by the precision review of corpus E (an MLOps platform's client, server
and integrations, reviewed by hand): each case states the confidence the core must give, at
every confidence level, beside the nearby real flaw that must stay reported.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS106
def test_ais106_enum_member_named_for_a_credential_is_a_constant():
    src = """\
    import logging

    from fastapi import HTTPException
    from app.enums import LoginGrantTypes

    logger = logging.getLogger(__name__)


    class LoginForm:
        def __init__(self, grant_type, password):
            if not grant_type:
                self.grant_type = LoginGrantTypes.OAUTH_PASSWORD
            else:
                self.grant_type = LoginGrantTypes(grant_type)
            if self.grant_type == LoginGrantTypes.OAUTH_PASSWORD:
                logger.info(f"Request with unsupported grant type: {self.grant_type}")
                raise HTTPException(status_code=400, detail=f"Unsupported grant type: {self.grant_type}.")
            logger.info(f"login with {password}")
    """
    assert _found(src, "AIS106") == [(18, "medium")]


def test_ais106_local_enum_member_is_a_constant_but_a_settings_class_is_not():
    src = """\
    import enum
    import logging

    logger = logging.getLogger(__name__)


    class AuthKind(enum.Enum):
        API_KEY = "api-key"


    class Settings:
        API_KEY = load()


    def describe():
        logger.info("auth: %s", AuthKind.API_KEY)
        logger.info("key: %s", Settings.API_KEY)
    """
    assert _found(src, "AIS106") == [(17, "medium")]


def test_ais106_a_certificate_filed_as_a_secret_str_is_low_its_key_is_not():
    # zenml's mydumper backup: the command line logged at debug level carries the CA file
    # the SQL store's settings keep as a SecretStr; the client key beside it is a secret.
    src = """\
    import logging

    logger = logging.getLogger(__name__)


    class Backup:
        def command(self):
            cmd = ["mydumper"]
            if self.config.ssl_ca:
                cmd.extend(["--ca", self.config.ssl_ca.get_secret_value()])
            logger.debug(f"mydumper command: {cmd}")
            logger.debug("cert: %s", self.config.client_cert.get_secret_value())
            logger.debug("key: %s", self.config.ssl_key.get_secret_value())
            logger.debug("pw: %s", self.config.cert_password.get_secret_value())
    """
    assert _found(src, "AIS106") == [(11, "low"), (12, "low"), (13, "high"), (14, "high")]


def test_ais106_attribute_that_names_the_secret_to_look_up_is_a_name():
    src = """\
    class AuthenticationMixin:
        def get_authentication_secret(self):
            if not self.config.authentication_secret:
                return None
            try:
                return Client().get_secret_by_name_and_private_status(name=self.config.authentication_secret)
            except KeyError:
                raise KeyError(f"The secret {self.config.authentication_secret} does not exist.")

        def get_typed_secret(self, schema):
            secret = self.get_authentication_secret()
            try:
                return schema(**secret.secret_values)
            except TypeError as e:
                raise TypeError(f"Secret `{self.config.authentication_secret}` is not a {schema}: {e}")

        def connect(self):
            raise ValueError(f"cannot connect with {self.config.api_token}")
    """
    assert _found(src, "AIS106") == [(18, "high")]


def test_ais106_arn_answered_by_a_create_call_is_an_identifier():
    src = """\
    import json
    import logging

    logger = logging.getLogger(__name__)


    class Deployer:
        def _create_or_update_secret(self, name, value):
            try:
                response = self.client.update_secret(SecretId=name, SecretString=value)
                return response["ARN"]
            except KeyError:
                response = self.client.create_secret(Name=name, SecretString=value)
                return response["ARN"]

        def _read_secret(self, name):
            response = self.client.fetch(SecretId=name)
            return response["Value"]

        def prepare(self, name, secrets):
            secret_arn = self._create_or_update_secret(name, json.dumps(secrets))
            logger.debug(f"Secret {name} stored with ARN {secret_arn}")
            secret_value = self._read_secret(name)
            logger.debug(f"Secret {name} holds {secret_value}")
    """
    assert _found(src, "AIS106") == [(24, "medium")]


# ------------------------------------------------------------------ AIS205
MODELS = "src/app/zen_server/routers/users.py"


def test_ais205_request_and_update_schemas_are_not_records():
    src = """\
    from fastapi import APIRouter

    from app.models import User, UserRequest, UserUpdate
    from app.store import store

    router = APIRouter()


    def update_user(name, updated_password, old_password):
        user_update = UserUpdate(name=name)
        if updated_password is not None:
            user_update.password = updated_password
            user_update.old_password = old_password
        return user_update


    def activate(request):
        return store.create_user(UserRequest(name=request.admin_username, password=request.admin_password))


    @router.post("/users")
    def create(user_update: UserUpdate):
        user = User(name=user_update.name, password=user_update.password)
        return user
    """
    assert _found(src, "AIS205", MODELS) == [(23, "high")]


def test_ais205_copy_of_the_request_body_is_not_a_record():
    src = """\
    from fastapi import APIRouter

    from app.models import UserUpdate
    from app.store import store

    router = APIRouter()


    @router.put("/users/{user_id}")
    def put_user(user_id: str, user_update: UserUpdate):
        safe_update = user_update.create_copy(exclude={"is_admin"})
        if user_update.password is not None:
            safe_update.password = user_update.password
        record = store.get_user(user_id)
        record.password = user_update.password
        return store.update_user(user_id, safe_update)
    """
    assert _found(src, "AIS205", MODELS) == [(15, "high")]


CREDENTIALS = """\
class CredentialsStore:
    def set_api_key(self, server_url, api_key):
        credential = self.credentials.get(server_url)
        if credential and credential.api_key != api_key:
            credential.api_token = None
            credential.api_key = api_key
        else:
            self.credentials[server_url] = make(server_url, api_key)

    def set_password(self, server_url, username, password):
        credential = self.credentials.get(server_url)
        if credential and (credential.username != username or credential.password != password):
            credential.username = username
            credential.password = password

    def check_api_key(self, server_url, api_key):
        credential = self.credentials.get(server_url)
        if credential.api_key != api_key:
            raise PermissionError("bad key")
        return True

    def login(self, username, password):
        user = self.users.get(username)
        if user.password != password:
            raise PermissionError("bad password")
        return user
"""


def test_ais205_compare_then_replace_is_a_change_check():
    assert _found(CREDENTIALS, "AIS205", "src/app/store.py") == [(12, "low"), (24, "high")]


# ------------------------------------------------------------------ AIS207
def test_ais207_compare_then_replace_is_a_change_check():
    assert _found(CREDENTIALS, "AIS207", "src/app/store.py") == [(4, "low"), (18, "high")]


# ------------------------------------------------------------------ AIS301
def test_ais301_check_in_a_helper_run_in_the_threadpool():
    src = """\
    from fastapi import APIRouter, HTTPException, Request, Response, Security
    from starlette.concurrency import run_in_threadpool

    from app.auth import authorize
    from app.store import store

    router = APIRouter()


    @router.delete("/hooks/{hook_id}")
    def delete_hook(hook_id: str, auth=Security(authorize)):
        store.delete_hook(hook_id)


    @router.post("/hooks/{hook_type}/{hook_id}/events")
    async def receive_event(hook_type: str, hook_id: str, request: Request) -> Response:
        body = await request.body()
        return await run_in_threadpool(_receive_event, hook_id=hook_id, body=body, headers=request.headers)


    def _receive_event(hook_id, body, headers):
        config = store.get_hook_config(hook_id)
        provider = get_provider(config.kind)
        try:
            provider.authenticate(body=body, headers=headers, secret=config.secret.get_secret_value())
        except AuthError as error:
            raise HTTPException(status_code=401, detail="Invalid webhook authentication.") from error
        store.record_event(hook_id, body)
        return Response(status_code=202)


    @router.post("/hooks/{hook_id}/replay")
    async def replay(hook_id: str, request: Request) -> Response:
        body = await request.body()
        return await run_in_threadpool(_store_event, hook_id=hook_id, body=body)


    def _store_event(hook_id, body):
        store.record_event(hook_id, body)
        return Response(status_code=202)
    """
    assert _found(src, "AIS301", "src/app/routers/hooks.py") == [(33, "high")]


# ------------------------------------------------------------------ AIS401
def test_ais401_members_of_an_enumeration_are_constants():
    src = """\
    import sqlalchemy as sa
    from alembic import op

    from app.enums import RunStatus


    def upgrade():
        finished = ", ".join(f"'{status}'" for status in RunStatus if status.is_finished)
        connection = op.get_bind()
        connection.execute(sa.text(f"UPDATE run SET done = CASE WHEN status IN ({finished}) THEN 1 ELSE 0 END"))


    def purge(statuses):
        names = ", ".join(f"'{s}'" for s in statuses)
        connection = op.get_bind()
        connection.execute(sa.text(f"DELETE FROM run WHERE status IN ({names})"))
    """
    assert _found(src, "AIS401", "src/app/migrations/versions/0001_runs.py") == [(16, "medium")]


# ------------------------------------------------------------------ AIS404
def test_ais404_compile_whose_code_object_is_discarded_is_a_syntax_check():
    src = """\
    import inspect


    def build(func):
        source = inspect.getsource(func)
        code = f"{source}\\n{func.__name__}()\\n"
        try:
            compile(code, "<step>", "exec")
        except SyntaxError as e:
            raise ValueError(str(e))
        return ["python", "-c", code]


    def run(func):
        source = inspect.getsource(func)
        code = f"{source}\\n{func.__name__}()\\n"
        obj = compile(code, "<step>", "exec")
        exec(obj)
    """
    assert _found(src, "AIS404") == [(17, "medium")]


# ------------------------------------------------------------------ AIS407
def test_ais407_name_in_a_listing_built_at_start_up_then_joined():
    src = """\
    import os

    from fastapi import FastAPI
    from fastapi.responses import FileResponse

    app = FastAPI()


    def dashboard_directory():
        return os.environ.get("DASHBOARD_DIR", "/srv/dashboard")


    def list_root_files():
        root = dashboard_directory()
        return [f for f in os.listdir(root) if os.path.isfile(os.path.join(root, f))]


    root_files = list_root_files()


    @app.get("/{file_path:path}")
    async def catch_all(file_path: str):
        if file_path and file_path in root_files:
            full_path = os.path.join(dashboard_directory(), file_path)
            return FileResponse(full_path)
        return None


    @app.get("/raw/{file_path:path}")
    async def raw(file_path: str):
        full_path = os.path.join(dashboard_directory(), file_path)
        return FileResponse(full_path)
    """
    # The directory comes from a helper the flow does not read: unknown, hidden (low).
    assert _found(src, "AIS407", "src/app/server.py") == [(25, "low"), (32, "high")]


# ------------------------------------------------------------------ AIS414
def test_ais414_data_checked_against_a_recorded_sha256():
    src = """\
    import hashlib
    import os

    import cloudpickle


    class Materializer:
        def load(self, data_type):
            filepath = os.path.join(self.uri, "artifact.pkl")
            with self.artifact_store.open(filepath, "rb") as fid:
                serialized_data = fid.read()
            content_hash = hashlib.sha256(serialized_data).hexdigest()
            if content_hash != self.expected_content_hash:
                raise RuntimeError("The artifact does not match its recorded content hash.")
            return cloudpickle.loads(serialized_data)

        def load_md5(self, blob):
            if hashlib.md5(blob).hexdigest() != self.expected:
                raise RuntimeError("mismatch")
            return cloudpickle.loads(blob)

        def load_unchecked(self, blob):
            digest = hashlib.sha256(blob).hexdigest()
            self.log(digest)
            return cloudpickle.loads(blob)
    """
    assert _found(src, "AIS414") == [(20, "medium"), (25, "medium")]


# ------------------------------------------------------------------ AIS602
def test_ais602_warning_silenced_in_the_opt_out_branch():
    src = """\
    import requests
    import urllib3


    class Store:
        def session(self):
            if self.config.verify_ssl is False:
                urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
            return requests.Session()


    def quiet():
        urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)
    """
    assert _found(src, "AIS602") == [(13, "medium")]


# ------------------------------------------------------------------ AIS606
def test_ais606_auto_add_policy_in_the_opt_out_branch():
    src = """\
    import paramiko


    class Client:
        def connect(self):
            client = paramiko.SSHClient()
            if self.config.verify_host_key:
                client.set_missing_host_key_policy(paramiko.RejectPolicy())
                client.load_system_host_keys()
            else:
                client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            return client

        def other(self):
            client = paramiko.SSHClient()
            client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
            return client
    """
    assert _found(src, "AIS606") == [(16, "high")]
