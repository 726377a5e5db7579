import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="Partner portal", debug=False)
app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=".*",
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)

partner_app = FastAPI(title="Partner widgets")
partner_app.add_middleware(
    CORSMiddleware,
    allow_origin_regex=r"https://[a-z0-9-]+\.partners\.example\.com",
    allow_credentials=True,
    allow_methods=["GET"],
)


@app.get("/orders")
async def orders() -> list[dict]:
    return [{"id": 1, "status": "shipped"}]


if __name__ == "__main__":
    uvicorn.run("partners:app", host="0.0.0.0", port=8001, reload=True)
