# category: code-injection
# label: safe
# source: Bandit docs: B307 (blacklist call eval, "consider using safer ast.literal_eval"); Python docs: built-in eval()
# expect: none
# note: The --limit argument is parsed with int(), which only accepts an integer literal.
import argparse
import os

CACHE_DIR = os.path.expanduser("~/.cache/thumbs")


def cache_size(path):
    return sum(e.stat().st_size for e in os.scandir(path) if e.is_file())


def main():
    parser = argparse.ArgumentParser(description="Warn when the thumbnail cache is too large")
    parser.add_argument("--limit", default="536870912", help="size limit in bytes")
    args = parser.parse_args()
    limit = int(args.limit)
    size = cache_size(CACHE_DIR)
    print(f"{size} / {limit} bytes" + (" (over limit)" if size > limit else ""))


if __name__ == "__main__":
    main()
