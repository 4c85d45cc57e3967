"""The question-answering service: curated and team facts, one matcher, answers in the asker's language.

The index is built once and swapped whole when team facts change.  A change made in
this process is answerable at once (``refresh(force=True)`` after a save); a change
made by another process is picked up within ``check_interval`` seconds, because each
question checks the database's revision number at most that often.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

from knowledge.answers import Answer, build_answer
from knowledge.factbase import Fact, FactBase, Source
from knowledge.matcher import Matcher, Policy
from knowledge.normalize import Normalizer

if TYPE_CHECKING:  # SQLAlchemy costs ~0.3 s to import; `bot ask` never needs it
    from knowledge.teamfacts import TeamFacts


class QuestionAnswerer:
    def __init__(
        self,
        factbase: FactBase,
        team_facts: TeamFacts | None = None,
        policy: Policy | None = None,
        check_interval: float = 1.0,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.factbase = factbase
        self.team_facts = team_facts
        self.policy = policy or Policy()
        self._normalizer = Normalizer(factbase.aliases)
        self._check_interval, self._clock = check_interval, clock
        self._lock = threading.Lock()
        self._revision: int | None = None
        self._checked_at = float("-inf")
        self.matcher = self._build([])
        if team_facts is not None:
            self.refresh(force=True)

    @property
    def threshold(self) -> float:
        return self.policy.threshold

    def ask(self, question: str) -> Answer:
        self.refresh()
        return build_answer(self.matcher.match(question), self.factbase.sources)

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

    def refresh(self, force: bool = False) -> None:
        """Rebuild the index if team facts changed (checked at most once per ``check_interval``)."""
        if self.team_facts is None:
            return
        now = self._clock()
        if not force and now - self._checked_at < self._check_interval:
            return
        with self._lock:
            self._checked_at = now
            revision = self.team_facts.store.revision()
            if revision == self._revision and not force:
                return
            team = [t.to_fact() for t in self.team_facts.active()]
            self.matcher = self._build(team)
            self._revision = revision

    def _build(self, team: list[Fact]) -> Matcher:
        return Matcher([*self.factbase.facts, *team], self.factbase.aliases, policy=self.policy,
                       normalizer=self._normalizer)
