"""Messages to the bot: @-mentions, replies in threads it is in, and direct messages.

Slack delivers an @-mention in a channel twice (``app_mention`` and ``message``), so every
message is claimed once by ``(channel, ts)`` before it is answered, and the ``message``
listener leaves messages that mention the bot to the ``app_mention`` listener.  What to do with
a message is decided by ``knowledge.dialogue``; this module only reads Slack payloads and makes
the calls (post in the thread, or add a reaction for "thanks").
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers import Deps
from handlers.mrkdwn import readable
from handlers.replies import message_for
from knowledge.context_store import Conversations
from knowledge.conversation import Context
from knowledge.dialogue import Dialogue, Turn
from knowledge.store import utcnow

logger = logging.getLogger(__name__)
_MENTION = re.compile(r"<@([A-Z0-9]+)(?:\|[^>]*)?>")
# "@Priya can you pull the PDF?": a name typed after @ without picking it from Slack's list arrives as
# plain text, yet the reply is as plainly said to Priya as a real mention would make it
_TYPED_ADDRESS = re.compile(r"\s*@[^\W\d_][\w.-]*")
# ... and typed before a question said to the bot: "@" and a name, then a space (not "@AI助手MiniMax…", run together)
_TYPED_NAME_FIRST = re.compile(rf"^{_TYPED_ADDRESS.pattern}(?=[\s,，:：])[\s,，:：]*")
THREAD_HISTORY = 20  # earlier messages read (once) to find what a mention inside a thread is about


def register(app: App, deps: Deps) -> None:
    conversations = Conversations(deps.store)
    dialogue = Dialogue(deps.qa, conversations, question_log=deps.question_log)

    def respond(client: WebClient, event: dict, turn: Turn, thread_ts: str | None) -> None:
        channel = event["channel"]
        if turn.kind == "reaction":
            try:
                client.reactions_add(channel=channel, timestamp=event["ts"], name="+1")
            except SlackApiError as exc:  # a missing reactions:write scope must not become an apology
                logger.warning("could not add a reaction: %r", exc.response.get("error"))
            return
        message = message_for(turn, deps.qa.threshold, deps.fact_command, deps.qa.source_of)
        if message is None:
            return
        if turn.answer is not None:
            answer = turn.answer
            deps.store.log_question(
                user_id=event.get("user"), channel_id=channel, question=answer.question if deps.question_log else None,
                fact_id=answer.fact.id if answer.fact else None, score=answer.score, answered=answer.answered)
        kwargs = message.as_kwargs()
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        client.chat_postMessage(channel=channel, **kwargs)

    def context_from_thread(client: WebClient, channel: str, root: str):
        """What a thread the bot was mentioned into is about: the latest earlier message naming a subject."""
        def read_thread() -> Context | None:
            try:
                replies = client.conversations_replies(channel=channel, ts=root, limit=THREAD_HISTORY)
            except SlackApiError as exc:
                logger.info("could not read thread %r: %r", root, exc.response.get("error"))
                return None
            for message in reversed(replies.get("messages") or []):
                reading = deps.qa.match(readable(_MENTION.sub(" ", message.get("text") or ""))).reading
                if reading.subjects:
                    attribute = reading.specific_attributes[0] if reading.specific_attributes else None
                    return Context(subjects=reading.subjects, attribute=attribute, years=reading.years,
                                   versions=reading.versions, answered_at=utcnow())
            return None
        return read_thread

    def handle(event: dict, client: WebClient, bot_user: str | None, app_mention: bool) -> None:
        found = incoming(event, bot_user, app_mention)
        if found is None or not _claim(deps, event):
            return
        channel, root = event["channel"], found.thread_ts
        thread_context = None
        if found.mention and event.get("thread_ts") and event["thread_ts"] != event["ts"]:
            thread_context = context_from_thread(client, channel, event["thread_ts"])
        turn = dialogue.turn(found.text, found.key, addressed=found.addressed, in_thread=found.in_thread,
                             thread_context=thread_context)
        respond(client, event, turn, root)

    @app.event("app_mention")
    def on_mention(event: dict, client: WebClient, context: Any) -> None:
        handle(event, client, context.get("bot_user_id"), app_mention=True)

    @app.event("message")
    def on_message(event: dict, client: WebClient, context: Any) -> None:
        handle(event, client, context.get("bot_user_id"), app_mention=False)


@dataclass(frozen=True)
class Incoming:
    """A message the bot may answer: where it belongs and how it was addressed."""

    key: str  # the conversation: "t:CHANNEL:ROOT_TS" (a channel thread) or "d:CHANNEL" (a DM)
    text: str  # without mentions, as a reader saw it
    addressed: bool  # a mention or a DM (else an unmentioned reply in a thread)
    in_thread: bool
    thread_ts: str | None  # where a reply goes
    mention: bool


def incoming(event: dict, bot_user: str | None, app_mention: bool = False) -> Incoming | None:
    """What to do with a Slack event: None for everything the bot ignores.

    Ignored: bots (itself included), edits and deletions, top-level channel messages without a
    mention, replies that mention someone else (or open with a typed "@name"), and the ``message``
    copy of a mention (Slack sends both; the ``app_mention`` one is answered).
    """
    if event.get("subtype") not in (None, "thread_broadcast") or _from_a_bot(event):
        return None
    if not event.get("channel") or not event.get("ts") or (bot_user and event.get("user") == bot_user):
        return None
    raw, thread = event.get("text") or "", event.get("thread_ts")
    text = question_text(raw)
    if app_mention:
        root = thread or event["ts"]
        return Incoming(f"t:{event['channel']}:{root}", text, True, True, root, True)
    if event.get("channel_type") == "im":
        return Incoming(f"d:{event['channel']}", text, True, bool(thread), thread, False)
    mentioned = set(_MENTION.findall(raw))
    if not thread or thread == event["ts"] or mentioned or _TYPED_ADDRESS.match(raw):
        return None  # channel chatter, the copy of a mention, or addressed to someone else
    return Incoming(f"t:{event['channel']}:{thread}", text, False, True, thread, False)


def question_text(text: str) -> str:
    """The question without mentions of the bot (or anyone), as a reader saw it, nor the bot's name typed
    before it ("@AI助手 MiniMax是哪天上市的?" in a DM or after a mention: the name is no word of the question)."""
    return _TYPED_NAME_FIRST.sub("", readable(_MENTION.sub(" ", text)), count=1)


def _claim(deps: Deps, event: dict) -> bool:
    """True the first time this message (channel, ts) is seen, whichever event type brought it."""
    return deps.store.claim_event(f"m:{event.get('channel')}:{event.get('ts')}"[:64])


def _from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id")) or event.get("subtype") == "bot_message"
