# category: path-traversal
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling; CWE-22 (cwe.mitre.org/data/definitions/22.html)
# note: os.path.basename keeps only the last component of the model's title, so the note is always created directly inside NOTES_DIR.
import os

from openai import OpenAI

client = OpenAI()
NOTES_DIR = os.path.expanduser("~/meeting-notes")


def save_summary(transcript: str) -> str:
    response = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[
            {"role": "system", "content": "Summarise the meeting. First line: a short file name for the summary."},
            {"role": "user", "content": transcript},
        ],
    )
    title, _, summary = response.choices[0].message.content.partition("\n")
    path = os.path.join(NOTES_DIR, f"{os.path.basename(title.strip())}.md")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(summary)
    return path
