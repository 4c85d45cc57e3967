"""The last resort: a listener that fails is logged with context and the user hears about it.

Only requests that passed Bolt's signature check get an apology: ``mark_verified`` runs as
the first custom middleware, after Bolt's verification, so a forged or malformed request
that makes Bolt raise never makes the bot post anything.  Values from the request are
logged with ``repr`` so a newline in a forged field cannot forge a log line.
"""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers import Deps

logger = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong on my side while answering. It has been logged; please try again shortly."
VERIFIED = "factbot_verified"  # context key set once the request got past Bolt's verification


def register_verified_marker(app: App) -> None:
    """Must be registered before every other custom middleware."""

    @app.middleware
    def mark_verified(context: dict, next) -> None:  # noqa: A002 - Bolt injects "next"
        context[VERIFIED] = True
        return next()


def register(app: App, deps: Deps) -> None:
    @app.error
    def on_error(error: Exception, body: dict, client: WebClient, context: dict) -> None:
        body = body if isinstance(body, dict) else {}
        if not context.get(VERIFIED):
            logger.warning("request failed before it was verified (%s: %r); nothing sent", type(error).__name__,
                           str(error)[:200])
            return
        event = body.get("event") if isinstance(body.get("event"), dict) else {}
        kind = event.get("type") or body.get("type") or body.get("command") or "request"
        where = (_get(event, "channel") or _get(body, "channel", "id") or body.get("channel_id"),
                 _get(event, "user") or _get(body, "user", "id") or body.get("user_id"))
        if isinstance(error, SlackApiError):
            logger.error("Slack API error in %r handler: %r", kind, error.response.get("error"))
        else:
            logger.error("%r handler failed (team %r, channel %r, user %r)", kind, body.get("team_id"), *where,
                         exc_info=error)
        try:
            _apologise(client, event, *where)
        except SlackApiError as exc:
            logger.error("could not post the apology: %r", exc.response.get("error"))


def _get(data: dict, *keys: str):
    for key in keys:
        data = data.get(key) if isinstance(data, dict) else None
    return data if isinstance(data, str) else None


def _apologise(client: WebClient, event: dict, channel: str | None, user: str | None) -> None:
    if event and channel:
        thread = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
        client.chat_postMessage(channel=channel, thread_ts=thread, text=APOLOGY)
    elif channel and user:
        client.chat_postEphemeral(channel=channel, user=user, text=APOLOGY)
