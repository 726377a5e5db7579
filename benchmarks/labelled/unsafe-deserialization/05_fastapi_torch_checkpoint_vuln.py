# category: unsafe-deserialization
# label: vulnerable
# source: PyTorch docs: torch.load ("Never load data from an untrusted source"; weights_only)
# expect: 19
# note: weights_only=False makes torch.load run the full pickle machinery on the uploaded checkpoint, so a malicious .pt file executes code.
import io

import torch
from fastapi import FastAPI, File, UploadFile
from torch import nn

app = FastAPI()
model = nn.Sequential(nn.Linear(768, 256), nn.ReLU(), nn.Linear(256, 2))


@app.post("/models/finetuned")
async def upload_checkpoint(checkpoint: UploadFile = File(...)):
    data = await checkpoint.read()
    state_dict = torch.load(io.BytesIO(data), map_location="cpu", weights_only=False)
    model.load_state_dict(state_dict)
    return {"parameters": sum(p.numel() for p in model.parameters())}
