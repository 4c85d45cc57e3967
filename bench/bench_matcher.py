"""Matcher benchmark: build time, latency, peak memory, start-up, and a naive baseline.

    python bench/bench_matcher.py            # prints a Markdown table (used in README)

Each configuration runs in its own process, so peak memory (ru_maxrss) is its own.
"add+remove": the median time to add one fact to the built index and remove it (``Matcher.update``:
in place, no rebuild), as a team-fact change does.
"build": every fact prepared from its text (a first start, or the first after a new release or new aliases).
"restart": at 10k and 100k, a second process builds the same index with the synthetic facts' prepared
entries read from the index cache the first one wrote (``knowledge.index_cache``), as a restarted
worker does with its team facts; its own peak memory beside it.
Latency: p50/p95 over every question of the sets; for the real base, the median of five
passes (the first pass normalises each question afresh, later ones hit the cache).
Bases: the real fact base, and the real base plus synthetic facts to 10k and 100k.
Questions: ../shared/eval/dev.yaml (when present) and tests/eval/*.yaml.
Baseline: rapidfuzz ``WRatio`` over the raw question strings (no normalisation), answering
with the best match when its score is at least 85 (below that, abstain).  At 10k and 100k
facts the baseline is timed on a sample of the questions and its accuracy is not rerun
(the synthetic facts cannot answer them; our accuracy there shows the distractors' effect).
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.evaluation import evaluate, load_eval  # noqa: E402
from knowledge.factbase import Fact, load_factbase  # noqa: E402

SIZES = {"real": 0, "10k": 10_000, "100k": 100_000}
BASELINE_CUTOFF = 85
COMPANIES = [a + b for a in ("zor", "vel", "qua", "nix", "tar", "mol", "bex", "cyr", "dun", "fal", "gor", "hul",
                             "jen", "kap", "lum", "mer", "nov", "orb", "pax", "rix")
             for b in ("tron", "vex", "lia", "dex", "mont", "sen", "gard", "plex", "wave", "corp", "nova", "lab",
                       "soft", "mind", "byte", "core", "grid", "link", "path", "sky")]
METRICS = [("revenue", "营收"), ("headcount", "员工人数"), ("valuation", "估值"), ("net loss", "净亏损"),
           ("paying users", "付费用户"), ("market cap", "市值"), ("gross margin", "毛利率"),
           ("funding round", "融资"), ("API price", "价格"), ("training cost", "训练成本")]
CITIES = ["北京", "上海", "深圳", "杭州", "成都", "广州", "南京", "武汉", "西安", "苏州"]


def question_sets() -> dict[str, list]:
    sets = {}
    dev = ROOT.parent / "shared" / "eval" / "dev.yaml"
    if dev.exists():
        sets["dev"] = load_eval(dev)
    for path in sorted((ROOT / "tests" / "eval").glob("*.yaml")):
        items = load_eval(path)
        if items:  # conversation scripts (``scripts:``) are scored by ``bot eval``, not here
            sets[path.stem] = items
    return sets


def synthetic_facts(n: int, seed: int = 7) -> list[Fact]:
    """Plausible distractors: company x metric x year x city, in English and Chinese."""
    rng = random.Random(seed)
    facts = []
    for i in range(n):
        company = rng.choice(COMPANIES) + rng.choice(COMPANIES)[:3]
        (metric, metric_zh), year, city = rng.choice(METRICS), rng.randint(2010, 2024), rng.choice(CITIES)
        value = rng.randint(1, 9999)
        facts.append(Fact(
            id=f"synthetic-{i}",
            questions=(f"What was {company}'s {metric} in {year}?", f"{company} {year}年{metric_zh}是多少?",
                       f"{company} {city} {metric} {year}"),
            answer_en=f"{company}'s {metric} in {year} was {value}.",
            answer_zh=f"{company}{year}年的{metric_zh}为{value}。",
            quote=f"{company}{year}年{metric_zh}{value}", source=None,
        ))
    return facts


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run_worker(size: str, baseline: bool, cache_dir: Path | None = None) -> dict:
    """One configuration in this process: returns its figures as a dict."""
    from knowledge.matcher import Matcher
    from knowledge.qa import to_answer

    factbase = load_factbase()
    synthetic = synthetic_facts(SIZES[size])
    facts = list(factbase.facts) + synthetic
    sets = question_sets()
    questions = [item.question for items in sets.values() for item in items]
    result: dict = {"size": size, "facts": len(facts)}
    if baseline:
        from rapidfuzz import fuzz, process

        start = time.perf_counter()
        choices = [q for f in facts for q in f.questions]
        owner = [f for f in facts for _ in f.questions]
        result["build_s"] = time.perf_counter() - start

        def ask(question: str):
            found = process.extractOne(question, choices, scorer=fuzz.WRatio, processor=None)
            fact = owner[found[2]] if found and found[1] >= BASELINE_CUTOFF else None
            return _plain_answer(question, fact)
    else:
        start = time.perf_counter()
        matcher = Matcher(facts, factbase.aliases)
        result["build_s"] = time.perf_counter() - start
        result["update_ms"] = _update_ms(matcher)
        if cache_dir is not None:
            cache = _index_cache(cache_dir)
            start = time.perf_counter()
            cache.save(matcher.index_entries(fact.id for fact in synthetic))
            result["cache_write_s"] = time.perf_counter() - start

        def ask(question: str):
            return to_answer(matcher.match(question), factbase.sources)

    # The naive baseline takes ~0.3 s a question at 100k facts: time it on a sample there.
    sample = questions if size == "real" or not baseline else questions[:: max(1, len(questions) // 60)]
    passes = []  # this machine is noisy: p50/p95 of each pass over all questions, median over passes
    for _ in range(5 if size == "real" else 1):
        timings = []
        for question in sample:
            t0 = time.perf_counter()
            ask(question)
            timings.append((time.perf_counter() - t0) * 1000)
        passes.append((percentile(timings, 50), percentile(timings, 95)))
    result["p50_ms"] = statistics.median(p50 for p50, _ in passes)
    result["p95_ms"] = statistics.median(p95 for _, p95 in passes)
    if size == "real" or not baseline:
        for name, items in sets.items():
            report = evaluate(items, ask)
            result[f"{name}_accuracy"], result[f"{name}_abstention"] = report.accuracy, report.abstention
    result["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return result


def run_restart(size: str, cache_dir: Path) -> dict:
    """A worker's restart, as ``QuestionAnswerer`` does it: the curated base, then the synthetic facts as team
    facts whose prepared entries are read from the index cache that ``run_worker`` wrote."""
    from knowledge.matcher import Matcher

    factbase = load_factbase()
    synthetic = synthetic_facts(SIZES[size])
    start = time.perf_counter()
    matcher = Matcher(factbase.facts, factbase.aliases)
    fresh = matcher.update(add=synthetic, reuse=_index_cache(cache_dir).load())
    seconds = time.perf_counter() - start
    if fresh:
        raise SystemExit(f"the index cache lacked {fresh} of {len(synthetic)} entries")
    return {"restart_s": seconds, "restart_peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}


def _index_cache(directory: Path):
    from knowledge.index_cache import IndexCache

    return IndexCache(directory, ROOT / "knowledge", "bench")


def _update_ms(matcher) -> float:
    """Median time to add one team fact to the index and remove it again (an edit is both)."""
    times = []
    for n in range(30):
        fact = Fact(id=f"bench-update-{n}", questions=(f"Who leads the Quokka{n} team in Lagos?",),
                    answer_en=f"Person {n}.", answer_zh=f"{n}号")
        t0 = time.perf_counter()
        matcher.update(add=[fact])
        matcher.update(remove=[fact.id])
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def _plain_answer(question: str, fact: Fact | None):
    from knowledge.answers import Answer

    return Answer(question=question, lang="en", score=0.0, fact=fact, source=None, matched_question=None,
                  alternatives=())


def startup_seconds(runs: int = 5) -> float:
    """Median wall time of ``python -m bot ask`` from process start to printed answer."""
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "ask", "--no-team-facts", "How many employees does MiniMax have?"],
                       cwd=ROOT, check=True, capture_output=True)
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--worker", choices=list(SIZES))
    parser.add_argument("--baseline", action="store_true")
    parser.add_argument("--sizes", default="real,10k,100k")
    parser.add_argument("--cache-dir", type=Path, help="worker: write (or, with --restart, read) the index cache here")
    parser.add_argument("--restart", action="store_true")
    args = parser.parse_args()
    if args.worker:
        worker = run_restart(args.worker, args.cache_dir) if args.restart else run_worker(
            args.worker, args.baseline, args.cache_dir)
        print(json.dumps(worker))
        return 0
    rows = []
    for size in args.sizes.split(","):
        for baseline in (False, True):
            with tempfile.TemporaryDirectory() as cache_dir:  # (private: mode 0700)
                cmd = [sys.executable, __file__, "--worker", size] + (["--baseline"] if baseline else [])
                cached = size != "real" and not baseline
                out = subprocess.run(cmd + (["--cache-dir", cache_dir] if cached else []), check=True,
                                     capture_output=True, text=True).stdout
                result = json.loads(out)
                if cached:
                    out = subprocess.run(cmd + ["--cache-dir", cache_dir, "--restart"], check=True,
                                         capture_output=True, text=True).stdout
                    result.update(json.loads(out))
            rows.append((("naive WRatio" if baseline else "ours"), result))
    set_names = sorted({k[: -len("_accuracy")] for _, r in rows for k in r if k.endswith("_accuracy")})
    header = ["matcher", "facts", "build s", "restart s (peak MB)", "add+remove ms", "p50 ms", "p95 ms", "peak MB"]
    header += [f"{n} acc / abst" for n in set_names]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for name, r in rows:
        update = f"{r['update_ms']:.2f}" if "update_ms" in r else "–"
        restart = f"{r['restart_s']:.2f} ({r['restart_peak_mb']:.0f})" if "restart_s" in r else "–"
        cells = [name, f"{r['facts']:,}", f"{r['build_s']:.2f}", restart, update, f"{r['p50_ms']:.2f}",
                 f"{r['p95_ms']:.2f}", f"{r['peak_mb']:.0f}"]
        cells += [f"{r[n + '_accuracy']:.1%} / {r[n + '_abstention']:.1%}" if n + "_accuracy" in r else "–"
                  for n in set_names]
        print("| " + " | ".join(cells) + " |")
    print(f"\n`python -m bot ask` process start to answer (median of 5): {startup_seconds():.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
