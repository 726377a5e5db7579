# category: trust-boundary-violation
# label: vulnerable
# source: Starlette docs: Middleware, "SessionMiddleware"; CWE-501
# expect: 19
# note: the posted tenant name is written into the signed Starlette session unchecked, and downstream handlers trust request.session['tenant'] for data scoping.

import os

from fastapi import FastAPI, Request
from starlette.middleware.sessions import SessionMiddleware

app = FastAPI()
app.add_middleware(SessionMiddleware, secret_key=os.environ["SESSION_SECRET"])


@app.post("/tenant/select")
async def select_tenant(request: Request):
    form = await request.form()
    request.session["tenant"] = form.get("tenant")
    return {"ok": True}
