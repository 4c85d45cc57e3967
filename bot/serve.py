"""``python -m bot serve``: Socket Mode when ``SLACK_APP_TOKEN`` is set, otherwise HTTP.

HTTP here is a small threaded server for one machine or a tunnel; it serves the same
``SlackFront`` (size limit, signature check, ``/healthz``) as gunicorn does in production.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from socketserver import ThreadingMixIn
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.app import create_app
from bot.runtime import StartupError, handler_deps
from bot.startup import start

logger = logging.getLogger(__name__)


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 resets bursts of connections


class _LoggingHandler(WSGIRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - http.server's signature
        logger.debug("%s " + format, self.address_string(), *args)


def serve(env: Mapping[str, str]) -> int:
    runtime = start(env)
    settings = runtime.settings
    if settings.digest_in_process:
        from bot.clock import check_digest_settings

        check_digest_settings(settings)
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        app = create_app(settings, handler_deps(runtime))
        if settings.digest_in_process:
            _start_digest_scheduler(settings, runtime, app.client)
        logger.info("starting in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
        return 0
    from bot.wsgi import front

    wsgi = front(runtime)
    if settings.digest_in_process:
        _start_digest_scheduler(settings, runtime, wsgi.bolt.app.client)
    try:
        server = make_server("0.0.0.0", settings.port, wsgi, server_class=_ThreadingWSGIServer,
                             handler_class=_LoggingHandler)
    except OSError as exc:
        raise StartupError(f"cannot listen on PORT {settings.port}: {exc.strerror}; pick another PORT") from None
    logger.info("listening on http://0.0.0.0:%d/slack/events (health: /healthz)", settings.port)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        logger.info("stopped")
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
