"""Conversations: which threads the bot is in, what a follow-up inherits, and when to stay quiet.

People ask a bot the way they ask a colleague: "Who founded MiniMax?", then "and its
valuation?", "what about Zhipu?", "2024?".  A follow-up is read on its own first; what it
leaves out (the subject, the attribute, the year) is taken from the last answered question of
the same thread or DM, if that was recent (``CONTEXT_FOR``).  The merged reading is turned back
into a plain question for the matcher and shown to the asker ("Reading this as: MiniMax —
valuation"), so a wrong reading is visible.

In a channel thread the bot has joined, a message without a mention is answered only when it
reads as a question to the bot; people talking among themselves get silence.

Context lives in the database (``knowledge.context_store``), so threads survive restarts and are
shared by every worker; with ``QUESTION_LOG=off`` no question text is kept there either.  This
module is pure (no database import), so ``bot ask`` starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Protocol

from knowledge.cleaning import clean_input
from knowledge.normalize import fold, is_chinese, size_in_words
from knowledge.reading import DATE_ATTRIBUTES, DAY_OF_MONTH, GENERIC_ATTRIBUTES, PERSONAL_ATTRIBUTES, is_period
from knowledge.smalltalk import EMOJI, asks_for_fun, topic

CONTEXT_FOR = timedelta(minutes=30)  # a follow-up inherits from an answer at most this old
JOINED_FOR = timedelta(days=3)  # the bot answers unmentioned thread replies this long after joining
FORGET_AFTER = timedelta(days=7)  # rows older than this are deleted (now and then)

_QUESTION_WORDS = re.compile(
    r"^(?:(?:across|in|for|by|at|on|from|since|over|of|to|with|about|under|after|before) )?"  # "across how many…"
    r"(?:who|whom|whose|what|what's|whats|when|where|which|why|how|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|has|have|had|tell me|any idea|and|what about|how about|compare)\b|^(?:help|usage)\W*$|"
    r"^帮助|^帮帮我")
# A later sentence opening with a wh-word ("they have an AI agent, right? which chat tool is it in"), or a request to
# compare ("compare that with Hailuo")
# What does not change whether a message asks: emoji after it ("do you drink coffee, bot? ☕"), the bot called by
# name before it ("bot, is it hot where your servers are?")
_TRAILING_EMOJI = re.compile(rf"(?:\s*{EMOJI})+\s*$")
_CALLING_THE_BOT = re.compile(r"^\s*(?:(?:hey|hi|ok|so|yo)\s+)?(?:bot|机器人|小助手)\s*[,，:：]\s*")
_SENTENCE_BREAK = re.compile(r"[?？!！.。]\s+|[?？]")
_WH_OPENS = re.compile(r"\s*(?:who|whom|whose|what|what's|when|where|which|why|how)\b")
# "…了吧" without a question mark is an exclamation ("这也太夸张了吧"), "是他吧?" a question
_QUESTION_ZH = re.compile(r"[吗呢嘛么咧]\s*[?？!！。]*$|有[^,，。]{1,15}没有?\s*[?？]*$|"
                          r"吧\s*[?？]+\s*$|(?<!了)吧\s*[!！。]*$|"
                          r"多少|什么|谁|哪|几|怎么|(?<!不管)(?<!无论)怎样|如何|为何|为什么|是否|啥|咋|多大|多久|多长|"
                          r"(?:了|过)没有?\s*[?？]*$|([\u4e00-\u9fff])[不没]\1|"  # 会不会, 有没有, 是不是
                          r"[\u4e00-\u9fff](?<![不没我你他她也都就还可并才])不\s*[?？]*$")  # "明天下雨不"
# "and X?", "what about X?", "how about X?", "X 呢?" ("净亏损呢,2024年"): forms that only make sense after something.
_LEADS = "and what about|what about|how about|and|also|same for|then|so"  # longest first, for stripping them
_FOLLOW_UP = re.compile(rf"^(?:{_LEADS})\b|"
                        r"[呢咧]\s*(?:[,，]\s*(?:(?:19|20)\d\d年?|去年|前年|今年)(?:的)?)?\s*[?？]?\s*$|"
                        r"^那|"
                        # "whats the hailuo figure": the same figure of another
                        r"^(?:what'?s|what is|and) the [\w .-]{2,30}? (?:figure|number|numbers|figures|one|stat)\b")
# After "and", a wh-question that says what it asks is a question of its own ("and how far behind GPT-5 is M2?")
_OWN_QUESTION = re.compile(r"(?:who|what|when|where|which|why|how)\b(?! about| much| many)")  # not "how much in total?"
_GROWTH = re.compile(r"\b(?:grow|grew|grown|growing|growth|increase|increased|rise|rose|risen|jump|jumped|climb|"
                     r"climbed|yoy|y/y|year over year|year on year)\b|增长|增速|增幅|涨了|涨幅|同比")
_IDENTITY_FORM = re.compile(r"(?:who|what)(?:'s| is| are| was| were)\b|.{0,20}(?:是谁|是什么|是啥)")  # asks what X is
_FOLLOW_UP_WORDS = re.compile(rf"^\s*(?:{_LEADS})\b\s*|\s*呢|^那", re.IGNORECASE)
# A follow-up setting a new subject beside the last one: "and compared with Claude?", "vs OpenAI?", "和OpenAI比呢?"
_SET_BESIDE = re.compile(r"^(?:and |so |but )?(?:(?:how (?:does|did|do|is|are) (?:it|that|this|they) )?"
                         r"(?:compared? (?:with|to)|stacks? up (?:against|to)|measures? up (?:against|to)|"
                         r"compare (?:it|that|this|them) (?:with|to)|vs\.?|versus|against|relative to))\b|"
                         r"^(?:那)?(?:和|跟|与)\S+(?:相比|比)|^(?:那)?(?:相比|对比)")
# A follow-up asking only when ("when was that?", "when did they buy them?", "那是什么时候?"), and a date in an answer.
WHEN_ONLY = re.compile(r"^(?:and |so )?(?:when|(?:(?:in|over|during|for) )?which (?:years?|months?|quarters?)|"
                        r"what (?:years?|month|date|quarter))"
                        r"(?: (?:was|is|did|were|does|do)(?: (?:that|it|this|they|he|she)(?: round| deal| one)?)?"
                        r"(?: \w+){0,2})?\s*[?？]?$"
                        r"|^那?(?:这|那)?(?:一?(?:轮|次|笔|场|回))?(?:是)?(?:什么时候|哪一?年|几月|哪个月|(?:哪一?个?|第几)季度?|何时|"
                        r"哪年哪月|几年几月|"
                        r"具体(?:什么时候|哪天|几号|日期))(?:的事)?[呢啊]?[?？]?$")
# ... and asking it of a role, the time of the event that gave it: "who founded MiniMax?" -> "when?" asks its founding
WHEN_OF_ROLE = {"founder": "founded"}
# A follow-up asking which of the last two is ahead: "which is bigger?", "who has more?", "哪个更多?"
_MORE = r"(?:bigger|larger|higher|more|less|smaller|lower|cheaper|pricier|ahead|greater)\b"
_WHICH_MORE = re.compile(r"^(?:so |and |ok )?(?:which|who)(?: one)?(?: of (?:the two|them|these|those|the \w+))? "
                         rf"(?:is|was|has|had|are|were|got|makes?|made|earns?|brings? in)? ?{_MORE}|"
                         rf"^(?:so |and |ok )?whose(?: \w+){{1,3}} (?:is |are |was |were )?{_MORE}|"
                         r"^compare (?:them|the two|both)|"
                         r"^(?:那)?(?:哪个|哪家|谁)(?:更|比较)?(?:大|多|高|低|少|便宜|贵|领先)|^比较一下")
# "which of them is the oldest?", "哪家最早?": every company the conversation went through, side by side;
# a question of time ("oldest", "最早") asks when each was founded unless the last question asked a date
_WHICH_MOST = re.compile(r"^(?:so |and |ok )?(?:which|who)(?: one)?(?: of (?:them|these|those|the \w+))? (?:is|was|are|"
                         r"were|has|had|came|got) (?:the )?(?:(?P<time>oldest|earliest|first|newest|youngest|latest|"
                         r"most recent)|biggest|largest|highest|most|least|smallest|lowest|cheapest)\b|"
                         r"^(?:那)?(?:哪个|哪家|谁)(?:是)?最(?:(?P<time_zh>早|老|晚|新)|大|多|高|低|少|便宜|贵)")
# Figures that change from day to day: a day asked before dates a follow-up about one ("市值呢?" after the
# share price on 2月13日), not one about an event ("它是全球第几家上市的大模型公司?")
DAILY_FIGURES = frozenset({"share_price", "market_cap", "valuation"})
MOST_SIDES = 4  # companies set side by side by "which of them..."
_BARE = re.compile(r"[^?？]{1,40}[?？]")  # a short message that is a name and a question mark
_YEAR_BEFORE = re.compile(r"\b(?:the )?(?:year before|previous year|prior year|preceding year|a year earlier)\b|"
                          r"(?:再往|再|往)?(?:前一年|上一年)|去年")
# 前年, two years before: in a conversation about a year ("统一按2025年口径"), counted from that year, as 去年 is
_TWO_YEARS_BEFORE = re.compile(r"(?<!大)前年")
_YEAR_AFTER = re.compile(r"\b(?:the )?(?:year after|following year|next year)\b|后一年|下一年|第二年")
_RELATIVE_WORDS = frozenset({"year", "before", "previous", "prior", "preceding", "after", "following", "next",
                             "前", "后", "上", "下", "一", "年", "前一", "一年", "上一", "后一", "下一", "去", "去年",
                             "前年"})
_PRONOUN_EN = re.compile(r"\b(?:it|its|it's|they|their|theirs|them|he|his|him|she|her|hers|this company|the company|"
                         r"that company|this one|that one)\b")
_PRONOUN_ZH = re.compile(r"它们|他们|她们|它|他|她|该公司|这家公司|那家公司|这个公司|其")
YEAR = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
REFINEMENT_MAX_WORDS = 3  # "growth?", "by how much?", "哪个季度买的?" (a Chinese word is about two characters)
# A Chinese character; one alone ("年" of "2023年呢?") is no content of its own.
_CJK_CHAR = re.compile(r"[\u3400-\u9fff]")
_SINGULAR = re.compile(r"\b(?:it|its|it's)\b|它(?!们)")
_PLURAL = re.compile(r"\b(?:they|their|theirs)\b|他们|它们|她们")  # ("each of them": the users)
_THEY = re.compile(r"\bthey\b|他们(?!的)")  # "they" as who does something, not "their"
_PERSONAL = re.compile(r"\b(?:he|his|him|she|her|hers)\b|他(?!们)|她(?!们)")


class Reading(Protocol):
    """What the matcher's reading step tells about a question (see ``knowledge.reading``)."""

    subjects: tuple[str, ...]
    attributes: tuple[str, ...]
    years: tuple[str, ...]
    versions: tuple[str, ...]
    words: tuple[str, ...]
    unknown: frozenset[str]

    @property
    def specific_attributes(self) -> tuple[str, ...]: ...

    @property
    def knows_nothing(self) -> bool: ...


@dataclass(frozen=True)
class Context:
    """The reading of the last answered question in a conversation."""

    subjects: tuple[str, ...] = ()  # what the question named (or, if nothing, what the answer was about)
    attribute: str | None = None
    years: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    fact_id: str | None = None
    question: str | None = None
    answered_at: datetime | None = None
    mentioned: tuple[str, ...] = ()  # what the answer was about: "Who founded MiniMax?" -> Yan Junjie too
    focus: tuple[str, ...] = ()  # "it" of "MiniMax M2" is M2; every side when the answer compared them

    @property
    def compared(self) -> bool:
        return len(self.focus) >= 2

    def fresh(self, now: datetime) -> bool:
        return self.answered_at is not None and now - self.answered_at <= CONTEXT_FOR


@dataclass(frozen=True)
class Resolved:
    """A question as the bot will answer it: the text for the matcher and the reading behind it."""

    question: str
    subjects: tuple[str, ...]
    attribute: str | None
    years: tuple[str, ...]
    versions: tuple[str, ...]
    inherited: bool  # something came from the conversation
    weak: bool = False  # inherited only because the question named no subject: its own answer may be better
    stranger: str | None = None  # "and Baichuan?": a subject the base has no fact about, as written
    qualifiers: tuple[str, ...] = ()  # kept from the last question ("B-end"): aliases.yaml term ids

    def describe(self, name: Callable[[str], str]) -> str:
        """"MiniMax — net loss — 2023" (entity and attribute ids through ``name``)."""
        parts = [" & ".join(name(s) for s in self.subjects)] if self.subjects else []
        if self.stranger:
            parts = [self.stranger]
        if self.attribute:
            parts.append(name(self.attribute))
        parts.extend(self.years)
        parts.extend(self.versions)
        parts.extend(name(q) for q in self.qualifiers)
        return " — ".join(parts)


def looks_like_question(text: str) -> bool:
    """A question mark, a wh-word or question form, a Chinese question particle, or a follow-up form."""
    folded = _CALLING_THE_BOT.sub("", _TRAILING_EMOJI.sub("", fold(clean_input(text))))
    return bool(folded) and (
        folded.rstrip().endswith(("?", "？")) or bool(_QUESTION_WORDS.match(folded)) or asks_for_fun(folded)
        or bool(_QUESTION_ZH.search(folded)) or bool(_FOLLOW_UP.search(folded))
        or any(_WH_OPENS.match(later) for later in _SENTENCE_BREAK.split(folded)[1:])
    )


# Attributes only a person has (what a company "says" is its own): asked of a company while talking about someone,
# they are his there
_OF_A_PERSON = PERSONAL_ATTRIBUTES - {"said"}
_WHO = re.compile(r"\bwho\b|谁|边个|有没有|有人|哪些人")
# A correction of the last question: "不是,我是说2023年的", "no, I meant the total share"
# ("唔係" folds to 不系; "no wait, I meant 2022", "不对,我其实想问的是2024年全年", "我要的是2025年的"; Cantonese
# "唔好意思，我想问嘅係2024年" folds to "不好意思,我想问的系2024年")
_CORRECTION = re.compile(r"^(?:(?:不好意思|抱歉|对不起|sorry)[,，\s]*)?(?:不是|不对|不系)?[,，\s]*"
                         r"我(?:其实|本来|刚才|刚刚)?(?:是|想|要)?(?:说|问|指|的是)(?:的)?(?:系(?=\d))?|"
                         r"^(?:(?:no|nope|sorry|oops|nah|wait|hmm|actually|ah)[,.!\s]*){0,3}"
                         r"i (?:meant|mean|was asking|wanted to ask)\b")


def is_correction(text: str) -> bool:
    return bool(_CORRECTION.match(fold(clean_input(text)).strip()))


def without_correction(text: str) -> str:
    """What a correction asks, without its "不对，我要的是" / "no wait, I meant": words no fact holds."""
    cleaned = clean_input(text).strip()
    folded = fold(cleaned)
    found = _CORRECTION.match(folded)
    if not found or len(folded) != len(cleaned):  # (cut as written, Traditional kept, where folding kept its length)
        return text
    return cleaned[found.end():].lstrip(" ,，:：") or text


def says_they(text: str) -> bool:
    """Whether the text says "they" (or 他们) as who does something."""
    return bool(_THEY.search(fold(clean_input(text))))


def is_follow_up_form(text: str) -> bool:
    return bool(_FOLLOW_UP.search(fold(clean_input(text))))


def asks_growth(text: str) -> bool:
    """"how fast did it grow?": after a figure, how that figure grew (over its own period)."""
    return bool(_GROWTH.search(fold(clean_input(text))))


def uses_pronoun(text: str) -> bool:
    return _has_pronoun(_unquoted(text))


def _has_pronoun(folded: str) -> bool:
    return bool(_PRONOUN_EN.search(folded) or _PRONOUN_ZH.search(folded))


# Words quoted ("the 'he's supplying the weapons' line", “他是个狠人”): someone's words, whose "he" is no reference
# to whom the conversation is about (a quote opens after a space and closes before one or a stop)
_QUOTED = re.compile(r"(?:(?<=\s)|^)['\"‘“].+?['\"’”](?=[\s,.;:?!，。？！]|$)|「[^」]*」|“[^”]*”")


def _unquoted(text: str) -> str:
    return _QUOTED.sub(" ", fold(clean_input(text)))


# Words a company's name ends with, known to the base from other names: "百川*智能*呢?" still names a stranger.
_NAME_SUFFIXES = frozenset({"智能", "科技", "公司", "集团", "ai", "labs", "lab", "inc", "tech", "technologies"})


def resolve(text: str, reading: Reading, context: Context | None,
            wording: Callable[[str, bool], str], people: frozenset[str] = frozenset(),
            spellings: Callable[[str], tuple[str, ...]] = lambda _: (),
            makers: Mapping[str, str] | None = None) -> Resolved:
    """The question to answer: ``text`` itself, or, for a follow-up, ``text`` completed from ``context``.

    What is inherited: the subject when the question names none ("he"/"she" is the person the
    last answer was about, "it" the company asked about); the attribute when the question only
    names a subject in a follow-up form ("what about Zhipu?"); the year unless the question gives
    one.  ``wording(id, chinese)`` names an entity or attribute id in the asker's script, to write
    the completed question back as plain text; ``people`` are the entity ids that are persons
    ("he" is one of them, "it" and "该公司" are not).  When the last question's text is kept
    (``QUESTION_LOG`` on), a follow-up that only swaps the year or the subject is that question
    with the swap, so what else it said stays ("What share of revenue came from enterprises in
    2024?" -> "and in 2023?"); ``spellings(id)`` are an entity's spellings, to find it there; ``makers``
    maps a product to its maker ("they" after DeepSeek V3.2 are DeepSeek).
    """
    shift = relative_year(text)
    if shift and context is not None and not reading.years:  # "and the year before?": that year, moved
        moved = tuple(str(int(y) + shift) for y in context.years if YEAR.fullmatch(y))
        if moved:
            year = f" {moved[0]}年 " if is_chinese(text) else f" {moved[0]} "  # (the question stays in its language)
            text = _YEAR_AFTER.sub(year, _YEAR_BEFORE.sub(year, _TWO_YEARS_BEFORE.sub(year, fold(clean_input(text)))))
            reading = replace(reading, years=moved, words=tuple(w for w in reading.words if w not in _RELATIVE_WORDS))
    subjects, years, versions = tuple(reading.subjects), tuple(reading.years), tuple(reading.versions)
    attribute = reading.specific_attributes[0] if reading.specific_attributes else None
    when_of_role = attribute is None and context is not None and context.attribute in WHEN_OF_ROLE \
        and bool(WHEN_ONLY.match(fold(clean_input(text))))
    if when_of_role:
        attribute = WHEN_OF_ROLE[context.attribute]
    plain = Resolved(text, subjects, attribute, years, versions, inherited=False)
    if context is None or not (context.subjects or context.mentioned):
        return plain
    if topic(text) != "other":  # a joke, the weather, "who are you": small talk, whatever came before
        return plain
    folded = _unquoted(text)
    pronoun = _has_pronoun(folded)
    if subjects and pronoun and (_PERSONAL.search(folded) or _pronoun_first(folded, subjects, spellings)):
        # "what was his position at SenseTime?": his is the person before, SenseTime where he held it;
        # "它在Artificial Analysis上排第几?", "where did it rank on Artificial Analysis?": "it" comes before the
        # name, so it is the one talked about before, and the name is where (or beside whom) it is asked
        referent = _referent(text, context, people, named=subjects, makers=makers)
        if referent and not set(referent) & set(subjects):
            return _completed(text, reading, (*referent, *subjects), attribute, years, versions,
                              own_attribute=True, wording=wording, weak=False)
    if subjects and _SET_BESIDE.match(folded) and context.attribute:
        # "and compared with Claude Sonnet 4.5?" after M2's price: M2's price beside Claude's
        beside = tuple(s for s in (context.focus or context.subjects) if s not in subjects)
        if beside:
            # (its own words only say "beside": "how does that stack up against Claude?" asks nothing else)
            return _completed(folded[_SET_BESIDE.match(folded).end():], reading, (*beside, *subjects),
                              attribute or context.attribute,
                              years or context.years, versions, own_attribute=bool(attribute), wording=wording,
                              weak=False, side_by_side=True)
    most = None if subjects or context.attribute == "ranking" else _WHICH_MOST.match(folded)  # not "who was first?"
    if most:
        # "which of them is the oldest?" after the founding of three companies: all three side by side
        sides = companies_talked_about(context, people)
        timely = most.group("time") or most.group("time_zh")
        asked = "founded" if timely and context.attribute not in DATE_ATTRIBUTES else context.attribute
        if len(sides) >= 2 and (attribute or asked):
            return _completed(text, reading, sides[:MOST_SIDES], attribute or asked, years or context.years,
                              versions, own_attribute=bool(attribute), wording=wording, weak=False, side_by_side=True)
    if not subjects and _WHICH_MORE.search(folded) and context.attribute:
        # "which is bigger?" after MiniMax's valuation and then OpenAI's: the two set side by side
        sides = companies_talked_about(context, people)[:2]
        if len(sides) == 2:
            return _completed(text, reading, sides, attribute or context.attribute, years or context.years, versions,
                              own_attribute=bool(attribute), wording=wording, weak=False, side_by_side=True)
    if subjects and attribute in _OF_A_PERSON and not set(subjects) & people and is_chinese(folded) \
            and not _WHO.search(folded):
        # "在商汤最高做到什么位置?" while talking about Yan Junjie: his career there, not SenseTime's (Chinese leaves
        # out whom it asks about; English says it: "Is any Glasgow researcher working at MiniMax?" is not about him)
        person = [e for e in (*context.focus, *context.subjects) if e in people][:1]
        if person:
            return _completed(text, reading, (*person, *subjects), attribute, years, versions, own_attribute=True,
                              wording=wording, weak=False)
    if subjects and attribute:
        return plain
    models = [v for v in versions if v[:1].isalpha()]  # "gpt5", "m1": a model named is a subject named
    # a bare name in a conversation ("DeepSeek?" after "and MiniMax?") is the same question about it
    follow_up = is_follow_up_form(text) or bool(subjects and not reading.words and not reading.attributes
                                  and _BARE.fullmatch(folded) and not _QUESTION_WORDS.match(folded))
    grows = not subjects and bool(_GROWTH.search(folded))  # "yoy growth on that?": the growth of what was just told
    strong = bool(attribute or years or versions or pronoun or follow_up or grows)  # it says it continues
    # a model named is a subject named ("and GPT-6?"), unless a pronoun says whose it is ("its FP8 format")
    take_subjects = not subjects and (not models or pronoun) and (strong or looks_like_question(text))
    referent = _referent(text, context, people, named=subjects, makers=makers) if pronoun else ()
    if subjects and referent and not set(referent) & set(subjects):  # "its rank on OpenRouter": whose?
        return _completed(text, reading, (*referent, *subjects), attribute, years, versions, own_attribute=True,
                          wording=wording, weak=False)
    content = [w for w in reading.words if not _CJK_CHAR.fullmatch(w)]
    if follow_up and not (subjects or models or attribute or years or pronoun) and context.attribute \
            and any(w in reading.unknown for w in content) \
            and all(w in reading.unknown or w in _NAME_SUFFIXES for w in content):
        # "and Baichuan?", "百川呢?": the same question about someone the base knows nothing of. Not the
        # last subject's fact again, nor small talk: no fact, said so.
        return Resolved(text, (), context.attribute, context.years, (), inherited=True, stranger=_named(text))
    if _refines(text, folded, reading, content, context) and not (subjects or models or attribute or years or pronoun):
        # "growth?" after the B2B revenue, "by how much?" after what DeepSeek did to speed up training: a
        # detail of the last question, asked with all it said
        refined = f"{context.question.rstrip('?？ ')} {_rest(text, is_chinese(text), list(reading.words))}".strip()
        return Resolved(refined + "?", context.subjects, context.attribute, context.years, context.versions,
                        inherited=True)
    # a generic attribute ("what is") adds nothing to a follow-up that says what it asks ("and what's its slogan?")
    generic_only = bool(content) and context.attribute in GENERIC_ATTRIBUTES
    own_question = bool(content) and bool(_OWN_QUESTION.match(_FOLLOW_UP_WORDS.sub("", folded)))
    # "How many does Zhipu have?": a name and nothing else it asks, not even "what is"
    says_nothing = not content and not reading.attributes and looks_like_question(text) \
        and not _IDENTITY_FORM.match(folded)
    # "how fast did it grow in 2025?" after MiniMax's revenue: how that revenue grew, a question of its own or not
    growth_of_last = take_subjects and grows
    take_attribute = not attribute and context.attribute is not None and not generic_only \
        and (growth_of_last or not own_question) and (
            ((subjects or models) and (follow_up or says_nothing))
            or (take_subjects and (years or follow_up or (versions and not content) or growth_of_last)))
    if not (take_subjects or take_attribute):
        return plain
    inherited_versions = ()
    if take_subjects:
        subjects = _referent(text, context, people, makers=makers)
        if not subjects:  # "he" with no person before: nothing to inherit
            return plain
        inherited_versions = context.versions if subjects == context.subjects else ()
    if take_attribute:
        attribute = context.attribute
    if not years and not versions:  # "and its net loss?" after "MiniMax's 2023 revenue": still 2023
        years, versions = context.years, inherited_versions
        # "市值呢?" after the share price on 2月13日: the market cap that day (a day given with its year, "as of
        # Sept 30, 2025", dates a report: the year carries it)
        last = fold(context.question or "")
        day = DAY_OF_MONTH.search(last)
        if take_subjects and not take_attribute and day and not years and not YEAR.search(last) \
                and not DAY_OF_MONTH.search(fold(text)) and attribute in DAILY_FIGURES:
            years = (day.group(),)
    if take_attribute and not content and not models and context.question and not context.compared:
        swapped = _swapped(context, reading, subjects, take_subjects, wording, spellings)
        if swapped:
            if attribute and not take_subjects:  # "那智谱呢?" after "DeepSeek是哪一年出现的?", told as its founding:
                # the attribute the answer told, which the last question's words may not name ("出现")
                swapped = f"{swapped.rstrip('?？ ')} {wording(attribute, is_chinese(swapped))}?"
            if take_subjects and reading.years:  # ("2023年呢?" after a nine-month figure: that period of 2023)
                years = (*years, *(y for y in context.years if is_period(y) and y not in years))
            return Resolved(swapped, subjects, attribute, years, versions, inherited=True)
    return _completed(text, reading, subjects, attribute, years, versions,
                      own_attribute=not (take_attribute or when_of_role), wording=wording,
                      weak=take_subjects and not strong,
                      side_by_side=context.compared and set(subjects) == set(context.focus))


def companies_talked_about(context: Context, people: frozenset[str]) -> tuple[str, ...]:
    """What the conversation asked about and brought up, latest first, people left out: the sides of
    "which is bigger?" (the last two) or "which of them is the oldest?" (up to ``MOST_SIDES``)."""
    return tuple(dict.fromkeys(e for e in (*context.subjects, *context.mentioned) if e not in people))


def _pronoun_first(folded: str, subjects: tuple[str, ...], spellings: Callable[[str], tuple[str, ...]]) -> bool:
    """Whether a pronoun comes before every name of the subjects the message names."""
    found = _PRONOUN_EN.search(folded) or _PRONOUN_ZH.search(folded)
    if found is None:
        return False
    places = [folded.find(fold(spelling)) for s in subjects for spelling in spellings(s)]
    places = [p for p in places if p >= 0]
    return bool(places) and found.start() < min(places)


def _refines(text: str, folded: str, reading: Reading, content: list[str], context: Context) -> bool:
    """A short question that adds a detail to the last one ("growth?", "by how much?", "哪个季度?"): at most
    ``REFINEMENT_MAX_WORDS`` words, two of them content, and the last question's text is kept."""
    size = size_in_words(folded)
    latin = [w for w in content if w.isascii()]  # Chinese content is counted by its size (bigrams overlap)
    return bool(context.question) and looks_like_question(text) and len(latin) <= 2 \
        and size <= REFINEMENT_MAX_WORDS and not reading.unknown


def _completed(text: str, reading: Reading, subjects: tuple[str, ...], attribute: str | None,
               years: tuple[str, ...], versions: tuple[str, ...], own_attribute: bool,
               wording: Callable[[str, bool], str], weak: bool, side_by_side: bool = False) -> Resolved:
    """The follow-up written out as a question of its own: names, the inherited attribute's wording (the
    question's own attribute is in its words already), years, and the rest of what it says.  The sides
    of a comparison are set side by side again ("A vs B"), so it stays a comparison."""
    chinese = is_chinese(text)
    words = [w for w in reading.words if not _PRONOUN_EN.fullmatch(w) and not _PRONOUN_ZH.fullmatch(w)]
    joiner = (" 和 " if chinese else " vs ") if side_by_side else " "
    parts = [joiner.join(wording(s, chinese) for s in subjects)]
    if attribute and not own_attribute:
        parts.append(wording(attribute, chinese))
    parts += [*years, *versions]
    rest = _rest(text, chinese, words, getattr(reading, "names", ()))
    asks_if = _ASKS_IF.match(rest)
    if asks_if:  # "Did he do his PhD at Stanford?" checks a claim: "did" stays first, as the matcher reads claims
        parts, rest = [asks_if.group(1), *parts], rest[asks_if.end():]
    question = " ".join(p for p in [*parts, rest] if p) + "?"  # spaced: no bigram spans two names
    return Resolved(question, subjects, attribute, years, versions, inherited=True, weak=weak)


def _swapped(context: Context, reading: Reading, subjects: tuple[str, ...], same_subject: bool,
             wording: Callable[[str, bool], str], spellings: Callable[[str], tuple[str, ...]]) -> str | None:
    """The last question with only the year ("and in 2023?") or the subject ("what about Zhipu?")
    swapped, or None when it cannot be done by swapping one for the other."""
    last = fold(context.question or "")
    if same_subject:  # a year only
        if len(reading.years) != 1 or not YEAR.fullmatch(reading.years[0]) or len(set(YEAR.findall(last))) != 1:
            return None
        return YEAR.sub(reading.years[0], last)
    if reading.years or len(subjects) != 1 or len(context.subjects) != 1:
        return None
    for spelling in sorted(spellings(context.subjects[0]), key=len, reverse=True):
        # (a Latin name is bounded by anything but Latin letters and digits: "minimax成立以来" holds "minimax")
        found = re.search(re.escape(fold(spelling)) if is_chinese(spelling)
                          else rf"(?<![a-z0-9]){re.escape(fold(spelling))}(?![a-z0-9])", last)
        if found:
            new = wording(subjects[0], is_chinese(last))
            return last[:found.start()] + (f" {new} " if is_chinese(last) else new) + last[found.end():]
    return None


# Asking someone's name: "他叫什么?", "what's his name?"
_ASKS_NAME = re.compile(r"叫什么|叫啥|什么名字|\bwhat(?:'s| is| was) (?:his|her) name\b")


def asks_name(text: str) -> bool:
    return bool(_ASKS_NAME.search(fold(clean_input(text))))


def names_a_person(text: str) -> bool:
    """Whether the text says "he", "she", "他" or "她"."""
    return bool(_PERSONAL.search(fold(clean_input(text))))


def _referent(text: str, context: Context, people: frozenset[str] = frozenset(),
              named: tuple[str, ...] = (), makers: Mapping[str, str] | None = None) -> tuple[str, ...]:
    """Whom a follow-up is about: "he"/"she" -> the person asked about, else the one the answer brought
    up; "it"/"该公司" -> what was asked about that is not a person (the product rather than its maker),
    else what the answer brought up, and "they"/"他们" that product's maker; no pronoun -> everything the
    last question was about (both sides of a comparison)."""
    folded = fold(clean_input(text))
    if _PERSONAL.search(folded):
        if people:  # never a company: "which Nobel laureate says he uses it?" names its own "he"
            # not one the follow-up names itself ("他怎么评价闫俊杰?" after his angel investor: Huang Mingming)
            persons = [e for e in (*context.subjects, *context.mentioned) if e in people and e not in named]
            if _ASKS_NAME.search(folded):  # "他叫什么?": not one named already, the one the answer brought up
                persons = [e for e in persons if e not in context.subjects] or persons
            if persons and _THEY.search(folded):  # "how much does he say they lose?": him, and them (not
                # "his take on their weakest moment": the moment is his too)
                things = [e for e in (*context.subjects, *context.mentioned) if e not in people and e not in named]
                return (persons[0], *things[:1])
            if persons or not is_chinese(folded):
                return tuple(persons[:1])
            # 他 with no person before: the company (Cantonese 佢 is he, she and it: "佢係全球第幾間上市嘅公司?")
        new = [m for m in context.mentioned if m not in context.subjects]
        if new:
            return (new[0],)
    if _has_pronoun(folded) and (
            not context.compared or _SINGULAR.search(folded)):  # "it" after "M2 vs Claude": the first side
        things = [e for e in (*context.focus, *context.subjects, *context.mentioned) if e not in people]
        if makers and _PLURAL.search(folded):  # "when did they start using FP8?" after V3.2: DeepSeek
            things = [makers.get(e, e) for e in things]
        return tuple(things or (*context.focus, *context.subjects, *context.mentioned))[:1]
    subjects = context.subjects or context.mentioned[:1]
    if makers and _THE_WHOLE_COMPANY.search(folded):  # "2024年总营收多少?" after Talkie and Xingye: their maker's
        subjects = tuple(dict.fromkeys(makers.get(e, e) for e in subjects))
    return subjects


# A follow-up asking about the company as a whole, after its products: "总营收多少?", "the company's total revenue?"
_THE_WHOLE_COMPANY = re.compile(r"总营收|总收入|总体营收|整体营收|公司整体|整个公司|全公司|"
                                r"\bthe (?:whole |entire )?company\b|\btotal revenue\b|\bcompany-wide\b|"
                                r"\boverall revenue\b")


def relative_year(text: str) -> int:
    """-1 for "the year before" / "前一年", +1 for "the year after" / "后一年", else 0."""
    folded = fold(clean_input(text))
    if _TWO_YEARS_BEFORE.search(folded):
        return -2
    if _YEAR_BEFORE.search(folded):
        return -1
    return 1 if _YEAR_AFTER.search(folded) else 0


def _named(text: str) -> str:
    """What a follow-up form names: "and Baichuan's?" -> "Baichuan", "百川呢?" -> "百川"."""
    named = _FOLLOW_UP_WORDS.sub("", clean_input(text))
    return re.sub(r"(?:'s|’s)?[\s?？!！.。,，]*$", "", named).strip() or text


# A yes/no question's first word ("did he…", "is it…")
_ASKS_IF = re.compile(r"(did|does|do|is|was|were|are|has|have|had)\s+", re.IGNORECASE)


def _rest(text: str, chinese: bool, words: list[str], names: Iterable[str] = ()) -> str:
    """What else the follow-up says, for the matcher: its own words (Chinese: the text, pronouns removed),
    names the base does not know still written with a capital ("...about India?" names a stranger)."""
    if chinese:
        return _PRONOUN_ZH.sub("", clean_input(text)).strip("呢吗吧?？ ")
    if not words:  # a year or a model only ("and in 2023?"): already written out
        return ""
    # its own wording, not its normalised words: "earns more *per paying user*" must still read as spending
    plain = _PRONOUN_EN.sub(" ", _FOLLOW_UP_WORDS.sub("", fold(clean_input(text))))
    for name in names:
        written = re.search(rf"\b{re.escape(name)}\b", clean_input(text), re.IGNORECASE)
        if written and written.group()[0].isupper():
            plain = re.sub(rf"\b{re.escape(name)}\b", written.group(), plain)
    return " ".join(plain.strip(" ?!.").split())
