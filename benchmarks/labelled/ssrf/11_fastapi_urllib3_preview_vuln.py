# category: ssrf
# label: vulnerable
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# expect: 15
# note: the link-preview endpoint fetches whatever ?url= names with urllib3, including private addresses.
import urllib3
from fastapi import FastAPI, Query

app = FastAPI()
http = urllib3.PoolManager()


@app.get("/preview")
def link_preview(url: str = Query(...)):
    resp = http.request("GET", url, timeout=5.0, redirect=False)
    html = resp.data.decode("utf-8", "replace")
    start, end = html.find("<title>"), html.find("</title>")
    title = html[start + 7:end] if 0 <= start < end else None
    return {"url": url, "title": title}
