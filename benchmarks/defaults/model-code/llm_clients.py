import os

import anthropic
from huggingface_hub import InferenceClient
from openai import OpenAI

openai_client = OpenAI(api_key="@@OPENAI_KEY@@")
claude = anthropic.Anthropic(api_key="@@ANTHROPIC_KEY@@")
hf = InferenceClient(model="meta-llama/Llama-3.1-8B-Instruct", token="@@HF_TOKEN@@")
os.environ["OPENAI_API_KEY"] = "@@OPENAI_KEY_2@@"

env_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
default_client = OpenAI()
local_vllm = OpenAI(base_url="http://localhost:8000/v1", api_key="EMPTY")
ollama = OpenAI(base_url="http://localhost:11434/v1", api_key="ollama")
env_claude = anthropic.Anthropic(api_key=os.getenv("ANTHROPIC_API_KEY"))


def summarise(text: str) -> str:
    resp = default_client.chat.completions.create(
        model="gpt-4o-mini", messages=[{"role": "user", "content": f"Summarise: {text}"}]
    )
    return resp.choices[0].message.content
