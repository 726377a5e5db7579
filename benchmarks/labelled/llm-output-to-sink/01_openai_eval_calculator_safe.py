# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); CWE-95 (cwe.mitre.org/data/definitions/95.html)
# note: the expression is parsed with ast and evaluated by a walker that accepts only numeric constants and + - * / and unary minus; names, calls and attributes raise ValueError.
import ast
import operator

from openai import OpenAI

client = OpenAI()
_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv, ast.USub: operator.neg}


def _evaluate(node):
    if isinstance(node, ast.Expression):
        return _evaluate(node.body)
    if isinstance(node, ast.Constant) and type(node.value) in (int, float):
        return node.value
    if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.left), _evaluate(node.right))
    if isinstance(node, ast.UnaryOp) and type(node.op) in _OPS:
        return _OPS[type(node.op)](_evaluate(node.operand))
    raise ValueError(f"unsupported expression element: {ast.dump(node)}")


def solve_word_problem(problem: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Translate the problem into one Python arithmetic expression. Output only the expression."},
            {"role": "user", "content": problem},
        ],
    )
    expression = response.choices[0].message.content.strip()
    result = _evaluate(ast.parse(expression, mode="eval"))
    return f"{expression} = {result}"
