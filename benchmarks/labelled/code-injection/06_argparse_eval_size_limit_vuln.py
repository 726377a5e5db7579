# category: code-injection
# label: vulnerable
# source: Bandit docs: B307 (blacklist call eval, "consider using safer ast.literal_eval"); Python docs: built-in eval()
# expect: 20
# note: The --limit argument is evaluated with eval() so that '512 * 1024 * 1024' works, which also runs any other expression.
import argparse
import os

CACHE_DIR = os.path.expanduser("~/.cache/thumbs")


def cache_size(path):
    return sum(e.stat().st_size for e in os.scandir(path) if e.is_file())


def main():
    parser = argparse.ArgumentParser(description="Warn when the thumbnail cache is too large")
    parser.add_argument("--limit", default="512 * 1024 * 1024", help="size limit in bytes")
    args = parser.parse_args()
    limit = eval(args.limit)
    size = cache_size(CACHE_DIR)
    print(f"{size} / {limit} bytes" + (" (over limit)" if size > limit else ""))


if __name__ == "__main__":
    main()
