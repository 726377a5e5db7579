# category: ssrf
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP Server-Side Request Forgery Prevention Cheat Sheet; Python docs: urllib.parse.urljoin warning
# expect: 22
# note: if the customer's message steers the model into answering //attacker.example/x, urljoin drops the CRM host and the bearer token is sent to the attacker.
import os
from urllib.parse import urljoin

import requests
from langchain_openai import ChatOpenAI

llm = ChatOpenAI(model="gpt-4o-mini", temperature=0)
CRM_API = "http://crm.internal:8000/"
HEADERS = {"Authorization": f"Bearer {os.environ['CRM_TOKEN']}"}


def lookup(customer_message: str) -> dict:
    path = llm.invoke(
        "Which CRM endpoint answers this customer message? Reply with the path only, "
        f"e.g. /v1/orders or /v1/invoices.\n\n{customer_message}"
    ).content.strip()
    resp = requests.get(urljoin(CRM_API, path), headers=HEADERS, timeout=5)
    return resp.json()
