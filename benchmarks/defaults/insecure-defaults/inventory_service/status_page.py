import uvicorn
from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware

app = FastAPI(title="Public status page")

# Anonymous, read-only data: no cookies or Authorization headers are involved.
app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_methods=["GET"],
)


@app.get("/status")
async def status() -> dict:
    return {"api": "operational", "db": "operational"}


if __name__ == "__main__":
    uvicorn.run(app, host="127.0.0.1", port=8002)
