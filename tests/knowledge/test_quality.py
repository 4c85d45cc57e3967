"""The quality bar, measured on question sets: fails if accuracy or abstention drops below it.

Held-out sets report only their figures when they fail, never which questions missed: their
misses are not to be read while developing (``bot eval`` on a tuning set shows those).
"""

import re
from pathlib import Path

import pytest
import yaml

from knowledge.evaluation import evaluate, load_eval
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer

EVAL_DIR = Path(__file__).resolve().parents[1] / "eval"
DEV = Path(__file__).resolve().parents[3] / "shared" / "eval" / "dev.yaml"
HELD_OUT = [EVAL_DIR / "heldout.yaml", EVAL_DIR / "natural.yaml"]
MIN_ACCURACY, MIN_ABSTENTION = 0.95, 0.90


@pytest.fixture(scope="module")
def qa():
    return QuestionAnswerer(load_factbase())


# (set, accuracy floor, abstention floor).  The natural set (plain first-week questions) is not yet at
# the bar: its floor is where it stands, so it cannot slip back; the target is 97% / 95%.
BARS = [(HELD_OUT[0], MIN_ACCURACY, MIN_ABSTENTION), (HELD_OUT[1], 0.862, 0.925), (DEV, MIN_ACCURACY, MIN_ABSTENTION)]


@pytest.mark.parametrize("path, min_accuracy, min_abstention", BARS, ids=["heldout", "natural", "dev"])
def test_question_set_meets_the_bar(qa, path, min_accuracy, min_abstention):
    if not path.exists():
        pytest.skip(f"{path} not present on this machine")
    report = evaluate(load_eval(path), qa.ask)
    # (plain floats, compared below: an assertion on the report itself would print its misses when it fails)
    accuracy, abstention = report.accuracy, report.abstention
    figures = f"accuracy {accuracy:.1%}, abstention {abstention:.1%}"
    if path in HELD_OUT:
        detail = figures
    else:
        detail = [f"{item.question!r} -> {answer.fact.id if answer.fact else 'abstained'}"
                  for item, answer in report.misses]
    assert accuracy >= min_accuracy, detail
    assert abstention >= min_abstention, detail


def test_held_out_set_is_big_and_mixed():
    items = load_eval(EVAL_DIR / "heldout.yaml")
    assert len(items) >= 120
    assert {"en", "zh", "zh-hant"} <= {i.lang for i in items}
    assert sum(i.abstain for i in items) >= 20


def test_no_fact_phrasing_copies_an_evaluation_question():
    norm = lambda s: re.sub(r"\s+", " ", s.strip().lower())  # noqa: E731
    sets = [path for path in (*HELD_OUT, DEV) if path.exists()]
    questions = {norm(i.question) for path in sets for i in load_eval(path)}
    # ... nor a turn of the held-out conversation scripts
    if (EVAL_DIR / "conversations.yaml").exists():
        scripts = yaml.safe_load((EVAL_DIR / "conversations.yaml").read_text(encoding="utf-8"))["scripts"]
        questions |= {norm(turn["say"]) for script in scripts for turn in script["turns"]}
    copies = sorted({f.id for f in load_factbase().facts for q in f.questions if norm(q) in questions})
    assert copies == [], f"facts with a phrasing copied from an evaluation set: {copies}"
