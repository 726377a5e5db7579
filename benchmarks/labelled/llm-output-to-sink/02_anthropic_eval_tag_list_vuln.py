# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); Python docs: ast.literal_eval
# expect: 21
# note: the ticket text controls the model, and eval runs whatever "Python list" it returns.
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
    tags = eval(reply)
    return [str(t) for t in tags][:5]
