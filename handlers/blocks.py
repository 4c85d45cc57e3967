"""Pure Block Kit builders for answers, suggestions, help and fact cards.

Every string that came from a user or a fact goes through ``escape`` (``handlers.mrkdwn``),
in blocks and, via ``Message.as_kwargs``, in the plain-text fallback, so ``<!channel>`` or
``<@U123>`` inside a fact or a question never pings anyone.  Builders return plain dicts and a
plain-text fallback; nothing here calls Slack.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from handlers.mrkdwn import escape
from knowledge.answers import Answer, source_line, whose_text
from knowledge.factbase import FACT_ID, Fact, Source
from knowledge.matcher import Alternative
from knowledge.smalltalk import reply_text

Block = dict[str, Any]
SECTION_LIMIT = 3000
MAX_BLOCKS = 50
BUTTON_VALUE_LIMIT = 2000
# Scores this close above the answering threshold get "I think you're asking: ...".
MODERATE_BAND = 12.0

ACTION_HELPFUL = "feedback_helpful"
ACTION_NOT_HELPFUL = "feedback_not_helpful"
ACTION_OTHER_ANSWERS = "other_answers"
ACTION_SHOW_FACT = "show_fact"


@dataclass(frozen=True)
class Message:
    """A Slack message: ``text`` is the notification fallback, ``blocks`` what people see.

    ``text`` is plain (unescaped) text; it is escaped on its way out, like the blocks' contents,
    because Slack parses the fallback for mentions too (notifications, mobile push, screen readers).
    """

    text: str
    blocks: list[Block]

    def as_kwargs(self) -> dict[str, Any]:
        return {"text": escape(self.text), "blocks": self.blocks}


def truncate(text: str, limit: int = SECTION_LIMIT) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": truncate(mrkdwn)}}


def context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": truncate(mrkdwn)}]}


def button(text: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    element = {
        "type": "button",
        "text": {"type": "plain_text", "text": text[:75], "emoji": True},
        "action_id": action_id,
        "value": value[:BUTTON_VALUE_LIMIT],
    }
    if style:
        element["style"] = style
    return element


def quote_block(quote: str) -> Block:
    lines = escape(quote).splitlines() or [""]
    return section("\n".join(f"> {line}" for line in lines))


def provenance(fact: Fact, source: Source | None) -> str:
    """Where a fact comes from: the article for curated facts, the author for team facts."""
    if source is not None:
        return f"Source: {escape(source_line(source, fact.as_of))}"
    parts = [f"Added by @{escape(fact.added_by or 'someone')}"]
    if fact.added_at:
        parts.append(f"on {escape(fact.added_at[:10])}")
    line = " ".join(parts)
    if fact.source_text:
        line += f" · Source: {escape(fact.source_text)}"
    return line + f" · `{escape(fact.id)}`"


def fact_blocks(fact: Fact, source: Source | None, lang: str, text: str | None = None,
                review: str | None = None) -> list[Block]:
    """The answer (``text``, else the fact's answer in ``lang``), its quote when there is one, its provenance
    (and, past its review date, "as of …; not reviewed since")."""
    blocks = [section(escape(text or fact.answer(lang)))]
    if fact.quote:
        blocks.append(quote_block(fact.quote))
    blocks.append(context(provenance(fact, source) + (f" · ⚠️ {escape(review)}" if review else "")))
    return blocks


def answer_message(answer: Answer, threshold: float,
                   source_of: Callable[[Fact], Source | None] | None = None) -> Message:
    """An answered question, with feedback and "Other answers" buttons; a comparison shows every side's
    quote and source (``source_of`` finds them), a disagreement the other side's."""
    assert answer.fact is not None
    blocks: list[Block] = []
    if answer.score < threshold + MODERATE_BAND and answer.matched_question:
        blocks.append(context(f"I think you're asking: _{escape(answer.matched_question)}_"))
    sides = getattr(answer, "facts", ())  # a comparison: every side's answer in the text, each side's quote
    if len(sides) > 1:
        blocks.append(section(escape(answer.text or "")))
        for fact in sides:
            if fact.quote:
                blocks.append(quote_block(fact.quote))
            source = answer.source if fact is answer.fact else source_of(fact) if source_of else None
            blocks.append(context(provenance(fact, source)))
    else:
        blocks.extend(fact_blocks(answer.fact, answer.source, answer.lang, answer.text, answer.review))
    blocks.extend(conflict_blocks(answer))
    value = _action_value(answer.fact.id, answer.question, unsure=answer.score < threshold + MODERATE_BAND)
    elements = [
        button("👍 Helpful", ACTION_HELPFUL, value),
        button("👎 Not helpful", ACTION_NOT_HELPFUL, value),
    ]
    if answer.alternatives:
        elements.append(button("Other answers", ACTION_OTHER_ANSWERS, value))
    blocks.append({"type": "actions", "block_id": "answer_actions", "elements": elements})
    return Message(text=truncate(answer.text or "", SECTION_LIMIT), blocks=blocks)


def conflict_blocks(answer: Answer) -> list[Block]:
    """The other side of each disagreement, with its own quote and source: what an analyst must see."""
    blocks: list[Block] = []
    for conflict in getattr(answer, "conflicts", ()):
        claim = conflict.claim
        other = ("另一篇文章的说法" if answer.lang == "zh" else "Another article says") if claim.source else \
            ("另一条事实的说法" if answer.lang == "zh" else "Another fact says")
        blocks.append(section(f"*{other}:* {escape(answer.conflict_text(conflict))}"))
        if claim.quote:
            blocks.append(quote_block(claim.quote))
        if conflict.source is not None:
            blocks.append(context(f"Source: {escape(source_line(conflict.source, claim.as_of))}"))
    return blocks


_NO_ANSWER = {  # (what it says, the suggestions' heading, how to teach it, the notification text)
    "en": ("I don't know that one: nothing in my fact base answers it, and I'd rather not guess.", "Did you mean:",
           "Know the answer? Teach me with `{command} add QUESTION | ANSWER` or `{command}` for a form.",
           "I don't know that one yet."),
    "zh": ("这个我不知道：我的事实库里没有答案，我不想乱猜。", "你是不是想问：",
           "知道答案？用 `{command} add 问题 | 答案` 教我，或输入 `{command}` 打开表单。", "这个我还不知道。"),
}


def no_answer_message(answer: Answer, fact_command: str) -> Message:
    """"I don't know", up to three "did you mean" buttons and how to teach the bot, in the asker's language
    (and script: a Traditional question gets Traditional characters)."""
    said, heading, teach, text = (answer.localise(t) for t in _NO_ANSWER.get(answer.lang, _NO_ANSWER["en"]))
    whose = whose_text(answer)  # ("revenue?": whose revenue?)
    said, text = (escape(whose), whose) if whose else (said, text)
    blocks = [section(said)]
    shown = [replace(a, question=answer.localise(a.question)) for a in answer.alternatives]  # (繁 for 繁)
    blocks.extend(suggestion_blocks(shown, heading, answer.question))
    blocks.append(context(teach.format(command=escape(fact_command))))
    return Message(text=text, blocks=blocks)


def suggestion_blocks(alternatives: tuple[Alternative, ...] | list[Alternative], heading: str,
                      question: str = "") -> list[Block]:
    """A heading and one row per alternative, each with a button that posts that answer in the thread."""
    if not alternatives:
        return []
    blocks = [section(heading)]
    for alt in list(alternatives)[:3]:
        blocks.append({
            "type": "section",
            "text": {"type": "mrkdwn", "text": truncate(f"• {escape(alt.question)}")},
            "accessory": button("Show", ACTION_SHOW_FACT, _action_value(alt.fact_id, question)),
        })
    return blocks


def alternatives_message(alternatives: tuple[Alternative, ...] | list[Alternative], heading: str,
                         question: str = "") -> Message:
    blocks = suggestion_blocks(alternatives, heading, question) or [
        section("I have no other candidate answers for that.")]
    return Message(text=heading if alternatives else "No other candidate answers.", blocks=blocks)


def chosen_message(fact: Fact, source: Source | None, lang: str, chooser: str) -> Message:
    """An answer someone picked from the suggestions, posted for everyone in the thread."""
    blocks = [context(f"Chosen by @{escape(chooser)} from the suggestions"), *fact_blocks(fact, source, lang)]
    return Message(text=fact.answer(lang), blocks=blocks)


def fact_message(fact: Fact, source: Source | None, lang: str) -> Message:
    return Message(text=truncate(fact.answer(lang)), blocks=fact_blocks(fact, source, lang))


def help_message(fact_command: str) -> Message:
    cmd = escape(fact_command)
    text = (
        "*Ask me about the Chinese AI industry* (English or Chinese), e.g.\n"
        "• _How many employees does MiniMax have?_\n"
        "• _MiniMax M2 每百万 token 多少钱?_\n"
        "• _黃仁勳說中國會贏嗎?_\n"
        "Mention me in a channel (I answer in the thread) or DM me. Every answer comes with "
        "the source quote; if I don't know, I say so.\n"
        f"*Teach me:* `{cmd} add QUESTION | ANSWER [| SOURCE]` or `{cmd}` for a form; "
        f"`{cmd} help` for everything else."
    )
    return Message(text="How to use me: ask a question about the Chinese AI industry.", blocks=[section(text)])


def smalltalk_message(kind: str, lang: str, examples: tuple[str, ...] | list[str],
                      fact_command: str = "/fact") -> Message:
    """A short friendly reply in the asker's language, with example questions; never a fact."""
    reply = reply_text(kind, lang)
    lines = [escape(reply)]
    if examples:
        lines.append(escape(reply_text("examples", lang)))
        lines.extend(f"• _{escape(e)}_" for e in examples)
    blocks = [section("\n".join(lines))]
    if kind in ("greeting", "identity"):
        blocks.append(context(f"Mention me in a channel or DM me. `{escape(fact_command)} help`: teach me facts."))
    return Message(text=reply, blocks=blocks)


def text_message(text: str) -> Message:
    """A short notice; ``text`` is escaped here."""
    return Message(text=text, blocks=[section(escape(text))])


def parse_action_value(value: Any) -> tuple[str, str] | None:
    """(fact_id, question) from an answer button's value; None when it is not one we made."""
    try:
        data = json.loads(value) if isinstance(value, str) and len(value) <= BUTTON_VALUE_LIMIT else None
    except ValueError:
        return None
    if not isinstance(data, dict) or not is_fact_id(data.get("f")) or not isinstance(data.get("q", ""), str):
        return None
    return data["f"], data.get("q", "")


def is_fact_id(value: Any) -> bool:
    """Curated slugs and team ids alike; anything longer or stranger is forged or stale."""
    return isinstance(value, str) and bool(FACT_ID.fullmatch(value))


def value_is_unsure(value: Any) -> bool:
    """True for the buttons of an answer the bot was unsure of ("Helpful" there teaches a phrasing)."""
    try:
        data = json.loads(value) if isinstance(value, str) and len(value) <= BUTTON_VALUE_LIMIT else None
    except ValueError:
        return False
    return isinstance(data, dict) and data.get("u") == 1


def _action_value(fact_id: str, question: str, unsure: bool = False) -> str:
    """JSON that fits a button value whole: the question is shortened until its encoding fits."""
    keep = len(question)
    extra = {"u": 1} if unsure else {}
    while True:
        value = json.dumps({"f": fact_id, "q": question[:keep], **extra}, ensure_ascii=False)
        if len(value) <= BUTTON_VALUE_LIMIT:
            return value
        keep -= max(len(value) - BUTTON_VALUE_LIMIT, 1)
