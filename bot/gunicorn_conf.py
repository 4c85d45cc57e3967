"""gunicorn settings for the Procfile's ``web:`` line (``--config python:bot.gunicorn_conf``).

``on_starting`` runs once in the master before any worker forks: a bad setting, knowledge
file, database or token stops gunicorn with one line, instead of N workers failing and being
respawned in a loop, and the schema is migrated by exactly one process.
"""

import os
import sys

from bot.config import load_env_file

load_env_file()  # ./.env, for PORT and WEB_CONCURRENCY too; the process environment wins


def _number(name: str, default: str) -> int:
    value = os.environ.get(name, "").strip() or default
    if not value.isdigit() or int(value) < 1:
        sys.exit(f"factbot: configuration error: {name}: {value!r} is not a positive whole number")
    return int(value)


bind = f"0.0.0.0:{_number('PORT', '3000')}"
workers = _number("WEB_CONCURRENCY", "2")
threads = 8
timeout = 30


def on_starting(server):  # noqa: ARG001 - gunicorn's hook signature
    from bot.runtime import StartupError
    from bot.startup import start

    try:
        runtime = start(os.environ)
    except StartupError as exc:
        print(f"factbot: {exc.code}", file=sys.stderr, flush=True)
        raise SystemExit(1) from None
    runtime.store.dispose()  # workers open their own connections after forking
