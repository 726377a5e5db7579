import json

import torch
from huggingface_hub import hf_hub_download, snapshot_download
from safetensors.torch import load_file

REPO = "acme/fraud-detector"
REVISION = "9f2c5b1e7d4a8c3f6e0b2d5a7c9e1f3b5d7a9c2e"


def fetch_weights() -> dict:
    path = hf_hub_download(repo_id=REPO, filename="model.safetensors")
    return load_file(path)


def fetch_all() -> str:
    return snapshot_download(repo_id="meta-llama/Llama-3.2-1B", allow_patterns=["*.json", "*.safetensors"])


def fetch_legacy_checkpoint() -> dict:
    path = hf_hub_download(REPO, "pytorch_model.bin")
    return torch.load(path, map_location="cpu")


def fetch_weights_pinned() -> dict:
    path = hf_hub_download(repo_id=REPO, filename="model.safetensors", revision=REVISION)
    return load_file(path)


def fetch_config_pinned() -> dict:
    path = hf_hub_download(repo_id=REPO, filename="config.json", revision=REVISION)
    with open(path) as fh:
        return json.load(fh)


def fetch_snapshot_pinned() -> str:
    return snapshot_download(repo_id=REPO, revision=REVISION)
