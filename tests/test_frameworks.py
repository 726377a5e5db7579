"""Settings modules and their profile decide what AIS601, AIS105, AIS204 and AIS603 report."""

from __future__ import annotations

import pytest

from aisec_shared import Settings, check_source

STRICT = Settings(strict=True)

SETTINGS = '''\
DEBUG = True
SECRET_KEY = "django-insecure-7f#k2!x0q9zv-throwaway"
SESSION_COOKIE_SECURE = False
ALLOWED_HOSTS = ["*"]
INSTALLED_APPS = ["shop"]
'''


def _codes(path: str, src: str = SETTINGS) -> list[tuple[int, str]]:
    return [(f.line, f.code) for f in check_source(src, path, STRICT)]


@pytest.mark.parametrize("path", ["proj/settings.py", "proj/settings/prod.py", "proj/production_settings.py", "proj/config.py"])
def test_production_settings_report_every_flaw(path):
    assert _codes(path) == [(1, "AIS601"), (2, "AIS105"), (3, "AIS204"), (4, "AIS603")]


@pytest.mark.parametrize(
    "path",
    ["proj/settings/dev.py", "proj/settings/local.py", "proj/test_settings.py", "proj/settings_test.py", "proj/tests/settings.py"],
)
def test_development_and_test_settings_report_nothing(path):
    assert _codes(path) == []


def test_a_non_settings_module_called_settings_is_left_alone():
    src = 'DEBUG = True\nVOLUME = 0.8\nFULLSCREEN = False\n'
    assert _codes("game/settings.py", src) == []


def test_django_settings_recognised_by_content_whatever_the_name():
    assert _codes("proj/base.py") == [(1, "AIS601"), (2, "AIS105"), (3, "AIS204"), (4, "AIS603")]


def test_djangos_own_defaults_table_is_not_a_deployment():
    """django/conf/global_settings.py holds Django's defaults (SECURE_SSL_REDIRECT = False,
    SESSION_COOKIE_SECURE = False, ...) that every project overrides."""
    src = "SECURE_SSL_REDIRECT = False\nSESSION_COOKIE_SECURE = False\nALLOWED_HOSTS = []\nINSTALLED_APPS = []\n"
    assert _codes("site-packages/django/conf/global_settings.py", src) == []
    assert [code for _, code in _codes("proj/settings.py", src)] == ["AIS603", "AIS204"]
