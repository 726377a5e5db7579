"""Look-alikes found by a precision review of corpus E (langchain_community's vector stores,
document loaders, graph wrappers and chat models): each case states the confidence the core
must give, at every confidence level, beside the nearby real flaw that must stay reported.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS306
def test_ais306_chat_message_role_is_no_access_role():
    src = """\
        def to_message(raw):
            role = raw["role"]
            assert role in ("assistant", "system", "user"), f"unknown role {role}"
            assert role != "assistant"
            return role

        def close_ticket(user, ticket):
            assert user.role in ("admin", "user")
            assert user.role == "user"
            ticket.close()
        """
    # A message's role against the chat roles is a format check; access roles stay high.
    assert _found(src, "AIS306") == [(8, "high"), (9, "high")]


# ------------------------------------------------------------------ AIS414
def test_ais414_load_after_an_explicit_opt_in_is_low():
    src = """\
        import pickle

        def load_index(folder, *, allow_dangerous_deserialization=False):
            if not allow_dangerous_deserialization:
                raise ValueError("pickle files can run code; opt in if the file is yours")
            with open(folder + "/index.pkl", "rb") as fh:
                return pickle.load(fh)

        def from_blob(blob, **kwargs):
            if not kwargs.get("allow_unsafe_pickle"):
                raise ValueError("opt in")
            return pickle.loads(blob)

        def load_blob(blob, verbose=False):
            if not verbose:
                raise ValueError("not a danger flag")
            return pickle.loads(blob)

        def load_late(blob, allow_dangerous_deserialization=False):
            data = pickle.loads(blob)
            if not allow_dangerous_deserialization:
                raise ValueError("too late")
            return data
        """
    assert _found(src, "AIS414") == [(7, "low"), (12, "low"), (17, "medium"), (20, "medium")]


def test_ais414_opt_in_in_the_constructor_covers_the_methods():
    src = """\
        import pickle

        class Store:
            def __init__(self, uri, *, allow_dangerous_deserialization=False):
                if not allow_dangerous_deserialization:
                    raise ValueError("this store unpickles its metadata")
                self.uri = uri

            def metadata(self, raw):
                return pickle.loads(raw)

        class Cache:
            def __init__(self, uri):
                self.uri = uri

            def metadata(self, raw):
                return pickle.loads(raw)
        """
    assert _found(src, "AIS414") == [(10, "low"), (17, "medium")]


def test_ais414_opt_in_does_not_excuse_request_data():
    src = """\
        import pickle
        from flask import Flask, request

        app = Flask(__name__)

        @app.post("/restore")
        def restore(allow_dangerous_deserialization=False):
            if not allow_dangerous_deserialization:
                raise ValueError("opt in")
            return pickle.loads(request.data)
        """
    assert _found(src, "AIS414") == [(10, "high")]


# ------------------------------------------------------------------ AIS401
def test_ais401_setting_in_a_statement_without_parameters_is_low():
    src = """\
        from sqlalchemy import text

        def use_schema(cursor, schema):
            cursor.execute(f"alter session set current_schema={schema}")

        def build_index(conn, dims: int = 1536, links: int = 8):
            conn.execute(text(
                '''
                                    CREATE INDEX IF NOT EXISTS docs_idx ON docs USING hnsw (embedding)
                                    WITH (dims = {}, m = {})
                '''.format(dims, links)
            ))

        def quoted_setting(cursor, path):
            cursor.execute(f"ALTER ROLE app SET search_path = '{path}'")

        def lookup(cursor, name):
            cursor.execute(f"SELECT 1 FROM pg_indexes WHERE indexname = '{name}'")
        """
    # Settings and index options cannot be bound: identifier positions (low). A quoted value
    # in SET and a bindable value in a query stay medium.
    assert _found(src, "AIS401") == [(4, "low"), (8, "low"), (15, "medium"), (18, "medium")]


def test_ais401_ddl_with_a_where_clause_keeps_its_values():
    src = """\
        def snapshot(cursor, owner):
            cursor.execute(f"CREATE TABLE snap AS SELECT * FROM docs WHERE owner = {owner}")
        """
    assert _found(src, "AIS401") == [(2, "medium")]


def test_ais401_json_of_a_constant_is_constant():
    src = """\
        import json

        def extract(cursor, column, options):
            fixed = {"plaintext": "false"}
            cursor.execute("select utl_to_text(t." + column + ", json('" + json.dumps(fixed) + "')) from docs t")
            cursor.execute("select utl_to_text(t." + column + ", json('" + json.dumps(options) + "')) from docs t")
        """
    # The column is an identifier (low); the caller's options inside quotes stay medium.
    assert _found(src, "AIS401") == [(5, "low"), (6, "medium")]


def test_ais401_class_string_constant_is_constant():
    src = """\
        class Fixture:
            table_name = "demo.profiles"
            label: str = "demo.labels"
            kind = "people"

            def __init__(self, kind):
                self.kind = kind

            @classmethod
            def describe(cls, db):
                db.execute_sql(f"SELECT 'rows of {cls.table_name}' FROM meta WHERE t = '{cls.table_name}'")

            def labels(self, db):
                db.execute_sql(f"SELECT * FROM meta WHERE t = '{self.label}'")

            def kinds(self, db):
                db.execute_sql(f"SELECT * FROM meta WHERE t = '{self.kind}'")
        """
    # An annotated field and a constant rebound in __init__ are set by the constructor.
    assert _found(src, "AIS401") == [(14, "medium"), (17, "medium")]


def test_ais401_pragma_value_stays_a_value():
    src = """\
        import sqlite3

        def tune(path, timeout):
            db = sqlite3.connect(path)
            db.execute(f"PRAGMA busy_timeout={timeout}")
            db.execute(f"ALTER TABLE docs SET (fillfactor = {timeout})")
        """
    assert _found(src, "AIS401") == [(5, "medium"), (6, "low")]


def test_ais401_a_count_read_back_from_the_database_is_a_number():
    src = """\
        def add_rows(conn, rows):
            last = conn.execute("SELECT max(rowid) AS rowid FROM docs").fetchone()["rowid"]
            if last is None:
                last = 0
            conn.executemany("INSERT INTO docs(text) VALUES (?)", rows)
            return conn.execute(f"SELECT rowid FROM docs WHERE rowid > {last}").fetchall()

        def rename_all(conn):
            name = conn.execute("SELECT max(title) FROM docs").fetchone()[0]
            return conn.execute(f"SELECT rowid FROM docs WHERE title = '{name}'").fetchall()
        """
    # max(title) is text from the table: a second-order value, still medium.
    assert _found(src, "AIS401") == [(10, "medium")]
