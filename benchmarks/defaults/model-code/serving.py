import argparse

from vllm import LLM, SamplingParams

parser = argparse.ArgumentParser()
parser.add_argument("--model", default="deepseek-ai/DeepSeek-V2-Lite-Chat")
parser.add_argument("--trust-remote-code", action="store_true")
args = parser.parse_args()

llm = LLM(model="deepseek-ai/DeepSeek-V2-Lite-Chat", trust_remote_code=True, max_model_len=8192)
configured_llm = LLM(
    model=args.model,
    revision="85864749cd611b4353ce1decdb286193298f64c7",
    trust_remote_code=args.trust_remote_code,
)
params = SamplingParams(temperature=0.2, max_tokens=512)


def complete(prompt: str) -> str:
    outputs = configured_llm.generate([prompt], params)
    return outputs[0].outputs[0].text
