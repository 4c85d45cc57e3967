"""Team facts: what people teach the bot from Slack, kept in the database with full history.

Curated YAML facts are read-only; team facts can be added, edited, removed (a soft
delete an admin can undo) and restored, and each change keeps the earlier version.
Every operation is one transaction: a crash mid-save leaves no half-written fact.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from knowledge.factbase import Fact
from knowledge.store import Store, as_utc, fact_history, pending_facts, team_facts, utcnow

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud and type
ID_LENGTH = 5
MAX_QUESTIONS = 6
LIMITS = {"question": 300, "answer": 2000, "quote": 1000, "source": 500}
MIN_QUESTION, MIN_ANSWER = 5, 2


class TeamFactError(ValueError):
    """Bad input or a forbidden change; the message says exactly what is wrong and how to fix it.

    ``field`` names the input at fault ("question", "answer", "quote", "source"), when one is.
    """

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


class NotFound(TeamFactError):
    pass


class Forbidden(TeamFactError):
    pass


@dataclass(frozen=True)
class Draft:
    """A validated team fact before it is saved."""

    questions: tuple[str, ...]
    answer: str
    quote: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)

    def as_dict(self) -> dict:
        return {"questions": list(self.questions), "answer": self.answer, "quote": self.quote,
                "source": self.source, "tags": list(self.tags)}

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        return make_draft(data["questions"], data["answer"], data.get("quote"), data.get("source"),
                          data.get("tags") or ())


def make_draft(questions, answer: str | None, quote: str | None = None, source: str | None = None,
               tags=()) -> Draft:
    """Validate user input; raises ``TeamFactError`` naming the field and the limit."""
    cleaned = [q.strip() for q in questions if q and q.strip()]
    if not cleaned:
        raise TeamFactError("The question is empty: write the question people would ask.", "question")
    if len(cleaned) > MAX_QUESTIONS:
        raise TeamFactError(f"Too many phrasings ({len(cleaned)}); at most {MAX_QUESTIONS}.", "question")
    for q in cleaned:
        if len(q) < MIN_QUESTION:
            raise TeamFactError(f"The question {q!r} is too short; write at least {MIN_QUESTION} characters.",
                                "question")
        if len(q) > LIMITS["question"]:
            raise TeamFactError(f"A question is {len(q)} characters; keep each under {LIMITS['question']}.",
                                "question")
    answer = (answer or "").strip()
    if len(answer) < MIN_ANSWER:
        raise TeamFactError("The answer is empty: write the answer the bot should give.", "answer")
    if len(answer) > LIMITS["answer"]:
        raise TeamFactError(f"The answer is {len(answer)} characters; keep it under {LIMITS['answer']}.", "answer")
    extra = {"quote": (quote or "").strip() or None, "source": (source or "").strip() or None}
    for name, value in extra.items():
        if value and len(value) > LIMITS[name]:
            raise TeamFactError(f"The {name} is {len(value)} characters; keep it under {LIMITS[name]}.", name)
    tag_list = tuple(dict.fromkeys(t.strip().lower() for t in tags if t and t.strip()))
    return Draft(tuple(dict.fromkeys(cleaned)), answer, extra["quote"], extra["source"], tag_list)


@dataclass(frozen=True)
class TeamFact:
    id: str
    draft: Draft
    added_by: str
    added_by_name: str
    added_at: datetime
    updated_by: str
    updated_at: datetime
    version: int
    deleted: bool

    def to_fact(self) -> Fact:
        """The matcher's view: one answer text shown to askers in any language."""
        return Fact(
            id=self.id, questions=self.draft.questions, answer_en=self.draft.answer, answer_zh=self.draft.answer,
            quote=self.draft.quote, tags=self.draft.tags, added_by=self.added_by_name,
            added_at=self.added_at.date().isoformat(), source_text=self.draft.source,
        )


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    action: str
    draft: Draft
    changed_by: str
    changed_at: datetime


class TeamFacts:
    """Repository of team facts over a ``Store``."""

    def __init__(self, store: Store):
        self.store = store

    # ---- reads ---------------------------------------------------------------------

    def get(self, fact_id: str, include_deleted: bool = False) -> TeamFact:
        with self.store.engine.connect() as conn:
            row = conn.execute(select(team_facts).where(team_facts.c.id == fact_id.strip().lower())).first()
        if row is None or (row.deleted_at is not None and not include_deleted):
            raise NotFound(f"No team fact with id {fact_id!r}. Find ids with `search` or `list`.")
        return _team_fact(row)

    def active(self) -> list[TeamFact]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(team_facts).where(team_facts.c.deleted_at.is_(None))
                                .order_by(team_facts.c.added_at)).all()
        return [_team_fact(r) for r in rows]

    def recent(self, limit: int = 10, user_id: str | None = None) -> list[TeamFact]:
        query = select(team_facts).where(team_facts.c.deleted_at.is_(None))
        if user_id:
            query = query.where(team_facts.c.added_by == user_id)
        with self.store.engine.connect() as conn:
            rows = conn.execute(query.order_by(team_facts.c.added_at.desc()).limit(limit)).all()
        return [_team_fact(r) for r in rows]

    def added_between(self, start: datetime, end: datetime) -> list[TeamFact]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(team_facts).where(
                team_facts.c.added_at >= start, team_facts.c.added_at < end, team_facts.c.deleted_at.is_(None),
            ).order_by(team_facts.c.added_at)).all()
        return [_team_fact(r) for r in rows]

    def history(self, fact_id: str) -> list[HistoryEntry]:
        self.get(fact_id, include_deleted=True)
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(fact_history).where(fact_history.c.fact_id == fact_id.strip().lower())
                                .order_by(fact_history.c.id)).all()
        return [HistoryEntry(r.version, r.action, Draft.from_dict(r.data), r.changed_by, as_utc(r.changed_at))
                for r in rows]

    # ---- writes: each one transaction, with a history row and a revision bump --------

    def add(self, draft: Draft, user_id: str, user_name: str, fact_id: str | None = None) -> TeamFact:
        for _ in range(10):
            new_id = fact_id or new_fact_id()
            try:
                with self.store.transaction() as conn:
                    self._insert(conn, new_id, draft, user_id, user_name)
                return self.get(new_id)
            except IntegrityError:
                if fact_id:
                    raise TeamFactError(f"A team fact with id {fact_id!r} already exists.") from None
        raise TeamFactError("Could not allocate a fact id; please try again.")

    def add_many(self, drafts: list[tuple[str | None, Draft]], user_id: str, user_name: str) -> list[str]:
        """All-or-nothing import: every draft is saved, or none is."""
        ids = []
        try:
            with self.store.transaction() as conn:
                for fact_id, draft in drafts:
                    new_id = fact_id or new_fact_id()
                    self._insert(conn, new_id, draft, user_id, user_name)
                    ids.append(new_id)
        except IntegrityError as exc:
            raise TeamFactError(f"Nothing imported: an id is already taken ({exc.orig}).") from None
        return ids

    def edit(self, fact_id: str, draft: Draft, user_id: str, admins: frozenset[str]) -> TeamFact:
        current = self.get(fact_id)
        check_may_change(current, user_id, admins, "edit")
        self._change(current, user_id, "edited", draft, questions=list(draft.questions), answer=draft.answer,
                     quote=draft.quote, source=draft.source, tags=list(draft.tags))
        return self.get(current.id)

    def remove(self, fact_id: str, user_id: str, admins: frozenset[str]) -> TeamFact:
        current = self.get(fact_id)
        check_may_change(current, user_id, admins, "remove")
        self._change(current, user_id, "removed", current.draft, deleted_at=utcnow(), deleted_by=user_id)
        return self.get(current.id, include_deleted=True)

    def restore(self, fact_id: str, user_id: str, admins: frozenset[str]) -> TeamFact:
        current = self.get(fact_id, include_deleted=True)
        if user_id not in admins:
            raise Forbidden("Only an admin (FACT_ADMINS) can restore a removed fact.")
        if not current.deleted:
            raise TeamFactError(f"Fact {current.id} is not removed.")
        self._change(current, user_id, "restored", current.draft, deleted_at=None, deleted_by=None)
        return self.get(current.id)

    def _change(self, current: TeamFact, user_id: str, action: str, draft: Draft, **values) -> None:
        """One new version: the row (only if nobody changed it meanwhile), its history entry, the revision."""
        now = utcnow()
        with self.store.transaction() as conn:
            changed = conn.execute(update(team_facts).where(
                team_facts.c.id == current.id, team_facts.c.version == current.version,
            ).values(version=current.version + 1, updated_by=user_id, updated_at=now, **values)).rowcount
            if not changed:
                raise TeamFactError(f"Fact {current.id} was changed by someone else meanwhile; reload and retry.")
            _record(conn, current.id, current.version + 1, action, draft, user_id, now)
            self.store.bump_revision(conn)

    # ---- drafts awaiting "Add anyway" ----------------------------------------------

    def park(self, draft: Draft, user_id: str) -> str:
        token = secrets.token_hex(8)
        with self.store.transaction() as conn:
            conn.execute(insert(pending_facts).values(token=token, data=draft.as_dict(), user_id=user_id,
                                                      created_at=utcnow()))
        return token

    def unpark(self, token: str, user_id: str) -> Draft | None:
        """The parked draft (removed from the parking), or None if it was already handled."""
        with self.store.transaction() as conn:
            row = conn.execute(select(pending_facts).where(pending_facts.c.token == token,
                                                           pending_facts.c.user_id == user_id)).first()
            if row is None:
                return None
            if not conn.execute(delete(pending_facts).where(pending_facts.c.token == token)).rowcount:
                return None
        return Draft.from_dict(row.data)

    def _insert(self, conn: Connection, fact_id: str, draft: Draft, user_id: str, user_name: str) -> None:
        now = utcnow()
        conn.execute(insert(team_facts).values(
            id=fact_id, questions=list(draft.questions), answer=draft.answer, quote=draft.quote, source=draft.source,
            tags=list(draft.tags), added_by=user_id, added_by_name=user_name, added_at=now, updated_by=user_id,
            updated_at=now, version=1,
        ))
        _record(conn, fact_id, 1, "added", draft, user_id, now)
        self.store.bump_revision(conn)


def new_fact_id() -> str:
    return "t" + "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH - 1))


def check_may_change(fact: TeamFact, user_id: str, admins: frozenset[str], verb: str) -> None:
    """Only the author or an admin may change a team fact; raises ``Forbidden`` otherwise."""
    if user_id != fact.added_by and user_id not in admins:
        raise Forbidden(f"Only the author of {fact.id} or an admin (FACT_ADMINS) can {verb} it.")


def _record(conn: Connection, fact_id: str, version: int, action: str, draft: Draft, user_id: str,
            at: datetime) -> None:
    conn.execute(insert(fact_history).values(fact_id=fact_id, version=version, action=action,
                                             data=draft.as_dict(), changed_by=user_id, changed_at=at))


def _team_fact(row: Row) -> TeamFact:
    draft = Draft(tuple(row.questions), row.answer, row.quote, row.source, tuple(row.tags or ()))
    return TeamFact(
        id=row.id, draft=draft, added_by=row.added_by, added_by_name=row.added_by_name,
        added_at=as_utc(row.added_at), updated_by=row.updated_by, updated_at=as_utc(row.updated_at),
        version=row.version, deleted=row.deleted_at is not None,
    )
