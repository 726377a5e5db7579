# category: trust-boundary-violation
# label: safe
# source: Starlette docs: Middleware, "SessionMiddleware"; CWE-501
# note: the tenant must be in the ALLOWED_TENANTS set before it is stored; other values get a 400.

import os

from fastapi import FastAPI, HTTPException, Request
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])

ALLOWED_TENANTS = {"acme", "globex", "initech"}


@app.post("/tenant/select")
async def select_tenant(request: Request):
    form = await request.form()
    tenant = form.get("tenant")
    if tenant not in ALLOWED_TENANTS:
        raise HTTPException(status_code=400, detail="unknown tenant")
    request.session["tenant"] = tenant
    return {"ok": True}
