"""Team facts: what people teach the bot from Slack, kept in the database with full history.

Curated YAML facts are read-only; team facts can be added, edited, removed (a soft
delete an admin can undo) and restored, and each change keeps the earlier version.
Every operation is one transaction: a crash mid-save leaves no half-written fact.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import delete, insert, select, update
from sqlalchemy.engine import Connection, Row
from sqlalchemy.exc import IntegrityError

from knowledge.cleaning import clean_input
from knowledge.factbase import Fact
from knowledge.normalize import fold
from knowledge.store import Store, as_utc, fact_history, pending_facts, team_facts, utcnow

ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"  # no 0/o, 1/l/i: easy to read aloud and type
# "t" + 7 characters: 31**7 = 27 billion ids, so even 100k facts collide about once in 5,000
# draws, and every draw is checked and retried.  (Ids of the first release had 4 characters.)
ID_LENGTH = 8
MAX_ID_LENGTH = 16
MAX_QUESTIONS = 6
LIMITS = {"question": 300, "answer": 2000, "quote": 1000, "source": 500}
MIN_QUESTION, MIN_ANSWER = 5, 2
PARKED_FOR = timedelta(days=1)  # an "Add anyway" draft older than this is gone
_NOT_KEY = re.compile(r"[\W_]+")


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


class DuplicateQuestion(TeamFactError):
    """An active fact already has this exact (normalised) question; ``existing`` is its id."""

    def __init__(self, existing: str):
        super().__init__(f"Fact {existing} already has this exact question; see it with `show {existing}`.",
                         "question")
        self.existing = existing


class StaleEdit(TeamFactError):
    """The fact changed since the form was opened; ``current`` is what it says now."""

    def __init__(self, current: TeamFact):
        who = current.updated_by_name or current.updated_by
        super().__init__(f"Fact {current.id} was changed by @{who} since you opened it (now version "
                         f"{current.version}); nothing was saved. Its answer now: {current.draft.answer[:500]}",
                         "answer")
        self.current = current


def question_key(question: str) -> str:
    """A question reduced to what makes it the same question: script, case, spacing and punctuation folded."""
    return _NOT_KEY.sub("", fold(clean_input(question)))[:200]


@dataclass(frozen=True)
class Draft:
    """A validated team fact before it is saved."""

    questions: tuple[str, ...]
    answer: str
    quote: str | None = None
    source: str | None = None
    tags: tuple[str, ...] = field(default_factory=tuple)
    answer_zh: str | None = None  # a Chinese answer, when the author gave one besides ``answer``
    about: tuple[str, ...] = ()  # entity ids; empty: inferred from the questions by the matcher
    attribute: str | None = None  # attribute id; None: inferred

    @property
    def key(self) -> str:
        return question_key(self.questions[0])

    def as_dict(self) -> dict:
        data = {"questions": list(self.questions), "answer": self.answer, "quote": self.quote,
                "source": self.source, "tags": list(self.tags)}
        if self.answer_zh:
            data["answer_zh"] = self.answer_zh
        if self.about:
            data["about"] = list(self.about)
        if self.attribute:
            data["attribute"] = self.attribute
        return data

    @classmethod
    def from_dict(cls, data: dict) -> Draft:
        return make_draft(data["questions"], data["answer"], data.get("quote"), data.get("source"),
                          data.get("tags") or (), data.get("answer_zh"), data.get("about") or (),
                          data.get("attribute"))


def make_draft(questions, answer: str | None, quote: str | None = None, source: str | None = None,
               tags=(), answer_zh: str | None = None, about=(), attribute: str | None = None) -> Draft:
    """Validate user input; raises ``TeamFactError`` naming the field and the limit.

    Every field is cleaned of invisible and control characters first; questions and the
    source must be one line each (a newline there is a paste mistake, and would break exports).
    """
    cleaned = [clean_input(q) for q in questions if q]
    if any("\n" in q or "\r" in q for q in cleaned):
        raise TeamFactError("A question must be one line; put other phrasings on their own lines in the form.",
                            "question")
    cleaned = [q for q in cleaned if q]
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
    answer = clean_input(answer or "")
    if not answer:
        raise TeamFactError("The answer is empty: write the answer the bot should give.", "answer")
    if len(answer) < MIN_ANSWER:
        raise TeamFactError(f"The answer {answer!r} is too short; write at least {MIN_ANSWER} characters.", "answer")
    if len(answer) > LIMITS["answer"]:
        raise TeamFactError(f"The answer is {len(answer)} characters; keep it under {LIMITS['answer']}.", "answer")
    answer_zh = clean_input(answer_zh or "") or None
    if answer_zh and len(answer_zh) > LIMITS["answer"]:
        raise TeamFactError(f"The Chinese answer is {len(answer_zh)} characters; keep it under "
                            f"{LIMITS['answer']}.", "answer")
    extra = {"quote": clean_input(quote or "") or None, "source": clean_input(source or "") or None}
    for name, value in extra.items():
        if value and len(value) > LIMITS[name]:
            raise TeamFactError(f"The {name} is {len(value)} characters; keep it under {LIMITS[name]}.", name)
    if extra["source"] and ("\n" in extra["source"] or "\r" in extra["source"]):
        raise TeamFactError("The source must be one line: a link or a short name.", "source")
    tag_list = tuple(dict.fromkeys(clean_input(t).lower() for t in tags if t and clean_input(t)))
    if not question_key(cleaned[0]):
        raise TeamFactError("The question has no letters or digits.", "question")
    return Draft(tuple(dict.fromkeys(cleaned)), answer, extra["quote"], extra["source"], tag_list, answer_zh,
                 tuple(dict.fromkeys(str(a) for a in about))[:3], attribute or None)


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
    updated_by_name: str | None = None

    def to_fact(self) -> Fact:
        """The matcher's view: the answer, and the Chinese one when the author gave it."""
        return Fact(
            id=self.id, questions=self.draft.questions, answer_en=self.draft.answer,
            answer_zh=self.draft.answer_zh or self.draft.answer,
            quote=self.draft.quote, tags=self.draft.tags, added_by=self.added_by_name, added_by_id=self.added_by,
            about=self.draft.about, attribute=self.draft.attribute,
            added_at=self.added_at.date().isoformat(), source_text=self.draft.source,
        )


@dataclass(frozen=True)
class HistoryEntry:
    version: int
    action: str
    draft: Draft
    changed_by: str
    changed_at: datetime
    changed_by_name: str = ""


class TeamFacts:
    """Repository of team facts over a ``Store``."""

    def __init__(self, store: Store):
        self.store = store

    # ---- reads ---------------------------------------------------------------------

    def get(self, fact_id: str, include_deleted: bool = False) -> TeamFact:
        if len(fact_id) > MAX_ID_LENGTH:
            raise NotFound(f"No team fact with id {fact_id[:MAX_ID_LENGTH]!r}…: ids are short, like t7k2mq9x.")
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
        return [HistoryEntry(r.version, r.action, Draft.from_dict(r.data), r.changed_by, as_utc(r.changed_at),
                             r.data.get("changed_by_name") or r.changed_by) for r in rows]

    # ---- writes: each one transaction, with a history row and a revision bump --------

    def active_with_key(self, key: str) -> str | None:
        """The id of the active fact whose first question normalises to ``key``, if any."""
        with self.store.engine.connect() as conn:
            return conn.execute(select(team_facts.c.id).where(team_facts.c.question_key == key,
                                                              team_facts.c.deleted_at.is_(None))).scalar()

    def add(self, draft: Draft, user_id: str, user_name: str, fact_id: str | None = None) -> TeamFact:
        """Save a new fact; raises ``DuplicateQuestion`` if an active fact has the same question.

        The database's unique key decides, so of many identical adds at once exactly one is saved.
        """
        for _ in range(10):
            new_id = fact_id or new_fact_id()
            try:
                with self.store.transaction() as conn:
                    self._insert(conn, [(new_id, draft)], user_id, user_name)
                return self.get(new_id)
            except IntegrityError:
                existing = self.active_with_key(draft.key)
                if existing:
                    raise DuplicateQuestion(existing) from None
                if fact_id:
                    raise TeamFactError(f"A team fact with id {fact_id!r} already exists.") from None
        raise TeamFactError("Could not allocate a fact id; please try again.")

    def add_many(self, drafts: list[tuple[str | None, Draft]], user_id: str, user_name: str,
                 batch: str | None = None) -> list[str]:
        """All-or-nothing import: every draft is saved, or none is; ``batch`` marks them for an undo.

        New ids are drawn distinct from each other and from every stored id (removed ones too).
        """
        wanted = [fact_id for fact_id, _ in drafts if fact_id]
        ids: list[str] = []
        try:
            with self.store.transaction() as conn:
                taken = self._taken_ids(conn, wanted) | set(wanted)
                for fact_id, _ in drafts:
                    if not fact_id:
                        fact_id = new_fact_id()
                        while fact_id in taken or self._taken_ids(conn, [fact_id]):
                            fact_id = new_fact_id()
                        taken.add(fact_id)
                    ids.append(fact_id)
                self._insert(conn, list(zip(ids, (d for _, d in drafts), strict=True)), user_id, user_name, batch)
        except IntegrityError as exc:
            raise TeamFactError(f"Nothing imported: an id or a question is already taken ({exc.orig}).") from None
        return ids

    def edit(self, fact_id: str, draft: Draft, user_id: str, admins: frozenset[str],
             expected_version: int | None = None, user_name: str | None = None) -> TeamFact:
        """Save a new version; ``expected_version`` (the version the form showed) refuses stale edits."""
        current = self.get(fact_id)
        check_may_change(current, user_id, admins, "edit")
        if expected_version is not None and expected_version != current.version:
            raise StaleEdit(current)
        try:
            self._change(current, user_id, "edited", draft, user_name, questions=list(draft.questions),
                         answer=draft.answer, answer_zh=draft.answer_zh, quote=draft.quote, source=draft.source,
                         tags=list(draft.tags), question_key=draft.key, about=list(draft.about) or None,
                         attribute=draft.attribute)
        except IntegrityError:
            raise DuplicateQuestion(self.active_with_key(draft.key) or "?") from None
        return self.get(current.id)

    def remove(self, fact_id: str, user_id: str, admins: frozenset[str], user_name: str | None = None) -> TeamFact:
        current = self.get(fact_id)
        check_may_change(current, user_id, admins, "remove")
        self._change(current, user_id, "removed", current.draft, user_name, deleted_at=utcnow(),
                     deleted_by=user_id)
        return self.get(current.id, include_deleted=True)

    def in_batch(self, batch: str) -> list[str]:
        """Ids of the active facts an import batch added."""
        with self.store.engine.connect() as conn:
            return list(conn.execute(select(team_facts.c.id).where(team_facts.c.import_batch == batch,
                                                                   team_facts.c.deleted_at.is_(None))).scalars())

    def record_review(self, fact_id: str, user_id: str, user_name: str | None = None) -> None:
        """A "still true" on a team fact, in its history (the version does not change)."""
        current = self.get(fact_id)
        with self.store.transaction() as conn:
            _record(conn, current.id, current.version, "reviewed", current.draft, user_id, utcnow(), user_name)

    def remove_batch(self, fact_ids: list[str], user_id: str, user_name: str | None = None) -> int:
        """Soft-delete many facts at once (an import taken back), each with its history entry."""
        removed = 0
        for fact_id in fact_ids:
            try:
                current = self.get(fact_id)
            except NotFound:
                continue
            self._change(current, user_id, "removed", current.draft, user_name, deleted_at=utcnow(),
                         deleted_by=user_id)
            removed += 1
        return removed

    def restore(self, fact_id: str, user_id: str, admins: frozenset[str], user_name: str | None = None) -> TeamFact:
        current = self.get(fact_id, include_deleted=True)
        if user_id not in admins:
            raise Forbidden("Only an admin (FACT_ADMINS) can restore a removed fact.")
        if not current.deleted:
            raise TeamFactError(f"Fact {current.id} is not removed.")
        try:
            self._change(current, user_id, "restored", current.draft, user_name, deleted_at=None, deleted_by=None)
        except IntegrityError:
            other = self.active_with_key(current.draft.key)
            raise TeamFactError(f"Can't restore {current.id}: fact {other} now has the same question.") from None
        return self.get(current.id)

    def _change(self, current: TeamFact, user_id: str, action: str, draft: Draft, user_name: str | None = None,
                **values) -> None:
        """One new version: the row (only if nobody changed it meanwhile), its history entry, the revision."""
        now = utcnow()
        with self.store.transaction() as conn:
            changed = conn.execute(update(team_facts).where(
                team_facts.c.id == current.id, team_facts.c.version == current.version,
            ).values(version=current.version + 1, updated_by=user_id, updated_by_name=user_name, updated_at=now,
                     **values)).rowcount
            if not changed:
                raise StaleEdit(self.get(current.id, include_deleted=True))
            _record(conn, current.id, current.version + 1, action, draft, user_id, now, user_name)
            self.store.bump_revision(conn)

    # ---- drafts awaiting "Add anyway" ----------------------------------------------

    def park(self, draft: Draft, user_id: str) -> str:
        """Keep a draft for "Add anyway" (a day at most); drafts older than that are dropped now."""
        token = secrets.token_hex(8)
        now = utcnow()
        with self.store.transaction() as conn:
            conn.execute(delete(pending_facts).where(pending_facts.c.created_at < now - PARKED_FOR))
            conn.execute(insert(pending_facts).values(token=token, data=draft.as_dict(), user_id=user_id,
                                                      created_at=now))
        return token

    def unpark(self, token: str, user_id: str) -> Draft | None:
        """The parked draft (removed from the parking), or None if it was handled already or expired."""
        if not isinstance(token, str) or not re.fullmatch(r"[0-9a-f]{16}", token):
            return None
        with self.store.transaction() as conn:
            row = conn.execute(select(pending_facts).where(pending_facts.c.token == token,
                                                           pending_facts.c.user_id == user_id)).first()
            if row is None:
                return None
            if not conn.execute(delete(pending_facts).where(pending_facts.c.token == token)).rowcount:
                return None
        if as_utc(row.created_at) < utcnow() - PARKED_FOR:
            return None
        return Draft.from_dict(row.data)

    def _taken_ids(self, conn: Connection, fact_ids: list[str]) -> set[str]:
        taken: set[str] = set()
        for start in range(0, len(fact_ids), 500):
            chunk = fact_ids[start:start + 500]
            taken.update(conn.execute(select(team_facts.c.id).where(team_facts.c.id.in_(chunk))).scalars())
        return taken

    def _insert(self, conn: Connection, facts: list[tuple[str, Draft]], user_id: str, user_name: str,
                batch: str | None = None) -> None:
        """Insert facts (one statement for many) with their history rows, and bump the revision once."""
        now = utcnow()
        conn.execute(insert(team_facts), [dict(
            id=fact_id, questions=list(d.questions), answer=d.answer, answer_zh=d.answer_zh, quote=d.quote,
            source=d.source, tags=list(d.tags), added_by=user_id, added_by_name=user_name, added_at=now,
            updated_by=user_id, updated_by_name=user_name, updated_at=now, version=1, question_key=d.key,
            import_batch=batch, about=list(d.about) or None, attribute=d.attribute,
        ) for fact_id, d in facts])
        conn.execute(insert(fact_history), [dict(
            fact_id=fact_id, version=1, action="added", data=_history_data(d, user_name), changed_by=user_id,
            changed_at=now,
        ) for fact_id, d in facts])
        self.store.bump_revision(conn)


def new_fact_id() -> str:
    return "t" + "".join(secrets.choice(ID_ALPHABET) for _ in range(ID_LENGTH - 1))


def check_may_change(fact: TeamFact, user_id: str, admins: frozenset[str], verb: str) -> None:
    """Only the author or an admin may change a team fact; raises ``Forbidden`` otherwise."""
    if user_id != fact.added_by and user_id not in admins:
        raise Forbidden(f"Only the author of {fact.id} or an admin (FACT_ADMINS) can {verb} it.")


def _record(conn: Connection, fact_id: str, version: int, action: str, draft: Draft, user_id: str,
            at: datetime, user_name: str | None = None) -> None:
    conn.execute(insert(fact_history).values(fact_id=fact_id, version=version, action=action,
                                             data=_history_data(draft, user_name), changed_by=user_id,
                                             changed_at=at))


def _history_data(draft: Draft, user_name: str | None) -> dict:
    """The version's content, and the changer's display name (shown instead of a pinging mention)."""
    return {**draft.as_dict(), "changed_by_name": user_name} if user_name else draft.as_dict()


def _team_fact(row: Row) -> TeamFact:
    draft = Draft(tuple(row.questions), row.answer, row.quote, row.source, tuple(row.tags or ()), row.answer_zh,
                  tuple(row.about or ()), row.attribute)
    return TeamFact(
        id=row.id, draft=draft, added_by=row.added_by, added_by_name=row.added_by_name,
        added_at=as_utc(row.added_at), updated_by=row.updated_by, updated_at=as_utc(row.updated_at),
        version=row.version, deleted=row.deleted_at is not None, updated_by_name=row.updated_by_name,
    )
