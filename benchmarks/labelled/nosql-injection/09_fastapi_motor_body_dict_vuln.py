# category: nosql-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide, "Testing for NoSQL Injection" (WSTG-INPV-05.6); FastAPI docs: Request Body (Pydantic models declare and validate body field types)
# expect: 15
# note: The body is an untyped dict, so {"code": {"$regex": "^STAFF"}} applies an internal coupon the caller does not know.
from fastapi import Body, FastAPI, HTTPException
from motor.motor_asyncio import AsyncIOMotorClient

app = FastAPI()
db = AsyncIOMotorClient("mongodb://localhost:27017")["billing"]


@app.post("/coupons/apply")
async def apply_coupon(payload: dict = Body(...)):
    coupon = await db.coupons.find_one({"code": payload["code"], "active": True})
    if coupon is None:
        raise HTTPException(status_code=404, detail="unknown coupon")
    return {"discount_percent": coupon["discount_percent"]}
