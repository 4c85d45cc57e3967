import yaml

from bot.curation import export_yaml, import_file
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store
from knowledge.teamfacts import TeamFacts, make_draft


def test_export_then_import_round_trips(tmp_path):
    source = TeamFacts(Store(f"sqlite:///{tmp_path / 'a.sqlite3'}"))
    source.add(make_draft(["Who runs the MiniMax office in Singapore?"], "Alice.", source="all-hands"), "U1", "al")
    exported = export_yaml(source)
    assert "# added by @al on" in exported and "source: all-hands" in exported
    entry = yaml.safe_load(exported)["facts"][0]
    assert entry["answer"] == {"en": "Alice.", "zh": "Alice."}
    path = tmp_path / "team.yaml"
    path.write_text(exported, encoding="utf-8")

    target = TeamFacts(Store(f"sqlite:///{tmp_path / 'b.sqlite3'}"))
    qa = QuestionAnswerer(load_factbase(), target)
    report = import_file(path, target, qa)
    assert report.problems == [] and len(report.imported) == 1
    qa.refresh(force=True)
    again = import_file(path, target, qa)
    assert again.imported == [] and "duplicate of existing fact" in again.duplicates[0]


def test_import_with_one_bad_entry_imports_nothing(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text(yaml.safe_dump({"facts": [
        {"questions": ["Who runs the MiniMax office in Singapore?"], "answer": {"en": "Alice."}},
        {"id": "broken", "questions": ["Where is the MiniMax cafeteria?"], "answer": {"en": ""}},
    ]}), encoding="utf-8")
    team = TeamFacts(Store(f"sqlite:///{tmp_path / 'c.sqlite3'}"))
    report = import_file(path, team, QuestionAnswerer(load_factbase(), team))
    assert report.imported == [] and "fact broken: The answer is empty" in report.problems[0]
    assert team.active() == []
