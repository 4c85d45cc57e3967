"""Schema migrations: one path for new, first-release and current databases, safe with many processes."""

import shutil
import subprocess
import sys
import textwrap

from sqlalchemy import create_engine, inspect, select

from knowledge.migrate import current_revision, head_revision
from knowledge.store import SCHEMA_REVISION, Store, team_facts
from knowledge.teamfacts import TeamFacts, make_draft
from tests.bot.test_cli import ROOT

RELEASE_1 = ROOT / "tests" / "fixtures" / "release1.sqlite3"


def test_the_code_describes_the_newest_migration():
    assert head_revision() == SCHEMA_REVISION


def test_a_new_database_is_created_at_head(db_url):
    store = Store(db_url)
    assert current_revision(store.engine) == SCHEMA_REVISION
    assert "uq_team_facts_active_question" in {i["name"] for i in inspect(store.engine).get_indexes("team_facts")}


def test_a_first_release_database_upgrades_without_losing_a_row(tmp_path):
    path = tmp_path / "old.sqlite3"
    shutil.copy(RELEASE_1, path)
    url = f"sqlite:///{path}"
    before = {t: _count(url, t) for t in ("team_facts", "fact_history", "question_log", "feedback",
                                          "processed_events")}
    store = Store(url)
    assert current_revision(store.engine) == SCHEMA_REVISION
    assert {t: _count(url, t) for t in before} == before
    team = TeamFacts(store)
    assert team.get("tab23").draft.answer == "Someone else, corrected"
    assert team.get("tcd45", include_deleted=True).deleted
    with store.engine.connect() as conn:
        keys = dict(conn.execute(select(team_facts.c.id, team_facts.c.question_key)).all())
    assert keys["tab23"] == "wholeadsminimaxsvideoteam"
    # The new rules hold for old facts: the same question cannot be added again.
    import pytest

    from knowledge.teamfacts import DuplicateQuestion

    with pytest.raises(DuplicateQuestion):
        team.add(make_draft(["Who leads MiniMax's video team?"], "dup"), "U1", "x")


def test_processes_starting_at_once_on_an_empty_folder_all_come_up(tmp_path, db_url):
    url = db_url if db_url.startswith("postgresql") else f"sqlite:///{tmp_path / 'fresh' / 'factbot.sqlite3'}"
    script = textwrap.dedent(f"""
        from knowledge.store import Store
        from knowledge.teamfacts import TeamFacts
        TeamFacts(Store({url!r})).active()
    """)
    procs = [subprocess.Popen([sys.executable, "-c", script], cwd=ROOT, stderr=subprocess.PIPE) for _ in range(4)]
    results = [(p.wait(timeout=120), p.stderr.read().decode()) for p in procs]
    assert [code for code, _ in results] == [0] * 4, results


def _count(url: str, table: str) -> int:
    engine = create_engine(url)
    with engine.connect() as conn:
        n = conn.exec_driver_sql(f"SELECT COUNT(*) FROM {table}").scalar_one()
    engine.dispose()
    return n
