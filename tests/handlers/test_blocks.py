"""Pure Block Kit builders: escaping, limits, what each message contains."""

from handlers.blocks import (
    MAX_BLOCKS,
    SECTION_LIMIT,
    answer_message,
    escape,
    fact_message,
    help_message,
    no_answer_message,
    parse_action_value,
)
from knowledge.answers import Answer
from knowledge.factbase import Fact, Source
from knowledge.matcher import Alternative, Whose
from tests.handlers.rendering import rendered_text

SOURCE = Source(id="s", title="标题 <b>", title_en="Title & co", outlet="Outlet", date="2025-11", file="a.txt")
EVIL = Fact(id="evil", questions=("Who pings <!channel>?",), answer_en="Hi <!channel> & <@U123> <!here>",
            answer_zh="你好 <!everyone>", quote="quote with <!subteam^S1> & more", source="s", as_of="2025-11")


def answer(fact=EVIL, score=95.0, alternatives=(), lang="en", whose=None):
    return Answer(question="Who pings <!channel>?", lang=lang, score=score, fact=fact, source=SOURCE,
                  matched_question=fact.questions[0] if fact else None, alternatives=tuple(alternatives), whose=whose)


def texts(message) -> str:
    return rendered_text(message.blocks)


def test_escape_only_the_three_control_characters():
    assert escape("a & b < c > d * _ ~") == "a &amp; b &lt; c &gt; d * _ ~"


def test_nothing_from_facts_or_users_can_ping():
    message = answer_message(answer(), threshold=60)
    rendered = texts(message)
    for mention in ("<!channel>", "<@U123>", "<!here>", "<!subteam^S1>", "<b>"):
        assert mention not in rendered
    assert "&lt;!channel&gt;" in rendered and "Title &amp; co" in rendered


def test_answer_has_quote_source_and_buttons():
    blocks = answer_message(answer(alternatives=[Alternative("x", "q", 50)]), threshold=60).blocks
    assert any(b["type"] == "section" and b["text"]["text"].startswith("> ") for b in blocks)
    context = [b["elements"][0]["text"] for b in blocks if b["type"] == "context"]
    assert any("Source:" in c and "as of 2025-11" in c for c in context)
    [actions] = [b for b in blocks if b["type"] == "actions"]
    assert [e["action_id"] for e in actions["elements"]] == ["feedback_helpful", "feedback_not_helpful",
                                                             "other_answers"]
    assert parse_action_value(actions["elements"][0]["value"])[0] == "evil"


def test_moderate_confidence_says_what_it_thinks_you_asked():
    assert "I think you're asking" in texts(answer_message(answer(score=65), threshold=60))
    assert "I think you're asking" not in texts(answer_message(answer(score=95), threshold=60))


def test_chinese_asker_gets_the_chinese_answer():
    message = answer_message(answer(lang="zh"), threshold=60)
    assert message.text.startswith("你好")


def test_no_answer_offers_suggestion_buttons_and_fact_command():
    alts = [Alternative(f"fact{i}", f"question {i}", 50 - i) for i in range(5)]
    message = no_answer_message(answer(fact=None, alternatives=alts), "/fact")
    buttons = [parse_action_value(b["accessory"]["value"]) for b in message.blocks if b.get("accessory")]
    assert [fact_id for fact_id, _ in buttons] == ["fact0", "fact1", "fact2"]
    assert {question for _, question in buttons} == {answer().question}  # a pick is recorded with its question
    assert "/fact add" in texts(message) and "don't know" in message.text


def test_a_chinese_asker_is_told_in_chinese_that_the_bot_does_not_know():
    alts = [Alternative("fact0", "question 0", 50)]
    message = no_answer_message(answer(fact=None, alternatives=alts, lang="zh"), "/fact")
    assert message.text == "这个我还不知道。"
    assert "你是不是想问" in texts(message) and "/fact add 问题" in texts(message)
    traditional = Answer(question="商湯的CEO是誰?", lang="zh", score=0.0, fact=None, source=None,
                         matched_question=None, alternatives=(Alternative("f", "商汤是AI四小龙之首吗?", 50),))
    told = no_answer_message(traditional, "/fact")
    assert told.text == "這個我還不知道。" and "商湯是AI四小龍之首嗎?" in texts(told)


def test_long_text_is_truncated_within_limits():
    long_fact = Fact(id="long", questions=("q",), answer_en="x" * 10_000, answer_zh="y", quote="z" * 5000)
    message = fact_message(long_fact, None, "en")
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in message.blocks if b["type"] == "section")
    assert len(message.blocks) <= MAX_BLOCKS


def test_team_fact_shows_author_not_article():
    team = Fact(id="t2k3q", questions=("q",), answer_en="a", answer_zh="a", added_by="alice",
                added_at="2026-11-20", source_text="https://example.com/<x>")
    rendered = texts(fact_message(team, None, "en"))
    assert "Added by @alice on 2026-11-20" in rendered and "&lt;x&gt;" in rendered


def test_help_mentions_fact_command():
    assert "/fact add" in texts(help_message("/fact"))


def test_a_follow_up_reading_is_shown_in_the_askers_language():
    from handlers.replies import message_for
    from knowledge.dialogue import Turn

    lacking = Answer(question="百川呢?", lang="zh", score=0.0, fact=None, source=None, matched_question=None,
                     alternatives=())
    turn = Turn("no_answer", "zh", answer=lacking, reading="百川 — 成立")
    text = rendered_text(message_for(turn, 55, "/fact").blocks)
    assert "理解为" in text and "我的资料里没有这一项" in text and "Reading this as" not in text
    english = Answer(question="and Baichuan?", lang="en", score=0.0, fact=None, source=None, matched_question=None,
                     alternatives=())
    text = rendered_text(message_for(Turn("no_answer", "en", answer=english, reading="Baichuan — founded"), 55,
                                     "/fact").blocks)
    assert "Reading this as: *Baichuan — founded*" in text and "I don't have that" in text


def test_a_question_naming_no_subject_is_asked_whose():
    told = no_answer_message(answer(fact=None, whose=Whose("revenue", ("Hailuo <AI>", "Mini & Max"))), "/fact")
    assert told.text == "Whose revenue? I have it for Hailuo <AI> and Mini & Max: ask again with the name."
    assert "Hailuo &lt;AI&gt; and Mini &amp; Max" in texts(told)  # (escaped in the blocks)
    zh = no_answer_message(answer(fact=None, lang="zh", whose=Whose("营收", ("海螺", "MiniMax"))), "/fact")
    assert zh.text == "你问的是谁的营收？我有海螺、MiniMax的，请带上名称再问一次。"
