import pickle

import torch
from torch import nn


class Checkpointer:
    def __init__(self, directory: str):
        self.directory = directory

    def restore(self, module: nn.Module, name: str) -> None:
        state = torch.load(f"{self.directory}/{name}.pt", map_location="cpu")
        module.load_state_dict(state)

    def restore_optimizer(self, optimizer: torch.optim.Optimizer, name: str) -> None:
        with open(f"{self.directory}/{name}.opt", "rb") as fh:
            optimizer.load_state_dict(torch.load(fh, pickle_module=pickle))

    def restore_strict(self, module: nn.Module, name: str) -> None:
        state = torch.load(f"{self.directory}/{name}.pt", map_location="cpu", weights_only=True)
        module.load_state_dict(state)

    def restore_buffer(self, module: nn.Module, blob: bytes) -> None:
        module.load_state_dict(torch.load(io_buffer(blob), weights_only=True))


def io_buffer(blob: bytes):
    import io

    return io.BytesIO(blob)
