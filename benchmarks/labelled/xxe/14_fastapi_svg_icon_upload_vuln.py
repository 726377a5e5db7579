# category: xxe
# label: vulnerable
# source: OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html); PortSwigger Web Security Academy lab: "Exploiting XXE via image file upload" (SVG)
# expect: 16, 17
# note: uploaded SVGs are parsed with entity resolution on and serialised back, so an entity referencing file:///etc/hostname appears in the returned SVG.
from fastapi import FastAPI, File, HTTPException, UploadFile
from lxml import etree

app = FastAPI()
SVG_NS = "{http://www.w3.org/2000/svg}"


@app.post("/icons")
async def upload_icon(icon: UploadFile = File(...)):
    data = await icon.read()
    parser = etree.XMLParser(resolve_entities=True, remove_comments=True)
    root = etree.fromstring(data, parser=parser)
    if root.tag != f"{SVG_NS}svg":
        raise HTTPException(status_code=400, detail="not an SVG document")
    for script in list(root.iter(f"{SVG_NS}script")):
        script.getparent().remove(script)
    return {"svg": etree.tostring(root).decode()}
