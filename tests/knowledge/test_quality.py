"""The quality bar, measured on question sets: fails if accuracy or abstention drops below it."""

import re
from pathlib import Path

import pytest

from knowledge.evaluation import evaluate, load_eval
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.yaml"
MIN_ACCURACY, MIN_ABSTENTION = 0.95, 0.90


@pytest.fixture(scope="module")
def qa():
    return QuestionAnswerer(load_factbase())


@pytest.mark.parametrize("path", [EVAL_DIR / "heldout.yaml", DEV], ids=["heldout", "dev"])
def test_question_set_meets_the_bar(qa, path):
    if not path.exists():
        pytest.skip(f"{path} not present on this machine")
    report = evaluate(load_eval(path), qa.ask)
    misses = [f"{item.question!r} -> {answer.fact.id if answer.fact else 'abstained'}"
              for item, answer in report.misses]
    assert report.accuracy >= MIN_ACCURACY, misses
    assert report.abstention >= MIN_ABSTENTION, misses


def test_held_out_set_is_big_and_mixed():
    items = load_eval(EVAL_DIR / "heldout.yaml")
    assert len(items) >= 120
    assert {"en", "zh", "zh-hant"} <= {i.lang for i in items}
    assert sum(i.abstain for i in items) >= 20


def test_no_fact_phrasing_copies_an_evaluation_question():
    norm = lambda s: re.sub(r"\s+", " ", s.strip().lower())  # noqa: E731
    sets = [EVAL_DIR / "heldout.yaml"] + ([DEV] if DEV.exists() else [])
    questions = {norm(i.question) for path in sets for i in load_eval(path)}
    copies = [(f.id, q) for f in load_factbase().facts for q in f.questions if norm(q) in questions]
    assert copies == []
