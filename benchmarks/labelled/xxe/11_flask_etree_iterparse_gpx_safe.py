# category: xxe
# label: safe
# source: Python docs: XML security / XML vulnerabilities (docs.python.org/3/library/xml.html#xml-security); defusedxml README (pypi.org/project/defusedxml)
# note: defusedxml.ElementTree.iterparse raises on entity declarations and external references instead of expanding them.
import defusedxml.ElementTree as ET

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
