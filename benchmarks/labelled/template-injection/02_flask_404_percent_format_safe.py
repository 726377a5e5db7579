# category: template-injection
# label: safe
# source: OWASP Web Security Testing Guide v4.2, WSTG-INPV-18 Testing for Server-side Template Injection
# note: the 404 page is a constant template and request.url is passed as the url context variable, so it is only ever rendered as escaped text.

from flask import Flask, render_template_string, request

app = Flask(__name__)

NOT_FOUND = """
<h2>Page not found</h2>
<p>Sorry, {{ url }} does not exist on this server.</p>
"""


@app.errorhandler(404)
def page_not_found(error):
    page = NOT_FOUND
    return render_template_string(page, url=request.url), 404
