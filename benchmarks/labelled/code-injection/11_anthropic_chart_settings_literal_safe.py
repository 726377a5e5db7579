# category: code-injection
# label: safe
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: ast.literal_eval
# expect: none
# note: The reply is parsed with ast.literal_eval(), which accepts only literal containers and constants.
import ast

import anthropic

client = anthropic.Anthropic()
PROMPT = (
    "Return a Python dict literal with the keys 'kind', 'x' and 'y' describing the chart "
    "the user wants. Reply with the dict only.\n\nRequest: "
)


def chart_settings(user_request: str) -> dict:
    msg = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=200,
        messages=[{"role": "user", "content": PROMPT + user_request}],
    )
    settings = ast.literal_eval(msg.content[0].text)
    return {"kind": settings.get("kind", "bar"), "x": settings["x"], "y": settings["y"]}
