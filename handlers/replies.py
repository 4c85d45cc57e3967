"""What the bot says to a question, as a pure function shared by Slack and the console."""

from __future__ import annotations

from handlers.blocks import Message, answer_message, help_message, no_answer_message, text_message
from knowledge.answers import Answer
from knowledge.cleaning import clean_input

MAX_QUESTION_CHARS = 1000
_GREETINGS = frozenset(
    "hi hello hey help yo hiya howdy ? 你好 您好 帮助 幫助 hi! hello! 嗨 哈喽 在吗 在嗎".split()
)


def is_greeting(question: str) -> bool:
    return not question.strip() or question.strip().lower() in _GREETINGS


def compose_reply(qa, question: str, fact_command: str) -> tuple[Message, Answer | None]:
    """Help for greetings, a request to shorten, an answer or "I don't know" (with the Answer, if any)."""
    question = clean_input(question)
    if is_greeting(question):
        return help_message(fact_command), None
    if len(question) > MAX_QUESTION_CHARS:
        return text_message(
            f"That's {len(question):,} characters; please ask in under {MAX_QUESTION_CHARS:,} "
            "(one question at a time works best)."
        ), None
    answer = qa.ask(question)
    if answer.answered:
        return answer_message(answer, qa.threshold), answer
    return no_answer_message(answer, fact_command), answer
