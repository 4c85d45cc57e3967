"""Team facts against SQLite and (when TEST_DATABASE_URL is set) PostgreSQL."""

import subprocess
import sys
import textwrap
import threading

import pytest

from knowledge.store import Store
from knowledge.teamfacts import Forbidden, NotFound, TeamFactError, TeamFacts, make_draft

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


def test_import_is_all_or_nothing(team):
    team.add_many([("taken", draft(0))], "U1", "alice")
    with pytest.raises(TeamFactError, match="Nothing imported"):
        team.add_many([(None, draft(1)), ("taken", draft(2))], "U1", "alice")
    assert [t.id for t in team.active()] == ["taken"]


def test_a_failure_mid_transaction_leaves_nothing(team, monkeypatch):
    import knowledge.teamfacts as module

    def crash(*args, **kwargs):
        raise RuntimeError("power cut")

    monkeypatch.setattr(module, "_record", crash)  # the fact row is inserted, then the history write dies
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
