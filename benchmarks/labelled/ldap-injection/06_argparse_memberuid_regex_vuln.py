# category: ldap-injection
# label: vulnerable
# source: OWASP LDAP Injection Prevention Cheat Sheet, Additional Defenses: "Allow-List Input Validation"
# expect: 19
# note: The uid command-line argument is put into the python-ldap filter with an f-string.
import argparse
import os

import ldap


def main():
    parser = argparse.ArgumentParser(description="Show the POSIX groups of a user")
    parser.add_argument("uid")
    args = parser.parse_args()
    conn = ldap.initialize(os.environ.get("LDAP_URI", "ldap://localhost"))
    conn.simple_bind_s()
    results = conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_ONELEVEL,
                            f"(memberUid={args.uid})", ["cn"])
    for _dn, attrs in results:
        print(attrs["cn"][0].decode())


if __name__ == "__main__":
    main()
