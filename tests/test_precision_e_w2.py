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
