import json
import logging
import subprocess

import torch
from openai import OpenAI

log = logging.getLogger(__name__)
client = OpenAI()


def plan_and_run(task: str) -> str:
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Write a bash one-liner to {task}."}],
    ).choices[0].message.content
    log.info("model proposed: %s", reply)
    return subprocess.check_output(["bash", "-c", reply], text=True)


def apply_migration(conn, request: str) -> None:
    migration = client.chat.completions.create(
        model="gpt-4o-mini",
        messages=[{"role": "user", "content": f"Write SQLite DDL for: {request}"}],
    ).choices[0].message.content
    conn.executescript(migration)


def structured_reply(task: str) -> dict:
    reply = client.chat.completions.create(
        model="gpt-4o-mini",
        response_format={"type": "json_object"},
        messages=[{"role": "user", "content": task}],
    ).choices[0].message.content
    return json.loads(reply)


def load_reward_model(path: str) -> torch.nn.Module:
    return torch.load(path)


def load_reward_weights(model: torch.nn.Module, path: str) -> None:
    model.load_state_dict(torch.load(path, weights_only=True))
