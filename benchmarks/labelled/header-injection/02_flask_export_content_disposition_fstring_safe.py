# category: header-injection
# label: safe
# source: RFC 6266, Section 4.3 "Disposition Parameter: 'Filename'" and Appendix D "Advice on Generating Content-Disposition Header Fields"
# note: werkzeug.utils.secure_filename() reduces the name to ASCII letters, digits, '.', '_' and '-' before it is placed in the header.

from flask import Flask, Response, request
from werkzeug.utils import secure_filename

from .exports import build_csv

app = Flask(__name__)


@app.route("/export")
def export():
    filename = secure_filename(request.args.get("filename", "report.csv")) or "report.csv"
    resp = Response(build_csv(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp
