# category: llm-output-to-sink
# label: safe
# source: OWASP Top 10 for LLM Applications 2025: LLM05 Improper Output Handling (genai.owasp.org/llmrisk/llm052025-improper-output-handling); Python docs: asyncio subprocesses (create_subprocess_shell, shlex.quote note)
# note: the format must be one of three allow-listed values and ffmpeg is started with create_subprocess_exec, so no shell ever parses the model's text.
import asyncio

from anthropic import AsyncAnthropic

client = AsyncAnthropic()
OUTPUT_FORMATS = {"mp4", "webm", "mp3"}


async def convert_media(source: str, request_text: str) -> int:
    msg = await client.messages.create(
        model="claude-3-5-haiku-latest",
        max_tokens=10,
        messages=[{"role": "user", "content": f"Which output format does the user want (mp4, webm or mp3)? Format only.\n\n{request_text}"}],
    )
    fmt = msg.content[0].text.strip().lower()
    if fmt not in OUTPUT_FORMATS:
        raise ValueError(f"unsupported format {fmt!r}")
    stem = source.rsplit(".", 1)[0]
    proc = await asyncio.create_subprocess_exec("ffmpeg", "-y", "-i", source, f"{stem}.{fmt}")
    return await proc.wait()
