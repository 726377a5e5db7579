# category: xxe
# label: safe
# source: Python docs: xml.sax.handler.feature_external_ges (off by default since 3.7.1); OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
# note: feature_external_ges is explicitly kept off, so external general entities in the upload are not fetched.
import xml.sax
from xml.sax.handler import feature_external_ges

from fastapi import FastAPI, UploadFile


class TitleCollector(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.titles, self._in_title = [], False

    def startElement(self, name, attrs):
        self._in_title = name == "title"

    def characters(self, content):
        if self._in_title:
            self.titles.append(content)


app = FastAPI()


@app.post("/feeds/import")
async def import_feed(feed: UploadFile):
    handler = TitleCollector()
    parser = xml.sax.make_parser()
    parser.setContentHandler(handler)
    parser.setFeature(feature_external_ges, False)
    parser.parse(feed.file)
    return {"titles": handler.titles}
