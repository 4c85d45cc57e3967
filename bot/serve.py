"""``python -m bot serve``: Socket Mode when ``SLACK_APP_TOKEN`` is set, otherwise HTTP.

HTTP here is Bolt's development server; production HTTP is gunicorn (see Procfile).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping

from bot.app import create_app
from bot.runtime import build_runtime, configure_logging, handler_deps, load_settings

logger = logging.getLogger(__name__)


def serve(env: Mapping[str, str]) -> int:
    settings = load_settings(env)
    configure_logging(settings.log_level)
    if settings.digest_in_process:
        from bot.clock import check_digest_settings

        check_digest_settings(settings)
    runtime = build_runtime(settings)
    app = create_app(settings, handler_deps(runtime))
    if settings.digest_in_process:
        _start_digest_scheduler(settings, runtime, app.client)
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        logger.info("starting in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
    else:
        logger.info("starting HTTP on port %d (/slack/events)", settings.port)
        app.start(port=settings.port, path="/slack/events")
    return 0


def _start_digest_scheduler(settings, runtime, client) -> None:
    """DIGEST_IN_PROCESS=1: the digest schedule runs in this (single) process, in a background thread."""
    from datetime import datetime
    from zoneinfo import ZoneInfo

    from apscheduler.schedulers.background import BackgroundScheduler

    from bot.clock import DigestJob, schedule

    job = DigestJob(settings, runtime, client)
    scheduler = BackgroundScheduler(timezone=ZoneInfo(settings.digest_timezone))
    schedule(scheduler, job)
    scheduler.start()
    job.catch_up(datetime.now(ZoneInfo(settings.digest_timezone)))
    logger.info("digest scheduled in-process: %r in %s", settings.digest_cron, settings.digest_timezone)
