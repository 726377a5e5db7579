# category: header-injection
# label: safe
# source: RFC 6266, Section 4.3 "Disposition Parameter: 'Filename'"; RFC 8187 (encoding of filename* parameter values)
# note: the title is percent-encoded with urllib.parse.quote(safe='') into an RFC 8187 filename* parameter, so no delimiter or control character survives.

import base64
from urllib.parse import quote

from reports import render_pdf


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    title = params.get("title", "report")
    return {
        "statusCode": 200,
        "isBase64Encoded": True,
        "headers": {
            "Content-Type": "application/pdf",
            "Content-Disposition": "attachment; filename*=UTF-8''" + quote(title, safe="") + ".pdf",
        },
        "body": base64.b64encode(render_pdf(title)).decode(),
    }
