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
    chosen_message,
    parse_action_value,
    text_message,
    value_is_unsure,
)
from handlers.private import OUT_OF_DATE, channel_of, display_name, tell, tell_out_of_date, thread_of, user_of
from knowledge.normalize import is_chinese

logger = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    def alternatives_for(question: str, fact_id: str):
        return [a for a in deps.qa.ask(question).alternatives if a.fact_id != fact_id] if question else []

    def learnable(question: str) -> bool:
        return bool(deps.learning is not None and deps.question_log and question)

    def learn_pick(question: str, fact_id: str, user: str) -> str | None:
        """A pick becomes a suggested phrasing (approved after enough people), unless the question names
        an entity, year or model the fact does not."""
        fact = deps.qa.fact(fact_id)
        if fact is None or not learnable(question) or not deps.qa.may_learn(question, fact):
            return None
        status = deps.learning.record_pick(question, fact_id, user)
        if status == "approved":
            deps.qa.refresh(force=True)
        return status

    def answer_button(client: WebClient, body: dict, action: dict) -> tuple[str, str, str] | None:
        """(user, fact_id, question) of a valid answer button for a fact that still exists; for any other
        the clicker hears "this button is out of date" and None is returned."""
        parsed = parse_action_value(action.get("value"))
        user = user_of(body)
        if parsed is None or user is None or deps.qa.fact(parsed[0]) is None:
            logger.info("out-of-date or forged answer button (value %r)", str(action.get("value"))[:80])
            tell_out_of_date(client, body)
            return None
        return user, *parsed

    def record(user: str, fact_id: str, question: str, helpful: bool, kind: str | None = None) -> None:
        deps.store.log_feedback(user_id=user, fact_id=fact_id, helpful=helpful, kind=kind,
                                question=question if deps.question_log else None)

    @app.action(ACTION_HELPFUL)
    def on_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(client, body, action)
        if found is None:
            return
        user, fact_id, question = found
        record(user, fact_id, question, helpful=True)
        learned = learn_pick(question, fact_id, user) if value_is_unsure(action.get("value")) else None
        tell(client, body, text_message("Thanks, noted: that answer helped." + (
            " I'll answer that question this way from now on." if learned == "approved" else "")))

    @app.action(ACTION_NOT_HELPFUL)
    def on_not_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(client, body, action)
        if found is None:
            return
        user, fact_id, question = found
        record(user, fact_id, question, helpful=False)
        if learnable(question) and deps.learning.record_not_helpful(question, fact_id, user) == "active":
            deps.qa.refresh(force=True)
        others = alternatives_for(question, fact_id)
        heading = "Sorry about that. Was it one of these?" if others else (
            f"Sorry about that. If you know the answer, add it with `{deps.fact_command} add`."
        )
        tell(client, body, alternatives_message(others, heading, question) if others else text_message(heading))

    @app.action(ACTION_OTHER_ANSWERS)
    def on_other_answers(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        found = answer_button(client, body, action)
        if found is None:
            return
        _, fact_id, question = found
        tell(client, body, alternatives_message(alternatives_for(question, fact_id), "Other candidate answers:",
                                                question))

    @app.action(ACTION_SHOW_FACT)
    def on_show_fact(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        """A suggestion chosen: its answer goes into the thread for everyone, and the choice is recorded."""
        ack()
        parsed = parse_action_value(action.get("value"))
        user, channel = user_of(body), channel_of(body)
        fact = deps.qa.fact(parsed[0]) if parsed else None
        if fact is None or user is None:
            tell(client, body, text_message("That fact no longer exists." if parsed else OUT_OF_DATE))
            return
        question = parsed[1]
        record(user, fact.id, question, helpful=True, kind="chosen")
        learn_pick(question, fact.id, user)
        message = chosen_message(fact, deps.qa.source_of(fact), "zh" if is_chinese(question) else "en",
                                 display_name(body))
        if channel is None:
            tell(client, body, message)
            return
        client.chat_postMessage(channel=channel, thread_ts=thread_of(body), **message.as_kwargs())
