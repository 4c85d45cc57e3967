"""Slack's message markup, in and out: the one escaping path for everything the bot sends.

Out: every text that came from users or facts goes through ``escape`` (``&``, ``<``, ``>``),
so ``<!channel>`` in a fact never pings anyone; ``Message.as_kwargs`` applies it to the
plain-text fallback too.  In: ``readable`` turns Slack's raw tokens into what a reader
saw (``<!channel>`` -> ``@channel``, ``<https://x|y>`` -> ``y (https://x)``) and removes
invisible characters, so stored text holds no live markup.
"""

from __future__ import annotations

import re

from knowledge.cleaning import clean_input

# <@U123|name>, <#C123|general>, <!here>, <!subteam^S1|@team>, <!date^...|fallback>, <https://x|label>
_TOKEN = re.compile(r"<([^<>|]*)(?:\|([^<>]*))?>")


def escape(text: str) -> str:
    """Escape exactly the three characters mrkdwn treats as control characters."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def unescape(text: str) -> str:
    """Slack escapes &, < and > in message text; undo it once (escaped again on output)."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


def readable(text: str) -> str:
    """Incoming Slack text as a reader saw it: no live mentions or links, no invisible characters."""
    return clean_input(unescape(_TOKEN.sub(_token_as_seen, text)))


def _token_as_seen(found: re.Match) -> str:
    target, label = found.group(1), found.group(2)
    if target.startswith("@"):  # a user: <@U123> or <@U123|name>
        return "@" + (label or target[1:])
    if target.startswith("#"):  # a channel
        return "#" + (label or target[1:])
    if target.startswith("!"):  # <!here>, <!channel>, <!everyone>, <!subteam^S1|@team>, <!date^…|fallback>
        name = target[1:].split("^", 1)[0]
        if name == "date":
            return label or ""
        if label:
            return label if label.startswith("@") else "@" + label
        return "@" + (name if name != "subteam" else "team")
    if label and label != target:  # a link with its own text: show both, so the URL is not hidden
        return f"{label} ({target})"
    return target
