"""Look-alikes found by the precision review of corpus G, part 3 (khoj 1.42.10 and
openhands-ai 1.11.0): each case states the confidence the core must give, at every
confidence level, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS208
def test_ais208_a_bool_query_switch_named_for_secrets_is_no_credential():
    # openhands app_server/user/user_router.py: ``/users/me?expose_secrets=true`` asks for the
    # unmasked values; the credential itself comes in a header.
    src = """\
        from typing import Annotated, Optional
        from fastapi import APIRouter, Header, Query

        router = APIRouter()


        @router.get("/me")
        async def me(
            expose_secrets: bool = Query(default=False),
            x_session_api_key: str | None = Header(default=None),
        ):
            return {}


        @router.get("/other")
        async def other(
            show_token: Annotated[Optional[bool], Query()] = None,
            reveal_password: bool | None = Query(None),
        ):
            return {}


        @router.get("/key")
        async def by_key(api_key: str = Query(...), session_token: Annotated[str, Query()] = ""):
            return {}
        """
    assert _found(src, "AIS208") == [(24, "high"), (24, "medium")]
