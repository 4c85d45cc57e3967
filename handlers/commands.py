"""Slack bindings of ``/fact``: the slash command, its modal, "Add anyway" and "Save as fact".

Every reply is private and is sent with ``ack()`` (well inside Slack's 3 s), except
modals, which are opened right after acking with the command's ``trigger_id``.  What each
subcommand does lives in ``handlers.fact_command`` (shared with ``bot chat``).
"""

from __future__ import annotations

import logging

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers import Deps
from handlers.blocks import text_message
from handlers.fact_command import ACTION_ADD_ANYWAY, ACTION_CANCEL_ADD, FactCommand, OpenForm, saved_message
from handlers.modals import (
    CALLBACK_FACT_MODAL,
    Vocabulary,
    draft_from_values,
    fact_modal,
    read_metadata,
    submitted_values,
)
from handlers.mrkdwn import readable
from handlers.private import channel_of, display_name, post_private, slack_id, tell, user_of
from knowledge.teamfacts import TeamFactError

logger = logging.getLogger(__name__)
SHORTCUT_SAVE_AS_FACT = "save_as_fact"


def register(app: App, deps: Deps) -> None:
    commands = FactCommand(deps)
    team = commands.team
    vocabulary = Vocabulary.of(deps.qa.factbase.aliases)

    @app.command(deps.fact_command)
    def on_fact(ack: Ack, command: dict, client: WebClient) -> None:
        user = slack_id(command.get("user_id"))
        if user is None:
            ack(**commands.refusal("This request has no valid user id.").as_kwargs())
            return
        result = commands.run(command.get("text") or "", user, str(command.get("user_name") or user)[:80],
                              slack_id(command.get("channel_id")))
        if isinstance(result, OpenForm):
            ack()
            client.views_open(trigger_id=command["trigger_id"], view=result.view)
        else:
            ack(**result.as_kwargs())

    @app.view(CALLBACK_FACT_MODAL)
    def on_modal_submit(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        metadata = read_metadata(view)
        user = user_of(body)
        if metadata is None or user is None:
            ack(response_action="errors", errors={"question": "This form is out of date; close it and open it again."})
            return
        try:
            draft = draft_from_values(submitted_values(view), vocabulary)
        except TeamFactError as exc:
            ack(response_action="errors", errors={exc.field or "answer": str(exc)})
            return
        try:
            if metadata.get("mode") == "edit":
                edited = team.edit(metadata["fact_id"], draft, user, deps.fact_admins,
                                   expected_version=metadata["version"], user_name=display_name(body))
                deps.qa.refresh(force=True)
                ack()
                message = saved_message(edited.to_fact(), "Updated")
            else:
                ack()
                message = commands.save_or_warn(draft, user, display_name(body))
        except TeamFactError as exc:
            ack(response_action="errors", errors={exc.field or "answer": str(exc)[:2000]})
            return
        post_private(client, metadata.get("channel"), user, message)

    @app.action(ACTION_ADD_ANYWAY)
    def on_add_anyway(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user = user_of(body)
        draft = team.unpark(action.get("value"), user) if user else None
        if draft is None:
            tell(client, body, text_message("That draft was already saved, cancelled or has expired (after a day)."))
            return
        tell(client, body, commands.save(draft, user, display_name(body)))

    @app.action(ACTION_CANCEL_ADD)
    def on_cancel_add(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        user = user_of(body)
        if user:
            team.unpark(action.get("value"), user)
        tell(client, body, text_message("Cancelled; nothing saved."))

    @app.shortcut(SHORTCUT_SAVE_AS_FACT)
    def on_save_as_fact(ack: Ack, shortcut: dict, client: WebClient) -> None:
        ack()
        channel = channel_of(shortcut)
        message = shortcut.get("message") if isinstance(shortcut.get("message"), dict) else {}
        text = message.get("text") if isinstance(message.get("text"), str) else ""
        permalink = ""
        try:
            permalink = client.chat_getPermalink(channel=channel, message_ts=message.get("ts"))["permalink"]
        except Exception:  # noqa: BLE001 - a missing permalink must not stop the form from opening
            logger.warning("could not get a permalink for %r in %r", message.get("ts"), channel)
        # What a reader saw (@channel, link text and URL), never Slack's live tokens.
        client.views_open(trigger_id=shortcut["trigger_id"], view=fact_modal(
            {"mode": "add", "channel": channel}, {"answer": readable(text), "source": permalink}, vocabulary))
