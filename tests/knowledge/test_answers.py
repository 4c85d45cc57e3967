from dataclasses import replace
from types import SimpleNamespace

from knowledge.answers import Answer, answer_to_json, build_answer, source_line
from knowledge.factbase import Claim, Fact, Source

FACT = Fact(id="f", questions=("q",), answer_en="MiniMax has 385 staff.", answer_zh="MiniMax 有385名员工。",
            quote="员工共有385名", source="s", as_of="2025-09")
SOURCE = Source(id="s", title="标题", title_en="Title", outlet=None, date="approx. 2026-02", file="a.txt",
                title_inferred=True)


def answer(question: str, lang: str) -> Answer:
    return Answer(question=question, lang=lang, score=90.0, fact=FACT, source=SOURCE, matched_question="q",
                  alternatives=())


def test_answer_language_follows_the_question_and_its_script():
    assert answer("How many staff?", "en").text == "MiniMax has 385 staff."
    assert answer("MiniMax 有多少员工?", "zh").text == "MiniMax 有385名员工。"
    assert answer("MiniMax 有多少員工?", "zh").text == "MiniMax 有385名員工。"


def test_source_line_names_outlet_date_as_of_and_a_supplied_title():
    expected = "标题 (Title; untitled article, title supplied), approx. 2026-02; as of 2025-09"
    assert source_line(SOURCE, "2025-09") == expected


def test_json_shape():
    data = answer_to_json(answer("How many staff?", "en"))
    assert data["source"] == {"id": "s", "title": "标题", "title_en": "Title", "outlet": None,
                              "date": "approx. 2026-02"}
    assert data["quote"] == "员工共有385名" and data["answered"] is True


OTHER_SOURCE = Source(id="o", title="另一篇", title_en="Other", outlet="财经天下WEEKLY", date="approx. 2026-02",
                      file="b.txt")
CONFLICTING = replace(
    FACT, conflicts=("g",),
    conflicting=(Claim(fact_id="g", answer_en="Another article says 390 staff.", answer_zh="另一篇文章说有390名员工。",
                       quote="员工共有390名", source="o", as_of="approx. 2026-02"),),
)


def conflicted(question: str, lang: str) -> Answer:
    match = SimpleNamespace(question=question, lang=lang, score=90.0, fact=CONFLICTING, matched_question="q",
                            alternatives=())
    return build_answer(match, {"s": SOURCE, "o": OTHER_SOURCE})


def test_the_other_side_of_a_conflict_comes_with_the_answer():
    answer = conflicted("How many staff?", "en")
    [conflict] = answer.conflicts
    assert conflict.source == OTHER_SOURCE and answer.conflict_text(conflict) == "Another article says 390 staff."


def test_json_lists_conflicts_with_their_quote_and_source():
    data = answer_to_json(conflicted("MiniMax 有多少員工?", "zh"))
    assert data["as_of"] == "2025-09"
    assert data["conflicts"] == [{
        "fact_id": "g", "answer": "另一篇文章說有390名員工。", "quote": "员工共有390名", "as_of": "approx. 2026-02",
        "source": {"id": "o", "title": "另一篇", "title_en": "Other", "outlet": "财经天下WEEKLY",
                   "date": "approx. 2026-02"},
    }]
    assert answer_to_json(answer("How many staff?", "en"))["conflicts"] == []
