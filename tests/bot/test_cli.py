"""The command line, run as a user runs it: ``python -m bot ...`` in a subprocess."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"question", "answered", "fact_id", "score", "lang", "answer", "quote", "source", "alternatives"}


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=60)


def test_ask_json_reads_stdin_and_prints_one_object_per_line():
    questions = ["How many employees does MiniMax have?", "MiniMax 有多少员工?", "What's the weather in Shenzhen?", ""]
    result = run("ask", "--json", stdin="\n".join(questions) + "\n")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(questions)
    objects = [json.loads(line) for line in lines]
    assert all(set(o) == KEYS for o in objects)
    english, chinese, unknown, empty = objects
    assert english["answered"] and english["lang"] == "en" and "385" in english["answer"]
    assert chinese["lang"] == "zh" and "385" in chinese["answer"] and chinese["fact_id"] == english["fact_id"]
    assert set(english["source"]) == {"id", "title", "title_en", "outlet", "date"}
    assert isinstance(english["score"], float) and 0 <= english["score"] <= 100
    assert english["quote"] and "385" in english["quote"]
    assert not unknown["answered"] and unknown["answer"] is None and unknown["source"] is None
    assert all(set(a) == {"fact_id", "question", "score"} for a in unknown["alternatives"])
    assert len(unknown["alternatives"]) <= 3
    assert not empty["answered"]


def test_ask_json_with_a_question_argument():
    result = run("ask", "--json", "minimax ipo date??")
    [line] = result.stdout.splitlines()
    assert "1月9日" in json.loads(line)["quote"]


def test_ask_prints_answer_quote_and_source():
    result = run("ask", "黃仁勳說中國會贏嗎?")
    assert result.returncode == 0
    assert "“" in result.stdout and "—" in result.stdout  # the quote and the source line


def test_ask_unknown_says_i_dont_know_with_suggestions():
    result = run("ask", "What about Yan Junjie?")
    assert "I don't know" in result.stdout and "Did you mean:" in result.stdout


def test_check_passes_on_the_real_base():
    result = run("check")
    assert result.returncode == 0 and result.stdout.startswith("ok: ")


@pytest.fixture()
def broken_copy(tmp_path) -> Path:
    data = tmp_path / "knowledge"
    shutil.copytree(ROOT / "knowledge", data, ignore=shutil.ignore_patterns("*.py", "__pycache__", "drafts"))
    return data


def test_check_catches_a_changed_quote(broken_copy):
    facts = broken_copy / "facts.yaml"
    lines = facts.read_text(encoding="utf-8").splitlines()
    at = next(i for i, line in enumerate(lines) if line.startswith("  quote: ") and not line.endswith(("'", '"')))
    fact_id = next(line.split(": ", 1)[1] for line in reversed(lines[:at]) if line.startswith("- id: "))
    lines[at] += "改"  # one character added to one quote
    facts.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = run("--data-dir", str(broken_copy), "check")
    assert result.returncode == 1
    assert f"facts.yaml: fact {fact_id}: quote does not occur verbatim" in result.stderr


def test_ask_refuses_to_start_on_an_invalid_base(broken_copy):
    (broken_copy / "facts.yaml").write_text("facts:\n  - id: x\n    questions: [unclosed\n", encoding="utf-8")
    result = run("--data-dir", str(broken_copy), "ask", "anything")
    assert result.returncode == 1 and "facts.yaml: line" in result.stderr and result.stdout == ""


def test_eval_exits_1_below_the_bar(tmp_path):
    questions = tmp_path / "set.yaml"
    questions.write_text('items:\n- {q: "How many employees does MiniMax have?", lang: en, expect: ["999"]}\n'
                         '- {q: "hi", lang: en, abstain: true}\n', encoding="utf-8")
    result = run("eval", str(questions), "--min-accuracy", "0.5")
    assert result.returncode == 1
    assert "accuracy: 0.0%" in result.stdout and "MISS" in result.stdout
    assert run("eval", str(questions), "--min-abstention", "0.9").returncode == 0
