"""Contradictions on add: a new team fact that tells the same thing about the same subject as an
existing fact, with other figures ("385 employees" vs "400 employees").

The person adding it is warned like for a duplicate; if they save it anyway, the two are linked
(``fact_links``) and every answer from either shows the other, as curated ``conflicts`` do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.exc import IntegrityError

from knowledge.factbase import Fact
from knowledge.figures import figures, same_value
from knowledge.store import Store, fact_links, utcnow

CANDIDATES = 10  # the best-ranked facts for the new question are the ones it could contradict


@dataclass(frozen=True)
class Contradiction:
    fact: Fact
    figures: tuple[str, ...]  # the existing fact's figures, as written


def contradictions(qa, question: str, answer: str) -> list[Contradiction]:
    """Existing facts about the new question's subject, of its attribute, whose figures all differ."""
    new = [v for f in figures(answer) if not f.date_part for v in f.values]
    explanation = qa.explain(question)
    reading = explanation.reading
    attribute = reading.specific_attributes[0] if reading.specific_attributes else None
    if not new or not attribute or not reading.subjects:
        return []
    found = []
    for scored in explanation.candidates[:CANDIDATES]:
        entry = scored.entry
        if entry.attribute != attribute or not set(entry.about) & set(reading.subjects):
            continue
        old = [f for f in figures(scored.fact.answer_en) if not f.date_part]
        if old and not any(same_value(a, b) for a in new for f in old for b in f.values):
            found.append(Contradiction(scored.fact, tuple(f.text for f in old)))
    return found[:3]


class Links:
    """Pairs of facts that disagree and were both kept; read by the answerer in every worker."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow):
        self.store = store
        self.clock = clock

    def link(self, fact_id: str, other_id: str, by: str) -> None:
        with self.store.transaction() as conn:
            for a, b in ((fact_id, other_id), (other_id, fact_id)):
                try:
                    with conn.begin_nested():
                        conn.execute(insert(fact_links).values(fact_id=a, other_id=b, created_by=by[:80],
                                                               created_at=self.clock()))
                except IntegrityError:
                    pass
            self.store.bump_revision(conn)

    def all(self) -> dict[str, tuple[str, ...]]:
        with self.store.engine.connect() as conn:
            rows = conn.execute(select(fact_links.c.fact_id, fact_links.c.other_id)).all()
        linked: dict[str, list[str]] = {}
        for fact_id, other_id in rows:
            linked.setdefault(fact_id, []).append(other_id)
        return {fact_id: tuple(others) for fact_id, others in linked.items()}
