"""Team facts at scale behind the Procfile's web process: acks, freshness across workers, question latency.

    python bench/bench_team_facts.py [--team-facts 10000] [--adds 30]

Seeds a fresh SQLite database with N team facts, starts the Procfile's ``web:`` command
(gunicorn, ``WEB_CONCURRENCY`` workers, default 2) against the fake Slack Web API, then, while
a sender asks questions without pause, adds facts one at a time with signed ``/fact add Q | A``
slash commands.  Measures:

- the ``/fact add`` ack: the slash command's HTTP response time (it saves, and brings the
  worker that took it up to date);
- freshness: from the ack, how long until the new fact is answered, and until it is answered
  by every worker (6 answers in a row right: each question lands on any worker);
- question latency while facts are being added: signed ``app_mention`` POST to the recorded reply.
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
import urllib.request
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.bench_slack import (  # noqa: E402
    SECRET,
    Sender,
    free_port,
    procfile_env,
    procfile_web_command,
    wait_until_up,
)
from tests.fakes.slack_api import FakeSlack  # noqa: E402

QUESTIONS = ["How many employees does MiniMax have?", "MiniMax 有多少员工?", "What is OpenAI's valuation?",
             "黃仁勳說中國會贏嗎?", "Who founded MiniMax?", "What's the weather in Shenzhen?"]
CITIES = ["Lagos", "Quito", "Hanoi", "Oslo", "Lima", "Perth", "Dakar", "Riga", "Sofia", "Tunis"]
# Added facts must differ in words, not only in a number (plain numbers are not guarded): each added
# fact's question has its own animal and its own place.
ANIMALS = """quokka narwhal axolotl pangolin okapi capybara tapir lemur ibex dingo marmot ocelot wombat gecko
    bison heron walrus jackal koala lynx macaw newt otter puffin quail raven stoat toucan urchin vole""".split()
PLACES = """harbor summit canyon meadow glacier lagoon prairie tundra delta savanna fjord atoll mesa bayou
    steppe marsh estuary plateau ridge grove oasis reef dune cove basin cliff bluff valley creek island""".split()
ALL_WORKERS = 6  # answers in a row that must be right before "every worker answers it"


def seed(url: str, n: int) -> None:
    from knowledge.store import Store
    from knowledge.teamfacts import TeamFacts, make_draft

    store = Store(url)
    team = TeamFacts(store)
    for start in range(0, n, 1000):
        drafts = [(None, make_draft([f"Who leads team {i} of the {CITIES[i % 10]} office of Zorvex{i % 97}?"],
                                    f"Team {i} of the {CITIES[i % 10]} office is led by person {i}."))
                  for i in range(start, min(n, start + 1000))]
        team.add_many(drafts, "U0SEED", "seed")
    store.dispose()


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))] if ordered else float("nan")


def slash(url: str, text: str) -> tuple[float, str]:
    from slack_sdk.signature import SignatureVerifier

    body = urlencode({"command": "/fact", "text": text, "user_id": "U0BENCH", "user_name": "bench",
                      "channel_id": "C1", "team_id": "T1", "trigger_id": "trig.1",
                      "response_url": "http://127.0.0.1:9/response"})
    stamp = str(int(time.time()))
    request = urllib.request.Request(url, data=body.encode(), method="POST", headers={
        "Content-Type": "application/x-www-form-urlencoded", "X-Slack-Request-Timestamp": stamp,
        "X-Slack-Signature": SignatureVerifier(SECRET).generate_signature(timestamp=stamp, body=body)})
    sent = time.monotonic()
    with urllib.request.urlopen(request, timeout=30) as response:
        payload = response.read().decode()
    return (time.monotonic() - sent) * 1000, payload


def reply_to(fake: FakeSlack, ts: str, timeout: float = 10) -> str | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for post in fake.posted("chat.postMessage"):
            if post.get("thread_ts") == ts:
                return post.get("text", "") + json.dumps(post.get("blocks", []), ensure_ascii=False)
        time.sleep(0.005)
    return None


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--team-facts", type=int, default=10_000)
    parser.add_argument("--adds", type=int, default=30)
    args = parser.parse_args()
    port = free_port()
    with FakeSlack() as fake, tempfile.TemporaryDirectory() as data_dir:
        env = procfile_env(fake.url, data_dir, port)
        subprocess.run([sys.executable, "-m", "bot", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                       capture_output=True)
        t0 = time.perf_counter()
        seed(f"sqlite:///{Path(data_dir) / 'factbot.sqlite3'}", args.team_facts)
        seeded = time.perf_counter() - t0
        t0 = time.perf_counter()
        server = subprocess.Popen(procfile_web_command(port), cwd=ROOT, env=env)
        url = f"http://127.0.0.1:{port}/slack/events"
        try:
            wait_until_up(port, timeout=300)  # 10,000 team facts to index first
            sender = Sender(url)
            for question in QUESTIONS * 2:  # warm up both workers
                reply_to(fake, sender.mention(question)[0], timeout=60)
            started = time.perf_counter() - t0
            latencies: list[float] = []
            stop = threading.Event()

            def ask_without_pause() -> None:
                i = 0
                while not stop.is_set():
                    ts, sent = sender.mention(QUESTIONS[i % len(QUESTIONS)])
                    if reply_to(fake, ts) is not None:
                        latencies.append((fake.posted_at[ts] - sent) * 1000)
                    i += 1

            background = threading.Thread(target=ask_without_pause)
            background.start()
            acks, first_right, all_right = [], [], []
            for k in range(args.adds):
                project = f"{ANIMALS[k % len(ANIMALS)]} {PLACES[(k * 7) % len(PLACES)]}".title()
                question = f"What is the code name of the {project} project?"
                answer = f"Code name Wombat-{k}."
                ack_ms, payload = slash(url, f"add {question} | {answer}")
                acked = time.monotonic()
                acks.append(ack_ms)
                if "Saved" not in payload:
                    print(f"add {k} not saved: {payload[:200]}", file=sys.stderr)
                    continue
                streak, first = 0, None
                while streak < ALL_WORKERS and time.monotonic() - acked < 30:
                    text = reply_to(fake, sender.mention(question)[0]) or ""
                    if f"Wombat-{k}." in text:
                        streak += 1
                        first = first if first is not None else time.monotonic() - acked
                    else:
                        streak = 0
                if first is not None:
                    first_right.append(first * 1000)
                if streak >= ALL_WORKERS:
                    all_right.append((time.monotonic() - acked) * 1000)
            stop.set()
            background.join()
        finally:
            server.terminate()
            server.wait(timeout=10)
    workers = os.environ.get("WEB_CONCURRENCY", "2")
    print(f"{args.team_facts:,} team facts (seeded in {seeded:.1f} s); server: {' '.join(procfile_web_command(port))}"
          f" ({workers} workers), up and warm in {started:.1f} s")
    print(f"/fact add ack ({len(acks)}): p50 {statistics.median(acks):.0f} ms, p95 {percentile(acks, 95):.0f} ms, "
          f"max {max(acks):.0f} ms")
    print(f"new fact answered, from the ack: first answer p50 {percentile(first_right, 50):.0f} ms; "
          f"every worker ({ALL_WORKERS} right in a row) p50 {percentile(all_right, 50):.0f} ms, "
          f"p95 {percentile(all_right, 95):.0f} ms, max {max(all_right, default=float('nan')):.0f} ms "
          f"({len(all_right)}/{len(acks)} within 30 s)")
    print(f"questions while facts are added ({len(latencies)}): p50 {percentile(latencies, 50):.1f} ms, "
          f"p95 {percentile(latencies, 95):.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
