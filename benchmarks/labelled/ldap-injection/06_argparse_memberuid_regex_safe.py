# category: ldap-injection
# label: safe
# source: OWASP LDAP Injection Prevention Cheat Sheet, Additional Defenses: "Allow-List Input Validation"
# expect: none
# note: The uid must fully match ^[a-z][a-z0-9._-]{0,31}$, which excludes every filter metacharacter (* ( ) \ NUL).
import argparse
import os
import re

import ldap

UID_RE = re.compile(r"[a-z][a-z0-9._-]{0,31}")


def main():
    parser = argparse.ArgumentParser(description="Show the POSIX groups of a user")
    parser.add_argument("uid")
    args = parser.parse_args()
    if not UID_RE.fullmatch(args.uid):
        parser.error("invalid uid")
    conn = ldap.initialize(os.environ.get("LDAP_URI", "ldap://localhost"))
    conn.simple_bind_s()
    results = conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_ONELEVEL,
                            f"(memberUid={args.uid})", ["cn"])
    for _dn, attrs in results:
        print(attrs["cn"][0].decode())


if __name__ == "__main__":
    main()
