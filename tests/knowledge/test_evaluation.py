"""Scoring question sets honestly: the answer text counts, not the quote; items may name facts."""

from knowledge.answers import Answer
from knowledge.evaluation import EvalItem, is_correct, load_eval
from knowledge.factbase import Fact


def answer(text: str, quote: str = "", fact_id: str = "f1") -> Answer:
    fact = Fact(id=fact_id, questions=("q?",), answer_en=text, answer_zh=text, quote=quote)
    return Answer(question="q?", lang="en", score=80.0, fact=fact, source=None, matched_question=None,
                  alternatives=())


def test_the_expected_string_must_be_in_the_answer_text_not_the_quote():
    item = EvalItem("When was MiniMax founded?", "en", expect=("2022",))
    assert is_correct(item, answer("MiniMax got started in early 2022."))
    assert not is_correct(item, answer("Zhipu AI was founded in 2019.", quote="MiniMax于2022年初起步"))


def test_an_item_may_name_the_facts_that_answer_it(tmp_path):
    path = tmp_path / "set.yaml"
    path.write_text("items:\n- {q: 'Who?', lang: en, fact: [f1, f2]}\n- {q: 'Which?', lang: en, fact: f3}\n",
                    encoding="utf-8")
    first, second = load_eval(path)
    assert first.facts == ("f1", "f2") and second.facts == ("f3",)
    assert is_correct(first, answer("anything", fact_id="f2"))
    assert not is_correct(second, answer("anything", fact_id="f2"))


def test_abstention_items_want_no_answer():
    item = EvalItem("tell me a joke", "en", abstain=True)
    assert not is_correct(item, answer("a joke"))
