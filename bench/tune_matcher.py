"""Choose the matcher's policy (penalties, thresholds, margins, coverage) on the tuning sets.

    python bench/tune_matcher.py [--top 12] [--penalties ATTRIBUTE,LONE,MENTION]

Tuning data: ../shared/eval/dev.yaml and tests/eval/tuning*.yaml.  The held-out sets
(tests/eval/heldout.yaml, tests/eval/natural.yaml) are deliberately NOT read here; the
README reports them separately.

Each question is read once and ranked once per penalty setting (attribute, mention); every
answering policy in the grid is then applied to those rankings.  Policies are ranked by pooled
accuracy + abstention over all tuning questions, then by how they do on their *worst* tuning set
(its distance to the bars, 97% accuracy and 95% abstention, whichever is worse); ties go to the
most cautious policy.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from knowledge.answers import build_answer  # noqa: E402
from knowledge.evaluation import is_correct, load_eval  # noqa: E402
from knowledge.factbase import load_factbase  # noqa: E402
from knowledge.matcher import Matcher, Policy, _covers_all  # noqa: E402
from knowledge.qa import to_answer  # noqa: E402

ACCURACY_BAR, ABSTENTION_BAR = 0.97, 0.95
# Penalties change the ranking; the rest only the decision.
ATTRIBUTE_PENALTIES = [20, 30, 40]
LONE_ATTRIBUTE_PENALTIES = [0, 10, 20]
MENTION_PENALTIES = [20, 30, 40]
THRESHOLDS = [50, 55, 60, 65]
MARGINS = [8, 12]
CONTENT = [0.3, 0.5]
LONE_THRESHOLDS = [40, 101]
LONE_MARGINS = [10, 15]
LONE_CONTENT = [0.3, 0.4, 0.5]
MISMATCH_THRESHOLDS = [60, 70, 80]
MISMATCH_EVIDENCE = [0.3, 0.5, 0.7]
SMALL_TALK_THRESHOLDS = [60, 70]


def tuning_sets() -> dict[str, list]:
    paths = [ROOT.parent / "shared" / "eval" / "dev.yaml", *sorted((ROOT / "tests" / "eval").glob("tuning*.yaml"))]
    return {path.stem: load_eval(path) for path in paths if path.exists()}


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--top", type=int, default=12)
    parser.add_argument("--penalties", metavar="ATTRIBUTE,LONE,MENTION",
                        help="fix the three penalties (one ranking pass instead of 27: minutes, not an hour)")
    args = parser.parse_args()
    penalties = (itertools.product(ATTRIBUTE_PENALTIES, LONE_ATTRIBUTE_PENALTIES, MENTION_PENALTIES)
                 if not args.penalties else [tuple(float(x) for x in args.penalties.split(","))])
    factbase = load_factbase()
    matcher = Matcher(factbase.facts, factbase.aliases)
    sets = tuning_sets()
    items = [(name, item, matcher.read(item.question)) for name, its in sets.items() for item in its]
    verdicts: dict[tuple[int, str | None], bool] = {}  # (item, answering fact id) -> correct?

    def correct(n: int, fact) -> bool:
        key = (n, fact.id if fact else None)
        if key not in verdicts:
            item = items[n][1]
            empty = matcher.decide(item.question, [])  # the asker's language, no fact
            answer = build_answer(dataclasses.replace(empty, fact=fact), factbase.sources)
            verdicts[key] = is_correct(item, answer)
        return verdicts[key]

    results = []
    for attribute_penalty, lone_attribute_penalty, mention_penalty in penalties:
        scoring = Policy(attribute_penalty=attribute_penalty, lone_attribute_penalty=lone_attribute_penalty,
                         mention_penalty=mention_penalty)
        rankings = [matcher.rank_reading(reading, scoring) for _, _, reading in items]
        for threshold, margin, content, lone, lone_margin, lone_content, mismatch, evidence, small_talk in \
                itertools.product(THRESHOLDS, MARGINS, CONTENT, LONE_THRESHOLDS, LONE_MARGINS, LONE_CONTENT,
                                  MISMATCH_THRESHOLDS, MISMATCH_EVIDENCE, SMALL_TALK_THRESHOLDS):
            policy = Policy(threshold, margin, content, lone, lone_margin, lone_content,
                            attribute_penalty=attribute_penalty, lone_attribute_penalty=lone_attribute_penalty,
                            mention_penalty=mention_penalty,
                            mismatch_threshold=mismatch, mismatch_evidence=evidence, small_talk_threshold=small_talk)
            tallies = _tallies(matcher, policy, items, rankings, sets, factbase, correct)
            results.append(_summary(tallies, policy))
    default = Policy()
    rankings = [matcher.rank_reading(reading, default) for _, _, reading in items]
    results.append(_summary(_tallies(matcher, default, items, rankings, sets, factbase, correct), default, True))
    # Pooled accuracy + abstention first (every tuning question counts the same: on a 31-question set
    # one miss is 3 points), then the worst set's distance to the bars; ties go to the most cautious.
    results.sort(key=lambda r: (r[1], r[0], r[5], r[4].threshold, r[4].lone_threshold, r[4].margin,
                                r[4].lone_margin, r[4].min_content_recall, r[4].lone_min_content_recall), reverse=True)
    print(f"{len(items)} tuning questions in {len(sets)} sets: {', '.join(sets)}; {len(results)} policies")
    print("worst set vs bars | accuracy | abstention | per set (accuracy / abstention) | policy")
    shown = results[: args.top] + [r for r in results[args.top :] if r[5]]
    for worst, _, accuracy, abstention, p, is_default, per_set in shown:
        sets_text = ", ".join(f"{name} {a:.0%}/{b:.0%}" for name, (a, b) in per_set.items())
        print(f"{worst:+17.3f} | {accuracy:8.1%} | {abstention:10.1%} | {sets_text} | "
              f"{'(current defaults) ' if is_default else ''}{_describe(p)}")
    return 0


def _tallies(matcher, policy, items, rankings, sets, factbase, correct) -> dict:
    tallies: dict[str, dict[bool, list[int]]] = {name: {True: [0, 0], False: [0, 0]} for name in sets}
    for n, ((name, item, reading), ranked) in enumerate(zip(items, rankings, strict=True)):
        ok = _outcome(matcher, policy, reading, ranked, item, factbase, n, correct)
        tally = tallies[name][item.abstain]
        tally[0] += ok
        tally[1] += 1
    return tallies


def _summary(tallies: dict, policy: Policy, default: bool = False) -> tuple:
    shortfalls = [_shortfall(t) for t in tallies.values()]
    pooled = {k: [sum(t[k][0] for t in tallies.values()), sum(t[k][1] for t in tallies.values())]
              for k in (True, False)}
    per_set = {name: (_rate(t[False]), _rate(t[True])) for name, t in tallies.items()}
    return (round(min(shortfalls), 4), round(_rate(pooled[False]) + _rate(pooled[True]), 4), _rate(pooled[False]),
            _rate(pooled[True]), policy, default, per_set)


def _describe(p: Policy) -> str:
    return (f"penalties attribute {p.attribute_penalty:g} (lone {p.lone_attribute_penalty:g}), mention "
            f"{p.mention_penalty:g}; threshold {p.threshold:g}, margin {p.margin:g}, content {p.min_content_recall:g}; "
            f"lone {p.lone_threshold:g}/{p.lone_margin:g}/{p.lone_min_content_recall:g}; mismatch "
            f"{p.mismatch_threshold:g} or {p.mismatch_evidence:g}; small talk {p.small_talk_threshold:g}")


def _outcome(matcher, policy, reading, ranked, item, factbase, n, correct) -> bool:
    """Whether ``policy`` gets this item right (comparisons go through the full answer)."""
    match = matcher.decide(reading.question, ranked, policy, reading=reading)  # as the bot decides, by meaning too
    fact = match.fact
    if reading.is_comparison:
        if not _covers_all(match, reading):
            answer = to_answer(matcher.answer(reading, ranked, policy), factbase.sources)
            return is_correct(item, answer)
    if item.abstain:
        return fact is None
    return fact is not None and correct(n, fact)


def _rate(tally: list[int]) -> float:
    return tally[0] / tally[1] if tally[1] else 1.0


def _shortfall(tally: dict[bool, list[int]]) -> float:
    """How far a set is above (+) or below (-) the bars, whichever is worse."""
    return min(_rate(tally[False]) - ACCURACY_BAR, _rate(tally[True]) - ABSTENTION_BAR)


if __name__ == "__main__":
    sys.exit(main())
