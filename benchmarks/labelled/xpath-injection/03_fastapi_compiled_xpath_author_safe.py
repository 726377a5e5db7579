# category: xpath-injection
# label: safe
# source: lxml docs: XPath and XSLT with lxml, "The XPath class" (compiled expressions with XPath variables)
# expect: none
# note: The XPath is compiled once with a $author variable, and the query parameter is passed as that variable's value.
from fastapi import FastAPI
from lxml import etree

app = FastAPI()
LIBRARY = etree.parse("library.xml")
FIND_BOOKS = etree.XPath("//book[author=$author and not(@restricted)]/title/text()")


@app.get("/books")
def books_by_author(author: str):
    return {"titles": [str(t) for t in FIND_BOOKS(LIBRARY, author=author)]}
