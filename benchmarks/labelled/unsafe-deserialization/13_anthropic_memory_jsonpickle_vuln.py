# category: unsafe-deserialization
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; jsonpickle docs: Security warning ("jsonpickle should be treated the same as the Python stdlib pickle module")
# expect: 24
# note: the updated memory the model returns is jsonpickle-decoded, so a user message that talks the model into emitting a py/reduce entry gets code execution.
import anthropic
import jsonpickle

client = anthropic.Anthropic()


def update_memory(memory: dict, user_message: str) -> dict:
    msg = client.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=1024,
        messages=[{
            "role": "user",
            "content": (
                f"Here is the assistant's memory as JSON:\n{jsonpickle.encode(memory)}\n\n"
                f"Update it with any new facts from this message and return the JSON only:\n{user_message}"
            ),
        }],
    )
    return jsonpickle.decode(msg.content[0].text)
