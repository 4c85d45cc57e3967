"""Review by date: snapshot facts and team facts are due for a human check after a while.

Half of this domain is snapshots (prices, usage rankings, valuations) that are wrong within
months.  A fact's review date is its ``as_of`` (team facts: when it was added) plus a period that
depends on what it tells (``REVIEW_EVERY``); a "still true" from its owner or an admin starts the
period again.  Facts about things that do not change (founders, founding dates, who said what)
are never due.  Past the date, answers say "as of <date>; not reviewed since".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from knowledge.factbase import Fact

if TYPE_CHECKING:  # the dates are pure; only ``Reviews`` needs the database (SQLAlchemy is slow to import)
    from knowledge.store import Store

# Days until a fact of this attribute needs a look again.  Not listed: never (founder, founded,
# hometown, education, career, said, definition, event...).
REVIEW_EVERY = {
    "price": 90, "usage": 90, "ranking": 90, "market_share": 90, "users": 90, "share_price": 90,
    "valuation": 180, "market_cap": 180, "cash": 180, "employees": 180, "leader": 365,
    "revenue": 365, "net_loss": 365, "gross_margin": 365, "funding": 365, "spending": 365, "cost": 365,
}
TEAM_FACT_EVERY = 180  # team facts of any other attribute: people's notes age too
_AS_OF = re.compile(r"(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")


def as_of_date(text: str | None) -> date | None:
    """The last day an ``as_of`` ("2025-09", "approx. 2026-02", "2025") can mean."""
    found = _AS_OF.search(text or "")
    if not found:
        return None
    year, month, day = int(found.group(1)), found.group(2), found.group(3)
    if day:
        return date(year, int(month), int(day))
    if month:
        following = date(year + (int(month) == 12), int(month) % 12 + 1, 1)
        return following - timedelta(days=1)
    return date(year, 12, 31)


def period_of(fact: Fact) -> timedelta | None:
    days = REVIEW_EVERY.get(fact.attribute or "")
    if days is None and fact.source is None:
        days = TEAM_FACT_EVERY
    return timedelta(days=days) if days else None


def due_date(fact: Fact, reviewed: datetime | None = None) -> date | None:
    """When ``fact`` is due for review (None: never)."""
    period = period_of(fact)
    if period is None:
        return None
    base = as_of_date(fact.as_of) or (date.fromisoformat(fact.added_at[:10]) if fact.added_at else None)
    if reviewed is not None and (base is None or reviewed.date() > base):
        base = reviewed.date()
    return base + period if base else None


def review_note(fact: Fact, reviewed: datetime | None, today: date) -> str | None:
    """"as of 2025-10; not reviewed since" when the fact is past its review date, else None."""
    due = due_date(fact, reviewed)
    if due is None or due >= today:
        return None
    since = reviewed.date().isoformat() if reviewed else (fact.as_of or (fact.added_at or "")[:10])
    return f"as of {since}; not reviewed since" if not reviewed else f"last reviewed {since}; due again"


class Reviews:
    """When each fact was last confirmed "still true", and by whom."""

    def __init__(self, store: Store, clock: Callable[[], datetime] | None = None):
        from knowledge.store import utcnow

        self.store = store
        self.clock = clock or utcnow

    def all(self) -> dict[str, datetime]:
        from sqlalchemy import select

        from knowledge.store import as_utc, reviews

        with self.store.engine.connect() as conn:
            return {r.fact_id: as_utc(r.reviewed_at) for r in conn.execute(select(reviews)).all()}

    def mark(self, fact_id: str, by: str) -> None:
        """A "still true": a new review date for every worker (the revision moves)."""
        from sqlalchemy import insert, update
        from sqlalchemy.exc import IntegrityError

        from knowledge.store import reviews

        now = self.clock()
        with self.store.transaction() as conn:
            values = {"reviewed_at": now, "reviewed_by": by[:80]}
            if not conn.execute(update(reviews).where(reviews.c.fact_id == fact_id).values(**values)).rowcount:
                try:
                    with conn.begin_nested():
                        conn.execute(insert(reviews).values(fact_id=fact_id, **values))
                except IntegrityError:
                    conn.execute(update(reviews).where(reviews.c.fact_id == fact_id).values(**values))
            self.store.bump_revision(conn)
