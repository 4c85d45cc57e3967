"""Persistent state in a SQL database through SQLAlchemy 2 (SQLite by default, PostgreSQL via URL).

One ``Store`` owns the engine and every table: team facts and their history, the
question log and feedback, processed Slack event ids (so a retried delivery is
answered once), digest claims and the spotlight rotation.  Every write is one
transaction, so a crash mid-write leaves nothing half-written.

The tables below are the schema at ``SCHEMA_REVISION``; ``knowledge/migrations`` (Alembic)
gets any database there, and ``Store(url)`` runs it under a lock when a database is behind
(``knowledge.migrate``), so several workers starting at once never race on DDL.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    DateTime,
    Float,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

metadata = MetaData()
SCHEMA_REVISION = "0004"  # the Alembic head these tables describe (a test keeps the two equal)
EVENT_MEMORY = timedelta(days=1)  # how long a processed Slack event id is remembered
EVENT_PRUNE_EVERY = 500  # about one claim in this many also prunes older ids

team_facts = Table(
    "team_facts", metadata,
    Column("id", String(16), primary_key=True),
    Column("questions", JSON, nullable=False),
    Column("answer", Text, nullable=False),
    Column("quote", Text),
    Column("source", Text),
    Column("tags", JSON, nullable=False, default=list),
    Column("added_by", String(32), nullable=False),  # Slack user id
    Column("added_by_name", String(80), nullable=False),
    Column("added_at", DateTime(timezone=True), nullable=False),
    Column("updated_by", String(32), nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
    Column("version", Integer, nullable=False, default=1),
    Column("deleted_at", DateTime(timezone=True)),
    Column("deleted_by", String(32)),
    # Normalised first question (``teamfacts.question_key``): unique among active facts, so the
    # database, not a check-then-insert race, decides which of two identical adds wins.
    Column("question_key", String(200)),
    Column("answer_zh", Text),  # the Chinese answer, when the author gave one (import keeps both)
    Column("updated_by_name", String(80)),
    Column("import_batch", String(32), index=True),  # set by `bot import`, so `bot import --undo` can find it
    Column("about", JSON),  # entity ids the author said it is about (else inferred from its questions), since 0004
    Column("attribute", String(40)),  # what it tells, as the author set it (else inferred), since 0004
)
Index("uq_team_facts_active_question", team_facts.c.question_key, unique=True,
      sqlite_where=team_facts.c.deleted_at.is_(None), postgresql_where=team_facts.c.deleted_at.is_(None))

fact_history = Table(
    "fact_history", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("fact_id", String(16), nullable=False, index=True),
    Column("version", Integer, nullable=False),
    Column("action", String(16), nullable=False),  # added / edited / removed / restored
    Column("data", JSON, nullable=False),
    Column("changed_by", String(32), nullable=False),
    Column("changed_at", DateTime(timezone=True), nullable=False),
)

revision = Table(
    "revision", metadata,
    Column("name", String(32), primary_key=True),
    Column("value", Integer, nullable=False),
)

question_log = Table(
    "question_log", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("asked_at", DateTime(timezone=True), nullable=False, index=True),
    Column("user_id", String(32)),
    Column("channel_id", String(32)),
    Column("question", Text),  # NULL when QUESTION_LOG=off
    Column("fact_id", String(80)),
    Column("score", Float, nullable=False),
    Column("answered", Boolean, nullable=False),
)

feedback = Table(
    "feedback", metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("at", DateTime(timezone=True), nullable=False, index=True),
    Column("user_id", String(32)),
    Column("fact_id", String(80), nullable=False),
    Column("helpful", Boolean, nullable=False),
    Column("question", Text),  # the question it was for (NULL when QUESTION_LOG=off, and before 0003)
    Column("kind", String(16)),  # "helpful", "not_helpful" or "chosen" (a suggestion picked), since 0003
)

processed_events = Table(
    "processed_events", metadata,
    Column("event_id", String(64), primary_key=True),
    Column("at", DateTime(timezone=True), nullable=False),
)

digest_claims = Table(
    "digest_claims", metadata,
    Column("channel", String(32), primary_key=True),
    Column("week", String(10), primary_key=True),  # ISO week, e.g. 2026-W47
    Column("claimed_at", DateTime(timezone=True), nullable=False),
    Column("posted_at", DateTime(timezone=True)),
    Column("message_ts", String(32)),
)

pending_facts = Table(
    "pending_facts", metadata,
    Column("token", String(32), primary_key=True),
    Column("data", JSON, nullable=False),
    Column("user_id", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)

spotlight = Table(
    "spotlight", metadata,
    Column("fact_id", String(80), primary_key=True),
    Column("shown_at", DateTime(timezone=True), nullable=False),
)

# One row per conversation the bot takes part in: a channel thread ("t:C…:ts") or a DM ("d:D…").
# ``joined_at`` says the bot answered or was mentioned there (so it may answer follow-ups without a
# mention); the rest is the reading of the last answered question, which follow-ups inherit from.
conversations = Table(
    "conversations", metadata,
    Column("key", String(80), primary_key=True),
    Column("joined_at", DateTime(timezone=True)),
    Column("subjects", JSON, nullable=False, default=list),
    Column("attribute", String(40)),
    Column("years", JSON, nullable=False, default=list),
    Column("versions", JSON, nullable=False, default=list),
    Column("fact_id", String(80)),
    Column("question", Text),  # NULL when QUESTION_LOG=off
    Column("answered_at", DateTime(timezone=True), index=True),
    Column("mentioned", JSON, nullable=False, default=list),  # what the last answer was about
    # The product rather than its maker ("MiniMax M2" -> M2), or every side of a comparison.
    Column("focus", JSON, nullable=False, default=list),
)


def _decided_table(name: str) -> Table:
    """A (fact, question) pair people voted on, and what was decided about it (``status``)."""
    return Table(
        name, metadata,
        Column("id", Integer, primary_key=True, autoincrement=True),
        Column("fact_id", String(80), nullable=False, index=True),
        Column("question", Text, nullable=False),
        Column("question_key", String(200), nullable=False),
        Column("status", String(12), nullable=False),
        Column("created_at", DateTime(timezone=True), nullable=False),
        Column("decided_at", DateTime(timezone=True)),
        Column("decided_by", String(80)),
        UniqueConstraint("fact_id", "question_key", name=f"uq_{name}_fact_question"),
    )


def _votes_table(name: str, key: str) -> Table:
    """One vote per person on a row of a decided table."""
    return Table(
        name, metadata,
        Column(key, Integer, primary_key=True),
        Column("user_id", String(32), primary_key=True),
        Column("at", DateTime(timezone=True), nullable=False),
    )


# Questions people asked that a fact answers (learned from their picks), suggested, then approved
# (automatically after enough different people, or by a curator) or rejected.
phrasings = _decided_table("phrasings")  # status: suggested / approved / rejected
phrasing_votes = _votes_table("phrasing_votes", "phrasing_id")
# A fact marked not helpful for a question by enough different people stops answering that question
# until a curator reviews it ("active" -> "kept" or "dropped"); votes by user, like phrasings.
answer_flags = _decided_table("answer_flags")  # status: pending / active / kept / dropped
flag_votes = _votes_table("flag_votes", "flag_id")

# "Still true": when a fact was last confirmed, starting its review period again (``knowledge.review``).
reviews = Table(
    "reviews", metadata,
    Column("fact_id", String(80), primary_key=True),
    Column("reviewed_at", DateTime(timezone=True), nullable=False),
    Column("reviewed_by", String(80), nullable=False),
)

# Facts a person saved although they contradict another ("Add anyway"): both show in answers.
fact_links = Table(
    "fact_links", metadata,
    Column("fact_id", String(80), primary_key=True),
    Column("other_id", String(80), primary_key=True),
    Column("created_by", String(80), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)


def utcnow() -> datetime:
    return datetime.now(UTC)


def as_utc(value: datetime) -> datetime:
    """SQLite returns naive datetimes; every stored time is UTC."""
    return value if value.tzinfo else value.replace(tzinfo=UTC)


def make_engine(url: str) -> Engine:
    """An engine for ``url``; SQLite files get their folder, WAL and a busy timeout."""
    if url.startswith("sqlite:///") and url != "sqlite:///:memory:":
        Path(url[len("sqlite:///"):]).parent.mkdir(parents=True, exist_ok=True)
    if url.startswith("sqlite"):
        engine = create_engine(url, connect_args={"timeout": 30, "check_same_thread": False})

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection, _record):  # noqa: ANN001 - SQLAlchemy hook
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA journal_mode=WAL")
            # WAL + NORMAL: a commit survives a crash of the process (not of the machine's power),
            # without an fsync per question logged.
            cursor.execute("PRAGMA synchronous=NORMAL")
            cursor.execute("PRAGMA busy_timeout=30000")
            cursor.close()

        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=10)


class Store:
    """The database.  ``Store(url)`` brings the schema to ``SCHEMA_REVISION`` first (under a lock)."""

    def __init__(self, url: str, migrate: bool = True):
        self.url = url
        self.engine = make_engine(url)
        if migrate:
            from knowledge.migrate import ensure_current

            ensure_current(self.engine)

    @contextmanager
    def transaction(self) -> Iterator[Connection]:
        with self.engine.begin() as conn:
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()

    # ---- revision: lets every process notice a change to team facts -------------

    def revision(self) -> int:
        with self.engine.connect() as conn:
            value = conn.execute(select(revision.c.value).where(revision.c.name == "facts")).scalar()
        return value or 0

    def bump_revision(self, conn: Connection) -> None:
        changed = conn.execute(
            update(revision).where(revision.c.name == "facts").values(value=revision.c.value + 1)
        ).rowcount
        if not changed:
            try:
                with conn.begin_nested():
                    conn.execute(insert(revision).values(name="facts", value=1))
            except IntegrityError:  # another process inserted it first
                conn.execute(update(revision).where(revision.c.name == "facts").values(value=revision.c.value + 1))

    # ---- Slack event de-duplication ---------------------------------------------

    def claim_event(self, event_id: str) -> bool:
        """True the first time ``event_id`` is seen (in any process), False for a retry.

        Slack stops retrying within minutes, so ids older than a day are pruned now and then.
        """
        now = utcnow()
        try:
            with self.transaction() as conn:
                conn.execute(insert(processed_events).values(event_id=event_id, at=now))
                if hash(event_id) % EVENT_PRUNE_EVERY == 0:
                    conn.execute(delete(processed_events).where(processed_events.c.at < now - EVENT_MEMORY))
            return True
        except IntegrityError:
            return False

    # ---- question log and feedback --------------------------------------------------

    def log_question(
        self, *, user_id: str | None, channel_id: str | None, question: str | None,
        fact_id: str | None, score: float, answered: bool,
    ) -> None:
        with self.transaction() as conn:
            conn.execute(insert(question_log).values(
                asked_at=utcnow(), user_id=user_id, channel_id=channel_id, question=question,
                fact_id=fact_id, score=score, answered=answered,
            ))

    def log_feedback(self, *, user_id: str | None, fact_id: str, helpful: bool, question: str | None = None,
                     kind: str | None = None) -> None:
        """A click on Helpful / Not helpful, or a suggestion chosen (``kind="chosen"``, counted as helpful)."""
        kind = kind or ("helpful" if helpful else "not_helpful")
        with self.transaction() as conn:
            conn.execute(insert(feedback).values(at=utcnow(), user_id=user_id, fact_id=fact_id, helpful=helpful,
                                                 question=question, kind=kind))

    def count_questions(self) -> int:
        with self.engine.connect() as conn:
            return conn.execute(select(func.count()).select_from(question_log)).scalar_one()

    def ping(self) -> bool:
        """True when the database answers (for ``/healthz``)."""
        try:
            with self.engine.connect() as conn:
                conn.execute(select(1))
            return True
        except Exception:  # noqa: BLE001 - any failure means "not reachable" to a health check
            return False
