# category: header-injection
# label: vulnerable
# source: Werkzeug docs: Data Structures, Headers.add ("Keyword arguments can specify additional parameters for the header value"; dumped with dump_options_header)
# expect: 19
# note: the as query parameter is concatenated raw into the Content-Disposition value passed to headers.add, so quotes and semicolons inject parameters.

from flask import Flask, make_response, request

from .models import Attachment

app = Flask(__name__)


@app.route("/attachments/<int:att_id>")
def attachment(att_id):
    att = Attachment.query.get_or_404(att_id)
    display = request.args.get("as", att.original_name)
    resp = make_response(att.read())
    resp.headers.add("Content-Disposition", "attachment; filename=" + display)
    return resp
