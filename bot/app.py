"""The app factory: settings in, a wired Bolt ``App`` out.  Nothing talks to Slack at import."""

from __future__ import annotations

import logging

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

import handlers
from bot.config import Settings
from handlers import Deps

logger = logging.getLogger(__name__)


def make_client(settings: Settings) -> WebClient:
    """A Web API client that retries rate-limited (429) and dropped calls."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3)],
        logger=logging.getLogger("slack_sdk.web"),
    )


def create_app(settings: Settings, deps: Deps) -> App:
    """Build the Bolt app; its construction calls ``auth.test`` on ``settings.slack_api_url``."""
    settings.require_slack()
    app = App(
        client=make_client(settings),
        # Always verified: Bolt checks every HTTP request's signature and skips only Socket Mode
        # envelopes, which arrive over the connection the app token opened.
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=True,
        logger=logging.getLogger("slack_bolt"),
    )
    handlers.register(app, deps)
    return app
