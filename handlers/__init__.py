"""Slack-facing code: listeners bound to a Bolt app, and the Block Kit they send.

``register(app, deps)`` is the only entry point; each module binds one Slack surface.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from slack_bolt import App

from knowledge.learning import Learning
from knowledge.qa import QuestionAnswerer
from knowledge.store import Store


@dataclass(frozen=True)
class Deps:
    """What listeners need, passed in by the composition root (``bot.app``)."""

    qa: QuestionAnswerer
    store: Store
    fact_command: str = "/fact"
    fact_admins: frozenset[str] = field(default_factory=frozenset)
    question_log: bool = True
    learning: Learning | None = None  # picks and "Not helpful" teach the bot (None: nothing is learned)


def register(app: App, deps: Deps) -> None:
    from handlers import actions, commands, digest, errors, events, home, messages

    errors.register_verified_marker(app)
    events.register(app, deps)
    messages.register(app, deps)
    actions.register(app, deps)
    commands.register(app, deps)
    digest.register(app, deps)
    home.register(app, deps)
    errors.register(app, deps)
