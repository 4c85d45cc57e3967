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
    runtime = build_runtime(settings)
    app = create_app(settings, handler_deps(runtime))
    if settings.socket_mode:
        from slack_bolt.adapter.socket_mode import SocketModeHandler

        logger.info("starting in Socket Mode")
        SocketModeHandler(app, settings.slack_app_token).start()
    else:
        logger.info("starting HTTP on port %d (/slack/events)", settings.port)
        app.start(port=settings.port, path="/slack/events")
    return 0
