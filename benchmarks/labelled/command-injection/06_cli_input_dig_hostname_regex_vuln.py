# category: command-injection
# label: vulnerable
# source: OWASP OS Command Injection Defense Cheat Sheet, "Defense option 3", Layer 2: Input validation (allow-list regular expression)
# expect: 10
# note: A hostname read with input() goes to a helper that runs it through os.popen(), i.e. through the shell.
import os


def resolve(name):
    with os.popen("dig +short " + name) as pipe:
        return pipe.read().split()


if __name__ == "__main__":
    name = input("Hostname to resolve: ").strip()
    print("\n".join(resolve(name)) or "no records")
