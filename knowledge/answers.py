"""Turn a match into an answer a person can read: text in the asker's language, quote, source.

This is the one shape every surface (command line, JSON, Slack) renders from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.factbase import Fact, Source
from knowledge.matcher import Alternative, Match
from knowledge.normalize import is_traditional, to_traditional


@dataclass(frozen=True)
class Answer:
    question: str
    lang: str
    score: float
    fact: Fact | None
    source: Source | None
    matched_question: str | None
    alternatives: tuple[Alternative, ...]

    @property
    def answered(self) -> bool:
        return self.fact is not None

    @property
    def text(self) -> str | None:
        """The answer in the asker's language; in Traditional characters for a Traditional question."""
        if self.fact is None:
            return None
        text = self.fact.answer(self.lang)
        return to_traditional(text) if self.lang == "zh" and is_traditional(self.question) else text

    @property
    def quote(self) -> str | None:
        return self.fact.quote if self.fact else None


def build_answer(match: Match, sources: dict[str, Source]) -> Answer:
    fact = match.fact
    return Answer(
        question=match.question,
        lang=match.lang,
        score=match.score,
        fact=fact,
        source=sources.get(fact.source) if fact and fact.source else None,
        matched_question=match.matched_question,
        alternatives=match.alternatives,
    )


def source_line(source: Source, as_of: str | None = None) -> str:
    """"Title (English title), Outlet, date" plus the as-of date when the fact has one.

    A title the curators wrote for an article without a headline is marked as such.
    """
    supplied = "; untitled article, title supplied" if source.title_inferred else ""
    parts = [f"{source.title} ({source.title_en}{supplied})"]
    if source.outlet:
        parts.append(source.outlet)
    parts.append(source.date)
    line = ", ".join(parts)
    return f"{line}; as of {as_of}" if as_of else line


def answer_to_json(answer: Answer) -> dict[str, Any]:
    """The ``bot ask --json`` contract (documented in README): one object per question."""
    source = answer.source
    return {
        "question": answer.question,
        "answered": answer.answered,
        "fact_id": answer.fact.id if answer.fact else None,
        "score": answer.score,
        "lang": answer.lang,
        "answer": answer.text,
        "quote": answer.quote,
        "source": (
            {"id": source.id, "title": source.title, "title_en": source.title_en,
             "outlet": source.outlet, "date": source.date}
            if source else None
        ),
        "alternatives": [
            {"fact_id": a.fact_id, "question": a.question, "score": a.score} for a in answer.alternatives
        ],
    }
