"""Match a question to a fact, or abstain.

The index is built once from the facts.  Answering a question:

1. normalise it (``knowledge.normalize``) and correct typos in Latin words against the
   index vocabulary with rapidfuzz (``hailou`` -> ``hailuo``);
2. collect candidate facts from an inverted index (rare tokens first, so 100k facts
   stay fast);
3. drop candidates that fail the *guard*: every entity (company, person, product),
   metric (revenue, net loss, valuation...), model version and year the question names
   must appear in the fact ("M1" never gets an "M2" fact, "Kimi" never gets a MiniMax
   fact, "revenue" never gets a net-loss fact);
4. score each survivor by its best phrasing: IDF-weighted share of the question's
   words the phrasing covers, the share of the phrasing the question covers, and
   rapidfuzz's similarity of the two token strings, blended with how much of the
   question the whole fact (answers and keywords included) covers;
5. answer only when the best score clears ``threshold``, leads the runner-up by
   ``margin`` and the fact covers enough of the question's non-entity words;
   otherwise abstain.  Up to three alternatives are returned either way.
"""

from __future__ import annotations

import heapq
import math
import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from knowledge.factbase import Aliases, Fact
from knowledge.normalize import Normalized, Normalizer, is_chinese

# The answering policy, chosen by ``python bench/tune_matcher.py`` on ../shared/eval/dev.yaml and
# tests/eval/tuning*.yaml (never on tests/eval/heldout.yaml).
DEFAULT_THRESHOLD = 50.0
DEFAULT_MARGIN = 12.0
# A question that names only entities ("Yan Junjie?") could mean any fact about them.
DEFAULT_VAGUE_MARGIN = 10.0
DEFAULT_LONE_THRESHOLD = 40.0
DEFAULT_LONE_MARGIN = 15.0
DEFAULT_SCALED_MARGIN = True
DEFAULT_LONE_MIN_CONTENT_RECALL = 0.5
MAX_CANDIDATES = 30
# The answer, its runner-up and three alternatives are scored exactly; others only if they could beat them.
KEEP_EXACT = 5
MAX_ALTERNATIVES = 3
TYPO_WEIGHT = 0.8
# Words no fact uses count for less than the rarest known word: paraphrase filler
# ("serve", "mny") should dent a match, not sink it.  Off-topic questions still fail,
# because none of their words are covered.
UNKNOWN_WEIGHT = 0.5
# Sharing an entity is not enough: "Moonshot's revenue" must not get a Moonshot IPO fact.
# The fact must also cover this share (IDF-weighted) of the question's other words.
DEFAULT_MIN_CONTENT_RECALL = 0.3
CJK_CHAR_WEIGHT = 0.4
# Score blend: a phrasing's IDF-weighted recall of the question, its precision, and rapidfuzz's
# similarity of the sorted token strings; then the best phrasing blended with the whole fact's recall.
W_RECALL, W_PRECISION, W_SIMILARITY = 0.55, 0.25, 0.20
W_FACT = 0.25
# Guarded figures: model names and versions ("m2", "gpt5", "v3.2", "2.0") and years, not every
# number: "per 1M tokens" must not rule out a price fact that says "per million".
_NUMBER = re.compile(r"\d+(?:\.\d+)*")
_GUARDED_FIGURE = re.compile(r"[a-z]+\d+(?:\.\d+)*[a-z]*|\d+\.\d+|(?:19|20)\d\d")
_LATIN_WORD = re.compile(r"[a-z]{4,}")
_TYPO_MIN_LENGTH = 5  # "earn" is one edit from "ears": too short to guess at


@dataclass(frozen=True)
class Alternative:
    fact_id: str
    question: str
    score: float


@dataclass(frozen=True)
class Match:
    """The outcome for one question: the fact (None when abstaining), its score and alternatives."""

    question: str
    lang: str
    fact: Fact | None
    score: float
    matched_question: str | None
    alternatives: tuple[Alternative, ...]

    @property
    def answered(self) -> bool:
        return self.fact is not None


@dataclass(frozen=True)
class Policy:
    """When to answer.

    The fact must cover at least ``min_content_recall`` of the question's non-entity words,
    and either its score clears ``threshold`` leading the runner-up by ``margin``, or it is
    clearly alone: it clears the lower ``lone_threshold``, leads by ``lone_margin`` and covers
    at least ``lone_min_content_recall`` of the question's other words.
    A question naming only entities needs the larger ``vague_margin``.
    """

    threshold: float = DEFAULT_THRESHOLD
    margin: float = DEFAULT_MARGIN
    min_content_recall: float = DEFAULT_MIN_CONTENT_RECALL
    lone_threshold: float = DEFAULT_LONE_THRESHOLD
    lone_margin: float = DEFAULT_LONE_MARGIN
    lone_min_content_recall: float = DEFAULT_LONE_MIN_CONTENT_RECALL
    vague_margin: float = DEFAULT_VAGUE_MARGIN
    scaled_margin: bool = DEFAULT_SCALED_MARGIN

    def accepts(self, best: Scored, runner_up: float) -> bool:
        lead = best.score - runner_up
        margin = self.margin
        if self.scaled_margin:  # a near-exact match needs less lead: the margin shrinks as the score nears 100
            margin *= (100 - best.score) / 50
        if best.vague:  # however well it matches, a bare name could mean any fact about it
            margin = max(margin, self.vague_margin)
        return best.content_recall >= self.min_content_recall and (
            (best.score >= self.threshold and lead >= margin)
            or (best.score >= self.lone_threshold and lead >= max(self.lone_margin, margin)
                and best.content_recall >= self.lone_min_content_recall)
        )


@dataclass(frozen=True)
class Scored:
    score: float
    entry: _Entry
    phrasing: str  # the best-matching question phrasing, shown as "I think you're asking"
    content_recall: float  # share of the question's non-entity words the fact covers
    vague: bool  # the question has no words besides entities, model names and numbers


@dataclass(frozen=True)
class _Phrasing:
    text: str
    tokens: frozenset[str]
    sorted_text: str
    weight: float  # sum of the IDF of its tokens
    is_question: bool


@dataclass(frozen=True)
class _Entry:
    fact: Fact
    phrasings: tuple[_Phrasing, ...]
    tokens: frozenset[str]
    guard: frozenset[str]  # entity and metric tokens, model names, versions and years
    figures: frozenset[str]  # the figures its answer states ("385", "11.02"), to recognise a repeated claim
    where: dict[str, tuple[int, ...]]  # token -> indexes of the phrasings that contain it


class Matcher:
    """An immutable index over a set of facts."""

    def __init__(
        self,
        facts: Iterable[Fact],
        aliases: Aliases,
        policy: Policy | None = None,
        normalizer: Normalizer | None = None,
    ):
        self.policy = policy or Policy()
        self.normalize = normalizer or Normalizer(aliases)
        raw = [
            (fact, [(text, self.normalize(text), is_q) for text, is_q in _phrasing_texts(fact)]) for fact in facts
        ]
        df: dict[str, int] = defaultdict(int)  # in how many facts each token occurs
        for _, parts in raw:
            for token in set().union(*(n.tokens for _, n, _ in parts)):
                df[token] += 1
        n_facts = max(len(raw), 1)
        # A token's weight is its IDF; a lone Chinese character counts for less, because
        # its bigrams already carry the word ("业务" is 业 + 务 + 业务).
        self._idf = {
            t: math.log(1 + n_facts / n) * (CJK_CHAR_WEIGHT if _is_cjk_char(t) else 1.0) for t, n in df.items()
        }
        self._default_idf = math.log(1 + n_facts)
        self._entries: list[_Entry] = []
        self._postings: dict[str, list[int]] = defaultdict(list)
        for i, (fact, parts) in enumerate(raw):
            phrasings = tuple(self._phrasing(text, n, is_q) for text, n, is_q in parts)
            tokens = frozenset().union(*(p.tokens for p in phrasings))
            entities = frozenset().union(*(n.entities for _, n, _ in parts))
            guard = entities | (tokens & self.normalize.metric_tokens) | {
                t for t in tokens if _GUARDED_FIGURE.fullmatch(t)}
            figures = frozenset(t for t in self.normalize(fact.answer_zh).tokens if _is_figure(t))
            where: dict[str, list[int]] = defaultdict(list)
            for k, p in enumerate(phrasings):
                for token in p.tokens:
                    where[token].append(k)
            self._entries.append(_Entry(fact, phrasings, tokens, guard, figures,
                                        {t: tuple(ks) for t, ks in where.items()}))
            for token in tokens:
                self._postings[token].append(i)
        self._by_id = {e.fact.id: e for e in self._entries}
        # Typo correction candidates, by first letter: entity spellings first, then index words.
        self._entity_spellings = self._spellings_of_entities(aliases)
        self._typo_choices: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
        for word in self._entity_spellings:
            self._typo_choices[word[0]][0].append(word)
        for word in sorted(t for t in self._postings if _LATIN_WORD.fullmatch(t)):
            self._typo_choices[word[0]][1].append(word)

    def __len__(self) -> int:
        return len(self._entries)

    def fact(self, fact_id: str) -> Fact | None:
        entry = self._by_id.get(fact_id)
        return entry.fact if entry else None

    def facts(self) -> list[Fact]:
        return [e.fact for e in self._entries]

    # ---- answering -------------------------------------------------------------

    def match(self, question: str) -> Match:
        return self.decide(question, self.rank(question))

    def rank(self, question: str) -> list[Scored]:
        """Every candidate fact that passes the guard, best first (no abstention yet)."""
        query = self._query_tokens(self.normalize(question))
        return self._rank(query) if query else []

    def decide(self, question: str, ranked: list[Scored], policy: Policy | None = None) -> Match:
        """Answer with the best candidate, or abstain, under ``policy`` (default: this matcher's)."""
        policy = policy or self.policy
        best = ranked[0] if ranked else None
        answered = best is not None and policy.accepts(best, _rival_score(best, ranked))
        shown = ranked[1:] if answered else ranked
        alternatives = tuple(
            Alternative(s.entry.fact.id, s.phrasing, round(s.score, 1)) for s in shown[:MAX_ALTERNATIVES]
        )
        return Match(
            question=question,
            lang="zh" if is_chinese(question) else "en",
            fact=best.entry.fact if answered else None,
            score=round(best.score, 1) if best else 0.0,
            matched_question=best.phrasing if answered else None,
            alternatives=alternatives,
        )

    def search(self, text: str, limit: int = 5) -> list[tuple[Fact, float]]:
        """The best-scoring facts for free-text search terms, whatever their score."""
        return [(s.entry.fact, round(s.score, 1)) for s in self.rank(text)[:limit]]

    def _query_tokens(self, normalized: Normalized) -> dict[str, float]:
        """Question tokens with their weight; unknown words are stemmed ("h800s") or typo-corrected."""
        weights: dict[str, float] = {}
        for token in normalized.tokens:
            stem = self._known_stem(token) if token not in self._postings and token.isascii() else None
            if stem:
                weights.setdefault(stem, self._idf[stem])
                continue
            if token not in self._postings and _LATIN_WORD.fullmatch(token):
                corrected = self._correct(token) if len(token) >= _TYPO_MIN_LENGTH else None
                if corrected:
                    weights.setdefault(corrected, TYPO_WEIGHT * self._idf.get(corrected, self._default_idf))
                    continue
            default = UNKNOWN_WEIGHT * self._default_idf * (CJK_CHAR_WEIGHT if _is_cjk_char(token) else 1.0)
            weights.setdefault(token, self._idf.get(token, default))
        return weights

    def _known_stem(self, token: str) -> str | None:
        """An indexed word this one inflects: "valuations" -> "valuation", "invested" -> "invest"."""
        for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"), ("ing", ""),
                                    ("ing", "e"), ("d", "")):
            if token.endswith(suffix) and len(token) - len(suffix) >= 3:
                stem = token[: len(token) - len(suffix)] + replacement
                if stem in self._postings:
                    return stem
        return None

    def _correct(self, token: str) -> str | None:
        """The known word within one edit or swap (two for long words) sharing the first letter, if any.

        Entity spellings are tried first, so "hailou" becomes the Hailuo entity.  Typos
        rarely hit the first letter, and requiring it keeps "serve" from becoming "reserve".
        """
        max_edits = 1 if len(token) <= 7 else 2
        if token[0] not in self._typo_choices:
            return None
        entity_words, index_words = self._typo_choices[token[0]]
        found = process.extractOne(token, entity_words, scorer=OSA.distance, processor=None, score_cutoff=max_edits)
        if found:
            return self._entity_spellings[found[0]]
        found = process.extractOne(token, index_words, scorer=OSA.distance, processor=None, score_cutoff=max_edits)
        return found[0] if found else None

    def _rank(self, query: dict[str, float]) -> list[Scored]:
        entities, metrics = self.normalize.entity_tokens, self.normalize.metric_tokens
        guard = {t for t in query if t in entities or t in metrics or _GUARDED_FIGURE.fullmatch(t)}
        content = {t: w for t, w in query.items() if t not in guard or t in metrics}
        content = {t: w for t, w in content.items() if not _NUMBER.fullmatch(t)}
        if not content and not guard & entities:
            return []  # nothing but numbers and stopwords ("what's 2 + 2?"): nothing to match on
        total = sum(query.values())
        q_sorted = " ".join(sorted(query))
        # No phrasing can cover more of the question than the whole fact does: that bounds a
        # candidate's score, so the most promising are scored first and hopeless ones skipped.
        bounded = []
        for entry in self._candidates(query):
            if guard <= entry.guard:
                fact_recall = sum(query[t] for t in entry.tokens & query.keys()) / total
                bound = 100 * ((1 - W_FACT) * (W_RECALL * fact_recall + W_PRECISION + W_SIMILARITY)
                               + W_FACT * fact_recall)
                bounded.append((bound, fact_recall, entry))
        bounded.sort(key=lambda b: b[0], reverse=True)
        scored: list[Scored] = []
        top: list[float] = []  # min-heap of the KEEP_EXACT best scores so far
        for bound, fact_recall, entry in bounded:
            if len(top) >= KEEP_EXACT and bound <= top[0]:
                break  # neither this nor any later candidate can reach the answer, runner-up or alternatives
            result = self._score(entry, query, total, fact_recall, content, q_sorted)
            heapq.heappush(top, result.score)
            if len(top) > KEEP_EXACT:
                heapq.heappop(top)
            scored.append(result)
        scored.sort(key=lambda s: s.score, reverse=True)
        return scored

    def _candidates(self, query: dict[str, float]) -> list[_Entry]:
        """Facts sharing a token with the question, the rarest tokens' facts first."""
        overlap: dict[int, float] = defaultdict(float)
        for token in sorted(query, key=lambda t: len(self._postings.get(t, ())))[:8]:
            for i in self._postings.get(token, ()):
                overlap[i] += query[token]
        best = heapq.nlargest(MAX_CANDIDATES, overlap.items(), key=lambda kv: kv[1])
        return [self._entries[i] for i, _ in best]

    def _score(
        self, entry: _Entry, query: dict[str, float], total: float, fact_recall: float, content: dict[str, float],
        q_sorted: str,
    ) -> Scored:
        q_tokens = query.keys()
        content_total = sum(content.values())
        content_recall = (
            sum(content[t] for t in entry.tokens & content.keys()) / content_total if content_total else 1.0
        )
        # Per phrasing, the weight of the question it covers and of itself it shares.
        covered: dict[int, float] = defaultdict(float)
        shared: dict[int, float] = defaultdict(float)
        for t in entry.tokens & q_tokens:
            for k in entry.where[t]:
                covered[k] += query[t]
                shared[k] += self._idf[t]
        best, best_text = 0.0, entry.fact.questions[0]
        for k in sorted(covered, key=covered.__getitem__, reverse=True):
            p = entry.phrasings[k]
            score = W_RECALL * covered[k] / total + W_PRECISION * shared[k] / p.weight
            if score + W_SIMILARITY <= best:
                continue  # even a perfect string similarity could not beat the best phrasing so far
            score += W_SIMILARITY * fuzz.ratio(q_sorted, p.sorted_text, processor=None) / 100
            if score > best:
                best = score
                if p.is_question:
                    best_text = p.text
        return Scored(100 * ((1 - W_FACT) * best + W_FACT * fact_recall), entry, best_text, content_recall,
                      vague=not content)

    # ---- index construction ----------------------------------------------------

    def _phrasing(self, text: str, normalized: Normalized, is_question: bool) -> _Phrasing:
        tokens = frozenset(normalized.tokens)
        return _Phrasing(
            text=text,
            tokens=tokens,
            sorted_text=" ".join(sorted(tokens)),
            weight=sum(self._idf[t] for t in tokens),
            is_question=is_question,
        )

    def _spellings_of_entities(self, aliases: Aliases) -> dict[str, str]:
        """Latin one-word spellings of entities (``hailuo``) -> entity token, for typo correction."""
        spellings = {}
        for name, forms in aliases.entities.items():
            token = self.normalize(name).tokens
            for form in (name, *forms):
                word = form.casefold()
                if _LATIN_WORD.fullmatch(word) and token:
                    spellings[word] = token[0]
        return spellings


def _rival_score(best: Scored, ranked: list[Scored]) -> float:
    """The best score among candidates that say something else.

    A runner-up stating the same figures as the best (the cash reserve in a "cash runway"
    fact) is the same claim told twice, not a competing answer, so it does not count
    against the best's lead.
    """
    for other in ranked[1:]:
        if not (best.entry.figures and best.entry.figures & other.entry.figures):
            return other.score
    return 0.0


def _is_figure(token: str) -> bool:
    """A number that identifies a claim: not a year, not a small count like "3"."""
    if not _NUMBER.fullmatch(token) or re.fullmatch(r"(?:19|20)\d\d", token):
        return False
    return "." in token or int(token) >= 10


def _is_cjk_char(token: str) -> bool:
    return len(token) == 1 and "\u3400" <= token <= "\u9fff"


def _phrasing_texts(fact: Fact) -> list[tuple[str, bool]]:
    """Every text a fact can be matched by: its questions, its keywords, its answers."""
    texts = [(q, True) for q in fact.questions]
    if fact.keywords:
        texts.append((" ".join(fact.keywords), False))
    texts.extend((a, False) for a in (fact.answer_en, fact.answer_zh) if a)
    return texts
