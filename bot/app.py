"""The app factory: settings in, a wired Bolt ``App`` out.  Nothing talks to Slack at import."""

from __future__ import annotations

import logging
import urllib.error

from slack_bolt import App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import ConnectionErrorRetryHandler, RateLimitErrorRetryHandler

import handlers
from bot.config import Settings
from bot.runtime import StartupError
from handlers import Deps

logger = logging.getLogger(__name__)
_QUIET = logging.getLogger(f"{__name__}.preflight")  # the failure becomes one StartupError line, not a log
_QUIET.disabled = True
_REFUSED_TOKEN = {"invalid_auth", "not_authed", "account_inactive", "token_revoked", "token_expired",
                  "not_allowed_token_type"}


def make_client(settings: Settings) -> WebClient:
    """A Web API client that retries rate-limited (429) and dropped calls."""
    return WebClient(
        token=settings.slack_bot_token,
        base_url=settings.slack_api_url,
        retry_handlers=[ConnectionErrorRetryHandler(max_retry_count=2), RateLimitErrorRetryHandler(max_retry_count=3)],
        logger=logging.getLogger("slack_sdk.web"),
    )


def check_slack(settings: Settings, client: WebClient | None = None) -> dict:
    """``auth.test`` once (no retries: at start-up a clear line now beats a wait), turning every way it
    fails into one line that says what to fix."""
    client = client or WebClient(token=settings.slack_bot_token, base_url=settings.slack_api_url, timeout=10,
                                 retry_handlers=[], logger=_QUIET)
    try:
        return client.auth_test().data
    except SlackApiError as exc:
        error = exc.response.get("error")
        if error in _REFUSED_TOKEN:
            raise StartupError(f"SLACK_BOT_TOKEN was refused by Slack ({error}): copy the Bot User OAuth Token "
                               "(xoxb-…) from your app's OAuth & Permissions page") from None
        raise StartupError(f"Slack refused auth.test ({error}); check SLACK_BOT_TOKEN and SLACK_API_URL") from None
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise StartupError(f"cannot reach Slack at {settings.slack_api_url}: {reason}; "
                           "check the network or SLACK_API_URL") from None


def create_app(settings: Settings, deps: Deps) -> App:
    """Build the Bolt app.  Call ``check_slack`` first: the token is not verified again here."""
    settings.require_slack()
    _quiet_bolt_logs()
    app = App(
        client=make_client(settings),
        # Always verified: Bolt checks every HTTP request's signature and skips only Socket Mode
        # envelopes, which arrive over the connection the app token opened.
        signing_secret=settings.slack_signing_secret or "",
        request_verification_enabled=True,
        token_verification_enabled=False,
        logger=logging.getLogger("slack_bolt"),
    )
    handlers.register(app, deps)
    return app


class _BoltLogFilter(logging.Filter):
    """Drops Bolt's "`token` will be unused" notice (we pass a configured client on purpose) and
    rewrites its bad-signature line, which would otherwise log the unverified body."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        if "`token` will be unused" in message:
            return False
        if message.startswith("Invalid request signature detected"):
            record.msg, record.args = "Invalid request signature detected (body not logged)", None
        return True


def _quiet_bolt_logs() -> None:
    base = logging.getLogger("slack_bolt")
    if not any(isinstance(f, _BoltLogFilter) for f in base.filters):
        base.addFilter(_BoltLogFilter())
    # Bolt copies the base logger's filters into each component logger it creates; this one may exist already.
    verification = logging.getLogger("slack_bolt.RequestVerification")
    if not any(isinstance(f, _BoltLogFilter) for f in verification.filters):
        verification.addFilter(_BoltLogFilter())
