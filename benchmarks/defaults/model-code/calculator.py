import ast

from transformers import pipeline

generator = pipeline(
    "text2text-generation", model="google/flan-t5-base", revision="7bcac572ce56db69c1ea7c8af255c5d7c9672fc2"
)


def solve(expression: str) -> float:
    answer = generator(f"Compute: {expression}")[0]["generated_text"]
    return eval(answer)


def parse_list(question: str) -> list:
    answer = generator(f"Answer as a Python list literal: {question}")[0]["generated_text"]
    return ast.literal_eval(answer)


def explain(expression: str) -> str:
    answer = generator(f"Explain step by step: {expression}")[0]["generated_text"]
    print(answer)
    return answer
