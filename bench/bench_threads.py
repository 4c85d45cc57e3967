"""Thread follow-up latency behind the Procfile's web process.

    python bench/bench_threads.py [--samples 100]

For each sample, an @-mention opens a thread ("What was MiniMax's revenue in 2023?"), then an
unmentioned reply in that thread asks a follow-up ("and the net loss?"): measured is the time
from the signed ``message`` POST of the follow-up to the fake Slack recording the bot's reply.
Also counts replies per follow-up (must be exactly one) and chatter replies (must be none).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from bench.bench_slack import SECRET, free_port, procfile_env, procfile_web_command, wait_until_up  # noqa: E402
from tests.fakes.slack_api import BOT_USER_ID, FakeSlack  # noqa: E402


class Poster:
    def __init__(self, url: str):
        self.url, self.verifier, self.n, self.lock = url, SignatureVerifier(SECRET), 0, threading.Lock()

    def send(self, event: dict) -> float:
        with self.lock:
            self.n += 1
            n = self.n
        body = json.dumps({"type": "event_callback", "event_id": f"EvThread{n}", "team_id": "T1", "event": event})
        stamp = str(int(time.time()))
        request = urllib.request.Request(self.url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self.verifier.generate_signature(timestamp=stamp, body=body)})
        sent = time.monotonic()
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        return sent


def replies_in(fake: FakeSlack, root: str) -> list[dict]:
    return [p for p in fake.posted("chat.postMessage") if p.get("thread_ts") == root]


def wait_until(predicate, timeout: float = 10) -> float | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return time.monotonic()
        time.sleep(0.002)
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--samples", type=int, default=100)
    args = parser.parse_args()
    port = free_port()
    with FakeSlack() as fake, tempfile.TemporaryDirectory() as data_dir:
        env = procfile_env(fake.url, data_dir, port)
        server = subprocess.Popen(procfile_web_command(port), cwd=ROOT, env=env)
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            wait_until_up(port, timeout=30)
            poster = Poster(url)
            latencies, extra = [], 0
            for i in range(args.samples + 5):  # the first five warm up
                root = f"1700001000.{i:06d}"
                poster.send({"type": "app_mention", "user": "U1", "channel": "C1", "ts": root,
                             "text": f"<@{BOT_USER_ID}> What was MiniMax's revenue in 2023?"})
                wait_until(lambda root=root: len(replies_in(fake, root)) >= 1)
                poster.send({"type": "message", "channel_type": "channel", "user": "U2", "channel": "C1",
                             "ts": f"1700002000.{i:06d}", "thread_ts": root, "text": "wow, that's small"})
                sent = poster.send({"type": "message", "channel_type": "channel", "user": "U1", "channel": "C1",
                                    "ts": f"1700003000.{i:06d}", "thread_ts": root, "text": "and the net loss?"})
                done = wait_until(lambda root=root: len(replies_in(fake, root)) >= 2)
                time.sleep(0.05)  # anything more (a reply to the chatter, a double reply) would arrive by now
                count = len(replies_in(fake, root))
                extra += max(count - 2, 0)
                if i >= 5 and done is not None:
                    latencies.append((done - sent) * 1000)
        finally:
            server.terminate()
            server.wait(timeout=10)
    latencies.sort()
    workers = os.environ.get("WEB_CONCURRENCY", "2")
    print(f"thread follow-up without a mention, signed message POST -> reply recorded ({len(latencies)} samples, "
          f"Procfile web, {workers} workers): p50 {statistics.median(latencies):.1f} ms, "
          f"p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms; extra replies {extra}")
    return 1 if extra or len(latencies) < args.samples else 0


if __name__ == "__main__":
    sys.exit(main())
