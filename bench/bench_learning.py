"""What the learning loop buys: answer rate before and after simulated users teach the bot.

    python bench/bench_learning.py [FILE ...]      (default: tests/eval/natural.yaml tests/eval/heldout.yaml)

Every answerable question is asked; when the bot does not answer it right but offers the right
fact among its suggestions, two simulated users pick it (LEARN_AUTO_APPROVE's default), which
approves the question as a phrasing.  Then every question is asked again.  Reported: answerable
questions answered right before and after, and out-of-scope questions still refused (learning
must not make the bot guess).  The expected fact is the one that answers the question right
(``expect`` strings in its answer text); questions no fact answers right are counted but cannot
be taught by a pick.  Runs on a scratch SQLite database; the curated base is not changed.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import is_correct, load_eval  # noqa: E402
from knowledge.factbase import load_factbase  # noqa: E402
from knowledge.learning import Learning  # noqa: E402
from knowledge.qa import QuestionAnswerer  # noqa: E402
from knowledge.store import Store  # noqa: E402
from knowledge.teamfacts import TeamFacts  # noqa: E402


def right_fact(qa: QuestionAnswerer, item, alternatives) -> str | None:
    """The suggested fact a user who knows the answer would pick: one whose answer text is right."""
    for alternative in alternatives:
        fact = qa.fact(alternative.fact_id)
        if fact is not None and any(_has(fact.answer(lang), item.expect) for lang in ("en", "zh")):
            return fact.id
    return None


def _has(text: str, expected) -> bool:
    from knowledge.evaluation import _comparable

    return any(_comparable(e) in _comparable(text) for e in expected)


def score(qa: QuestionAnswerer, items) -> tuple[int, int, int, int]:
    right = refused = 0
    for item in items:
        answer = qa.ask(item.question)
        if item.abstain:
            refused += not answer.answered
        else:
            right += is_correct(item, answer)
    answerable = sum(not i.abstain for i in items)
    return right, answerable, refused, len(items) - answerable


def main() -> None:
    files = sys.argv[1:] or [str(ROOT / "tests/eval/natural.yaml"), str(ROOT / "tests/eval/heldout.yaml")]
    items = [item for f in files for item in load_eval(Path(f))]
    with tempfile.TemporaryDirectory() as scratch:
        store = Store(f"sqlite:///{Path(scratch) / 'learning.sqlite3'}")
        learning = Learning(store)
        qa = QuestionAnswerer(load_factbase(), TeamFacts(store), learning=learning, background=False)
        before = score(qa, items)
        taught = unteachable = 0
        for item in items:
            if item.abstain:
                continue
            answer = qa.ask(item.question)
            if is_correct(item, answer):
                continue
            fact_id = right_fact(qa, item, answer.alternatives)
            fact = qa.fact(fact_id) if fact_id else None
            if fact is None or not qa.may_learn(item.question, fact):
                unteachable += 1
                continue
            for user in ("USIM0001", "USIM0002"):
                learning.record_pick(item.question, fact_id, user)
            taught += 1
        qa.refresh(force=True)
        after = score(qa, items)
        store.dispose()
    print(f"question sets: {', '.join(Path(f).name for f in files)} ({len(items)} questions)")
    print(f"before learning: {before[0]}/{before[1]} answerable right ({before[0] / before[1]:.1%}), "
          f"{before[2]}/{before[3]} out-of-scope refused ({before[2] / before[3]:.1%})")
    print(f"taught by picks: {taught} questions; not teachable by a pick (right fact not suggested, or the "
          f"question names something the fact does not): {unteachable}")
    print(f"after learning:  {after[0]}/{after[1]} answerable right ({after[0] / after[1]:.1%}), "
          f"{after[2]}/{after[3]} out-of-scope refused ({after[2] / after[3]:.1%})")


if __name__ == "__main__":
    main()
