"""Look-alikes found by a precision review of real packages (fastapi, httpx, requests,
pyjwt, starlette, django-allauth, djangorestframework, Flask-Security): each case states the
confidence the core must give, at every confidence level, so that a lowered finding is told
apart from a dropped one. The fixtures cover what the default confidence shows.
"""

from __future__ import annotations

import textwrap

import pytest

from aisec_shared import Settings, check_source
from review import APP
from review import found as _found


# ------------------------------------------------------------------ AIS103
@pytest.mark.parametrize(
    "url",
    [
        "https://user:Ex4mple-pw9@example.org/",
        "https://user:Ex4mple-pw9@EXAMPLE.com:8443/",
        "postgresql://app:Ex4mple-pw9@db.example.net/app",
        "amqp://app:Ex4mple-pw9@broker.test:5672//",
        "redis://:Ex4mple-pw9@cache.example/0",
        "https://user:Ex4mple-pw9@api.invalid/",
    ],
)
def test_ais103_documentation_hosts_are_low(url):
    assert _found(f'import httpx\nhttpx.get("{url}")\n', "AIS103") == [(2, "low")]


@pytest.mark.parametrize(
    "url",
    [
        "https://user:Ex4mple-pw9@examples.org/",  # not reserved
        "https://user:Ex4mple-pw9@example.org.evil.com/",  # reserved name as a label only
        "https://user:Ex4mple-pw9@test.internal/",  # 'test' as a label, not the top-level domain
    ],
)
def test_ais103_other_hosts_stay_high(url):
    assert _found(f'import httpx\nhttpx.get("{url}")\n', "AIS103") == [(2, "high")]


def test_ais103_unknown_scheme_judges_the_credentials_alone():
    src = """\
        import requests
        requests.get("/me", headers={"Authorization": "Other foobar"})
        requests.get("/me", headers={"Authorization": "Custom 7c6b5a4f3e2d1c0b9a8f"})
        requests.get("/me", headers={"Authorization": "Bearer 7c6b5a4f3e2d1c0b9a8f"})
        requests.get("/me", headers={"Authorization": "7c6b5a4f3e2d1c0b9a8f"})
        """
    # "foobar" is too short to be a credential; an unknown scheme is at most medium.
    assert _found(src, "AIS103") == [(3, "medium"), (4, "high"), (5, "high")]


# ------------------------------------------------------------------ AIS105
@pytest.mark.parametrize(
    "key",
    [
        "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPL1I9oiq+B8crkmuV4YViiUnhdLjCp3",
        "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAABAQC7",
        "ecdsa-sha2-nistp256 AAAAE2VjZHNhLXNoYTItbmlzdHAyNTYAAAAIbmlzdHAyNTY",
        "sk-ssh-ed25519@openssh.com AAAAGnNrLXNzaC1lZDI1NTE5QG9wZW5zc2guY29t",
        "-----BEGIN PUBLIC KEY-----\\nMCowBQYDK2VwAyEA8vUj2iKr4HxyuSa5",
    ],
)
def test_ais105_public_keys_given_to_jwt_decode_are_not_secrets(key):
    src = f'import jwt\n\ndef verify(token):\n    return jwt.decode(token, "{key}", algorithms=["EdDSA"])\n'
    assert _found(src, "AIS105") == []
    # The same call with a shared secret is the rule's finding.
    assert _found(src.replace(key, "k3y-m4t3r14l-01-Zq"), "AIS105") == [(4, "high")]


def test_ais105_a_secret_that_merely_starts_like_a_key_type_is_reported():
    src = 'import jwt\n\ndef verify(token):\n    return jwt.decode(token, "ssh-rsa-Zq81Tv7zPk02", algorithms=["HS256"])\n'
    assert _found(src, "AIS105") == [(4, "high")]


# ------------------------------------------------------------------ AIS101
def test_ais101_rate_limit_specs_under_password_keys_are_not_secrets():
    # django-allauth's ACCOUNT_RATE_LIMITS (allauth/account/app_settings.py).
    src = """\
        RATE_LIMITS = {
            "login_failed": "10/m/ip,5/5m/key",
            "reset_password": "20/m/ip,5/m/key",
            "change_password": "5/m/user",
            "forgot_password": "100/day;10 per hour",
        }
        """
    assert _found(src, "AIS101") == []
    # The same keys with a password-shaped value are still reported.
    assert _found(src.replace("5/m/user", "Pg9-prod-Kx72vd"), "AIS101") == [(4, "high")]


# ------------------------------------------------------------------ Django helpers, not views
ALLAUTH_FLOWS = """\
from django.http import HttpResponseRedirect
from django.urls import reverse


def redirect_to_signup(request, sociallogin):
    request.session["socialaccount_sociallogin"] = sociallogin.serialize()
    return HttpResponseRedirect(reverse("socialaccount_signup"))


def _redirect(request, sociallogin):
    next_url = sociallogin.get_redirect_url(request) or "/"
    return HttpResponseRedirect(next_url)


def login(request, sociallogin):
    return _redirect(request, sociallogin)


def view(request, next_url):
    request.session["next"] = next_url.strip()
    return HttpResponseRedirect(next_url)
"""


@pytest.mark.parametrize("code, helper_line, view_line", [("AIS415", 6, 20), ("AIS409", 12, 21)])
def test_parameters_used_as_objects_are_not_route_parameters(code, helper_line, view_line):
    # django-allauth's socialaccount flows: `sociallogin` is an object, used as one directly
    # or in the helper it is passed to; a URL keyword argument is a str, int or UUID.
    settings = Settings.from_mapping({"aisec_min_confidence": "low"}, strict=True)
    found = check_source(ALLAUTH_FLOWS, "allauth/socialaccount/internal/flows/login.py", settings, only=[code])
    got = [(f.line, f.confidence.value, "route parameter" in f.message) for f in found]
    assert got == [(helper_line, "low", False), (view_line, "high", True)]


# ------------------------------------------------------------------ AIS208
HTTP_AUTH = """\
import httpx


def test_digest_auth():
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(200)))
    return client.get("http://example.org/", auth=("user", "password123"))
"""


def test_ais208_credentials_over_http_in_test_files_are_low():
    # httpx's own tests/client/test_auth.py: a mock transport, no network.
    assert _found(HTTP_AUTH, "AIS208", filename="tests/client/test_auth.py") == [(6, "low")]
    assert _found(HTTP_AUTH, "AIS208") == [(6, "high")]


# ------------------------------------------------------------------ AIS107
ECHO = """\
import os

from fastapi import Depends, FastAPI
from fastapi.security import HTTPBasic, HTTPBasicCredentials

app = FastAPI()
security = HTTPBasic()


@app.get("/users/me")
def read_current_user(credentials: HTTPBasicCredentials = Depends(security)):
    return {"username": credentials.username, "password": credentials.password}


@app.get("/config")
def config():
    return {"key": os.environ["STRIPE_SECRET_KEY"]}
"""


def test_ais107_a_response_echoing_the_clients_own_credential_is_low():
    # FastAPI's docs_src/security/tutorial006.py; a server-side secret stays high.
    assert _found(ECHO, "AIS107") == [(12, "low"), (17, "high")]


def test_fastapi_security_credentials_are_the_clients_credentials():
    # HTTPBasic / HTTPBearer parse the Authorization header: logging them is AIS106 at high.
    src = """\
        import logging
        from typing import Annotated

        from fastapi import Depends, FastAPI
        from fastapi.security import HTTPAuthorizationCredentials, HTTPBasic, HTTPBasicCredentials, HTTPBearer

        app = FastAPI()


        @app.get("/a")
        def a(credentials: Annotated[HTTPBasicCredentials, Depends(HTTPBasic())]):
            logging.info("login %s %s", credentials.username, credentials.password)


        @app.get("/b")
        def b(creds: HTTPAuthorizationCredentials = Depends(HTTPBearer())):
            logging.info("token %s", creds.credentials)
            logging.info("scheme %s", creds.scheme)
        """
    assert _found(src, "AIS106") == [(12, "high"), (17, "high")]


# ------------------------------------------------------------------ AIS201
JOSE_TEST = """\
from jose import jwt


def test_decode(token, key):
    return jwt.decode(token, key), jwt.get_unverified_claims(token)
"""


def test_ais201_in_test_files_is_low():
    # python-jose's own tests/test_jwt.py decode without an allow-list on every line.
    assert _found(JOSE_TEST, "AIS201", filename="tests/test_jwt.py") == [(5, "low"), (5, "low")]
    assert _found(JOSE_TEST, "AIS201") == [(5, "medium"), (5, "high")]


# ------------------------------------------------------------------ AIS102
def test_ais102_jwts_in_docstrings_and_tests_are_low():
    # python-jose's jose/jws.py docstrings; FastAPI's tests put tutorial tokens in headers.
    # Assembled here, so that no committed line holds a whole token (secret scanners).
    header, payload, signature = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9", "eyJhIjoiYiJ9", "jiMyrsmD8AoHWeQg" + "mxZ5yq8z0lXS67_QGs52AzC8Ru8"
    token = ".".join((header, payload, signature))
    src = f'def sign():\n    """Returns a JWS string: {token}"""\n\n\nAUTH = {{"Authorization": "Bearer {token}"}}\n'
    assert _found(src, "AIS102") == [(2, "low"), (5, "medium")]
    assert _found(src, "AIS102", filename="tests/test_security.py") == [(2, "low"), (5, "low")]


# ------------------------------------------------------------------ names that are not the secret
@pytest.mark.parametrize(
    "name, kind",
    [
        ("input_cost_per_token", None),  # litellm: a price per model token
        ("time_to_first_token", None),  # a latency metric
        ("nonce_in_id_token", None),  # msal: the nonce, read from the ID token
        ("path_to_key", None),
        ("hashed_token", None),  # litellm: a SHA-256 key id
        ("hashed_api_key", None),
        ("masked_password", None),
        ("INVALID_TOKEN", None),  # open-webui: an error message's name
        ("secret_for_signing", "secret"),
        ("token_for_user", "token"),
        ("password_of_admin", "password"),
        ("db_password", "password"),
        ("api_key", "API key"),
        ("secret_from", None),  # jupyterhub: where the cookie secret came from
        ("token_from_header", "token"),
    ],
)
def test_the_head_of_a_compound_name_decides(name, kind):
    from aisec_shared.analysis.words import secret_name_kind

    assert secret_name_kind(name) == kind


def test_ais106_what_replace_looks_for_is_not_in_its_result():
    # open-webui utils/apps.py: the secret is redacted before the message is raised.
    src = """\
        import logging
        import os


        def fail(raw):
            key = os.environ["API_KEY"]
            logging.error(raw.replace(key, "[redacted]"))
            logging.error(raw.replace("{key}", key))
            logging.error(key.strip("-"))
        """
    assert _found(src, "AIS106") == [(8, "high"), (9, "high")]


def test_ais106_a_generic_secret_accessor_reading_a_host_name_is_no_secret():
    # litellm's proxy_server.py logs get_secret("REDIS_HOST") beside the password.
    src = """\
        import logging

        from litellm import get_secret


        def cache(name):
            host = get_secret("REDIS_HOST", None)
            password = get_secret("REDIS_PASSWORD", None)
            other = get_secret(name)
            logging.info("%s", host)
            logging.info("%s", password)
            logging.info("%s", other)
        """
    assert _found(src, "AIS106") == [(11, "medium"), (12, "medium")]


# ------------------------------------------------------------------ AIS304
def test_ais304_a_viewset_on_the_projects_default_permissions_is_low():
    # label-studio's views set no permission_classes; its DEFAULT_PERMISSION_CLASSES hold an
    # object-level permission that get_object() runs.
    src = """\
        from rest_framework import viewsets
        from rest_framework.permissions import IsAuthenticated

        from .models import Project


        class Mine(viewsets.ModelViewSet):
            def get_queryset(self):
                return Project.objects.filter(owner=self.request.user)


        class Defaults(viewsets.ModelViewSet):
            queryset = Project.objects.all()


        class Explicit(viewsets.ModelViewSet):
            queryset = Project.objects.all()
            permission_classes = [IsAuthenticated]
        """
    assert _found(src, "AIS304") == [(13, "low"), (17, "high")]


def test_a_parameter_annotated_as_an_object_makes_every_parameter_a_helpers():
    # django-allauth's reauthentication flow: state is a dict, which no URL keyword argument
    # can be, so code (not the URL router) calls the function and callback is no route
    # parameter either. A view whose parameters are str, int or UUID keeps them.
    src = """\
        from typing import Any, Dict, Optional
        from uuid import UUID

        from django.http import HttpRequest, HttpResponseRedirect


        def stash(request: HttpRequest, state: dict, callback: str) -> HttpResponseRedirect:
            request.session["state"] = {"state": state, "callback": callback}
            return HttpResponseRedirect("/reauthenticate/")


        def record(request: HttpRequest, pending: Dict[str, Any]) -> HttpResponseRedirect:
            request.session["pending"] = pending
            return HttpResponseRedirect("/verify/")


        def view(request, slug: str, item_id: int, key: Optional[UUID] = None):
            request.session["slug"] = slug
            return HttpResponseRedirect("/done/")
        """
    assert _found(src, "AIS415", filename="allauth/account/internal/flows/reauthentication.py") == [
        (8, "low"), (13, "low"), (18, "high"),
    ]


def test_ais208_a_key_filter_on_a_router_that_authenticates_is_low():
    # The auth analysis' dependencies: on the parameter, the route, or the router.
    src = """\
        from fastapi import APIRouter, Depends, Query

        from .auth import get_current_user

        router = APIRouter(dependencies=[Depends(get_current_user)])
        open_router = APIRouter()


        @router.get("/reports/spend")
        async def spend(api_key: str = Query(default=None)):
            return {"key_id": api_key}


        @open_router.get("/lookup")
        async def lookup(api_key: str = Query(default=None)):
            return {"key": api_key}
        """
    assert _found(src, "AIS208") == [(10, "low"), (15, "high")]


# ------------------------------------------------------------------ helper modules (C)
SENDFILE = """\
    import os
    from django.http import FileResponse


    def sendfile(request, filename, mimetype=None):
        response = FileResponse(open(filename, "rb"))
        response["Content-Type"] = mimetype
        response["X-Next"] = request.GET["next"]
        return response
    """


@pytest.mark.parametrize(
    "path",
    ["wagtail/utils/sendfile.py", "app/shortcuts.py", "app/auth_backends.py", "project/helpers/files.py"],
)
def test_a_function_taking_request_first_in_a_helper_module_is_no_view(path):
    # wagtail/utils/sendfile.py: its parameters are the calling view's arguments, not the
    # URL's (low, as any function's parameters); what it reads from the request itself is
    # still the client's.
    assert _found(SENDFILE, "AIS407", filename=path) == [(6, "low")]
    assert _found(SENDFILE, "AIS410", filename=path) == [(7, "low"), (8, "high")]


@pytest.mark.parametrize(
    "path",
    [
        "app/views.py", "app/views/files.py", "app/download_views.py", "utils/views.py", "app.py",
        "backend/app/routes.py", "utils/project/app.py",  # a folder further up says nothing
    ],
)
def test_the_same_function_in_a_views_module_is_a_view(path):
    assert _found(SENDFILE, "AIS407", filename=path) == [(6, "high")]
    assert _found(SENDFILE, "AIS410", filename=path) == [(7, "high"), (8, "high")]


# ------------------------------------------------------------------ build and test settings (D)
BUILD_SETTINGS = """\
    from myproject.settings import *  # noqa

    SECRET_KEY = "build-time-secret-key"
    DEBUG = True
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    """


@pytest.mark.parametrize("path", ["myproject/_build_settings.py", "myproject/testutils/settings.py"])
@pytest.mark.parametrize("code", ["AIS105", "AIS202", "AIS601"])
def test_build_and_test_suite_settings_are_no_deployment(path, code):
    # pretix: settings used only while building the wheel, and the test suite's settings.
    assert [c for _, c in _found(BUILD_SETTINGS, code, filename=path)] in ([], ["low"])


@pytest.mark.parametrize("code", ["AIS105", "AIS202", "AIS601"])
def test_the_same_settings_in_production_are_reported(code):
    assert [c for _, c in _found(BUILD_SETTINGS, code, filename="myproject/settings.py")] not in ([], ["low"])


# ------------------------------------------------------------------ corpus D (pretix, superset, ...)
ABSTRACT_VIEWS = """\
    from django.contrib.auth.mixins import LoginRequiredMixin
    from django.http import JsonResponse
    from django.views.generic import ListView

    from .models import Import
    from .permissions import EventPermissionRequiredMixin


    class ImportView(ListView):
        def post(self, request, *args, **kwargs):
            Import.objects.create(file=request.FILES["file"])
            return JsonResponse({})


    class EventImportView(EventPermissionRequiredMixin, ImportView):
        permission = "event.orders:write"


    class OrganizerImportView(LoginRequiredMixin, ImportView):
        pass


    class ExportView(ListView):
        def post(self, request, *args, **kwargs):
            Import.objects.all().delete()
            return JsonResponse({})


    class EventExportView(EventPermissionRequiredMixin, ExportView):
        pass


    class PublicExportView(ExportView):
        pass
    """


def test_ais301_a_base_view_whose_every_subclass_authenticates_is_low():
    # pretix's banktransfer ImportView: the routed views are the subclasses, each with a
    # permission mixin. ExportView has a subclass without one: it stays high.
    assert _found(ABSTRACT_VIEWS, "AIS301", filename="app/views.py") == [(10, "low"), (24, "high")]


OWN_ACCOUNT_VIEWS = """\
    from django.contrib.auth.decorators import login_required
    from django.http import JsonResponse
    from django.views.decorators.http import require_POST
    from django.views.generic import UpdateView

    from .models import Project, User


    @login_required
    def dashboard(request):
        return JsonResponse({})


    @require_POST
    def notifications(request):
        request.user.notifications_send = request.POST.get("enabled") == "on"
        request.user.save()
        return JsonResponse({})


    @require_POST
    def leave_teams(request):
        request.user.teams.filter(require_2fa=True).delete()
        return JsonResponse({})


    class UserSettings(UpdateView):
        model = User
        fields = ["locale"]

        def get_object(self, queryset=None):
            return self.request.user


    @require_POST
    def delete_and_touch(request, pk):
        Project.objects.filter(pk=pk).delete()
        request.user.save()
        return JsonResponse({})


    class ProjectSettings(UpdateView):
        model = Project
        fields = ["name"]

        def get_object(self, queryset=None):
            return Project.objects.get(pk=self.kwargs["pk"])
    """


def test_ais301_a_view_that_changes_only_the_callers_own_record_is_low():
    # pretix's own-account views (control/views/user.py): login is enforced for the whole
    # of /control/ by a middleware, and an anonymous caller has no record to change. A view
    # that also writes another object, or edits an object from the URL, stays high.
    assert _found(OWN_ACCOUNT_VIEWS, "AIS301", filename="app/views.py") == [
        (15, "low"), (22, "low"), (27, "low"), (36, "high"), (42, "high"),
    ]


def test_ais301_own_record_and_secret_lookup_shapes_do_not_crash():
    # Regressions from corpus D: a call named "_" in a try, and a write to an attribute of
    # an attribute of the view (self.object.x = ...), which is no write to the caller.
    src = """\
        from django.contrib.auth.decorators import login_required
        from django.http import JsonResponse
        from django.utils.translation import gettext as _
        from django.views.generic import UpdateView

        from .models import Project


        @login_required
        def dashboard(request):
            return JsonResponse({})


        class ProjectRename(UpdateView):
            model = Project
            fields = ["name"]

            def form_valid(self, form):
                try:
                    label = _("renamed")
                except ValueError:
                    return JsonResponse({}, status=400)
                self.object.label = label
                return super().form_valid(form)
        """
    assert _found(src, "AIS301", filename="app/views.py") == [(14, "high")]


# ------------------------------------------------------------------ corpus D (w3): AIS415, AIS407
def test_ais415_key_with_a_constant_prefix_is_low():
    # pretix mailsetup: the client's part of the key only names a key inside a namespace; the
    # stored value is server-random. A key the client picks whole stays high.
    src = """\
        from django.shortcuts import redirect
        from django.utils.crypto import get_random_string

        def send_code(request):
            key = f"verification_code_{request.path}"
            request.session[key] = get_random_string(6, "0123456789")
            return redirect("/")

        def send_code_any_key(request):
            request.session[request.GET["k"]] = get_random_string(6, "0123456789")
            return redirect("/")
        """
    assert _found(src, "AIS415") == [(6, "low"), (10, "high")]


def test_ais407_command_line_path_past_a_weak_check_is_low():
    # gradio `--vibe [path]`: a path its own user typed, past an exists() test that confines
    # nothing. The origin keeps its note but is still the command line: low, as without it.
    src = """\
        import sys
        from pathlib import Path

        def main():
            args = sys.argv[1:]
            demo_path = Path("demo.py") if len(args) == 1 else Path(args[1])
            if not demo_path.exists():
                with open(demo_path, "w") as f:
                    f.write("import gradio as gr")
        """
    assert _found(src, "AIS407") == [(8, "low")]


def test_ais407_lookup_keys_do_not_make_a_path():
    # gradio routes: the route parameters pick an entry of a mapping the caller passed in;
    # the entry's path is unknown (low), not the client's (high).
    src = """\
        from fastapi import APIRouter
        from fastapi.responses import FileResponse

        router = APIRouter()

        def create_routes(blocks):
            @router.get("/stream/{session_hash}/{run}/playlist-file")
            async def playlist(session_hash: str, run: str):
                stream = blocks.pending_streams.get(session_hash, {}).get(run, None)
                return FileResponse(stream.combined_file)
        """
    assert _found(src, "AIS407") == [(10, "low")]


# ------------------------------------------------------------------ AIS207 change detection (D)
CHANGE_DETECTION = """\
    from django.core.cache import cache
    from flask import request


    def refresh_secret(position, generator):
        secret = generator.generate_secret(position)
        return position.secret != secret


    def reuse_token(spawner, user):
        api_token = user.new_api_token()
        return spawner.api_token != api_token


    def refresh(self, key):
        cached = cache.get(key)
        return cached["access_token"] != self._access_token.access_token


    def submitted(order):
        secret = request.headers["X-Secret"]
        return order.secret != secret
    """


def test_ais207_change_detection_between_server_values_is_low():
    # pretix secrets.py, jupyterhub user.py, pretix's PayPal client: no guess is timed.
    assert _found(CHANGE_DETECTION, "AIS207", filename="app/views.py") == [
        (7, "low"), (12, "low"), (17, "low"), (22, "high"),
    ]


# ------------------------------------------------------------------ AIS204 plain-HTTP branch (D)
QUICKSTART = """\
    def quickstart_env(port, ssl):
        env = {"PORT": port}
        if not ssl:
            env.update({"CSRF_COOKIE_SECURE": False, "SESSION_COOKIE_SECURE": False})
        env.update({"REMEMBER_COOKIE_SECURE": False})
        return env
    """


def test_ais204_secure_off_without_tls_is_low():
    # fief's quickstart writes the environment of a server it serves over plain HTTP.
    assert _found(QUICKSTART, "AIS204", filename="fief/cli.py") == [(4, "low"), (4, "low"), (5, "high")]


# ------------------------------------------------------------------ AIS406 SQL templates, choice labels (D)
SQL_TEMPLATES = """\
    from django.utils.html import escape
    from django.utils.safestring import mark_safe
    from jinja2.sandbox import SandboxedEnvironment


    class SQLTemplateProcessor:
        def __init__(self):
            self.env = SandboxedEnvironment()

        def process_template(self, sql, **context):
            return self.env.from_string(sql).render(context)


    def validate_jinja_template(template_str):
        SandboxedEnvironment().from_string(template_str)


    class EventChoiceMixin:
        def label_from_instance(self, obj):
            return mark_safe("{}<br>{}".format(escape(str(obj)), obj.get_date_range_display()))
    """


def test_ais406_sql_environment_and_choice_labels_are_low():
    # superset's SQL templating and template validator; pretix's event choice labels.
    assert _found(SQL_TEMPLATES, "AIS406", filename="app/forms.py") == [(8, "low"), (20, "low")]


# ------------------------------------------------------------------ AIS205 outbound connection password (D)
CONNECTION_PARAMETERS = """\
    from django.http import HttpResponse
    from sqlalchemy.engine.url import make_url

    from myapp.db_engine_specs.base import BasicParametersType
    from .models import Account


    def get_parameters_from_uri(uri):
        url = make_url(uri)
        return BasicParametersType(username=url.username, password=url.password, host=url.host)


    def signup(request):
        Account.objects.create(email=request.POST["email"], password=request.POST["password"])
        return HttpResponse("ok")
    """


def test_ais205_connection_password_into_parameters_is_low():
    # superset's get_parameters_from_uri: the password Superset connects to a database with.
    assert _found(CONNECTION_PARAMETERS, "AIS205", filename="app/views.py") == [(10, "low"), (14, "high")]


# ------------------------------------------------------------------ corpus B
def _module_uses(src: str, name: str):
    """A FileContext of `src` and the last load of `name` at module level."""
    import ast

    from aisec_shared.analysis.context import FileContext

    src = textwrap.dedent(src)
    tree = ast.parse(src)
    ctx = FileContext(tree, src.splitlines(True), APP, Settings())
    uses = [n for n in ast.walk(tree) if isinstance(n, ast.Name) and n.id == name and isinstance(n.ctx, ast.Load)]
    return ctx, max(uses, key=lambda n: (n.lineno, n.col_offset))


@pytest.mark.parametrize(
    ("src", "constant"),
    [
        # open-webui utils/oauth.py: the right-hand KEY is the import, not its own binding.
        ("from app.env import KEY\nKEY = KEY.encode()\nKEY\n", False),
        ("from app.env import KEY\nKEY = KEY.encode().strip()\nKEY = KEY + b'!'\nKEY\n", False),
        ("KEY = 'open-sesame'\nKEY = KEY.encode()\nKEY\n", True),
    ],
)
def test_a_rebound_import_is_not_a_constant(src, constant):
    ctx, use = _module_uses(src, "KEY")
    assert ctx.is_constant(use) is constant


def test_a_rebinding_does_not_read_its_own_value():
    import ast

    ctx, _ = _module_uses("from app.env import KEY\nKEY = KEY.encode()\n", "KEY")
    right = next(n for n in ast.walk(ctx.tree) if isinstance(n, ast.Name) and n.id == "KEY" and isinstance(n.ctx, ast.Load))
    assert ctx.reaching_value(right) is None


def _pem(kind: str, der: bytes) -> str:
    """A PEM block of `kind` around `der`, built here so that no key block is committed."""
    import base64

    body = base64.b64encode(der).decode()
    lines = [body[i:i + 64] for i in range(0, len(body), 64)]
    return "\n".join([f"-----BEGIN {kind}-----", *lines, f"-----END {kind}-----"])


_FULL_DER = b"\x30\x81\x90" + bytes(range(144))  # one complete SEQUENCE of 147 bytes
_CUT_DER = b"\x30\x82\x04\xbd" + bytes(range(92))  # declares 1,217 bytes, holds 96 (msal's stub)


@pytest.mark.parametrize(
    ("kind", "der", "path", "inside", "expected"),
    [
        # google-auth and msal test stubs: the DER is cut short (in application code it may
        # be the visible part of a real key).
        ("PRIVATE KEY", _CUT_DER, "tests/test_thumbprint.py", False, []),
        ("RSA PRIVATE KEY", _CUT_DER, "tests/test_mtls.py", True, []),
        ("PRIVATE KEY", _CUT_DER, APP, False, ["high"]),
        # google-auth's passphrase-encrypted mocks and flask-appbuilder's per-test signing keys.
        ("ENCRYPTED PRIVATE KEY", _FULL_DER, "tests/test_requests.py", False, ["low"]),
        ("PRIVATE KEY", _FULL_DER, "tests/security/test_oauth.py", True, ["low"]),
        # A complete key at a test module's top level, or anywhere in application code.
        ("PRIVATE KEY", _FULL_DER, "tests/security/test_oauth.py", False, ["high"]),
        ("ENCRYPTED PRIVATE KEY", _FULL_DER, APP, False, ["high"]),
        ("PRIVATE KEY", _FULL_DER, APP, True, ["high"]),
    ],
)
def test_key_blocks_that_cannot_be_live_keys(kind, der, path, inside, expected):
    block = _pem(kind, der)
    src = f'KEY = """{block}"""\n'
    if inside:
        src = f'def test_sign():\n    key = """{block}"""\n    return key\n'
    assert [c for _, c in _found(src, "AIS102", filename=path)] == expected


REFUSED_DEFAULT = """\
    _LEGACY_DEFAULT_ADMIN_PASSWORD = "password1234"


    def validate_bootstrap_admin_password(password):
        if password == _LEGACY_DEFAULT_ADMIN_PASSWORD:
            raise ValueError("refusing the insecure default password")


    def rotate(password):
        if password != _LEGACY_DEFAULT_ADMIN_PASSWORD:
            return False
        return True


    def refuse(password):
        if password == "Adm1n-shipped-2019":
            raise ValueError("set a password of your own")
    """


def test_a_known_bad_password_kept_to_refuse_it_is_low():
    # mlflow server/auth: the admin password older releases shipped (GHSA-gq3w-7jj3-x7gr).
    assert _found(REFUSED_DEFAULT, "AIS206") == [(5, "low"), (10, "low"), (16, "low")]
    assert _found(REFUSED_DEFAULT, "AIS101") == [(1, "low"), (16, "medium")]  # AIS206 wins on line 16


def test_a_default_password_kept_to_accept_it_stays():
    src = REFUSED_DEFAULT.replace("_LEGACY_DEFAULT_", "_DEFAULT_").replace("raise ValueError", "return True  #")
    assert _found(src, "AIS206") == [(5, "high"), (10, "high"), (16, "high")]
    assert _found(src, "AIS101") == [(1, "high"), (16, "medium")]


@pytest.mark.parametrize(
    ("secret", "salt", "expected"),
    [
        # litellm mcp_server/outbound_credentials: subkeys of the master key, labelled salts.
        ("master_key.encode()", 'b"myproxy-bridge:envelope-signing:"', "low"),
        ("signing_secret", 'b"app.session.v1"', "low"),
        # a password, or an unlabelled salt, keeps the finding
        ("password.encode()", 'b"myproxy-bridge:envelope-signing:"', "high"),
        ("master_key.encode()", 'b"q8Zr2kT0xYp4"', "high"),
    ],
)
def test_a_labelled_salt_for_subkeys_of_a_key_is_low(secret, salt, expected):
    src = f"import hashlib\n\ndef derive(master_key, signing_secret, password):\n    return hashlib.scrypt({secret}, salt={salt}, n=2**15, r=8, p=1)\n"
    assert _found(src, "AIS504") == [(4, expected)]


def test_hmac_of_a_password_under_a_per_process_random_key_is_low():
    # mlflow server/auth: the credential cache's key, drawn at import and never stored.
    src = """\
        import hashlib
        import hmac
        import os
        import secrets

        _CACHE_KEY = secrets.token_bytes(32)
        PEPPER = os.environ["PEPPER"].encode()


        def cache_key(username, password):
            return username, hmac.new(_CACHE_KEY, password.encode(), "sha256").digest()


        def stored(password):
            return hmac.new(PEPPER, password.encode(), hashlib.sha256).hexdigest()


        def lookup_index(api_key_string):
            return hashlib.scrypt(api_key_string.encode(), salt=PEPPER, n=2, r=1, p=1).hex()
        """
    assert _found(src, "AIS202") == [(11, "low"), (15, "high")]


DEMO_CONFIG = 'import os\nCSRF_ENABLED = True\nSECRET_KEY = "{value}"\nSQLALCHEMY_DATABASE_URI = "sqlite:///app.db"\n'


@pytest.mark.parametrize(
    ("path", "value", "expected"),
    [
        # flask-appbuilder examples/*/config.py: a demo app's self-named key.
        ("examples/quickhowto/config.py", "\\2\\1thisismyscretkey\\1\\2\\e\\y\\y\\h", "low"),
        ("demo_app/config.py", "demo-secret-key", "low"),
        # a random-looking key (or part) in an example, or a self-named key in an application
        ("examples/quickhowto/config.py", "9f2c1d7e4b8a6f03c5e1d2b7a9f4e6c8", "high"),
        ("examples/vulnerable_app/settings.py", "flask-s3cret-key-8f2b1c9e", "high"),
        ("app/config.py", "thisismyscretkey", "high"),
    ],
)
def test_a_self_named_signing_key_in_a_demo_app_is_low(path, value, expected):
    assert _found(DEMO_CONFIG.format(value=value), "AIS105", filename=path) == [(3, expected)]


@pytest.mark.parametrize(
    ("call", "expected"),
    [
        # litellm proxy: labels in the SDK's own auth-result objects; chainlit's CI stub key.
        ('litellm.proxy._types.UserAPIKeyAuth(key_name="ui-token", token="ui-token")', [(2, "low")]),
        ('openai.OpenAI(api_key="sk-FAKE-OPENAI-API-KEY")', [(2, "low")]),
        ('openai.OpenAI(api_key="sk-proj-Zq8K2m4N7x9PrT5vW1yB3cD6fG8hJ0kL")', [(2, "high")]),
        ('requests.get("https://x.test", auth=("ops", "correct-horse-battery"))', [(2, "high")]),
    ],
)
def test_labels_given_as_sdk_keys_are_low(call, expected):
    src = f"import litellm, openai, requests\nclient = {call}\n"
    assert _found(src, "AIS105") == expected


def test_a_words_only_api_key_set_for_ci_is_low():
    # chainlit cli: os.environ["OPENAI_API_KEY"] = "sk-FAKE-OPENAI-API-KEY" in --ci mode;
    # issued keys carry digits (a "-fake" suffix on a random value says nothing).
    src = """\
        import os
        os.environ["OPENAI_API_KEY"] = "sk-FAKE-OPENAI-API-KEY"
        os.environ["OPENAI_API_KEY"] = "sk-live-Zq8K2m4N7x9PrT5vW1yB"
        OPENAI_API_KEY = "Qm7vR2pL9xw-fake"
        """
    assert [c for _, c in _found(src, "AIS101")] == ["low", "high", "high"]


# ------------------------------------------------------------------ corpus D (pretix, superset)
def test_ais208_a_token_a_payment_provider_appends_and_the_view_only_stores_is_low():
    # pretix plugins/paypal2/views.py: PayPal appends ?token=<order id> to the return URL.
    src = """\
        from django.shortcuts import redirect


        def success(request):
            token = request.GET.get("token")
            request.session["payment_paypal_token"] = token
            return redirect("checkout:confirm")


        def login_link(request):
            token = request.GET.get("token")
            request.session["api_token"] = token
            if token != request.user.api_token:
                return redirect("login")
            return redirect("home")
        """
    assert _found(src, "AIS208") == [(5, "low"), (11, "medium")]


def test_ais101_sample_path_parameters_of_a_built_url_are_low():
    # pretix base/services/placeholders.py: sample orders for an e-mail preview.
    src = """\
        from django.urls import reverse

        PREVIEW = reverse("order.open", kwargs={"order": "F8VVL", "secret": "6zzjnumtsx136ddy"})
        LINKS = [
            reverse("order.open", kwargs={"secret": o["secret"]})
            for o in [{"code": "F8VVL", "secret": "6zzjnumtsx136ddy"}]
        ]
        CONFIG = {"order": "F8VVL", "secret": "6zzjnumtsx136ddy"}
        """
    assert _found(src, "AIS101") == [(3, "low"), (6, "low"), (8, "high")]


def test_ais103_connection_examples_in_documentation_metadata_are_low():
    # superset db_engine_specs/firebird.py, tdengine.py: vendor-default and demo accounts.
    src = """\
        metadata = {
            "connection_examples": [
                {"description": "Local", "connection_string": "taosws://root:taosdata@db.internal:6041"},
            ],
        }
        EXAMPLE_URL = "amqp://svc:Br0k3r-88@mq.internal:5672//"
        BROKERS = {"primary": "amqp://svc:Br0k3r-88@mq.internal:5672//"}
        """
    assert _found(src, "AIS103") == [(3, "low"), (6, "low"), (7, "high")]


def test_ais106_a_command_printing_the_token_it_created_is_low():
    # jupyterhub app.py: `jupyterhub token USER` prints the new token, its whole output.
    src = """\
        from traitlets.config import Application


        class NewToken(Application):
            def start(self):
                token = self.user.new_api_token(note="command-line generated")
                print(token)


        class Report:
            def start(self):
                token = self.user.new_api_token(note="report")
                print(token)
        """
    assert _found(src, "AIS106") == [(7, "low"), (13, "medium")]


# ------------------------------------------------------------------ corpus B: AIS408
SSRF_VERIFY = """\
    import aiohttp
    from fastapi import APIRouter, Depends

    from app.auth import {dep}

    router = APIRouter()


    @router.post("/connections/verify")
    async def verify_connection(url: str, user=Depends({dep})):
        async with aiohttp.ClientSession() as session:
            async with session.get(f"{{url}}/models") as r:
                return r.status == 200
    """


def test_ssrf_in_an_admin_only_handler_is_low():
    # open-webui: "verify connection" / "load tool from URL", behind Depends(get_admin_user).
    assert _found(SSRF_VERIFY.format(dep="get_admin_user"), "AIS408") == [(12, "low")]


def test_ssrf_any_signed_in_user_can_trigger_stays_high():
    assert _found(SSRF_VERIFY.format(dep="get_verified_user"), "AIS408") == [(12, "high")]


SSRF_PATH_ONLY = """\
    import aiohttp
    from fastapi import APIRouter

    from app.config import get_connection

    router = APIRouter()


    @router.get("/pipelines/{pipeline_id}/valves")
    async def valves(pipeline_id: str, q: str):
        url, key = await get_connection()
        target = f"{url}/{pipeline_id}/valves"
        target += f"?{q}"
        async with aiohttp.ClientSession() as session:
            async with session.get(target) as r:
                return await r.json()
    """


def test_untrusted_path_after_a_configured_base_is_low():
    # open-webui pipelines.py / terminals.py, mlflow's gateway proxy: the host is the configured base.
    assert _found(SSRF_PATH_ONLY, "AIS408") == [(15, "low")]


def test_untrusted_value_glued_to_a_configured_base_stays_high():
    src = SSRF_PATH_ONLY.replace('f"{url}/{pipeline_id}/valves"', 'f"{url}{pipeline_id}"')
    assert _found(src, "AIS408") == [(15, "high")]


# ------------------------------------------------------------------ corpus B: AIS215
JWT_WINDOW = """\
    import jwt


    def verified(token, secret, now):
        try:
            claims = jwt.decode(token, secret, algorithms=["HS256"], options={OPTIONS})
        except jwt.InvalidTokenError:
            return False
        return {RESULT}
    """


@pytest.mark.parametrize(
    "options, result",
    [
        # litellm lens/internal.py: the time window is checked by hand against an injected clock.
        ('"verify_exp": False, "verify_nbf": False', 'now < claims["exp"] and claims["iat"] <= now + 30'),
        # litellm envelope.py: exp must be present; the caller compares it with its clock.
        ('"require": ["iss", "exp"], "verify_exp": False', "claims"),
    ],
)
def test_claim_checks_left_to_hand_written_code_are_low(options, result):
    src = JWT_WINDOW.replace("{OPTIONS}", "{" + options + "}").replace("{RESULT}", result)
    assert {c for _, c in _found(src, "AIS215", filename="app/tokens.py")} == {"low"}


def test_a_dropped_decode_result_reads_no_claim():
    # litellm _signed_with(): "is this a token we issued?"
    src = JWT_WINDOW.replace("claims = jwt.decode", "jwt.decode").replace("{OPTIONS}", '{"verify_exp": False}')
    assert _found(src.replace("{RESULT}", "True"), "AIS215", filename="app/tokens.py") == [(6, "low")]


def test_an_expiry_never_checked_stays_high():
    # litellm mcp_management_endpoints.py: the session cookie, no require, no comparison.
    src = JWT_WINDOW.replace("{OPTIONS}", '{"verify_exp": False}').replace("{RESULT}", 'claims.get("exp") is None')
    assert _found(src, "AIS215", filename="app/tokens.py") == [(6, "high")]


# ------------------------------------------------------------------ corpus B: AIS602
TLS_OPT_OUT = """\
    import ssl

    VERIFY_SSL = False


    def ws_ssl(ssl_verify):
        context = ssl.create_default_context()
        if {TEST}:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        return context
    """


@pytest.mark.parametrize("test", ["ssl_verify is False", "not ssl_verify"])
def test_honouring_the_users_verify_false_is_not_reported(test):
    # litellm cato_networks.py: the websocket mirrors verify=ssl_verify for HTTP.
    assert _found(TLS_OPT_OUT.replace("{TEST}", test), "AIS602") == []


@pytest.mark.parametrize("test", ["not VERIFY_SSL", "ssl_verify"])
def test_a_constant_setting_or_the_verifying_branch_stays_reported(test):
    assert _found(TLS_OPT_OUT.replace("{TEST}", test), "AIS602") == [(9, "high"), (10, "high")]


# ------------------------------------------------------------------ corpus B: AIS201
ID_TOKEN_FROM = """\
    import httpx
    import jwt
    from fastapi import APIRouter, Request

    router = APIRouter()


    @router.post("/sso/callback")
    async def callback(request: Request, code: str):
        async with httpx.AsyncClient() as client:
            resp = await client.post("https://idp.example.com/token", data={"code": code})
        token_response = {SOURCE}
        return jwt.decode(token_response["id_token"], options={"verify_signature": False})
    """


def test_an_id_token_from_the_token_endpoint_is_low():
    # litellm SSO, flask-appbuilder Azure: OIDC Core 3.1.3.7, TLS stands in for the signature.
    assert _found(ID_TOKEN_FROM.replace("{SOURCE}", "resp.json()"), "AIS201") == [(13, "low")]


def test_an_id_token_the_client_sent_stays_high():
    # open-webui auths.py: a client-sent token's unverified claims drive roles.
    assert _found(ID_TOKEN_FROM.replace("{SOURCE}", "await request.json()"), "AIS201") == [(13, "high")]


def test_an_unverified_read_the_operator_opted_into_is_low():
    # flask-appbuilder manager.py: verified against the JWKS unless verify_signature is off.
    src = """\
        import jwt


        def azure_claims(id_token, verify_signature, keyset):
            if verify_signature:
                return validate_jwt(id_token, keyset)
            return jwt.decode(id_token, options={"verify_signature": False})
        """
    assert _found(src, "AIS201") == [(7, "low")]


# ------------------------------------------------------------------ corpus B (w7): AIS207
SERVER_HELD = """\
    import hashlib

    from fastapi import Request


    def _body_digest(body):
        return hashlib.sha256(body).hexdigest()


    def body_changed(selected_body_digest, body):
        return selected_body_digest != _body_digest(body)


    def needs_migration(previous_master_key, master_key):
        return previous_master_key == master_key


    def exclude(keys, hashed_key):
        return [key for key in keys if key.token != hashed_key]


    def verify_master_key(previous_master_key, master_key):
        return previous_master_key == master_key


    def key_ok(request: Request, api_key, master_key):
        return api_key == master_key
    """


def test_ais207_server_held_values_are_low():
    # litellm: a content digest, a boot-time comparison of the server's own keys, a list
    # filter: lowered, not dropped. An authentication verb or a request parameter keeps it.
    assert _found(SERVER_HELD, "AIS207") == [(11, "low"), (15, "low"), (19, "low"), (23, "high"), (27, "high")]


# ------------------------------------------------------------------ corpus B (w7): AIS205
STORED_HASHES = """\
    from sqlalchemy import update

    from .models import Auth, AuthModel, RedisImportStorage, get_auth


    async def swap(session, auth: AuthModel, new_password):
        \"\"\"Set a new password hash.\"\"\"
        await session.execute(update(Auth).where(Auth.password == auth.password).values(password=new_password))


    async def gate(user, auth=None):
        auth = auth or await get_auth(user.id)
        current = await get_auth(user.id)
        return current.password != auth.password


    def storage(params):
        return RedisImportStorage.objects.create(host=params.get("host"), password=params.get("password"))


    def store(new_password):
        return Auth(password=new_password)
    """


def test_ais205_stored_hashes_and_outbound_passwords_are_low():
    # open-webui's compare-and-swap and change check of the stored hash, a docstring that says
    # the value is a hash, label-studio's Redis connection password: low, not dropped.
    assert _found(STORED_HASHES, "AIS205", filename="app/models.py") == [(8, "low"), (8, "low"), (14, "low"), (18, "low"), (22, "medium")]


# ------------------------------------------------------------------ corpus B (w7): AIS401
PRAGMAS = """\
    import os
    import sqlite3

    from app.env import BUSY_TIMEOUT

    DATABASE_PASSWORD = os.environ.get("DATABASE_PASSWORD")


    def connect(path, timeout):
        conn = sqlite3.connect(path)
        conn.execute(f"PRAGMA key = '{DATABASE_PASSWORD}'")
        conn.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT}")
        conn.execute(f"PRAGMA busy_timeout={timeout}")
        conn.execute(f"SELECT * FROM t WHERE k = '{DATABASE_PASSWORD}'")
    """


def test_ais401_pragma_from_operator_settings_is_low():
    # open-webui's SQLCipher key and PRAGMA settings from its env module: low, not dropped.
    # A parameter in a PRAGMA, and an environment value where SQL takes a bound one, stay.
    assert _found(PRAGMAS, "AIS401") == [(11, "low"), (12, "low"), (13, "medium"), (14, "medium")]


CONSTANT_IDENTIFIERS = """\
    from sqlalchemy import text


    def access_grants(conn):
        resource_tables = [("knowledge", "knowledge"), ("prompt", "prompt")]
        for table_name, resource_type in resource_tables:
            conn.execute(text(f'SELECT id, access_control FROM "{table_name}"'))


    def upsert_thread(conn, thread_id, name):
        data = {"id": thread_id, "name": name}
        parameters = {key: value for key, value in data.items() if value is not None}
        columns = ", ".join(f'"{key}"' for key in parameters.keys())
        conn.execute(text(f"INSERT INTO threads ({columns}) VALUES (:id, :name)"), parameters)


    def mutated(conn, extra):
        tables = ["a", "b"]
        tables.append(extra)
        for table_name in tables:
            conn.execute(text(f'SELECT * FROM "{table_name}"'))
        alias = extra
        conn.execute(text(f'SELECT * FROM "{alias}"'))
    """


def test_ais401_loop_over_literals_and_dict_literal_keys_are_constant():
    # open-webui's migration loops over a literal list; chainlit's columns are the keys of a
    # dict literal. A list that took a parameter, and a name bound to a parameter
    # (`alias = extra`, which `is_constant` once took for constant), stay reported: low, as
    # an unknown table name in "..." (standard SQL's identifier quotes) is.
    assert _found(CONSTANT_IDENTIFIERS, "AIS401") == [(21, "low"), (23, "low")]


# ------------------------------------------------------------------ corpus B (w8): AIS301 self-authenticating endpoints
SELF_AUTHENTICATING = """\
    from fastapi import APIRouter, Depends, Form, Request
    from pydantic import BaseModel

    from app.auth import get_current_user, mfa, revoke_refresh_token
    from app.bots import adapter, bot, slack_handler
    from app.db import notes

    router = APIRouter()


    class ChallengeForm(BaseModel):
        challenge_token: str
        code: str


    class NoteForm(BaseModel):
        note_id: str
        text: str


    @router.get("/me")
    async def me(user=Depends(get_current_user)):
        return user


    @router.post("/mfa/enroll/confirm")
    async def confirm_mfa_enrollment(form_data: ChallengeForm):
        return await mfa.confirm_enrollment(form_data.challenge_token, form_data.code)


    @router.post("/oauth/revoke")
    async def revoke(token: str = Form(...), client_id: str = Form(...)):
        return await revoke_refresh_token(token=token, client_id=client_id)


    @router.post("/slack/events")
    async def slack_events(req: Request):
        return await slack_handler.handle(req)


    @router.post("/teams/events")
    async def teams_events(req: Request):
        body = await req.json()
        auth_header = req.headers.get("Authorization", "")
        return await adapter.process_activity(body, auth_header, bot.on_turn)


    @router.post("/notes/update")
    async def update_note(form_data: NoteForm):
        return await notes.update(form_data.note_id, form_data.text)


    @router.post("/notes/import")
    async def import_notes(req: Request):
        return await notes.import_all(req)
    """


def test_ais301_forwarded_credential_is_low():
    # open-webui's MFA enrolment steps (challenge token), litellm's RFC 7009 revocation,
    # chainlit's Slack and Teams webhooks: the callee checks the credential, most likely.
    # A body with only an id, or the request handed to a call that is no request handler,
    # stays.
    assert _found(SELF_AUTHENTICATING, "AIS301", filename="app/api.py") == [
        (27, "low"), (32, "low"), (37, "low"), (42, "low"), (49, "high"), (54, "high"),
    ]


TEST_APP = """\
    from fastapi import Depends, FastAPI, Response
    from fastapi.security import OAuth2PasswordBearer

    app = FastAPI()
    auth_scheme = OAuth2PasswordBearer(tokenUrl="token")


    @app.get("/protected")
    async def protected(token: str = Depends(auth_scheme)):
        return {"ok": True}


    @app.post("/set-cookie")
    async def set_cookie_endpoint(response: Response):
        await store.save(response)
        return {"ok": True}
    """


@pytest.mark.parametrize(("filename", "confidence"), [("tests/auth/test_cookie.py", "low"), ("app/api.py", "high")])
def test_ais301_test_app_is_low(filename, confidence):
    # chainlit's tests/auth/test_cookie.py: the endpoints of a test app.
    assert _found(TEST_APP, "AIS301", filename=filename) == [(14, confidence)]
