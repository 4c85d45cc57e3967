"""Figures, dates and named entities in fact texts, for the curation rules ``bot check`` applies.

A *figure* is a number written with digits ("385", "53.74万", "US$1.102 billion", "51.7B", "4th",
"71%"), or a Chinese numeral amount ("百亿", "千亿", "七成", "百倍").  Each is read as a value
with its scale applied, so the same amount compares equal however it is written:

    346万 = 3.46 million = 3,460,000     11.02 亿 = 1.102 billion     七成 = 70%     百亿 = 10 billion

Scales: 万 (10^4), 亿 (10^8), 万亿 (10^12); thousand/K, million/M/mn, billion/B/bn, trillion.
"%" and "倍" leave the value as written.  In a range such as "40-55 billion" or "50-60 亿" the
first number also takes the scale of the second.

Chinese ranks count too: "第三" = 3rd.

Not figures: digits that are part of a name ("GPT-5", "M2", "H800", "V3.2", "Q3", "Text-01":
a number written right after a Latin letter, or after a letter and a hyphen), except when a
Chinese unit follows ("AI9月", "MiniMax10月").  Chinese numerals without a scale ("十年", "三周",
"两个小时") are not figures either: they are counted words, not amounts a reader would check.

A figure is a *date part* when it is a year (1900-2099, or followed by 年), a month (followed by
月, or an English month name next to it) or a day (followed by 日/号, or a number 1-31 next to an
English month name).
"""

from __future__ import annotations

import ast
import math
import operator
import re
import unicodedata
from dataclasses import dataclass
from functools import cache, lru_cache

from opencc import OpenCC


@cache
def _t2s() -> OpenCC:
    return OpenCC("t2s")  # made on first use: a warm start reads no figures

MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
          "november", "december")
_MONTH_RE = "|".join(m.capitalize() for m in MONTHS)

_SCALES = {
    "万亿": 1e12, "亿": 1e8, "万": 1e4,
    "trillion": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "million": 1e6, "mn": 1e6, "m": 1e6,
    "thousand": 1e3, "k": 1e3,
}
# A number written with digits, and what follows it: a scale word or a unit.
_NUMBER = re.compile(
    r"(?P<pre>[A-Za-z][-_]?)?"
    r"(?P<num>\d+(?:\.\d+)?)"
    r"(?P<ordinal>st|nd|rd|th)?"
    r"(?:\s?(?P<scale>万亿|亿|万|trillion\b|billion\b|million\b|thousand\b|bn\b|mn\b|B\b|M\b|K\b|k\b))?"
)
_CJK_UNIT_AFTER = re.compile(r"\s?[年月日号万亿%倍个名位轮岁层人]")
_ZH_DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8,
              "九": 9}
_ZH_UNITS = {"十": 10, "百": 100, "千": 1000}
_ZH_NUMERAL = re.compile(r"[零〇一二两三四五六七八九十百千万亿]+")
_RANGE = re.compile(r"^\s*(?:-|–|—|~|～|至|到|to)\s*$")


@dataclass(frozen=True)
class Figure:
    text: str  # as written, e.g. "11.02 亿"
    values: tuple[float, ...]  # the value with its scale applied (a range's first number: also scaled)
    mantissa: str  # the digits as written, e.g. "11.02" ("" for Chinese numerals)
    scale: float  # the scale applied to the mantissa
    date_part: str | None = None  # "year", "month" or "day"


def fold_text(text: str) -> str:
    """NFKC, Simplified characters, thousands separators removed: the form figures are read from."""
    text = _t2s().convert(unicodedata.normalize("NFKC", text))
    return re.sub(r"(?<=\d),(?=\d{3}(?!\d))", "", text)


def figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in order (see the module docstring for what counts)."""
    return list(_figures(text))


@lru_cache(maxsize=4096)
def _figures(text: str) -> tuple[Figure, ...]:
    text = fold_text(text)
    found: list[tuple[int, int, Figure]] = []
    for m in _NUMBER.finditer(text):
        unit_after = _CJK_UNIT_AFTER.match(text, m.end("num"))
        if m.group("pre") and not unit_after:
            continue  # part of a name: GPT-5, M2, H800, V3.2
        num = m.group("num")
        scale_word = m.group("scale")
        if scale_word in ("M", "K", "k", "m") and not _money_before(text, m.start("num")):
            scale_word = None  # "M" or "K" after a number is a scale only in money: "$3.46M"
        scale = _SCALES[scale_word.lower() if scale_word.isascii() else scale_word] if scale_word else 1.0
        end = m.end("scale") if scale_word else m.end("ordinal") if m.group("ordinal") else m.end("num")
        value = float(num) * scale
        found.append((m.start("num"), end, Figure(text[m.start("num"):end], (value,), num, scale,
                                                   _date_part(text, m.start("num"), end, num, scale))))
    for m in _ZH_NUMERAL.finditer(text):
        run, after, before = m.group(), text[m.end():m.end() + 1], text[m.start() - 1:m.start()]
        if not (set(run) & set("百千万亿") or after in ("成", "倍") or before == "第"):
            continue  # counted words ("十年", "三周") are not figures; amounts and ranks ("第三") are
        if any(s <= m.start() < e for s, e, _ in found):
            continue  # the 万 of "346万" is already part of a figure
        value = _zh_numeral(run)
        if value is None:
            continue
        if after == "成":
            value *= 10  # 七成 = 70%
        written = run + after if after in ("成", "倍") else run
        found.append((m.start(), m.end(), Figure(written, (value,), "", 1.0)))
    found.sort(key=lambda item: item[0])
    return tuple(_scale_ranges(text, found))


def values(text: str) -> set[float]:
    return {v for f in figures(text) for v in f.values}


def same_value(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def matches_derived(figure: Figure, result: float) -> bool:
    """True when ``figure`` is ``result`` rounded to the precision the figure is written with."""
    if not figure.mantissa:
        return same_value(figure.values[0], result)
    decimals = len(figure.mantissa.split(".")[1]) if "." in figure.mantissa else 0
    return same_value(round(result / figure.scale, decimals), float(figure.mantissa))


def _money_before(text: str, start: int) -> bool:
    return bool(re.search(r"(?:\$|US\$|HK\$|USD|RMB|¥)\s?$", text[max(0, start - 4):start]))


def _date_part(text: str, start: int, end: int, num: str, scale: float) -> str | None:
    if scale != 1.0:
        return None
    after = text[end:end + 2].strip()[:1]  # "2025 年 9 月 30 日" has spaces
    if after == "年" or (len(num) == 4 and "." not in num and 1900 <= int(num) <= 2099):
        return "year"
    if after == "月":
        return "month"
    if after in ("日", "号"):
        return "day"
    if "." not in num and 1 <= int(num) <= 31:
        before, rest = text[max(0, start - 11):start], text[end:end + 11]
        if re.search(rf"(?:{_MONTH_RE})\s$", before) or re.match(rf"\s(?:{_MONTH_RE})\b", rest):
            return "day"
    return None


def _zh_numeral(run: str) -> float | None:
    """The value of a Chinese numeral (``一万亿``, ``千亿``, ``三``, ``百``); None when it is not one."""
    total, section, digit = 0.0, 0.0, None
    i = 0
    while i < len(run):
        ch = run[i]
        if ch in _ZH_DIGITS:
            if digit is not None:
                return None  # two digits in a row: not a numeral ("一二")
            digit = _ZH_DIGITS[ch]
        elif ch in _ZH_UNITS:
            section += (digit if digit is not None else 1) * _ZH_UNITS[ch]
            digit = None
        elif ch == "万" and run[i + 1:i + 2] == "亿":
            total = (total + section + (digit or 0) or 1) * 1e12
            section, digit = 0.0, None
            i += 1
        elif ch in "万亿":
            total = (total + section + (digit or 0) or 1) * (1e4 if ch == "万" else 1e8)
            section, digit = 0.0, None
        i += 1
    return total + section + (digit or 0)


def _scale_ranges(text: str, found: list[tuple[int, int, Figure]]) -> list[Figure]:
    """In "40-55 billion" the 40 is also 40 billion: give a range's unscaled first number the second's scale."""
    out = [f for _, _, f in found]
    for i in range(len(found) - 1):
        (_, end, first), (start, _, second) = found[i], found[i + 1]
        if first.scale == 1.0 and first.mantissa and second.scale != 1.0 and _RANGE.match(text[end:start]):
            out[i] = Figure(first.text, (*first.values, float(first.mantissa) * second.scale), first.mantissa,
                            first.scale, first.date_part)
    return out


# ---- derived figures: arithmetic over figures from the quotes ----

_OPS = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv}


def evaluate_derived(expression: str) -> tuple[float, list[Figure]]:
    """The value of an expression such as ``"11.02亿 / 2790万"`` and the figures it uses.

    Numbers may carry their scale (万, 亿, million, billion...); only + - * / and parentheses.
    Raises ValueError for anything else.
    """
    operands: list[Figure] = []
    placeholders: list[str] = []

    def substitute(m: re.Match) -> str:
        found = figures(m.group())
        if len(found) != 1:
            raise ValueError(f"cannot read {m.group()!r}")
        operands.append(found[0])
        placeholders.append(f"_{len(operands) - 1}")
        return f" {placeholders[-1]} "

    pattern = r"\d+(?:\.\d+)?\s?(?:万亿|亿|万|trillion|billion|million|thousand|bn|mn|%)?"
    python = re.sub(pattern, substitute, fold_text(expression))
    if re.search(r"[^\s_\d+\-*/().]", python):
        raise ValueError(f"only numbers and + - * / ( ) are allowed: {expression!r}")
    try:
        tree = ast.parse(python.strip(), mode="eval")
    except SyntaxError as exc:
        raise ValueError(f"not an arithmetic expression: {expression!r}") from exc

    def calc(node: ast.AST) -> float:
        if isinstance(node, ast.Expression):
            return calc(node.body)
        if isinstance(node, ast.BinOp) and type(node.op) in _OPS:
            return _OPS[type(node.op)](calc(node.left), calc(node.right))
        if isinstance(node, ast.Name) and node.id.startswith("_"):
            return operands[int(node.id[1:])].values[-1]
        raise ValueError(f"only numbers and + - * / ( ) are allowed: {expression!r}")

    try:
        return calc(tree), operands
    except ZeroDivisionError as exc:
        raise ValueError(f"division by zero: {expression!r}") from exc


# ---- named entities ----

def entities_in(text: str, entities: dict[str, tuple[str, ...]]) -> set[str]:
    """The ids of the entities (aliases.yaml ``entities``) whose name or an alias occurs in ``text``."""
    folded = fold_text(text).casefold()
    found = set()
    for name, latin, cjk in _entity_forms(tuple((name, tuple(forms)) for name, forms in entities.items())):
        if any(form in folded for form in cjk) or (latin is not None and latin.search(folded)):
            found.add(name)
    return found


@lru_cache(maxsize=8)
def _entity_forms(entities: tuple[tuple[str, tuple[str, ...]], ...]):
    """Per entity, folded once per alias table: one regex for its Latin forms (whole words), a list of the rest."""
    out = []
    for name, forms in entities:
        folded = [f for f in (fold_text(form).casefold() for form in (name, *forms)) if f]
        latin = sorted({f for f in folded if f.isascii()}, key=len, reverse=True)
        pattern = re.compile(rf"(?<![a-z0-9])(?:{'|'.join(map(re.escape, latin))})(?![a-z0-9]|\.\d)") if latin else None
        out.append((name, pattern, tuple(f for f in folded if not f.isascii())))
    return tuple(out)
