"""Product descriptions with a local language model, and a maintenance helper the model advises."""

import subprocess

from openai import OpenAI
from transformers import AutoModelForCausalLM, AutoTokenizer

MODEL_ID = "acme-labs/shop-writer-7b"
# A reviewed commit of the model repository: a new upload cannot change what runs here.
MODEL_REVISION = "4f3c2a1b9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, revision=MODEL_REVISION)
model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=MODEL_REVISION, use_safetensors=True)
client = OpenAI()

# The model only chooses among these; it never writes the command.
MAINTENANCE_TASKS = {
    "clear-cache": ["find", "/var/cache/shop", "-type", "f", "-delete"],
    "disk-usage": ["df", "-h", "/var/lib/shop"],
}


def describe(product_name: str) -> str:
    inputs = tokenizer(f"Describe {product_name}:", return_tensors="pt")
    output = model.generate(**inputs, max_new_tokens=120)
    return tokenizer.decode(output[0], skip_special_tokens=True)


def run_maintenance(task: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Which of {sorted(MAINTENANCE_TASKS)} does this need: {task}"}],
    )
    choice = (reply.choices[0].message.content or "").strip()
    if choice not in MAINTENANCE_TASKS:
        return "no matching maintenance task"
    return subprocess.run(MAINTENANCE_TASKS[choice], capture_output=True, text=True).stdout
