# category: xxe
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; Python docs: xml.sax.handler.feature_external_ges
# note: the SAX parser keeps feature_external_ges off, so entities declared in the model's XML are never fetched.
import io
import xml.sax
from xml.sax.handler import feature_external_ges

import anthropic

client = anthropic.Anthropic()


class ToolCallHandler(xml.sax.ContentHandler):
    def __init__(self):
        super().__init__()
        self.calls = []

    def startElement(self, name, attrs):
        if name == "invoke":
            self.calls.append(dict(attrs))


def parse_tool_calls(xml_text: str) -> list:
    handler = ToolCallHandler()
    parser = xml.sax.make_parser()
    parser.setFeature(feature_external_ges, False)
    parser.setContentHandler(handler)
    parser.parse(io.StringIO(xml_text))
    return handler.calls


def plan(task: str) -> list:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=1024,
        messages=[{"role": "user", "content": f"Plan tool calls as <calls><invoke name='...'/></calls> for: {task}"}],
    )
    return parse_tool_calls(msg.content[0].text)
