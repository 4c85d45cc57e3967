"""What goes into the weekly digest, and the exactly-once bookkeeping around sending it.

``compose_digest`` gathers the week's numbers from the store (pure reads, except the
spotlight rotation, which is remembered so the whole base is cycled through).
``claim_digest``/``release_digest``/``mark_posted`` make sending idempotent per
(channel, week): the claim is a row with a unique key, inserted before posting.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from rapidfuzz import fuzz
from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from knowledge.cleaning import clean_input
from knowledge.factbase import Fact
from knowledge.learning import Learning
from knowledge.normalize import fold
from knowledge.store import Store, digest_claims, feedback, question_log, spotlight, utcnow
from knowledge.teamfacts import TeamFact, TeamFacts

TOP_ASKED = 5
TOP_UNANSWERED = 5
SPOTLIGHT_SIZE = 3
NEAR_DUPLICATE = 85  # rapidfuzz token_sort_ratio over folded text: "minimax ipo date?" ~ "MiniMax IPO date"


@dataclass(frozen=True)
class Period:
    start: datetime
    end: datetime

    @property
    def week(self) -> str:
        """The ISO week the digest is for, e.g. ``2026-W47`` (of the period's last day)."""
        year, week, _ = (self.end - timedelta(seconds=1)).isocalendar()
        return f"{year}-W{week:02d}"


def week_ending(end: datetime) -> Period:
    return Period(end - timedelta(days=7), end)


@dataclass
class Digest:
    period: Period
    new_facts: list[TeamFact] = field(default_factory=list)
    most_asked: list[tuple[Fact, int]] = field(default_factory=list)
    unanswered: list[tuple[str, int]] = field(default_factory=list)
    not_helpful: list[tuple[Fact, int]] = field(default_factory=list)
    spotlight: list[Fact] = field(default_factory=list)
    questions: int = 0
    answered: int = 0
    helpful: int = 0
    unhelpful: int = 0
    learned: dict[str, int] = field(default_factory=dict)  # "phrasings approved" / "answers reviewed" -> count
    due: list[tuple[Fact, str]] = field(default_factory=list)  # facts past their review date, with the note

    @property
    def answered_share(self) -> float:
        return self.answered / self.questions if self.questions else 0.0


def compose_digest(store: Store, facts_by_id: dict[str, Fact], curated: list[Fact], period: Period,
                   remember_spotlight: bool = True) -> Digest:
    digest = Digest(period=period)
    in_week = (question_log.c.asked_at >= period.start, question_log.c.asked_at < period.end)
    with store.engine.connect() as conn:
        digest.questions = conn.execute(select(func.count()).select_from(question_log).where(*in_week)).scalar_one()
        digest.answered = conn.execute(select(func.count()).select_from(question_log)
                                       .where(*in_week, question_log.c.answered.is_(True))).scalar_one()
        asked = conn.execute(
            select(question_log.c.fact_id, func.count().label("n")).where(*in_week, question_log.c.fact_id.is_not(None))
            .group_by(question_log.c.fact_id).order_by(func.count().desc(), question_log.c.fact_id)
        ).all()
        missed = conn.execute(select(question_log.c.question).where(
            *in_week, question_log.c.answered.is_(False), question_log.c.question.is_not(None))
            .order_by(question_log.c.asked_at)).scalars().all()
        clicks = conn.execute(
            select(feedback.c.fact_id, feedback.c.helpful, func.count().label("n"))
            .where(feedback.c.at >= period.start, feedback.c.at < period.end)
            .group_by(feedback.c.fact_id, feedback.c.helpful)
        ).all()
    digest.new_facts = TeamFacts(store).added_between(period.start, period.end)
    digest.most_asked = [(facts_by_id[r.fact_id], r.n) for r in asked if r.fact_id in facts_by_id][:TOP_ASKED]
    digest.unanswered = merge_near_duplicates(missed)[:TOP_UNANSWERED]
    for row in clicks:
        if row.helpful:
            digest.helpful += row.n
        else:
            digest.unhelpful += row.n
            if row.fact_id in facts_by_id:
                digest.not_helpful.append((facts_by_id[row.fact_id], row.n))
    digest.not_helpful.sort(key=lambda pair: (-pair[1], pair[0].id))
    digest.spotlight = pick_spotlight(store, curated, remember_spotlight)
    digest.learned = Learning(store).decided_between(period.start, period.end)
    return digest


def merge_near_duplicates(questions: list[str]) -> list[tuple[str, int]]:
    """Group questions that differ only in case, script, punctuation or small typos; most asked first."""
    groups: list[tuple[str, str]] = []  # (folded key, first wording seen)
    counts: Counter[int] = Counter()
    for question in questions:
        question = clean_input(question)  # rows logged before cleaning existed may hold invisible characters
        key = fold(question).strip(" ?？!.。")
        if not key:
            continue
        for i, (seen, _) in enumerate(groups):
            if fuzz.token_sort_ratio(key, seen, processor=None) >= NEAR_DUPLICATE:
                counts[i] += 1
                break
        else:
            groups.append((key, question))
            counts[len(groups) - 1] += 1
    order = sorted(range(len(groups)), key=lambda i: (-counts[i], i))
    return [(groups[i][1], counts[i]) for i in order]


def pick_spotlight(store: Store, curated: list[Fact], remember: bool) -> list[Fact]:
    """Curated facts not spotlighted before, in fact-base order; starts over once all were shown."""
    with store.engine.connect() as conn:
        shown = set(conn.execute(select(spotlight.c.fact_id)).scalars())
    fresh = [f for f in curated if f.id not in shown]
    if len(fresh) < SPOTLIGHT_SIZE:  # the rotation is complete: start a new cycle
        fresh += [f for f in curated if f.id in shown][: SPOTLIGHT_SIZE - len(fresh)]
        if remember:
            with store.transaction() as conn:
                conn.execute(delete(spotlight))
    picked = fresh[:SPOTLIGHT_SIZE]
    if remember and picked:
        try:
            with store.transaction() as conn:
                for fact in picked:
                    conn.execute(delete(spotlight).where(spotlight.c.fact_id == fact.id))
                    conn.execute(insert(spotlight).values(fact_id=fact.id, shown_at=utcnow()))
        except IntegrityError:
            pass  # another clock composing the same week recorded the same picks first
    return picked


# ---- exactly once per (channel, week) ------------------------------------------------

def claim_digest(store: Store, channel: str, week: str) -> bool:
    """True if this caller may post the digest for (channel, week); False if it is already claimed."""
    try:
        with store.transaction() as conn:
            conn.execute(insert(digest_claims).values(channel=channel, week=week, claimed_at=utcnow()))
        return True
    except IntegrityError:
        return False


def release_digest(store: Store, channel: str, week: str) -> None:
    """Posting failed: drop the claim so the next attempt can send it."""
    with store.transaction() as conn:
        conn.execute(delete(digest_claims).where(digest_claims.c.channel == channel, digest_claims.c.week == week))


def mark_posted(store: Store, channel: str, week: str, message_ts: str | None) -> None:
    with store.transaction() as conn:
        conn.execute(update(digest_claims).where(digest_claims.c.channel == channel, digest_claims.c.week == week)
                     .values(posted_at=utcnow(), message_ts=message_ts))


def is_claimed(store: Store, channel: str, week: str) -> bool:
    with store.engine.connect() as conn:
        return conn.execute(select(digest_claims.c.week).where(
            digest_claims.c.channel == channel, digest_claims.c.week == week)).first() is not None
