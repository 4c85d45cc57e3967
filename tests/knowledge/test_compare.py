"""Comparisons: figures read from answers, which side is larger, the combined text."""

from knowledge.answers import build_answer
from knowledge.compare import Comparison, Side, comparison_answer, figure_of
from knowledge.factbase import Fact, load_factbase
from knowledge.matcher import Matcher


def test_figures_are_read_with_their_unit():
    assert figure_of("MiniMax's revenue rose to US$30.52 million in 2024.", "revenue").value == 30.52e6
    assert figure_of("MiniMax's revenue rose to US$30.52 million in 2024.", "revenue").kind == "USD"
    assert figure_of("a market value of about HK$53.9 billion", "market_cap").kind == "HKD"
    assert figure_of("a gross margin of 69.4% in 2025", "gross_margin").value == 69.4
    users = figure_of("had 311,100 paying users (31.11万)", "users")
    assert users.value == 311_100 and users.kind == "count:users"
    assert figure_of("founded in 2019", "revenue") is None  # a year is no amount


def fact(fact_id: str, answer: str, as_of: str | None = None) -> Fact:
    return Fact(id=fact_id, questions=("q?",), answer_en=answer, answer_zh=answer, as_of=as_of)


def test_the_larger_figure_is_named_and_a_missing_side_is_said():
    a = Side("a", "Acme", fact("a", "Acme earned US$5 million."), 80, figure_of("US$5 million", "revenue"))
    b = Side("b", "Bolt", fact("b", "Bolt earned US$7 million."), 75, figure_of("US$7 million", "revenue"))
    both = Comparison("revenue", "revenue", "营收", (a, b), larger="b")
    assert both.text("en").splitlines()[0] == "Acme: Acme earned US$5 million."
    assert "Bolt is ahead on revenue: Acme US$5 million vs Bolt US$7 million." in both.text("en")
    lacking = Comparison("revenue", "revenue", "营收", (a, Side("b", "Bolt", None, 0.0)))
    assert "I have no fact on the revenue of Bolt." in lacking.text("en")
    assert "Bolt的营收" in lacking.text("zh")


def test_a_comparison_answer_carries_every_side():
    base = load_factbase()
    matcher = Matcher(base.facts, base.aliases)
    match = matcher.match("Hailuo 和 Talkie 哪個付費用戶多?")
    answer = comparison_answer(build_answer(match, base.sources), match.comparison)
    assert {f.id for f in answer.facts} == {"minimax-hailuo-ai-paying-users", "minimax-talkie-xingye-paying-users"}
    assert "31.11萬" in answer.text and "139.04萬" in answer.text  # both sides, in Traditional characters
    assert match.comparison.to_json()["larger"] == "talkie"
    # a Chinese reply names each side as Chinese does, not "Hailuo:" / "Talkie:"
    assert answer.text.startswith("海螺:") and "星野的用戶領先" in answer.text


def test_two_years_of_one_subject_are_set_side_by_side():
    from knowledge.factbase import load_factbase
    from knowledge.qa import QuestionAnswerer

    qa = QuestionAnswerer(load_factbase())
    answer = qa.ask("minimax net loss 2022 vs 2023")
    sides = answer.comparison.sides
    assert [s.subject for s in sides] == ["2022", "2023"] and answer.comparison.larger == "2023"
    assert "7373" in answer.text.replace(",", "") and "269" in answer.text and "highest in 2023" in answer.text
    assert qa.ask("MiniMax 2023年和2024年营收对比").comparison.larger == "2024"


def test_the_one_fact_telling_the_attribute_is_a_side_even_when_worded_otherwise():
    # "started first": Zhipu's founding fact shares no word with it, yet it is Zhipu's only founding fact
    base = load_factbase()
    match = Matcher(base.facts, base.aliases).match("zhipu vs minimax which started first")
    sides = {side.subject: side.fact.id if side.fact else None for side in match.comparison.sides}
    assert sides == {"zhipu": "zhipu-ai-founded-2019", "minimax": "minimax-founded-early-2022"}
    assert match.comparison.label_en == "founding date"


def test_a_side_told_by_one_fact_stands_however_little_wording_it_shares():
    base = load_factbase()
    match = Matcher(base.facts, base.aliases).match("智谱比MiniMax早成立几年?")
    sides = {side.subject: side.fact.id if side.fact else None for side in match.comparison.sides}
    assert sides == {"zhipu": "zhipu-ai-founded-2019", "minimax": "minimax-founded-early-2022"}


def test_dates_compare_by_which_came_first():
    from knowledge.compare import Side, _first, figure_of

    zhipu = figure_of("Zhipu AI (智谱AI) was founded in 2019.", "founded")
    minimax = figure_of("MiniMax got started in early 2022; Yan Junjie left SenseTime at the end of 2021.", "founded")
    hailuo = figure_of("Hailuo 02 came out in June 2025, Hailuo 2.3 in October 2025.", "release")
    assert (zhipu.kind, zhipu.text, minimax.text, hailuo.text) == ("date", "2019", "2022", "June 2025")
    sides = [Side("minimax", "MiniMax", None, 0, minimax), Side("zhipu", "Zhipu", None, 0, zhipu)]
    assert _first(sides) == "zhipu"
    assert _first([sides[0], Side("kimi", "Kimi", None, 0, minimax)]) is None  # a tie names no one


def test_cheaper_asks_the_price_of_each_side():
    base = load_factbase()
    matcher = Matcher(base.facts, base.aliases)
    match = matcher.match("which is cheaper, GPT-5 or MiniMax M2?")
    assert match.comparison is not None
    assert {side.fact.id for side in match.comparison.sides} == {"openai-gpt-5-price", "minimax-m2-price"}


def test_a_fact_setting_the_missing_side_beside_its_own_answers_alone():
    # the base has no price of Claude's, but M2's price fact names Claude's ("8% of Claude Sonnet 4.5")
    base = load_factbase()
    match = Matcher(base.facts, base.aliases).match("is minimax m2 cheaper than claude")
    assert match.comparison is None and match.fact.id == "minimax-m2-api-price-vs-claude-sonnet-4-5"


def test_older_of_two_companies_compares_when_they_were_founded():
    base = load_factbase()
    matcher = Matcher(base.facts, base.aliases)
    for question in ("Who is older, Zhipu or MiniMax?", "MiniMax和智谱哪个更老?"):
        match = matcher.match(question)
        assert match.comparison is not None and match.comparison.attribute == "founded", question
    assert matcher.read("Who is older, Yan Junjie or Yang Zhilin?").specific_attributes[:1] != ("founded",)


def test_the_words_saying_which_way_two_sides_compare_are_no_sides_words():
    """"哪个用户更多": 更多 is in no side's fact; each side is asked its users, so Hailuo's paying users stand."""
    base = load_factbase()
    match = Matcher(base.facts, base.aliases).match("星野和海螺哪个用户更多?")
    assert match.comparison is not None and not match.comparison.missing
    assert {side.fact.id for side in match.comparison.sides} == {"minimax-talkie-xingye-paying-users",
                                                                 "minimax-hailuo-ai-paying-users"}
