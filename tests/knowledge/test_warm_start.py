"""The warm-start cache: same answers as a cold load, a new cache for changed files, and never a file
someone else could have written."""

import os
import shutil

import pytest

from knowledge.factbase import DATA_DIR, load_factbase
from knowledge.qa import QuestionAnswerer
from knowledge.warm_start import cache_dir, load_warm

QUESTIONS = ["How many employees does MiniMax have?", "闫俊杰在哪里读的博士?", "minimax net loss 2022 vs 2023"]


@pytest.fixture()
def base_copy(tmp_path):
    copy = tmp_path / "knowledge"
    shutil.copytree(DATA_DIR, copy, ignore=shutil.ignore_patterns("*.py", "__pycache__", "migrations"))
    return copy


def answers(base):
    qa = QuestionAnswerer(base)
    return [(a.fact.id if a.fact else None, a.text) for a in map(qa.ask, QUESTIONS)]


def test_a_warm_start_answers_exactly_as_a_cold_load(base_copy, tmp_path):
    env = {"BOT_CACHE_DIR": str(tmp_path / "cache")}
    cold = answers(load_factbase(base_copy))
    first = load_warm(base_copy, env)  # writes the cache
    assert len(list((tmp_path / "cache").glob("knowledge-*.pickle"))) == 1
    warm = load_warm(base_copy, env)  # reads it
    assert warm == first and answers(warm) == cold


def test_a_warm_start_prepares_no_fact_again(base_copy, tmp_path, monkeypatch):
    from knowledge.matcher import Matcher

    env = {"BOT_CACHE_DIR": str(tmp_path / "cache")}
    load_warm(base_copy, env)  # writes the cache
    warm = load_warm(base_copy, env)
    prepared = []
    original = Matcher._prepare
    monkeypatch.setattr(Matcher, "_prepare",
                        lambda self, fact, *folded: prepared.append(fact.id) or original(self, fact, *folded))
    twice = [QuestionAnswerer(warm), QuestionAnswerer(warm)]  # each index its own copy of the entries
    assert prepared == [] and answers(warm) == answers(load_factbase(base_copy))
    assert twice[0].matcher._entries[0] is not twice[1].matcher._entries[0]


def test_a_cold_start_prepares_each_fact_once(base_copy, tmp_path, monkeypatch):
    from knowledge.matcher import Matcher

    prepared = []
    original = Matcher._prepare
    monkeypatch.setattr(Matcher, "_prepare",
                        lambda self, fact, *folded: prepared.append(fact.id) or original(self, fact, *folded))
    cold = load_warm(base_copy, {"BOT_CACHE_DIR": str(tmp_path / "cache")})  # prepares them, to write the cache
    QuestionAnswerer(cold)  # ... and this process's answerer takes them
    assert sorted(prepared) == sorted(f.id for f in cold.facts)


def test_a_changed_knowledge_file_is_read_again(base_copy, tmp_path):
    env = {"BOT_CACHE_DIR": str(tmp_path / "cache")}
    phrasing = load_warm(base_copy, env).facts[0].questions[0]
    facts = base_copy / "facts.yaml"
    facts.write_text(facts.read_text(encoding="utf-8").replace(phrasing, phrasing + " Really?", 1), encoding="utf-8")
    changed = load_warm(base_copy, env)
    assert changed.facts[0].questions[0] == phrasing + " Really?"
    assert len(list((tmp_path / "cache").glob("knowledge-*.pickle"))) == 1  # the stale one is gone


def test_a_cache_others_can_write_is_never_loaded(base_copy, tmp_path, monkeypatch):
    env = {"BOT_CACHE_DIR": str(tmp_path / "cache")}
    load_warm(base_copy, env)
    (cached,) = (tmp_path / "cache").glob("knowledge-*.pickle")
    assert oct(cached.stat().st_mode & 0o777) == "0o600" and oct((tmp_path / "cache").stat().st_mode & 0o777) == "0o700"
    os.chmod(cached, 0o666)
    monkeypatch.setattr("knowledge.cache_files.pickle.load", lambda f: pytest.fail("unpickled a foreign file"))
    assert load_warm(base_copy, env).facts  # read from the files instead


def test_the_cache_can_be_turned_off(tmp_path):
    assert cache_dir({"BOT_CACHE_DIR": "off"}) is None
    assert cache_dir({"XDG_CACHE_HOME": str(tmp_path)}) == tmp_path / "china-ai-fact-bot"
