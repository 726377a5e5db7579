"""Billing service: customers, invoices, refunds and payment-provider webhooks."""
import json
import os

import httpx
from fastapi import APIRouter, Depends, FastAPI, HTTPException, Response
from pydantic import BaseModel
from sqlalchemy.orm import Session

from db import ApiKey, Customer, Invoice, get_db
from security import (
    generate_api_key,
    hash_api_key,
    require_admin_key,
    require_api_key,
    require_reporting_key,
    verify_paddle_signature,
    verify_stripe_signature,
)

LEDGER_URL = "http://ledger.internal:8080/api/v1/entries"
LEDGER_TOKEN = os.environ["LEDGER_TOKEN"]
FX_API_KEY = os.environ["FX_API_KEY"]

app = FastAPI(title="Billing")
router = APIRouter(prefix="/v1")


class InvoiceCreate(BaseModel):
    customer_id: int
    amount_cents: int
    currency: str = "usd"
    memo: str | None = None


@router.post("/invoices", status_code=201)
async def create_invoice(body: InvoiceCreate, key: ApiKey = Depends(require_api_key), db: Session = Depends(get_db)):
    customer = db.query(Customer).filter(Customer.id == body.customer_id, Customer.account_id == key.account_id).first()
    if customer is None:
        raise HTTPException(status_code=404, detail="Customer not found")
    invoice = Invoice(customer_id=customer.id, amount_cents=body.amount_cents, currency=body.currency, memo=body.memo)
    db.add(invoice)
    db.commit()
    async with httpx.AsyncClient() as client:
        await client.post(LEDGER_URL, headers={"Authorization": f"Bearer {LEDGER_TOKEN}"}, json={"invoice": invoice.id})
    return {"id": invoice.id}


@router.get("/invoices/{invoice_id}")
async def get_invoice(invoice_id: int, key: ApiKey = Depends(require_api_key), db: Session = Depends(get_db)):
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    return {"id": invoice.id, "amount_cents": invoice.amount_cents, "status": invoice.status}


@router.post("/invoices/{invoice_id}/refund")
async def refund_invoice(invoice_id: int, db: Session = Depends(get_db)):
    invoice = db.get(Invoice, invoice_id)
    if invoice is None:
        raise HTTPException(status_code=404, detail="Invoice not found")
    invoice.status = "refunded"
    db.commit()
    return {"id": invoice.id, "status": invoice.status}


@router.post("/invoices/{invoice_id}/void", dependencies=[Depends(require_admin_key)])
async def void_invoice(invoice_id: int, db: Session = Depends(get_db)):
    invoice = db.get(Invoice, invoice_id)
    invoice.status = "void"
    db.commit()
    return {"id": invoice.id, "status": invoice.status}


@router.post("/api-keys", status_code=201, dependencies=[Depends(require_admin_key)])
async def create_api_key(account_id: int, db: Session = Depends(get_db)):
    raw = generate_api_key()
    db.add(ApiKey(account_id=account_id, key_hash=hash_api_key(raw)))
    db.commit()
    return {"api_key": raw}


@router.get("/reports/revenue", dependencies=[Depends(require_reporting_key)])
async def revenue_report(db: Session = Depends(get_db)):
    rows = db.query(Invoice.currency, Invoice.amount_cents).filter(Invoice.status == "paid").all()
    totals: dict[str, int] = {}
    for currency, amount in rows:
        totals[currency] = totals.get(currency, 0) + amount
    return totals


@router.get("/fx/{currency}")
async def fx_rate(currency: str, key: ApiKey = Depends(require_api_key)):
    async with httpx.AsyncClient(base_url="https://api.fx.example.com") as client:
        resp = await client.get("/latest", params={"base": currency}, headers={"apikey": FX_API_KEY})
    return resp.json()


@router.post("/webhooks/stripe")
async def stripe_webhook(payload: bytes = Depends(verify_stripe_signature), db: Session = Depends(get_db)):
    event = json.loads(payload)
    if event["type"] == "invoice.paid":
        invoice = db.query(Invoice).filter(Invoice.provider_id == event["data"]["object"]["id"]).first()
        if invoice:
            invoice.status = "paid"
            db.commit()
    return {"received": True}


@router.post("/webhooks/paddle")
async def paddle_webhook(payload: bytes = Depends(verify_paddle_signature), db: Session = Depends(get_db)):
    event = json.loads(payload)
    invoice = db.query(Invoice).filter(Invoice.provider_id == event["invoice_id"]).first()
    if invoice:
        invoice.status = event["status"]
        db.commit()
    return {"received": True}


@router.post("/session")
async def dashboard_session(response: Response, key: ApiKey = Depends(require_api_key)):
    token = generate_api_key()
    response.set_cookie("billing_session", token, httponly=True, samesite="none")
    return {"ok": True}


@router.post("/session/embedded")
async def embedded_session(response: Response, key: ApiKey = Depends(require_api_key)):
    token = generate_api_key()
    response.set_cookie("billing_embed", token, httponly=True, secure=True, samesite="none", max_age=3600)
    return {"ok": True}


app.include_router(router)
