"""Start-up mistakes, as an admin makes them: one or two lines on stderr, a non-zero exit, no traceback,
no secret; and the Procfile's web line halts instead of respawning workers."""

import os
import signal
import subprocess
import sys
import time
import urllib.request

import pytest

from bot.app import check_slack
from bot.config import Settings
from bot.runtime import StartupError
from bot.startup import start
from tests.bot.test_cli import ROOT
from tests.conftest import SIGNING_SECRET

WEB = ["gunicorn", "--config", "python:bot.gunicorn_conf", "bot.wsgi:create_wsgi_app()"]


def gunicorn(env: dict, timeout: float = 30) -> subprocess.CompletedProcess:
    executable = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    return subprocess.run([executable, *WEB[1:]], env={**os.environ, **env}, cwd=ROOT, capture_output=True,
                          text=True, timeout=timeout)


def assert_one_clear_line(result, *expected: str) -> None:
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    mine = [line for line in result.stderr.splitlines() if line.startswith("factbot:") or "error" in line.lower()]
    assert mine and all(e in result.stderr for e in expected), result.stderr


def test_gunicorn_halts_on_a_bad_setting_with_one_line(slack_env):
    result = gunicorn({**slack_env, "LOG_LEVEL": "LOUD", "PORT": "38219"})
    assert_one_clear_line(result, "LOG_LEVEL")
    assert "Booting worker" not in result.stderr  # stopped in the master, before forking


def test_gunicorn_never_prints_a_database_password(slack_env, tmp_path):
    result = gunicorn({**slack_env, "PORT": "38219", "DATABASE_URL": "postgresql://bot:hunter2@127.0.0.1:9/x"})
    assert_one_clear_line(result, "cannot use the database at postgresql+psycopg://bot:***@")
    assert "hunter2" not in result.stderr + result.stdout


def test_gunicorn_serves_on_an_empty_data_folder(slack_env, tmp_path):
    port = "38217"
    env = {**os.environ, **slack_env, "PORT": port, "WEB_CONCURRENCY": "2",
           "BOT_DATA_DIR": str(tmp_path / "empty")}
    executable = os.path.join(os.path.dirname(sys.executable), "gunicorn")
    proc = subprocess.Popen([executable, *WEB[1:]], env=env, cwd=ROOT, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)
    try:
        deadline, report = time.monotonic() + 30, None
        while time.monotonic() < deadline and report is None:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                    report = response.read().decode()
            except OSError:
                time.sleep(0.2)
        assert report and '"ok": true' in report, proc.stderr.read1().decode() if report is None else report
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        proc.wait(timeout=20)


@pytest.mark.parametrize(("change", "expected"), [
    ({"SLACK_BOT_TOKEN": ""}, "SLACK_BOT_TOKEN is required"),
    ({"SLACK_SIGNING_SECRET": ""}, "SLACK_SIGNING_SECRET is required in HTTP mode"),
    ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, "SLACK_BOT_TOKEN: expected a token starting with 'xoxb-'"),
    ({"DATABASE_URL": "mysql+nosuchdriver://u:pw@h/db"}, "is not a database URL SQLAlchemy knows"),
    ({"SLACK_API_URL": "http://127.0.0.1:9/api/"}, "cannot reach Slack at http://127.0.0.1:9/api/"),
])
def test_start_up_mistakes_are_one_line(slack_env, change, expected):
    with pytest.raises(StartupError) as err:
        start({**slack_env, **change})
    message = str(err.value.code)
    assert expected in message and "\n" not in message and "pw" not in message.replace("pw@", "")


def test_a_refused_token_names_the_variable(slack_env, fake_slack):
    fake_slack.fail_next("auth.test", "invalid_auth")
    with pytest.raises(StartupError, match="SLACK_BOT_TOKEN was refused by Slack"):
        check_slack(Settings.from_env(slack_env))


def test_postgresql_without_its_driver_says_which_extra_to_install(slack_env, monkeypatch):
    for name in [m for m in sys.modules if m == "psycopg" or m.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # as if not installed
    with pytest.raises(StartupError, match=r"pip install '\.\[postgres\]'"):
        start({**slack_env, "DATABASE_URL": "postgres://u@127.0.0.1:5432/test"}, check_token=False)


def test_bolt_never_logs_that_the_token_will_be_unused(slack_env, caplog, monkeypatch):
    monkeypatch.setenv("SLACK_BOT_TOKEN", slack_env["SLACK_BOT_TOKEN"])
    from bot.app import create_app
    from bot.runtime import handler_deps

    runtime = start(slack_env, check_token=False)
    create_app(runtime.settings, handler_deps(runtime))
    assert not any("will be unused" in r.getMessage() for r in caplog.records)
    assert SIGNING_SECRET not in caplog.text
