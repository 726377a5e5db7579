# category: header-injection
# label: vulnerable
# source: RFC 6266, Section 4.3 "Disposition Parameter: 'Filename'"; RFC 8187 (encoding of filename* parameter values)
# expect: 20
# note: the title query-string parameter is concatenated unquoted into Content-Disposition, so ';' or ',' inject parameters and CR/LF break the header where the gateway allows it.

import base64

from reports import render_pdf


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    title = params.get("title", "report")
    return {
        "statusCode": 200,
        "isBase64Encoded": True,
        "headers": {
            "Content-Type": "application/pdf",
            "Content-Disposition": "attachment; filename=" + title + ".pdf",
        },
        "body": base64.b64encode(render_pdf(title)).decode(),
    }
