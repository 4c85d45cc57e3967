"""Conversations end to end over HTTP: thread follow-ups without a mention, DMs, de-duplication of the
two events a mention produces, silence on chatter, small talk, thanks, context expiry, restarts and
two workers sharing a thread."""

import json
import time

from tests.conftest import SlackApp
from tests.fakes.slack_api import BOT_USER_ID
from tests.handlers.rendering import rendered_text
from tests.handlers.test_conversations import dm, mention

ROOT = "1700000000.000100"


def reply_in_thread(text: str, ts: str, user: str = "U0USER1", **extra) -> dict:
    return {"type": "message", "channel_type": "channel", "user": user, "text": text, "ts": ts,
            "thread_ts": ROOT, "channel": "C0CHAN1", **extra}


def shown(payload: dict) -> str:
    return payload.get("text", "") + rendered_text(payload.get("blocks"))


def open_thread(slack_app, fake_slack, question="What was MiniMax's revenue in 2023?"):
    slack_app.event(mention(question, ts=ROOT), event_id="EvOpen")
    return fake_slack.wait_for("chat.postMessage")[0]


def quiet(fake_slack, count: int) -> None:
    time.sleep(0.4)
    assert len(fake_slack.posted("chat.postMessage")) == count


def test_follow_up_in_the_thread_without_a_mention_is_answered_with_its_reading(slack_app, fake_slack):
    first = open_thread(slack_app, fake_slack)
    assert "3.46" in shown(first)
    slack_app.event(reply_in_thread("and the net loss?", "1700000001.000200"), event_id="EvF1")
    _, follow = fake_slack.wait_for("chat.postMessage", 2)
    assert follow["thread_ts"] == ROOT
    assert "Reading this as" in shown(follow) and "MiniMax" in shown(follow) and "2.69" in shown(follow)


def test_chatter_and_messages_to_others_get_silence(slack_app, fake_slack):
    open_thread(slack_app, fake_slack)
    slack_app.event(reply_in_thread("wow that's small compared to Talkie", "1700000002.1"), event_id="EvC1")
    slack_app.event(reply_in_thread("<@U0OTHER> can you check the net loss?", "1700000002.2"), event_id="EvC2")
    slack_app.event(reply_in_thread("@Priya can you pull the 2023 net loss?", "1700000002.4"), event_id="EvC4")
    slack_app.event(reply_in_thread("@王磊 把这几个数字放进估值模型里", "1700000002.5"), event_id="EvC5")
    slack_app.event({"type": "message", "channel_type": "channel", "user": "U0USER1", "text": "what about Zhipu?",
                     "ts": "1700000002.3", "channel": "C0CHAN1"}, event_id="EvC3")  # not in a thread
    quiet(fake_slack, 1)


def test_a_mention_delivered_as_two_events_is_answered_once(slack_app, fake_slack):
    event = mention("How many employees does MiniMax have?", ts="1700000003.000300")
    slack_app.event(event, event_id="EvTwoA")
    slack_app.event({**event, "type": "message", "channel_type": "channel"}, event_id="EvTwoB")
    fake_slack.wait_for("chat.postMessage")
    quiet(fake_slack, 1)


def test_thanks_in_a_thread_gets_a_reaction_not_a_message(slack_app, fake_slack):
    open_thread(slack_app, fake_slack)
    slack_app.event(reply_in_thread("thanks!", "1700000004.1"), event_id="EvT1")
    [reaction] = fake_slack.wait_for("reactions.add")
    assert reaction["name"] == "+1" and reaction["timestamp"] == "1700000004.1"
    quiet(fake_slack, 1)


def test_small_talk_gets_small_talk_never_a_fact(slack_app, fake_slack):
    slack_app.event(dm("tell me a joke"), event_id="EvS1")
    slack_app.event(dm("What's the weather in Beijing today?", ts="1700000005.2"), event_id="EvS2")
    replies = fake_slack.wait_for("chat.postMessage", 2)  # in either order: listeners run concurrently
    for reply in replies:
        assert "Source:" not in shown(reply) and "Try, for example" in shown(reply)
    assert sorted("weather" in r["text"] for r in replies) == [False, True]


def test_dm_follow_up_inherits_and_a_bare_follow_up_asks_whose(slack_app, fake_slack):
    slack_app.event(dm("and its valuation?", ts="1700000006.1"), event_id="EvD0")
    [unclear] = fake_slack.wait_for("chat.postMessage")
    assert "Which company" in unclear["text"]
    slack_app.event(dm("What was MiniMax's revenue in 2023?", ts="1700000006.2"), event_id="EvD1")
    fake_slack.wait_for("chat.postMessage", 2)  # a person reads the answer before following up
    slack_app.event(dm("and the net loss?", ts="1700000006.3"), event_id="EvD2")
    replies = fake_slack.wait_for("chat.postMessage", 3)
    assert "2.69" in shown(replies[2]) and "Reading this as" in shown(replies[2])


def test_context_expires(slack_app, fake_slack, monkeypatch):
    import knowledge.conversation as conversation

    open_thread(slack_app, fake_slack)
    monkeypatch.setattr(conversation, "CONTEXT_FOR", conversation.CONTEXT_FOR * 0)
    slack_app.event(reply_in_thread("and the net loss?", "1700000007.1"), event_id="EvX1")
    _, reply = fake_slack.wait_for("chat.postMessage", 2)
    assert "Which company" in reply["text"]


def test_a_restart_and_a_second_worker_keep_the_thread(slack_env, fake_slack):
    first = SlackApp(slack_env)
    try:
        open_thread(first, fake_slack)
    finally:
        first.close()
    second, third = SlackApp(slack_env), SlackApp(slack_env)  # restarted, and another worker
    try:
        second.event(reply_in_thread("and the net loss?", "1700000008.1"), event_id="EvR1")
        fake_slack.wait_for("chat.postMessage", 2)
        third.event(reply_in_thread("and in 2024?", "1700000008.2"), event_id="EvR2")
        _, after_restart, other_worker = fake_slack.wait_for("chat.postMessage", 3)
        assert "2.69" in shown(after_restart)
        assert "2024" in shown(other_worker) and "Reading this as" in shown(other_worker)
    finally:
        second.close()
        third.close()


def test_a_chosen_suggestion_is_posted_in_the_thread_and_recorded(slack_app, fake_slack):
    from sqlalchemy import select

    from knowledge.store import feedback

    value = json.dumps({"f": "minimax-employee-count", "q": "minimax staff"})
    status, _ = slack_app.interaction({
        "type": "block_actions", "user": {"id": "U0USER1", "username": "alice"}, "channel": {"id": "C0CHAN1"},
        "team": {"id": "T0001"}, "container": {"type": "message", "message_ts": "1700000009.1", "thread_ts": ROOT},
        "actions": [{"action_id": "show_fact", "value": value, "type": "button"}]})
    assert status == 200
    [posted] = fake_slack.wait_for("chat.postMessage")
    assert posted["thread_ts"] == ROOT and "Chosen by @alice" in shown(posted) and "385" in shown(posted)
    with slack_app.runtime.store.engine.connect() as conn:
        row = conn.execute(select(feedback.c.fact_id, feedback.c.question, feedback.c.kind)).one()
    assert tuple(row) == ("minimax-employee-count", "minimax staff", "chosen")


def test_mentioned_into_someone_elses_thread_reads_the_thread(slack_app, fake_slack):
    fake_slack.replies = [{"ts": ROOT, "text": "Has anyone looked at Zhipu lately?"}]
    slack_app.event(mention("what's its revenue?", ts="1700000010.1", thread_ts=ROOT), event_id="EvM1")
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "Zhipu" in shown(reply) and reply["thread_ts"] == ROOT
    assert BOT_USER_ID not in shown(reply)
