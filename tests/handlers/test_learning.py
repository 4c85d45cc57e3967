"""The learning loop over HTTP: picks become phrasings, "Not helpful" x2 stops an answer, App Home
shows it all and curators decide there (SQLite always, PostgreSQL when available)."""

import json

import pytest
from slack_sdk.models.views import View

from handlers.home_view import HomeData, home_view
from knowledge.learning import Learning, Pending
from knowledge.store import utcnow
from tests.conftest import SlackApp
from tests.handlers.rendering import rendered_text
from tests.handlers.test_conversations import mention

UNANSWERED = "how big is the crew behind minimax"  # not answered today (checked below)
FACT = "minimax-employee-count"


@pytest.fixture()
def learning_app(slack_env, db_url):
    app = SlackApp({**slack_env, "DATABASE_URL": db_url})
    yield app
    app.close()


def pick(app, user: str, fact_id: str, question: str, action: str = "show_fact", channel: str = "C0CHAN1"):
    return app.interaction({
        "type": "block_actions", "user": {"id": user, "username": user.lower()}, "channel": {"id": channel},
        "team": {"id": "T0001"}, "container": {"type": "message", "message_ts": "1700000000.000100"},
        "actions": [{"action_id": action, "value": json.dumps({"f": fact_id, "q": question}), "type": "button"}]})


def ask(app, fake_slack, question: str, n: int) -> dict:
    app.event(mention(question, ts=f"1700000100.{n:06d}"), event_id=f"EvL{n}")
    return fake_slack.wait_for("chat.postMessage", n)[-1]


def test_two_people_picking_the_same_suggestion_teach_the_bot(learning_app, fake_slack):
    before = ask(learning_app, fake_slack, UNANSWERED, 1)
    assert "don't know" in before["text"]
    pick(learning_app, "U0ALICE1", FACT, UNANSWERED)
    pick(learning_app, "U0ALICE1", FACT, UNANSWERED)  # the same person twice counts once
    fake_slack.wait_for("chat.postMessage", 3)
    assert "don't know" in ask(learning_app, fake_slack, UNANSWERED, 4)["text"]
    pick(learning_app, "U0BOB001", FACT, UNANSWERED)
    fake_slack.wait_for("chat.postMessage", 5)
    after = ask(learning_app, fake_slack, UNANSWERED, 6)  # a third person now gets the answer directly
    assert "385" in after["text"]


def test_a_pick_naming_another_entity_or_year_is_never_learned(learning_app, fake_slack):
    for user in ("U0ALICE1", "U0BOB001", "U0CAROL1"):
        pick(learning_app, user, FACT, "how big is the crew behind zhipu in 2021")
    fake_slack.wait_for("chat.postMessage", 3)
    assert Learning(learning_app.runtime.store).queue() == []


def test_not_helpful_twice_stops_the_fact_answering_that_question(learning_app, fake_slack):
    question = "How many employees does MiniMax have?"
    assert "385" in ask(learning_app, fake_slack, question, 1)["text"]
    for user in ("U0ALICE1", "U0BOB001"):
        pick(learning_app, user, FACT, question, action="feedback_not_helpful")
    fake_slack.wait_for("chat.postEphemeral", 2)
    assert "385" not in ask(learning_app, fake_slack, question, 2)["text"]
    assert "385" in ask(learning_app, fake_slack, "MiniMax 有多少员工?", 3)["text"]  # other questions still get it


def test_a_curator_approves_a_phrasing_from_app_home(slack_env, db_url, fake_slack):
    app = SlackApp({**slack_env, "DATABASE_URL": db_url, "LEARN_AUTO_APPROVE": "0"})
    try:
        pick(app, "U0ALICE1", FACT, UNANSWERED)
        fake_slack.wait_for("chat.postMessage")
        app.event({"type": "app_home_opened", "user": "U0ADMIN1", "tab": "home"}, event_id="EvHome1")
        [home] = fake_slack.wait_for("views.publish")
        View(**home["view"]).validate_json()
        review = next(e for b in home["view"]["blocks"] if b["type"] == "actions" for e in b["elements"]
                      if e["action_id"] == "home_review" and '"approve"' in e["value"])
        assert UNANSWERED in rendered_text(home["view"]["blocks"])
        app.interaction({"type": "block_actions", "user": {"id": "U0ADMIN1", "username": "admin"},
                         "team": {"id": "T0001"}, "view": {"id": "VHOME", "type": "home"},
                         "actions": [{"action_id": "home_review", "value": review["value"], "type": "button"}]})
        fake_slack.wait_for("views.publish", 2)
        assert "385" in ask(app, fake_slack, UNANSWERED, 2)["text"]
        # Someone who is neither an admin nor the fact's author cannot undo it with a forged click.
        app.interaction({"type": "block_actions", "user": {"id": "U0MALLORY", "username": "mallory"},
                         "team": {"id": "T0001"}, "view": {"id": "VHOME", "type": "home"},
                         "actions": [{"action_id": "home_review", "type": "button",
                                      "value": review["value"].replace('"approve"', '"reject"')}]})
        fake_slack.wait_for("views.publish", 3)
        assert Learning(app.runtime.store).approved_phrasings() == {FACT: (UNANSWERED,)}
    finally:
        app.close()


def test_home_renders_empty_and_pages_a_full_queue():
    empty = home_view(HomeData())
    View(**empty).validate_json()
    assert "No team facts yet" in rendered_text(empty["blocks"])
    queue = [Pending(i, "phrasing" if i % 2 else "flag", "minimax-employee-count", f"question {i} <!channel>", 2,
                     "suggested", utcnow()) for i in range(200)]
    full = home_view(HomeData(curator=True, queue=queue, page=3, unanswered=[("q", 2)] * 5))
    View(**full).validate_json()
    assert len(full["blocks"]) <= 100 and "Page 4 of 25" in rendered_text(full["blocks"])
    assert "<!channel>" not in rendered_text(full["blocks"])


def test_a_due_fact_says_not_reviewed_since_and_still_true_renews_it(learning_app, fake_slack):
    question = "What is the price of MiniMax M2?"
    due = ask(learning_app, fake_slack, question, 1)
    assert "not reviewed since" in rendered_text(due["blocks"])
    learning_app.event({"type": "app_home_opened", "user": "U0ADMIN1", "tab": "home"}, event_id="EvHome2")
    [home] = fake_slack.wait_for("views.publish")
    View(**home["view"]).validate_json()
    assert "Due for review" in rendered_text(home["view"]["blocks"])
    assert any(e.get("action_id") == "home_still_true"
               for b in home["view"]["blocks"] for e in [b.get("accessory") or {}])
    learning_app.interaction({"type": "block_actions", "user": {"id": "U0ADMIN1", "username": "admin"},
                              "team": {"id": "T0001"}, "view": {"id": "VHOME", "type": "home"},
                              "actions": [{"action_id": "home_still_true", "value": "minimax-m2-price",
                                           "type": "button"}]})
    fake_slack.wait_for("views.publish", 2)
    renewed = ask(learning_app, fake_slack, question, 2)
    assert "not reviewed since" not in rendered_text(renewed["blocks"])


def test_review_dates_by_attribute():
    from datetime import date

    from knowledge.factbase import Fact
    from knowledge.review import due_date, review_note

    price = Fact(id="p", questions=("q",), answer_en="a", answer_zh="a", source="s", as_of="2025-10",
                 attribute="price")
    founded = Fact(id="f", questions=("q",), answer_en="a", answer_zh="a", source="s", as_of="2022",
                   attribute="founded")
    team = Fact(id="t", questions=("q",), answer_en="a", answer_zh="a", added_at="2026-01-01", attribute="said")
    assert due_date(price) == date(2026, 1, 29) and due_date(founded) is None and due_date(team) == date(2026, 6, 30)
    assert review_note(price, None, date(2026, 2, 1)) == "as of 2025-10; not reviewed since"
    assert review_note(price, None, date(2026, 1, 1)) is None


def test_a_contradicting_add_warns_and_if_saved_anyway_both_show(learning_app, fake_slack):
    from tests.handlers.test_fact_command import click

    status, body = learning_app.command("add How many employees does MiniMax have now? | 400 employees, per HR")
    warning = json.loads(body)
    assert status == 200 and "may contradict" in warning["text"].lower() and "385" in rendered_text(warning["blocks"])
    token = next(e["value"] for b in warning["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == "add_anyway")
    click(learning_app, "add_anyway", token)
    [saved] = fake_slack.wait_for("chat.postEphemeral")
    assert "Saved fact" in saved["text"]
    reply = ask(learning_app, fake_slack, "How many employees does MiniMax have?", 1)
    shown = reply["text"] + rendered_text(reply["blocks"])
    # both claims side by side, whichever the matcher ranks first (the article's or the team's)
    assert "385" in shown and "400 employees" in shown
    assert "Another fact says" in shown or "Another article says" in shown
    learning_app.event({"type": "app_home_opened", "user": "U0ADMIN1", "tab": "home"}, event_id="EvHome3")
    [home] = fake_slack.wait_for("views.publish")
    assert "*Contradictions kept side by side* (1)" in rendered_text(home["view"]["blocks"])
