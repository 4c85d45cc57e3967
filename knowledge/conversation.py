"""Conversations: which threads the bot is in, what a follow-up inherits, and when to stay quiet.

People ask a bot the way they ask a colleague: "Who founded MiniMax?", then "and its
valuation?", "what about Zhipu?", "2024?".  A follow-up is read on its own first; what it
leaves out (the subject, the attribute, the year) is taken from the last answered question of
the same thread or DM, if that was recent (``CONTEXT_FOR``).  The merged reading is turned back
into a plain question for the matcher and shown to the asker ("Reading this as: MiniMax —
valuation"), so a wrong reading is visible.

In a channel thread the bot has joined, a message without a mention is answered only when it
reads as a question to the bot; people talking among themselves get silence.

Context lives in the database (``conversations``), so threads survive restarts and are shared by
every worker; with ``QUESTION_LOG=off`` no question text is kept there either.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from knowledge.cleaning import clean_input
from knowledge.normalize import fold, is_chinese
from knowledge.store import Store, as_utc, conversations, utcnow

CONTEXT_FOR = timedelta(minutes=30)  # a follow-up inherits from an answer at most this old
JOINED_FOR = timedelta(days=3)  # the bot answers unmentioned thread replies this long after joining
FORGET_AFTER = timedelta(days=7)  # rows older than this are deleted (now and then)

_QUESTION_WORDS = re.compile(
    r"^(?:who|whom|whose|what|what's|whats|when|where|which|why|how|is|are|was|were|do|does|did|can|could|"
    r"will|would|should|has|have|had|tell me|any idea|and|what about|how about)\b")
_QUESTION_ZH = re.compile(r"[吗呢吧嘛么]\s*[?？!！。]*$|多少|什么|谁|哪|几|怎么|如何|为何|为什么|是否|有没有|是不是")
# "and X?", "what about X?", "how about X?", "X 呢?": forms that only make sense after something.
_FOLLOW_UP = re.compile(r"^(?:and|what about|how about|and what about|also|same for|then|so)\b|呢\s*[?？]?\s*$|^那")
_PRONOUN_EN = re.compile(r"\b(?:it|its|it's|they|their|them|he|his|him|she|her|hers|this company|the company|"
                         r"that company|this one|that one)\b")
_PRONOUN_ZH = re.compile(r"它|他|她|该公司|这家公司|那家公司|这个公司|其")


class Reading(Protocol):
    """What the matcher's reading step tells about a question (see ``knowledge.reading``)."""

    subjects: tuple[str, ...]
    years: tuple[str, ...]
    versions: tuple[str, ...]
    words: tuple[str, ...]

    @property
    def specific_attributes(self) -> tuple[str, ...]: ...

    @property
    def knows_nothing(self) -> bool: ...


@dataclass(frozen=True)
class Context:
    """The reading of the last answered question in a conversation."""

    subjects: tuple[str, ...] = ()
    attribute: str | None = None
    years: tuple[str, ...] = ()
    versions: tuple[str, ...] = ()
    fact_id: str | None = None
    question: str | None = None
    answered_at: datetime | None = None

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

    def describe(self, name: Callable[[str], str]) -> str:
        """"MiniMax — net loss — 2023" (entity and attribute ids through ``name``)."""
        parts = [" & ".join(name(s) for s in self.subjects)] if self.subjects else []
        if self.attribute:
            parts.append(name(self.attribute))
        parts.extend(self.years)
        parts.extend(self.versions)
        return " — ".join(parts)


def looks_like_question(text: str) -> bool:
    """A question mark, a wh-word or question form, a Chinese question particle, or a follow-up form."""
    folded = fold(clean_input(text))
    return bool(folded) and (
        folded.rstrip().endswith(("?", "？")) or bool(_QUESTION_WORDS.match(folded))
        or bool(_QUESTION_ZH.search(folded)) or bool(_FOLLOW_UP.search(folded))
    )


def is_follow_up_form(text: str) -> bool:
    return bool(_FOLLOW_UP.search(fold(clean_input(text))))


def uses_pronoun(text: str) -> bool:
    folded = fold(clean_input(text))
    return bool(_PRONOUN_EN.search(folded) or _PRONOUN_ZH.search(folded))


def resolve(text: str, reading: Reading, context: Context | None,
            wording: Callable[[str, bool], str]) -> Resolved:
    """The question to answer: ``text`` itself, or, for a follow-up, ``text`` completed from ``context``.

    ``wording(id, chinese)`` names an entity or attribute id in the asker's script, to write the
    completed question back as plain text.
    """
    subjects, years, versions = tuple(reading.subjects), tuple(reading.years), tuple(reading.versions)
    attribute = reading.specific_attributes[0] if reading.specific_attributes else None
    plain = Resolved(text, subjects, attribute, years, versions, inherited=False)
    if context is None or (subjects and attribute):
        return plain
    follow_up, pronoun = is_follow_up_form(text), uses_pronoun(text)
    take_subjects = not subjects and bool(context.subjects) and bool(attribute or years or versions or pronoun
                                                                      or follow_up)
    take_attribute = not attribute and context.attribute is not None and (
        (subjects and follow_up) or (not subjects and (years or versions or follow_up) and take_subjects))
    if not (take_subjects or take_attribute):
        return plain
    if take_subjects:
        subjects = context.subjects
    if take_attribute:
        attribute = context.attribute
    if not years and not versions:  # "and its net loss?" after "MiniMax's 2023 revenue": still 2023
        years, versions = context.years, context.versions
    chinese = is_chinese(text)
    words = [w for w in reading.words if not _PRONOUN_EN.fullmatch(w) and not _PRONOUN_ZH.fullmatch(w)]
    parts = [wording(s, chinese) for s in subjects]
    if attribute:
        parts.append(wording(attribute, chinese))
    parts += [*years, *versions, *(w for w in words if len(w) > 1 or not chinese)]
    question = ("".join(parts) + "?") if chinese else " ".join(parts) + "?"
    return Resolved(question, subjects, attribute, years, versions, inherited=True)


class Conversations:
    """The ``conversations`` table: joined threads and DMs, and the context follow-ups inherit."""

    def __init__(self, store: Store, clock: Callable[[], datetime] = utcnow):
        self.store = store
        self.clock = clock

    def context(self, key: str) -> Context | None:
        """The context of ``key`` if its last answer is recent enough to inherit from."""
        row = self._row(key)
        if row is None or row.answered_at is None:
            return None
        context = Context(tuple(row.subjects or ()), row.attribute, tuple(row.years or ()), tuple(row.versions or ()),
                          row.fact_id, row.question, as_utc(row.answered_at))
        return context if context.fresh(self.clock()) else None

    def joined(self, key: str) -> bool:
        """True when the bot answered or was mentioned in ``key`` recently (``JOINED_FOR``)."""
        row = self._row(key)
        return row is not None and row.joined_at is not None and self.clock() - as_utc(row.joined_at) <= JOINED_FOR

    def join(self, key: str) -> None:
        self._upsert(key, joined_at=self.clock())

    def remember(self, key: str, resolved: Resolved, fact_id: str | None, question: str | None) -> None:
        """Record an answered question's reading (``question`` None when QUESTION_LOG=off)."""
        now = self.clock()
        self._upsert(key, joined_at=now, subjects=list(resolved.subjects), attribute=resolved.attribute,
                     years=list(resolved.years), versions=list(resolved.versions), fact_id=fact_id,
                     question=question, answered_at=now)

    def forget_old(self) -> int:
        with self.store.transaction() as conn:
            return conn.execute(delete(conversations).where(
                conversations.c.joined_at < self.clock() - FORGET_AFTER)).rowcount

    def _row(self, key: str):
        with self.store.engine.connect() as conn:
            return conn.execute(select(conversations).where(conversations.c.key == key[:80])).first()

    def _upsert(self, key: str, **values) -> None:
        key = key[:80]
        with self.store.transaction() as conn:
            if conn.execute(update(conversations).where(conversations.c.key == key).values(**values)).rowcount:
                return
            try:
                with conn.begin_nested():
                    conn.execute(insert(conversations).values(key=key, **{"subjects": [], "years": [],
                                                                           "versions": [], **values}))
            except IntegrityError:  # another worker inserted it first
                conn.execute(update(conversations).where(conversations.c.key == key).values(**values))
