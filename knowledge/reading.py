"""Reading a question (or a fact's phrasing): whom it is about, what it asks, and the rest.

A *reading* is what the matcher works from: the question's subjects (entity ids from
``aliases.yaml`` ``entities``), the attribute it asks for (from ``attributes``: founder,
revenue, price...), the years and model versions it names, and its remaining content words.
The same reading infers ``about`` and ``attribute`` for facts that do not declare them
(team facts), from their questions.

Typo correction needs the index's vocabulary, so the matcher passes a ``Vocabulary``.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Protocol

from rapidfuzz.distance import OSA

from knowledge.homophones import Homophones
from knowledge.normalize import EN_STOPWORDS, Normalized, Normalizer, fold
from knowledge.smalltalk import asks_for_fun

# Attributes named by generic wordings ("what is", "say", "meet", "compare"): they tell what a
# question asks only when no specific attribute is named ("What is Zhipu's revenue?" asks revenue).
GENERIC_ATTRIBUTES = frozenset({"definition", "identity", "said", "event", "comparison", "relation"})


@lru_cache(maxsize=1024)
def first_specific(attributes: tuple[str, ...]) -> str | None:
    """The first attribute of a text that is not generic, if any (few distinct tuples: cached)."""
    return next((a for a in attributes if a not in GENERIC_ATTRIBUTES), None)


YEAR = re.compile(r"(?:19|20)\d\d")
# Model names and versions not folded into an entity: "gpt6", "v4", "2.0".
VERSION = re.compile(r"[a-z]+\d+(?:\.\d+)*[a-z]*|\d+\.\d+")
NUMBER = re.compile(r"\d+(?:\.\d+)*")
# Attributes no article tells (aliases.yaml says why): a question asking one is refused
NEVER_TOLD = frozenset({"verdict", "advisor", "author", "advice", "salary", "churn", "damages", "scholarship",
                        "tomorrow", "net_worth", "court", "cornerstone", "debt", "thesis", "headline",
                        "royalty", "option_premium", "process_node", "kyc", "sla", "stake", "staff_breakdown",
                        "sponsor", "ipo_proceeds", "platform_fee", "benchmark_score", "county", "other_margin",
                        "today", "dividend"})
DATE_ATTRIBUTES = frozenset({"founded", "release", "ipo"})  # told by a date: compared by which came first
MONTH_NAMES = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
               "november", "december")
MONTHS = "|".join(MONTH_NAMES) + r"|jan|feb|mar|apr|jun|jul|aug|sept?|oct|nov|dec"  # for patterns of dates
# A day of a month: "2月13日", "Feb 13", "13 February"
DAY_OF_MONTH = re.compile(rf"\d{{1,2}}月\d{{1,2}}[日号]|\b(?:{MONTHS})\.? \d{{1,2}}\b|\b\d{{1,2}} (?:{MONTHS})\b",
                          re.IGNORECASE)
# Words that only say which way two sides compare ("哪个更多", "which is bigger"): no side's fact holds them
_MORE_OR_LESS = frozenset("more less bigger larger higher lower greater smaller fewer cheaper".split())
COMPARATIVES = _MORE_OR_LESS | frozenset("更 多 少 大 小 高 低 更多 更少 更大 更小 更高 更低".split())
# Words that ask to set two subjects side by side ("MiniMax vs OpenAI", "哪个付费用户多").
_COMPARISON_WORDS = _MORE_OR_LESS | frozenset(
    "vs versus or compare compared comparison than which between both each and against".split())
_COMPARISON_ZH = ("比", "还是", "哪个", "哪家", "哪一个", "相比", "对比", "比较", "更", "分别", "和", "与", "跟", "及",
                  "谁")
_LATIN_WORDS = re.compile(r"[a-z]+")


PERIOD = "period"


def is_period(token: str) -> bool:
    """A part of a year ("period9m": the first three quarters, from aliases.yaml terms), not the word "period"."""
    return token.startswith(PERIOD) and token != PERIOD


class Vocabulary(Protocol):
    """What the reading needs from the index: which tokens it knows, and typo correction."""

    def knows(self, token: str) -> bool: ...

    def known_stem(self, token: str) -> str | None: ...

    def correct(self, token: str) -> str | None: ...


@dataclass(frozen=True)
class Reading:
    """How a question was read."""

    question: str
    tokens: tuple[str, ...]  # normalised tokens, typos corrected, each once
    subjects: tuple[str, ...]  # entity ids, in the order named
    attributes: tuple[str, ...]  # attribute ids, most specific first
    years: tuple[str, ...]  # and periods ("period9m": the first three quarters, aliases.yaml terms)
    versions: tuple[str, ...]  # model names and versions that are not entities ("gpt6")
    words: tuple[str, ...]  # the remaining content words
    corrected: dict[str, str] = field(default_factory=dict)  # token -> the typo it was read from
    unknown: frozenset[str] = frozenset()  # tokens no fact uses
    names: frozenset[str] = frozenset()  # unknown tokens written as names ("Kuaishou" mid-sentence)
    written_names: frozenset[str] = frozenset()  # those of them written with a capital ("Baichuan")
    checks_claim: bool = False  # a yes/no check of a claim ("Was MiniMax listed on Nasdaq?"): its claim set aside
    besides: frozenset[str] = frozenset()  # entity tokens set aside ("besides Disney, which studio..."): no subjects
    asks_who: bool = False  # asks for a person, company or model ("who", "which company", "谁", "哪家")
    comparison_cue: bool = False  # "vs", "or", "which ... more", "哪个", "比"...
    compared: tuple[str, ...] = ()  # the subjects that could be compared: a maker named just before its
    # product ("MiniMax M2", "DeepSeek V3.2") is part of the product's name, not a side of its own

    @property
    def attribute(self) -> str | None:
        return self.attributes[0] if self.attributes else None

    @property
    def specific_attributes(self) -> tuple[str, ...]:
        return self._specific

    def __post_init__(self) -> None:
        object.__setattr__(self, "_specific", tuple(a for a in self.attributes if a not in GENERIC_ATTRIBUTES))

    @property
    def knows_nothing(self) -> bool:
        """No subject, no specific attribute, no year or model the base knows: likely small talk.

        ("What is the weather?" names only the generic "what is".)
        """
        known_figures = [t for t in (*self.years, *self.versions) if t not in self.unknown]
        # "Who said AGI is a decade away?" asks for a speaker: a question about a quote, not small talk
        asks_speaker = self.asks_who and "said" in self.attributes and bool(_SPEAKER.search(fold(self.question)))
        # (nor does one no article tells: "Who won the football last night?" asks a verdict of nothing it knows)
        told = [a for a in self.specific_attributes if a not in NEVER_TOLD]
        if not self.subjects and asks_for_fun(self.question):
            return True  # "tell me a joke about shipping containers": "shipping" is no launch asked
        return not self.subjects and not told and not known_figures and not asks_speaker

    @property
    def compared_years(self) -> tuple[str, ...]:
        """Two or more years asked of one subject and one attribute ("MiniMax revenue 2024 vs 2023")."""
        years = tuple(dict.fromkeys(y for y in self.years if YEAR.fullmatch(y)))
        one = len(self.compared or self.subjects) == 1
        return years if len(years) >= 2 and one and self.specific_attributes else ()

    @property
    def is_comparison(self) -> bool:
        """Two or more subjects, one specific attribute, and a word that sets them side by side."""
        return len(self.compared) >= 2 and bool(self.specific_attributes) and self.comparison_cue

    def describe(self) -> str:
        """One line for ``--explain``."""
        parts = [
            f"subjects: {', '.join(self.subjects) or '-'}",
            f"attribute: {', '.join(self.attributes) or '-'}",
        ]
        if self.years:
            parts.append(f"years: {', '.join(self.years)}")
        if self.versions:
            parts.append(f"versions: {', '.join(self.versions)}")
        parts.append(f"words: {' '.join(self.words) or '-'}")
        if self.corrected:
            parts.append("typos: " + ", ".join(f"{typo}->{word}" for word, typo in self.corrected.items()))
        if self.is_comparison:
            parts.append("comparison")
        return "; ".join(parts)


_LATIN_WORD = re.compile(r"(?<![a-z])[a-z]{3,}(?![a-z])", re.IGNORECASE)


def _stopword_swapped(word: str) -> str | None:
    """The stopword ``word`` is with two neighbouring letters swapped ("teh", "waht", "hwo"), if any."""
    lower = word.lower()
    return next((swapped for i in range(len(lower) - 1)
                 if (swapped := lower[:i] + lower[i + 1] + lower[i] + lower[i + 2:]) in EN_STOPWORDS), None)


def _unswapped(question: str, vocabulary: Vocabulary, normalize: Normalizer) -> str:
    """``question`` with the stopwords typed fast put right, where the base knows no such word or name: "how
    deep in teh red" must read "in the red" (an attribute's wording); "AWS" stays Amazon's."""
    def fix(m: re.Match) -> str:
        word = m.group()
        swapped = None if word.isupper() or vocabulary.knows(word.lower()) else _stopword_swapped(word)
        return swapped if swapped and not normalize(word).entities else word
    return _LATIN_WORD.sub(fix, question)


class Reader:
    """Reads questions with one normaliser (the index's) and the attribute vocabulary in it."""

    def __init__(self, normalizer: Normalizer):
        self.normalize = normalizer
        self.homophones = Homophones(normalizer.entity_spellings_zh())

    def read(self, question: str, vocabulary: Vocabulary | None = None) -> Reading:
        corrected: dict[str, str] = {}
        if vocabulary is not None:
            question = _unswapped(question, vocabulary, self.normalize)
            question, homophones = self._homophones_spelt(question, vocabulary)
            corrected.update(homophones)
        normalized = self.normalize(question)
        tokens: list[str] = []
        unknown: set[str] = set()
        worded = self._worded_tokens(normalized) if normalized.attributes else frozenset()
        capitalised = _capitalised(question)
        for token in normalized.tokens:
            if vocabulary is not None and not vocabulary.knows(token) and token.isascii():
                better = vocabulary.known_stem(token)
                if token in worded:  # "balance *sheet*" words an attribute: never a typo of "sheer"
                    pass
                elif better is None and len(token) >= TYPO_MIN_LENGTH and _LATIN_WORDS.fullmatch(token):
                    better = vocabulary.correct(token)
                    if better and token in capitalised and better not in self.normalize.entity_ids \
                            and OSA.distance(token, better) > 1:
                        better = None  # a name is no far typo of a word: "PhD at Stanford" is not "standard"
                    if better:
                        corrected.setdefault(better, token)
                elif better is None and len(token) >= SHORT_TYPO_MIN_LENGTH and _LATIN_WORDS.fullmatch(token):
                    better = self._short_typo(token, vocabulary)
                    if better:
                        corrected.setdefault(better, token)
                if better:
                    token = better
                else:
                    unknown.add(token)
            elif vocabulary is not None and not vocabulary.knows(token):
                unknown.add(token)
            tokens.append(token)
        if corrected:  # "net los": corrected, "net loss" is a name of its own (a metric)
            tokens = self.normalize.rejoin(tokens, set(corrected))
        tokens = list(dict.fromkeys(tokens))
        attributes = _refine(list(normalized.attributes), fold(question), self.normalize.attributes)
        attributes, set_up = self._not_set_up(question, attributes)
        if set_up:
            tokens = [t for t in tokens if t not in set_up]
        named = [self.normalize.entity_ids[t] for t in tokens if t in self.normalize.entity_ids]
        if "founded" in self.normalize.attributes and len(named) >= 2 and _OLDER.search(fold(question)) \
                and not set(named) & self.normalize.people:
            # "Who is older, Zhipu or MiniMax?": of companies, the one founded first (of people, their ages)
            attributes = ["founded", *(a for a in attributes if a not in ("founded", "age", "identity"))]
        if _HOW_BIG.search(fold(question)) and set(named) & self.normalize.people \
                and not any(a not in GENERIC_ATTRIBUTES for a in attributes):
            attributes, tokens = ["age", *attributes], [*tokens, "age"]  # "闫俊杰多大?": of a person, how old
        attributes = _who_makes_it(attributes, tokens)
        if "ipo" in attributes and len(attributes) > 1 and _BEFORE_IPO.search(fold(question)):
            attributes.remove("ipo")  # "上市前闫俊杰上了谁的播客?": the listing dates the question, it is not asked
        if "ipo_proceeds" in attributes and _BEFORE_IPO.search(fold(question)):
            # "上市前總共募資多少?": what was raised before the listing, its funding rounds
            attributes = ["funding" if a == "ipo_proceeds" else a for a in attributes]
        for word in corrected:  # "revnue" was corrected to "revenue": it names the attribute too
            attribute = self.normalize.attribute_of_word(word)
            if attribute and attribute not in attributes:
                attributes.append(attribute)
        if "release" in tokens and _MAKE.search(fold(question)) and not _RELEASE_WORDS.search(fold(question)) \
                and any(a not in GENERIC_ATTRIBUTES and a != "release" for a in attributes):
            tokens.remove("release")  # "how much revenue did MiniMax make?": made money, released nothing
        if _MADE_MONEY.search(fold(question)) and not any(a not in GENERIC_ATTRIBUTES and a != "release"
                                                          for a in attributes):
            # "how much did hailuo make in 2024?": the money it made, its revenue
            attributes = ["revenue", *(a for a in attributes if a != "release")]
            tokens = list(dict.fromkeys("revenue" if t == "release" else t for t in tokens))
        reading = self._reading(question, tokens, attributes, normalized, corrected, frozenset(unknown),
                                self._besides(question))
        written = unknown & capitalised if unknown else frozenset()
        names = written | self._named_by_place(question, unknown, corrected, reading) if unknown else frozenset()
        return replace(reading, names=frozenset(names), written_names=written) if names else reading

    def _not_set_up(self, question: str, attributes: list[str]) -> tuple[list[str], frozenset[str]]:
        """``attributes`` without those named only in a hearsay set up before the question ("都说AI公司不挣钱，
        MiniMax 2024年营收多少?", "everyone says AI firms lose money, but what was MiniMax's revenue?"): a
        clause that tells what is said and asks nothing, before a last clause that asks for an attribute of its
        own; and the other words of that set-up, but for names (the guard would hold "lose money" against every
        fact of the revenue asked, and "AI firms" is what is said, not what is asked)."""
        if len(attributes) < 2:
            return attributes, frozenset()
        clauses = [c for c in _CLAUSE_BREAK.split(fold(question)) if c.strip()]
        if len(clauses) < 2 or not _QUESTION_WORD.search(clauses[-1]):
            return attributes, frozenset()
        last = self.normalize(clauses[-1])
        if not set(last.attributes) - GENERIC_ATTRIBUTES:
            return attributes, frozenset()
        said = [self.normalize(c) for c in clauses[:-1] if _HEARSAY.search(c) and not _QUESTION_WORD.search(c)]
        dropped = {a for n in said for a in n.attributes} - set(last.attributes) - GENERIC_ATTRIBUTES
        if not dropped:
            return attributes, frozenset()
        set_up = frozenset(t for n in said for t in n.tokens if t not in n.entities) - set(last.tokens)
        return [a for a in attributes if a not in dropped], set_up

    def _homophones_spelt(self, question: str, vocabulary: Vocabulary) -> tuple[str, dict[str, str]]:
        """``question`` with the Chinese names typed with a homophone spelt right ("智铺的CEO" -> "智谱的CEO"),
        and {entity token: what was typed} for the reading's typos.  Found in the folded text (Simplified,
        as the names are), put right in the question as written ("閆駿傑" too)."""
        folded = fold(question)
        _, found = self.homophones.correct(folded, lambda word: vocabulary.knows(word) or self.normalize.names(word))
        corrected = {}
        for spelling, typed in found.items():
            # (as written: the first window of its length that folds to it)
            written = next((question[i:i + len(typed)] for i in range(len(question) - len(typed) + 1)
                            if fold(question[i:i + len(typed)]) == typed), None)
            if written is not None:
                question = question.replace(written, spelling)
                corrected[self.normalize.cjk_token(spelling)] = typed
        return question, corrected

    def _worded_tokens(self, normalized: Normalized) -> frozenset[str]:
        """The question's tokens that belong to a wording of an attribute it names."""
        tokens = self.normalize.attribute_tokens()
        return frozenset(t for a in normalized.attributes for t in tokens.get(a, ()))

    def _besides(self, question: str) -> frozenset[str]:
        """The entities a question sets aside ("besides OpenAI and Google, who else...", "除了明势创投还有哪些投资方")
        or holds up as the example ("…custom deployments the way SenseTime did?", "like Zhipu does"): the answer
        is about someone else, so they are not its subjects."""
        folded = fold(question)
        spans = [english or chinese for english, chinese in _BESIDES.findall(folded)]
        # "DeepSeek V3发布后, MiniMax做了什么?": what came out first only dates the question
        spans += [_ZH_JOINERS.split(released or listed or chinese)[-1]
                  for released, listed, chinese in _AFTER.findall(folded)]
        if not spans:
            return frozenset()
        return frozenset(t for span in spans for t in self.normalize(span).tokens if t in self.normalize.entity_tokens)

    def _short_typo(self, token: str, vocabulary: Vocabulary) -> str | None:
        """A short word read as a known word with one letter dropped or two neighbours swapped: an attribute's
        word ("los" -> "loss", "pric" -> "price"), or any word from four letters on ("tokn" -> "token", "cahs"
        -> "cash"); other short words are too close to too many words to guess at."""
        better = vocabulary.correct(token)
        if not better or (len(token) < DROPPED_LETTER_ANY_WORD and not self.normalize.attribute_of_word(better)):
            return None
        if len(better) == len(token) + 1:
            return better if any(better[:i] + better[i + 1:] == token for i in range(len(better))) else None
        swapped = len(better) == len(token) and any(
            token[:i] + token[i + 1] + token[i] + token[i + 2:] == better for i in range(len(token) - 1))
        return better if swapped else None

    def _named_by_place(self, question: str, unknown: frozenset[str], corrected: dict[str, str],
                        reading: Reading) -> frozenset[str]:
        """Unknown lower-case words standing where a company's name stands: a question that names no
        subject, and a word the base never uses (nor a typo it corrected) right before an attribute
        ("kuaishou revenue", "baichuan's valuation", "stepfun latest funding") or right after one and
        "of"/"for"/"at" ("the valuation of baichuan").  Such a question is about a subject the base does not
        know."""
        if reading.subjects or not reading.specific_attributes:
            return frozenset()
        words = _LATIN_WORDS.findall(fold(question))
        found = set()
        for i, word in enumerate(words):
            if word not in unknown or word in corrected.values() or len(word) < NAME_MIN_LENGTH \
                    or word in EN_STOPWORDS:
                continue
            after = words[i + 1:i + 4]
            if after[:1] == ["s"]:  # "baichuan's"
                after = after[1:]
            if after[:1] and after[0] in _WHICH_ONE:  # "stepfun last funding round"
                after = after[1:]
            if after and self.normalize.attribute_edge(after[0], GENERIC_ATTRIBUTES)[0]:
                found.add(word)
                continue
            if i >= 2 and words[i - 1] in _OF_WORDS and self.normalize.attribute_edge(words[i - 2],
                                                                                        GENERIC_ATTRIBUTES)[1]:
                found.add(word)
        return frozenset(found)

    def read_fact(self, questions: Iterable[str]) -> tuple[tuple[str, ...], str | None]:
        """``about`` (up to 3 entity ids) and ``attribute`` inferred from a fact's questions."""
        return self.infer([self.normalize(q) for q in questions])

    def infer(self, questions: list[Normalized]) -> tuple[tuple[str, ...], str | None]:
        """``about`` and ``attribute`` from a fact's normalised questions.

        Entities are ranked by how many questions name them, then by first appearance (at most
        three); the attribute is the one most questions ask for, specific before generic.
        """
        counts: dict[str, list[int]] = {}  # entity -> [questions naming it, order of first appearance]
        attributes: Counter[str] = Counter()
        for normalized in questions:
            if normalized.entities:
                for token in dict.fromkeys(t for t in normalized.tokens if t in normalized.entities):
                    counts.setdefault(self.normalize.entity_id(token), [0, len(counts)])[0] += 1
            asked = tuple(_who_makes_it(list(normalized.attributes), normalized.tokens))
            if asked:
                attributes[first_specific(asked) or asked[0]] += 1
        about = sorted(counts, key=lambda e: (-counts[e][0], counts[e][1]))[:3]
        attribute = min(attributes, key=lambda a: (-attributes[a], a in GENERIC_ATTRIBUTES, a)) if attributes else None
        return tuple(about), attribute

    def _reading(self, question: str, tokens: list[str], attributes: list[str], normalized: Normalized,
                 corrected: dict[str, str], unknown: frozenset[str], besides: frozenset[str]) -> Reading:
        subjects, years, versions, words = [], [], [], []
        metric_tokens = self.normalize.metric_tokens
        # "MiniMax" in "MiniMax M2" names the maker of the product after it; a person never does ("黄仁勋 闫俊杰")
        people = self.normalize.people
        qualifiers = {first for first, second in normalized.adjacent if self.normalize.entity_id(first) not in people
                      and self.normalize.entity_id(first) != self.normalize.entity_id(second)}  # not "Talkie/Xingye"
        for token in tokens:
            entity = self.normalize.entity_id(token)
            if entity:
                if token not in besides:  # "who else besides MiniMax...": the answer is about someone else
                    subjects.append(entity)
            elif YEAR.fullmatch(token) or is_period(token):  # 2025; the first three quarters
                years.append(token)
            elif VERSION.fullmatch(token):
                versions.append(token)
            elif not NUMBER.fullmatch(token) or token in metric_tokens:
                words.append(token)
        specific = [a for a in attributes if a not in GENERIC_ATTRIBUTES]
        ordered = specific or attributes
        return Reading(
            question=question, tokens=tuple(tokens), subjects=tuple(subjects), attributes=tuple(ordered),
            years=tuple(years), versions=tuple(versions), words=tuple(words), corrected=corrected,
            unknown=unknown, besides=besides, comparison_cue=_has_comparison_cue(question, normalized),
            compared=tuple(s for s in subjects if self.normalize.entity_token(s) not in qualifiers),
            asks_who=bool(_ASKS_WHO.search(fold(question))),
        )


_BESIDES = re.compile(r"(?:^not\b|\b(?:besides|apart from|aside from|other than|except(?: for)?|the way)\b|"
                      r"\b(?:just )?like(?= [^,?]{1,40}\b(?:did|does|do|has|had|have)\b)\b)"
                      # (to the question, over a list: "besides OpenAI, Google and MiniMax, which company…")
                      r"(.*?)(?=,(?! [\w.-]+(?: [\w.-]+)?(?:,| and | or ))|\?|\b(?:who|which|"
                      r"what|how|is|are|was|were|did|does|do|has|have)\b|$)|除了(.*?)(?=[,，?？、]?(?:还|也|以外|之外|外)|[,，?？]|$)")
# "after DeepSeek V3 came out", "with Zhipu now listed", "DeepSeek V3发布后": what dates the question, not its subject
_AFTER = re.compile(r"\bafter (.+?) (?:came out|was released|launched|was launched|shipped|took off|broke out)\b|"
                    r"\bwith (.+?) (?:now |already |just )?(?:listed|public|gone public|went public)\b|"
                    r"([^,，。?？]+?)(?:发布|推出|上线|爆火|火了|走红|出圈|出来|问世|面世)(?:之|以)?后")
_BEFORE_IPO = re.compile(r"上市(?:之|以)?前|\bpre-?ipo\b|"
                         r"\bbefore (?:its |the |their )?(?:ipo|listing|going public|it (?:listed|went public))\b")
_ZH_JOINERS = re.compile(r"[在的和与跟]|\band\b")
NAME_MIN_LENGTH = 4  # a company's name, read by its place in the question
_OF_WORDS = frozenset({"of", "for", "at"})
# Words that may stand between a company's name and the attribute ("stepfun latest funding round")
_WHICH_ONE = frozenset({"last", "latest", "recent", "first", "total", "new", "current", "annual", "next"})
# "make" is a release wording ("Which company made Hailuo?") unless the question asks another attribute.
_MAKE = re.compile(r"\b(?:make|makes|made|making)\b")
# Where a set-up sentence ends and the question begins, and the words that ask
_CLAUSE_BREAK = re.compile(r"[，,;；。!！]|\bbut\b|但是|可是|不过")
_HEARSAY = re.compile(r"说|听|讲|认为|觉得|以为|传|\b(?:say|says|said|hear|heard|think|thought|claims?|believe|"
                      r"rumou?r|reckon)\b")
_QUESTION_WORD = re.compile(r"\b(?:who|whom|whose|what|when|where|which|why|how)\b|多少|什么|谁|哪|几|怎么|啥|咋|吗|呢")
_HOW_BIG = re.compile(r"(?<![模额量度型])(?:多大|几大)(?:了|啊|呀|呢)?\s*[?？]?\s*$")  # (not "多大规模", "规模多大")
_MADE_MONEY = re.compile(r"\bhow much (?:money )?(?:did|does|do|has|have|will|would)\b[^?]{1,60}?"
                         r"\b(?:make|made|making)\b(?! (?:of|up|for|from|with|it)\b)")
_RELEASE_WORDS = re.compile(r"\b(?:release|released|launch|launched|debut|debuted|unveiled|develop|developed|build|"
                            r"built|come out|came out)\b|发布|推出|上线|问世|研发|开发")
SHORT_TYPO_MIN_LENGTH = 3  # shorter words are read through only when one letter of an attribute's word was dropped
TYPO_MIN_LENGTH = 5  # "earn" is one edit from "ears": too short to guess at
DROPPED_LETTER_ANY_WORD = 4  # ... but a dropped letter or a swap of four letters or more is read through ("tokn")
# The question word decides between two attributes one wording names: "who founded X" asks for the
# founder, "when was X founded" for the date; "where is X from" asks for a hometown, "when did X
# start" for the founding date.
# "who (originally) founded", "which company did Dario found?", "杨植麟创办了哪家公司": the founder, not the date
_WHO = re.compile(r"\bwho\b(?: \w+)? (?:co-?)?(?:found|start|creat|set up)"
                  r"|\b(?:which|what) (?:company|startup|firm|lab)\b did\b.*\b(?:co-?)?(?:found|start|creat|set up)"
                  r"|(?:创办|创立|创建)了?(?:哪家|什么|哪个)")
ROLES = frozenset({"founder", "leader"})  # "MiniMax's founder" names a person through a company ...
# ... and what is asked of a role is the person's who holds it ("Where was MiniMax's founder born?")
PERSONAL_ATTRIBUTES = frozenset({"hometown", "age", "education", "career", "said"})
_OLDER = re.compile(r"\b(?:older|oldest|younger|youngest|newer|newest)\b|更老|最老|更年轻|最年轻|更年長|更新")
_WHERE_FROM = re.compile(r"\bwhere\b.*\bfrom\b|哪里人|哪儿人|来自哪")
_WHEN_START = re.compile(r"\bwhen\b.*\b(?:start|started|begin|began|established|set up)\b|"
                         r"\b(?:started|began|came|founded) (?:first|earlier)\b|"
                         r"谁先成立|哪个先成立|哪家先成立|谁更早成立")


# An attribute named together with a broader one it narrows: "how much does each *paying user* *spend*" asks
# spending per user, not how many users there are.
_NARROWS = {"spending": "users", "age": "employees"}  # (and "the average *age* of its *staff*")


# Clauses that date what is asked rather than ask about the event: "How much has OpenAI spent *since it was
# founded*?", "What valuation did MiniMax seek *when it went public*?"
_DATING_CLAUSES = {
    "founded": re.compile(r"\bsince (?:it was |they were |its |their )?(?:founded|founding|inception|its start|set up|"
                          r"started|established|created)\b|"
                          r"(?:自|从)?成立以来|创立以来|成立至今"),
    "ipo": re.compile(r"\b(?:when|as|after|before) (?:it|they|minimax|the company) (?:went|goes|go) public\b|"
                      r"\bat (?:the |its )?(?:ipo|listing)\b|上市时|上市前|上市之前"),
    # "valuation after its 7 funding rounds", "完成7轮融资后估值": the rounds date the valuation
    "funding": re.compile(r"\bafter (?:its |the |all )?(?:\d+|two|three|four|five|six|seven|eight) "
                          r"(?:\w+ )?(?:funding |financing )?rounds\b|\d+轮融资(?:之)?后"),
}


# Attributes that are amounts of money themselves: "多少钱" / "cost" beside them only asks the amount
_MONEY_NAMED = frozenset({"price", "funding", "valuation", "revenue", "net_loss", "market_cap"})


def _refine(attributes: list[str], folded: str, vocabulary: dict) -> list[str]:
    for attribute, clause in _DATING_CLAUSES.items():
        if attribute in attributes and clause.search(folded) \
                and any(a not in GENERIC_ATTRIBUTES and a != attribute for a in attributes):
            attributes.remove(attribute)
    for narrow, broad in _NARROWS.items():
        if narrow in attributes and broad in attributes and attributes.index(broad) < attributes.index(narrow):
            attributes.remove(narrow)
            attributes.insert(attributes.index(broad), narrow)
    if _LIKE_OTHERS.search(folded):  # "…at Tsinghua like most of the big AI founders?": whom he is likened to
        attributes = [a for a in attributes if a not in ROLES] or attributes
    if "leader" in attributes and _LEADING_IN.search(folded):
        attributes.remove("leader")  # "China leading in AI", "which companies lead across voice and video": no boss
    if "cost" in attributes and not _MONEY_NAMED.isdisjoint(attributes):
        # "how much does M1 cost per million tokens": its price; "累计融了多少钱": how much was raised
        attributes.remove("cost")
    if "founded" in attributes and "founder" in vocabulary and "founder" not in attributes and _WHO.search(folded):
        attributes[attributes.index("founded")] = "founder"
    if "revenue" in vocabulary and _HOW_IT_EARNS.search(folded):
        # "How does MiniMax make money?", "MiniMax靠什么赚钱?": where its revenue comes from, not whether it profits
        return ["revenue", *(a for a in attributes if a not in ("net_loss", "revenue", "hometown"))]
    specific = [a for a in attributes if a not in GENERIC_ATTRIBUTES]
    if "ipo" in vocabulary and not specific and _IS_PUBLIC.search(folded):
        attributes.insert(0, "ipo")  # "Is Zhipu public?"
    if "hometown" in vocabulary and _WHERE_FROM.search(folded) and (
            not specific or set(specific) <= ROLES):  # "Where is MiniMax's founder from?": the founder's hometown
        attributes.insert(0, "hometown")
    elif "founded" in vocabulary and not specific and _WHEN_START.search(folded):
        attributes.insert(0, "founded")  # "When did Zhipu start?"
    return attributes


# How a company makes its money ("how does it make money?", "靠什么赚钱", "makes money from"): its revenue's sources
_HOW_IT_EARNS = re.compile(r"\bhow (?:does|do|did) (?:[\w'-]+ ){1,3}(?:make|makes|earn) (?:its |their )?money\b|"
                           r"\bmakes? (?:its |their |most of its |most of their )?money (?:from|on|with|by)\b|"
                           r"\bwhere (?:does|do) (?:[\w'-]+ ){1,3}money come from\b|"
                           r"靠(?:什么|啥|哪些|哪个|哪款|哪几个)[^,，。?？]{0,6}?(?:赚钱|挣钱)|(?:怎么|如何|怎样)(?:赚钱|挣钱)|"
                           r"钱(?:主要)?(?:从哪|从哪里|从哪儿)来")
# Whether a company is listed, asked as an adjective ("Is Zhipu public?", "is minimax publicly traded")
_IS_PUBLIC = re.compile(r"^\W*(?:is|are) (?:[\w'-]+ ){1,3}(?:public|publicly (?:listed|traded)|listed)"
                        r"(?: yet| now| already)?\W*$")
# Others a subject is likened to ("like most founders", "like the other CEOs"): no role asked
_LIKE_OTHERS = re.compile(r"\blike (?:most|many|all|other|the other|so many)(?: of)?(?: the)?(?: [\w-]+){0,3} "
                          r"(?:founders|ceos|bosses|execs|executives)\b")
# Leading a field or a race, not a company: "China leading in AI", "lead across voice, video and text"
_LEADING_IN = re.compile(r"\blead(?:s|ing)? (?:in|across|on|at|the (?:race|world|field|market|pack|way))\b|领先|领跑")
# Questions whose answer is a person, company or model: what the answering fact is about is the answer.
_ASKS_WHO = re.compile(r"\b(?:who|whom|whose)\b|\bwhich (?:[\w-]+ ){0,2}(?:company|companies|firm|startup|model|person|"
                       r"people|investor|investors|lab|one)\b|\bwhat (?:company|firm|startup|model)\b|"
                       r"谁|哪家|哪位|哪个公司|哪个模型|哪款|什么公司|什么模型")
_CAPITALISED = re.compile(r"(?<=[\s(\"'“‘/,])[A-Z][A-Za-z0-9]*[a-z][A-Za-z0-9]*")
# "who said / claimed / described ...", "谁说过": asks whose words they were (not "who do you think will win?")
def _who_makes_it(attributes: list[str], tokens) -> list[str]:
    """"Who is the maker of Vidu?" asks who makes it (release), not who someone is: how a team fact about a
    product the base does not know is filed (of one it knows, ``makers`` read it as what the product is)."""
    if "identity" not in attributes or "maker" not in tokens:
        return attributes
    return list(dict.fromkeys("release" if a == "identity" else a for a in attributes))


_SPEAKER = re.compile(r"\b(?:said|says|claimed|claims|described|calls|called|wrote|warned|argued)\b"
                      r"|说过|说的|谁说|称|形容")


def _capitalised(question: str) -> frozenset[str]:
    """Words written with a capital that do not start the question: likely names ("Kuaishou", "StepFun")."""
    return frozenset(word.casefold() for word in _CAPITALISED.findall(question.strip()))


def _has_comparison_cue(question: str, normalized: Normalized) -> bool:
    folded = fold(question)
    if any(word in _COMPARISON_WORDS for word in _LATIN_WORDS.findall(folded)):
        return True
    folded = _AT_WHICH.sub(" ", folded)
    return any(cue in folded for cue in _COMPARISON_ZH) or "comparison" in normalized.attributes


# "在哪家公司实习过?" asks where, not which of the two: no cue to set them side by side
_AT_WHICH = re.compile(r"(?:在|去|从|于|到)(?:哪家|哪个|哪一个)")
