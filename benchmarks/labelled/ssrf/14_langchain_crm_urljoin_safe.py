# category: ssrf
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet; Python docs: urllib.parse.urljoin warning
# note: the model's path must be one of three known CRM endpoints before it is joined, so the request always goes to crm.internal.
import os
from urllib.parse import urljoin

import requests
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
CRM_API = "http://crm.internal:8000/"
HEADERS = {"Authorization": f"Bearer {os.environ['CRM_TOKEN']}"}
ENDPOINTS = {"/v1/orders", "/v1/invoices", "/v1/shipments"}


def lookup(customer_message: str) -> dict:
    path = llm.invoke(
        "Which CRM endpoint answers this customer message? Reply with the path only, "
        f"e.g. /v1/orders or /v1/invoices.\n\n{customer_message}"
    ).content.strip()
    if path not in ENDPOINTS:
        raise ValueError(f"model chose an unknown endpoint: {path!r}")
    resp = requests.get(urljoin(CRM_API, path), headers=HEADERS, timeout=5)
    return resp.json()
