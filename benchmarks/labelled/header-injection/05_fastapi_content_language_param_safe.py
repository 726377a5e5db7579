# category: header-injection
# label: safe
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# note: Content-Language is set only to a key of the GREETINGS allow-list, falling back to 'en'.

from fastapi import FastAPI, Response

app = FastAPI()

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo"}


@app.get("/greeting")
def greeting(lang: str = "en"):
    text = GREETINGS.get(lang, GREETINGS["en"])
    return Response(
        content=text,
        media_type="text/plain",
        headers={"Content-Language": lang if lang in GREETINGS else "en"},
    )
