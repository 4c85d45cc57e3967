"""App Home: published when a user opens it, and after every search, page turn or review click."""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers import Deps
from handlers.blocks import is_fact_id
from handlers.home_view import (
    ACTION_PAGE,
    ACTION_REVIEW,
    ACTION_SEARCH,
    ACTION_STILL_TRUE,
    HomeData,
    home_view,
    parse_review,
)
from handlers.private import user_of
from knowledge.contradictions import Links
from knowledge.digest import compose_digest, week_ending
from knowledge.learning import Pending
from knowledge.review import Reviews
from knowledge.store import utcnow
from knowledge.teamfacts import NotFound, TeamFacts

logger = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    team = TeamFacts(deps.store)

    def may_review(user: str, item: Pending) -> bool:
        """FACT_ADMINS review everything; a team fact's author reviews what concerns their fact."""
        if user in deps.fact_admins:
            return True
        try:
            return team.get(item.fact_id).added_by == user
        except NotFound:
            return False

    def publish(client: WebClient, user: str, search: str = "", page: int = 0) -> None:
        facts = {f.id: f for f in deps.qa.matcher.facts()}
        digest = compose_digest(deps.store, facts, [], week_ending(utcnow()), remember_spotlight=False)
        queue = [item for item in (deps.learning.queue() if deps.learning else []) if may_review(user, item)]
        data = HomeData(search=search, results=deps.qa.search(search, 5) if search else [],
                        recent=team.recent(5), mine=team.recent(5, user), most_asked=digest.most_asked,
                        unanswered=digest.unanswered, curator=bool(queue) or user in deps.fact_admins, queue=queue,
                        facts={item.fact_id: facts[item.fact_id] for item in queue if item.fact_id in facts},
                        page=page)
        data.due = [(fact, note) for fact in facts.values() if may_confirm(user, fact)
                    for note in [deps.qa.review_note(fact)] if note]
        if data.curator:
            pairs = {tuple(sorted((a, b))) for a, others in Links(deps.store).all().items() for b in others}
            data.contradictions = [(facts[a], facts[b]) for a, b in sorted(pairs) if a in facts and b in facts]
        client.views_publish(user_id=user, view=home_view(data))

    def may_confirm(user: str, fact) -> bool:
        """Admins confirm any fact; authors their own team facts."""
        if user in deps.fact_admins:
            return True
        return fact.source is None and getattr(fact, "added_by", None) is not None and _author(fact.id) == user

    def _author(fact_id: str) -> str | None:
        try:
            return team.get(fact_id).added_by
        except NotFound:
            return None

    @app.event("app_home_opened")
    def on_home_opened(event: dict, client: WebClient) -> None:
        if event.get("tab", "home") == "home" and isinstance(event.get("user"), str):
            publish(client, event["user"])

    @app.action(ACTION_SEARCH)
    def on_search(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user = user_of(body)
        if user:
            publish(client, user, search=str(action.get("value") or "")[:300].strip())

    @app.action(ACTION_PAGE)
    def on_page(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user, value = user_of(body), str(action.get("value") or "")
        if user:
            publish(client, user, page=int(value) if value.isdigit() and len(value) < 5 else 0)

    @app.action(ACTION_STILL_TRUE)
    def on_still_true(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user = user_of(body)
        fact = deps.qa.fact(action.get("value")) if is_fact_id(action.get("value")) else None
        if user is None:
            return
        if fact is not None and may_confirm(user, fact):
            name = f"@{(body.get('user') or {}).get('username') or user}"
            Reviews(deps.store).mark(fact.id, name)
            if fact.source is None:
                team.record_review(fact.id, user, name)
            deps.qa.refresh(force=True)
        publish(client, user)

    @app.action(ACTION_REVIEW)
    def on_review(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user, review = user_of(body), parse_review(action.get("value"))
        if user is None:
            return
        item = deps.learning.get(review[0], review[1]) if review and deps.learning else None
        if item is not None and may_review(user, item):
            kind, item_id, decision = review
            name = f"@{(body.get('user') or {}).get('username') or user}"
            decide = {"approve": deps.learning.approve, "reject": deps.learning.reject,
                      "keep": deps.learning.keep, "drop": deps.learning.drop}[decision]
            decide(item_id, name)
            deps.qa.refresh(force=True)
        else:
            logger.info("review click refused or stale (%r by %r)", action.get("value"), user)
        publish(client, user)
