import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.curation import MAX_IMPORT, _draft, export_yaml, import_file, undo_import
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store
from knowledge.teamfacts import TeamFactError, TeamFacts, make_draft

FACTBASE = load_factbase()


def team_in(tmp_path, name: str) -> TeamFacts:
    return TeamFacts(Store(f"sqlite:///{tmp_path / name}"))


def test_export_then_import_round_trips(tmp_path):
    source = team_in(tmp_path, "a.sqlite3")
    source.add(make_draft(["Who runs the MiniMax office in Singapore?"], "Alice.", source="all-hands",
                          answer_zh="爱丽丝。"), "U1", "al")
    exported = export_yaml(source)
    entry = yaml.safe_load(exported)["facts"][0]
    assert entry["answer"] == {"en": "Alice.", "zh": "爱丽丝。"}
    assert entry["source_text"] == "all-hands" and entry["added_by"] == "al"
    path = tmp_path / "team.yaml"
    path.write_text(exported, encoding="utf-8")

    target = team_in(tmp_path, "b.sqlite3")
    qa = QuestionAnswerer(FACTBASE, target)
    report = import_file(path, target, qa)
    assert report.problems == [] and len(report.imported) == 1 and report.batch
    imported = target.get(report.imported[0])
    assert imported.draft.answer_zh == "爱丽丝。" and imported.draft.source == "all-hands"
    qa.refresh(force=True)
    again = import_file(path, target, qa)
    assert again.imported == [] and "already answered by team fact" in again.duplicates[0]


# Hostile text: newlines, comment and mapping markers, a fake entry, quotes, YAML tags, anchors,
# control and invisible characters, and plain CJK.
HOSTILE_PIECES = ["\n", "# ", ": ", "- id: evil-yaml-entry", "'", '"', "!!python/object", "&a *a", "\x07",
                  "\u200b", "\u202e", "{x: y}", "[1, 2]", "---", "...", "null", "yes", "0x1F", "明势资本", "\\"]
hostile_text = st.lists(st.one_of(st.sampled_from(HOSTILE_PIECES), st.text(min_size=1, max_size=8)),
                        min_size=1, max_size=8).map("".join)
one_line = hostile_text.map(lambda s: s.replace("\n", " ").replace("\r", " "))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(question=one_line, answer=hostile_text, quote=hostile_text, source=one_line, zh=hostile_text)
def test_export_is_valid_yaml_that_reproduces_exactly_the_exported_facts(tmp_path, question, answer, quote,
                                                                         source, zh):
    try:
        draft = make_draft([f"Q {question} ok?"], f"A {answer}", quote, source, ("tag",), zh)
    except TeamFactError:
        return  # input the bot refuses never reaches an export
    team = team_in(tmp_path, "prop.sqlite3")
    with team.store.transaction() as conn:  # a fresh table per example
        conn.exec_driver_sql("DELETE FROM team_facts")
    saved = team.add(draft, "U1", "al\n- id: evil")
    parsed = yaml.safe_load(export_yaml(team))
    [entry] = parsed["facts"]
    assert entry["id"] == saved.id
    assert _draft(entry) == saved.draft


def test_import_dry_run_reports_and_saves_nothing(tmp_path):
    path = tmp_path / "dry.yaml"
    path.write_text(yaml.safe_dump({"facts": [
        {"questions": ["Who runs the MiniMax office in Singapore?"], "answer": {"en": "Alice."}},
        {"questions": ["who runs the minimax office in singapore"], "answer": {"en": "Bob."}},
        {"questions": ["How many employees does MiniMax have?"], "answer": {"en": "385"}},
    ]}), encoding="utf-8")
    team = team_in(tmp_path, "d.sqlite3")
    report = import_file(path, team, QuestionAnswerer(FACTBASE, team), dry_run=True, skip_duplicates=True)
    assert len(report.drafts) == 1 and report.imported == [] and team.active() == []
    assert "repeats" in report.duplicates[0] and "in this file" in report.duplicates[0]
    assert "already answered by a curated fact" in report.duplicates[1]


def test_import_undo_takes_the_batch_back(tmp_path):
    path = tmp_path / "batch.yaml"
    path.write_text(yaml.safe_dump({"facts": [
        {"questions": [f"What is the team's rota number {n}?"], "answer": {"en": f"Rota {n}."}} for n in range(3)
    ]}), encoding="utf-8")
    team = team_in(tmp_path, "u.sqlite3")
    report = import_file(path, team, QuestionAnswerer(FACTBASE, team), user="cli:carol")
    assert len(team.active()) == 3
    assert undo_import(report.batch, team, "cli:carol") == 3
    assert team.active() == []
    assert team.history(report.imported[0])[-1].action == "removed"


def test_import_refuses_an_oversized_file_with_a_message(tmp_path):
    path = tmp_path / "huge.yaml"
    path.write_text("facts:\n" + "- {}\n" * (MAX_IMPORT + 1), encoding="utf-8")
    team = team_in(tmp_path, "h.sqlite3")
    report = import_file(path, team, QuestionAnswerer(FACTBASE, team))
    assert "import at most 25,000 per file" in report.problems[0]


def test_import_with_one_bad_entry_imports_nothing(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"facts": [
        {"questions": ["Who runs the MiniMax office in Singapore?"], "answer": {"en": "Alice."}},
        {"id": "broken", "questions": ["Where is the MiniMax cafeteria?"], "answer": {"en": ""}},
    ]}), encoding="utf-8")
    team = team_in(tmp_path, "c.sqlite3")
    report = import_file(path, team, QuestionAnswerer(FACTBASE, team))
    assert report.imported == [] and "fact broken: The answer is empty" in report.problems[0]
    assert team.active() == []


def test_twenty_thousand_facts_import_in_one_batch(tmp_path):
    team = team_in(tmp_path, "big.sqlite3")
    drafts = [(None, make_draft([f"What is bulk fact number {n}?"], f"It is {n}.")) for n in range(20_000)]
    ids = team.add_many(drafts, "cli:bulk", "cli:bulk", batch="ibbulk")
    assert len(set(ids)) == 20_000 and len(team.in_batch("ibbulk")) == 20_000
