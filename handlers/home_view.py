"""The App Home tab, as a pure builder: what the bot knows, what it could not answer, what needs a human.

Everyone sees a search box, recent team facts, their own facts, and this week's most asked and
unanswered questions (with "Add this fact").  Curators also see the review queue: suggested
phrasings to approve or reject, and answers flagged not helpful, question and answer side by side,
each with one-click actions.  Slack allows 100 blocks in a Home view; the queue is paged.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from handlers.blocks import Block, button, context, section, truncate
from handlers.digest import ACTION_DIGEST_ADD  # the same prefilled form as the digest's button
from handlers.mrkdwn import escape
from knowledge.factbase import Fact
from knowledge.learning import Pending
from knowledge.teamfacts import TeamFact

MAX_HOME_BLOCKS = 100
QUEUE_PAGE = 8  # review items per page: 3 blocks each, well inside the limit with the rest
ACTION_SEARCH = "home_search"
ACTION_PAGE = "home_page"
ACTION_REVIEW = "home_review"  # value: {"k": "phrasing"|"flag", "i": id, "d": "approve"|"reject"|"keep"|"drop"}
ACTION_STILL_TRUE = "home_still_true"  # value: the fact id
DUE_SHOWN = 10


@dataclass
class HomeData:
    """Everything the Home view shows, gathered by the listener."""

    search: str = ""
    results: list[tuple[Fact, float]] = field(default_factory=list)
    recent: list[TeamFact] = field(default_factory=list)
    mine: list[TeamFact] = field(default_factory=list)
    most_asked: list[tuple[Fact, int]] = field(default_factory=list)
    unanswered: list[tuple[str, int]] = field(default_factory=list)
    curator: bool = False
    queue: list[Pending] = field(default_factory=list)
    facts: dict[str, Fact] = field(default_factory=dict)  # the facts the queue is about
    page: int = 0
    due: list[tuple[Fact, str]] = field(default_factory=list)  # facts past their review date, with the note
    contradictions: list[tuple[Fact, Fact]] = field(default_factory=list)  # team facts kept despite disagreeing


def home_view(data: HomeData) -> dict[str, Any]:
    blocks: list[Block] = [
        {"type": "header", "text": {"type": "plain_text", "text": "China AI facts"}},
        {"type": "input", "block_id": "home_search", "dispatch_action": True, "optional": True,
         "label": {"type": "plain_text", "text": "Search the facts"},
         "element": {"type": "plain_text_input", "action_id": ACTION_SEARCH, "max_length": 300,
                     "initial_value": data.search[:300],
                     "placeholder": {"type": "plain_text", "text": "MiniMax revenue, 智谱 估值…"}}},
    ]
    if data.search:
        lines = [f"• `{escape(f.id)}` {escape(f.questions[0])} — {escape(f.answer('en')[:150])}"
                 for f, _ in data.results] or ["Nothing matches."]
        blocks.append(section(f"*Facts matching* _{escape(data.search)}_\n" + "\n".join(lines)))
    blocks.append({"type": "divider"})
    blocks.append(section("*Recent team facts*\n" + _team_lines(data.recent, "No team facts yet.")))
    blocks.append(section("*Your facts*\n" + _team_lines(data.mine, "You haven't added any yet.")))
    if data.most_asked:
        blocks.append(section("*Most asked this week*\n" + "\n".join(
            f"• {escape(f.questions[0])} — {n}×" for f, n in data.most_asked[:5])))
    if data.unanswered:
        blocks.append(section("*I couldn't answer this week* (know it? add it):"))
        for question, n in data.unanswered[:5]:
            blocks.append({"type": "section",
                           "text": {"type": "mrkdwn", "text": truncate(f"• {escape(question)}"
                                                                       + (f" ({n}×)" if n > 1 else ""))},
                           "accessory": button("Add this fact", ACTION_DIGEST_ADD, question[:300])})
    if data.due:
        blocks.extend(_due_blocks(data.due))
    if data.curator and data.contradictions:
        lines = [f"• `{escape(one.id)}` {escape(one.answer('en')[:120])}\n"
                 f"   vs `{escape(other.id)}` {escape(other.answer('en')[:120])}"
                 for one, other in data.contradictions[:5]]
        blocks.append(section(f"*Contradictions kept side by side* ({len(data.contradictions)}): both are shown in "
                              "answers; remove the wrong one with `/fact remove ID`\n" + "\n".join(lines)))
    if data.curator:
        blocks.extend(_queue_blocks(data, MAX_HOME_BLOCKS - len(blocks)))
    return {"type": "home", "blocks": blocks[:MAX_HOME_BLOCKS]}


def _due_blocks(due: list[tuple[Fact, str]]) -> list[Block]:
    """Facts past their review date that this user may confirm: "Still true", or edit/remove them."""
    blocks: list[Block] = [{"type": "divider"}, section(
        f"*Due for review* ({len(due)}): still true? Confirm it, or `/fact edit ID` / `/fact remove ID` "
        "(curated facts: edit knowledge/facts.yaml).")]
    for fact, note in due[:DUE_SHOWN]:
        text = f"`{escape(fact.id)}` {escape(fact.answer('en')[:200])}\n_{escape(note)}_"
        blocks.append({"type": "section", "text": {"type": "mrkdwn", "text": truncate(text)},
                       "accessory": button("Still true", ACTION_STILL_TRUE, fact.id)})
    if len(due) > DUE_SHOWN:
        blocks.append(context(f"…and {len(due) - DUE_SHOWN} more after these."))
    return blocks


def _team_lines(facts: list[TeamFact], empty: str) -> str:
    if not facts:
        return empty
    return "\n".join(f"• `{escape(t.id)}` {escape(t.draft.questions[0])} — @{escape(t.added_by_name)}, "
                     f"{t.added_at:%Y-%m-%d}" for t in facts[:5])


def _queue_blocks(data: HomeData, room: int) -> list[Block]:
    start = data.page * QUEUE_PAGE
    items = data.queue[start:start + QUEUE_PAGE]
    blocks: list[Block] = [{"type": "divider"},
                           section(f"*Review queue* ({len(data.queue)} waiting)" if data.queue else
                                   "*Review queue*: nothing waiting.")]
    for item in items:
        fact = data.facts.get(item.fact_id)
        answer = escape(fact.answer("en")[:300]) if fact else "_(fact no longer exists)_"
        if item.kind == "phrasing":
            text = (f"*Suggested phrasing* ({item.votes} pick{'s' if item.votes != 1 else ''}) for "
                    f"`{escape(item.fact_id)}`\n> {escape(item.question)}\nAnswer: {answer}")
            decisions = (("Approve", "approve", "primary"), ("Reject", "reject", None))
        else:
            text = (f"*Not helpful* ({item.votes} people) for this question — it no longer answers it:\n"
                    f"> {escape(item.question)}\nAnswer `{escape(item.fact_id)}`: {answer}")
            decisions = (("Answer was right", "keep", "primary"), ("Keep it out", "drop", "danger"))
        blocks.append(section(text))
        blocks.append({"type": "actions", "block_id": f"review_{item.kind}_{item.id}", "elements": [
            button(label, ACTION_REVIEW, json.dumps({"k": item.kind, "i": item.id, "d": decision}), style)
            for label, decision, style in decisions]})
    pages = (len(data.queue) + QUEUE_PAGE - 1) // QUEUE_PAGE
    if pages > 1:
        nav = []
        if data.page > 0:
            nav.append(button("← Previous", ACTION_PAGE, str(data.page - 1)))
        if data.page + 1 < pages:
            nav.append(button("Next →", ACTION_PAGE, str(data.page + 1)))
        blocks.append(context(f"Page {data.page + 1} of {pages}"))
        if nav:
            blocks.append({"type": "actions", "block_id": "home_pages", "elements": nav})
    return blocks[:room]


def parse_review(value: Any) -> tuple[str, int, str] | None:
    """(kind, id, decision) from a review button, or None when it is not one we made."""
    try:
        data = json.loads(value) if isinstance(value, str) and len(value) < 200 else None
    except ValueError:
        return None
    if not isinstance(data, dict) or data.get("k") not in ("phrasing", "flag") or not isinstance(data.get("i"), int):
        return None
    allowed = ("approve", "reject") if data["k"] == "phrasing" else ("keep", "drop")
    return (data["k"], data["i"], data["d"]) if data.get("d") in allowed else None
