"""Where conversations live: the ``conversations`` table (joined threads and DMs, and the context
their follow-ups inherit), shared by every worker and surviving restarts."""

from __future__ import annotations

import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from knowledge.conversation import FORGET_AFTER, JOINED_FOR, Context, Resolved
from knowledge.store import Store, as_utc, conversations, utcnow


class Conversations:
    """The ``conversations`` table: joined threads and DMs, and the context follow-ups inherit."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow):
        self.store = store
        self.clock = clock

    def context(self, key: str) -> Context | None:
        """The context of ``key`` if its last answer is recent enough to inherit from."""
        row = self._row(key)
        if row is None or row.answered_at is None:
            return None
        context = Context(tuple(row.subjects or ()), row.attribute, tuple(row.years or ()), tuple(row.versions or ()),
                          row.fact_id, row.question, as_utc(row.answered_at), tuple(row.mentioned or ()),
                          tuple(row.focus or ()))
        return context if context.fresh(self.clock()) else None

    def joined(self, key: str) -> bool:
        """True when the bot answered or was mentioned in ``key`` recently (``JOINED_FOR``)."""
        row = self._row(key)
        return row is not None and row.joined_at is not None and self.clock() - as_utc(row.joined_at) <= JOINED_FOR

    def join(self, key: str) -> None:
        self._upsert(key, joined_at=self.clock())

    def remember(self, key: str, resolved: Resolved, fact_id: str | None, question: str | None,
                 mentioned: tuple[str, ...] = (), focus: tuple[str, ...] = ()) -> None:
        """Record an answered question's reading and what its answer was about (``question`` None when
        QUESTION_LOG=off)."""
        now = self.clock()
        self._upsert(key, joined_at=now, subjects=list(resolved.subjects), attribute=resolved.attribute,
                     years=list(resolved.years), versions=list(resolved.versions), fact_id=fact_id,
                     question=question, answered_at=now, mentioned=list(mentioned), focus=list(focus))

    def forget_old(self) -> int:
        with self.store.transaction() as conn:
            return conn.execute(delete(conversations).where(
                conversations.c.joined_at < self.clock() - FORGET_AFTER)).rowcount

    def _row(self, key: str):
        with self.store.engine.connect() as conn:
            return conn.execute(select(conversations).where(conversations.c.key == key[:80])).first()

    def _upsert(self, key: str, **values) -> None:
        key = key[:80]
        with self.store.transaction() as conn:
            if conn.execute(update(conversations).where(conversations.c.key == key).values(**values)).rowcount:
                return
            try:
                with conn.begin_nested():
                    conn.execute(insert(conversations).values(key=key, **{"subjects": [], "years": [],
                                                                           "versions": [], "mentioned": [],
                                                                           "focus": [], **values}))
            except IntegrityError:  # another worker inserted it first
                conn.execute(update(conversations).where(conversations.c.key == key).values(**values))


@contextmanager
def scratch_conversations() -> Iterator[Conversations]:
    """Conversations kept in a throwaway SQLite file: for a console or an eval run without a database,
    so follow-ups still inherit context there."""
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(f"sqlite:///{Path(scratch) / 'conversations.sqlite3'}")
        try:
            yield Conversations(store)
        finally:
            store.dispose()
