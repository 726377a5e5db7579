"""Look-alikes found by the precision review of corpus E (langchain_community's AIS101,
AIS106, AIS107 and AIS208 findings): each case states the confidence the core must give, at
every confidence level, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS101
def test_ais101_a_renamed_keyword_in_a_deprecation_table_is_low():
    # langchain_community vectorstores/redis/base.py: deprecated keyword arguments mapped to
    # the parameters that replace them.
    src = """\
        class Store:
            def __init__(self, cache_url: str, index_schema: dict | None = None, **kwargs):
                self._warn_renamed(kwargs)

            def _warn_renamed(self, kwargs):
                renamed = {
                    "cache_host": "cache_url",
                    "cache_password": "cache_url",
                    "vector_key": "index_schema",
                }
                for key in kwargs:
                    if key in renamed:
                        raise ValueError(f"{key} is deprecated, use {renamed[key]}")


        def connect(**kwargs):
            return open_pool(cache_url="redis://cache:6379", **kwargs)


        SETTINGS = {"cache_password": "cache_pass_2024"}
        LEGACY = {"cache_password": "pool_size"}
        ALIASES = {"db_password": "admin"}


        def login(admin=False):
            return admin
        """
    # The compound identifier names a parameter of the module: low. One that names nothing
    # in the module ("pool_size" here) is still a chosen password, and a single word is
    # judged as before even when a parameter shares it.
    assert _found(src, "AIS101") == [(8, "low"), (20, "high"), (21, "medium"), (22, "medium")]


def test_ais101_a_keyword_argument_name_counts_as_a_parameter():
    src = """\
        client = make_client(service_url="https://svc.example.net")
        FIELDS = {"service_password": "service_url"}
        OTHER = {"service_password": "service_uri"}
        """
    assert _found(src, "AIS101") == [(2, "low"), (3, "medium")]
