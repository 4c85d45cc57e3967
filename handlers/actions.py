"""Button clicks on answers: feedback, other candidate answers, and showing a suggested fact.

Each callback acks first, then validates the button's value: a forged or stale one gets a
short private "out of date" reply and changes nothing.
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers import Deps
from handlers.blocks import (
    ACTION_HELPFUL,
    ACTION_NOT_HELPFUL,
    ACTION_OTHER_ANSWERS,
    ACTION_SHOW_FACT,
    alternatives_message,
    fact_message,
    is_fact_id,
    parse_action_value,
    text_message,
)
from handlers.private import OUT_OF_DATE, tell, tell_out_of_date, user_of
from knowledge.normalize import is_chinese

logger = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    def alternatives_for(question: str, fact_id: str):
        return [a for a in deps.qa.ask(question).alternatives if a.fact_id != fact_id] if question else []

    def answer_button(body: dict, action: dict) -> tuple[str, str, str] | None:
        """(user, fact_id, question) of a valid answer button for a fact that still exists."""
        parsed = parse_action_value(action.get("value"))
        user = user_of(body)
        if parsed is None or user is None or deps.qa.fact(parsed[0]) is None:
            logger.info("out-of-date or forged answer button (value %r)", str(action.get("value"))[:80])
            return None
        return user, *parsed

    @app.action(ACTION_HELPFUL)
    def on_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(body, action)
        if found is None:
            tell_out_of_date(client, body)
            return
        user, fact_id, _ = found
        deps.store.log_feedback(user_id=user, fact_id=fact_id, helpful=True)
        tell(client, body, text_message("Thanks, noted: that answer helped."))

    @app.action(ACTION_NOT_HELPFUL)
    def on_not_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(body, action)
        if found is None:
            tell_out_of_date(client, body)
            return
        user, fact_id, question = found
        deps.store.log_feedback(user_id=user, fact_id=fact_id, helpful=False)
        others = alternatives_for(question, fact_id)
        heading = "Sorry about that. Was it one of these?" if others else (
            f"Sorry about that. If you know the answer, add it with `{deps.fact_command} add`."
        )
        tell(client, body, alternatives_message(others, heading) if others else text_message(heading))

    @app.action(ACTION_OTHER_ANSWERS)
    def on_other_answers(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(body, action)
        if found is None:
            tell_out_of_date(client, body)
            return
        _, fact_id, question = found
        tell(client, body, alternatives_message(alternatives_for(question, fact_id), "Other candidate answers:"))

    @app.action(ACTION_SHOW_FACT)
    def on_show_fact(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        value = action.get("value")
        fact = deps.qa.fact(value) if is_fact_id(value) else None
        if fact is None:
            tell(client, body, text_message("That fact no longer exists." if is_fact_id(value) else OUT_OF_DATE))
            return
        message = body.get("message") if isinstance(body.get("message"), dict) else {}
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        tell(client, body, fact_message(fact, deps.qa.source_of(fact), "zh" if is_chinese(text) else "en"))
