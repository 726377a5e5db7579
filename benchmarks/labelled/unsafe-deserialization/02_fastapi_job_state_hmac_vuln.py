# category: unsafe-deserialization
# label: vulnerable
# source: Python docs: pickle, warning ("The pickle module is not secure. Only unpickle data you trust."); same page: "Consider signing data with hmac if you need to ensure that it has not been tampered with"
# expect: 21
# note: the job state round-trips through the client unsigned, so any form value is unpickled.
import base64
import pickle

from fastapi import FastAPI, Form

app = FastAPI()


def issue_state(job: dict) -> str:
    return base64.urlsafe_b64encode(pickle.dumps(job)).decode()


@app.post("/jobs/resume")
def resume_job(state: str = Form(...)):
    blob = base64.urlsafe_b64decode(state)
    job = pickle.loads(blob)
    return {"job_id": job["id"], "step": job["step"], "next": issue_state({**job, "step": job["step"] + 1})}
