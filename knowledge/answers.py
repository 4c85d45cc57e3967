"""Turn a match into an answer a person can read: text in the asker's language, quote, source.

This is the one shape every surface (command line, JSON, Slack) renders from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from knowledge.factbase import Claim, Fact, Source
from knowledge.matcher import Alternative, Match, Whose
from knowledge.normalize import is_traditional, to_traditional


@dataclass(frozen=True)
class Conflict:
    """The other side of a disagreement: a fact giving a different figure or account, with its source."""

    claim: Claim
    source: Source | None


@dataclass(frozen=True)
class Answer:
    question: str
    lang: str
    score: float
    fact: Fact | None
    source: Source | None
    matched_question: str | None
    alternatives: tuple[Alternative, ...]
    conflicts: tuple[Conflict, ...] = ()  # shown with the answer: what other articles say about the same thing
    review: str | None = None  # "as of 2025-10; not reviewed since" when the fact is past its review date
    whose: Whose | None = None  # not answered because the question names no subject and several have it

    @property
    def answered(self) -> bool:
        return self.fact is not None

    @property
    def text(self) -> str | None:
        """The answer in the asker's language; in Traditional characters for a Traditional question."""
        if self.fact is None:
            return None
        return self.localise(self.fact.answer(self.lang))

    def conflict_text(self, conflict: Conflict) -> str:
        """The other side's answer, in the asker's language and script."""
        return self.localise(conflict.claim.answer(self.lang))

    def localise(self, text: str) -> str:
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
        conflicts=tuple(Conflict(claim, sources.get(claim.source) if claim.source else None)
                        for claim in (fact.conflicting if fact else ())),
        whose=getattr(match, "whose", None),
    )


def whose_text(answer: Answer) -> str | None:
    """For a question naming no subject that several facts' subjects answer ("revenue?"): ask whose."""
    whose = answer.whose
    if whose is None:
        return None
    if answer.lang == "zh":
        names = "、".join(whose.subjects)
        return answer.localise(f"你问的是谁的{whose.attribute}？我有{names}的，请带上名称再问一次。")
    names = whose.subjects[0] if len(whose.subjects) == 1 else \
        f"{', '.join(whose.subjects[:-1])} and {whose.subjects[-1]}"
    return f"Whose {whose.attribute}? I have it for {names}: ask again with the name."


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
    comparison = getattr(answer, "comparison", None)  # a ComparisonAnswer (knowledge.compare)
    return {
        "question": answer.question,
        "answered": answer.answered,
        "fact_id": answer.fact.id if answer.fact else None,
        "score": answer.score,
        "lang": answer.lang,
        "answer": answer.text,
        "quote": answer.quote,
        "source": source_to_json(answer.source),
        "as_of": answer.fact.as_of if answer.fact else None,
        "alternatives": [
            {"fact_id": a.fact_id, "question": a.question, "score": a.score} for a in answer.alternatives
        ],
        "conflicts": [
            {"fact_id": c.claim.fact_id, "answer": answer.conflict_text(c), "quote": c.claim.quote,
             "source": source_to_json(c.source), "as_of": c.claim.as_of}
            for c in answer.conflicts
        ],
        "comparison": comparison.to_json() if comparison is not None else None,
        "review": answer.review,
        "whose": {"attribute": answer.whose.attribute, "subjects": list(answer.whose.subjects)}
        if answer.whose is not None else None,
    }


def source_to_json(source: Source | None) -> dict[str, Any] | None:
    if source is None:
        return None
    return {"id": source.id, "title": source.title, "title_en": source.title_en, "outlet": source.outlet,
            "date": source.date}
