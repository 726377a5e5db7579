"""Look-alikes found by the precision review of corpus G, part 2 (ckan 2.12.0's ``ckan/`` and
``ckanext/``, prefect 3.9.1's ``prefect/``): each case states the confidence the core must
give, at every confidence level, so that a lowered finding is told apart from a dropped one.
"""

from __future__ import annotations

from review import found as _found


# ------------------------------------------------------------------ AIS208
def test_ais208_a_flag_or_number_in_the_query_is_no_credential():
    # prefect server/api/block_documents.py: a switch asking for the secrets, not a secret.
    src = """\
        from typing import Annotated, Optional

        from fastapi import APIRouter, Query

        router = APIRouter()


        @router.get("/docs/{id}")
        async def read_doc(id: str, include_secrets: bool = Query(False, description="Include sensitive values.")):
            return load(id, include_secrets=include_secrets)


        @router.get("/blocks")
        async def read_blocks(include_secrets: Annotated[Optional[bool], Query()] = None, token_ttl: int | None = Query(None)):
            return []


        @router.get("/items")
        async def read_items(api_key: str = Query(...), token: Annotated[str | None, Query()] = None):
            return []
        """
    assert _found(src, "AIS208") == [(19, "high"), (19, "medium")]
