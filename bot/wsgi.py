"""The production HTTP entry point: gunicorn serves Bolt's WSGI adapter at ``/slack/events``.

The Procfile runs ``gunicorn 'bot.wsgi:create_wsgi_app()'``: gunicorn calls the factory
once per worker, so nothing is built (or sent to Slack) at import.
"""

from __future__ import annotations

import os

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import create_app
from bot.runtime import build_runtime, configure_logging, handler_deps, load_settings


def create_wsgi_app(env=None) -> SlackRequestHandler:
    settings = load_settings(os.environ if env is None else env)
    configure_logging(settings.log_level)
    runtime = build_runtime(settings)
    return SlackRequestHandler(create_app(settings, handler_deps(runtime)), path="/slack/events")
