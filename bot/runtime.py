"""Composition of the long-lived services a process needs: settings, fact base, store, answerer.

Every way start-up can fail ends here as a ``StartupError``: one line naming the variable,
file or server and what to do, never a traceback (``LOG_LEVEL=DEBUG`` adds it to the log),
and never a secret (passwords in URLs are masked).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.config import ConfigError, Settings, mask_url
from knowledge.factbase import DATA_DIR, FactBaseError
from knowledge.index_cache import index_cache_for
from knowledge.qa import QuestionAnswerer
from knowledge.warm_start import load_warm

logger = logging.getLogger(__name__)


class StartupError(SystemExit):
    """Stops the process with a message that says what to fix (printed to stderr, exit code 1)."""


@dataclass
class Runtime:
    settings: Settings
    qa: QuestionAnswerer
    store: object  # knowledge.store.Store; imported lazily (SQLAlchemy costs ~0.3 s at start-up)


def configure_logging(level: str) -> None:
    logging.basicConfig(level=level, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if logging.getLevelName(level) > logging.DEBUG:  # Alembic's plugin chatter; our own line says what ran
        logging.getLogger("alembic").setLevel(logging.WARNING)


def load_settings(env) -> Settings:
    try:
        return Settings.from_env(env)
    except ConfigError as exc:
        raise StartupError(f"configuration error: {exc}") from None


def load_knowledge(data_dir=DATA_DIR):
    """The validated fact base (warm-started: ``knowledge.warm_start``), or ``StartupError`` listing every
    problem."""
    try:
        return load_warm(data_dir)
    except FactBaseError as exc:
        lines = [f"error: {p}" for p in exc.problems]
        raise StartupError(
            "\n".join([*lines, f"{len(lines)} problem(s) in the knowledge files; not starting."])
        ) from None


def open_store(url: str):
    """The database at ``url``, migrated to the current schema, or ``StartupError`` saying what is wrong."""
    from sqlalchemy.exc import ArgumentError, DBAPIError, NoSuchModuleError

    from knowledge.migrate import SchemaError
    from knowledge.store import Store

    where = mask_url(url)
    try:
        return Store(url)
    except ModuleNotFoundError as exc:
        if "psycopg" in str(exc):
            raise StartupError("DATABASE_URL is a PostgreSQL URL, and PostgreSQL needs its driver: "
                               "pip install '.[postgres]'") from None
        raise StartupError(f"DATABASE_URL ({where}): missing Python module {exc.name!r}") from None
    except (NoSuchModuleError, ArgumentError) as exc:
        raise StartupError(f"DATABASE_URL ({where}) is not a database URL SQLAlchemy knows: "
                           f"{_first_line(exc)}") from None
    except SchemaError as exc:
        raise StartupError(f"database {where}: {exc}") from None
    except (DBAPIError, OSError) as exc:
        logger.debug("database failure", exc_info=True)
        raise StartupError(f"cannot use the database at {where}: {_first_line(exc)}; check DATABASE_URL "
                           "(or BOT_DATA_DIR for the default SQLite file)") from None


def build_runtime(settings: Settings, data_dir=DATA_DIR, team_facts: bool = True) -> Runtime:
    """Fact base (validated; refuses to start when invalid), store and answerer."""
    factbase = load_knowledge(data_dir)
    store = open_store(settings.database_url)
    if not team_facts:
        return Runtime(settings=settings, qa=QuestionAnswerer(factbase), store=store)
    from knowledge.contradictions import Links
    from knowledge.learning import Learning
    from knowledge.review import Reviews
    from knowledge.teamfacts import TeamFacts

    learning = Learning(store, settings.learn_auto_approve, settings.learn_flag_after)
    qa = QuestionAnswerer(factbase, TeamFacts(store), learning=learning, reviews=Reviews(store), links=Links(store),
                          index_cache=index_cache_for(data_dir, settings.database_url))
    return Runtime(settings=settings, qa=qa, store=store)


def handler_deps(runtime: Runtime):
    from handlers import Deps

    s = runtime.settings
    return Deps(qa=runtime.qa, store=runtime.store, fact_command=s.fact_command, fact_admins=s.fact_admins,
                question_log=s.question_log, learning=runtime.qa.learning)


def _first_line(exc: BaseException) -> str:
    """The driver's own message, first line only, with any password in a URL masked."""
    text = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
    return re.sub(r"(://[^:/@\s]+:)[^@\s]+@", r"\1***@", text)
