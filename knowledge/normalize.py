"""One normalisation for fact phrasings (once, at index build) and for questions.

Steps: pinyin readings removed, NFKC, case folding, Traditional -> Simplified
(OpenCC ``t2s``), aliases folded to one token per entity or term, punctuation
removed, then tokens: Latin words and numbers stay whole; Chinese runs become
characters plus character bigrams, so word order and missing spaces matter little.
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from opencc import OpenCC

from knowledge.cleaning import strip_pinyin
from knowledge.factbase import Aliases


@cache
def _opencc(config: str) -> OpenCC:
    """A converter, made on first use (≈30 ms each: an English question with a warm start needs none)."""
    return OpenCC(config)

# Latin words, model names and figures: "m2", "v3.2", "gpt5", "2023", "7.5", "53.47".
_TOKEN = re.compile(r"@[a-z0-9]+|[a-z0-9]+(?:\.[0-9]+)*|[\u3400-\u9fff]+")
_CJK_RUN = re.compile(r"[\u3400-\u9fff]+")
# "GPT-5", "gpt 5" and "gpt5" are one model name; so are "M-2" and "m2".  A space is
# only folded after known model families: "in 2023" must stay "in" + "2023".  Letters and digits
# bound the name, not Chinese characters: "智谱GLM-4.6" has GLM-4.6 in it.
_MODEL_FAMILIES = r"(?:gpt|glm|qwen|llama|claude|gemini|kimi|abab|hailuo)"
_HYPHENATED_MODEL = re.compile(
    rf"(?<![a-z0-9])([a-z]{{1,8}}-|[a-z]{{1,8}}_|{_MODEL_FAMILIES} )(\d+(?:\.\d+)*)"
    r"(?![a-z0-9]|\s*[年月日号])"  # not a date after a name: "Kimi 11月" is Kimi in November, not a model "Kimi 11"
)
# What every hyphenated or spaced model name holds: a hyphen, an underscore, or a family's name, a space and a
# digit.  Most phrasings hold none of them and are spared ``_HYPHENATED_MODEL``, twice as slow to search.
_FAMILY_SPACE = re.compile(rf"{_MODEL_FAMILIES} \d")
# Spaces between a Chinese character and a figure, either way round (they spell one mixed-script form).
# So is a lone letter spaced from the Chinese it goes with ("B 端" is "B端").
_SPACED_FIGURE = re.compile(r"(?<=[\u3400-\u9fff])\s+(?=\d)|(?<=\d)\s+(?=[\u3400-\u9fff])"
                            r"|(?<![a-z0-9][a-z])(?<=[a-z])\s+(?=[\u3400-\u9fff])")
_FISCAL_YEAR = re.compile(r"\bfy ?'?((?:19|20)\d\d|\d\d)\b")
# "25年9月底", "24年营收", "22年呢": a year written with two digits, as Chinese writers shorten this decade's
# years.  Not a duration: "待了25年", "第25年", "25年来", "25年了", "25年多", "25年前" stay as they are.
_SHORT_YEAR = re.compile(
    r"(?<![\d.了过去第近这那几十])([12]\d)年"
    r"(?!\s*(?:[了多来间内里之左后以]|的时间|前(?![三3九9])))")
# "1月9号": the day of a month as it is said, written 日 in the articles
_DAY_HAO = re.compile(r"(?<=月)\s*(\d{1,2})\s*号")
# Words holding an alias or an attribute's wording that mean nothing here: "听说" (I heard) asks nobody what
# they said.
_NOT_WORDINGS = ("听说", "据说", "传说", "小说")
_ENTITY_PREFIX = "@"  # canonical entity tokens start with this, so guards can tell them apart

# Words that carry no content in a question.  Question words that do ("who",
# "when", "why") are kept: "who is X" and "when did X" ask different things.
EN_STOPWORDS = frozenset(
    """a an the is are was were be been being am do does did doing has have had having of in on at to for
    from by with about as into than then so and or but if it its it's this that these those there their
    they them he she his her him i me my we our you your what what's whats which how tell me please know
    can could would should will shall may might must any some much many s d ll re ve t vs per up
    hey pls plz yet still also just only very really like these those currently current now latest recent
    recently today exactly actually roughly approximately around relationship relation connection between too either
    go goes going went piece article articles mentioned mention mentions
    ok okay btw lol hmm um uh honestly anyway reportedly apparently supposedly allegedly basically
    kind kinds sort sorts thing things anything sorry oops meant figure figures exact sources
    across among within
    notable notably known famous special give gives gave given heard hear hearing according""".split()
)
# Chinese function words split a run: "MiniMax有多少员工" -> "MiniMax" | "员工", so no bigram
# ("少员") spans them.  Longest first.
ZH_STOPWORDS = tuple(sorted(
    """的 了 吗 嘛 呢 吧 啊 呀 么 是 在 有 和 与 跟 及 也 都 就 还 又 对 把 被 给 让 请问 一下 个 这 那 些 什么 怎么
    怎样 如何 多少 哪些 哪个 是否 有没有 是不是 目前 现在 请 告诉 我 知道 一共 总共 啥 咋
    大概 大约 大致 左右 关系 文章里 文中 文章中 文章提到 最近 近期 最新 同期 同一时期 来着 嘢
    哪几家 哪几个 哪几位 哪几款 哪几 哪位 哪种 哪类 哪款 截至 截止 那时候 那时 帮我查 帮我看 帮我找 查下 查一下
    查查 问下 问问 问一下 想问 想了解下 想了解一下 想了解 了解下 了解一下 麻烦 请教 在吗
    时候 一般 通常 特别 之处 已经 到底 究竟 具体 自己 嘅 咗 佢哋 佢 嗰 咪 东西 里面
    他们 她们 它们 他 她 它 其他 其它""".split(),
    key=len, reverse=True))
_ZH_STOP_SPLIT = re.compile("|".join(ZH_STOPWORDS))


class Normalized(NamedTuple):
    """A normalised text: its tokens (in order), the entity tokens among them, and the attributes it names.

    ``attributes`` are ids of the aliases.yaml ``attributes`` vocabulary whose wordings occur in
    the text ("who founded" -> founder, "成立" -> founded), the longest wording first.  (A named
    tuple: an index of 100,000 facts makes half a million of them, and a frozen dataclass costs
    ten times as much to create.)
    """

    tokens: tuple[str, ...]
    entities: frozenset[str]
    attributes: tuple[str, ...] = ()
    adjacent: tuple[tuple[str, str], ...] = ()  # entities named one right after the other (questions only)

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


def is_chinese(text: str) -> bool:
    """True when the text contains Chinese characters (the asker gets the zh answer)."""
    return bool(_CJK_RUN.search(text))


def is_traditional(text: str) -> bool:
    """True when the text uses Traditional characters (a Traditional reader gets a Traditional answer)."""
    return not text.isascii() and _opencc("t2s").convert(text) != text


def to_traditional(text: str) -> str:
    return _opencc("s2t").convert(text)


# Written Cantonese, as Hong Kong asks ("佢同邊個傾咗兩個鐘?"), in the Mandarin words the facts use.  OpenCC converts
# script, not dialect.  Only words Mandarin does not write, as t2s leaves them (嗰 becomes 𠮶, 喎 㖞); longest
# first.  (系 alone stays: it is also Mandarin's 系, "清华系".)
_CANTONESE = {
    "系唔系": "是不是", "系咪": "是不是", "佢系": "他是", "边个系": "谁是", "呢个系": "这个是", "边个": "谁",
    "边位": "谁", "边度": "哪里", "边间": "哪家", "边只": "哪个", "边日": "哪天", "边年": "哪年", "边个月": "哪个月",
    "几时": "什么时候", "几多": "多少", "几耐": "多久", "点样": "怎样", "点解": "为什么", "乜嘢": "什么",
    "咩嘢": "什么", "出世": "出生", "按年": "同比", "去咗边": "去了哪里",
    "系几多": "是多少", "差几远": "差多少", "几多蚊": "多少钱", "蚊": "元", "听讲": "听说", "点睇": "怎么看",
    "企到": "到", "好劲": "很强", "系第几间": "是第几家", "系第几": "是第几", "第几间": "第几家", "几间": "几家",
    "而家": "现在", "依家": "现在", "老细": "老板", "讲过": "说过", "讲咗": "说了", "系咩嚟": "是什么", "咩嚟": "什么",
    "蚀咗": "亏了", "蚀钱": "亏钱", "蚀本": "亏本", "蚀几多": "亏多少", "都几劲": "挺厉害", "入面": "里面",
    "用返": "用回", "边种": "哪种", "边款": "哪款",
    "𠮶阵": "那时候", "唔该晒": "谢谢", "唔该": "谢谢", "多谢晒": "谢谢", "倾咗": "聊了", "啱啱": "刚", "佢哋": "他们",
    "咗": "了", "嘅": "的", "喺": "在", "佢": "他", "咩": "什么", "乜": "什么", "冇": "没有", "𠮶": "那", "啲": "些",
    "哋": "们", "唔": "不", "嚟": "来", "睇": "看", "畀": "给", "揾": "找", "咁": "这么", "㗎": "", "㖞": "", "嘞": "",
    # and Sichuanese, as Chongqing and Chengdu ask ("M2 是啥子架构?", "有没得机器人在用?")
    "啥子": "什么", "有没得": "有没有", "要得": "好的", "咋个": "怎么",
    # and a verb split by 的, 了 or 咗, as speech says it ("在哪上的市", "哪年融的资", "上咗市未"): the word itself
    "上的市": "上市", "融的资": "融资", "创的业": "创业", "留的学": "留学", "上了市": "上市", "上咗市": "上市",
    "融了资": "融资", "融咗资": "融资", "创了业": "创业", "创咗业": "创业", "留过学": "留学",
}
_TRILLION = re.compile(r"(\d(?:\.\d+)?)\s*兆")
_CANTONESE_WORD = re.compile("|".join(sorted(_CANTONESE, key=len, reverse=True)))
_CANTONESE_FIRST = frozenset(word[0] for word in _CANTONESE)  # (most texts hold none: no substitution to run)


_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_WORD = re.compile(r"[a-z0-9]+")


def size_in_words(folded: str) -> int:
    """How many words a folded text holds, two Chinese characters counting as one ("做产品规划想借鉴下": 4;
    Chinese is written without spaces, and a word is mostly two characters)."""
    return len(_CJK_CHAR.findall(folded)) // 2 + len(_WORD.findall(folded))


def fold(text: str) -> str:
    """Pinyin removed, NFKC, case-folded and converted to Simplified Chinese (and Mandarin words)."""
    if text.isascii():  # nothing to compose, no pinyin tone marks, no Chinese (the common case, fast)
        return text.casefold()
    return _in_mandarin(_opencc("t2s").convert(_composed(text)))


def fold_all(texts: list[str]) -> list[str]:
    """``fold`` of each text, converting all their Chinese with one OpenCC call.

    Each call into OpenCC costs about a microsecond before it converts anything: an index of 100,000
    facts has 300,000 phrasings with Chinese, and one call for each was a third of a second of its build.
    No entry of OpenCC's dictionaries holds a line break, so texts joined by line breaks convert as each
    would alone (the few texts holding a line break themselves are converted on their own).
    """
    folded = [text.casefold() if text.isascii() else "" for text in texts]
    chinese = [(i, _composed(text)) for i, text in enumerate(texts) if not text.isascii()]
    alone = [(i, text) for i, text in chinese if "\n" in text]
    joined = [(i, text) for i, text in chinese if "\n" not in text]
    converter = _opencc("t2s")
    converted = converter.convert("\n".join(text for _, text in joined)).split("\n") if joined else []
    if len(converted) != len(joined):  # (never seen: then convert them one by one)
        converted = [converter.convert(text) for _, text in joined]
    for (i, _), text in zip(joined, converted, strict=True):
        folded[i] = _in_mandarin(text)
    for i, text in alone:
        folded[i] = _in_mandarin(converter.convert(text))
    return folded


def _composed(text: str) -> str:
    """``fold``'s first steps: pinyin readings removed, NFKC, case-folded."""
    return unicodedata.normalize("NFKC", strip_pinyin(unicodedata.normalize("NFC", text))).casefold()


def _in_mandarin(text: str) -> str:
    """``fold``'s last steps, on a text converted to Simplified Chinese: Taiwan's and Cantonese words in
    the Mandarin the facts use."""
    if "兆" in text:  # Taiwan's 兆 is a trillion: "1.4兆美元" is the articles' "1.4万亿美元"
        text = _TRILLION.sub(lambda m: m.group(1) + "万亿", text)
    if _CANTONESE_FIRST.isdisjoint(text):
        return text
    return _CANTONESE_WORD.sub(lambda m: _CANTONESE[m.group()], text)


class Normalizer:
    """Turns text into tokens; built once from the alias table.

    Aliases are looked up, longest first, in two dictionaries: runs of up to four Latin
    words, and substrings of Chinese runs, each indexed by its first word or character so
    that most positions cost one lookup.  (One big regex alternation was 20x slower.)
    The few forms that mix scripts ("B轮", "海螺ai") are replaced in the text beforehand.
    Attribute wordings are found the same way in the folded text, stopwords included
    ("founded by" is not "founded"), without replacing anything.
    """

    MAX_LATIN_WORDS = 4

    def __init__(self, aliases: Aliases):
        self._latin: dict[tuple[str, ...], str] = {}
        self._cjk: dict[str, str] = {}
        self._mixed: dict[str, str] = {}
        self.entity_tokens: set[str] = set()
        self.metric_tokens: set[str] = set()
        self.entity_ids: dict[str, str] = {}  # entity token ("@minimaxm2") -> aliases.yaml id ("minimax-m2")
        self.people: frozenset[str] = frozenset(getattr(aliases, "people", ()) or ())
        for groups, kind in ((aliases.terms, "term"), (aliases.metrics, "metric"), (aliases.entities, "entity")):
            for name, forms in groups.items():
                token = (_ENTITY_PREFIX if kind == "entity" else "") + self.term_token(name)
                {"entity": self.entity_tokens, "metric": self.metric_tokens}.get(kind, set()).add(token)
                if kind == "entity":
                    self.entity_ids[token] = name
                for form in (name, *forms):
                    folded = _fold_models(fold(form)).strip()
                    parts = _TOKEN.findall(folded)
                    if len(parts) == 1 and _CJK_RUN.fullmatch(parts[0]):
                        self._cjk[parts[0]] = token
                    elif parts and not any(_CJK_RUN.match(p) for p in parts):
                        self._latin[tuple(parts)] = token
                    elif parts:
                        self._mixed[folded] = token
        self._cjk.update(dict.fromkeys(_NOT_WORDINGS, ""))
        self._mixed_forms = sorted(self._mixed, key=len, reverse=True)
        # Each form (by its place in ``_mixed_forms``) under the first of its non-Latin characters: a text is
        # searched only for the forms whose character it holds, not for all fifty (replacing a form puts in
        # nothing but Latin letters, so no other form can appear).
        self._mixed_by_char: dict[str, tuple[int, ...]] = {}
        for n, form in enumerate(self._mixed_forms):
            char = next(c for c in form if not c.isascii())
            self._mixed_by_char[char] = (*self._mixed_by_char.get(char, ()), n)
        # (a character class: searching a text for one is done in C, testing its characters one by one is not)
        chars = "".join(self._mixed_by_char)
        self._mixed_char = re.compile(f"[{re.escape(chars)}]") if chars else None
        self._latin_first = _first_index(self._latin)
        # ... and of the names of entities alone: most words that start an alias ("revenue") start no name
        self._entity_first = _first_index({words: token for words, token in self._latin.items()
                                           if token in self.entity_tokens})
        self._cjk_first = _first_index(self._cjk)
        # Attribute wordings: Latin word runs, Chinese strings, and the few that mix scripts.
        self.attributes: dict[str, tuple[str, ...]] = dict(getattr(aliases, "attributes", None) or {})
        self._attr_latin: dict[tuple[str, ...], str] = {}
        self._attr_cjk: dict[str, str] = {}
        self._attr_mixed: dict[str, str] = {}
        for attribute, forms in self.attributes.items():
            for form in forms:
                folded = _fold_models(fold(form)).strip()
                parts = _TOKEN.findall(folded)
                if len(parts) == 1 and _CJK_RUN.fullmatch(parts[0]):
                    self._attr_cjk.setdefault(parts[0], attribute)
                elif parts and not any(_CJK_RUN.match(p) for p in parts):
                    self._attr_latin.setdefault(tuple(stem(p) for p in parts), attribute)
                elif parts:
                    self._attr_mixed.setdefault(folded, attribute)
        self._attr_cjk.update(dict.fromkeys((*_NOT_WORDINGS, "创作者"), ""))  # (creators: no author asked)
        # A Chinese name's characters word nothing: "华盛顿大学的教授" asks no one's education
        for spelling, token in self._cjk.items():
            if token in self.entity_tokens and any(w in spelling for w in self._attr_cjk if w):
                self._attr_cjk.setdefault(spelling, "")
        self._attr_latin_first = _first_index(self._attr_latin)
        self._attr_cjk_first = _first_index(self._attr_cjk)

    def entity_spellings_zh(self) -> dict[str, str]:
        """The Chinese spellings of names (aliases.yaml ``entities``), each with its entity token."""
        return {spelling: token for spelling, token in self._cjk.items() if token in self.entity_tokens}

    def cjk_token(self, spelling: str) -> str:
        return self._cjk[spelling]

    def names(self, word: str) -> bool:
        """Whether a Chinese word is a name, term or attribute wording of aliases.yaml ("份额": share), which
        the index holds as its token rather than as the word."""
        return word in self._cjk or word in self._attr_cjk

    def __call__(self, text: str) -> Normalized:
        return self._normalize(text)

    def rejoin(self, tokens: list[str], corrected: set[str]) -> list[str]:
        """Tokens with two neighbours that spell an alias joined into it, when a typo correction made one
        of them ("net" + "loss" corrected from "los" -> the metric "net loss")."""
        joined: list[str] = []
        i = 0
        while i < len(tokens):
            pair = tuple(tokens[i : i + 2])
            alias = None
            if len(pair) == 2 and corrected.intersection(pair):
                # ("hailou 02": the typo read as the Hailuo entity, whose spelling "hailuo" + "02" is Hailuo 02,
                # written "hailuo02" as the normaliser joins a name and its number)
                first = self._one_word(pair[0])
                spelt = [pair, *((w, pair[1]) for w in first), *((w + pair[1],) for w in first)]
                alias = next((self._latin[words] for words in spelt if words in self._latin), None)
            joined.append(alias or tokens[i])
            i += 2 if alias else 1
        return joined

    def _one_word(self, token: str) -> tuple[str, ...]:
        """The one-word spellings of an entity token ("@hailuo" -> "hailuo"); none for another token."""
        spellings = self.__dict__.get("_one_word_spellings")
        if spellings is None:
            spellings = {}
            for words, folded in self._latin.items():
                if len(words) == 1:
                    spellings[folded] = (*spellings.get(folded, ()), *words)
            self.__dict__["_one_word_spellings"] = spellings
        return spellings.get(token, ())

    def entity_id(self, token: str) -> str | None:
        return self.entity_ids.get(token)

    @staticmethod
    @lru_cache(maxsize=1 << 12)  # (the same few hundred ids, asked for by every fact indexed)
    def term_token(term_id: str) -> str:
        """The token an aliases.yaml term (or metric) folds to: its id, lower-case letters and digits."""
        return re.sub(r"[^a-z0-9]", "", term_id.lower())

    def entity_token(self, entity_id: str) -> str:
        return _ENTITY_PREFIX + self.term_token(entity_id)

    def attribute_edge(self, word: str, generic: frozenset[str] = frozenset()) -> tuple[bool, bool]:
        """Whether a (Latin) word starts, and whether it ends, a wording of an attribute not in ``generic``
        ("net" starts "net loss", "loss" ends it)."""
        edges = self.__dict__.get("_attr_edges")
        if edges is None or edges[0] != generic:
            starts = {key[0] for key, attribute in self._attr_latin.items() if attribute not in generic}
            ends = {key[-1] for key, attribute in self._attr_latin.items() if attribute not in generic}
            edges = self.__dict__["_attr_edges"] = (generic, starts, ends)
        stemmed = stem(word)
        return stemmed in edges[1], stemmed in edges[2]

    def attribute_of_word(self, word: str) -> str | None:
        """The attribute a single (Latin) word names, if any: "revenue" -> revenue."""
        return self._attr_latin.get((stem(word),))

    def attribute_tokens(self) -> dict[str, frozenset[str]]:
        """The tokens each attribute's wordings normalise to ("revenue": revenue, 营, 收, 营收...), made once."""
        tokens = self.__dict__.get("_attribute_tokens")
        if tokens is None:
            tokens = self.__dict__["_attribute_tokens"] = {
                attribute: frozenset(t for form in forms for t in self(form).tokens)
                for attribute, forms in self.attributes.items()
            }
        return tokens

    def keep_prepared(self, entries: dict[str, object]) -> None:
        """The curated facts' index entries, prepared with this normaliser (``knowledge.warm_start``): a
        matcher built with it takes them instead of preparing those facts again (``Matcher.update``)."""
        self.__dict__["_prepared"] = entries

    def prepared(self) -> dict[str, object]:
        return self.__dict__.get("_prepared", {})

    @lru_cache(maxsize=1 << 14)  # noqa: B019 - one normaliser per aliases: the base's texts, then questions
    def _normalize(self, text: str) -> Normalized:
        return self.normalize_uncached(text)

    def normalize_uncached(self, text: str, attributes: bool = True) -> Normalized:
        """The same as calling the normaliser, without its cache (for indexing many texts once).

        ``attributes=False`` skips looking for attribute wordings (answers need none).
        """
        return self.normalize_folded(fold(text), attributes)

    def normalize_folded(self, folded: str, attributes: bool = True) -> Normalized:
        """``normalize_uncached`` of a text already folded (``fold``, or ``fold_all`` for many at once)."""
        folded = _fold_models(folded)
        parts = _TOKEN.findall(folded)
        found = self._attributes(parts, folded) if attributes and self.attributes else ()
        # Every mixed-script form has a Chinese character: most texts hold none of theirs.
        if self._mixed_char and not folded.isascii() and self._mixed_char.search(folded):
            held = set(self._mixed_char.findall(folded))
            if " " in folded:  # "前 9 个月", "海螺 02": spaced as Chinese text often spaces figures
                folded = _SPACED_FIGURE.sub("", folded)
            replaced = False
            for n in sorted(n for char in held for n in self._mixed_by_char[char]):  # (longest first)
                form = self._mixed_forms[n]
                if form in folded:
                    folded = folded.replace(form, f" {self._mixed[form]} ")
                    replaced = True
            if replaced:
                parts = _TOKEN.findall(folded)
        tokens: list[str] = []
        words: list[str] = []  # pending run of Latin words
        for part in parts:
            if part[0] == _ENTITY_PREFIX:  # put there by a mixed-script alias
                if words:
                    self._latin_tokens(words, tokens)
                    words = []
                tokens.append(part)
            elif part[0] >= "\u3400":
                if words:
                    self._latin_tokens(words, tokens)
                    words = []
                self._cjk_run_tokens(part, tokens)
            else:
                words.append(part)
        if words:
            self._latin_tokens(words, tokens)
        entities = frozenset(self.entity_tokens.intersection(tokens))
        adjacent = self._adjacent_entities(parts) if attributes and len(entities) >= 2 else ()
        return Normalized(tuple(tokens), entities, found, adjacent)  # (by position: keywords are slower)

    def _adjacent_entities(self, parts: list[str]) -> tuple[tuple[str, str], ...]:
        """Pairs of entities named one right after the other ("MiniMax M2", "DeepSeek V3.2", "智谱GLM-4.6").

        Nothing, not even a stopword, may stand between them: "Hailuo or Talkie" is no pair.
        """
        pairs: list[tuple[str, str]] = []
        last: str | None = None  # the entity that ended right before the current position
        for part in parts:
            if part[0] == _ENTITY_PREFIX:
                if last is not None:
                    pairs.append((last, part))
                last = part
                continue
            cjk = part[0] >= "\u3400"
            first, table = (self._cjk_first, self._cjk) if cjk else (self._latin_first, self._latin)
            units = part if cjk else [part]  # a Chinese run is scanned by character, Latin by word
            # Latin words arrive one part at a time: a multi-word alias ("mini max") is rare enough to skip here.
            i = 0
            while i < len(units):
                token = None
                for length in first.get(units[i], ()):
                    key = units[i : i + length] if cjk else tuple(units[i : i + length])
                    token = table.get(key)
                    if token:
                        break
                if token in self.entity_tokens:
                    if last is not None:
                        pairs.append((last, token))
                    last = token
                    i += length
                else:
                    last = None
                    i += length if token else 1
        return tuple(pairs)

    def _latin_tokens(self, words: list[str], out: list[str]) -> None:
        i, n_words = 0, len(words)
        first, table = self._latin_first, self._latin
        while i < n_words:
            for n in first.get(words[i], ()):
                token = table.get(tuple(words[i : i + n])) if i + n <= n_words else None
                if token:
                    out.append(token)
                    i += n
                    break
            else:
                word = words[i]
                # a plural of a one-word term is that term ("latest valuations", "investors")
                singular = table.get((word[:-1],)) if len(word) > 4 and word[-1] == "s" and word[-2] != "s" else None
                if singular:
                    out.append(singular)
                elif word not in EN_STOPWORDS:
                    out.append(word)
                i += 1

    def _cjk_run_tokens(self, run: str, out: list[str]) -> None:
        out.extend(self._cjk_run(run))

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - Chinese runs repeat a lot ("营收是多少"); one normaliser per index
    def _cjk_run(self, run: str) -> tuple[str, ...]:
        out: list[str] = []
        plain_start = i = 0
        first, table = self._cjk_first, self._cjk
        while i < len(run):
            for length in first.get(run[i], ()):
                token = table.get(run[i : i + length])
                if token is not None:
                    _cjk_tokens(run[plain_start:i], out)
                    if token:  # (a word that only holds an alias, 听说, is dropped)
                        out.append(token)
                    i += length
                    plain_start = i
                    break
            else:
                i += 1
        _cjk_tokens(run[plain_start:], out)
        return tuple(out)

    def _attributes(self, parts: list[str], folded: str) -> tuple[str, ...]:
        """Attribute ids whose wordings occur among ``parts``: longest wording first, each id once."""
        found: list[tuple[int, int, int, str]] = []  # (-length, part, character, attribute)
        latin_first, latin = self._attr_latin_first, self._attr_latin
        entity_first = self._entity_first
        # (wordings are looked up by their words' stems: "burned through" is a wording "burn through")
        if not self._attr_mixed and all(p[0] < "\u3400" for p in parts) and latin_first.keys().isdisjoint(
                map(stem, parts)):
            return ()  # no wording can start here (most answers and many questions): done
        i, n_parts = 0, len(parts)
        while i < n_parts:
            part = parts[i]
            if part[0] >= "\u3400":
                found.extend((weight, i, k, attribute) for weight, k, attribute in self._cjk_run_attributes(part))
                i += 1
                continue
            named = self._entity_at(parts, i) if part in entity_first else 0
            if named:  # a name's words are not wordings: "K2 *Thinking*" asks no opinion
                i += named
                continue
            for n in latin_first.get(stem(part), ()):
                attribute = latin.get(tuple(map(stem, parts[i : i + n]))) if i + n <= n_parts else None
                if attribute:
                    found.append((-sum(map(len, parts[i : i + n])) - n, i, 0, attribute))  # (words and spaces)
                    i += n
                    break
            else:
                i += 1
        for form, attribute in self._attr_mixed.items():
            if form in folded:
                found.append((-len(form), n_parts, 0, attribute))
        if len(found) <= 1:  # (most texts: nothing to order)
            return (found[0][3],) if found else ()
        found.sort()
        return tuple(dict.fromkeys(attribute for *_, attribute in found))

    @lru_cache(maxsize=1 << 16)  # noqa: B019 - as ``_cjk_run``: the same runs recur in phrasing after phrasing
    def _cjk_run_attributes(self, run: str) -> tuple[tuple[int, int, str], ...]:
        """The attribute wordings in one Chinese run, as (minus weight, character, attribute), in order."""
        found: list[tuple[int, int, str]] = []
        cjk_first, cjk = self._attr_cjk_first, self._attr_cjk
        k = 0
        while k < len(run):
            for length in cjk_first.get(run[k], ()):
                # (a wording longer than what is left of the run must not match its shorter prefix)
                attribute = cjk.get(run[k : k + length]) if k + length <= len(run) else None
                if attribute is not None:
                    if attribute:  # (not a word that only holds a wording: 听说)
                        # A Chinese character carries about as much as a short English word.
                        found.append((-3 * length, k, attribute))
                    k += length
                    break
            else:
                k += 1
        return tuple(found)

    def _entity_at(self, parts: list[str], i: int) -> int:
        """How many Latin words from ``parts[i]`` on spell an entity's name (0 when none does)."""
        for n in self._entity_first.get(parts[i], ()):
            if self._latin.get(tuple(parts[i : i + n])) in self.entity_tokens:
                return n
        return 0


_NOT_STEMMED = frozenset({"called", "funding", "funded", "shares"})  # "his fund" is no funding, "a share" no stock


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A crude English stem for comparing wordings: "burned", "burning", "burns" -> "burn".

    Only stems of four letters or more are taken ("used" stays "used": "us" is a country), and a
    word whose stem means something else is kept ("called" is named, not "calls" of an API; "funding"
    is money raised, a "fund" the investor itself).
    """
    if word in _NOT_STEMMED:
        return word
    for suffix in ("ies", "ing", "ed", "es", "s"):
        if word.endswith(suffix) and not word.endswith("ss"):
            base = word[: -len(suffix)] + ("y" if suffix == "ies" else "")
            if len(base) >= 4:
                word = base
                break
    return word[:-1] if word.endswith("e") and len(word) > 4 else word


def _first_index(table: dict) -> dict:
    """First word (or character) of each key -> the key lengths starting with it, longest first."""
    index: dict = {}
    for key in table:
        index.setdefault(key[0], set()).add(len(key))
    return {first: tuple(sorted(lengths, reverse=True)) for first, lengths in index.items()}


def _full_year(fiscal: re.Match) -> str:
    year = fiscal.group(1)
    return f" {year if len(year) == 4 else '20' + year} full year "


# Chat shorthand, spelled out so it reads like the facts' words ("how many ppl work at minimax?", "which apps r
# getting rave reviews"); "r" only where a word follows ("R&D" stays)
_CHAT_WORDS = {"ppl": "people", "r": "are", "u": "you", "ur": "your", "yr": "year", "yrs": "years", "gen": "generation",
               "govt": "government", "rn": "right now", "bc": "because", "cuz": "because", "avg": "average",
               "approx": "approximately", "mgmt": "management", "intl": "international"}
_CHAT_WORD = re.compile(r"(?<![\w&/.-])(" + "|".join(sorted(_CHAT_WORDS, key=len, reverse=True)) + r")(?= [a-z])")


def _fold_models(text: str) -> str:
    text = _CHAT_WORD.sub(lambda m: _CHAT_WORDS[m.group()], text)
    if "fy" in text:  # "FY2024", "fy24": the full year 2024
        text = _FISCAL_YEAR.sub(_full_year, text)
    # (Replacements are functions, not templates: ``re`` parses a template such as r"20\1年" again on every call,
    # before it even searches, which cost a third of a second over the phrasings of 100,000 facts.)
    if "年" in text:
        text = _SHORT_YEAR.sub(lambda m: "20" + m.group(1) + "年", text)
    if "号" in text:
        text = _DAY_HAO.sub(lambda m: m.group(1) + "日", text)
    if "-" not in text and "_" not in text and not _FAMILY_SPACE.search(text):
        return text
    return _HYPHENATED_MODEL.sub(lambda m: m.group(1)[:-1] + m.group(2), text)


def _cjk_tokens(run: str, out: list[str]) -> None:
    """Characters and bigrams of a Chinese run, split at function words, appended to ``out``."""
    if not run:
        return
    for piece in _ZH_STOP_SPLIT.split(run):
        out.extend(piece)
        out.extend([piece[i : i + 2] for i in range(len(piece) - 1)])


_SHARED: dict[int, tuple[object, Normalizer]] = {}


def normalizer_for(aliases, warm: Normalizer | None = None) -> Normalizer:
    """One ``Normalizer`` (and so one warm cache of normalised texts) per aliases object: answerers built
    over the same base reuse it instead of normalising every phrasing again.  ``warm``: one kept from an
    earlier process for these aliases (``knowledge.warm_start``)."""
    if warm is not None:
        _SHARED[id(aliases)] = (aliases, warm)
        return warm
    found = _SHARED.get(id(aliases))
    if found is not None and found[0] is aliases:
        return found[1]
    if len(_SHARED) >= 4:
        _SHARED.clear()
    normalizer = Normalizer(aliases)
    _SHARED[id(aliases)] = (aliases, normalizer)
    return normalizer
