"""The index cache: a restart reads team facts' prepared entries instead of preparing them again, answers
exactly as a rebuild, and never trusts an entry made from another version of a fact."""

import os

import pytest

from knowledge import index_cache
from knowledge.factbase import DATA_DIR, load_factbase
from knowledge.index_cache import IndexCache, index_cache_for
from knowledge.matcher import Matcher
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store
from knowledge.teamfacts import TeamFacts, make_draft

OFFICES = [("Singapore", "Alice Zhang."), ("Lagos", "Bola Ade."), ("Berlin", "Carl Weber."), ("Austin", "Dee Park.")]
QUESTIONS = [*(f"Who runs the MiniMax office in {city}?" for city, _ in OFFICES),
             "How many employees does MiniMax have?"]


@pytest.fixture(scope="module")
def factbase():
    return load_factbase()


@pytest.fixture()
def team(tmp_path):
    store = Store(f"sqlite:///{tmp_path / 'team.db'}")
    facts = TeamFacts(store)
    for city, person in OFFICES:
        facts.add(make_draft([f"Who runs the MiniMax office in {city}?"], person), "U1", "alice")
    yield facts
    store.dispose()


@pytest.fixture()
def prepared(monkeypatch):
    """Counts the facts the matcher prepares afresh (normalises and reads)."""
    calls = []
    original = Matcher._prepare

    def counting(self, fact, *folded):  # (``folded``: its phrasings as ``Matcher.update`` folds them in batches)
        calls.append(fact.id)
        return original(self, fact, *folded)

    monkeypatch.setattr(Matcher, "_prepare", counting)
    monkeypatch.setattr(index_cache, "SAVE_AFTER", 2)
    return calls


def answers(qa):
    return [(a.fact.id if a.fact else None, a.text) for a in map(qa.ask, QUESTIONS)]


def test_a_restart_reads_the_prepared_entries_and_answers_as_a_rebuild(factbase, team, tmp_path, prepared):
    cache = IndexCache(tmp_path / "cache", DATA_DIR, "sqlite:///team.db")
    first = QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    assert cache.path.exists() and oct(cache.path.stat().st_mode & 0o777) == "0o600"
    team_ids = {t.id for t in team.active()}
    prepared.clear()
    restarted = QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    assert team_ids.isdisjoint(prepared)  # only the curated facts were prepared
    rebuilt = QuestionAnswerer(factbase, team, background=False)
    assert answers(restarted) == answers(rebuilt) == answers(first)
    assert answers(restarted)[0][1] == "Alice Zhang."


def test_a_fact_edited_since_the_cache_was_written_is_prepared_again(factbase, team, tmp_path, prepared):
    cache = IndexCache(tmp_path / "cache", DATA_DIR, "sqlite:///team.db")
    QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    (singapore,) = [t for t in team.active() if "Singapore" in t.draft.questions[0]]
    team.edit(singapore.id, make_draft([QUESTIONS[0]], "Erin Lim."), "U1", frozenset())
    prepared.clear()
    restarted = QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    assert singapore.id in prepared
    assert restarted.ask(QUESTIONS[0]).text == "Erin Lim."


def test_a_sync_after_a_save_here_never_writes_the_cache(factbase, team, tmp_path, prepared):
    cache = IndexCache(tmp_path / "cache", DATA_DIR, "sqlite:///team.db")
    qa = QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    cache.path.unlink()
    for n in range(3):  # more than SAVE_AFTER facts, each saved on a request path (forced sync)
        team.add(make_draft([f"Who runs the MiniMax lab number {n}?"], f"Person {n}."), "U1", "alice")
        qa.refresh(force=True)
    assert not cache.path.exists()
    qa.sync(force=False)  # the background check writes it
    assert not cache.path.exists()  # nothing changed since: no sync work, no write
    team.add(make_draft(["Who runs the MiniMax lab in Oslo?"], "Ola Nordmann."), "U1", "alice")
    qa.sync()
    assert cache.path.exists()


def test_a_damaged_or_foreign_cache_file_is_ignored(factbase, team, tmp_path, prepared):
    cache = IndexCache(tmp_path / "cache", DATA_DIR, "sqlite:///team.db")
    QuestionAnswerer(factbase, team, background=False, index_cache=cache)
    cache.path.write_bytes(b"not a pickle")
    assert cache.load() == {}
    QuestionAnswerer(factbase, team, background=False, index_cache=cache)  # rewrites it
    assert cache.load()
    os.chmod(cache.path, 0o666)
    assert cache.load() == {}


def test_each_database_and_knowledge_version_has_its_own_file(tmp_path):
    one = IndexCache(tmp_path, DATA_DIR, "sqlite:///a.db").path
    assert IndexCache(tmp_path, DATA_DIR, "sqlite:///b.db").path != one
    assert IndexCache(tmp_path, DATA_DIR, "sqlite:///a.db").path == one
    assert index_cache_for(DATA_DIR, "sqlite:///a.db", {"BOT_CACHE_DIR": "off"}) is None
