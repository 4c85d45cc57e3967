"""De-duplication of Slack event deliveries.

Slack retries an event it did not see acknowledged in 3 s (``X-Slack-Retry-Num``),
possibly while the first delivery is still being answered.  Each ``event_id`` is
claimed in the database before any listener runs, so only one delivery, in any
process, ever produces a reply.
"""

from __future__ import annotations

import logging

from slack_bolt import App, BoltResponse

from handlers import Deps

logger = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    @app.middleware
    def deduplicate_events(body: dict, next) -> BoltResponse | None:  # noqa: A002 - Bolt injects "next"
        event_id = body.get("event_id") if body.get("type") == "event_callback" else None
        if event_id and not deps.store.claim_event(event_id):
            logger.info("ignoring repeated delivery of event %s", event_id)
            return BoltResponse(status=200, body="")
        return next()
