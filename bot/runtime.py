"""Composition of the long-lived services a process needs: settings, fact base, store, answerer."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from bot.config import ConfigError, Settings
from knowledge.factbase import DATA_DIR, FactBaseError, load_factbase
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store
from knowledge.teamfacts import TeamFacts


class StartupError(SystemExit):
    """Stops the process with a message that says what to fix (printed to stderr, exit code 1)."""


@dataclass
class Runtime:
    settings: Settings
    qa: QuestionAnswerer
    store: Store


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")


def load_settings(env) -> Settings:
    try:
        return Settings.from_env(env)
    except ConfigError as exc:
        raise StartupError(f"configuration error: {exc}") from None


def build_runtime(settings: Settings) -> Runtime:
    """Fact base (validated; refuses to start when invalid), store and answerer."""
    try:
        factbase = load_factbase(DATA_DIR)
    except FactBaseError as exc:
        lines = [f"error: {p}" for p in exc.problems]
        raise StartupError(
            "\n".join([*lines, f"{len(lines)} problem(s) in the knowledge files; not starting."])
        ) from None
    store = Store(settings.database_url)
    return Runtime(settings=settings, qa=QuestionAnswerer(factbase, TeamFacts(store)), store=store)


def handler_deps(runtime: Runtime):
    from handlers import Deps

    s = runtime.settings
    return Deps(qa=runtime.qa, store=runtime.store, fact_command=s.fact_command, fact_admins=s.fact_admins,
                question_log=s.question_log)
