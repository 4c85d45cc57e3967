"""Team facts against SQLite and (when TEST_DATABASE_URL is set) PostgreSQL."""

import subprocess
import sys
import textwrap
import threading

import pytest

from knowledge.store import Store
from knowledge.teamfacts import (
    DuplicateQuestion,
    Forbidden,
    NotFound,
    StaleEdit,
    TeamFactError,
    TeamFacts,
    make_draft,
    question_key,
)

ADMINS = frozenset({"UADMIN"})


@pytest.fixture()
def team(db_url):
    store = Store(db_url)
    yield TeamFacts(store)
    store.dispose()


def draft(n: int = 0):
    return make_draft([f"What is team fact number {n}?"], f"It is {n}.")


def test_add_get_and_revision(team):
    before = team.store.revision()
    saved = team.add(draft(), "U1", "alice")
    assert team.get(saved.id).draft.answer == "It is 0."
    assert team.store.revision() == before + 1
    assert saved.to_fact().added_by == "alice"


def test_edit_keeps_history_and_checks_author(team):
    saved = team.add(draft(), "U1", "alice")
    with pytest.raises(Forbidden):
        team.edit(saved.id, draft(1), "U2", ADMINS)
    team.edit(saved.id, draft(1), "U1", ADMINS)
    team.edit(saved.id, draft(2), "UADMIN", ADMINS)
    history = team.history(saved.id)
    assert [(h.version, h.action, h.draft.answer) for h in history] == [
        (1, "added", "It is 0."), (2, "edited", "It is 1."), (3, "edited", "It is 2.")]


def test_remove_is_soft_and_admin_can_restore(team):
    saved = team.add(draft(), "U1", "alice")
    team.remove(saved.id, "U1", ADMINS)
    with pytest.raises(NotFound):
        team.get(saved.id)
    assert team.active() == []
    with pytest.raises(Forbidden):
        team.restore(saved.id, "U1", ADMINS)
    team.restore(saved.id, "UADMIN", ADMINS)
    assert [t.id for t in team.active()] == [saved.id]


def test_validation_names_the_problem():
    with pytest.raises(TeamFactError, match="answer is empty") as err:
        make_draft(["A real question?"], " ")
    assert err.value.field == "answer"
    with pytest.raises(TeamFactError, match="too short"):
        make_draft(["Q?"], "an answer")
    with pytest.raises(TeamFactError, match="answer 'Y' is too short"):  # (one letter is no empty answer)
        make_draft(["A real question?"], "Y")


def test_import_is_all_or_nothing(team):
    team.add_many([("taken", draft(0))], "U1", "alice")
    with pytest.raises(TeamFactError, match="Nothing imported"):
        team.add_many([(None, draft(1)), ("taken", draft(2))], "U1", "alice")
    assert [t.id for t in team.active()] == ["taken"]


def test_a_failure_mid_transaction_leaves_nothing(team, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    # The fact and history rows are inserted, then the revision bump dies.
    monkeypatch.setattr(team.store, "bump_revision", crash)
    with pytest.raises(RuntimeError):
        team.add(draft(), "U1", "alice")
    assert team.active() == [] and team.store.revision() == 0


def test_concurrent_adds_from_threads_lose_nothing(team):
    errors = []

    def worker(start: int):
        try:
            for n in range(start, start + 10):
                team.add(draft(n), "U1", "alice")
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(i * 10,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert len(team.active()) == 80
    assert team.store.revision() == 80


def test_concurrent_adds_from_processes_lose_nothing(team, db_url):
    script = textwrap.dedent(f"""
        import sys
        from knowledge.store import Store
        from knowledge.teamfacts import TeamFacts, make_draft
        team = TeamFacts(Store({db_url!r}))
        for n in range(15):
            team.add(make_draft([f"Process {{sys.argv[1]}} fact {{n}}?"], "yes"), "U1", "alice")
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script, str(i)]) for i in range(3)]
    assert [p.wait(timeout=60) for p in procs] == [0, 0, 0]
    assert len(team.active()) == 45


def test_the_same_question_is_saved_once_among_active_facts(team):
    first = team.add(make_draft(["How many GPUs does Zhipu have?"], "10,000"), "U1", "alice")
    with pytest.raises(DuplicateQuestion) as err:
        team.add(make_draft(["how many GPUs does zhipu have"], "lots"), "U2", "bob")
    assert err.value.existing == first.id
    team.remove(first.id, "U1", ADMINS)  # a removed fact no longer holds its question
    second = team.add(make_draft(["How many GPUs does Zhipu have ?"], "12,000"), "U2", "bob")
    with pytest.raises(TeamFactError, match="same question"):
        team.restore(first.id, "UADMIN", ADMINS)
    assert [t.id for t in team.active()] == [second.id]


def test_question_key_folds_case_script_spacing_and_punctuation():
    assert question_key("MiniMax 有多少員工？") == question_key("minimax有多少员工")
    assert question_key("emp\u200bloyees?") == question_key("employees")
    assert question_key("MiniMax revenue") != question_key("MiniMax net loss")


def test_parallel_identical_adds_save_exactly_one(team):
    outcomes = []

    def add(user: str):
        try:
            outcomes.append(team.add(make_draft(["What is the MiniMax office wifi name?"], "minimax-guest"),
                                     user, user).id)
        except DuplicateQuestion as exc:
            outcomes.append(f"dup:{exc.existing}")

    threads = [threading.Thread(target=add, args=(f"U{n}",)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    saved = [o for o in outcomes if not o.startswith("dup:")]
    assert len(saved) == 1 and len(team.active()) == 1
    assert {o for o in outcomes if o.startswith("dup:")} == {f"dup:{saved[0]}"}


def test_a_stale_edit_is_refused_and_overwrites_nothing(team):
    saved = team.add(draft(), "U1", "alice")
    opened_at = saved.version  # the owner opens the edit form
    team.edit(saved.id, draft(1), "UADMIN", ADMINS, expected_version=opened_at, user_name="admin")
    with pytest.raises(StaleEdit, match="changed by @admin since you opened it") as err:
        team.edit(saved.id, draft(2), "U1", ADMINS, expected_version=opened_at)
    assert "It is 1." in str(err.value)
    assert team.get(saved.id).draft.answer == "It is 1."


def test_bulk_ids_never_collide(team, monkeypatch):
    import knowledge.teamfacts as module

    existing = team.add(draft(), "U1", "alice")
    draws = iter([existing.id, "tdup2222", "tdup2222", "tfresh22"])  # taken in the db, then taken in the batch
    monkeypatch.setattr(module, "new_fact_id", lambda: next(draws))
    ids = team.add_many([(None, draft(1)), (None, draft(2))], "U1", "alice")
    assert ids == ["tdup2222", "tfresh22"]


def test_ids_are_long_enough_for_a_hundred_thousand_facts():
    from knowledge.teamfacts import ID_ALPHABET, ID_LENGTH, new_fact_id

    assert len(ID_ALPHABET) ** (ID_LENGTH - 1) > 100_000 ** 2  # birthday bound: collisions stay rare, and retried
    assert len(new_fact_id()) == ID_LENGTH


def test_questions_and_sources_are_one_line_and_cleaned():
    with pytest.raises(TeamFactError, match="one line") as err:
        make_draft(["Who leads the team?\n- id: evil"], "ok")
    assert err.value.field == "question"
    with pytest.raises(TeamFactError, match="source must be one line"):
        make_draft(["Who leads the team?"], "ok", source="a\n- id: evil")
    with pytest.raises(TeamFactError, match="question is empty"):
        make_draft(["\u200b\u200b\u200b"], "ok")
    clean = make_draft(["Who \u202eleads\u202c the team?"], "An\u200bswer\x07")
    assert clean.questions == ("Who leads the team?",) and clean.answer == "Answer"


def test_parked_drafts_expire_after_a_day(team, monkeypatch):
    import knowledge.teamfacts as module

    token = team.park(draft(), "U1")
    real_now = module.utcnow
    monkeypatch.setattr(module, "utcnow", lambda: real_now() + module.PARKED_FOR * 2)
    assert team.unpark(token, "U1") is None
    assert team.unpark("not a token", "U1") is None
