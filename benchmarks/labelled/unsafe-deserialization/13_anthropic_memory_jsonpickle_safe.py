# category: unsafe-deserialization
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; jsonpickle docs: Security warning ("jsonpickle should be treated the same as the Python stdlib pickle module")
# note: memory is exchanged as plain JSON and parsed with json.loads, which cannot instantiate objects.
import json

import anthropic

client = anthropic.Anthropic()


def update_memory(memory: dict, user_message: str) -> dict:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=1024,
        messages=[{
            "role": "user",
            "content": (
                f"Here is the assistant's memory as JSON:\n{json.dumps(memory)}\n\n"
                f"Update it with any new facts from this message and return the JSON only:\n{user_message}"
            ),
        }],
    )
    return json.loads(msg.content[0].text)
