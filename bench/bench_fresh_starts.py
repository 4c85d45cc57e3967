"""Start the Procfile's web line N times on an empty data folder; count how many come up.

    python bench/bench_fresh_starts.py [N]      (default 50; about 2 s per start)

Each start gets a new empty BOT_DATA_DIR, two workers (WEB_CONCURRENCY=2) and the fake Slack
Web API; it counts as up when ``/healthz`` answers ``"ok": true`` within 30 s.  Prints the
count and the start-to-healthy times.
"""

from __future__ import annotations

import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.fakes.slack_api import FakeSlack  # noqa: E402

GUNICORN = str(Path(sys.executable).parent / "gunicorn")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def one_start(slack_url: str) -> float | None:
    port = free_port()
    with tempfile.TemporaryDirectory() as data:
        env = {**os.environ, "SLACK_BOT_TOKEN": "xoxb-bench", "SLACK_SIGNING_SECRET": "bench",
               "SLACK_API_URL": slack_url, "BOT_DATA_DIR": str(Path(data) / "empty"), "PORT": str(port),
               "WEB_CONCURRENCY": "2", "LOG_LEVEL": "WARNING"}
        env.pop("DATABASE_URL", None)
        started = time.monotonic()
        proc = subprocess.Popen([GUNICORN, "--config", "python:bot.gunicorn_conf", "bot.wsgi:create_wsgi_app()"],
                                cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                                start_new_session=True)
        try:
            while time.monotonic() - started < 30 and proc.poll() is None:
                try:
                    with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                        if b'"ok": true' in response.read():
                            return time.monotonic() - started
                except OSError:
                    time.sleep(0.1)
            print(f"start failed: {proc.stderr.read1().decode()[-500:] if proc.poll() is not None else 'timeout'}")
            return None
        finally:
            os.killpg(proc.pid, signal.SIGTERM)
            proc.wait(timeout=20)


def main() -> None:
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 50
    with FakeSlack() as slack:
        times = [one_start(slack.url) for _ in range(n)]
    up = [t for t in times if t is not None]
    print(f"fresh starts of the Procfile web line (2 workers, empty data folder): {len(up)}/{n} came up; "
          f"start to healthy: median {statistics.median(up):.2f} s, max {max(up):.2f} s" if up else f"0/{n} came up")


if __name__ == "__main__":
    main()
