# category: ldap-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; python-ldap docs: "ldap.filter LDAP filter handling" (filter_format, escape_filter_chars)
# expect: 24
# note: The username Claude extracts from a helpdesk ticket is %-formatted into the python-ldap filter.
import os

import anthropic
import ldap

client = anthropic.Anthropic()


def requester_groups(ticket_body: str):
    msg = client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=32,
        messages=[{"role": "user", "content": "Reply with only the requester's username from this ticket:\n\n" + ticket_body}],
    )
    username = msg.content[0].text.strip()
    conn = ldap.initialize(os.environ["LDAP_URI"])
    conn.simple_bind_s(os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"])
    return conn.search_s("ou=groups,dc=example,dc=org", ldap.SCOPE_SUBTREE,
                         "(memberUid=%s)" % username, ["cn"])
