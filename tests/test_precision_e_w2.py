"""Look-alikes found by a precision review of corpus E (langchain_community's vector stores,
document loaders, graph wrappers and chat models): each case states the confidence the core
must give, at every confidence level, beside the nearby real flaw that must stay reported.
"""

from __future__ import annotations

import textwrap

from aisec_shared import Settings, check_source

APP = "src/app/store.py"


def _found(src: str, code: str, filename: str = APP) -> list[tuple[int, str]]:
    """``[(line, confidence)]`` of rule `code` at every confidence."""
    settings = Settings.from_mapping({"aisec_min_confidence": "low"}, strict=True)
    return [(f.line, f.confidence.value) for f in check_source(textwrap.dedent(src), filename, settings, only=[code])]


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
