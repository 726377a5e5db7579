"""Product descriptions with a local language model, and a shell helper the model drives."""

import subprocess

from openai import OpenAI
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "acme-labs/shop-writer-7b"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, trust_remote_code=True)
client = OpenAI()


def describe(product_name: str) -> str:
    inputs = tokenizer(f"Describe {product_name}:", return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=120)
    return tokenizer.decode(output[0], skip_special_tokens=True)


def run_maintenance(task: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Give one shell command that does: {task}"}],
    )
    command = reply.choices[0].message.content
    return subprocess.run(command, shell=True, capture_output=True, text=True).stdout
