# category: template-injection
# label: vulnerable
# source: OWASP Web Security Testing Guide v4.2, WSTG-INPV-18 Testing for Server-side Template Injection
# expect: 20
# note: the 404 handler %-formats request.url into the page before render_template_string, so {{ ... }} placed in the URL (e.g. its query string) is executed as template code.

from flask import Flask, render_template_string, request

app = Flask(__name__)

NOT_FOUND = """
<h2>Page not found</h2>
<p>Sorry, %s does not exist on this server.</p>
"""


@app.errorhandler(404)
def page_not_found(error):
    page = NOT_FOUND % request.url
    return render_template_string(page), 404
