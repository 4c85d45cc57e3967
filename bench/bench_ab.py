"""Two versions of the matcher timed alternately on the same questions: is a change faster or slower?

    python bench/bench_ab.py OTHER_CHECKOUT [--runs 2]

OTHER_CHECKOUT is another checkout of this repository (``git worktree add /tmp/start <commit>``). Each run
starts one process per checkout, in turn, that builds the real fact base's index with that checkout's code
and times ``match()`` and the answer over every question of *this* checkout's question sets (as
``bench_matcher.py`` reads them), five passes; it prints each run's p50, p95 (the median over the passes)
and mean. Alternating the two in one sitting is what makes a few percent visible on a noisy machine; a
digest of the answers (fact, score, phrasing, alternatives) says whether they differ at all.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def worker(questions_file: Path) -> dict:
    """In a process whose ``sys.path`` starts with the checkout being timed."""
    from knowledge.factbase import load_factbase
    from knowledge.matcher import Matcher
    from knowledge.qa import to_answer

    questions = json.loads(questions_file.read_text(encoding="utf-8"))
    factbase = load_factbase()
    matcher = Matcher(factbase.facts, factbase.aliases)
    passes, digest = [], hashlib.sha256()
    for n in range(5):
        timings = []
        for question in questions:
            start = time.perf_counter()
            match = matcher.match(question)
            to_answer(match, factbase.sources)
            timings.append((time.perf_counter() - start) * 1000)
            if n == 0:
                digest.update(f"{question}|{match.fact.id if match.fact else None}|{match.score}|"
                              f"{match.matched_question}|{match.alternatives}\n".encode())
        ordered = sorted(timings)
        passes.append((ordered[len(ordered) // 2], ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))],
                       statistics.mean(timings)))
    return {"p50_ms": statistics.median(p[0] for p in passes), "p95_ms": statistics.median(p[1] for p in passes),
            "mean_ms": statistics.median(p[2] for p in passes), "answers": digest.hexdigest()[:16]}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("other", type=Path, nargs="?", help="another checkout of this repository")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)  # (internal: the questions file)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker)))
        return 0
    if args.other is None or not (args.other / "knowledge" / "matcher.py").is_file():
        parser.error("give another checkout of this repository (git worktree add /tmp/start <commit>)")
    sys.path.insert(0, str(ROOT))
    from bench.bench_matcher import question_sets

    questions = [item.question for items in question_sets().values() for item in items]
    questions_file = ROOT / ".bench_ab_questions.json"
    questions_file.write_text(json.dumps(questions, ensure_ascii=False), encoding="utf-8")
    try:
        for run in range(1, args.runs + 1):
            for checkout in (args.other.resolve(), ROOT):
                out = subprocess.run([sys.executable, __file__, "--worker", str(questions_file)], cwd=checkout,
                                     env={**os.environ, "PYTHONPATH": str(checkout)}, check=True, capture_output=True,
                                     text=True).stdout
                r = json.loads(out.strip().splitlines()[-1])
                print(f"run {run} {checkout}: {len(questions)} questions, p50 {r['p50_ms']:.3f} ms, "
                      f"p95 {r['p95_ms']:.3f} ms, mean {r['mean_ms']:.3f} ms, answers {r['answers']}")
    finally:
        questions_file.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
