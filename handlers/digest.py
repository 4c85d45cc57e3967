"""The weekly digest in Slack: pure Block Kit builder, the poster, and the "Add this fact" button."""

from __future__ import annotations

import logging
import re

from slack_bolt import Ack, App
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from handlers import Deps
from handlers.blocks import MAX_BLOCKS, Block, Message, button, context, section, truncate
from handlers.modals import Vocabulary, fact_modal
from handlers.mrkdwn import escape
from handlers.private import channel_of
from knowledge.digest import Digest

logger = logging.getLogger(__name__)
ACTION_DIGEST_ADD = "digest_add_fact"


DUE_LISTED = 8


def digest_message(digest: Digest, fact_command: str = "/fact", mention_owners: bool = False) -> Message:
    """Header, then only the sections that have something to say; spotlight and stats always."""
    period = digest.period
    title = f"Weekly digest: {period.start:%b %d} – {period.end:%b %d, %Y}"
    blocks: list[Block] = [{"type": "header", "text": {"type": "plain_text", "text": title[:150]}}]

    if digest.new_facts:
        lines = [f"• `{escape(t.id)}` {escape(t.draft.questions[0])} — added by @{escape(t.added_by_name)}"
                 for t in digest.new_facts[:15]]
        more = len(digest.new_facts) - 15
        blocks.append(section("*New this week*\n" + "\n".join(lines) + (f"\n…and {more} more" if more > 0 else "")))
    if digest.most_asked:
        lines = [f"• {escape(f.questions[0])} — asked {n}×" for f, n in digest.most_asked]
        blocks.append(section("*Most asked*\n" + "\n".join(lines)))
    if digest.unanswered:
        blocks.append(section("*I couldn't answer* (know it? add it):"))
        for question, n in digest.unanswered:
            blocks.append({
                "type": "section",
                "text": {"type": "mrkdwn", "text": truncate(f"• {escape(question)}" + (f" ({n}×)" if n > 1 else ""))},
                "accessory": button("Add this fact", ACTION_DIGEST_ADD, question[:300]),
            })
    if digest.not_helpful:
        lines = [f"• `{escape(f.id)}` {escape(f.questions[0])} — {n} not helpful" for f, n in digest.not_helpful[:10]]
        blocks.append(section("*Marked not helpful*\n" + "\n".join(lines)))
    if digest.spotlight:
        blocks.append(section("*Spotlight*"))
        for fact in digest.spotlight:
            quote = f"\n> {escape(fact.quote)}" if fact.quote else ""
            blocks.append(section(f"{escape(fact.answer('en'))}{quote}"))
    if digest.due:
        lines = [f"• `{escape(f.id)}` {escape(f.questions[0])} — {_owner(f, mention_owners)}"
                 for f, _ in digest.due[:DUE_LISTED]]
        more = len(digest.due) - DUE_LISTED
        blocks.append(section(f"*Due for review* ({len(digest.due)}): still true? Confirm in my Home tab\n"
                              + "\n".join(lines) + (f"\n…and {more} more" if more > 0 else "")))
    if any(digest.learned.values()):
        blocks.append(context("*Learned this week:* " + ", ".join(
            f"{n} {what}" for what, n in digest.learned.items() if n)))
    share = f"{digest.answered_share:.0%}" if digest.questions else "n/a"
    blocks.append(context(
        f"{digest.questions} questions asked · {share} answered · "
        f"{digest.helpful} helpful / {digest.unhelpful} not helpful · teach me with `{escape(fact_command)}`"
    ))
    return Message(text=title, blocks=blocks[:MAX_BLOCKS])


def _owner(fact, mention: bool) -> str:
    """Who should look: a team fact's author (a name, or a ping only when the team opted in), or curators."""
    if fact.source is not None or not fact.added_by:
        return "curators"
    if mention and re.fullmatch(r"[UW][A-Z0-9]{2,20}", fact.added_by_id or ""):
        return f"<@{fact.added_by_id}>"
    return f"@{escape(fact.added_by)}"


def post_digest(client: WebClient, channel: str, message: Message) -> str:
    """Post to ``channel``; joins a public channel once on ``not_in_channel``.  Returns the message ts.

    Raises ``SlackApiError`` after logging it with the channel; rate limits are retried by
    the client's ``RateLimitErrorRetryHandler``.
    """
    try:
        return client.chat_postMessage(channel=channel, **message.as_kwargs())["ts"]
    except SlackApiError as exc:
        error = exc.response.get("error")
        if error != "not_in_channel":
            logger.error("digest to %s failed: %s (%s)", channel, error, _hint(error))
            raise
    logger.info("not in %s: joining and retrying once", channel)
    try:
        client.conversations_join(channel=channel)
        return client.chat_postMessage(channel=channel, **message.as_kwargs())["ts"]
    except SlackApiError as exc:
        error = exc.response.get("error")
        logger.error("digest to %s failed after joining: %s (%s)", channel, error, _hint(error))
        raise


def _hint(error: str | None) -> str:
    return {
        "channel_not_found": "check DIGEST_CHANNEL: the id is wrong or the bot cannot see that channel",
        "not_in_channel": "invite the bot to the private channel: /invite @bot",
        "is_archived": "the channel is archived",
        "invalid_auth": "SLACK_BOT_TOKEN is wrong or revoked",
        "not_authed": "SLACK_BOT_TOKEN is missing",
        "ratelimited": "rate limited even after retries",
    }.get(error or "", "see Slack's chat.postMessage errors")


def register(app: App, deps: Deps) -> None:
    @app.action(ACTION_DIGEST_ADD)
    def on_digest_add(ack: Ack, body: dict, action: dict, client: WebClient) -> None:
        ack()
        question = action.get("value") if isinstance(action.get("value"), str) else ""
        client.views_open(trigger_id=body["trigger_id"], view=fact_modal(
            {"mode": "add", "channel": channel_of(body)}, {"question": question[:300]},
            Vocabulary.of(deps.qa.factbase.aliases)))
