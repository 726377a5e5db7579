# category: path-traversal
# label: safe
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal)
# note: the typed name must be one of the entries actually listed in LOG_DIR (an allow-list), so no other path can reach open().
"""Print the tail of a service log (invoked as: sudo /usr/local/bin/showlog)."""
import os

LOG_DIR = "/var/log/acme"


def tail(path, lines=50):
    with open(path, errors="replace") as fh:
        return fh.readlines()[-lines:]


def main():
    print("Available logs:", ", ".join(sorted(os.listdir(LOG_DIR))))
    name = input("Log file: ").strip()
    if name not in os.listdir(LOG_DIR):
        raise SystemExit(f"unknown log: {name!r}")
    for line in tail(os.path.join(LOG_DIR, name)):
        print(line, end="")


if __name__ == "__main__":
    main()
