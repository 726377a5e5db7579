# category: ldap-injection
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025, "LLM05:2025 Improper Output Handling"; OWASP LDAP Injection Prevention Cheat Sheet, "Defense Option 1: Escape all variables using the right LDAP encoding function"
# expect: 26
# note: The department name extracted by the OpenAI model (open to prompt injection in the question) goes into the filter unescaped.
import os

from ldap3 import SUBTREE, Connection, Server
from openai import OpenAI

client = OpenAI()
server = Server(os.environ["LDAP_URL"])
PEOPLE_DN = "ou=people,dc=example,dc=org"


def people_in_department(question: str):
    resp = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Name the department this question is about. Reply with the name only."},
            {"role": "user", "content": question},
        ],
    )
    dept = resp.choices[0].message.content.strip()
    with Connection(server, os.environ["LDAP_BIND_DN"], os.environ["LDAP_BIND_PASSWORD"], auto_bind=True) as conn:
        conn.search(PEOPLE_DN, f"(&(objectClass=person)(departmentNumber={dept}))", SUBTREE,
                    attributes=["cn", "mail"])
        return [e.entry_attributes_as_dict for e in conn.entries]
