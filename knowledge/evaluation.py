"""Scoring a question set in the format of ``../shared/eval/dev.yaml``.

An item either must ``abstain``, or is answerable: it ``expect``s one of several strings
in the answer *text* (compared after NFKC, lower case, Traditional -> Simplified, spaces
and commas removed), and/or names the ``fact`` ids that answer it.  An answer is correct
when its text contains an expected string or the answering fact is one of those named.
The quote does not count: a fact whose quote merely mentions the figure asked for (the
Zhipu fact quoting MiniMax's founding year) is the wrong answer.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from knowledge.answers import Answer
from knowledge.normalize import fold


@dataclass(frozen=True)
class EvalItem:
    question: str
    lang: str
    expect: tuple[str, ...] = ()
    abstain: bool = False
    facts: tuple[str, ...] = ()  # ids of facts that answer it (``fact:`` in the file)


@dataclass
class EvalReport:
    correct: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    total: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    abstained: int = 0
    out_of_scope: int = 0
    misses: list[tuple[EvalItem, Answer]] = field(default_factory=list)

    @property
    def accuracy(self) -> float:
        answerable = sum(self.total.values())
        return sum(self.correct.values()) / answerable if answerable else 1.0

    @property
    def abstention(self) -> float:
        return self.abstained / self.out_of_scope if self.out_of_scope else 1.0


def load_eval(path: Path) -> list[EvalItem]:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    items = []
    for n, raw in enumerate(data.get("items") or [], 1):
        if not isinstance(raw, dict) or not isinstance(raw.get("q"), str):
            raise ValueError(f"{path}: item #{n} needs a 'q' string")
        if not raw.get("abstain") and not raw.get("expect") and not raw.get("fact"):
            raise ValueError(f"{path}: item #{n} ({raw['q']!r}) needs 'expect', 'fact' or 'abstain: true'")
        fact_ids = raw.get("fact") or ()
        items.append(EvalItem(raw["q"], str(raw.get("lang", "en")), tuple(map(str, raw.get("expect") or ())),
                              bool(raw.get("abstain")),
                              (fact_ids,) if isinstance(fact_ids, str) else tuple(map(str, fact_ids))))
    return items


def _comparable(text: str) -> str:
    return re.sub(r"[\s,]", "", fold(text))


def is_correct(item: EvalItem, answer: Answer) -> bool:
    if item.abstain:
        return not answer.answered
    if not answer.answered:
        return False
    if item.facts and set(item.facts) & answering_facts(answer):
        return True
    haystack = _comparable(answer.text or "")
    return any(_comparable(e) in haystack for e in item.expect)


def answering_facts(answer: Answer) -> set[str]:
    """The ids of the facts an answer gives: one, or every side of a comparison."""
    facts = getattr(answer, "facts", None) or ((answer.fact,) if answer.fact else ())
    return {f.id for f in facts}


def evaluate(items: list[EvalItem], ask: Callable[[str], Answer]) -> EvalReport:
    report = EvalReport()
    for item in items:
        answer = ask(item.question)
        ok = is_correct(item, answer)
        if item.abstain:
            report.out_of_scope += 1
            report.abstained += ok
        else:
            report.total[item.lang] += 1
            report.correct[item.lang] += ok
        if not ok:
            report.misses.append((item, answer))
    return report
