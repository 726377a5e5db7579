# category: command-injection
# label: safe
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 2: Input validation (allow-list regular expression)
# expect: none
# note: The hostname must fully match a strict hostname allow-list regex (no metacharacters, no leading '-') before it reaches the helper.
import os
import re

LABEL = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?"
HOSTNAME_RE = re.compile(rf"{LABEL}(?:\.{LABEL})*")


def resolve(name):
    with os.popen("dig +short " + name) as pipe:
        return pipe.read().split()


if __name__ == "__main__":
    name = input("Hostname to resolve: ").strip()
    if not HOSTNAME_RE.fullmatch(name):
        raise SystemExit("invalid hostname")
    print("\n".join(resolve(name)) or "no records")
