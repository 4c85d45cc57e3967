"""The answering service: team-fact changes reach the index incrementally, never by a rebuild per request."""

import time

import pytest

from knowledge.factbase import load_factbase
from knowledge.matcher import Matcher
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
    reader = QuestionAnswerer(factbase, TeamFacts(reader_store), check_interval=1.0, clock=clock, background=False)
    assert not reader.ask(QUESTION).answered
    TeamFacts(writer_store).add(make_draft([QUESTION], "Alice Zhang."), "U1", "alice")
    clock.now += 0.5
    assert not reader.ask(QUESTION).answered  # not re-checked within the interval
    clock.now += 0.6
    assert reader.ask(QUESTION).text == "Alice Zhang."
    writer_store.dispose()
    reader_store.dispose()


def test_a_background_thread_brings_in_other_processes_changes(factbase, db_url):
    writer_store, reader_store = Store(db_url), Store(db_url)
    reader = QuestionAnswerer(factbase, TeamFacts(reader_store), check_interval=0.05)
    assert not reader.ask(QUESTION).answered  # starts the background thread; the question does not wait
    team = TeamFacts(writer_store)
    added = team.add(make_draft([QUESTION], "Alice Zhang."), "U1", "alice")
    deadline = time.monotonic() + 5
    while not reader.ask(QUESTION).answered and time.monotonic() < deadline:
        time.sleep(0.02)
    assert reader.ask(QUESTION).text == "Alice Zhang."
    team.remove(added.id, "U1", frozenset())
    while reader.ask(QUESTION).answered and time.monotonic() < deadline:
        time.sleep(0.02)
    assert not reader.ask(QUESTION).answered
    writer_store.dispose()
    reader_store.dispose()


def test_the_index_is_updated_in_place_not_rebuilt(factbase, db_url):
    store = Store(db_url)
    qa = QuestionAnswerer(factbase, TeamFacts(store), background=False)
    matcher = qa.matcher
    TeamFacts(store).add(make_draft([QUESTION], "Alice Zhang."), "U1", "alice")
    qa.refresh(force=True)
    assert qa.matcher is matcher and qa.ask(QUESTION).text == "Alice Zhang."
    assert qa.sync() == 0  # nothing changed since: nothing read or re-indexed
    store.dispose()


def test_incremental_changes_answer_exactly_as_a_full_rebuild(factbase, db_url):
    """Adds, an edit, a removal and a restore, applied one by one, give the index a rebuild would."""
    store = Store(db_url)
    team = TeamFacts(store)
    qa = QuestionAnswerer(factbase, team, background=False)
    drafts = [
        make_draft([QUESTION, "MiniMax 新加坡办公室负责人是谁"], "Alice Zhang."),
        make_draft(["How many engineers does MiniMax have in Shanghai?"], "About 200."),
        make_draft(["What is MiniMax's revenue in 2026?"], "Not reported yet."),
        make_draft(["When was Zhipu founded, exactly?"], "Zhipu AI was founded in June 2019."),
        make_draft(["Who is the CFO of Zhipu AI?"], "Nobody we know."),
    ]
    added = []
    for draft in drafts:
        added.append(team.add(draft, "U1", "alice"))
        qa.refresh(force=True)
    team.edit(added[1].id, make_draft(["How many engineers does MiniMax have in Beijing?"], "About 300."), "U1",
              frozenset())
    qa.refresh(force=True)
    team.remove(added[2].id, "U1", frozenset())
    qa.refresh(force=True)
    team.remove(added[4].id, "U1", frozenset())
    qa.refresh(force=True)
    team.restore(added[4].id, "A1", frozenset({"A1"}))
    qa.refresh(force=True)
    rebuilt = Matcher([*factbase.facts, *(t.to_fact() for t in team.active())], factbase.aliases)
    questions = [q for d in drafts for q in d.questions] + [
        "How many engineers does MiniMax have in Beijing?", "When was MiniMax founded?", "Who founded Zhipu?",
        "MiniMax revenue 2024", "What is Zhipu's revenue?", "Who is the CEO of Zhipu?", "tell me a joke",
    ] + [q for f in factbase.facts[::7] for q in f.questions[:2]]
    assert len(qa.matcher) == len(rebuilt)
    for question in questions:
        assert qa.matcher.match(question) == rebuilt.match(question), question
    store.dispose()


def test_team_facts_about_names_the_base_does_not_know_answer_their_own_questions(factbase, db_url):
    """Found trying the bot as a team would: a CTO fact answered "Who is the CEO?" and made the CEO fact look
    like a copy of it; "Who is the maker of Vidu?" was filed as who Vidu is and refused as small talk."""
    store = Store(db_url)
    team = TeamFacts(store)
    qa = QuestionAnswerer(factbase, team, background=False)
    team.add(make_draft(["Who is the CTO of StepFun?"], "Zhu Yibo is the CTO of StepFun."), "U1", "alice")
    qa.refresh(force=True)
    assert not qa.ask("Who is the CEO of StepFun?").answered
    assert qa.duplicate_of("Who is the CEO of StepFun?") is None
    team.add(make_draft(["Who is the CEO of StepFun?"], "Jiang Daxin is the CEO of StepFun."), "U1", "alice")
    team.add(make_draft(["Who is the maker of Vidu?"], "Shengshu Technology makes Vidu."), "U1", "alice")
    qa.refresh(force=True)
    assert qa.ask("Who is the CEO of StepFun?").text == "Jiang Daxin is the CEO of StepFun."
    assert qa.ask("Who is the CTO of StepFun?").text == "Zhu Yibo is the CTO of StepFun."
    for question in ("Who is the maker of Vidu?", "who makes vidu", "vidu"):  # a word the team taught: no small talk
        assert qa.ask(question).text == "Shengshu Technology makes Vidu.", question
    assert not qa.ask("What is the weather in Beijing today?").answered
    store.dispose()


def test_a_question_naming_a_name_the_team_taught_is_not_asked_of_the_last_subject(factbase, db_url):
    from knowledge.context_store import scratch_conversations
    from knowledge.dialogue import Dialogue

    store = Store(db_url)
    team = TeamFacts(store)
    team.add(make_draft(["Who is the CEO of StepFun?"], "Jiang Daxin is the CEO of StepFun."), "U1", "alice")
    qa = QuestionAnswerer(factbase, team, background=False)
    with scratch_conversations() as conversations:
        dialogue = Dialogue(qa, conversations)
        assert dialogue.turn("Who founded MiniMax?", "d:U1").answer.fact.id == "minimax-founder-yan-junjie"
        turn = dialogue.turn("Who is the CEO of StepFun?", "d:U1")  # not "MiniMax — leader"
        assert turn.answer.text == "Jiang Daxin is the CEO of StepFun."
    store.dispose()
