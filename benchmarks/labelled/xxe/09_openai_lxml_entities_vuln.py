# category: xxe
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
# expect: 10, 22
# note: the model's XML reply (steerable by the analysed document) is parsed with entity resolution and DTD loading on, so an injected SYSTEM entity reads local files into the result.
from lxml import etree
from openai import OpenAI

client = OpenAI()
PARSER = etree.XMLParser(resolve_entities=True, load_dtd=True)


def extract_entities(document: str) -> list:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Return <entities><entity type='...'>name</entity></entities> XML only."},
            {"role": "user", "content": document},
        ],
    )
    xml_text = response.choices[0].message.content
    root = etree.fromstring(xml_text.encode("utf-8"), PARSER)
    return [{"type": e.get("type"), "name": e.text} for e in root.iter("entity")]
