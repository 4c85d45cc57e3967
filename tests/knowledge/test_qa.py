"""The answering service: team facts become answerable without rebuilding per question."""

import pytest

from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store
from knowledge.teamfacts import TeamFacts, make_draft

QUESTION = "Who runs the MiniMax office in Singapore?"


@pytest.fixture(scope="module")
def factbase():
    return load_factbase()


class Clock:
    def __init__(self):
        self.now = 0.0

    def __call__(self) -> float:
        return self.now


def test_other_process_sees_a_new_fact_after_the_check_interval(factbase, db_url):
    writer_store, reader_store = Store(db_url), Store(db_url)  # two processes' worth of connections
    clock = Clock()
    reader = QuestionAnswerer(factbase, TeamFacts(reader_store), check_interval=1.0, clock=clock)
    assert not reader.ask(QUESTION).answered
    TeamFacts(writer_store).add(make_draft([QUESTION], "Alice Zhang."), "U1", "alice")
    clock.now += 0.5
    assert not reader.ask(QUESTION).answered  # not re-checked within the interval
    clock.now += 0.6
    assert reader.ask(QUESTION).text == "Alice Zhang."
    writer_store.dispose()
    reader_store.dispose()


def test_index_is_not_rebuilt_when_nothing_changed(factbase, db_url):
    store = Store(db_url)
    clock = Clock()
    qa = QuestionAnswerer(factbase, TeamFacts(store), clock=clock)
    matcher = qa.matcher
    for _ in range(3):
        clock.now += 2
        qa.ask("How many employees does MiniMax have?")
    assert qa.matcher is matcher
    store.dispose()
