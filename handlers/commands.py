"""The ``/fact`` slash command, its modal, the "Add anyway" buttons and the "Save as fact" shortcut.

Every reply is private and is sent with ``ack()`` (well inside Slack's 3 s), except
modals, which are opened right after acking with the command's ``trigger_id``.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from slack_bolt import Ack, App
from slack_sdk import WebClient

from handlers import Deps
from handlers.blocks import (
    Message,
    button,
    context,
    fact_blocks,
    section,
    text_message,
)
from handlers.modals import (
    CALLBACK_FACT_MODAL,
    draft_from_values,
    fact_modal,
    initial_from_draft,
    read_metadata,
    submitted_values,
)
from handlers.mrkdwn import escape, readable
from handlers.private import channel_of, display_name, post_private, slack_id, tell, user_of
from handlers.replies import compose_reply
from knowledge.factbase import Fact
from knowledge.teamfacts import (
    Draft,
    DuplicateQuestion,
    TeamFactError,
    TeamFacts,
    check_may_change,
    make_draft,
)

logger = logging.getLogger(__name__)
ACTION_ADD_ANYWAY = "add_anyway"
ACTION_CANCEL_ADD = "cancel_add"
SHORTCUT_SAVE_AS_FACT = "save_as_fact"
SUBCOMMANDS = ("help", "add", "ask", "search", "show", "edit", "remove", "restore", "history", "list")


@dataclass(frozen=True)
class Command:
    name: str
    args: str


def parse(text: str) -> Command:
    """``/fact add Q | A`` -> Command("add", "Q | A"); a leading word that is no subcommand is a question."""
    text = readable(text)
    word, _, rest = text.partition(" ")
    if not text:
        return Command("add", "")
    if word.lower() in SUBCOMMANDS:
        return Command(word.lower(), rest.strip())
    return Command("ask", text)


def usage(cmd: str) -> str:
    return "\n".join([
        f"*`{cmd}`* — teach and look up facts (replies are private):",
        f"• `{cmd}` or `{cmd} add` — open a form to add a fact",
        f"• `{cmd} add QUESTION | ANSWER [| SOURCE]` — add quickly, e.g. "
        f"`{cmd} add Who leads MiniMax's video team? | … | https://…`",
        f"• `{cmd} ask QUESTION` (or just `{cmd} QUESTION`) — get an answer privately",
        f"• `{cmd} search TERMS` — up to 5 matching facts with their ids",
        f"• `{cmd} show ID` · `{cmd} history ID`",
        f"• `{cmd} edit ID` · `{cmd} remove ID` — your own facts (admins: any; `{cmd} restore ID`)",
        f"• `{cmd} list` or `{cmd} list mine` — most recent team facts",
        "Curated facts (from the articles) can't be edited from Slack.",
    ])


def register(app: App, deps: Deps) -> None:
    team = TeamFacts(deps.store)
    cmd = deps.fact_command

    def refuse(ack: Ack, problem: str) -> None:
        ack(**Message(text=problem, blocks=[section(escape(problem)), context(f"`{cmd} help` shows every option.")]
                      ).as_kwargs())

    def saved_message(fact: Fact, verb: str) -> Message:
        blocks = [section(f"{verb} fact `{escape(fact.id)}`:"), *fact_blocks(fact, None, "en")]
        return Message(text=f"{verb} fact {fact.id}.", blocks=blocks)

    def save(draft: Draft, user_id: str, user_name: str) -> Message:
        """Save; the database refuses a second active fact with the very same question."""
        try:
            saved = team.add(draft, user_id, user_name)
        except DuplicateQuestion as exc:
            existing = deps.qa.fact(exc.existing)
            blocks = [section(f"Nothing saved: fact `{escape(exc.existing)}` already has this exact question.")]
            if existing is not None:
                blocks.extend(fact_blocks(existing, deps.qa.source_of(existing), "en"))
            return Message(text=f"Nothing saved: fact {exc.existing} already has this exact question.", blocks=blocks)
        deps.qa.refresh(force=True)
        return saved_message(saved.to_fact(), "Saved")

    def save_or_warn(draft: Draft, user_id: str, user_name: str) -> Message:
        """Save, unless a close match exists: then park the draft and ask first."""
        fact = deps.qa.duplicate_of(draft.questions[0])
        if fact is not None:
            token = team.park(draft, user_id)
            blocks = [
                section("A fact that looks the same already exists. Nothing has been saved yet:"),
                *fact_blocks(fact, deps.qa.source_of(fact), "en"),
                {"type": "actions", "block_id": "duplicate_actions", "elements": [
                    button("Add anyway", ACTION_ADD_ANYWAY, token, style="primary"),
                    button("Cancel", ACTION_CANCEL_ADD, token),
                ]},
            ]
            return Message(text=f"Possible duplicate of {fact.id}; nothing saved yet.", blocks=blocks)
        return save(draft, user_id, user_name)

    @app.command(cmd)
    def on_fact(ack: Ack, command: dict, client: WebClient) -> None:
        parsed = parse(command.get("text") or "")
        user = slack_id(command.get("user_id"))
        if user is None:
            refuse(ack, "This request has no valid user id.")
            return
        user_name = str(command.get("user_name") or user)[:80]
        try:
            if parsed.name == "help":
                ack(**Message(text=f"How to use {cmd}", blocks=[section(usage(cmd))]).as_kwargs())
            elif parsed.name == "add" and not parsed.args:
                ack()
                client.views_open(trigger_id=command["trigger_id"],
                                  view=fact_modal({"mode": "add", "channel": command.get("channel_id")}))
            elif parsed.name == "add":
                parts = [p.strip() for p in parsed.args.split("|")]
                if len(parts) < 2 or len(parts) > 3 or not all(parts[:2]):
                    refuse(ack, f"`{cmd} add` needs QUESTION | ANSWER (and optionally | SOURCE), separated by |. "
                                f"Example: `{cmd} add How many staff does MiniMax have? | 385 | prospectus`")
                    return
                draft = make_draft([parts[0]], parts[1], source=parts[2] if len(parts) == 3 else None)
                ack(**save_or_warn(draft, user, user_name).as_kwargs())
            elif parsed.name == "ask":
                if not parsed.args:
                    refuse(ack, f"Ask what? Example: `{cmd} ask How many employees does MiniMax have?`")
                    return
                ack(**compose_reply(deps.qa, parsed.args, cmd)[0].as_kwargs())
            elif parsed.name == "search":
                if not parsed.args:
                    refuse(ack, f"Search for what? Example: `{cmd} search MiniMax revenue`")
                    return
                ack(**search_message(deps.qa.search(parsed.args, 5), parsed.args).as_kwargs())
            elif parsed.name == "list":
                mine = parsed.args.lower() == "mine"
                if parsed.args and not mine:
                    refuse(ack, f"`{cmd} list` takes nothing or `mine`, not {parsed.args!r}.")
                    return
                ack(**list_message(team.recent(10, user if mine else None), mine).as_kwargs())
            else:
                fact_id = parsed.args.split()[0] if parsed.args else ""
                if not fact_id:
                    refuse(ack, f"`{cmd} {parsed.name}` needs a fact id, e.g. `{cmd} {parsed.name} t7k2mq9x`.")
                    return
                by_id(ack, client, parsed.name, fact_id, command, user)
        except TeamFactError as exc:
            refuse(ack, str(exc))

    def by_id(ack: Ack, client: WebClient, sub: str, fact_id: str, command: dict, user: str) -> None:
        name = str(command.get("user_name") or user)[:80]
        curated = deps.qa.fact(fact_id)
        if sub == "show":
            fact = curated or team.get(fact_id).to_fact()
            ack(**Message(text=fact.answer("en"), blocks=[section(f"Fact `{escape(fact.id)}`:"),
                                                         *fact_blocks(fact, deps.qa.source_of(fact), "en")]
                          ).as_kwargs())
            return
        if curated is not None and curated.source is not None:
            refuse(ack, f"`{fact_id}` is a curated fact from the articles; it can't be changed from Slack. "
                        "Curators edit knowledge/facts.yaml.")
            return
        if sub == "history":
            entries = team.history(fact_id)
            lines = [f"*History of `{escape(fact_id)}`* (oldest first):"]
            lines += [f"• v{e.version} {e.action} by @{escape(e.changed_by_name)} "
                      f"on {e.changed_at:%Y-%m-%d %H:%M} UTC: {escape(e.draft.answer[:200])}" for e in entries]
            ack(**Message(text=f"History of {fact_id}", blocks=[section("\n".join(lines))]).as_kwargs())
        elif sub == "edit":
            current = team.get(fact_id)
            check_may_change(current, user, deps.fact_admins, "edit")
            ack()
            client.views_open(trigger_id=command["trigger_id"], view=fact_modal(
                {"mode": "edit", "fact_id": current.id, "version": current.version,
                 "channel": command.get("channel_id")},
                initial_from_draft(current.draft)))
        elif sub == "remove":
            removed = team.remove(fact_id, user, deps.fact_admins, name)
            deps.qa.refresh(force=True)
            ack(**text_message(f"Removed fact {removed.id}. An admin can undo this with {cmd} restore {removed.id}."
                               ).as_kwargs())
        elif sub == "restore":
            restored = team.restore(fact_id, user, deps.fact_admins, name)
            deps.qa.refresh(force=True)
            ack(**saved_message(restored.to_fact(), "Restored").as_kwargs())

    @app.view(CALLBACK_FACT_MODAL)
    def on_modal_submit(ack: Ack, body: dict, view: dict, client: WebClient) -> None:
        metadata = read_metadata(view)
        user = user_of(body)
        if metadata is None or user is None:
            ack(response_action="errors", errors={"question": "This form is out of date; close it and open it again."})
            return
        try:
            draft = draft_from_values(submitted_values(view))
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
                message = save_or_warn(draft, user, display_name(body))
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
        tell(client, body, save(draft, user, display_name(body)))

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
            {"mode": "add", "channel": channel}, {"answer": readable(text), "source": permalink}))


def search_message(results: list[tuple[Fact, float]], terms: str) -> Message:
    if not results:
        return text_message(f"No facts match {terms!r}.")
    lines = [f"*Facts matching* _{escape(terms)}_:"]
    for fact, _score in results:
        origin = "curated" if fact.source else "team"
        lines.append(f"• `{escape(fact.id)}` ({origin}) {escape(fact.questions[0])} — "
                     f"{escape(fact.answer('en')[:150])}")
    return Message(text=f"{len(results)} matching facts", blocks=[section("\n".join(lines))])


def list_message(facts, mine: bool) -> Message:
    if not facts:
        return text_message("You haven't added any facts yet." if mine else "No team facts yet.")
    lines = ["*Your most recent facts:*" if mine else "*Most recent team facts:*"]
    lines += [f"• `{escape(t.id)}` {escape(t.draft.questions[0])} — @{escape(t.added_by_name)}, "
              f"{t.added_at:%Y-%m-%d}" for t in facts]
    return Message(text="Recent team facts", blocks=[section("\n".join(lines))])
