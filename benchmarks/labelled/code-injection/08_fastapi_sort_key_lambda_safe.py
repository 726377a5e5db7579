# category: code-injection
# label: safe
# source: CWE-95: Improper Neutralization of Directives in Dynamically Evaluated Code ('Eval Injection'), Potential Mitigations (allow-list input validation)
# expect: none
# note: The sort parameter must be one of three known column names (400 otherwise) before it reaches the eval'd lambda source.
from fastapi import FastAPI, HTTPException

app = FastAPI()
ROWS = [
    {"name": "alpha.txt", "size": 3, "owner": "kim"},
    {"name": "beta.txt", "size": 1, "owner": "lee"},
]
SORTABLE = {"name", "size", "owner"}


@app.get("/files")
def list_files(sort: str = "name"):
    if sort not in SORTABLE:
        raise HTTPException(status_code=400, detail="unknown sort key")
    key = eval(f"lambda row: row['{sort}']")
    return sorted(ROWS, key=key)
