"""Look-alikes found by the precision review of corpus G, part 2 (ckan 2.12.0's ``ckan/`` and
``ckanext/``, prefect 3.9.1's ``prefect/``): each case states the confidence the core must
give, at every confidence level, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS208
def test_ais208_a_flag_or_number_in_the_query_is_no_credential():
    # prefect server/api/block_documents.py: a switch asking for the secrets, not a secret.
    src = """\
        from typing import Annotated, Optional

        from fastapi import APIRouter, Query

        router = APIRouter()


        @router.get("/docs/{id}")
        async def read_doc(id: str, include_secrets: bool = Query(False, description="Include sensitive values.")):
            return load(id, include_secrets=include_secrets)


        @router.get("/blocks")
        async def read_blocks(include_secrets: Annotated[Optional[bool], Query()] = None, token_ttl: int | None = Query(None)):
            return []


        @router.get("/items")
        async def read_items(api_key: str = Query(...), token: Annotated[str | None, Query()] = None):
            return []
        """
    assert _found(src, "AIS208") == [(19, "high"), (19, "medium")]


# ------------------------------------------------------------------ AIS401
def test_ais401_a_module_function_that_quotes_a_literal_is_no_injection():
    # ckanext/datastore/backend/postgres.py: literal_string() doubles the quote and wraps the
    # value in it. The same call inside another literal, or a wrapper that does not double the
    # quote, still reaches the SQL.
    src = """\
        import sqlalchemy as sa


        def literal_string(s):
            return "'" + s.replace("'", "''").replace("\\\\0", "") + "'"


        def identifier(s):
            return f'"{s.replace(chr(34), chr(34) * 2)}"'


        def plain(s):
            return "'" + s + "'"


        def table_type(conn, id):
            conn.execute(sa.text(f"SELECT table_type FROM information_schema.tables WHERE table_name = {literal_string(id)}"))


        def size(conn, id):
            conn.execute(sa.text(f"SELECT pg_relation_size({literal_string(id)})"))


        def aliases(conn, id):
            conn.execute(sa.text(f"SELECT name FROM meta WHERE alias_of = '{literal_string(id)}'"))


        def unquoted(conn, id):
            conn.execute(sa.text(f"SELECT name FROM meta WHERE alias_of = {plain(id)}"))
        """
    assert _found(src, "AIS401") == [(25, "medium"), (29, "medium")]


def test_ais401_bind_placeholders_numbered_by_range_or_enumerate_are_no_values():
    # ckanext/datastore/backend/postgres.py upsert_data: ":val_0, :val_1, ..." named after a
    # counter, the values bound beside; the comprehension reuses the name of an earlier
    # enumerate() index. The same list built from the records' values is injectable.
    src = """\
        import sqlalchemy as sa


        def insert(conn, table_sql, fields, records):
            rows = []
            for record in records:
                row = {}
                for idx, field in enumerate(fields):
                    row[f"val_{idx}"] = record.get(field)
                rows.append(row)
            sql = "INSERT INTO t VALUES ({values})".format(
                values=", ".join([f":val_{idx}" for idx in range(0, len(fields))]),
            )
            conn.execute(sa.text(sql), rows)


        def insert_values(conn, fields, record):
            sql = "INSERT INTO t VALUES ({values})".format(
                values=", ".join([f"'{record[name]}'" for idx, name in enumerate(fields)]),
            )
            conn.execute(sa.text(sql))
        """
    assert _found(src, "AIS401") == [(21, "medium")]


# ------------------------------------------------------------------ AIS101
def test_ais101_an_object_reference_is_no_secret():
    # ckan/cli/generate.py: factories named by "module:attribute", one under "api-token". A
    # "name:value" pair without a module path is still a credential.
    src = """\
        _factories = {
            "api-token": "app.tests.factories:APIToken",
            "user": "app.tests.factories:User",
        }
        SETTINGS = {"api-token": "deploy:Xk29vLq8sTr4"}
        """
    assert _found(src, "AIS101") == [(5, "high")]


def test_ais101_a_schema_example_is_low():
    # prefect blocks/system.py: the sample values of a pydantic field, shown in the API docs.
    # The same pair as a field's default is still a credential.
    src = """\
        from pydantic import BaseModel, Field


        class Secret(BaseModel):
            value: dict = Field(
                default=...,
                examples=["sk-not-a-key", {"username": "johndoe", "password": "s3cr3t"}],
                json_schema_extra={"example": {"password": "s3cr3t"}},
            )
            login: dict = Field(default={"username": "johndoe", "password": "s3cr3t"})
        """
    assert _found(src, "AIS101") == [(7, "low"), (8, "low"), (10, "medium")]


# ------------------------------------------------------------------ AIS306
def test_ais306_an_item_a_loop_takes_is_low():
    # ckan/lib/create_test_data.py: each admin looked up by name must exist. A flag named
    # like a role is still an access check.
    src = """\
        def create_groups(group_dicts, admin_users):
            for group_dict in group_dicts:
                admins = [User.by_name(name) for name in group_dict.get("admins", [])] + admin_users
                for admin in admins:
                    assert admin
                    add_member(admin, capacity="admin")


        def delete_group(user, group):
            admin = user.is_sysadmin
            assert admin
            group.delete()
        """
    assert _found(src, "AIS306") == [(5, "low"), (11, "high")]


# ------------------------------------------------------------------ AIS207
def test_ais207_an_argument_of_a_command_line_command_is_low():
    # prefect cli/cloud/__init__.py login: the key the user typed against their own
    # PREFECT_API_KEY. The same comparison in a web route is still timed by the client.
    src = """\
        import os

        import cyclopts
        from flask import Flask, abort

        cloud_app = cyclopts.App(name="cloud")
        app = Flask(__name__)


        @cloud_app.command(name="login")
        async def login(*, key: str | None = None):
            env_var_api_key = os.getenv("APP_API_KEY")
            if env_var_api_key and key and env_var_api_key != key:
                raise SystemExit("a different APP_API_KEY is set")


        @app.route("/hook/<key>")
        def hook(key):
            env_var_api_key = os.getenv("APP_API_KEY")
            if env_var_api_key != key:
                abort(403)
        """
    assert _found(src, "AIS207") == [(13, "low"), (20, "medium")]


# ------------------------------------------------------------------ AIS414
def test_ais414_an_attribute_the_object_only_dumps_into_is_low():
    # prefect context.py: the wrapper loads the bytes its own __init__ dumped. An attribute
    # also set from a parameter holds whatever the caller passes.
    src = """\
        import cloudpickle


        class ContextWrapped:
            def __init__(self, fn, serialized_context):
                self.fn = fn
                self._ctx_bytes = cloudpickle.dumps(serialized_context)

            def __call__(self, *args):
                ctx = cloudpickle.loads(self._ctx_bytes)
                return self.fn(ctx, *args)


        class Restored:
            def __init__(self, state=None):
                self._ctx_bytes = cloudpickle.dumps({})
                if state is not None:
                    self._ctx_bytes = state

            def load(self):
                return cloudpickle.loads(self._ctx_bytes)
        """
    assert _found(src, "AIS414") == [(10, "low"), (21, "medium")]


# ------------------------------------------------------------------ AIS406
def test_ais406_an_environment_for_a_code_template_file_is_low():
    # prefect _sdk/renderer.py: an SDK generator renders Python source from "sdk.py.jinja".
    # An environment that renders an HTML template file is still reported.
    src = """\
        import importlib.resources

        import jinja2


        def sdk_template():
            files = importlib.resources.files("app.templates")
            source = files.joinpath("sdk.py.jinja").read_text()
            env = jinja2.Environment(autoescape=False, undefined=jinja2.StrictUndefined)
            return env.from_string(source)


        def unit_template(root):
            env = jinja2.Environment(loader=jinja2.FileSystemLoader(root), autoescape=False)
            return env.get_template("worker.service.j2")


        def page_template():
            files = importlib.resources.files("app.templates")
            source = files.joinpath("page.html.jinja").read_text()
            env = jinja2.Environment(autoescape=False)
            return env.from_string(source)
        """
    assert _found(src, "AIS406") == [(9, "low"), (14, "low"), (21, "medium")]


def test_ais401_placeholders_from_a_counter_through_a_format_mapping_are_no_values():
    # ckanext/datastore/backend/postgres.py upsert_data: str.format(**format_params) of a
    # dict(...) whose VALUES are ":val_N" names drawn from itertools.count(), through zip()
    # and conditionals. The same mapping carrying the record's values is injectable.
    src = """\
        import itertools

        import sqlalchemy as sa


        def upsert(conn, table_sql, names, record, has_id):
            counter = itertools.count()
            placeholders = [f"val_{next(counter)}" for _ in names]
            if has_id:
                pk_values_sql = ":" + f"val_{next(counter)}"
            else:
                pk_values_sql = ",".join([":" + p for p in placeholders])
            params = dict(
                table=table_sql,
                values=("%s, " % pk_values_sql if has_id else "") + ", ".join(
                    [f"cast(:{p} as nested)" if kind == "nested" else ":" + p for p, kind in zip(placeholders, names)]
                ),
            )
            sql = "INSERT INTO {table} VALUES ({values})".format(**params)
            conn.execute(sa.text(sql), {})


        def upsert_values(conn, table_sql, names, record):
            params = dict(table=table_sql, values=", ".join([f"'{record[n]}'" for n, kind in zip(names, names)]))
            sql = "INSERT INTO {table} VALUES ({values})".format(**params)
            conn.execute(sa.text(sql))
        """
    assert _found(src, "AIS401") == [(20, "low"), (26, "medium")]
