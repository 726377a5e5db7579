# category: unsafe-deserialization
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
# note: yaml.SafeLoader rejects python/* tags, so the model's YAML yields plain data only.
import litellm
import yaml


def generate_fixtures(model_source: str) -> list:
    response = litellm.completion(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Generate 5 YAML test fixtures (a list of mappings) for this model:\n{model_source}"}],
    )
    reply = response["choices"][0]["message"]["content"]
    fixtures = yaml.load(reply, Loader=yaml.SafeLoader)
    return [f for f in fixtures if isinstance(f, dict)]
