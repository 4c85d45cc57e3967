"""Comparisons: two or more subjects, one attribute, each side's fact side by side.

"Who has more revenue, MiniMax or Zhipu?", "Hailuo 和 Talkie 哪个付费用户多?", "MiniMax vs
OpenAI valuation": each subject is ranked on its own (the other subjects left out of the
question) and its best fact *about* it *of that attribute* is its side.  When both sides
state a figure of the same kind (money in one currency, a percentage, a count of the same
thing), a line says which is larger; a side without a fact says the base lacks it.

The outcome is a ``Comparison`` on the ``Match`` (``Match.fact`` is the first side that has
a fact, so surfaces that know nothing of comparisons still show something true), and
``ComparisonAnswer`` is an ``Answer`` whose text has every side.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from typing import TYPE_CHECKING

from knowledge.answers import Answer
from knowledge.factbase import Fact
from knowledge.normalize import is_traditional, to_traditional
from knowledge.reading import COMPARATIVES, DATE_ATTRIBUTES, MONTH_NAMES

if TYPE_CHECKING:
    from knowledge.matcher import Matcher, Policy
    from knowledge.reading import Reading

MAX_SIDES = 4
MONEY_ATTRIBUTES = frozenset({"revenue", "net_loss", "valuation", "market_cap", "funding", "cash", "cost",
                              "spending", "price", "share_price"})
PERCENT_ATTRIBUTES = frozenset({"gross_margin", "market_share"})
_MONTH_NUMBER = {m: i for i, m in enumerate(MONTH_NAMES, 1)}
_DATE = re.compile(rf"(?:\b(?P<month>{'|'.join(_MONTH_NUMBER)})\s+(?:\d{{1,2}},?\s+)?)?\b(?P<year>(?:19|20)\d\d)\b",
                   re.IGNORECASE)
_SCALE = {"trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
          "thousand": 1e3, "k": 1e3, "万亿": 1e12, "亿": 1e8, "万": 1e4}
_CURRENCY = {"us$": "USD", "$": "USD", "usd": "USD", "us dollars": "USD", "dollars": "USD", "美元": "USD",
             "hk$": "HKD", "hkd": "HKD", "港元": "HKD", "港币": "HKD", "rmb": "CNY", "yuan": "CNY", "¥": "CNY",
             "元": "CNY", "人民币": "CNY"}
_FIGURE = re.compile(
    r"(?P<pre>US\$|HK\$|\$|USD\s?|RMB\s?|¥)?"
    r"(?<![\w.])(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
    r"\s?(?P<scale>trillion|billion|million|thousand|bn|mn|万亿|亿|万|[bmk](?![a-z]))?"
    r"\s?(?P<post>%|US dollars|dollars|USD|HKD|yuan|RMB|美元|港元|港币|人民币|元)?",
    re.IGNORECASE,
)
_YEAR = re.compile(r"(?:19|20)\d\d")


@dataclass(frozen=True)
class Figure:
    value: float  # in units (money in its currency, not millions)
    kind: str  # "USD", "CNY", "HKD", "%", "date" (value: months since year 0) or "count:<unit>"
    text: str  # as the answer writes it


@dataclass(frozen=True)
class Side:
    subject: str  # entity id
    name: str  # display name ("MiniMax", "Zhipu")
    fact: Fact | None  # None: the base has no fact on this subject's attribute
    score: float
    figure: Figure | None = None
    name_zh: str = ""  # as a Chinese reply names it ("智谱"), when not ``name``

    def shown(self, lang: str) -> str:
        return self.name_zh if lang == "zh" and self.name_zh else self.name


@dataclass(frozen=True)
class Comparison:
    """Each subject's fact for one attribute, and which figure is larger when they compare."""

    attribute: str
    label_en: str  # the attribute in words ("revenue", "营收")
    label_zh: str
    sides: tuple[Side, ...]
    larger: str | None = None  # subject id of the larger figure, when the figures are comparable
    by_year: bool = False  # the sides are years of one subject ("2024", "2023"), not subjects
    first: str | None = None  # subject id of the earliest date, when the sides give dates ("which is oldest?")

    @property
    def missing(self) -> tuple[Side, ...]:
        return tuple(side for side in self.sides if side.fact is None)

    def verdict(self, lang: str) -> str | None:
        """The line saying which is larger, or which side the base lacks."""
        zh = lang == "zh"
        if self.missing:
            names = "、".join(s.shown(lang) for s in self.missing) if zh else " or ".join(s.name for s in self.missing)
            return (f"我的资料里没有{names}的{self.label_zh}。" if zh
                    else f"I have no fact on the {self.label_en} of {names}.")
        figures = (" 对 " if zh else " vs ").join(f"{s.shown(lang)} {s.figure.text}" for s in self.sides if s.figure)
        if self.first is not None:
            first = next(s for s in self.sides if s.subject == self.first)
            if zh:
                return f"按上述日期,{first.shown(lang)}最早:{figures}。"
            return f"By these dates, {first.name} came first: {figures}."
        if self.larger is None:
            return None
        by_subject = {s.subject: s for s in self.sides}
        top = by_subject[self.larger]
        dated = any(s.fact.as_of for s in self.sides) and len({s.fact.as_of for s in self.sides}) > 1
        caveat = ("(各数字的日期不同)" if zh else " (the figures are from different dates)") if dated else ""
        if self.by_year:
            if zh:
                return f"按上述数字,{self.label_zh}以{top.name}年为最高:{figures}。"
            return f"By these figures, {self.label_en} was highest in {top.name}: {figures}."
        if zh:
            return f"按上述数字,{top.shown(lang)}的{self.label_zh}领先:{figures}{caveat}。"
        return f"By these figures, {top.name} is ahead on {self.label_en}: {figures}{caveat}."

    def text(self, lang: str) -> str:
        """Every side's answer, one paragraph each, then the verdict."""
        lines = [f"{side.shown(lang)}: {side.fact.answer(lang)}" for side in self.sides if side.fact is not None]
        verdict = self.verdict(lang)
        if verdict:
            lines.append(verdict)
        return "\n\n".join(lines)

    def to_json(self) -> dict:
        """For ``ask --json``: the attribute, each side (fact id or null, figure), the larger subject and the
        earliest (dates)."""
        return {
            "attribute": self.attribute,
            "larger": self.larger,
            "first": self.first,
            "sides": [{"subject": s.subject, "name": s.name, "fact_id": s.fact.id if s.fact else None,
                       "score": s.score, "figure": s.figure.text if s.figure else None} for s in self.sides],
        }


@dataclass(frozen=True)
class ComparisonAnswer(Answer):
    """An ``Answer`` for a comparison: ``text`` has every side; ``fact``/``quote`` are the first side's."""

    comparison: Comparison | None = None

    @property
    def text(self) -> str | None:
        if self.comparison is None:
            return super().text
        text = self.comparison.text(self.lang)
        return to_traditional(text) if self.lang == "zh" and is_traditional(self.question) else text

    @property
    def facts(self) -> tuple[Fact, ...]:
        return tuple(s.fact for s in self.comparison.sides if s.fact is not None) if self.comparison else ()


def comparison_answer(answer: Answer, comparison: Comparison) -> ComparisonAnswer:
    return ComparisonAnswer(**{f.name: getattr(answer, f.name) for f in fields(answer)}, comparison=comparison)


def compare(matcher: Matcher, reading: Reading, policy: Policy) -> Comparison | None:
    """Each subject's best fact of the asked attribute, side by side (None if no side has one)."""
    attribute = reading.specific_attributes[0]
    wanted = set(reading.specific_attributes)
    # (each side is asked without the words saying which way they compare: "海螺和星野哪个用户更多" asks 海螺's users)
    reading = replace(reading, tokens=tuple(t for t in reading.tokens if t not in COMPARATIVES))
    sides = [_told(replace(_side(matcher.rank_reading(reading, policy, only_subject=subject), policy, subject, wanted,
                                 subject, matcher.display_name(subject), attribute),
                           name_zh=matcher.display_name(subject, chinese=True)), reading)
             for subject in reading.compared[:MAX_SIDES]]
    found = {side.fact.id for side in sides if side.fact is not None}
    if not found or (len(found) == 1 and all(side.fact is not None for side in sides)):
        return None  # nothing to set side by side, or one fact for every side: it is the answer itself
    label_en, label_zh = _labels(matcher, attribute)
    return Comparison(attribute, label_en, label_zh, tuple(sides), _larger(sides), first=_first(sides))


def compare_years(matcher: Matcher, reading: Reading, policy: Policy) -> Comparison | None:
    """One subject's fact of the asked attribute for each year asked, side by side ("MiniMax revenue 2024
    vs 2023"): each year is asked on its own, the other years left out."""
    attribute, subject = reading.specific_attributes[0], (reading.compared or reading.subjects)[0]
    wanted, years = set(reading.specific_attributes), reading.compared_years
    sides = []
    for year in years[:MAX_SIDES]:
        others = set(years) - {year}
        alone = replace(reading, years=tuple(y for y in reading.years if y not in others),
                        tokens=tuple(t for t in reading.tokens if t not in others))
        sides.append(_told(_side(matcher.rank_reading(alone, policy), policy, subject, wanted, year, year, attribute),
                           reading))
    if not any(side.fact for side in sides):
        return None
    label_en, label_zh = _labels(matcher, attribute)
    name = matcher.display_name(subject)
    return Comparison(attribute, f"{name}'s {label_en}", f"{name}的{label_zh}", tuple(sides), _larger(sides),
                      by_year=True)


def _told(side: Side, reading: Reading) -> Side:
    """The side, without its fact when that does not give the kind of thing asked: how something ended ("How did
    the Disney lawsuit against MiniMax end?"), what is yet to happen, a day (a count asked is the comparison's own:
    "早成立几年?")."""
    from knowledge.matcher import untold

    if side.fact is None or not untold(reading, side.fact, counting=False):
        return side
    return replace(side, fact=None, score=0.0, figure=None)


def _side(ranked: list, policy: Policy, subject: str, wanted: set[str], key: str, name: str, attribute: str) -> Side:
    """The best ranked fact about ``subject`` of an attribute in ``wanted``, if it scores and covers enough
    to stand on its own; ``key``/``name`` are what the side is shown as (a subject, or a year)."""
    telling = [s for s in ranked if subject in s.entry.about and s.entry.attribute in wanted]
    best = telling[0] if telling else None
    if best is None:
        return Side(key, name, None, 0.0)
    # the one fact about the subject telling the attribute answers by meaning: a lower score, whatever it shares
    alone = len(telling) == 1
    if best.score < (policy.meaning_threshold if alone else policy.lone_threshold) \
            or (not alone and best.content_recall < policy.min_content_recall):
        return Side(key, name, None, 0.0)
    fact = best.entry.fact
    return Side(key, name, fact, round(best.score, 1), figure_of(fact.answer_en, attribute))


def figure_of(text: str, attribute: str) -> Figure | None:
    """The first figure in ``text`` of the kind ``attribute`` is measured in (money, percent, date or count)."""
    if attribute in DATE_ATTRIBUTES:
        date = _DATE.search(text)
        if date is None:
            return None
        month = _MONTH_NUMBER.get((date.group("month") or "").lower(), 0)
        return Figure(int(date.group("year")) * 12 + month, "date", date.group().strip())
    for m in _FIGURE.finditer(text):
        number = m.group("num").replace(",", "")
        scale_word = (m.group("scale") or "").lower()
        pre, post = (m.group("pre") or "").strip().lower(), (m.group("post") or "").lower()
        if not scale_word and not pre and not post and _YEAR.fullmatch(number):
            continue  # "in 2024"
        value = float(number) * _SCALE.get(scale_word, 1.0)
        currency = _CURRENCY.get(pre) or _CURRENCY.get(post)
        if attribute in MONEY_ATTRIBUTES:
            if currency:
                return Figure(value, currency, m.group().strip())
        elif attribute in PERCENT_ATTRIBUTES:
            if post == "%":
                return Figure(value, "%", m.group().strip())
        elif not currency and post != "%":
            # A count of what the attribute counts (users, employees, tokens): its words vary by answer.
            return Figure(value, f"count:{attribute}", m.group("num") + (m.group("scale") or ""))
    return None


def _larger(sides: list[Side]) -> str | None:
    figures = [s.figure for s in sides]
    if len(sides) < 2 or any(f is None for f in figures) or len({f.kind for f in figures}) != 1 \
            or figures[0].kind == "date":
        return None
    values = sorted(((s.figure.value, s.subject) for s in sides), reverse=True)
    return values[0][1] if values[0][0] > values[1][0] else None


def _first(sides: list[Side]) -> str | None:
    """The side whose date is earliest, when every side gives one and no other shares it."""
    if len(sides) < 2 or any(s.figure is None or s.figure.kind != "date" for s in sides):
        return None
    values = sorted((s.figure.value, s.subject) for s in sides)
    return values[0][1] if values[0][0] < values[1][0] else None


def _labels(matcher: Matcher, attribute: str) -> tuple[str, str]:
    wordings = matcher.normalize.attributes.get(attribute, ())
    label_en = next((w for w in wordings if w.isascii()), attribute.replace("_", " "))
    label_zh = next((w for w in wordings if not w.isascii()), label_en)
    return label_en, label_zh
