# category: code-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; Python docs: ast.literal_eval
# expect: 21
# note: The dict literal written by Claude from the user's request is parsed with eval(), so injected text can make it a call.
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
    settings = eval(msg.content[0].text)
    return {"kind": settings.get("kind", "bar"), "x": settings["x"], "y": settings["y"]}
