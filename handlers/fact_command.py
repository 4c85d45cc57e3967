"""What ``/fact`` does, as a pure function of the text typed: shared by Slack and ``bot chat``.

``FactCommand.run`` returns the private reply (a ``Message``) or, for the add and edit forms,
the modal to open (``OpenForm``); the Slack listener acks with the first and opens the second,
the console prints the first and explains the second needs Slack.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from handlers import Deps
from handlers.blocks import Message, button, context, fact_blocks, help_message, section, text_message
from handlers.modals import Vocabulary, fact_modal, initial_from_draft
from handlers.mrkdwn import escape, readable
from handlers.replies import message_for
from knowledge.contradictions import Links, contradictions
from knowledge.dialogue import Dialogue
from knowledge.factbase import Fact
from knowledge.teamfacts import Draft, DuplicateQuestion, TeamFactError, TeamFacts, check_may_change, make_draft

ACTION_ADD_ANYWAY = "add_anyway"
ACTION_CANCEL_ADD = "cancel_add"
SUBCOMMANDS = ("help", "add", "ask", "search", "show", "edit", "remove", "restore", "history", "list")


@dataclass(frozen=True)
class Command:
    name: str
    args: str


@dataclass(frozen=True)
class OpenForm:
    """The command's answer is a form: the modal view to open with the command's trigger."""

    view: dict[str, Any]


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


class FactCommand:
    """The ``/fact`` subcommands over the team-fact store and the answerer."""

    def __init__(self, deps: Deps, team: TeamFacts | None = None):
        self.deps = deps
        self.team = team or TeamFacts(deps.store)
        self.cmd = deps.fact_command
        self.vocabulary = Vocabulary.of(deps.qa.factbase.aliases)
        self.dialogue = Dialogue(deps.qa)  # built once: its example questions rotate across calls

    def run(self, text: str, user: str, user_name: str, channel: str | None) -> Message | OpenForm:
        """The reply to ``/fact TEXT`` from ``user``; bad input gets usage help, never an exception."""
        parsed, cmd = parse(text), self.cmd
        try:
            if parsed.name == "help":
                return Message(text=f"How to use {cmd}", blocks=[section(usage(cmd))])
            if parsed.name == "add" and not parsed.args:
                return OpenForm(fact_modal({"mode": "add", "channel": channel}, vocabulary=self.vocabulary))
            if parsed.name == "add":
                return self._quick_add(parsed.args, user, user_name)
            if parsed.name == "ask":
                if not parsed.args:
                    return self.refusal(f"Ask what? Example: `{cmd} ask How many employees does MiniMax have?`")
                return self.reply(parsed.args)
            if parsed.name == "search":
                if not parsed.args:
                    return self.refusal(f"Search for what? Example: `{cmd} search MiniMax revenue`")
                return search_message(self.deps.qa.search(parsed.args, 5), parsed.args)
            if parsed.name == "list":
                mine = parsed.args.lower() == "mine"
                if parsed.args and not mine:
                    return self.refusal(f"`{cmd} list` takes nothing or `mine`, not {parsed.args!r}.")
                return list_message(self.team.recent(10, user if mine else None), mine)
            fact_id = parsed.args.split()[0] if parsed.args else ""
            if not fact_id:
                return self.refusal(f"`{cmd} {parsed.name}` needs a fact id, e.g. `{cmd} {parsed.name} t7k2mq9x`.")
            return self._by_id(parsed.name, fact_id, user, user_name, channel)
        except TeamFactError as exc:
            return self.refusal(str(exc))

    def reply(self, question: str) -> Message:
        """What the bot says to a question asked outside any conversation (``/fact ask``)."""
        turn = self.dialogue.turn(question)
        qa = self.deps.qa
        return message_for(turn, qa.threshold, self.cmd, qa.source_of) or help_message(self.cmd)

    def refusal(self, problem: str) -> Message:
        blocks = [section(escape(problem)), context(f"`{self.cmd} help` shows every option.")]
        return Message(text=problem, blocks=blocks)

    def save(self, draft: Draft, user_id: str, user_name: str, contradicted: list | None = None) -> Message:
        """Save; the database refuses a second active fact with the very same question.

        Facts the draft contradicts (``contradicted``, looked up here when the caller has not) are
        linked to it: saved anyway, both show in answers.
        """
        try:
            saved = self.team.add(draft, user_id, user_name)
        except DuplicateQuestion as exc:
            existing = self.deps.qa.fact(exc.existing)
            blocks = [section(f"Nothing saved: fact `{escape(exc.existing)}` already has this exact question.")]
            if existing is not None:
                blocks.extend(fact_blocks(existing, self.deps.qa.source_of(existing), "en"))
            return Message(text=f"Nothing saved: fact {exc.existing} already has this exact question.", blocks=blocks)
        if contradicted is None:
            contradicted = contradictions(self.deps.qa, draft.questions[0], draft.answer)
        for contradiction in contradicted:
            Links(self.deps.store).link(saved.id, contradiction.fact.id, user_name)
        self.deps.qa.refresh(force=True)
        return saved_message(saved.to_fact(), "Saved")

    def save_or_warn(self, draft: Draft, user_id: str, user_name: str) -> Message:
        """Save, unless a close match or a contradicting fact exists: then park the draft and ask first."""
        found = contradictions(self.deps.qa, draft.questions[0], draft.answer)
        fact = self.deps.qa.duplicate_of(draft.questions[0]) if not found else None
        if fact is not None:
            heading = "A fact that looks the same already exists. Nothing has been saved yet:"
            return self._ask_first(draft, user_id, heading, [fact], f"Possible duplicate of {fact.id}")
        if not found:
            return self.save(draft, user_id, user_name, contradicted=found)
        figures = "; ".join(f"`{escape(c.fact.id)}`: {escape(', '.join(c.figures))}" for c in found)
        heading = (f"This may contradict what I already know ({figures}). Nothing has been saved yet; "
                   "if you add it anyway, both will be shown side by side:")
        return self._ask_first(draft, user_id, heading, [c.fact for c in found],
                               f"May contradict {found[0].fact.id}")

    def _ask_first(self, draft: Draft, user_id: str, heading: str, facts: list[Fact], text: str) -> Message:
        token = self.team.park(draft, user_id)
        blocks = [section(heading)]
        for fact in facts:
            blocks.extend(fact_blocks(fact, self.deps.qa.source_of(fact), "en"))
        blocks.append({"type": "actions", "block_id": "duplicate_actions", "elements": [
            button("Add anyway", ACTION_ADD_ANYWAY, token, style="primary"),
            button("Cancel", ACTION_CANCEL_ADD, token),
        ]})
        return Message(text=f"{text}; nothing saved yet.", blocks=blocks)

    def _quick_add(self, args: str, user: str, user_name: str) -> Message:
        parts = [p.strip() for p in args.split("|")]
        if len(parts) < 2 or len(parts) > 3 or not all(parts[:2]):
            return self.refusal(
                f"`{self.cmd} add` needs QUESTION | ANSWER (and optionally | SOURCE), separated by |. "
                f"Example: `{self.cmd} add How many staff does MiniMax have? | 385 | prospectus`")
        draft = make_draft([parts[0]], parts[1], source=parts[2] if len(parts) == 3 else None)
        return self.save_or_warn(draft, user, user_name)

    def _by_id(self, sub: str, fact_id: str, user: str, user_name: str, channel: str | None) -> Message | OpenForm:
        qa, team, admins = self.deps.qa, self.team, self.deps.fact_admins
        curated = qa.fact(fact_id)
        if sub == "show":
            fact = curated or team.get(fact_id).to_fact()
            return Message(text=fact.answer("en"), blocks=[section(f"Fact `{escape(fact.id)}`:"),
                                                           *fact_blocks(fact, qa.source_of(fact), "en")])
        if curated is not None and curated.source is not None:
            return self.refusal(f"`{fact_id}` is a curated fact from the articles; it can't be changed from Slack. "
                                "Curators edit knowledge/facts.yaml.")
        if sub == "history":
            lines = [f"*History of `{escape(fact_id)}`* (oldest first):"]
            lines += [f"• v{e.version} {e.action} by @{escape(e.changed_by_name)} "
                      f"on {e.changed_at:%Y-%m-%d %H:%M} UTC: {escape(e.draft.answer[:200])}"
                      for e in team.history(fact_id)]
            return Message(text=f"History of {fact_id}", blocks=[section("\n".join(lines))])
        if sub == "edit":
            current = team.get(fact_id)
            check_may_change(current, user, admins, "edit")
            return OpenForm(fact_modal({"mode": "edit", "fact_id": current.id, "version": current.version,
                                        "channel": channel}, initial_from_draft(current.draft, self.vocabulary),
                                       self.vocabulary))
        if sub == "remove":
            removed = team.remove(fact_id, user, admins, user_name)
            qa.refresh(force=True)
            return text_message(f"Removed fact {removed.id}. An admin can undo this with "
                                f"{self.cmd} restore {removed.id}.")
        restored = team.restore(fact_id, user, admins, user_name)
        qa.refresh(force=True)
        return saved_message(restored.to_fact(), "Restored")


def saved_message(fact: Fact, verb: str) -> Message:
    blocks = [section(f"{verb} fact `{escape(fact.id)}`:"), *fact_blocks(fact, None, "en")]
    return Message(text=f"{verb} fact {fact.id}.", blocks=blocks)


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
