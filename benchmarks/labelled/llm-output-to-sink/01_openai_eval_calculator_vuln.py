# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-95 (cwe.mitre.org/data/definitions/95.html)
# expect: 20
# note: the "arithmetic expression" the model writes is passed to eval, so a word problem containing injected instructions yields __import__('os').system(...).
from openai import OpenAI

client = OpenAI()


def solve_word_problem(problem: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Translate the problem into one Python arithmetic expression. Output only the expression."},
            {"role": "user", "content": problem},
        ],
    )
    expression = response.choices[0].message.content.strip()
    result = eval(expression)
    return f"{expression} = {result}"
