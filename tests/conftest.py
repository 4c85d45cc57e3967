"""Shared fixtures: a fake Slack Web API and the WSGI app served on a loopback port."""

from __future__ import annotations

import json
import os
import threading
import time
import urllib.error
import urllib.request
from socketserver import ThreadingMixIn
from urllib.parse import urlencode
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

import pytest
from slack_sdk.signature import SignatureVerifier

from bot.startup import start
from bot.wsgi import front
from tests.fakes.slack_api import FakeSlack

SIGNING_SECRET = "test-signing-secret"


@pytest.fixture(autouse=True, scope="session")
def _warm_start_cache(tmp_path_factory):
    """The knowledge base's warm-start cache goes to pytest's own temporary folder (cleaned up like the
    rest of it), not the user's ~/.cache; subprocesses inherit the setting."""
    if "BOT_CACHE_DIR" not in os.environ:
        os.environ["BOT_CACHE_DIR"] = str(tmp_path_factory.mktemp("warm-start-cache"))


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request, tmp_path) -> str:
    """A fresh, empty database: SQLite always; PostgreSQL when TEST_DATABASE_URL is set (else skipped)."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'test.sqlite3'}"
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        pytest.skip("TEST_DATABASE_URL not set: PostgreSQL tests skipped")
    from sqlalchemy import create_engine, text

    from knowledge.store import metadata

    engine = create_engine(url)
    try:
        metadata.drop_all(engine)
        with engine.begin() as conn:
            conn.execute(text("DROP TABLE IF EXISTS alembic_version"))
    except Exception as exc:  # noqa: BLE001 - an unreachable server means skip, not fail
        pytest.skip(f"PostgreSQL at TEST_DATABASE_URL unreachable: {exc}")
    finally:
        engine.dispose()
    return url


@pytest.fixture()
def fake_slack():
    with FakeSlack() as fake:
        yield fake


class _ThreadingWSGIServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True
    request_queue_size = 128  # the default backlog of 5 resets bursts of connections


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, *args):
        pass


class SlackApp:
    """The production WSGI app on 127.0.0.1, and helpers that send it Slack-signed requests."""

    def __init__(self, env: dict[str, str]):
        self.runtime = start(env, check_token=False)
        self.settings = self.runtime.settings
        self.wsgi = front(self.runtime)  # exactly what gunicorn serves: SlackFront -> Bolt
        self.bolt = self.wsgi.bolt.app
        self.server = make_server("127.0.0.1", 0, self.wsgi, server_class=_ThreadingWSGIServer,
                                  handler_class=_QuietHandler)
        self.url = f"http://127.0.0.1:{self.server.server_port}/slack/events"
        threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.runtime.store.dispose()

    def post(self, body: str, content_type: str, headers: dict | None = None, secret: str = SIGNING_SECRET,
             timestamp: int | None = None) -> tuple[int, str]:
        ts = str(timestamp if timestamp is not None else int(time.time()))
        signature = SignatureVerifier(secret).generate_signature(timestamp=ts, body=body)
        request = urllib.request.Request(self.url, data=body.encode(), method="POST", headers={
            "Content-Type": content_type, "X-Slack-Request-Timestamp": ts, "X-Slack-Signature": signature,
            **(headers or {}),
        })
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as err:
            return err.code, err.read().decode()

    def event(self, event: dict, event_id: str = "Ev0001", retry: int | None = None, **kwargs) -> tuple[int, str]:
        body = json.dumps({"token": "x", "team_id": "T0001", "api_app_id": "A0001", "type": "event_callback",
                           "event_id": event_id, "event_time": int(time.time()), "event": event})
        headers = {"X-Slack-Retry-Num": str(retry), "X-Slack-Retry-Reason": "http_timeout"} if retry else None
        return self.post(body, "application/json", headers=headers, **kwargs)

    def interaction(self, payload: dict) -> tuple[int, str]:
        return self.post(urlencode({"payload": json.dumps(payload)}), "application/x-www-form-urlencoded")

    def command(self, text: str, user: str = "U0USER1", command: str = "/fact", **extra) -> tuple[int, str]:
        form = {"command": command, "text": text, "user_id": user, "user_name": f"name-{user.lower()}",
                "channel_id": "C0CHAN1", "team_id": "T0001", "trigger_id": "trig.1",
                "response_url": "http://127.0.0.1:9/response", **extra}
        return self.post(urlencode(form), "application/x-www-form-urlencoded")


@pytest.fixture()
def slack_env(fake_slack, tmp_path) -> dict[str, str]:
    return {
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_SIGNING_SECRET": SIGNING_SECRET, "SLACK_API_URL": fake_slack.url,
        "BOT_DATA_DIR": str(tmp_path / "data"), "FACT_ADMINS": "U0ADMIN1",
    }


@pytest.fixture()
def slack_app(slack_env):
    app = SlackApp(slack_env)
    yield app
    app.close()
