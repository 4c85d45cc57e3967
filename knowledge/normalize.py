"""One normalisation for fact phrasings (once, at index build) and for questions.

Steps: pinyin readings removed, NFKC, case folding, Traditional -> Simplified
(OpenCC ``t2s``), aliases folded to one token per entity or term, punctuation
removed, then tokens: Latin words and numbers stay whole; Chinese runs become
characters plus character bigrams, so word order and missing spaces matter little.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from opencc import OpenCC

from knowledge.cleaning import strip_pinyin
from knowledge.factbase import Aliases

_T2S = OpenCC("t2s")
_S2T = OpenCC("s2t")
# Latin words, model names and figures: "m2", "v3.2", "gpt5", "2023", "7.5", "53.47".
_TOKEN = re.compile(r"@[a-z0-9]+|[a-z0-9]+(?:\.[0-9]+)*|[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# "GPT-5", "gpt 5" and "gpt5" are one model name; so are "M-2" and "m2".  A space is
# only folded after known model families: "in 2023" must stay "in" + "2023".
_HYPHENATED_MODEL = re.compile(
    r"\b([a-z]{1,8}-|[a-z]{1,8}_|(?:gpt|glm|qwen|llama|claude|gemini|kimi|abab) )(\d+(?:\.\d+)*)\b"
)
_ENTITY_PREFIX = "@"  # canonical entity tokens start with this, so guards can tell them apart

# Words that carry no content in a question.  Question words that do ("who",
# "when", "why") are kept: "who is X" and "when did X" ask different things.
EN_STOPWORDS = frozenset(
    """a an the is are was were be been being am do does did doing has have had having of in on at to for
    from by with about as into than then so and or but if it its it's this that these those there their
    they them he she his her him i me my we our you your what what's whats which how tell me please know
    can could would should will shall may might must any some much many s d ll re ve t vs per up
    hey pls plz yet still also just only very really like these those currently current now latest recent
    recently today exactly actually roughly approximately around""".split()
)
# Chinese function words split a run: "MiniMax有多少员工" -> "MiniMax" | "员工", so no bigram
# ("少员") spans them.  Longest first.
ZH_STOPWORDS = tuple(sorted(
    """的 了 吗 嘛 呢 吧 啊 呀 么 是 在 有 和 与 及 也 都 就 还 又 对 把 被 给 让 请问 一下 个 这 那 些 什么 怎么
    怎样 如何 多少 哪些 哪个 是否 有没有 是不是 目前 现在 请 告诉 我 知道 一共 总共 啥 咋""".split(),
    key=len, reverse=True))
_ZH_STOP_SPLIT = re.compile("|".join(ZH_STOPWORDS))


@dataclass(frozen=True)
class Normalized:
    """A normalised text: its tokens (in order) and the entity tokens among them."""

    tokens: tuple[str, ...]
    entities: frozenset[str]

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def is_chinese(text: str) -> bool:
    """True when the text contains Chinese characters (the asker gets the zh answer)."""
    return bool(_CJK_RUN.search(text))


def is_traditional(text: str) -> bool:
    """True when the text uses Traditional characters (a Traditional reader gets a Traditional answer)."""
    return _T2S.convert(text) != text


def to_traditional(text: str) -> str:
    return _S2T.convert(text)


def fold(text: str) -> str:
    """Pinyin removed, NFKC, case-folded and converted to Simplified Chinese."""
    text = unicodedata.normalize("NFKC", strip_pinyin(unicodedata.normalize("NFC", text))).casefold()
    return _T2S.convert(text)


class Normalizer:
    """Turns text into tokens; built once from the alias table.

    Aliases are looked up, longest first, in two dictionaries: runs of up to four Latin
    words, and substrings of Chinese runs.  (One big regex alternation was 20x slower.)
    The few forms that mix scripts ("B轮", "海螺ai") are replaced in the text beforehand.
    """

    MAX_LATIN_WORDS = 4

    def __init__(self, aliases: Aliases):
        self._latin: dict[tuple[str, ...], str] = {}
        self._cjk: dict[str, str] = {}
        self._mixed: dict[str, str] = {}
        self.entity_tokens: set[str] = set()
        self.metric_tokens: set[str] = set()
        for groups, kind in ((aliases.terms, "term"), (aliases.metrics, "metric"), (aliases.entities, "entity")):
            for name, forms in groups.items():
                token = (_ENTITY_PREFIX if kind == "entity" else "") + re.sub(r"[^a-z0-9]", "", name.lower())
                {"entity": self.entity_tokens, "metric": self.metric_tokens}.get(kind, set()).add(token)
                for form in (name, *forms):
                    folded = _fold_models(fold(form)).strip()
                    parts = _TOKEN.findall(folded)
                    if len(parts) == 1 and _CJK_RUN.fullmatch(parts[0]):
                        self._cjk[parts[0]] = token
                    elif parts and not any(_CJK_RUN.match(p) for p in parts):
                        self._latin[tuple(parts)] = token
                    elif parts:
                        self._mixed[folded] = token
        self._mixed_forms = sorted(self._mixed, key=len, reverse=True)
        self._cjk_lengths = sorted({len(f) for f in self._cjk}, reverse=True)

    def __call__(self, text: str) -> Normalized:
        return self._normalize(text)

    @lru_cache(maxsize=4096)  # noqa: B019 - one normaliser lives as long as its index
    def _normalize(self, text: str) -> Normalized:
        tokens: list[str] = []
        words: list[str] = []  # pending run of Latin words
        folded = _fold_models(fold(text))
        for form in self._mixed_forms:
            if form in folded:
                folded = folded.replace(form, f" {self._mixed[form]} ")
        for part in _TOKEN.findall(folded):
            if part.startswith(_ENTITY_PREFIX):  # put there by a mixed-script alias
                tokens.extend(self._latin_tokens(words))
                words = []
                tokens.append(part)
            elif _CJK_RUN.match(part):
                tokens.extend(self._latin_tokens(words))
                words = []
                tokens.extend(self._cjk_run_tokens(part))
            else:
                words.append(part)
        tokens.extend(self._latin_tokens(words))
        return Normalized(tokens=tuple(tokens), entities=frozenset(t for t in tokens if t in self.entity_tokens))

    def _latin_tokens(self, words: list[str]) -> list[str]:
        out, i = [], 0
        while i < len(words):
            for n in range(min(self.MAX_LATIN_WORDS, len(words) - i), 0, -1):
                token = self._latin.get(tuple(words[i : i + n]))
                if token:
                    out.append(token)
                    i += n
                    break
            else:
                if words[i] not in EN_STOPWORDS:
                    out.append(words[i])
                i += 1
        return out

    def _cjk_run_tokens(self, run: str) -> list[str]:
        out: list[str] = []
        plain_start = i = 0
        while i < len(run):
            for length in self._cjk_lengths:
                token = self._cjk.get(run[i : i + length]) if i + length <= len(run) else None
                if token:
                    out.extend(_cjk_tokens(run[plain_start:i]))
                    out.append(token)
                    i += length
                    plain_start = i
                    break
            else:
                i += 1
        out.extend(_cjk_tokens(run[plain_start:]))
        return out


def _fold_models(text: str) -> str:
    return _HYPHENATED_MODEL.sub(lambda m: m.group(1)[:-1] + m.group(2), text)


def _cjk_tokens(run: str) -> list[str]:
    """Characters and bigrams of a Chinese run, split at function words."""
    tokens: list[str] = []
    for piece in _ZH_STOP_SPLIT.split(run):
        tokens.extend(piece)
        tokens.extend(piece[i : i + 2] for i in range(len(piece) - 1))
    return tokens
