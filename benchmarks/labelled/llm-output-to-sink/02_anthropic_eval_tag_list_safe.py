# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); Python docs: ast.literal_eval
# note: ast.literal_eval only accepts Python literals, so a reply containing calls or names raises ValueError instead of running.
import ast

import anthropic

client = anthropic.Anthropic()


def suggest_tags(ticket_text: str) -> list:
    message = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=200,
        messages=[{
            "role": "user",
            "content": f"Return a Python list of up to 5 lowercase tags for this support ticket:\n\n{ticket_text}",
        }],
    )
    reply = message.content[0].text
    tags = ast.literal_eval(reply)
    return [str(t) for t in tags][:5]
