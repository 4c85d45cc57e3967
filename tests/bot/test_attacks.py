"""The attack run, kept: each finding of the security review, driven over HTTP against the
production WSGI app (``SlackFront`` -> Bolt) with the fake Slack Web API, asserting what reached
Slack (nothing, for anything unsigned or forged) and what the database holds afterwards."""

from __future__ import annotations

import json
import logging
import re
import socket
import threading
import time
import urllib.error
import urllib.request
from urllib.parse import urlencode

import pytest
from slack_bolt.request import BoltRequest
from sqlalchemy import func, select

from handlers.blocks import BUTTON_VALUE_LIMIT
from knowledge.store import feedback, team_facts
from tests.conftest import SIGNING_SECRET
from tests.handlers.rendering import rendered_text
from tests.handlers.test_conversations import dm, mention

HOSTILE = "<!channel> <!here> <!everyone> <@U0VICTIM> <#C0SECRET> <https://evil.example|click> & co"
LIVE_MARKUP = re.compile(r"<[!@#]|<https?:")


def raw_post(url: str, body: bytes, headers: dict) -> tuple[int, str]:
    request = urllib.request.Request(url, data=body, method="POST", headers=headers)
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as err:
        return err.code, err.read().decode()


def sent(fake_slack) -> list[str]:
    """Every Web API method the app called, except the token check."""
    return [m for m, _ in fake_slack.calls if m != "auth.test"]


def everything_shown(payload: dict) -> str:
    return (payload.get("text") or "") + "\n" + rendered_text(payload.get("blocks") or []) + "\n" + rendered_text(
        payload.get("view") or {})


# ---- 1. unsigned requests never make the bot post ---------------------------------------------

def test_unsigned_requests_with_a_malformed_timestamp_post_nothing(slack_app, fake_slack, caplog):
    event = {"token": "x", "team_id": "T1\nCRITICAL forged line", "type": "event_callback", "event_id": "Ev9",
             "event": {"type": "app_mention", "channel": "C0ANY", "user": "U0ANY", "ts": "1.2", "text": "hi"}}
    caplog.set_level(logging.INFO)
    for _ in range(20):
        status, _ = raw_post(slack_app.url, json.dumps(event).encode(), {
            "Content-Type": "application/json", "X-Slack-Request-Timestamp": "x", "X-Slack-Signature": "v0=00"})
        assert status == 400
    time.sleep(0.2)
    assert sent(fake_slack) == []
    assert not any("CRITICAL forged line" in r.getMessage() and "\n" in r.getMessage() for r in caplog.records)
    assert all(r.levelno <= logging.WARNING for r in caplog.records)


def test_a_request_that_fails_verification_inside_bolt_gets_no_apology(slack_app, fake_slack):
    # Defence in depth: even if something reached Bolt unverified, its error handler stays silent.
    body = json.dumps({"type": "event_callback", "event_id": "Ev1", "team_id": "T0001",
                       "event": {"type": "app_mention", "channel": "C0ANY", "ts": "1.2", "text": "x"}})
    slack_app.bolt.dispatch(BoltRequest(body=body, headers={
        "content-type": ["application/json"], "x-slack-request-timestamp": ["x"], "x-slack-signature": ["v0=1"]}))
    time.sleep(0.2)
    assert sent(fake_slack) == []


# ---- 2. the text fallback and every surface are escaped; stored text holds no live markup ------

def test_slash_command_markup_is_stored_as_a_reader_saw_it(slack_app):
    status, body = slack_app.command(f"add Who guards the office fridge? | {HOSTILE} | src {HOSTILE}")
    added = everything_shown(json.loads(body))
    assert status == 200 and not LIVE_MARKUP.search(added), added
    assert "@channel @here @everyone @U0VICTIM #C0SECRET click (https://evil.example) &amp; co" in added


def test_hostile_fact_is_inert_everywhere_it_is_shown(slack_app, fake_slack):
    from tests.handlers.test_fact_command import submit_modal

    # Typed into the form, the characters are text: stored as typed, escaped wherever shown.
    submit_modal(slack_app, {"question": "Who guards the office fridge?", "answer": HOSTILE, "quote": HOSTILE,
                             "source": HOSTILE}, {"mode": "add", "channel": "C0CHAN1"})
    [added] = fake_slack.wait_for("chat.postEphemeral")
    assert not LIVE_MARKUP.search(everything_shown(added)), everything_shown(added)
    fact_id = re.search(r"fact (t[a-z0-9]+)", added["text"]).group(1)

    slack_app.event(mention("who guards the office fridge?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "&lt;!channel&gt;" in reply["text"] and not LIVE_MARKUP.search(everything_shown(reply))
    for text in (f"show {fact_id}", "search office fridge", "list", f"history {fact_id}",
                 "ask who guards the office fridge?"):
        shown = everything_shown(json.loads(slack_app.command(text)[1]))
        assert not LIVE_MARKUP.search(shown), (text, shown)


def test_hostile_question_is_inert_in_replies(slack_app, fake_slack):
    slack_app.event(dm(f"{HOSTILE} what is MiniMax's headcount?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert not LIVE_MARKUP.search(everything_shown(reply))


def test_digest_shows_hostile_questions_inertly(slack_app):
    from handlers.digest import digest_message
    from knowledge.digest import Digest, week_ending
    from knowledge.store import utcnow

    digest = Digest(period=week_ending(utcnow()), unanswered=[(HOSTILE, 2)], questions=1)
    message = digest_message(digest).as_kwargs()
    assert not LIVE_MARKUP.search(everything_shown(message))


def test_save_as_fact_stores_what_a_reader_saw(slack_app, fake_slack):
    slack_app.interaction({
        "type": "message_action", "callback_id": "save_as_fact", "trigger_id": "trig.9",
        "user": {"id": "U0USER1", "username": "alice"}, "channel": {"id": "C0CHAN1"}, "team": {"id": "T0001"},
        "message": {"ts": "1700000000.000100", "text": "<!channel> MiniMax has 385 staff, see "
                                                       "<https://example.com/p|the prospectus> &amp; <@U0BOB|bob>"},
    })
    [opened] = fake_slack.wait_for("views.open")
    answer = next(b for b in opened["view"]["blocks"] if b["block_id"] == "answer")["element"]["initial_value"]
    assert answer == "@channel MiniMax has 385 staff, see the prospectus (https://example.com/p) & @bob"


# ---- 4. duplicates under concurrency ---------------------------------------------------------

def test_fifty_parallel_identical_adds_save_exactly_one(slack_app):
    results = []

    def add(n: int):
        results.append(slack_app.command("add What is the MiniMax guest wifi password? | ask IT",
                                         user=f"U0PAR{n:03d}")[0])

    threads = [threading.Thread(target=add, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [200] * 50
    with slack_app.runtime.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(team_facts)).scalar_one() == 1


# ---- 5. stale edits ----------------------------------------------------------------------------

def test_a_stale_edit_form_is_refused_over_http(slack_app, fake_slack):
    from tests.handlers.test_fact_command import add, saved_id, submit_modal

    fact_id = saved_id(add(slack_app))
    slack_app.command(f"edit {fact_id}")
    [opened] = fake_slack.wait_for("views.open")
    stale = json.loads(opened["view"]["private_metadata"])
    admin_values = {"question": "Who runs the MiniMax office in Singapore?", "answer": "Admin's correction."}
    assert submit_modal(slack_app, admin_values, stale, user="U0ADMIN1")[0] == 200
    status, body = submit_modal(slack_app, {"question": "Who runs the MiniMax office in Singapore?",
                                            "answer": "Owner's stale text."}, stale)
    assert status == 200 and "since you opened it" in body and "Admin's correction." in body
    assert slack_app.runtime.qa.fact(fact_id).answer_en == "Admin's correction."


# ---- 7. start-up: secrets masked ----------------------------------------------------------------

def test_malformed_database_url_is_reported_without_its_password(slack_env):
    from bot.runtime import StartupError
    from bot.startup import start

    with pytest.raises(StartupError) as err:
        start({**slack_env, "DATABASE_URL": "nosuchdb://admin:hunter2@db.example/x"}, check_token=False)
    assert "hunter2" not in str(err.value.code) and "***" in str(err.value.code)


# ---- 8. size limit and malformed bodies -----------------------------------------------------------

def test_oversized_bodies_get_413_unread(slack_app, fake_slack, caplog):
    caplog.set_level(logging.DEBUG)
    # Announce 10 MB, send a little: the answer must come without the rest being read.
    host, port = slack_app.server.server_address
    with socket.create_connection((host, port), timeout=5) as conn:
        conn.sendall(b"POST /slack/events HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: 10485760\r\n\r\n" + b"x" * 65536)
        status_line = conn.makefile("rb").readline()
    assert status_line.split()[1] == b"413"
    assert sum(len(r.getMessage()) for r in caplog.records) < 2000
    assert sent(fake_slack) == []


@pytest.mark.parametrize("body", [b"\xff\xfe not utf-8", b"[1]", b"null", b"[" * 5000 + b"]" * 5000, b"{bad json"])
def test_unsigned_malformed_bodies_get_401_without_a_traceback(slack_app, fake_slack, caplog, body):
    caplog.set_level(logging.DEBUG)
    status, _ = raw_post(slack_app.url, body, {"Content-Type": "application/json",
                                               "X-Slack-Request-Timestamp": str(int(time.time())),
                                               "X-Slack-Signature": "v0=" + "0" * 64})
    assert status in (400, 401)
    assert not any(r.exc_info for r in caplog.records) and not any(r.levelno > logging.WARNING
                                                                    for r in caplog.records)
    assert all(body[:20].decode("utf-8", "replace") not in r.getMessage() for r in caplog.records)


@pytest.mark.parametrize("body", [b"[1]", b"null", b"[" * 5000 + b"]" * 5000])
def test_signed_bodies_that_are_not_slack_payloads_get_400(slack_app, fake_slack, body):
    status, _ = slack_app.post(body.decode(), "application/json")
    assert status == 400 and sent(fake_slack) == []


def test_health_check_needs_no_signature_and_tells_nothing_secret(slack_app):
    with urllib.request.urlopen(slack_app.url.replace("/slack/events", "/healthz"), timeout=5) as response:
        report = json.loads(response.read())
    assert report == {"ok": True, "database": "ok", "facts": report["facts"]} and report["facts"] > 100


# ---- 9. signed but odd payloads ----------------------------------------------------------------------

@pytest.mark.parametrize("metadata", ["not json", "[1, 2]", json.dumps({"mode": "edit"}),
                                      json.dumps({"mode": "edit", "fact_id": "x" * 5000, "version": 1})])
def test_forged_modal_metadata_gets_a_form_error(slack_app, metadata):
    status, body = slack_app.interaction({
        "type": "view_submission", "user": {"id": "U0USER1", "username": "alice"}, "team": {"id": "T0001"},
        "view": {"id": "V1", "type": "modal", "callback_id": "fact_modal", "private_metadata": metadata,
                 "state": {"values": {}}}})
    assert status == 200 and "out of date" in body


@pytest.mark.parametrize("value", ["not json", "[]", json.dumps({"f": "x" * 1000, "q": "q"}),
                                   json.dumps({"f": "no-such-fact", "q": "q"}), ""])
def test_forged_or_stale_buttons_get_out_of_date_and_store_nothing(slack_app, fake_slack, value):
    from tests.handlers.test_fact_command import click

    for action in ("feedback_helpful", "feedback_not_helpful", "other_answers"):
        assert click(slack_app, action, value)[0] == 200
    replies = fake_slack.wait_for("chat.postEphemeral", 3)
    assert all("out of date" in r["text"] for r in replies)
    with slack_app.runtime.store.engine.connect() as conn:
        assert conn.execute(select(func.count()).select_from(feedback)).scalar_one() == 0


def test_a_long_question_still_gets_working_buttons(slack_app, fake_slack):
    from tests.handlers.test_fact_command import click

    question = 'How many "employees" does MiniMax have? \\ ' + "\u0007" * 10 + "真的吗？" * 200
    slack_app.event(dm(question[:990]))
    [reply] = fake_slack.wait_for("chat.postMessage")
    buttons = [e for b in reply["blocks"] if b["type"] == "actions" for e in b["elements"]]
    for button in buttons:
        assert len(button["value"]) <= BUTTON_VALUE_LIMIT and json.loads(button["value"])
    helpful = next(b for b in buttons if b["action_id"] == "feedback_helpful")
    click(slack_app, "feedback_helpful", helpful["value"])
    [thanks] = fake_slack.wait_for("chat.postEphemeral")
    assert "Thanks" in thanks["text"]


# ---- 10. invisible characters ----------------------------------------------------------------------

def test_zero_width_characters_do_not_break_matching(slack_app, fake_slack):
    slack_app.event(dm("How many emp\u200bloyees does Mini\u2060Max have?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "385" in reply["text"]


def test_a_question_of_invisible_characters_is_empty(slack_app, fake_slack):
    slack_app.event(dm("\u200b\u200b\u202e\ufeff"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "/fact" in everything_shown(reply)  # the help message, not an answer or "I don't know"
    assert slack_app.runtime.store.count_questions() == 0


def test_form_fields_are_cleaned_of_bidi_controls(slack_app, fake_slack):
    from tests.handlers.test_fact_command import submit_modal

    submit_modal(slack_app, {"question": "Who \u202ewaters\u202c the office plants?", "answer": "Bob\u200b."},
                 {"mode": "add", "channel": "C0CHAN1"})
    fake_slack.wait_for("chat.postEphemeral")
    with slack_app.runtime.store.engine.connect() as conn:
        row = conn.execute(select(team_facts.c.questions, team_facts.c.answer)).one()
    assert row.questions == ["Who waters the office plants?"] and row.answer == "Bob."


def test_command_form_posts_are_signed_like_slack(slack_app):
    # Sanity for this suite: a correctly signed form request passes the front.
    status, _ = slack_app.post(urlencode({"command": "/fact", "text": "help", "user_id": "U0USER1",
                                          "channel_id": "C0CHAN1", "team_id": "T0001"}),
                               "application/x-www-form-urlencoded", secret=SIGNING_SECRET)
    assert status == 200
