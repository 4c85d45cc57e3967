"""Slack app benchmark: the Procfile's gunicorn command against a fake Slack on loopback.

    python bench/bench_slack.py [--seconds 20] [--senders 8]

Measures (1) latency from a signed ``app_mention`` POST to the recorded ``chat.postMessage``,
p50/p95 over sequential questions, and (2) sustained questions per second with N concurrent
senders for the given time, checking that every question got exactly one reply.
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from slack_sdk.signature import SignatureVerifier  # noqa: E402

from tests.fakes.slack_api import BOT_USER_ID, FakeSlack  # noqa: E402

SECRET = "bench-signing-secret"
QUESTIONS = ["How many employees does MiniMax have?", "MiniMax 有多少员工?", "minimax ipo date??",
             "黃仁勳說中國會贏嗎?", "What is OpenAI's valuation?", "What's the weather in Shenzhen?"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def procfile_web_command(port: int) -> list[str]:
    line = next(x for x in (ROOT / "Procfile").read_text().splitlines() if x.startswith("web:"))
    command = line.split(":", 1)[1].strip().replace("$PORT", str(port)).replace("0.0.0.0", "127.0.0.1")
    command = shlex.split(os.path.expandvars(command.replace("${WEB_CONCURRENCY:-2}",
                                                             os.environ.get("WEB_CONCURRENCY", "2"))))
    local = Path(sys.executable).parent / command[0]  # this venv's gunicorn, activated or not
    return [str(local) if local.exists() else command[0], *command[1:]]


def procfile_env(slack_url: str, data_dir: str, port: int) -> dict[str, str]:
    """The environment the benchmarks give the Procfile's web process: the fake Slack, a scratch SQLite."""
    env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": SECRET,
           "SLACK_API_URL": slack_url, "BOT_DATA_DIR": data_dir, "LOG_LEVEL": "WARNING", "PORT": str(port)}
    env.pop("DATABASE_URL", None)
    return env


class Sender:
    def __init__(self, url: str):
        self.url = url
        self.verifier = SignatureVerifier(SECRET)
        self.count = 0
        self.lock = threading.Lock()

    def mention(self, question: str) -> tuple[str, float]:
        with self.lock:
            self.count += 1
            n = self.count
        ts = f"1700000000.{n:06d}"
        body = json.dumps({"type": "event_callback", "event_id": f"EvBench{n}", "team_id": "T1", "event": {
            "type": "app_mention", "user": "U1", "channel": "C1", "ts": ts, "text": f"<@{BOT_USER_ID}> {question}"}})
        stamp = str(int(time.time()))
        request = urllib.request.Request(self.url, data=body.encode(), method="POST", headers={
            "Content-Type": "application/json", "X-Slack-Request-Timestamp": stamp,
            "X-Slack-Signature": self.verifier.generate_signature(timestamp=stamp, body=body)})
        sent = time.monotonic()
        with urllib.request.urlopen(request, timeout=10) as response:
            assert response.status == 200
        return ts, sent


def wait_until_up(port: int, timeout: float = 60) -> None:
    """Return once the web process on ``port`` answers ``/healthz``; raise if it never does."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=1):
                return
        except OSError:  # refused while starting (URLError, HTTPError are OSErrors)
            time.sleep(0.05)
    raise RuntimeError(f"the web process on port {port} did not come up within {timeout:.0f} s")


def wait_for_replies(fake: FakeSlack, stamps: list[str], timeout: float = 30) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline and not all(ts in fake.posted_at for ts in stamps):
        time.sleep(0.01)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--senders", type=int, default=8)
    parser.add_argument("--latency-samples", type=int, default=200)
    args = parser.parse_args()
    port = free_port()
    with FakeSlack() as fake, tempfile.TemporaryDirectory() as data_dir:
        env = procfile_env(fake.url, data_dir, port)
        server = subprocess.Popen(procfile_web_command(port), cwd=ROOT, env=env)
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            wait_until_up(port)
            sender = Sender(url)
            for question in QUESTIONS:  # warm up
                wait_for_replies(fake, [sender.mention(question)[0]])
            latencies = []
            for i in range(args.latency_samples):
                ts, sent = sender.mention(QUESTIONS[i % len(QUESTIONS)])
                wait_for_replies(fake, [ts], timeout=10)
                latencies.append((fake.posted_at[ts] - sent) * 1000)
            fake.reset()
            stamps: list[str] = []
            stop = time.monotonic() + args.seconds

            def run(k: int) -> None:
                i = k
                while time.monotonic() < stop:
                    stamps.append(sender.mention(QUESTIONS[i % len(QUESTIONS)])[0])
                    i += 1

            started = time.monotonic()
            threads = [threading.Thread(target=run, args=(k,)) for k in range(args.senders)]
            for t in threads:
                t.start()
            for t in threads:
                t.join()
            wait_for_replies(fake, stamps)
            elapsed = max(fake.posted_at.values(), default=started) - started
            replies = [p["thread_ts"] for p in fake.posted("chat.postMessage")]
            lost = len(set(stamps) - set(replies))
            duplicated = len(replies) - len(set(replies))
        finally:
            server.terminate()
            server.wait(timeout=10)
    latencies.sort()
    print(f"server: {' '.join(procfile_web_command(port))}")
    print(f"latency, signed app_mention POST -> chat.postMessage recorded ({len(latencies)} sequential): "
          f"p50 {statistics.median(latencies):.1f} ms, p95 {latencies[int(0.95 * (len(latencies) - 1))]:.1f} ms")
    print(f"throughput: {len(stamps)} questions from {args.senders} senders in {args.seconds:.0f} s -> "
          f"{len(set(replies)) / elapsed:.0f} answered/s; lost {lost}, duplicated {duplicated}")
    return 1 if lost or duplicated else 0


if __name__ == "__main__":
    sys.exit(main())
