import io

import requests
import torch
from safetensors import safe_open
from safetensors.torch import load_file

from model import Net

model = Net()


def resume(path: str) -> int:
    checkpoint = torch.load(path)
    model.load_state_dict(checkpoint["model"])
    return checkpoint["epoch"]


def load_pretrained(url: str) -> None:
    resp = requests.get(url, timeout=60)
    state = torch.load(io.BytesIO(resp.content), map_location="cpu")
    model.load_state_dict(state)


def load_full_model(path: str, device: str = "cpu") -> torch.nn.Module:
    return torch.load(path, map_location=device, weights_only=False)


def load_state(path: str) -> None:
    model.load_state_dict(torch.load("weights/best.pt"))


def resume_safely(path: str) -> int:
    checkpoint = torch.load(path, map_location="cpu", weights_only=True)
    model.load_state_dict(checkpoint["model"])
    return checkpoint["epoch"]


def load_safetensors(path: str) -> None:
    model.load_state_dict(load_file(path))


def read_tensor(path: str, name: str) -> torch.Tensor:
    with safe_open(path, framework="pt", device="cpu") as fh:
        return fh.get_tensor(name)


def save(path: str) -> None:
    torch.save(model.state_dict(), path)
