"""End to end over real HTTP: signed requests in, recorded Web API calls out."""

import time

from tests.fakes.slack_api import BOT_USER_ID
from tests.handlers.rendering import rendered_text


def mention(text: str, ts: str = "1700000000.000100", **extra) -> dict:
    return {"type": "app_mention", "user": "U0USER1", "text": f"<@{BOT_USER_ID}> {text}", "ts": ts,
            "channel": "C0CHAN1", "event_ts": ts, **extra}


def dm(text: str, **extra) -> dict:
    return {"type": "message", "channel_type": "im", "user": "U0USER1", "text": text,
            "ts": "1700000001.000200", "channel": "D0DM0001", **extra}


def all_text(payload: dict) -> str:
    return rendered_text(payload.get("blocks")) + payload.get("text", "")


def test_mention_is_answered_in_thread_with_quote_and_source(slack_app, fake_slack):
    status, _ = slack_app.event(mention("How many employees does MiniMax have?"))
    assert status == 200
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply["channel"] == "C0CHAN1" and reply["thread_ts"] == "1700000000.000100"
    assert "385" in reply["text"]
    quote = [b for b in reply["blocks"] if b["type"] == "section" and b["text"]["text"].startswith("> ")]
    assert quote and "385" in quote[0]["text"]["text"]
    assert "Source:" in all_text(reply)
    assert {e["action_id"] for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]} >= {
        "feedback_helpful", "feedback_not_helpful"}


def test_mention_in_a_thread_replies_in_that_thread(slack_app, fake_slack):
    slack_app.event(mention("MiniMax 有多少员工?", ts="1700000009.000900", thread_ts="1700000000.000001"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply["thread_ts"] == "1700000000.000001"
    assert "员工" in reply["text"]


def test_direct_message_is_answered_in_the_im(slack_app, fake_slack):
    slack_app.event(dm("minimax headcount"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply["channel"] == "D0DM0001" and "thread_ts" not in reply


def test_bot_edits_and_deletes_are_ignored(slack_app, fake_slack):
    slack_app.event(dm("from a bot", bot_id="B1"), event_id="Ev1")
    slack_app.event(dm("edited", subtype="message_changed"), event_id="Ev2")
    slack_app.event(dm("gone", subtype="message_deleted"), event_id="Ev3")
    slack_app.event(dm("own", user=BOT_USER_ID), event_id="Ev4")
    slack_app.event(dm("hi"), event_id="Ev5")  # a real one, so we know the others were processed first
    fake_slack.wait_for("chat.postMessage")
    time.sleep(0.3)
    assert len(fake_slack.posted("chat.postMessage")) == 1


def test_greeting_and_empty_mention_get_help(slack_app, fake_slack):
    slack_app.event(mention(""), event_id="Ev1")
    slack_app.event(dm("hi"), event_id="Ev2")
    replies = fake_slack.wait_for("chat.postMessage", 2)
    assert all("/fact" in all_text(r) for r in replies)


def test_overlong_question_asks_for_a_shorter_one(slack_app, fake_slack):
    slack_app.event(mention("why " * 300))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "under 1,000" in reply["text"]


def test_unknown_question_says_i_dont_know_with_suggestions(slack_app, fake_slack):
    slack_app.event(mention("How many employees does Zhipu have?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "don't know" in reply["text"]
    assert "/fact add" in all_text(reply)


def test_broadcast_mentions_in_questions_are_escaped(slack_app, fake_slack):
    slack_app.event(dm("<!channel> <@U999> tell me about &lt;!here&gt; MiniMax headcount"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "<!channel>" not in all_text(reply) and "<!here>" not in all_text(reply)
    assert "link_names" not in reply and reply.get("parse") != "full"


def test_bad_or_stale_signature_gets_401_and_no_action(slack_app, fake_slack):
    assert slack_app.event(mention("MiniMax headcount"), secret="wrong-secret")[0] == 401
    assert slack_app.event(mention("MiniMax headcount"), timestamp=int(time.time()) - 3600)[0] == 401
    time.sleep(0.3)
    assert fake_slack.posted("chat.postMessage") == []


def test_retried_delivery_is_answered_once(slack_app, fake_slack):
    event = mention("MiniMax headcount")
    for retry in (None, 1, 2, 3):
        assert slack_app.event(event, event_id="EvSame", retry=retry)[0] == 200
    fake_slack.wait_for("chat.postMessage")
    time.sleep(0.3)
    assert len(fake_slack.posted("chat.postMessage")) == 1


def test_retry_while_first_delivery_is_still_slow_is_answered_once(slack_app, fake_slack, monkeypatch):
    real_match = slack_app.runtime.qa.match

    def slow_ask(question):
        time.sleep(1.0)
        return real_match(question)

    monkeypatch.setattr(slack_app.runtime.qa, "match", slow_ask)
    slack_app.event(mention("MiniMax headcount"), event_id="EvSlow")
    slack_app.event(mention("MiniMax headcount"), event_id="EvSlow", retry=1)
    fake_slack.wait_for("chat.postMessage")
    time.sleep(1.2)
    assert len(fake_slack.posted("chat.postMessage")) == 1


def test_internal_error_gets_an_apology(slack_app, fake_slack, monkeypatch):
    def broken(question):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(slack_app.runtime.qa, "match", broken)
    slack_app.event(mention("MiniMax headcount"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "Sorry, something went wrong" in reply["text"] and reply["thread_ts"] == "1700000000.000100"


def test_questions_are_logged(slack_app, fake_slack):
    slack_app.event(mention("MiniMax headcount"))
    fake_slack.wait_for("chat.postMessage")
    assert slack_app.runtime.store.count_questions() == 1



def test_question_log_off_keeps_counts_not_text(slack_env, fake_slack):
    from sqlalchemy import select

    from knowledge.store import question_log
    from tests.conftest import SlackApp

    app = SlackApp({**slack_env, "QUESTION_LOG": "off"})
    try:
        app.event(mention("MiniMax headcount"))
        fake_slack.wait_for("chat.postMessage")
        with app.runtime.store.engine.connect() as conn:
            rows = conn.execute(select(question_log.c.question, question_log.c.fact_id)).all()
        assert len(rows) == 1 and rows[0].question is None and rows[0].fact_id
    finally:
        app.close()


def test_a_disagreement_shows_both_sides_with_their_quotes(slack_app, fake_slack):
    slack_app.event(mention("How long is MiniMax's cash runway?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    text = all_text(reply)
    assert "53" in text and "Another article says" in text and "39.5" in text
    quotes = [b for b in reply["blocks"] if b["type"] == "section" and b["text"]["text"].startswith("> ")]
    assert len(quotes) == 2 and sum("Source:" in rendered_text([b]) for b in reply["blocks"]) == 2


def test_a_comparison_shows_every_side_with_its_quote(slack_app, fake_slack):
    slack_app.event(mention("Hailuo or Talkie: which has more paying users?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    text = all_text(reply)
    assert "311,100" in text and "1,390,400" in text
    assert len([b for b in reply["blocks"] if b["type"] == "section" and b["text"]["text"].startswith("> ")]) == 2
