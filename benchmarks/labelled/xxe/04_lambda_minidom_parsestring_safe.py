# category: xxe
# label: safe
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# note: defusedxml.minidom.parseString forbids entity declarations and external references before building the DOM.
import base64

from defusedxml import minidom


def handler(event, context):
    body = event["body"]
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode("utf-8")
    doc = minidom.parseString(body)
    device = doc.getElementsByTagName("device")[0]
    return {"statusCode": 200, "body": device.getAttribute("id")}
