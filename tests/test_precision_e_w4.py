"""Look-alikes found by the precision review of corpus E's small packages (datasette,
fastapi-users, flower, mozilla-django-oidc, python-keycloak, social-auth-core): each case
states the confidence the core must give, at every confidence level, so that a lowered
finding is told apart from a dropped one.
"""

from __future__ import annotations

import textwrap

from aisec_shared import Settings, check_source
from review import found as _found


# ------------------------------------------------------------------ AIS101
def test_ais101_a_url_template_with_hyphenated_fields_is_no_secret():
    # python-keycloak urls_patterns.py: endpoint templates filled with str.format(**{...}).
    src = """\
        URL_REALM = "realms/{realm-name}"
        URL_TOKEN = "realms/{realm-name}/protocol/openid-connect/token"
        URL_ENTITLEMENT_TOKEN = "realms/{realm-name}/authz/entitlement/{resource-server-id}"
        API_TOKEN = "Zq8rT2vLm4Xw9KpB3nYd7HsC"
        """
    assert _found(src, "AIS101") == [(4, "high")]


# ------------------------------------------------------------------ AIS106
def test_ais106_an_error_code_for_bad_credentials_is_no_secret():
    # fastapi-users router/auth.py: ErrorCode (a str Enum of another module) names the error.
    src = """\
        from fastapi import HTTPException
        from app.common import ErrorCode


        async def login(user_manager, credentials):
            user = await user_manager.authenticate(credentials)
            if user is None:
                raise HTTPException(status_code=400, detail=ErrorCode.LOGIN_BAD_CREDENTIALS)
            if not user.is_verified:
                raise HTTPException(status_code=400, detail=ErrorCode.RESET_PASSWORD_WRONG_TOKEN)
            raise HTTPException(status_code=400, detail=credentials.password)
        """
    assert _found(src, "AIS106") == [(11, "medium")]


# ------------------------------------------------------------------ AIS103
def test_ais103_a_url_in_a_help_text_is_low():
    # flower options.py: tornado's define() documents the option's shape with an example URL.
    src = """\
        from tornado.options import define

        define("broker_api", type=str, default=None,
               help="inspect broker e.g. http://guest:guest@localhost:15672/api/")
        define("broker_url", type=str,
               default="amqp://flower:Vq7rLz2Kx9Wm@mq.internal:5672//")
        """
    assert _found(src, "AIS103") == [(4, "low"), (6, "high")]


# ------------------------------------------------------------------ AIS201
def test_ais201_a_header_algorithm_checked_against_the_configured_one_is_an_allow_list():
    # mozilla-django-oidc auth.py _verify_jws: the header's alg must equal the configured one.
    src = """\
        import jwt


        class Backend:
            SIGN_ALGO = "RS256"

            def verify(self, payload, key):
                header = jwt.get_unverified_header(payload)
                alg = header["alg"]
                if alg != self.SIGN_ALGO:
                    raise ValueError("unexpected algorithm")
                return jwt.decode(payload, key, algorithms=alg, options={"verify_aud": False})

            def verify_with_key(self, payload, key):
                alg = jwt.get_unverified_header(payload)["alg"]
                if alg == key.algorithm:
                    return jwt.decode(payload, key, algorithms=[alg])
                raise ValueError("unexpected algorithm")

            def trusting(self, payload, key):
                alg = jwt.get_unverified_header(payload)["alg"]
                if alg == "none":
                    raise ValueError("unsigned")
                return jwt.decode(payload, key, algorithms=[alg])
        """
    assert _found(src, "AIS201") == [(24, "high")]


# ------------------------------------------------------------------ AIS306
def test_ais306_an_assert_on_the_signed_out_state_is_no_access_check():
    # mozilla-django-oidc middleware.py: after auth.logout(request) the code asserts the
    # state it just made.
    src = """\
        from django.contrib import auth


        def refresh(request):
            if request.user.is_authenticated:
                auth.logout(request)
            assert not request.user.is_authenticated
            assert not is_logged_in(request)


        def delete_all(request):
            assert request.user.is_authenticated
            request.items.delete()


        def make_admin(request, user):
            assert not user.is_authenticated or request.user.is_staff
            user.grant("admin")
        """
    assert _found(src, "AIS306") == [(12, "high"), (17, "high")]


# ------------------------------------------------------------------ AIS415
def test_ais415_a_url_checked_through_unpacked_keyword_arguments_and_a_flag_is_validated():
    # mozilla-django-oidc views.py get_next_url: the check's arguments are a dict unpacked
    # into url_has_allowed_host_and_scheme(**kwargs), its result a flag tested after.
    src = """\
        from django.utils.http import url_has_allowed_host_and_scheme


        def get_next_url(request, field):
            next_url = request.GET.get(field)
            if next_url:
                kwargs = {"url": next_url, "require_https": request.is_secure()}
                kwargs["allowed_hosts"] = [request.get_host()]
                is_safe = url_has_allowed_host_and_scheme(**kwargs)
                if is_safe:
                    return next_url
            return None


        def get_back_url(request):
            back = request.GET.get("back")
            kwargs = {"url": request.GET.get("next"), "allowed_hosts": [request.get_host()]}
            if url_has_allowed_host_and_scheme(**kwargs):
                return back
            return None


        def login(request):
            request.session["login_next"] = get_next_url(request, "next")
            request.session["login_back"] = get_back_url(request)
            request.session["refresh_next"] = request.get_full_path()
        """
    assert _found(src, "AIS415") == [(25, "high"), (26, "high")]


# ------------------------------------------------------------------ AIS102
_JWT = (
    "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"
    ".eyJzdWIiOiJ1c2VyLTQyIiwiYXVkIjoiYXBwOmF1dGgiLCJleHAiOjE3MDAwMDAwMDB9"
    ".Q2hlY2tzdW1fb2ZfYV90ZXN0X3Rva2VuX29ubHk"
)


def test_ais102_a_jwt_filed_under_an_example_key_is_low():
    # fastapi-users authentication/transport/bearer.py: the OpenAPI response example of the
    # login route shows a token's shape.
    src = f"""\
        def openapi_login_responses():
            return {{
                200: {{
                    "content": {{
                        "application/json": {{
                            "example": {{"access_token": "{_JWT}", "token_type": "bearer"}},
                        }}
                    }}
                }}
            }}


        SERVICE_TOKEN = "{_JWT}"
        DEFAULTS = {{"access_token": "{_JWT}"}}
        """
    assert _found(src, "AIS102") == [(6, "low"), (13, "medium"), (14, "medium")]


# ------------------------------------------------------------------ AIS208
def test_ais208_a_single_use_token_cleared_after_its_match_is_a_link():
    # datasette views/special.py AuthTokenView: the --root sign-in URL's token works once.
    src = """\
        import secrets


        class AuthTokenView:
            async def get(self, request):
                token = request.args.get("token") or ""
                if not self.ds._root_token:
                    raise Forbidden("Root token has already been used")
                if secrets.compare_digest(token, self.ds._root_token):
                    self.ds._root_token = None
                    return Response.redirect("/")
                raise Forbidden("Invalid token")


        class ApiView:
            async def get(self, request):
                token = request.args.get("token") or ""
                if secrets.compare_digest(token, self.ds.api_token):
                    self.ds.last_seen = None
                    return Response.json({"ok": True})
                raise Forbidden("Invalid token")
        """
    assert _found(src, "AIS208") == [(17, "medium")]


# ------------------------------------------------------------------ AIS107
def test_ais107_name_only_findings_in_tests_follow_secrets_in_tests():
    # datasette tests/test_auth.py: the test signs in through the app's one-time link.
    src = """\
        import os
        import requests


        def test_auth_token(app_client):
            path = f"/-/auth-token?token={app_client.ds._root_token}"
            assert app_client.get(path).status == 302


        def test_remote(app_client):
            requests.get(f"https://api.example.org/v1?key={os.environ['SERVICE_API_KEY']}")
        """
    assert _found(src, "AIS107", "tests/test_auth.py") == [(6, "low"), (11, "high")]
    assert _found(src, "AIS107") == [(6, "medium"), (11, "high")]
    settings = Settings.from_mapping({"aisec_min_confidence": "low", "aisec_secrets_in_tests": "skip"}, strict=True)
    skipped = check_source(textwrap.dedent(src), "tests/test_auth.py", settings, only=["AIS107"])
    assert [(f.line, f.confidence.value) for f in skipped] == [(11, "high")]


# ------------------------------------------------------------------ AIS406
def test_ais406_a_url_from_a_url_builder_in_markup_is_low():
    # datasette views/table.py display_columns_and_rows: links whose path the app's URL
    # builder makes (datasette.urls.table tilde-encodes the names).
    src = """\
        import markupsafe
        from app.utils import path_from_row_pks


        async def display_rows(datasette, database_name, table_name, rows):
            cells = []
            for row in rows:
                cells.append(markupsafe.Markup(
                    '<a href="{table_path}/{pk}">{label}</a>'.format(
                        table_path=datasette.urls.table(database_name, table_name),
                        pk=path_from_row_pks(row),
                        label=markupsafe.escape(path_from_row_pks(row)),
                    )
                ))
                cells.append(markupsafe.Markup('<a href="{}">{}</a>'.format(url_for("table", name=table_name), 1)))
                cells.append(markupsafe.Markup('<b>{}</b>'.format(table_name)))
            return cells
        """
    assert _found(src, "AIS406") == [(9, "low"), (15, "low"), (16, "medium")]


def test_ais306_a_negated_anonymous_test_is_an_authentication_check():
    # False negative noticed next to mozilla-django-oidc's signed-out assert: the negation
    # of is_anonymous asserts that someone is signed in.
    src = """\
        def delete_all(request):
            assert not request.user.is_anonymous
            request.items.delete()


        def sign_out(request):
            logout(request)
            assert request.user.is_anonymous
        """
    assert _found(src, "AIS306") == [(2, "high")]
