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


# ------------------------------------------------------------------ AIS409
def test_ais409_query_parameters_appended_to_a_url_the_program_made_are_low():
    # khoj routers/auth.py: the sign-in redirect keeps the request's other query parameters,
    # appended to the host-fixed URL a helper of another module builds from ``next``.
    src = """\
        from fastapi import APIRouter
        from starlette.requests import Request
        from starlette.responses import RedirectResponse
        from app.helpers import get_next_url

        router = APIRouter()


        @router.post("/redirect")
        async def auth_post(request: Request):
            next_url = get_next_url(request)
            for q in request.query_params:
                if q != "next":
                    next_url += f"&{q}={request.query_params[q]}"
            return RedirectResponse(url=next_url)


        @router.post("/open")
        async def open_next(request: Request):
            next_url = request.query_params.get("next", "/")
            for q in request.query_params:
                next_url += f"&{q}={request.query_params[q]}"
            return RedirectResponse(url=next_url)


        @router.post("/glued")
        async def glued(request: Request):
            base = get_next_url(request)
            return RedirectResponse(url=base + request.query_params["rest"])
        """
    # The helper's URL first, then "&key=value": low. The request's own "next" first, or a
    # value glued to the base with no separator (``@evil.example`` moves the host): high.
    assert _found(src, "AIS409") == [(15, "low"), (23, "high"), (29, "high")]


# ------------------------------------------------------------------ AIS301
def test_ais301_router_dependencies_the_file_does_not_show_are_low():
    # openhands app_server/sandbox/sandbox_router.py and secrets/secrets_router.py: the router
    # takes its dependencies from a helper of another module (an API-key check); the two
    # handlers the sandbox itself calls add their own session-key dependency.
    src = """\
        from fastapi import APIRouter, Depends, HTTPException
        from app.dependencies import get_dependencies
        from app.services import sandbox_service_dependency

        router = APIRouter(prefix="/sandboxes", dependencies=get_dependencies())
        open_router = APIRouter(prefix="/open")


        async def _valid_sandbox(session_api_key: str = Depends(header_scheme)):
            if not await validate(session_api_key):
                raise HTTPException(403)
            return session_api_key


        @router.get("/{sandbox_id}/secrets")
        async def list_secrets(sandbox=Depends(_valid_sandbox)):
            return []


        @router.delete("/{sandbox_id}")
        async def delete_sandbox(sandbox_id: str, service=sandbox_service_dependency):
            await service.delete_sandbox(sandbox_id)
            return {}


        @open_router.get("/{sandbox_id}/secrets")
        async def open_list_secrets(sandbox=Depends(_valid_sandbox)):
            return []


        @open_router.delete("/{sandbox_id}")
        async def open_delete_sandbox(sandbox_id: str, service=sandbox_service_dependency):
            await service.delete_sandbox(sandbox_id)
            return {}
        """
    # Under the router whose dependencies the file does not show: low. Under a router with
    # none, the same handler is still reported.
    assert _found(src, "AIS301") == [(21, "low"), (32, "high")]


def test_ais301_a_literal_dependency_list_without_auth_is_still_read():
    src = """\
        from fastapi import APIRouter, Depends, HTTPException
        from app.services import sandbox_service_dependency, get_db

        DEPS = [Depends(get_db)]
        router = APIRouter(prefix="/items", dependencies=DEPS)


        async def _valid_key(api_key: str = Depends(header_scheme)):
            if not await validate(api_key):
                raise HTTPException(403)


        @router.get("/secrets")
        async def list_secrets(key=Depends(_valid_key)):
            return []


        @router.delete("/{item_id}")
        async def delete_item(item_id: str, service=sandbox_service_dependency):
            await service.delete_item(item_id)
            return {}
        """
    assert _found(src, "AIS301") == [(19, "high")]


# ------------------------------------------------------------------ AIS406
def test_ais406_an_environment_for_language_model_prompts_is_low():
    # openhands app_server/integrations/service_types.py: suggested-task prompts rendered
    # from ``*_prompt.j2`` files for the agent, never served to a browser.
    src = """\
        from jinja2 import Environment, FileSystemLoader


        def prompt_for(task_type, **values):
            env = Environment(loader=FileSystemLoader("templates/suggested_task"))
            if task_type == "conflicts":
                template = env.get_template("merge_conflict_prompt.j2")
            else:
                template = env.get_template("prompts/failing_checks.jinja2")
            return template.render(**values)


        def page_for(**values):
            pages = Environment(loader=FileSystemLoader("templates"))
            return pages.get_template("prompt.html").render(**values)


        def mail_for(**values):
            mails = Environment(loader=FileSystemLoader("templates"))
            return mails.get_template("welcome.j2").render(**values)
        """
    # Prompt templates: low. An HTML template named prompt, or a .j2 not named as a prompt:
    # still medium.
    assert _found(src, "AIS406") == [(5, "low"), (14, "medium"), (19, "medium")]


# ------------------------------------------------------------------ AIS204
def test_ais204_secure_off_under_a_disable_https_flag_is_low():
    # khoj app/settings.py: the operator runs without TLS (KHOJ_NO_HTTPS); Secure cookies
    # would never come back over plain HTTP.
    src = """\
        import os

        DISABLE_HTTPS = os.getenv("KHOJ_NO_HTTPS") == "true"

        if DISABLE_HTTPS:
            SESSION_COOKIE_SECURE = False

        if not DISABLE_HTTPS:
            CSRF_COOKIE_SECURE = False

        if USE_HTTPS:
            SESSION_COOKIE_SECURE = False
        """
    # In the branch where HTTPS is off: low. Where it is on (the negated flag, a flag without
    # a negating word): high.
    assert _found(src, "AIS204") == [(6, "low"), (9, "high"), (12, "high")]
