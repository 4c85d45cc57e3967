import io

from bot.console import run_console
from knowledge.factbase import load_factbase
from knowledge.qa import QuestionAnswerer


def test_console_answers_like_slack_until_an_empty_line():
    out = io.StringIO()
    qa = QuestionAnswerer(load_factbase())
    assert run_console(qa, io.StringIO("How many employees does MiniMax have?\nhi\n\nnever read\n"), out) == 0
    text = out.getvalue()
    assert "385" in text and "> " in text and "Source:" in text and "[👍 Helpful]" in text
    assert "/fact" in text  # the help reply to "hi"
    assert "never read" not in text


def test_console_without_a_database_still_follows_up():
    out = io.StringIO()
    qa = QuestionAnswerer(load_factbase())  # as `bot chat --no-team-facts`
    run_console(qa, io.StringIO("How many employees does MiniMax have?\nand their average age?\nand Baichuan?\n"), out)
    text = out.getvalue()
    assert "Reading this as: MiniMax — age" in text and "29" in text
    assert "Reading this as: Baichuan — age" in text and "I don't have that" in text
