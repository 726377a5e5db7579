import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, pipeline

MODEL_ID = "Qwen/Qwen2.5-7B-Instruct"
PINNED = "a09a35458c702b33eeacc393d103063234e8bc28"

tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, trust_remote_code=True)
model = AutoModelForCausalLM.from_pretrained(
    MODEL_ID,
    torch_dtype=torch.bfloat16,
    device_map="auto",
    trust_remote_code=True,
)

reviewed_model = AutoModelForCausalLM.from_pretrained(
    "microsoft/Phi-3-mini-4k-instruct",
    revision="0a67737cc96d2554230f90338b163bc6380a2a85",
    trust_remote_code=True,
)

safe_tokenizer = AutoTokenizer.from_pretrained(MODEL_ID, revision=PINNED)
safe_model = AutoModelForCausalLM.from_pretrained(MODEL_ID, revision=PINNED, torch_dtype=torch.bfloat16)

generator = pipeline("text-generation", model="tiiuae/falcon-7b-instruct", trust_remote_code=True)


def chat(prompt: str, max_new_tokens: int = 256) -> str:
    inputs = safe_tokenizer(prompt, return_tensors="pt").to(safe_model.device)
    output = safe_model.generate(**inputs, max_new_tokens=max_new_tokens)
    return safe_tokenizer.decode(output[0], skip_special_tokens=True)
