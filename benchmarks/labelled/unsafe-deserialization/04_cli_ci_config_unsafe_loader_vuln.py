# category: unsafe-deserialization
# label: vulnerable
# source: PyYAML docs: PyYAML yaml.load(input) Deprecation (github.com/yaml/pyyaml/wiki/PyYAML-yaml.load(input)-Deprecation)
# expect: 13
# note: the CI validator loads a contributor's .ci.yml with UnsafeLoader, so python/object tags in a pull request execute on the CI runner.
import argparse

import yaml


def load_ci_config(path):
    with open(path, encoding="utf-8") as fh:
        return yaml.load(fh, Loader=yaml.UnsafeLoader)


def main():
    ap = argparse.ArgumentParser(description="Validate a pull request's .ci.yml before running the pipeline")
    ap.add_argument("config")
    args = ap.parse_args()
    config = load_ci_config(args.config)
    for job, spec in config.get("jobs", {}).items():
        print(f"{job}: {len(spec.get('script', []))} script lines")


if __name__ == "__main__":
    main()
