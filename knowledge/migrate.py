"""Bring a database to the schema the code expects, once, whatever the number of processes.

``ensure_current(engine)`` is cheap when the database is current (one query, no Alembic
import).  Otherwise it takes a lock (PostgreSQL: an advisory lock; SQLite: a lock file next to
the database), checks again, and runs the Alembic migrations in ``knowledge/migrations``.  A
database made by the first release (tables from ``create_all``, no ``alembic_version``) is
checked against revision 0001 and stamped before upgrading, so no row is lost.
"""

from __future__ import annotations

import fcntl
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import column, inspect, select, table, text
from sqlalchemy.engine import Engine

from knowledge.store import SCHEMA_REVISION

logger = logging.getLogger(__name__)
MIGRATIONS = Path(__file__).resolve().parent / "migrations"
_ADVISORY_LOCK = 7_204_611_523  # any constant; identifies "factbot schema migration" among advisory locks
# What the first release's create_all made; a database holding these and no alembic_version is release 1.
RELEASE_1_TABLES = {
    "team_facts": {"id", "questions", "answer", "quote", "source", "tags", "added_by", "added_by_name", "added_at",
                   "updated_by", "updated_at", "version", "deleted_at", "deleted_by"},
    "fact_history": {"id", "fact_id", "version", "action", "data", "changed_by", "changed_at"},
    "revision": {"name", "value"},
    "question_log": {"id", "asked_at", "user_id", "channel_id", "question", "fact_id", "score", "answered"},
    "feedback": {"id", "at", "user_id", "fact_id", "helpful"},
    "processed_events": {"event_id", "at"},
    "digest_claims": {"channel", "week", "claimed_at", "posted_at", "message_ts"},
    "pending_facts": {"token", "data", "user_id", "created_at"},
    "spotlight": {"fact_id", "shown_at"},
}


class SchemaError(RuntimeError):
    """The database cannot be brought to the current schema; the message says why and what to do."""


def current_revision(engine: Engine) -> str | None:
    """The Alembic revision the database is at (None: no migration has ever run there)."""
    if not inspect(engine).has_table("alembic_version"):
        return None
    with engine.connect() as conn:
        return conn.execute(select(column("version_num")).select_from(table("alembic_version"))).scalar()


def ensure_current(engine: Engine) -> None:
    if current_revision(engine) == SCHEMA_REVISION:
        return
    with _migration_lock(engine):
        upgrade(engine)


def upgrade(engine: Engine) -> str:
    """Upgrade to head (call under ``_migration_lock`` or in a single process); returns the revision."""
    from alembic import command

    start = current_revision(engine)
    if start == SCHEMA_REVISION:
        return start
    with engine.begin() as conn:
        config = _config(conn)
        if start is None and _is_release_1(engine):
            logger.info("database made by the first release: stamping revision 0001 before upgrading")
            command.stamp(config, "0001")
        command.upgrade(config, "head")
    logger.info("database schema upgraded from %s to %s", start or "empty", SCHEMA_REVISION)
    return SCHEMA_REVISION


def upgrade_locked(engine: Engine) -> str:
    with _migration_lock(engine):
        return upgrade(engine)


def head_revision() -> str:
    """The newest revision among the migration scripts (a test keeps it equal to SCHEMA_REVISION)."""
    from alembic.script import ScriptDirectory

    return ScriptDirectory(str(MIGRATIONS)).get_current_head()


def _is_release_1(engine: Engine) -> bool:
    inspector = inspect(engine)
    existing = set(inspector.get_table_names())
    if not existing:
        return False
    missing = set(RELEASE_1_TABLES) - existing
    odd = {name: {c["name"] for c in inspector.get_columns(name)} ^ columns
           for name, columns in RELEASE_1_TABLES.items() if name in existing}
    odd = {name: diff for name, diff in odd.items() if diff}
    if missing or odd:
        raise SchemaError(
            "the database has tables but no migration history, and they are not the first release's "
            f"(missing {sorted(missing) or 'none'}, different columns in {sorted(odd) or 'none'}); "
            "point DATABASE_URL at an empty database or the bot's own"
        )
    return True


def _config(connection):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


@contextmanager
def _migration_lock(engine: Engine) -> Iterator[None]:
    """One migrating process at a time, across processes and machines sharing the database."""
    if engine.dialect.name == "postgresql":
        with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.execute(text("SELECT pg_advisory_lock(:key)"), {"key": _ADVISORY_LOCK})
            try:
                yield
            finally:
                conn.execute(text("SELECT pg_advisory_unlock(:key)"), {"key": _ADVISORY_LOCK})
        return
    database = engine.url.database
    if engine.dialect.name != "sqlite" or not database or database == ":memory:":
        yield  # an in-memory database belongs to one process
        return
    with open(f"{database}.migrate-lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
