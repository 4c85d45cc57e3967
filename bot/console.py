"""``python -m bot chat``: try the bot in a terminal with the same answers as Slack.

It renders the very Block Kit messages the Slack handlers send, as plain text, so
what you see here is what Slack users see (minus the buttons' clicks).
"""

from __future__ import annotations

import re
from typing import TextIO

from handlers.blocks import Message
from handlers.replies import compose_reply
from knowledge.qa import QuestionAnswerer

PROMPT = "you> "
_ESCAPES = (("&lt;", "<"), ("&gt;", ">"), ("&amp;", "&"))


def run_console(qa: QuestionAnswerer, stdin: TextIO, stdout: TextIO) -> int:
    print("Ask about the Chinese AI industry (English or Chinese). Empty line or Ctrl-D quits.", file=stdout)
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or not line.strip():
            print(file=stdout)
            return 0
        print(render(compose_reply(qa, line.strip(), "/fact")[0]), file=stdout)


def render(message: Message) -> str:
    """Block Kit as terminal text: sections, quotes, context lines and button labels."""
    lines: list[str] = []
    for block in message.blocks:
        if block["type"] == "header":
            lines.append(block["text"]["text"].upper())
        elif block["type"] == "section":
            text = _plain(block["text"]["text"])
            accessory = block.get("accessory")
            lines.append(text + (f"   [{accessory['text']['text']}]" if accessory else ""))
        elif block["type"] == "context":
            lines.append("  " + " ".join(_plain(e["text"]) for e in block["elements"]))
        elif block["type"] == "actions":
            lines.append("  " + "  ".join(f"[{e['text']['text']}]" for e in block["elements"]))
    return "bot> " + "\n     ".join("\n".join(lines).splitlines())


def _plain(mrkdwn: str) -> str:
    text = re.sub(r"(?<!\w)[*_](.+?)[*_](?!\w)", r"\1", mrkdwn)
    for escaped, char in _ESCAPES:
        text = text.replace(escaped, char)
    return text
