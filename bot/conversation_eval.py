"""Score conversation scripts (``tests/eval/conversations.yaml``) through the Slack code path.

Each turn becomes the Slack event a user's message would produce (an ``app_mention`` to open a
thread, unmentioned ``message`` replies in it, or DMs), goes through ``handlers.messages.incoming``
and ``knowledge.dialogue`` exactly as in the app, with conversation context in a scratch
database, and what the bot would send is checked against the turn's expectation.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from handlers.messages import incoming
from handlers.replies import message_for
from knowledge.context_store import scratch_conversations
from knowledge.dialogue import Dialogue, Turn
from knowledge.normalize import fold, is_chinese, is_traditional
from knowledge.smalltalk import DECLINES

BOT = "UBOTEVAL1"
KINDS = ("expect", "abstain", "silent", "smalltalk", "reaction")


@dataclass
class ConversationReport:
    steps: Counter = field(default_factory=Counter)  # kind -> turns
    right: Counter = field(default_factory=Counter)  # kind -> turns right
    by_lang: Counter = field(default_factory=Counter)
    right_by_lang: Counter = field(default_factory=Counter)
    facts_to_small_talk: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def score(self) -> float:
        total = sum(self.steps.values())
        return sum(self.right.values()) / total if total else 1.0


def load_scripts(path: Path) -> list[dict]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    scripts = data.get("scripts") if isinstance(data, dict) else None
    if not isinstance(scripts, list) or not scripts:
        raise ValueError(f"{path}: expected 'scripts:' with at least one script")
    for n, script in enumerate(scripts, 1):
        turns = script.get("turns") if isinstance(script, dict) else None
        if script.get("where") not in ("thread", "dm") or not isinstance(turns, list) or not turns:
            raise ValueError(f"{path}: script #{n} needs where: thread|dm and a list of turns")
        for t, turn in enumerate(turns, 1):
            if not isinstance(turn, dict) or not isinstance(turn.get("say"), str) or \
                    sum(k in turn for k in KINDS) != 1:
                raise ValueError(f"{path}: script {script.get('id', n)} turn {t} needs 'say' and one of {KINDS}")
    return scripts


def run_scripts(scripts: list[dict], qa, fact_command: str = "/fact", question_log: bool = True) -> ConversationReport:
    report = ConversationReport()
    with scratch_conversations() as conversations:
        dialogue = Dialogue(qa, conversations, question_log=question_log)
        for n, script in enumerate(scripts, 1):
            _run_script(n, script, dialogue, qa, fact_command, report)
    return report


def _run_script(n: int, script: dict, dialogue: Dialogue, qa, fact_command: str, report: ConversationReport) -> None:
    channel = f"{'C' if script['where'] == 'thread' else 'D'}EVAL{n:04d}"
    root = f"1700000000.{n:06d}"
    for t, step in enumerate(script["turns"]):
        ts = root if t == 0 else f"1700000{t:03d}.{n:06d}"
        mention = script["where"] == "thread" and (t == 0 or step.get("mention"))
        text = f"<@{BOT}> {step['say']}" if mention else step["say"]
        event = {"type": "message", "channel": channel, "user": "U0ASKER", "text": text, "ts": ts,
                 "channel_type": "channel" if script["where"] == "thread" else "im"}
        if script["where"] == "thread" and t > 0:
            event["thread_ts"] = root
        found = incoming(event, BOT, app_mention=bool(mention))
        turn = dialogue.turn(found.text, found.key, addressed=found.addressed, in_thread=found.in_thread) \
            if found else Turn("silent")
        kind = next(k for k in KINDS if k in step)
        ok = _meets(kind, step, turn, message_for(turn, qa.threshold, fact_command) is not None)
        lang = "zh-hant" if is_traditional(step["say"]) else "zh" if is_chinese(step["say"]) else "en"
        report.steps[kind] += 1
        report.right[kind] += ok
        report.by_lang[lang] += 1
        report.right_by_lang[lang] += ok
        report.facts_to_small_talk += kind == "smalltalk" and turn.kind == "answer"
        if not ok:
            got = turn.kind + (f" {turn.answer.fact.id}" if turn.answer and turn.answer.fact else "")
            report.misses.append(f"{script.get('id', n)} turn {t + 1} [{kind}] {step['say']!r}: got {got}"
                                 + (f" (read as {turn.reading})" if turn.reading else ""))


def _meets(kind: str, step: dict, turn: Turn, posted: bool) -> bool:
    if kind == "silent":
        return not posted and turn.kind != "reaction"
    if kind == "reaction":
        return turn.kind == "reaction"
    if kind == "smalltalk":
        return turn.kind in ("smalltalk", "help")
    if kind == "abstain":  # saying it does not know: no fact, or declining the weather as small talk
        return turn.kind in ("no_answer", "unclear") or (turn.kind == "smalltalk" and turn.smalltalk in DECLINES)
    if turn.kind != "answer":
        return False
    haystack = _comparable(" ".join(_answer_texts(turn)))
    return any(_comparable(str(e)) in haystack for e in step["expect"])


def _answer_texts(turn: Turn) -> list[str]:
    """The answer text, and for a comparison every side's answer text."""
    answer = turn.answer
    texts = [answer.text or ""]
    comparison = getattr(answer, "comparison", None)
    for side in getattr(comparison, "sides", ()) or ():
        fact = getattr(side, "fact", None)
        if fact is not None:
            texts.append(fact.answer(answer.lang))
    return texts


def _comparable(text: str) -> str:
    return re.sub(r"[\s,]", "", fold(text))
