import uvicorn
from fastapi import FastAPI, HTTPException
from fastapi.middleware.cors import CORSMiddleware
from pydantic import BaseModel

app = FastAPI(title="Inventory", debug=True)

app.add_middleware(
    CORSMiddleware,
    allow_origins=["*"],
    allow_credentials=True,
    allow_methods=["*"],
    allow_headers=["*"],
)


class Item(BaseModel):
    sku: str
    quantity: int


ITEMS: dict[str, Item] = {}


@app.get("/items/{sku}")
async def get_item(sku: str) -> Item:
    if sku not in ITEMS:
        raise HTTPException(status_code=404, detail="not found")
    return ITEMS[sku]


@app.post("/items")
async def put_item(item: Item) -> Item:
    ITEMS[item.sku] = item
    return item


if __name__ == "__main__":
    uvicorn.run(app, host="0.0.0.0", port=8000)
