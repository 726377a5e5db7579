# category: unsafe-deserialization
# label: safe
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust."); same page: "Consider signing data with hmac if you need to ensure that it has not been tampered with"
# note: the state carries an HMAC-SHA256 under a server-side key and is only unpickled after compare_digest proves the server produced it.
import base64
import hashlib
import hmac
import os
import pickle

from fastapi import FastAPI, Form, HTTPException

app = FastAPI()
STATE_KEY = os.environ["JOB_STATE_KEY"].encode()


def issue_state(job: dict) -> str:
    payload = pickle.dumps(job)
    return base64.urlsafe_b64encode(hmac.new(STATE_KEY, payload, hashlib.sha256).digest() + payload).decode()


@app.post("/jobs/resume")
def resume_job(state: str = Form(...)):
    blob = base64.urlsafe_b64decode(state)
    signature, payload = blob[:32], blob[32:]
    if not hmac.compare_digest(signature, hmac.new(STATE_KEY, payload, hashlib.sha256).digest()):
        raise HTTPException(status_code=400, detail="state was tampered with")
    job = pickle.loads(payload)
    return {"job_id": job["id"], "step": job["step"], "next": issue_state({**job, "step": job["step"] + 1})}
