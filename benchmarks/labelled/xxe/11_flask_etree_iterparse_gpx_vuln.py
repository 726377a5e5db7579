# category: xxe
# label: vulnerable
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# expect: 17
# note: the uploaded GPX track is streamed through the stdlib iterparse, which expands entities declared in the upload (billion laughs / quadratic blowup with Expat older than 2.6.0).
import xml.etree.ElementTree as ET

from flask import Flask, jsonify, request

app = Flask(__name__)


@app.post("/gpx/upload")
def upload_gpx():
    track = request.files["track"]
    points = 0
    for _event, elem in ET.iterparse(track.stream, events=("end",)):
        if elem.tag.endswith("trkpt"):
            points += 1
        elem.clear()
    return jsonify(points=points)
