"""How conversation scripts are scored (``bot eval`` on a ``scripts:`` file)."""

import pytest

from bot.conversation_eval import run_scripts
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer


@pytest.fixture(scope="module")
def qa():
    return QuestionAnswerer(load_factbase())


def script(*turns, where="dm"):
    return [{"id": "one", "where": where, "turns": list(turns)}]


@pytest.mark.parametrize("say", ["what's the weather like in London today?", "tell me a joke"])
def test_declining_the_weather_or_a_joke_is_an_abstention(qa, say):
    """The bot says it does not know ("I don't know about the weather…"), as a question set counts it."""
    report = run_scripts(script({"say": "Who founded MiniMax?", "expect": ["闫俊杰"]}, {"say": say, "abstain": True}),
                         qa, question_log=False)
    assert report.right["abstain"] == 1 and report.right["expect"] == 1


def test_a_greeting_is_no_abstention(qa):
    report = run_scripts(script({"say": "hi", "abstain": True}, {"say": "hello", "smalltalk": True}), qa,
                         question_log=False)
    assert report.right["abstain"] == 0 and report.right["smalltalk"] == 1
