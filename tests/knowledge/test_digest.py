"""Digest content and the exactly-once claims."""

from datetime import UTC, datetime, timedelta

import pytest

from knowledge.digest import (
    SPOTLIGHT_SIZE,
    claim_digest,
    compose_digest,
    merge_near_duplicates,
    release_digest,
    week_ending,
)
from knowledge.factbase import load_factbase
from knowledge.store import Store
from knowledge.teamfacts import TeamFacts, make_draft


@pytest.fixture(scope="module")
def curated():
    return list(load_factbase().facts)


@pytest.fixture()
def store(db_url):
    s = Store(db_url)
    yield s
    s.dispose()


def test_near_duplicate_questions_are_merged_with_counts():
    merged = merge_near_duplicates(["MiniMax IPO date?", "minimax ipo date", "Who is Dario?", "MINIMAX IPO DATE??"])
    assert merged == [("MiniMax IPO date?", 3), ("Who is Dario?", 1)]


def test_empty_week_still_has_spotlight_and_stats(store, curated):
    digest = compose_digest(store, {f.id: f for f in curated}, curated, week_ending(datetime.now(UTC)))
    assert digest.questions == 0 and not digest.most_asked and not digest.unanswered
    assert len(digest.spotlight) == SPOTLIGHT_SIZE


def test_week_with_data(store, curated):
    facts = {f.id: f for f in curated}
    asked = curated[0].id
    for _ in range(3):
        store.log_question(user_id="U1", channel_id="C1", question="q", fact_id=asked, score=90, answered=True)
    store.log_question(user_id="U1", channel_id="C1", question="What's Tencent's revenue?", fact_id=None,
                       score=20, answered=False)
    store.log_question(user_id="U1", channel_id="C1", question="whats tencent's revenue", fact_id=None,
                       score=20, answered=False)
    store.log_feedback(user_id="U1", fact_id=asked, helpful=False)
    store.log_feedback(user_id="U2", fact_id=asked, helpful=True)
    TeamFacts(store).add(make_draft(["Who runs the Singapore office?"], "Alice."), "U1", "alice")
    digest = compose_digest(store, facts, curated, week_ending(datetime.now(UTC) + timedelta(minutes=1)))
    assert digest.most_asked == [(facts[asked], 3)]
    assert digest.unanswered == [("What's Tencent's revenue?", 2)]
    assert digest.not_helpful == [(facts[asked], 1)]
    assert (digest.questions, digest.answered, digest.helpful, digest.unhelpful) == (5, 3, 1, 1)
    assert [t.added_by_name for t in digest.new_facts] == ["alice"]


def test_spotlight_rotates_through_the_whole_base(store, curated):
    facts = curated[:7]
    seen = []
    for _ in range(3):
        seen += [f.id for f in compose_digest(store, {}, facts, week_ending(datetime.now(UTC))).spotlight]
    assert seen[:7] == [f.id for f in facts]  # every fact once before any repeats
    assert len(seen) == 9


def test_claim_is_exclusive_and_release_allows_a_retry(store):
    assert claim_digest(store, "C1", "2026-W47")
    assert not claim_digest(store, "C1", "2026-W47")
    assert claim_digest(store, "C2", "2026-W47")
    release_digest(store, "C1", "2026-W47")
    assert claim_digest(store, "C1", "2026-W47")
