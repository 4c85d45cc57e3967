"""``python -m bot chat``: try the bot in a terminal with the same answers as Slack.

It renders the very Block Kit messages the Slack handlers send, as plain text, so what you
see here is what Slack users see (minus the buttons' clicks); lines starting with ``/fact``
run the slash command exactly as Slack does, as the terminal user (with admin rights: whoever
runs this holds the database anyway).
"""

from __future__ import annotations

import re
from typing import TextIO

from handlers.blocks import Message, text_message
from handlers.mrkdwn import unescape
from handlers.replies import message_for
from knowledge.context_store import Conversations, scratch_conversations
from knowledge.dialogue import Dialogue
from knowledge.qa import QuestionAnswerer

PROMPT = "you> "
FACT_COMMAND = "/fact"


def run_console(qa: QuestionAnswerer, stdin: TextIO, stdout: TextIO, user: str = "cli",
                question_log: bool = True) -> int:
    """A DM with the bot: follow-ups inherit context, small talk gets small talk, ``/fact`` runs.

    ``question_log``: QUESTION_LOG, as in Slack: off keeps no question text in the database."""
    if qa.team_facts is not None:
        return _converse(qa, Conversations(qa.team_facts.store), stdin, stdout, user, question_log)
    with scratch_conversations() as conversations:  # --no-team-facts: follow-ups still have a memory
        return _converse(qa, conversations, stdin, stdout, user, question_log)


def _converse(qa: QuestionAnswerer, conversations: Conversations, stdin: TextIO, stdout: TextIO, user: str,
              question_log: bool) -> int:
    commands = _fact_command(qa, user)
    dialogue = Dialogue(qa, conversations, question_log=question_log)
    key = f"d:console:{user}"
    print(f"Ask about the Chinese AI industry (English or Chinese), or type {FACT_COMMAND} help. "
          "Empty line or Ctrl-D quits.", file=stdout)
    while True:
        print(PROMPT, end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or not line.strip():
            print(file=stdout)
            return 0
        line = line.strip()
        if line.split(" ", 1)[0] == FACT_COMMAND:
            print(render(_run_fact(commands, line[len(FACT_COMMAND):].strip(), user)), file=stdout)
        else:
            turn = dialogue.turn(line, key)
            message = message_for(turn, qa.threshold, FACT_COMMAND, qa.source_of)
            print(render(message) if message else "bot> :+1:", file=stdout)


def _fact_command(qa: QuestionAnswerer, user: str):
    """``/fact`` over the answerer's database, or None when it has none (``--no-team-facts``)."""
    if qa.team_facts is None:
        return None
    from handlers import Deps
    from handlers.fact_command import FactCommand

    deps = Deps(qa=qa, store=qa.team_facts.store, fact_command=FACT_COMMAND, fact_admins=frozenset({user}))
    return FactCommand(deps, qa.team_facts)


def _run_fact(commands, text: str, user: str) -> Message:
    if commands is None:
        return text_message(f"{FACT_COMMAND} needs the team-fact database; run chat without --no-team-facts.")
    from handlers.fact_command import OpenForm

    result = commands.run(text, user, user, None)
    if isinstance(result, OpenForm):
        return text_message(f"That opens a form in Slack. Here, use {FACT_COMMAND} add QUESTION | ANSWER [| SOURCE]"
                            " (edits need Slack's form).")
    return result


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
    return unescape(re.sub(r"(?<!\w)[*_](.+?)[*_](?!\w)", r"\1", mrkdwn))
