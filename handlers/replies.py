"""What the bot says for a ``Turn``: a pure function shared by Slack, ``/fact ask``, ``bot chat`` and ``bot ask``."""

from __future__ import annotations

from collections.abc import Callable

from handlers.blocks import (
    Message,
    answer_message,
    context,
    help_message,
    no_answer_message,
    section,
    smalltalk_message,
    text_message,
)
from handlers.mrkdwn import escape
from knowledge.dialogue import MAX_QUESTION_CHARS, Turn
from knowledge.factbase import Fact, Source


def message_for(turn: Turn, threshold: float, fact_command: str,
                source_of: Callable[[Fact], Source | None] | None = None) -> Message | None:
    """The message for a turn; None when the bot stays silent or only reacts (``source_of``: a fact's
    article, for the other sides of a comparison)."""
    if turn.kind in ("silent", "reaction"):
        return None
    if turn.kind == "help":
        return help_message(fact_command)
    if turn.kind == "too_long":
        return text_message(f"That's {turn.length:,} characters; please ask in under {MAX_QUESTION_CHARS:,} "
                            "(one question at a time works best).")
    if turn.kind == "unclear":
        return text_message("Which company, person or product do you mean? I have nothing earlier in this "
                            "conversation to go on; ask again with the name." if turn.lang == "en" else
                            "你指的是哪家公司、哪个人或哪个产品？这段对话里没有可参照的上文，请带上名称再问一次。")
    if turn.kind == "smalltalk":
        return smalltalk_message(turn.smalltalk or "other", turn.lang, turn.examples, fact_command)
    answer = turn.answer
    message = answer_message(answer, threshold, source_of) if turn.kind == "answer" else \
        no_answer_message(answer, fact_command)
    if turn.reading:
        zh = turn.lang == "zh"
        line = context(f"理解为：*{escape(turn.reading)}*" if zh else f"Reading this as: *{escape(turn.reading)}*")
        if turn.kind == "no_answer":  # the completed question has no fact: say what was looked for
            lacking = "我的资料里没有这一项：{}。" if zh else "I don't have that: nothing in my sources answers {}."
            message = Message(text=lacking.format(turn.reading),
                              blocks=[line, section(lacking.format(f"*{escape(turn.reading)}*")), *message.blocks[1:]])
        else:
            message = Message(text=message.text, blocks=[line, *message.blocks])
    return message
