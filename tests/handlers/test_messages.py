"""What a Slack message event becomes before the dialogue reads it (handlers.messages.incoming)."""

import pytest

from handlers.messages import incoming, question_text

BOT = "UBOT1"


@pytest.mark.parametrize("text, question", [
    ("@AI助手 MiniMax是哪天在港股上市的？", "MiniMax是哪天在港股上市的？"),  # the bot's name typed, not picked
    ("@bot, who founded MiniMax?", "who founded MiniMax?"),
    (f"<@{BOT}> @factbot who founded MiniMax?", "who founded MiniMax?"),
    ("@AI助手MiniMax是哪天上市的", "@AI助手MiniMax是哪天上市的"),  # run together: where the name ends is unknown
    ("who founded MiniMax? cc @priya", "who founded MiniMax? cc @priya"),  # (only a name before the question)
])
def test_a_name_typed_before_the_question_is_no_word_of_it(text, question):
    assert question_text(text) == question


def test_a_dm_opening_with_the_bots_typed_name_is_read_without_it():
    event = {"type": "message", "channel": "D1", "channel_type": "im", "user": "U1", "ts": "1.1",
             "text": "@AI助手 MiniMax 2024年净亏了多少"}
    assert incoming(event, BOT).text == "MiniMax 2024年净亏了多少"
