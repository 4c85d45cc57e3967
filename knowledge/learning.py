"""Learning from the team: picks become phrasings, repeated "Not helpful" stops an answer.

When someone picks an answer (a "did you mean" button, an "Other answers" choice, or "Helpful" on
an answer the bot was unsure of), their question becomes a *suggested phrasing* of that fact.
Once ``auto_approve`` different people made the same pick it is approved (0: only curators
approve); a curator can approve or reject it at once.  Approved phrasings are matched like the
fact's own questions, in every worker (``QuestionAnswerer.sync`` reads them when the revision
moves).  When ``flag_after`` different people mark a fact not helpful for the same question,
that fact stops answering that question until a curator keeps it (it answers again) or drops it.

Nothing is learned from a question naming an entity, year or model the fact does not (the caller
checks with ``QuestionAnswerer.may_learn``), and nothing when ``QUESTION_LOG=off`` (no text is kept).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Table, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from knowledge.store import Store, answer_flags, as_utc, flag_votes, phrasing_votes, phrasings, utcnow
from knowledge.teamfacts import question_key

DEFAULT_AUTO_APPROVE = 2
DEFAULT_FLAG_AFTER = 2


@dataclass(frozen=True)
class Pending:
    """A suggested phrasing or an answer flag, as a curator reviews it."""

    id: int
    kind: str  # "phrasing" or "flag"
    fact_id: str
    question: str
    votes: int
    status: str
    created_at: datetime


class Learning:
    def __init__(self, store: Store, auto_approve: int = DEFAULT_AUTO_APPROVE, flag_after: int = DEFAULT_FLAG_AFTER,
                 clock: Callable[[], datetime] = utcnow):
        self.store = store
        self.auto_approve = auto_approve
        self.flag_after = flag_after
        self.clock = clock

    # ---- what people do ----------------------------------------------------------

    def record_pick(self, question: str, fact_id: str, user_id: str) -> str:
        """A pick of ``fact_id`` for ``question``: returns the phrasing's status after this vote."""
        phrasing_id, votes, status = self._vote(phrasings, phrasing_votes, "phrasing_id", question, fact_id, user_id,
                                                "suggested")
        if status == "suggested" and self.auto_approve and votes >= self.auto_approve:
            self._decide(phrasings, phrasing_id, "approved", f"auto ({votes} people)")
            return "approved"
        return status

    def record_not_helpful(self, question: str, fact_id: str, user_id: str) -> str:
        """A "Not helpful" on ``fact_id`` for ``question``: returns the flag's status after this vote."""
        flag_id, votes, status = self._vote(answer_flags, flag_votes, "flag_id", question, fact_id, user_id, "pending")
        if status == "pending" and self.flag_after and votes >= self.flag_after:
            self._decide(answer_flags, flag_id, "active", f"auto ({votes} people)")
            return "active"
        return status

    # ---- what curators do ----------------------------------------------------------

    def approve(self, phrasing_id: int, curator: str) -> bool:
        return self._decide(phrasings, phrasing_id, "approved", curator, expect=("suggested", "rejected"))

    def reject(self, phrasing_id: int, curator: str) -> bool:
        return self._decide(phrasings, phrasing_id, "rejected", curator, expect=("suggested", "approved"))

    def keep(self, flag_id: int, curator: str) -> bool:
        """The answer was right after all: it answers that question again."""
        return self._decide(answer_flags, flag_id, "kept", curator, expect=("pending", "active"))

    def drop(self, flag_id: int, curator: str) -> bool:
        """The answer was wrong for that question: it stays out."""
        return self._decide(answer_flags, flag_id, "dropped", curator, expect=("pending", "active"))

    # ---- what the answerer and the curators read ------------------------------------

    def approved_phrasings(self) -> dict[str, tuple[str, ...]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(phrasings.c.fact_id, phrasings.c.question)
                                .where(phrasings.c.status == "approved").order_by(phrasings.c.id)).all()
        learned: dict[str, list[str]] = {}
        for fact_id, question in rows:
            learned.setdefault(fact_id, []).append(question)
        return {fact_id: tuple(questions) for fact_id, questions in learned.items()}

    def suppressed(self) -> frozenset[tuple[str, str]]:
        """(question key, fact id) pairs that must not be answered."""
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(answer_flags.c.question_key, answer_flags.c.fact_id)
                                .where(answer_flags.c.status.in_(("active", "dropped")))).all()
        return frozenset((key, fact_id) for key, fact_id in rows)

    def queue(self, limit: int = 50) -> list[Pending]:
        """What needs a curator: suggested phrasings and active flags, most voted first."""
        found = self._pending(phrasings, phrasing_votes, "phrasing_id", "phrasing", ("suggested",), limit)
        found += self._pending(answer_flags, flag_votes, "flag_id", "flag", ("active",), limit)
        return sorted(found, key=lambda p: (-p.votes, p.created_at))[:limit]

    def get(self, kind: str, item_id: int) -> Pending | None:
        table, votes, key = (phrasings, phrasing_votes, "phrasing_id") if kind == "phrasing" else \
            (answer_flags, flag_votes, "flag_id")
        found = self._pending(table, votes, key, kind, None, 1, item_id)
        return found[0] if found else None

    def decided_between(self, start: datetime, end: datetime) -> dict[str, int]:
        """How many phrasings were approved and flags decided in a period (for the digest)."""
        counts = {}
        with self.store.engine.connect() as conn:
            for name, table, statuses in (("phrasings approved", phrasings, ("approved",)),
                                          ("answers reviewed", answer_flags, ("kept", "dropped"))):
                counts[name] = conn.execute(select(func.count()).select_from(table).where(
                    table.c.status.in_(statuses), table.c.decided_at >= start, table.c.decided_at < end)).scalar_one()
        return counts

    def approved_export(self) -> list[tuple[str, str]]:
        """(fact id, question) of every approved phrasing, for ``bot export --phrasings``."""
        with self.store.engine.connect() as conn:
            return [tuple(r) for r in conn.execute(select(phrasings.c.fact_id, phrasings.c.question)
                                                   .where(phrasings.c.status == "approved")
                                                   .order_by(phrasings.c.fact_id, phrasings.c.id)).all()]

    # ---- storage -----------------------------------------------------------------------

    def _vote(self, table: Table, votes: Table, key: str, question: str, fact_id: str, user_id: str,
              initial: str) -> tuple[int, int, str]:
        """Find or create the (fact, question) row, add the user's vote once; (id, votes, status)."""
        qkey = question_key(question)
        now = self.clock()
        with self.store.transaction() as conn:
            row = conn.execute(select(table.c.id, table.c.status).where(table.c.fact_id == fact_id,
                                                                        table.c.question_key == qkey)).first()
            if row is None:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(table).values(fact_id=fact_id, question=question[:1000], question_key=qkey,
                                                          status=initial, created_at=now))
                except IntegrityError:  # someone else's first vote, at the same moment
                    pass
                row = conn.execute(select(table.c.id, table.c.status).where(table.c.fact_id == fact_id,
                                                                            table.c.question_key == qkey)).one()
            try:
                with conn.begin_nested():
                    conn.execute(insert(votes).values(**{key: row.id}, user_id=user_id, at=now))
            except IntegrityError:
                pass  # the same person again: one vote each
            count = conn.execute(select(func.count()).select_from(votes).where(votes.c[key] == row.id)).scalar_one()
        return row.id, count, row.status

    def _decide(self, table: Table, item_id: int, status: str, by: str, expect: tuple[str, ...] | None = None) -> bool:
        with self.store.transaction() as conn:
            query = update(table).where(table.c.id == item_id)
            if expect is not None:
                query = query.where(table.c.status.in_(expect))
            changed = conn.execute(query.values(status=status, decided_at=self.clock(), decided_by=by[:80])).rowcount
            if changed:
                self.store.bump_revision(conn)  # every worker re-reads phrasings and flags
        return bool(changed)

    def _pending(self, table: Table, votes: Table, key: str, kind: str, statuses: tuple[str, ...] | None,
                 limit: int, item_id: int | None = None) -> list[Pending]:
        count = select(func.count()).select_from(votes).where(votes.c[key] == table.c.id).scalar_subquery()
        query = select(table, count.label("votes"))
        if statuses is not None:
            query = query.where(table.c.status.in_(statuses))
        if item_id is not None:
            query = query.where(table.c.id == item_id)
        with self.store.engine.connect() as conn:
            rows = conn.execute(query.limit(limit)).all()
        return [Pending(r.id, kind, r.fact_id, r.question, r.votes, r.status, as_utc(r.created_at)) for r in rows]
