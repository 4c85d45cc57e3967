"""The last resort: a listener that fails is logged with context and the user hears about it."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers import Deps

logger = logging.getLogger(__name__)
APOLOGY = "Sorry, something went wrong on my side while answering. It has been logged; please try again shortly."


def register(app: App, deps: Deps) -> None:
    @app.error
    def on_error(error: Exception, body: dict, client: WebClient) -> None:
        event = body.get("event") or {}
        kind = event.get("type") or body.get("type") or body.get("command") or "request"
        if isinstance(error, SlackApiError):
            logger.error("Slack API error in %s handler: %s %s", kind, error.response.get("error"), error)
        else:
            logger.exception("%s handler failed (team %s, channel %s, user %s)", kind, body.get("team_id"),
                             event.get("channel") or (body.get("channel") or {}).get("id") or body.get("channel_id"),
                             event.get("user") or (body.get("user") or {}).get("id") or body.get("user_id"),
                             exc_info=error)
        try:
            _apologise(client, body, event)
        except SlackApiError as exc:
            logger.error("could not post the apology: %s", exc.response.get("error"))


def _apologise(client: WebClient, body: dict, event: dict) -> None:
    if event.get("channel"):
        thread = event.get("thread_ts") or (event.get("ts") if event.get("type") == "app_mention" else None)
        client.chat_postMessage(channel=event["channel"], thread_ts=thread, text=APOLOGY)
    elif body.get("channel", {}).get("id") and body.get("user", {}).get("id"):
        client.chat_postEphemeral(channel=body["channel"]["id"], user=body["user"]["id"], text=APOLOGY)
    elif body.get("channel_id") and body.get("user_id"):
        client.chat_postEphemeral(channel=body["channel_id"], user=body["user_id"], text=APOLOGY)
