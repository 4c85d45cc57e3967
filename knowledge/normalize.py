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
# Latin words, model names and figures: "m2", "v3.2", "gpt5", "2023", "7.5", "53.47".
_TOKEN = re.compile(r"[a-z0-9]+(?:\.[0-9]+)*|[\u3400-\u9fff]+")
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
    hey pls plz yet still also just only very really like""".split()
)
ZH_STOPCHARS = frozenset("的了吗嘛呢吧啊呀么是在有和与及也都就还又对把被给让请问一下个这那些么")


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


def fold(text: str) -> str:
    """Pinyin removed, NFKC, case-folded and converted to Simplified Chinese."""
    text = unicodedata.normalize("NFKC", strip_pinyin(unicodedata.normalize("NFC", text))).casefold()
    return _T2S.convert(text)


class Normalizer:
    """Turns text into tokens; built once from the alias table."""

    def __init__(self, aliases: Aliases):
        self._replacements: dict[str, str] = {}
        self.entity_tokens: set[str] = set()
        for groups, is_entity in ((aliases.terms, False), (aliases.entities, True)):
            for name, forms in groups.items():
                token = (_ENTITY_PREFIX if is_entity else "") + re.sub(r"[^a-z0-9]", "", name.lower())
                if is_entity:
                    self.entity_tokens.add(token)
                for form in (name, *forms):
                    self._replacements[_fold_form(form)] = token
        forms = sorted(self._replacements, key=len, reverse=True)
        self._alias_pattern = re.compile(
            "|".join(_boundaried(f) for f in forms if f)) if forms else None

    def __call__(self, text: str) -> Normalized:
        return self._normalize(text)

    @lru_cache(maxsize=4096)  # noqa: B019 - one normaliser lives as long as its index
    def _normalize(self, text: str) -> Normalized:
        folded = _fold_models(fold(text))
        if self._alias_pattern is not None:
            folded = self._alias_pattern.sub(lambda m: f" {self._replacements[m.group(0)]} ", folded)
        tokens: list[str] = []
        entities: set[str] = set()
        for raw in re.split(r"\s+", folded):
            if raw in self.entity_tokens:
                tokens.append(raw)
                entities.add(raw)
                continue
            for part in _TOKEN.findall(raw):
                if _CJK_RUN.fullmatch(part):
                    tokens.extend(_cjk_tokens(part))
                elif part not in EN_STOPWORDS:
                    tokens.append(part)
        return Normalized(tokens=tuple(tokens), entities=frozenset(entities))


def _fold_form(form: str) -> str:
    return _fold_models(fold(form)).strip()


def _fold_models(text: str) -> str:
    return _HYPHENATED_MODEL.sub(lambda m: m.group(1)[:-1] + m.group(2), text)


def _boundaried(form: str) -> str:
    """Latin aliases match whole words only ("m2" must not fire inside "gm2x"); Chinese ones anywhere."""
    escaped = re.escape(form)
    if re.match(r"[a-z0-9]", form):
        escaped = r"(?<![a-z0-9])" + escaped
    if re.search(r"[a-z0-9]$", form):
        escaped += r"(?![a-z0-9])"
    return escaped


def _cjk_tokens(run: str) -> list[str]:
    """Characters (minus function characters) and every bigram of a Chinese run."""
    chars = [c for c in run if c not in ZH_STOPCHARS]
    bigrams = [run[i : i + 2] for i in range(len(run) - 1)]
    return chars + bigrams
