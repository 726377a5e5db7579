# category: xxe
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; OWASP XML External Entity Prevention Cheat Sheet, Python section (cheatsheetseries.owasp.org/cheatsheets/XML_External_Entity_Prevention_Cheat_Sheet.html)
# note: the parser for the model's XML loads no DTD, resolves no entities and has no network access.
from lxml import etree
from openai import OpenAI

client = OpenAI()
PARSER = etree.XMLParser(resolve_entities=False, load_dtd=False, no_network=True)


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
