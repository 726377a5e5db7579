# category: unsafe-deserialization
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
# expect: 21
# note: the model's YAML (steerable through the project description) is loaded with unsafe_load, so a !!python/object/apply tag in the reply runs code.
import yaml
from openai import OpenAI

client = OpenAI()


def draft_workflow(description: str) -> dict:
    response = client.chat.completions.create(
        model="gpt-4o",
        messages=[
            {"role": "system", "content": "Write a GitHub Actions workflow in YAML for the user's project. YAML only."},
            {"role": "user", "content": description},
        ],
    )
    text = response.choices[0].message.content
    workflow = yaml.unsafe_load(text)
    if "jobs" not in workflow:
        raise ValueError("model returned a workflow without jobs")
    return workflow
