"""Button clicks on an answer, end to end over HTTP."""

from sqlalchemy import select

from knowledge.store import feedback
from tests.handlers.test_conversations import mention


def click(slack_app, reply: dict, action_id: str, value: str | None = None) -> None:
    element = next(e for b in reply["blocks"] if b["type"] in ("actions", "section")
                   for e in (b.get("elements") or [b.get("accessory") or {}]) if e.get("action_id") == action_id)
    slack_app.interaction({
        "type": "block_actions", "user": {"id": "U0USER1"}, "team": {"id": "T0001"},
        "channel": {"id": "C0CHAN1"}, "container": {"type": "message", "thread_ts": reply.get("thread_ts")},
        "message": {"text": reply["text"], "ts": "1700000000.000200"},
        "actions": [{"action_id": action_id, "value": value or element["value"], "type": "button"}],
        "trigger_id": "trig.1", "response_url": "http://127.0.0.1:9/r",
    })


def answered(slack_app, fake_slack, question: str) -> dict:
    slack_app.event(mention(question))
    return fake_slack.wait_for("chat.postMessage")[-1]


def feedback_rows(slack_app):
    with slack_app.runtime.store.engine.connect() as conn:
        return conn.execute(select(feedback.c.fact_id, feedback.c.helpful)).all()


def test_helpful_click_is_recorded_and_acknowledged(slack_app, fake_slack):
    reply = answered(slack_app, fake_slack, "MiniMax headcount")
    click(slack_app, reply, "feedback_helpful")
    [thanks] = fake_slack.wait_for("chat.postEphemeral")
    assert thanks["user"] == "U0USER1" and "Thanks" in thanks["text"]
    assert [row.helpful for row in feedback_rows(slack_app)] == [True]


def test_not_helpful_click_offers_alternatives_privately(slack_app, fake_slack):
    reply = answered(slack_app, fake_slack, "MiniMax headcount")
    click(slack_app, reply, "feedback_not_helpful")
    [offer] = fake_slack.wait_for("chat.postEphemeral")
    assert offer["user"] == "U0USER1"
    assert any(e.get("action_id") == "show_fact" for b in offer["blocks"] for e in [b.get("accessory") or {}])
    assert [row.helpful for row in feedback_rows(slack_app)] == [False]


def test_other_answers_then_show_one(slack_app, fake_slack):
    reply = answered(slack_app, fake_slack, "MiniMax headcount")
    click(slack_app, reply, "other_answers")
    [listing] = fake_slack.wait_for("chat.postEphemeral")
    shows = [b["accessory"]["value"] for b in listing["blocks"] if b.get("accessory")]
    assert 1 <= len(shows) <= 3
    click(slack_app, listing, "show_fact")
    card = fake_slack.wait_for("chat.postMessage", 2)[-1]  # posted for everyone in the thread
    assert card["thread_ts"] == reply["thread_ts"] and "Chosen by @" in card["blocks"][0]["elements"][0]["text"]
    assert any(b["type"] == "context" and "Source:" in b["elements"][0]["text"] for b in card["blocks"])
    assert [row.helpful for row in feedback_rows(slack_app)] == [True]
