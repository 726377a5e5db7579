# category: xpath-injection
# label: vulnerable
# source: lxml docs: XPath and XSLT with lxml, "The XPath class" (compiled expressions with XPath variables)
# expect: 15
# note: An etree.XPath is compiled per request from an f-string holding the author query parameter, so the expression is attacker-shaped.
from fastapi import FastAPI
from lxml import etree

app = FastAPI()
LIBRARY = etree.parse("library.xml")


@app.get("/books")
def books_by_author(author: str):
    find_books = etree.XPath(f"//book[author='{author}' and not(@restricted)]/title/text()")
    return {"titles": [str(t) for t in find_books(LIBRARY)]}
