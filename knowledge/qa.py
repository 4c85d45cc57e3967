"""The question-answering service: a fact base, its matcher, and answers in the asker's language."""

from __future__ import annotations

from knowledge.answers import Answer, build_answer
from knowledge.factbase import Fact, FactBase, Source
from knowledge.matcher import DEFAULT_MARGIN, DEFAULT_THRESHOLD, Matcher


class QuestionAnswerer:
    """Builds the index once; ``ask`` never re-processes the fact base."""

    def __init__(self, factbase: FactBase, threshold: float = DEFAULT_THRESHOLD, margin: float = DEFAULT_MARGIN):
        self.factbase = factbase
        self.matcher = Matcher(factbase.facts, factbase.aliases, threshold=threshold, margin=margin)

    @property
    def threshold(self) -> float:
        return self.matcher.threshold

    def ask(self, question: str) -> Answer:
        return build_answer(self.matcher.match(question), self.factbase.sources)

    def fact(self, fact_id: str) -> Fact | None:
        return self.matcher.fact(fact_id)

    def source_of(self, fact: Fact) -> Source | None:
        return self.factbase.sources.get(fact.source) if fact.source else None
