"""Button clicks on answers: feedback, other candidate answers, and showing a suggested fact."""

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
    Message,
    alternatives_message,
    fact_message,
    parse_action_value,
    text_message,
)
from knowledge.normalize import is_chinese

logger = logging.getLogger(__name__)


def register(app: App, deps: Deps) -> None:
    def tell(client: WebClient, body: dict, message: Message) -> None:
        """A private reply to whoever clicked, in the same channel and thread."""
        container = body.get("container", {})
        client.chat_postEphemeral(
            channel=body["channel"]["id"],
            user=body["user"]["id"],
            thread_ts=container.get("thread_ts"),
            **message.as_kwargs(),
        )

    def alternatives_for(question: str, fact_id: str):
        return [a for a in deps.qa.ask(question).alternatives if a.fact_id != fact_id]

    @app.action(ACTION_HELPFUL)
    def on_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        fact_id, _ = parse_action_value(action["value"])
        deps.store.log_feedback(user_id=body["user"]["id"], fact_id=fact_id, helpful=True)
        tell(client, body, text_message("Thanks, noted: that answer helped."))

    @app.action(ACTION_NOT_HELPFUL)
    def on_not_helpful(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        fact_id, question = parse_action_value(action["value"])
        deps.store.log_feedback(user_id=body["user"]["id"], fact_id=fact_id, helpful=False)
        others = alternatives_for(question, fact_id)
        heading = "Sorry about that. Was it one of these?" if others else (
            f"Sorry about that. If you know the answer, add it with `{deps.fact_command} add`."
        )
        tell(client, body, alternatives_message(others, heading) if others else text_message(heading))

    @app.action(ACTION_OTHER_ANSWERS)
    def on_other_answers(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        fact_id, question = parse_action_value(action["value"])
        tell(client, body, alternatives_message(alternatives_for(question, fact_id), "Other candidate answers:"))

    @app.action(ACTION_SHOW_FACT)
    def on_show_fact(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        fact = deps.qa.fact(action["value"])
        if fact is None:
            tell(client, body, text_message("That fact no longer exists."))
            return
        message_text = (body.get("message") or {}).get("text", "")
        lang = "zh" if is_chinese(message_text) else "en"
        tell(client, body, fact_message(fact, deps.qa.source_of(fact), lang))
