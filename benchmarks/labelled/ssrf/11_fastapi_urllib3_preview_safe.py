# category: ssrf
# label: safe
# source: OWASP Server-Side Request Forgery Prevention Cheat Sheet (cheatsheetseries.owasp.org/cheatsheets/Server_Side_Request_Forgery_Prevention_Cheat_Sheet.html); CWE-918 (cwe.mitre.org/data/definitions/918.html)
# note: the URL is parsed with urllib3's own parse_url and previews are limited to https links on the company's documentation hosts.
import urllib3
from fastapi import FastAPI, HTTPException, Query
from urllib3.util import parse_url

app = FastAPI()
http = urllib3.PoolManager()
PREVIEW_HOSTS = {"docs.acme.com", "blog.acme.com"}


@app.get("/preview")
def link_preview(url: str = Query(...)):
    parsed = parse_url(url)
    if parsed.scheme != "https" or parsed.host not in PREVIEW_HOSTS:
        raise HTTPException(status_code=400, detail="previews are limited to acme.com docs")
    resp = http.request("GET", url, timeout=5.0, redirect=False)
    html = resp.data.decode("utf-8", "replace")
    start, end = html.find("<title>"), html.find("</title>")
    title = html[start + 7:end] if 0 <= start < end else None
    return {"url": url, "title": title}
