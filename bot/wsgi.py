"""The production HTTP entry point: gunicorn serves Bolt's WSGI adapter behind ``SlackFront``.

The Procfile runs ``gunicorn --config python:bot.gunicorn_conf 'bot.wsgi:create_wsgi_app()'``:
the config's ``on_starting`` hook checks everything once in the master (settings, knowledge,
database migrated under a lock, Slack token) before any worker forks, and each worker builds
its own app here.  A worker that still cannot start exits with gunicorn's boot-error code, so
gunicorn halts instead of respawning it forever.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping

from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.app import create_app
from bot.config import load_env_file
from bot.http import SlackFront
from bot.runtime import Runtime, StartupError, handler_deps
from bot.startup import start

WORKER_BOOT_ERROR = 3  # gunicorn.arbiter.Arbiter.WORKER_BOOT_ERROR: the arbiter halts on it


def create_wsgi_app(env: Mapping[str, str] | None = None) -> SlackFront:
    load_env_file()
    try:
        # The master checked the token already; workers need not call Slack again to boot.
        runtime = start(os.environ if env is None else env, check_token=False)
    except StartupError as exc:
        print(f"factbot: {exc.code}", file=sys.stderr, flush=True)
        raise SystemExit(WORKER_BOOT_ERROR) from None
    return front(runtime)


def front(runtime: Runtime) -> SlackFront:
    """Bolt's WSGI handler behind the size and signature checks, with ``/healthz``."""
    bolt = SlackRequestHandler(create_app(runtime.settings, handler_deps(runtime)), path="/slack/events")
    return SlackFront(bolt, runtime.settings.slack_signing_secret or "", health=lambda: health(runtime))


def health(runtime: Runtime) -> dict:
    """What a load balancer needs to know, and nothing secret."""
    database = runtime.store.ping()
    facts = len(runtime.qa.matcher)
    return {"ok": database and facts > 0, "database": "ok" if database else "unreachable", "facts": facts}
