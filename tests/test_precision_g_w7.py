"""Look-alikes found by the precision review of corpus G, part 1 (pgadmin4): each case states
the confidence the core must give, at every confidence level, so that a lowered finding is
told apart from a dropped one.
"""

from __future__ import annotations

import pytest

from review import found as _found

TEST_HELPER = "pgadmin/browser/server_groups/servers/roles/tests/utils.py"


# ------------------------------------------------------------------ injection in test files
SQL_HELPER = """\
    from flask import request


    def create_role(connection, role_name):
        pg_cursor = connection.cursor()
        pg_cursor.execute("SELECT oid FROM pg_catalog.pg_roles WHERE rolname = '%s'" % role_name)
        return pg_cursor.fetchone()


    def lookup_role(connection):
        pg_cursor = connection.cursor()
        name = request.args["name"]
        pg_cursor.execute("SELECT oid FROM pg_catalog.pg_roles WHERE rolname = '%s'" % name)
    """


def test_ais401_an_unknown_value_in_a_test_helper_is_low():
    # pgadmin's */tests/utils.py build their fixtures' SQL from the test's parameters: test
    # data, in code that is not deployed. Request data in the same file stays high.
    assert _found(SQL_HELPER, "AIS401", filename=TEST_HELPER) == [(6, "low"), (13, "high")]


def test_ais401_the_same_helper_in_application_code_stays_medium():
    assert _found(SQL_HELPER, "AIS401") == [(6, "medium"), (13, "high")]


@pytest.mark.parametrize(
    ("code", "src"),
    [
        (
            "AIS402",
            """\
            import subprocess


            def drop_cluster(path):
                subprocess.run("pg_ctl stop -D %s" % path, shell=True)
            """,
        ),
        (
            "AIS404",
            """\
            def run_expr(expr):
                return eval("1 + %s" % expr)
            """,
        ),
        (
            "AIS414",
            """\
            import pickle


            def load_desc(row):
                return pickle.loads(row.desc)
            """,
        ),
    ],
)
def test_injection_family_unknown_value_in_a_test_file_is_low(code, src):
    assert _found(src, code) == [(5 if code != "AIS404" else 2, "medium")]
    assert _found(src, code, filename=TEST_HELPER) == [(5 if code != "AIS404" else 2, "low")]


def test_ais402_request_data_in_a_test_file_stays_high():
    src = """\
        import subprocess

        from flask import request


        def run():
            subprocess.run("ls %s" % request.args["d"], shell=True)
        """
    assert _found(src, "AIS402", filename=TEST_HELPER) == [(7, "high")]


# ------------------------------------------------------------------ AIS414
def test_ais414_decrypt_by_a_fernet_a_module_helper_returns_is_authenticated():
    # pgadmin utils/session.py: the session file's body is decrypted by a Fernet that a
    # helper derives from the secret key; Fernet.decrypt only returns what the key holder
    # produced. The same load of the file's raw body stays medium.
    src = """\
        import base64
        import pickle

        from cryptography.fernet import Fernet


        def _session_fernet(secret):
            derived = derive_key(secret)
            return Fernet(base64.urlsafe_b64encode(derived))


        def _plain_opener(secret):
            return open_codec(secret)


        class Store:
            def get(self, fname):
                with open(fname, "rb") as f:
                    body = f.read()
                plaintext = _session_fernet(self.secret).decrypt(body)
                return pickle.loads(plaintext)

            def get_legacy(self, blob):
                return pickle.loads(_plain_opener(self.secret).decrypt(blob))

            def get_raw(self, blob):
                return pickle.loads(blob)
        """
    assert _found(src, "AIS414") == [(24, "medium"), (27, "medium")]


# ------------------------------------------------------------------ AIS205
def test_ais205_an_item_read_with_a_number_default_is_a_flag():
    # pgadmin utils/__init__.py (load_servers): "TunnelPromptPassword" says whether to prompt
    # for the SSH tunnel's password, 0 or 1. A password item read as a string stays medium.
    src = """\
        from pgadmin.model import Server


        def load_servers(data):
            for obj in data["Servers"].values():
                new_server = Server()
                new_server.tunnel_prompt_password = obj.get("TunnelPromptPassword", 0)
                new_server.save_password = obj.get("SavePassword", False)
                new_server.tunnel_password = obj.get("TunnelPassword", "")
                new_server.password = obj.get("Password")
        """
    assert _found(src, "AIS205") == [(9, "medium"), (10, "medium")]


def test_ais205_an_azure_sdk_model_is_a_request_to_azure_not_a_record():
    # pgacloud/providers/azure.py: the admin password of the database server being
    # provisioned, sent to Azure's management API. A model of the project stays reported.
    src = """\
        from azure.mgmt.rdbms.postgresql_flexibleservers.models import Server, Sku
        from app.models import Account


        def create(client, args, db_password, form):
            client.servers.begin_create(
                server_name=args.name,
                parameters=Server(
                    sku=Sku(name=args.instance_type),
                    administrator_login=args.db_username,
                    administrator_login_password=db_password,
                ),
            )
            return Account(username=form["username"], password=form["password"])
        """
    assert _found(src, "AIS205") == [(14, "medium")]


# ------------------------------------------------------------------ AIS207
def test_ais207_a_cache_of_what_the_client_sent_is_low():
    # pgadmin misc/cloud/rds: the credentials verified last time are cached in the session;
    # the same ones sent again skip the check, new ones are verified and then cached. A
    # comparison with a stored secret that nothing replaces stays reported.
    src = """\
        from flask import request, session


        def verify_credentials():
            data = request.get_json()
            cached_secret = session["aws"].get("secret")
            if cached_secret is None or cached_secret != data["secret"]:
                status = validate(data["secret"])
                if status:
                    session["aws"]["secret"] = data["secret"]
            return status


        def check_key():
            stored_secret = session["aws"].get("secret")
            if stored_secret != request.args["secret"]:
                return "denied", 403
            return "ok"
        """
    assert _found(src, "AIS207") == [(7, "low"), (16, "high")]


# ------------------------------------------------------------------ AIS408
def test_ais408_a_url_past_a_validator_named_check_is_low():
    # pgadmin llm/__init__.py: each model-list fetcher refuses a base URL that
    # validate_api_url() (another module: scheme://host:port against an allow-list in the
    # config) rejects. The same fetch without the check stays high.
    src = """\
        import urllib.request

        from flask import Flask, request

        from app.llm.utils import validate_api_url

        app = Flask(__name__)


        def _fetch_models(api_key, api_url=""):
            base_url = (api_url or "https://api.example.com/v1").rstrip("/")
            if not validate_api_url(base_url):
                raise ValueError("API URL is not in the allowed list")
            url = f"{base_url}/models"
            return urllib.request.Request(url, headers={"x-api-key": api_key})


        def _fetch_tags(api_url):
            return urllib.request.Request(f"{api_url}/api/tags")


        @app.route("/models", methods=["POST"])
        def refresh_models():
            data = request.get_json()
            _fetch_tags(data["api_url"])
            return _fetch_models(data.get("api_key"), data.get("api_url", ""))
        """
    assert _found(src, "AIS408") == [(15, "low"), (19, "high")]


# ------------------------------------------------------------------ AIS305
def test_ais305_a_helper_only_admin_handlers_call_is_low():
    # pgadmin tools/user_management: update_role(rid, data) sets every key of the request
    # on a Role, and only an @roles_required("Administrator") view calls it. The same helper
    # behind a view any user reaches stays high.
    src = """\
        import json

        from flask import Blueprint, request
        from flask_security import roles_required

        from app.model import Role, db

        blueprint = Blueprint("user_management", __name__)


        def update_role(rid, data):
            r = Role.query.get(rid)
            for key, value in data.items():
                setattr(r, key, value)
            db.session.commit()


        @blueprint.route("/role/<int:rid>", methods=["PUT"])
        @roles_required("Administrator")
        def role_update(rid):
            data = request.form if request.form else json.loads(request.data)
            return update_role(rid, data)


        def update_profile(uid, data):
            r = Role.query.get(uid)
            for key, value in data.items():
                setattr(r, key, value)
            db.session.commit()


        @blueprint.route("/profile/<int:uid>", methods=["PUT"])
        @roles_required("Administrator")
        def profile_update_admin(uid):
            return update_profile(uid, request.get_json())


        @blueprint.route("/me/<int:uid>", methods=["PUT"])
        def profile_update(uid):
            return update_profile(uid, request.get_json())
        """
    assert _found(src, "AIS305") == [(14, "low"), (28, "high")]


def test_ais205_an_item_every_write_of_the_module_hashes_is_low():
    # pgadmin tools/user_management: validate_password(data, new_data) stores
    # new_data["password"] = hash_password(...), then _create_new_user(new_data) builds the
    # User from it. A key the module fills with the raw value stays reported.
    src = """\
        from app.model import User, Member


        def validate_password(data, new_data):
            if data["newPassword"] == data["confirmPassword"]:
                new_data["password"] = hash_password(data["newPassword"])


        def _create_new_user(new_data):
            return User(username=new_data["username"], password=new_data["password"])


        def _create_member(fields):
            return Member(name=fields["name"], member_password=fields["member_password"])


        def fill(form, fields):
            fields["member_password"] = form.get("member_password")
        """
    assert _found(src, "AIS205") == [(10, "low"), (14, "medium")]


def test_ais205_a_write_that_keeps_the_item_stores_nothing_new():
    src = """\
        from app.model import User


        def validate_user(data):
            new_data = dict()
            new_data["password"] = hash_password(data["newPassword"])
            return new_data


        def create_user(data):
            data["password"] = data["password"] if "password" in data else None
            new_data = validate_user(data)
            new_data["password"] = new_data["password"] if "password" in new_data else None
            _create_new_user(new_data)


        def _create_new_user(new_data):
            return User(username=new_data["username"], password=new_data["password"])
        """
    assert _found(src, "AIS205") == [(18, "low")]
