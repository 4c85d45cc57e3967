"""The HTTP front of the Slack app: size limit and signature check before anything is parsed.

Bolt parses a request body before it verifies the signature, and logs the whole body of a
request with a bad signature.  So every request to ``/slack/events`` passes through
``SlackFront`` first: bodies over ``MAX_BODY_BYTES`` get 413 without being read, unsigned,
stale or forged requests get 400/401 with one WARNING line (no body, values ``repr``-ed), and
signed bodies that are not what Slack sends get 400.  Only then does Bolt see the request
(and verify it again).  ``GET /healthz`` reports, without a signature and without secrets,
whether the database answers and the index is loaded.
"""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qs

from slack_sdk.signature import SignatureVerifier

logger = logging.getLogger(__name__)

# Slack's largest payloads (a modal submission with every field full, a message shortcut on a
# long message) stay well under 1 MB; anything bigger is not from Slack.
MAX_BODY_BYTES = 1024 * 1024
MAX_CLOCK_SKEW = 5 * 60  # Slack's own rule: refuse requests more than five minutes off
EVENTS_PATH = "/slack/events"
HEALTH_PATH = "/healthz"

WSGIApp = Callable[[dict, Callable], Iterable[bytes]]


class SlackFront:
    """WSGI middleware in front of Bolt's ``SlackRequestHandler``."""

    def __init__(self, bolt: WSGIApp, signing_secret: str, health: Callable[[], dict[str, Any]],
                 clock: Callable[[], float] = time.time):
        self.bolt = bolt
        self.verifier = SignatureVerifier(signing_secret, clock=_Clock(clock))
        self.health = health
        self.clock = clock

    def __call__(self, environ: dict, start_response: Callable) -> Iterable[bytes]:
        path, method = environ.get("PATH_INFO", ""), environ.get("REQUEST_METHOD", "")
        if path == HEALTH_PATH and method in ("GET", "HEAD"):
            report = self.health()
            return _reply(start_response, 200 if report.get("ok") else 503, report)
        if path != EVENTS_PATH:
            return _reply(start_response, 404, {"error": "not found"})
        if method != "POST":
            return _reply(start_response, 405, {"error": "POST only"})
        refusal, body = self._check(environ)
        if refusal is not None:
            status, reason = refusal
            logger.warning("refused %s request from %r: %s", method, environ.get("REMOTE_ADDR"), reason)
            return _reply(start_response, status, {"error": reason})
        environ["wsgi.input"] = io.BytesIO(body)
        environ["CONTENT_LENGTH"] = str(len(body))
        return self.bolt(environ, start_response)

    def _check(self, environ: dict) -> tuple[tuple[int, str] | None, bytes]:
        length = environ.get("CONTENT_LENGTH") or ""
        if not length.isdigit():
            return (411 if not length else 400, "a Content-Length is required"), b""
        if int(length) > MAX_BODY_BYTES:
            return (413, f"body of {int(length)} bytes is over the {MAX_BODY_BYTES}-byte limit"), b""
        body = environ["wsgi.input"].read(int(length))
        timestamp = environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP", "")
        signature = environ.get("HTTP_X_SLACK_SIGNATURE", "")
        if not timestamp.isdigit() or not signature.startswith("v0="):
            return (400, f"missing or malformed signature headers (timestamp {timestamp[:20]!r})"), b""
        if abs(self.clock() - int(timestamp)) > MAX_CLOCK_SKEW:
            return (401, "stale or future timestamp"), b""
        try:
            text = body.decode("utf-8")
        except UnicodeDecodeError:
            return (400, "body is not UTF-8"), b""
        if not self.verifier.is_valid(body=text, timestamp=timestamp, signature=signature):
            return (401, "invalid signature"), b""
        if not _looks_like_slack(text, environ.get("CONTENT_TYPE", "")):
            return (400, "signed, but not a Slack payload (expected a JSON object or a form)"), b""
        return None, body


def _looks_like_slack(text: str, content_type: str) -> bool:
    """Slack sends a JSON object (events) or a form (commands; interactions with a JSON ``payload``)."""
    try:
        if content_type.startswith("application/json"):
            return isinstance(json.loads(text), dict)
        form = parse_qs(text, strict_parsing=bool(text), max_num_fields=200)
        payload = form.get("payload")
        return payload is None or (len(payload) == 1 and isinstance(json.loads(payload[0]), dict))
    except (ValueError, RecursionError):
        return False


class _Clock:
    """``SignatureVerifier`` asks a clock object for ``now()``."""

    def __init__(self, clock: Callable[[], float]):
        self._clock = clock

    def now(self) -> float:
        return self._clock()


def _reply(start_response: Callable, status: int, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    reason = {200: "OK", 400: "Bad Request", 401: "Unauthorized", 404: "Not Found", 405: "Method Not Allowed",
              411: "Length Required", 413: "Payload Too Large", 503: "Service Unavailable"}[status]
    start_response(f"{status} {reason}", [("Content-Type", "application/json"),
                                          ("Content-Length", str(len(data)))])
    return [data]
