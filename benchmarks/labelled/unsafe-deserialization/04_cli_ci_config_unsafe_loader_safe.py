# category: unsafe-deserialization
# label: safe
# source: PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation); PyYAML docs: libyaml bindings (CSafeLoader)
# note: the config is loaded with the libyaml CSafeLoader (falling back to the pure-Python SafeLoader), which only constructs plain YAML types.
import argparse

import yaml

try:
    from yaml import CSafeLoader as SafeLoader
except ImportError:
    from yaml import SafeLoader


def load_ci_config(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=SafeLoader)


def main():
    ap = argparse.ArgumentParser(description="Validate a pull request's .ci.yml before running the pipeline")
    ap.add_argument("config")
    args = ap.parse_args()
    config = load_ci_config(args.config)
    for job, spec in config.get("jobs", {}).items():
        print(f"{job}: {len(spec.get('script', []))} script lines")


if __name__ == "__main__":
    main()
