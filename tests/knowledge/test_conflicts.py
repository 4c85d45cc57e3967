"""The disagreements between the articles (issue 9) are linked, and every reply shows both sides."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from knowledge.answers import answer_to_json
from knowledge.factbase import load_factbase
from knowledge.figures import values
from knowledge.qa import QuestionAnswerer

ROOT = Path(__file__).resolve().parents[2]
# (fact, the fact giving the other figure or account)
DISAGREEMENTS = [
    ("minimax-cash-runway-53-months", "minimax-monthly-cash-burn"),  # 53 months vs ~39.5 implied by the burn
    ("minimax-cumulative-spend-vs-openai", "minimax-cumulative-net-loss-2022-2025"),  # ~US$500M vs ~US$1.32B
    ("openai-annual-loss-50-billion", "openai-cumulative-spend"),  # ~US$50B a year vs US$40-55B to date
    ("minimax-m2-daily-token-usage-vs-openai-google", "minimax-m2-openrouter-share-ranking"),  # far exceeds vs par
    ("minimax-cumulative-spend-vs-openai", "minimax-training-cost-2-percent-of-openai"),  # 1% vs 2% of OpenAI
    ("minimax-founded-early-2022", "yan-junjie-left-sensetime-founded-minimax"),  # early 2022 vs end of 2021
    ("minimax-founded-early-2022", "minimax-angel-round-amount"),  # early 2022 vs a December 2021 angel round
    ("minimax-video-positive-cash-flow", "minimax-net-loss-2025-9m"),  # inferred cash flow vs a US$512M loss
    ("yan-junjie-sensetime-career", "yan-junjie-joined-sensetime-after-phd"),  # during vs after his PhD
    ("dario-amodei-yan-junjie-baidu-interns", "yan-junjie-sensetime-career"),  # Baidu intern vs SenseTime intern
    ("talkie-overseas-version-of-xingye", "minimax-talkie-xingye"),  # which came first
    ("jensen-huang-nanoseconds-behind", "jensen-huang-nanometre-behind"),  # 几纳秒 vs 纳米级
    ("minimax-m2-openrouter-80b-daily-combined", "minimax-m2-openrouter-80b-calls"),  # daily tokens vs calls
    ("minimax-valuation-4-billion", "minimax-pre-ipo-valuation"),  # US$4B vs over US$4.2B
    ("minimax-valuation-4-billion", "minimax-valuation-sought-5-6bn"),  # US$4B vs US$5-6B sought
    ("minimax-text-01-linear-attention", "minimax-product-evolution-talkie-hailuo"),  # after R1's breakout vs after V3
]


@pytest.fixture(scope="module")
def base():
    return load_factbase()


@pytest.fixture(scope="module")
def qa(base):
    return QuestionAnswerer(base)


@pytest.mark.parametrize("fact_id, other_id", DISAGREEMENTS)
def test_both_sides_are_linked(base, fact_id, other_id):
    assert other_id in base.fact(fact_id).conflicts and fact_id in base.fact(other_id).conflicts


@pytest.mark.parametrize("fact_id, other_id", DISAGREEMENTS + [(b, a) for a, b in DISAGREEMENTS])
def test_the_reply_shows_the_other_side_with_its_quote_and_source(base, qa, fact_id, other_id):
    # Any of the fact's own phrasings that the matcher answers with it (this test is about the reply, not matching).
    answered = (answer_to_json(qa.ask(q)) for q in base.fact(fact_id).questions)
    data = next((d for d in answered if d["fact_id"] == fact_id), None)
    assert data is not None, f"no phrasing of {fact_id} is answered with it"
    [other] = [c for c in data["conflicts"] if c["fact_id"] == other_id]
    fact = base.fact(other_id)
    assert other["quote"] == fact.quote and other["answer"] == fact.answer(data["lang"])
    assert other["source"]["id"] == fact.source and set(other["source"]) == set(data["source"])


def test_one_finding_is_one_fact_with_both_articles_quotes(base):
    jefferies = base.fact("jefferies-china-ai-global-context-report")
    quotes = [jefferies.quote, *(a.quote for a in jefferies.also)]
    assert 82.0 in values(quotes[0]) and any(18.0 in values(q) for q in quotes[1:])
    assert "82%" in jefferies.answer_en and "18%" in jefferies.answer_en
    assert base.fact("jefferies-china-ai-capex-18pct") is None
    assert base.fact("jefferies-china-cloud-capex-124-billion") is None


def test_ask_json_carries_the_conflicts():
    questions = load_factbase().fact("minimax-cash-runway-53-months").questions
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json", "--no-team-facts"], cwd=ROOT,
                            input="\n".join(questions) + "\n", capture_output=True, text=True, timeout=60, check=True)
    data = next(d for d in map(json.loads, result.stdout.splitlines())
                if d["fact_id"] == "minimax-cash-runway-53-months")
    assert data["fact_id"] == "minimax-cash-runway-53-months" and data["as_of"] == "approx. 2026-01"
    [burn] = data["conflicts"]
    assert burn["fact_id"] == "minimax-monthly-cash-burn" and "2790万美元" in burn["quote"]
    assert burn["source"]["outlet"] == "财经天下WEEKLY" and "39.5" in burn["answer"]
