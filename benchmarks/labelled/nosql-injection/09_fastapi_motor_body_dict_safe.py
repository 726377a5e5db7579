# category: nosql-injection
# label: safe
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); FastAPI docs: Request Body (Pydantic models declare and validate body field types)
# expect: none
# note: The body is a Pydantic model with code: str, so a JSON object fails validation (422) before the Motor query.
from fastapi import FastAPI, HTTPException
from motor.motor_asyncio import AsyncIOMotorClient
from pydantic import BaseModel

app = FastAPI()
db = AsyncIOMotorClient("mongodb://localhost:27017")["billing"]


class CouponRequest(BaseModel):
    code: str


@app.post("/coupons/apply")
async def apply_coupon(payload: CouponRequest):
    coupon = await db.coupons.find_one({"code": payload.code, "active": True})
    if coupon is None:
        raise HTTPException(status_code=404, detail="unknown coupon")
    return {"discount_percent": coupon["discount_percent"]}
