"""A fake Slack Web API on a loopback port: records every call and answers like Slack.

Used by the end-to-end tests and the benchmark (point ``SLACK_API_URL`` at ``url``).
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlparse

BOT_USER_ID = "UBOT0001"


class FakeSlack:
    def __init__(self):
        self.calls: list[tuple[str, dict]] = []
        self.posted_at: dict[str, float] = {}  # thread_ts -> when chat.postMessage arrived (monotonic)
        self.failures: dict[str, list[dict]] = {}  # method -> queued error responses
        self.replies: list[dict] = []  # what conversations.replies returns
        self._lock = threading.Condition()
        self._ts = 0
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):  # noqa: N802 - http.server API
                length = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(length).decode("utf-8")
                if "json" in (self.headers.get("Content-Type") or ""):
                    payload = json.loads(raw or "{}")
                else:
                    payload = dict(parse_qsl(raw))
                    for key in ("blocks", "view"):
                        if isinstance(payload.get(key), str):
                            payload[key] = json.loads(payload[key])
                method = urlparse(self.path).path.rsplit("/", 1)[-1]
                status, body = fake._respond(method, payload)
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                if status == 429:
                    self.send_header("Retry-After", "0")
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/api/"
        self._thread = threading.Thread(target=self.server.serve_forever, kwargs={"poll_interval": 0.05},
                                        daemon=True)

    def __enter__(self) -> FakeSlack:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _respond(self, method: str, payload: dict) -> tuple[int, dict]:
        with self._lock:
            queued = self.failures.get(method)
            if queued:
                failure = queued.pop(0)
                self.calls.append((method, payload))
                self._lock.notify_all()
                return failure.get("status", 200), failure["body"]
            self._ts += 1
            ts = f"{int(time.time())}.{self._ts:06d}"
            self.calls.append((method, payload))
            if method == "chat.postMessage" and payload.get("thread_ts"):
                self.posted_at.setdefault(payload["thread_ts"], time.monotonic())
            self._lock.notify_all()
        if method == "auth.test":
            return 200, {"ok": True, "user_id": BOT_USER_ID, "bot_id": "BBOT0001", "team_id": "T0001",
                         "user": "factbot", "team": "Test", "url": "https://test.slack.com/"}
        if method in ("chat.postMessage", "chat.update"):
            return 200, {"ok": True, "channel": payload.get("channel"), "ts": ts, "message": {"ts": ts}}
        if method == "chat.postEphemeral":
            return 200, {"ok": True, "message_ts": ts}
        if method == "chat.getPermalink":
            return 200, {"ok": True, "permalink": f"https://test.slack.com/archives/{payload.get('channel')}/p1"}
        if method == "conversations.replies":
            return 200, {"ok": True, "messages": list(self.replies)}
        if method == "views.publish":
            return 200, {"ok": True, "view": {"id": "VHOME", **(payload.get("view") or {})}}
        if method in ("views.open", "views.update", "views.push"):
            return 200, {"ok": True, "view": {"id": "V0001", **(payload.get("view") or {})}}
        return 200, {"ok": True}

    def posted(self, method: str) -> list[dict]:
        with self._lock:
            return [p for m, p in self.calls if m == method]

    def wait_for(self, method: str, count: int = 1, timeout: float = 5.0) -> list[dict]:
        """Block until ``count`` calls of ``method`` were recorded; returns them all."""
        deadline = time.monotonic() + timeout
        with self._lock:
            while True:
                found = [p for m, p in self.calls if m == method]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(f"expected {count} {method} call(s), got {len(found)}: {self.calls}")
                self._lock.wait(remaining)

    def fail_next(self, method: str, error: str, status: int = 200) -> None:
        body = {"ok": False, "error": error}
        with self._lock:
            self.failures.setdefault(method, []).append({"status": status, "body": body})

    def reset(self) -> None:
        with self._lock:
            self.calls.clear()
            self.posted_at.clear()
