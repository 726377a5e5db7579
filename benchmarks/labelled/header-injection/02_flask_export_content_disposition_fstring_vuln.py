# category: header-injection
# label: vulnerable
# source: RFC 6266, Section 4.3 "Disposition Parameter: 'Filename'" and Appendix D "Advice on Generating Content-Disposition Header Fields"
# expect: 18
# note: the filename parameter goes unencoded into a quoted Content-Disposition value, so a " or ; can inject extra parameters (e.g. a second filename*=...bat); CR/LF splits the header where the server allows it.

from flask import Flask, Response, request

from .exports import build_csv

app = Flask(__name__)


@app.route("/export")
def export():
    filename = request.args.get("filename", "report.csv")
    resp = Response(build_csv(), mimetype="text/csv")
    resp.headers["Content-Disposition"] = f'attachment; filename="{filename}"'
    return resp
