"""Device fleet API: pair devices, push firmware, read telemetry."""
import os
import random
import secrets
import string
import uuid
from datetime import datetime, timedelta, timezone

import jwt
import requests
from fastapi import Depends, FastAPI, Header, HTTPException
from pydantic import BaseModel
from sqlalchemy.orm import Session

from store import Device, PairingCode, Telemetry, User, get_db

app = FastAPI(title="Fleet")

with open(os.environ.get("JWT_PUBLIC_KEY_FILE", "/run/secrets/jwt_public.pem")) as fh:
    PUBLIC_KEY = fh.read()
FIRMWARE_URL = "http://firmware.fleet.example.com/releases/latest"
FIRMWARE_USER = os.environ.get("FIRMWARE_USER", "fleet")
FIRMWARE_PASSWORD = os.environ.get("FIRMWARE_PASSWORD", "")


class PairRequest(BaseModel):
    code: str
    name: str


def current_user(authorization: str = Header(...), db: Session = Depends(get_db)) -> User:
    scheme, _, token = authorization.partition(" ")
    if scheme.lower() != "bearer":
        raise HTTPException(status_code=401)
    try:
        claims = jwt.decode(token, PUBLIC_KEY, algorithms=["RS256", "HS256"], audience="fleet-api")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401)
    user = db.get(User, int(claims["sub"]))
    if user is None:
        raise HTTPException(status_code=401)
    return user


def service_claims(authorization: str = Header(...)) -> dict:
    token = authorization.removeprefix("Bearer ")
    try:
        return jwt.decode(token, PUBLIC_KEY, algorithms=["RS256"], audience="fleet-service")
    except jwt.PyJWTError:
        raise HTTPException(status_code=401)


@app.post("/pairing-codes")
def create_pairing_code(user: User = Depends(current_user), db: Session = Depends(get_db)):
    code = "".join(random.choices(string.digits, k=6))
    db.add(PairingCode(code=code, user_id=user.id, expires_at=datetime.now(timezone.utc) + timedelta(minutes=10)))
    db.commit()
    return {"code": code}


@app.post("/devices/pair")
def pair_device(body: PairRequest, db: Session = Depends(get_db)):
    pairing = db.query(PairingCode).filter(PairingCode.code == body.code).first()
    if pairing is None or pairing.expires_at < datetime.now(timezone.utc):
        raise HTTPException(status_code=400, detail="Invalid or expired code")
    device = Device(
        id=str(uuid.uuid4()),
        name=body.name,
        owner_id=pairing.user_id,
        token=str(uuid.uuid1()),
    )
    db.add(device)
    db.delete(pairing)
    db.commit()
    return {"device_id": device.id, "token": device.token}


@app.post("/devices/{device_id}/rotate-token")
def rotate_device_token(device_id: str, user: User = Depends(current_user), db: Session = Depends(get_db)):
    device = db.query(Device).filter(Device.id == device_id, Device.owner_id == user.id).first()
    if device is None:
        raise HTTPException(status_code=404)
    device.token = secrets.token_urlsafe(32)
    db.commit()
    return {"token": device.token}


@app.get("/devices/{device_id}/telemetry")
def device_telemetry(device_id: str, user: User = Depends(current_user), db: Session = Depends(get_db)):
    device = db.get(Device, device_id)
    if device is None:
        raise HTTPException(status_code=404)
    rows = db.query(Telemetry).filter(Telemetry.device_id == device.id).order_by(Telemetry.ts.desc()).limit(100)
    return [{"ts": r.ts.isoformat(), "metric": r.metric, "value": r.value} for r in rows]


@app.delete("/devices/{device_id}")
def remove_device(device_id: str, user: User = Depends(current_user), db: Session = Depends(get_db)):
    device = db.get(Device, device_id)
    assert device is not None and device.owner_id == user.id
    db.delete(device)
    db.commit()


@app.post("/devices/{device_id}/firmware")
def push_firmware(device_id: str, user: User = Depends(current_user), db: Session = Depends(get_db)):
    device = db.query(Device).filter(Device.id == device_id, Device.owner_id == user.id).first()
    if device is None:
        raise HTTPException(status_code=404)
    assert device.online, "device must be online"
    release = requests.get(FIRMWARE_URL, auth=(FIRMWARE_USER, FIRMWARE_PASSWORD), timeout=20).json()
    device.pending_firmware = release["version"]
    db.commit()
    return {"queued": release["version"]}


@app.post("/telemetry")
def ingest(payload: dict, x_device_token: str = Header(...), db: Session = Depends(get_db)):
    device = db.query(Device).filter(Device.id == payload["device_id"]).first()
    if device is None or not secrets.compare_digest(device.token, x_device_token):
        raise HTTPException(status_code=401)
    db.add(Telemetry(device_id=device.id, metric=payload["metric"], value=float(payload["value"]), ts=datetime.now(timezone.utc)))
    db.commit()
    return {"ok": True}


@app.post("/internal/fleet-sync")
def fleet_sync(claims: dict = Depends(service_claims), db: Session = Depends(get_db)):
    if claims.get("scope") != "fleet:sync":
        raise HTTPException(status_code=403)
    return {"devices": db.query(Device).count()}
