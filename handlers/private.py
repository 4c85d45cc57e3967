"""Private replies to whoever clicked or submitted, from payloads that may be forged or stale.

Interaction payloads are signed, but their shape is Slack's to change and a stale button
can carry anything we once wrote; every field is read defensively here.
"""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from handlers.blocks import Message, text_message

OUT_OF_DATE = "This button is out of date. Ask the question again for fresh buttons."
_ID_MAX = 32  # Slack user and channel ids are short; anything longer is not one


def slack_id(value: Any) -> str | None:
    return value if isinstance(value, str) and 0 < len(value) <= _ID_MAX else None


def user_of(body: dict) -> str | None:
    user = body.get("user")
    return slack_id(user.get("id")) if isinstance(user, dict) else None


def channel_of(body: dict) -> str | None:
    channel = body.get("channel")
    return slack_id(channel.get("id")) if isinstance(channel, dict) else None


def display_name(body: dict) -> str:
    """The name interaction payloads carry for the clicking user (their id if none)."""
    user = body.get("user") if isinstance(body.get("user"), dict) else {}
    name = user.get("username") or user.get("name") or user.get("id") or "someone"
    return str(name)[:80]


def tell(client: WebClient, body: dict, message: Message) -> None:
    """An ephemeral reply in the clicker's channel and thread, or a DM when no channel is known."""
    user = user_of(body)
    if user is None:
        return
    post_private(client, channel_of(body), user, message, _ephemeral_thread(body))


def tell_out_of_date(client: WebClient, body: dict) -> None:
    tell(client, body, text_message(OUT_OF_DATE))


def post_private(client: WebClient, channel: str | None, user: str, message: Message,
                 thread_ts: str | None = None) -> None:
    if channel:
        client.chat_postEphemeral(channel=channel, user=user, thread_ts=thread_ts, **message.as_kwargs())
    else:  # no channel known (e.g. a shortcut in a conversation the bot can't see): DM the user
        client.chat_postMessage(channel=user, **message.as_kwargs())


def thread_of(body: dict) -> str | None:
    """The thread a clicked message is in, or the clicked message itself (a thread root), if known."""
    container = body.get("container") if isinstance(body.get("container"), dict) else {}
    message = body.get("message") if isinstance(body.get("message"), dict) else {}
    candidates = [container.get("thread_ts"), message.get("thread_ts")]
    if container.get("type") != "ephemeral":  # an ephemeral message cannot start a thread
        candidates.append(container.get("message_ts"))
    return next((t for t in candidates if isinstance(t, str) and 0 < len(t) <= _ID_MAX), None)


def _ephemeral_thread(body: dict) -> str | None:
    container = body.get("container") if isinstance(body.get("container"), dict) else {}
    thread = container.get("thread_ts")
    return thread if isinstance(thread, str) and len(thread) <= _ID_MAX else None
