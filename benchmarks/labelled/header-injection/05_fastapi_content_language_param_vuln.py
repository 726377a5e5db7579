# category: header-injection
# label: vulnerable
# source: CWE-113: Improper Neutralization of CRLF Sequences in HTTP Headers ('HTTP Request/Response Splitting')
# expect: 20
# note: the lang query parameter goes into the headers= mapping of a FastAPI Response; Starlette does not check header values itself, so CR/LF handling is left to the ASGI server.

from fastapi import FastAPI, Response

app = FastAPI()

GREETINGS = {"en": "Hello", "fr": "Bonjour", "de": "Hallo"}


@app.get("/greeting")
def greeting(lang: str = "en"):
    text = GREETINGS.get(lang, GREETINGS["en"])
    return Response(
        content=text,
        media_type="text/plain",
        headers={"Content-Language": lang},
    )
