"""Chinese names typed with one character of the same sound: "智铺" for 智谱, "闫骏杰" for 闫俊杰.

A pinyin input method offers every character of a syllable, so picking the wrong one is the
commonest typo of a Chinese name ("稀雨科技" for 稀宇科技), and edit distance cannot tell it from any
other one-character change ("智铺" is as near to "智能" as to "智谱").  The sound can: a window of the
question that is a name with one character changed for another that reads the same (any of its
readings, tones ignored), and is no word the base knows nor part of one with a character beside it,
is that name.

Readings come from ``pypinyin``, imported only when a window is a name with one character changed,
and without its phrase dictionary (one character at a time needs none; it would cost 0.1 s and 50 MB).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping
from functools import lru_cache

NAME_CHARS = (2, 5)  # the Chinese names (aliases.yaml spellings) read through: two to five characters
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
_WILDCARD = "?"


class Homophones:
    """Finds Chinese names typed with a homophone, from the names' spellings (spelling -> entity token)."""

    def __init__(self, spellings: Mapping[str, str]):
        low, high = NAME_CHARS
        self._spellings = {s: t for s, t in spellings.items() if low <= len(s) <= high}
        # each name with one character left out ("智?") -> the names it is, and where that character was
        self._one_changed: dict[str, list[tuple[str, int]]] = {}
        for spelling in self._spellings:
            for at in range(len(spelling)):
                key = spelling[:at] + _WILDCARD + spelling[at + 1:]
                self._one_changed.setdefault(key, []).append((spelling, at))
        # a name with one character changed keeps its first or its second: a window holding neither of any
        # name of its length is none (most windows, looked up before building every one-changed key)
        # every name starting at each position, longest first (a shorter one there lies inside it)
        self._names_at = re.compile("(?=(" + "|".join(sorted(map(re.escape, self._spellings), key=len, reverse=True))
                                    + "))") if self._spellings else re.compile(r"(?!)")
        self._firsts: dict[int, set[str]] = {}
        self._seconds: dict[int, set[str]] = {}
        for spelling in self._spellings:
            self._firsts.setdefault(len(spelling), set()).add(spelling[0])
            self._seconds.setdefault(len(spelling), set()).add(spelling[1])

    def correct(self, text: str, knows: Callable[[str], bool]) -> tuple[str, dict[str, str]]:
        """``text`` with every name typed with a homophone spelt right, and {spelling: what was typed}.
        ``knows(word)``: whether the base uses the word (then it is meant as written: no typo)."""
        corrected: dict[str, str] = {}
        pieces: list[str] = []
        last = 0
        for run in _CJK_RUN.finditer(text):
            chars = run.group()
            named = self._named(chars)
            i = 0
            while i < len(chars):
                found = self._name_at(chars, i, knows)
                if found is None or not named.isdisjoint(range(i, i + len(found))):
                    i += 1  # (nor in a name spelt right: 明是 of "黄明明是谁" is no 明势)
                    continue
                spelling = found
                start = run.start() + i
                pieces += [text[last:start], spelling]
                corrected[spelling] = chars[i:i + len(spelling)]
                last = start + len(spelling)
                i += len(spelling)
        if not corrected:
            return text, {}
        return "".join([*pieces, text[last:]]), corrected

    def _named(self, chars: str) -> set[int]:
        """The positions of ``chars`` inside a name spelt right."""
        return {at for found in self._names_at.finditer(chars) for at in range(found.start(), found.end(1))}

    def _name_at(self, chars: str, i: int, knows: Callable[[str], bool]) -> str | None:
        """The name typed at ``chars[i:]`` with one homophone, longest first."""
        low, high = NAME_CHARS
        for length in range(min(high, len(chars) - i), low - 1, -1):
            typed = chars[i:i + length]
            if typed in self._spellings:
                return None  # spelt right: nothing to correct here
            if typed[0] not in self._firsts.get(length, ()) and typed[1] not in self._seconds.get(length, ()):
                continue
            near = {spelling for at in range(length)
                    for spelling, changed in self._one_changed.get(typed[:at] + _WILDCARD + typed[at + 1:], ())
                    if changed == at and _sounds_alike(typed[at], spelling[at])}
            if len({self._spellings[s] for s in near}) != 1 or knows(typed):
                continue
            # not part of a word with a character beside it: "换上唐装" (a Tang suit) holds no 商汤
            if (i > 0 and knows(chars[i - 1:i + 1])) \
                    or (i + length < len(chars) and knows(chars[i + length - 1:i + length + 1])):
                continue
            return min(near)
        return None


def _sounds_alike(typed: str, meant: str) -> bool:
    """Whether a reading of the character typed is the name's own (its usual one: 阿里 is a-li, though
    阿 is also e, so "额里" of "份额里" is no 阿里)."""
    return _readings(meant)[0] in _readings(typed)


@lru_cache(maxsize=4096)
def _readings(char: str) -> tuple[str, ...]:
    """Every pinyin reading of a character, usual one first, tones ignored ("重": zhong, chong)."""
    pinyin, plain = _pypinyin()
    return tuple(pinyin(char, style=plain, heteronym=True)[0])


@lru_cache(maxsize=1)
def _pypinyin():
    os.environ.setdefault("PYPINYIN_NO_PHRASES", "true")  # (read by pypinyin when it is first imported)
    from pypinyin import Style, pinyin

    return pinyin, Style.NORMAL
