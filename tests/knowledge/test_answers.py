from knowledge.answers import Answer, answer_to_json, source_line
from knowledge.factbase import Fact, Source

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
