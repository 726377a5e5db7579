import json
import os
import subprocess

import anthropic
from openai import OpenAI

openai_client = OpenAI(api_key=os.environ["OPENAI_API_KEY"])
claude = anthropic.Anthropic()


def run_generated_code(task: str) -> None:
    response = openai_client.chat.completions.create(
        model="gpt-4o",
        messages=[{"role": "user", "content": f"Write Python code to {task}. Code only."}],
    )
    code = response.choices[0].message.content
    exec(code)


def run_shell_step(goal: str) -> str:
    message = claude.messages.create(
        model="claude-3-5-sonnet-latest",
        max_tokens=200,
        messages=[{"role": "user", "content": f"Give one bash command to {goal}."}],
    )
    command = message.content[0].text
    result = subprocess.run(command, shell=True, capture_output=True, text=True)
    return result.stdout


def admin_step(goal: str) -> None:
    message = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=100,
                                     messages=[{"role": "user", "content": goal}])
    os.system(message.content[0].text)


ALLOWED_TOOLS = {"git_log": ["git", "log", "--oneline", "-n", "20"], "disk": ["df", "-h"]}


def run_tool_call(goal: str) -> str:
    message = claude.messages.create(model="claude-3-5-haiku-latest", max_tokens=100,
                                     messages=[{"role": "user", "content": f"Pick a tool for: {goal}"}])
    choice = json.loads(message.content[0].text)
    argv = ALLOWED_TOOLS[choice["tool"]]
    return subprocess.run(argv, capture_output=True, text=True, check=True).stdout
