# category: path-traversal
# label: vulnerable
# source: OWASP Path Traversal (owasp.org/www-community/attacks/Path_Traversal)
# expect: 13
# note: the helper runs through a sudo rule for on-call staff, and the typed name is joined onto LOG_DIR unchecked, so ../../etc/shadow is readable as root.
"""Print the tail of a service log (invoked as: sudo /usr/local/bin/showlog)."""
import os

LOG_DIR = "/var/log/acme"


def tail(path, lines=50):
    with open(path, errors="replace") as fh:
        return fh.readlines()[-lines:]


def main():
    print("Available logs:", ", ".join(sorted(os.listdir(LOG_DIR))))
    name = input("Log file: ").strip()
    for line in tail(os.path.join(LOG_DIR, name)):
        print(line, end="")


if __name__ == "__main__":
    main()
