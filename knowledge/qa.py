"""The question-answering service: curated and team facts, one matcher, answers in the asker's language.

The index is built once at start-up and then updated in place: a team-fact change adds,
replaces or removes just that fact (``Matcher.update``), never rebuilding the whole index.

- A change made in this process is answerable at once: the handler that saved it calls
  ``refresh(force=True)``, which reads only the changed rows.
- A change made by another process is picked up within about ``check_interval`` seconds by a
  background thread that checks the database's revision number and applies what changed,
  so no question waits on the database or on re-indexing (``background=False``: the check
  runs in ``refresh()`` instead, for tests and one-shot tools).
- A restart reads the team facts' prepared entries from the index cache (``knowledge.index_cache``)
  instead of preparing every fact again.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from knowledge.answers import Answer, build_answer
from knowledge.factbase import Claim, Fact, FactBase, Source
from knowledge.index_cache import IndexCache
from knowledge.matcher import Explanation, Match, Matcher, Policy
from knowledge.normalize import normalizer_for

if TYPE_CHECKING:  # SQLAlchemy costs ~0.3 s to import; `bot ask` never needs it
    from knowledge.contradictions import Links
    from knowledge.learning import Learning
    from knowledge.review import Reviews
    from knowledge.teamfacts import TeamFacts

logger = logging.getLogger(__name__)


def to_answer(match: Match, sources: dict[str, Source]) -> Answer:
    """The answer for a match; a comparison's answer has every side in its text (``ComparisonAnswer``)."""
    answer = build_answer(match, sources)
    if match.comparison is not None:
        from knowledge.compare import comparison_answer

        return comparison_answer(answer, match.comparison)
    return answer


class QuestionAnswerer:
    def __init__(
        self,
        factbase: FactBase,
        team_facts: TeamFacts | None = None,
        policy: Policy | None = None,
        check_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
        background: bool = True,
        learning: Learning | None = None,
        reviews: Reviews | None = None,
        links: Links | None = None,
        index_cache: IndexCache | None = None,
    ):
        self.factbase = factbase
        self.team_facts = team_facts
        self.learning = learning
        self.reviews = reviews
        self.links = links
        self._links: dict[str, tuple[str, ...]] = {}  # fact id -> linked (contradicting) facts in the index
        self._reviewed: dict[str, datetime] = {}  # fact id -> last "still true"
        self._team_base: dict[str, Fact] = {}  # team facts as stored, before learned phrasings
        self._learned: dict[str, tuple[str, ...]] = {}  # fact id -> approved phrasings in the index
        self._suppressed: frozenset[tuple[str, str]] = frozenset()  # (question key, fact id) not to answer
        self.policy = policy or Policy()
        self._normalizer = normalizer_for(factbase.aliases)
        self._check_interval, self._clock = check_interval, clock
        self._background = background
        self._sync_lock = threading.Lock()  # one synchronisation with the database at a time
        self._revision: int | None = None
        self._versions: dict[str, int] = {}  # team fact id -> version in the index
        self._checked_at = float("-inf")
        self._worker: threading.Thread | None = None
        self._worker_pid: int | None = None
        self._wake = threading.Event()
        self._index_cache = index_cache if team_facts is not None else None
        self._unsaved = 0  # team facts prepared afresh since the index cache was last written
        self.matcher = Matcher(factbase.facts, factbase.aliases, policy=self.policy, normalizer=self._normalizer)
        if team_facts is not None:
            self.sync(reuse=self._index_cache.load() if self._index_cache is not None else None)

    @property
    def threshold(self) -> float:
        return self.policy.threshold

    def ask(self, question: str) -> Answer:
        return self.answer(self.match(question))

    def answer(self, match: Match) -> Answer:
        """The answer for a match, with a review note when its fact is past its review date."""
        answer = to_answer(match, self.factbase.sources)
        note = self.review_note(answer.fact) if answer.fact is not None else None
        return replace(answer, review=note) if note else answer

    def review_note(self, fact: Fact) -> str | None:
        from knowledge.review import review_note  # imports SQLAlchemy (~0.2 s): not at `bot ask` start-up

        return review_note(fact, self._reviewed.get(fact.id), datetime.now(UTC).date())

    def match(self, question: str) -> Match:
        """The raw outcome (``small_talk``, ``comparison``, the reading) behind ``ask``.

        A fact people flagged as not helpful for this very question does not answer it (the
        alternatives are offered instead) until a curator reviews the flag.
        """
        self.refresh()
        match = self.matcher.match(question)
        if match.fact is not None and self._suppressed:
            from knowledge.teamfacts import question_key

            if (question_key(question), match.fact.id) in self._suppressed:
                return replace(match, fact=None, matched_question=None, comparison=None)
        return match

    def may_learn(self, question: str, fact: Fact) -> bool:
        """False when ``question`` names an entity, year or model ``fact`` does not: never learned from."""
        asked = self.matcher.read(question)
        told = self.matcher.read(" ".join([*fact.questions, fact.answer_en, fact.answer_zh]))
        return (set(asked.subjects) <= set(told.subjects) | set(getattr(fact, "about", ()) or ())
                and set(asked.years) <= set(told.years) and set(asked.versions) <= set(told.versions))

    def explain(self, question: str) -> Explanation:
        """How the question is read, the candidates and why the outcome (``bot ask --explain``)."""
        self.refresh()
        return self.matcher.explain(question)

    def search(self, text: str, limit: int = 5) -> list[tuple[Fact, float]]:
        self.refresh()
        return self.matcher.search(text, limit)

    def duplicate_of(self, question: str) -> Fact | None:
        """An existing fact that already answers ``question`` as well as an answer would need to."""
        found = self.search(question, 1)
        return found[0][0] if found and found[0][1] >= self.threshold else None

    def fact(self, fact_id: str) -> Fact | None:
        self.refresh()
        return self.matcher.fact(fact_id)

    def source_of(self, fact: Fact) -> Source | None:
        return self.factbase.sources.get(fact.source) if fact.source else None

    # ---- keeping the index in step with the team facts -----------------------------

    def refresh(self, force: bool = False) -> None:
        """Bring team facts up to date: now if ``force`` (after a save here), else in the background.

        Without ``force`` this costs nothing on the request path: it makes sure the background
        thread runs (it checks the revision every ``check_interval`` seconds).  With
        ``background=False`` the revision is checked here, at most once per ``check_interval``.
        """
        if self.team_facts is None:
            return
        if force:
            self.sync(force=True)
            return
        if self._background:
            self._ensure_worker()
            return
        now = self._clock()
        if now - self._checked_at >= self._check_interval:
            self._checked_at = now
            self.sync()

    def sync(self, force: bool = False, reuse: Mapping[str, object] | None = None) -> int:
        """Apply every team-fact change since the last sync to the index; returns how many facts changed.

        Reads the revision number; only if it moved (or ``force``) reads the (id, version) of each
        team fact, then the full rows of those added or edited, and updates the index in place,
        taking the entries in ``reuse`` (the index cache, at start) for facts they were made from.
        The index cache is written after a sync that prepared many facts, unless it was forced
        (a forced sync follows a save, on the request path).
        """
        if self.team_facts is None:
            return 0
        from sqlalchemy import select

        from knowledge.store import team_facts as table
        from knowledge.teamfacts import _team_fact

        with self._sync_lock:
            store = self.team_facts.store
            revision = store.revision()
            if revision == self._revision and not force:
                return 0
            with store.engine.connect() as conn:
                # Ids and versions only (no dates to parse): ~10 ms for 10,000 team facts on SQLite.
                active = dict(conn.execute(select(table.c.id, table.c.version)
                                           .where(table.c.deleted_at.is_(None))).all())
                removed = [fact_id for fact_id in self._versions if fact_id not in active]
                changed = [fact_id for fact_id, version in active.items() if self._versions.get(fact_id) != version]
                fresh = []
                for start in range(0, len(changed), 500):
                    chunk = changed[start : start + 500]
                    fresh.extend(_team_fact(row) for row in conn.execute(select(table).where(table.c.id.in_(chunk))))
            fresh = [t for t in fresh if not t.deleted]
            for fact_id in removed:
                del self._versions[fact_id]
                self._team_base.pop(fact_id, None)
            changed_facts = {t.id: t.to_fact() for t in fresh}
            self._team_base.update(changed_facts)
            for team_fact in fresh:
                self._versions[team_fact.id] = team_fact.version
            add = self._with_learning(changed_facts)
            self._unsaved += self.matcher.update(add=add, remove=removed, reuse=reuse)
            self._revision = revision
            if self._index_cache is not None and self._index_cache.worth_saving(self._unsaved) and not force:
                self._index_cache.save(self.matcher.index_entries(self._versions))
                self._unsaved = 0
            return len(fresh) + len(removed)

    def _with_learning(self, changed: dict[str, Fact]) -> list[Fact]:
        """The facts to (re)index: those changed, and those whose approved phrasings or links changed,
        each with its approved phrasings as extra questions and its linked facts as conflicting
        claims; the flags and review dates are refreshed too."""
        if self.reviews is not None:
            self._reviewed = self.reviews.all()
        if self.learning is None:
            return list(changed.values())
        learned = self.learning.approved_phrasings()
        links = self.links.all() if self.links is not None else {}
        self._suppressed = self.learning.suppressed()
        stale = {fact_id for fact_id in learned.keys() | self._learned.keys()
                 if learned.get(fact_id) != self._learned.get(fact_id)}
        stale |= {fact_id for fact_id in links.keys() | self._links.keys()
                  if links.get(fact_id) != self._links.get(fact_id)}
        facts = dict(changed)
        for fact_id in stale - facts.keys():
            base = self._base(fact_id)
            if base is not None:
                facts[fact_id] = base
        self._learned, self._links = learned, links
        return [self._decorated(f, learned, links) for f in facts.values()]

    def _base(self, fact_id: str) -> Fact | None:
        """A fact as curated or stored, before learned phrasings and links."""
        return self._team_base.get(fact_id) or self.factbase.fact(fact_id)

    def _decorated(self, fact: Fact, learned: dict[str, tuple[str, ...]], links: dict[str, tuple[str, ...]]) -> Fact:
        claims = [Claim(o.id, o.answer_en, o.answer_zh, o.quote, o.source, o.as_of)
                  for o in (self._base(other) for other in links.get(fact.id, ())) if o is not None]
        return replace(fact, questions=tuple(dict.fromkeys((*fact.questions, *learned.get(fact.id, ())))),
                       conflicting=(*fact.conflicting, *claims))

    def _ensure_worker(self) -> None:
        pid = os.getpid()
        if self._worker is not None and self._worker_pid == pid and self._worker.is_alive():
            return
        with self._sync_lock:  # a forked child inherits no threads: start one per process
            if self._worker is not None and self._worker_pid == pid and self._worker.is_alive():
                return
            self._worker_pid = pid
            self._worker = threading.Thread(target=self._watch, name="team-facts-sync", daemon=True)
            self._worker.start()

    def _watch(self) -> None:
        while True:
            self._wake.wait(self._check_interval)
            self._wake.clear()
            try:
                self.sync()
            except Exception:  # the database may be briefly unreachable; the next round retries
                logger.exception("could not bring team facts up to date")
