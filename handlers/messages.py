"""Questions asked by @-mention in channels and in direct messages."""

from __future__ import annotations

import logging
import re
from typing import Any

from slack_bolt import App
from slack_sdk import WebClient

from handlers import Deps
from handlers.blocks import Message
from handlers.mrkdwn import readable
from handlers.replies import compose_reply

logger = logging.getLogger(__name__)
_MENTION = re.compile(r"<@[A-Z0-9]+(?:\|[^>]*)?>")


def register(app: App, deps: Deps) -> None:
    @app.event("app_mention")
    def on_mention(event: dict, client: WebClient) -> None:
        if _from_a_bot(event):
            return
        reply = reply_for(deps, _question_text(event.get("text", "")), event.get("user"), event.get("channel"))
        client.chat_postMessage(
            channel=event["channel"], thread_ts=event.get("thread_ts") or event["ts"], **reply.as_kwargs()
        )

    @app.event("message")
    def on_message(event: dict, client: WebClient, context: Any) -> None:
        # Only plain user messages in a DM: no edits, deletions, joins, bot posts.
        if event.get("channel_type") != "im" or event.get("subtype") or _from_a_bot(event):
            return
        if event.get("user") == context.get("bot_user_id"):
            return
        reply = reply_for(deps, _question_text(event.get("text", "")), event.get("user"), event.get("channel"))
        kwargs = reply.as_kwargs()
        if event.get("thread_ts"):
            kwargs["thread_ts"] = event["thread_ts"]
        client.chat_postMessage(channel=event["channel"], **kwargs)


def reply_for(deps: Deps, question: str, user_id: str | None, channel_id: str | None) -> Message:
    """The reply to a question; every question that reached the matcher is logged."""
    reply, answer = compose_reply(deps.qa, question, deps.fact_command)
    if answer is not None:
        deps.store.log_question(
            user_id=user_id, channel_id=channel_id, question=question if deps.question_log else None,
            fact_id=answer.fact.id if answer.fact else None, score=answer.score, answered=answer.answered,
        )
    return reply


def _question_text(text: str) -> str:
    """The question without mentions of the bot (or anyone), as a reader saw it."""
    return readable(_MENTION.sub(" ", text))


def _from_a_bot(event: dict) -> bool:
    return bool(event.get("bot_id")) or event.get("subtype") == "bot_message"
