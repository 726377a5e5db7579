# category: unsafe-deserialization
# label: safe
# source: PyTorch docs: torch.load ("Never load data from an untrusted source"; weights_only)
# note: weights_only=True restricts unpickling to tensors and primitive containers, which is all a state_dict needs.
import io

import torch
from fastapi import FastAPI, File, UploadFile
from torch import nn

app = FastAPI()
model = nn.Sequential(nn.Linear(768, 256), nn.ReLU(), nn.Linear(256, 2))


@app.post("/models/finetuned")
async def upload_checkpoint(checkpoint: UploadFile = File(...)):
    data = await checkpoint.read()
    state_dict = torch.load(io.BytesIO(data), map_location="cpu", weights_only=True)
    model.load_state_dict(state_dict)
    return {"parameters": sum(p.numel() for p in model.parameters())}
