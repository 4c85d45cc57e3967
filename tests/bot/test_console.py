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
