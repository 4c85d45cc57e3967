"""Matching: entity and version guards, abstention, alternatives, languages."""

import pytest

from knowledge.factbase import Aliases, Fact, load_factbase
from knowledge.matcher import Matcher


def fact(fact_id: str, *questions: str, answer: str = "answer") -> Fact:
    return Fact(id=fact_id, questions=questions, answer_en=answer, answer_zh=answer)


ALIASES = Aliases(
    entities={"minimax": ("MiniMax", "稀宇"), "kimi": ("Kimi", "月之暗面", "Moonshot"), "openai": ("OpenAI",)},
    terms={"price": ("价格", "price", "cost"), "valuation": ("估值", "valuation", "worth")},
)
SMALL = [
    fact("m2-price", "What is the price of MiniMax M2?", "MiniMax M2 价格", "m2 api price per million tokens"),
    fact("m1-cost", "What did MiniMax M1 cost to train?", "MiniMax M1 训练成本"),
    fact("gpt5-price", "How much does OpenAI GPT-5 cost?", "GPT-5 price per million tokens"),
    fact("v32-release", "When was DeepSeek V3.2 released?", "DeepSeek V3.2 发布时间"),
    fact("minimax-valuation", "What is MiniMax's valuation?", "MiniMax 估值多少"),
    fact("kimi-cash", "How much cash does Kimi have?", "月之暗面 现金"),
]


@pytest.fixture(scope="module")
def small():
    return Matcher(SMALL, ALIASES)


@pytest.fixture(scope="module")
def real():
    base = load_factbase()
    return Matcher(base.facts, base.aliases)


def test_exact_and_reworded_questions_match(small):
    assert small.match("what's the price of minimax m2").fact.id == "m2-price"
    assert small.match("MiniMax M2 的价格是多少?").fact.id == "m2-price"


def test_model_version_guard(small):
    assert small.match("What is the price of MiniMax M1?").fact.id == "m1-cost"  # never the M2 price
    assert small.match("How much does OpenAI GPT-4 cost?").fact is None
    assert small.match("gpt 5 price").fact.id == "gpt5-price"
    assert small.match("When was DeepSeek V3 released?").fact is None


def test_company_guard(small):
    """A question about Kimi never gets MiniMax's valuation, even though "valuation" matches."""
    assert small.match("What is Kimi's valuation?").fact is None
    assert small.match("月之暗面的估值是多少").fact is None


def test_abstains_on_unrelated_and_chit_chat(small):
    for question in ("What's the weather like in Shenzhen?", "hi", "thanks!", "What's 2 + 2?", ""):
        assert small.match(question).fact is None, question


def test_vague_question_abstains_with_alternatives(real):
    match = real.match("What about Yan Junjie?")
    assert match.fact is None
    assert 1 <= len(match.alternatives) <= 3
    assert len({a.fact_id for a in match.alternatives}) == len(match.alternatives)


def test_alternatives_exclude_the_answer(real):
    match = real.match("How many employees does MiniMax have?")
    assert match.fact is not None
    assert match.fact.id not in {a.fact_id for a in match.alternatives}
    assert len(match.alternatives) <= 3


def test_traditional_and_simplified_find_the_same_fact(real):
    simplified = real.match("闫俊杰今年几岁?")
    traditional = real.match("閆俊傑今年幾歲?")
    assert simplified.fact is not None and simplified.fact.id == traditional.fact.id
    assert simplified.lang == traditional.lang == "zh"


def test_typos_are_tolerated(real):
    assert "385" in real.match("how many employes does minimax hav?").fact.answer_en


def test_near_miss_companies_and_models_abstain(real):
    for question in ("What is Tencent's revenue?", "When will GPT-6 be released?",
                     "How many employees does Zhipu have?", "What is Moonshot AI's valuation?"):
        assert real.match(question).fact is None, question


def test_search_ranks_without_abstaining(real):
    results = real.search("MiniMax revenue", 5)
    assert len(results) == 5 and all(score > 0 for _, score in results)
