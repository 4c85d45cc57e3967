"""The command line, run as a user runs it: ``python -m bot ...`` in a subprocess."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
KEYS = {"question", "answered", "fact_id", "score", "lang", "answer", "quote", "source", "as_of", "alternatives",
        "conflicts", "comparison", "review", "whose"}


def run(*args: str, stdin: str | None = None, cwd: Path = ROOT, env: dict | None = None,
        data_dir: Path | None = None) -> subprocess.CompletedProcess:
    """``python -m bot ARGS``; team facts only from ``data_dir`` (never a developer's ./data or DATABASE_URL)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BOT_DATA_DIR")}
    environment["BOT_DATA_DIR"] = str(data_dir or cwd / "no-such-data-dir")
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True, text=True,
                          cwd=cwd, timeout=60, env={**environment, "PYTHONPATH": str(ROOT), **(env or {})})


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


def test_a_reader_that_leaves_the_pipe_gets_no_error(tmp_path):
    """``bot ask … | head -1``: head exits after one line; the bot stops quietly, as Unix tools do."""
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader is gone before the bot writes
    environment = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "BOT_DATA_DIR")}
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--no-team-facts", "Who founded MiniMax?"],
                            stdout=write_end, stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=60,
                            env={**environment, "BOT_DATA_DIR": str(tmp_path), "PYTHONPATH": str(ROOT)})
    os.close(write_end)
    assert result.stderr == ""
    assert result.returncode == 141


def test_ask_unknown_says_i_dont_know_with_suggestions():
    result = run("ask", "What about Yan Junjie?")
    assert "I don't know" in result.stdout and "Did you mean:" in result.stdout


def test_ask_unknown_in_chinese_says_so_in_chinese():
    result = run("ask", "MiniMax的CTO是谁?")
    assert result.stdout.startswith("我不知道") and "I don't know" not in result.stdout


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
    result = run("--knowledge-dir", str(broken_copy), "check")
    assert result.returncode == 1
    assert f"facts.yaml: fact {fact_id}: quote does not occur verbatim" in result.stderr


def test_ask_refuses_to_start_on_an_invalid_base(broken_copy):
    (broken_copy / "facts.yaml").write_text("facts:\n  - id: x\n    questions: [unclosed\n", encoding="utf-8")
    result = run("--knowledge-dir", str(broken_copy), "ask", "anything")
    assert result.returncode == 1 and "facts.yaml: line" in result.stderr and result.stdout == ""


def test_eval_exits_1_below_the_bar(tmp_path):
    questions = tmp_path / "set.yaml"
    questions.write_text('items:\n- {q: "How many employees does MiniMax have?", lang: en, expect: ["999"]}\n'
                         '- {q: "hi", lang: en, abstain: true}\n', encoding="utf-8")
    result = run("eval", str(questions), "--min-accuracy", "0.5")
    assert result.returncode == 1
    assert "accuracy: 0.0%" in result.stdout and "MISS" in result.stdout
    assert run("eval", str(questions), "--min-abstention", "0.9").returncode == 0


def assert_one_line_error(result, *expected: str) -> None:
    assert result.returncode != 0 and "Traceback" not in result.stderr, result.stderr
    assert 1 <= len(result.stderr.strip().splitlines()) <= 2, result.stderr
    assert all(e in result.stderr for e in expected), result.stderr


@pytest.mark.parametrize(("content", "expected"), [
    (None, "no such file"),
    ("items: [unclosed\n", "line 2: YAML syntax error"),
    ("", "expected 'items:'"),
    ("items:\n- {lang: en, expect: [x]}\n", "item #1 needs a 'q' string"),
])
def test_eval_mistakes_are_one_line(tmp_path, content, expected):
    path = tmp_path / "set.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert_one_line_error(run("eval", str(path)), str(path.name), expected)


def test_conversation_eval_refuses_a_bad_question_log_setting(tmp_path):
    scripts = tmp_path / "talk.yaml"
    scripts.write_text('scripts:\n- id: one\n  where: dm\n  turns:\n  - {say: "hi", smalltalk: true}\n',
                       encoding="utf-8")
    assert_one_line_error(run("eval", str(scripts), env={"QUESTION_LOG": "maybe"}), "QUESTION_LOG", "'maybe'")
    assert run("eval", str(scripts), env={"QUESTION_LOG": "off"}).returncode == 0


def test_eval_says_which_bar_failed(tmp_path):
    questions = tmp_path / "set.yaml"
    questions.write_text('items:\n- {q: "How many employees does MiniMax have?", lang: en, expect: ["999"]}\n',
                         encoding="utf-8")
    result = run("eval", str(questions), "--min-accuracy", "0.5")
    assert result.returncode == 1 and "FAILED: accuracy 0.0% is below --min-accuracy 50.0%" in result.stderr


@pytest.mark.parametrize("text", ["thanks", "thanks, that's what I needed"])
def test_ask_thanks_gets_a_word_back_not_a_crash(text):
    result = run("ask", text)
    assert result.returncode == 0 and result.stdout.startswith("You're welcome!"), result.stderr


def test_ask_hi_shows_the_same_help_as_slack():
    result = run("ask", "hi")
    assert result.returncode == 0 and "/fact help" in result.stdout and "I don't know:" not in result.stdout
    assert result.stdout.startswith("Hi!") and "Try, for example" in result.stdout and "\n     " not in result.stdout


def test_ask_and_chat_use_team_facts_and_chat_runs_fact_commands(tmp_path):
    data = tmp_path / "data"
    chat = run("chat", stdin="/fact add Who waters the office plants? | Bob does, on Mondays\n"
                             "/fact help\nwho waters the office plants?\n\n", data_dir=data)
    assert chat.returncode == 0, chat.stderr
    assert "Saved fact" in chat.stdout and "/fact search" in chat.stdout and chat.stdout.count("Bob does") >= 2
    asked = run("ask", "who waters the office plants?", data_dir=data)
    assert "Bob does, on Mondays" in asked.stdout and "added by @cli:" in asked.stdout
    alone = run("ask", "--no-team-facts", "who waters the office plants?", data_dir=data)
    assert "I don't know" in alone.stdout


def test_import_dry_run_then_import_then_undo(tmp_path):
    data = tmp_path / "data"
    path = tmp_path / "facts.yaml"
    path.write_text("facts:\n"
                    "- {questions: ['Who waters the office plants?'], answer: {en: Bob., zh: 鲍勃。}}\n"
                    "- {questions: ['who waters the office plants'], answer: {en: Alice.}}\n"
                    "- {questions: ['How many employees does MiniMax have?'], answer: {en: '385'}}\n",
                    encoding="utf-8")
    dry = run("import", str(path), "--dry-run", data_dir=data)
    assert dry.returncode == 0 and "would add 1 fact(s); 2 duplicate(s)" in dry.stdout
    assert "repeats" in dry.stderr and "already answered by a curated fact" in dry.stderr
    refused = run("import", str(path), data_dir=data)
    assert refused.returncode == 1 and "rerun with --skip-duplicates to import the other 1" in refused.stdout
    done = run("import", str(path), "--skip-duplicates", data_dir=data)
    assert done.returncode == 0 and "imported 1 fact(s) as batch ib" in done.stdout
    assert "zh: 鲍勃。" in run("export", data_dir=data).stdout  # both languages kept
    batch = done.stdout.split("batch ", 1)[1].split(" ", 1)[0]
    again = run("import", str(path), "--skip-duplicates", data_dir=data)
    assert "nothing imported: every entry is already known" in again.stdout
    undo = run("import", "--undo", batch, data_dir=data)
    assert undo.returncode == 0 and "removed 1 fact(s)" in undo.stdout


def test_remove_from_the_terminal_is_recorded_as_the_cli_user(tmp_path):
    data = tmp_path / "data"
    run("chat", stdin="/fact add Who waters the office plants? | Bob\n\n", data_dir=data)
    exported = run("export", data_dir=data).stdout
    fact_id = exported.split("- id: ", 1)[1].split("\n", 1)[0]
    removed = run("remove", fact_id, "nosuchid", "--as", "curator-carol", data_dir=data)
    assert removed.returncode == 1 and f"removed {fact_id}" in removed.stdout and "nosuchid" in removed.stderr


def test_db_upgrade_and_current(tmp_path):
    data = tmp_path / "data"
    assert "none" in run("db", "current", data_dir=data).stdout
    assert "(head)" in run("db", "upgrade", data_dir=data).stdout
    assert "run `python -m bot db upgrade`" not in run("db", "current", data_dir=data).stdout


def test_env_file_is_read_and_the_environment_wins(tmp_path):
    (tmp_path / ".env").write_text('LOG_LEVEL=LOUD\nDIGEST_CRON="0 9 * * mon"\n', encoding="utf-8")
    result = run("digest", "--preview", cwd=tmp_path)
    assert_one_line_error(result, "LOG_LEVEL")
    assert run("digest", "--preview", cwd=tmp_path, env={"LOG_LEVEL": "WARNING"}).returncode == 0


def test_env_example_is_valid_for_dotenv_and_the_shell(tmp_path):
    from dotenv import dotenv_values

    values = dotenv_values(ROOT / ".env.example")
    assert values["DIGEST_CRON"] == "0 9 * * mon"
    shell = subprocess.run(["sh", "-c", f"set -a; . {ROOT / '.env.example'}; echo \"$DIGEST_CRON|$QUESTION_LOG\""],
                           capture_output=True, text=True)
    assert shell.returncode == 0 and shell.stdout.strip() == "0 9 * * mon|on", shell.stderr


def test_unexpected_errors_are_one_line_unless_debugging(tmp_path):
    result = run("export", env={"DATABASE_URL": f"sqlite:///{tmp_path}/no/such/dir/../../x.sqlite3",
                                "BOT_DATA_DIR": str(tmp_path)})
    assert "Traceback" not in result.stderr


def test_ask_json_carries_a_comparison_with_every_side():
    [line] = run("ask", "--json", "Hailuo or Talkie: which has more paying users?").stdout.splitlines()
    comparison = json.loads(line)["comparison"]
    assert comparison["attribute"] == "users" and len(comparison["sides"]) == 2
    assert all(side["fact_id"] for side in comparison["sides"]) and comparison["larger"]


def test_running_before_installing_says_how_to_install():
    script = "import sys, runpy; sys.modules['opencc'] = None; sys.argv = ['bot', 'check']; " \
             "runpy.run_module('bot', run_name='__main__')"
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "no module 'opencc'" in result.stderr and "pip install -e ." in result.stderr


def test_ask_explain_also_explains_a_reply_that_is_not_an_answer():
    result = run("ask", "--explain", "tell me a joke")
    assert result.returncode == 0, result.stderr
    assert "the conversation layer replied with 'smalltalk'" in result.stdout
    assert "read as:" in result.stdout and "outcome:" in result.stdout


def test_chat_keeps_no_question_text_when_question_log_is_off(tmp_path):
    import sqlite3

    from bot.config import DEFAULT_DB_FILE

    data = tmp_path / "data"
    chat = run("chat", stdin="How many employees does MiniMax have?\n\n", data_dir=data, env={"QUESTION_LOG": "off"})
    assert chat.returncode == 0, chat.stderr
    with sqlite3.connect(data / DEFAULT_DB_FILE) as db:
        rows = db.execute("select question, fact_id from conversations").fetchall()
    assert rows and all(question is None and fact_id for question, fact_id in rows)
    wrong = run("chat", stdin="\n", data_dir=data, env={"QUESTION_LOG": "maybe"})
    assert wrong.returncode == 1 and "QUESTION_LOG" in wrong.stderr


def test_ask_json_says_whose_when_the_question_names_no_subject():
    whose = json.loads(run("ask", "--json", "revenue?").stdout)["whose"]
    assert whose["attribute"] == "revenue" and "MiniMax" in whose["subjects"]
    assert run("ask", "revenue?").stdout.startswith("Whose revenue? I have it for")
