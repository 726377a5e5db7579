"""Settings modules and their profile decide what AIS601, AIS204 and AIS101 report."""

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
def test_production_settings_report_all_three(path):
    assert _codes(path) == [(1, "AIS601"), (2, "AIS101"), (3, "AIS204")]


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
    assert _codes("proj/base.py") == [(1, "AIS601"), (2, "AIS101"), (3, "AIS204")]
