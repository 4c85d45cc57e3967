"""Choose the matcher's answering policy (threshold, margin, content coverage) on the tuning sets.

    python bench/tune_matcher.py

Tuning data: ../shared/eval/dev.yaml and tests/eval/tuning*.yaml.  The held-out set
(tests/eval/heldout.yaml) is deliberately NOT read here; README reports it separately.
Each question is ranked once; every policy in the grid is then applied to the rankings.
Policies are ranked by their worse distance to the bars (95% accuracy, 90% abstention),
then by accuracy + abstention; ties go to the most cautious policy.
"""

from __future__ import annotations

import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.answers import build_answer  # noqa: E402
from knowledge.evaluation import is_correct, load_eval  # noqa: E402
from knowledge.factbase import load_factbase  # noqa: E402
from knowledge.matcher import Matcher, Policy  # noqa: E402

THRESHOLDS = [50, 52.5, 55, 57.5, 60, 62.5, 65, 67.5, 70]
MARGINS = [0, 1, 2, 3, 4, 6, 8]
CONTENT = [0.3, 0.4, 0.5, 0.6]
LONE_THRESHOLDS = [40, 45, 50, 55, 101]  # 101: no lone-candidate rule
LONE_MARGINS = [15, 20, 30]


def tuning_items() -> list:
    paths = [ROOT.parent / "shared" / "eval" / "dev.yaml", *sorted((ROOT / "tests" / "eval").glob("tuning*.yaml"))]
    return [item for path in paths if path.exists() for item in load_eval(path)]


def main() -> int:
    factbase = load_factbase()
    matcher = Matcher(factbase.facts, factbase.aliases)
    items = tuning_items()
    rankings = [(item, matcher.rank(item.question)) for item in items]
    results = []
    for threshold, margin, content, lone, lone_margin in itertools.product(
        THRESHOLDS, MARGINS, CONTENT, LONE_THRESHOLDS, LONE_MARGINS
    ):
        policy = Policy(threshold, margin, content, lone, lone_margin)
        right = {True: 0, False: 0}
        total = {True: 0, False: 0}
        for item, ranked in rankings:
            answer = build_answer(matcher.decide(item.question, ranked, policy), factbase.sources)
            total[item.abstain] += 1
            right[item.abstain] += is_correct(item, answer)
        accuracy = right[False] / max(total[False], 1)
        abstention = right[True] / max(total[True], 1)
        results.append((round(min(accuracy - 0.95, abstention - 0.90), 4), accuracy + abstention, accuracy, abstention,
                        policy))
    # Ties go to the most cautious policy: higher thresholds, then margins, then coverage.
    results.sort(key=lambda r: (r[0], round(r[1], 4), r[4].threshold, r[4].lone_threshold, r[4].margin,
                                r[4].lone_margin, r[4].min_content_recall), reverse=True)
    print(f"{len(items)} tuning questions ({sum(not i.abstain for i in items)} answerable)")
    print("meets bars | accuracy | abstention | threshold | margin | min content | lone threshold | lone margin")
    for ok, _, accuracy, abstention, p in results[:12]:
        print(f"{'yes' if ok >= 0 else 'no ':>10} | {accuracy:8.1%} | {abstention:10.1%} | {p.threshold:9} | "
              f"{p.margin:6} | {p.min_content_recall:11} | {p.lone_threshold:14} | {p.lone_margin:11}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
