# category: code-injection
# label: vulnerable
# source: CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection'), Potential Mitigations (allow-list input validation)
# expect: 17
# note: The sort query parameter is put into the source of a lambda given to eval(), so "name'] or __import__('os').system('id') or row['name" runs code when the rows are sorted.
from fastapi import FastAPI

app = FastAPI()
ROWS = [
    {"name": "alpha.txt", "size": 3, "owner": "kim"},
    {"name": "beta.txt", "size": 1, "owner": "lee"},
]


@app.get("/files")
def list_files(sort: str = "name"):
    key = eval(f"lambda row: row['{sort}']")
    return sorted(ROWS, key=key)
