# category: xxe
# label: vulnerable
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# expect: 14
# note: the device report in the API Gateway body is parsed with xml.dom.minidom, which expands entity declarations from the document (entity-expansion DoS on older Expat).
import base64
from xml.dom import minidom


def handler(event, context):
    body = event["body"]
    if event.get("isBase64Encoded"):
        body = base64.b64decode(body).decode("utf-8")
    doc = minidom.parseString(body)
    device = doc.getElementsByTagName("device")[0]
    return {"statusCode": 200, "body": device.getAttribute("id")}
