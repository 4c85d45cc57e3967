"""``/fact`` end to end: signed slash commands and modal submissions over HTTP."""

import json

from tests.conftest import SlackApp
from tests.handlers.test_conversations import mention

QUESTION = "Who runs the MiniMax office in Singapore?"
ANSWER = "Alice Zhang runs it, per the Q3 all-hands."


def reply_text(body: str) -> str:
    data = json.loads(body)
    return data.get("text", "") + json.dumps(data.get("blocks", []), ensure_ascii=False)


def add(slack_app, question=QUESTION, answer=ANSWER, user="U0USER1", extra="") -> str:
    status, body = slack_app.command(f"add {question} | {answer}{extra}", user=user)
    assert status == 200
    return reply_text(body)


def saved_id(text: str) -> str:
    return text.split("Saved fact `", 1)[1].split("`", 1)[0] if "Saved fact `" in text else \
        text.split("Saved fact ", 1)[1].split(".", 1)[0]


def submit_modal(slack_app, values: dict, metadata: dict, user="U0USER1"):
    state = {name: {name: {"type": "plain_text_input", "value": values.get(name)}}
             for name in ("question", "answer", "quote", "source", "phrasings", "about")}
    if values.get("attribute"):
        state["attribute"] = {"attribute": {"type": "static_select",
                                            "selected_option": {"value": values["attribute"]}}}
    return slack_app.interaction({
        "type": "view_submission", "user": {"id": user, "username": "alice"}, "team": {"id": "T0001"},
        "view": {"id": "V1", "type": "modal", "callback_id": "fact_modal", "private_metadata": json.dumps(metadata),
                 "state": {"values": state}},
    })


def test_help_lists_every_subcommand(slack_app):
    text = reply_text(slack_app.command("help")[1])
    for sub in ("add", "ask", "search", "show", "edit", "remove", "history", "list"):
        assert f"/fact {sub}" in text


def test_quick_add_then_the_question_is_answered_in_a_channel(slack_app, fake_slack):
    text = add(slack_app)
    assert "Saved fact" in text and "Alice Zhang" in text
    slack_app.event(mention("who runs minimax's singapore office?"))
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert "Alice Zhang" in reply["text"]
    assert "Added by @name-u0user1" in json.dumps(reply["blocks"])


def test_fact_survives_a_restart(slack_env, fake_slack):
    first = SlackApp(slack_env)
    try:
        add(first)
    finally:
        first.close()
    second = SlackApp(slack_env)
    try:
        second.event(mention("who runs the minimax singapore office"))
        [reply] = fake_slack.wait_for("chat.postMessage")
        assert "Alice Zhang" in reply["text"]
    finally:
        second.close()


NEAR_QUESTION = "Who runs MiniMax's Singapore office these days?"


def click(slack_app, action_id: str, value: str, user: str = "U0USER1"):
    return slack_app.interaction({"type": "block_actions", "user": {"id": user, "username": "alice"},
                                  "channel": {"id": "C0CHAN1"}, "team": {"id": "T0001"}, "container": {},
                                  "actions": [{"action_id": action_id, "value": value, "type": "button"}]})


def test_duplicate_warns_and_add_anyway_saves(slack_app, fake_slack):
    add(slack_app)
    warning = json.loads(slack_app.command(f"add {NEAR_QUESTION} | Bob runs it.")[1])
    assert "already exists" in reply_text(json.dumps(warning)) and "Nothing has been saved" in reply_text(
        json.dumps(warning))
    token = next(e["value"] for b in warning["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == "add_anyway")
    slack_app.interaction({"type": "block_actions", "user": {"id": "U0USER1", "username": "alice"},
                           "channel": {"id": "C0CHAN1"}, "team": {"id": "T0001"}, "container": {},
                           "actions": [{"action_id": "add_anyway", "value": token, "type": "button"}]})
    [saved] = fake_slack.wait_for("chat.postEphemeral")
    assert "Saved fact" in saved["text"]
    listing = reply_text(slack_app.command("list")[1])
    assert QUESTION in listing and NEAR_QUESTION.replace("'", "\\u0027") in listing or NEAR_QUESTION in listing


def test_add_anyway_never_saves_the_very_same_question_twice(slack_app, fake_slack):
    add(slack_app)
    warning = json.loads(slack_app.command(f"add {QUESTION.upper()} | Bob runs it.")[1])
    token = next(e["value"] for b in warning["blocks"] if b["type"] == "actions" for e in b["elements"]
                 if e["action_id"] == "add_anyway")
    click(slack_app, "add_anyway", token)
    [refused] = fake_slack.wait_for("chat.postEphemeral")
    assert "already has this exact question" in refused["text"]
    assert reply_text(slack_app.command("list")[1]).count("Singapore") == 1


def test_bad_quick_add_gets_usage_and_stores_nothing(slack_app):
    for text in ("add just a question", "add | only answer", "add a | b | c | d"):
        assert "QUESTION | ANSWER" in reply_text(slack_app.command(text)[1])
    assert "No team facts yet" in reply_text(slack_app.command("list")[1])


def test_over_long_answer_is_refused(slack_app):
    text = add(slack_app, answer="x" * 2500)
    assert "2500 characters" in text and "under 2000" in text


def test_ask_search_show_and_unknown_id(slack_app):
    assert "385" in reply_text(slack_app.command("ask How many employees does MiniMax have?")[1])
    assert "385" in reply_text(slack_app.command("How many employees does MiniMax have?")[1])
    found = reply_text(slack_app.command("search MiniMax employees")[1])
    assert "(curated)" in found
    fact_id = found.split("`", 2)[1]
    assert "Source:" in reply_text(slack_app.command(f"show {fact_id}")[1])
    assert "No team fact with id 'nope9'" in reply_text(slack_app.command("show nope9")[1])
    assert "needs a fact id" in reply_text(slack_app.command("remove")[1])


def test_curated_facts_cannot_be_edited_or_removed(slack_app):
    fact_id = reply_text(slack_app.command("search MiniMax employees")[1]).split("`", 2)[1]
    assert "curated fact" in reply_text(slack_app.command(f"remove {fact_id}")[1])
    assert "curated fact" in reply_text(slack_app.command(f"edit {fact_id}")[1])


def test_only_author_or_admin_may_edit_or_remove(slack_app, fake_slack):
    fact_id = saved_id(add(slack_app))
    refusal = reply_text(slack_app.command(f"remove {fact_id}", user="U0OTHER1")[1])
    assert "Only the author" in refusal
    assert "Only the author" in reply_text(slack_app.command(f"edit {fact_id}", user="U0OTHER1")[1])
    assert "Removed fact" in reply_text(slack_app.command(f"remove {fact_id}", user="U0ADMIN1")[1])
    slack_app.event(mention("who runs the minimax singapore office"))
    assert "Alice" not in fake_slack.wait_for("chat.postMessage")[0]["text"]
    assert "Restored" in reply_text(slack_app.command(f"restore {fact_id}", user="U0ADMIN1")[1])
    history = reply_text(slack_app.command(f"history {fact_id}")[1])
    assert "v1 added" in history and "v2 removed" in history and "v3 restored" in history


def test_modal_add_edit_and_validation(slack_app, fake_slack):
    slack_app.command("")
    [opened] = fake_slack.wait_for("views.open")
    assert opened["view"]["callback_id"] == "fact_modal"
    metadata = json.loads(opened["view"]["private_metadata"])
    status, body = submit_modal(slack_app, {"question": "Q?", "answer": "x"}, metadata)
    assert json.loads(body)["response_action"] == "errors" and "question" in json.loads(body)["errors"]
    submit_modal(slack_app, {"question": QUESTION, "answer": ANSWER, "phrasings": "MiniMax 新加坡办公室负责人"},
                 metadata)
    [saved] = fake_slack.wait_for("chat.postEphemeral")
    fact_id = saved["text"].split("Saved fact ", 1)[1].rstrip(".")
    slack_app.command(f"edit {fact_id}")
    edit_view = fake_slack.wait_for("views.open", 2)[-1]["view"]
    assert edit_view["blocks"][1]["element"]["initial_value"] == ANSWER
    submit_modal(slack_app, {"question": QUESTION, "answer": "Carol Li runs it now."},
                 json.loads(edit_view["private_metadata"]))
    fake_slack.wait_for("chat.postEphemeral", 2)
    assert "Carol Li" in reply_text(slack_app.command(f"show {fact_id}")[1])
    assert "v2 edited" in reply_text(slack_app.command(f"history {fact_id}")[1])


def test_save_as_fact_shortcut_prefills_the_modal(slack_app, fake_slack):
    slack_app.interaction({
        "type": "message_action", "callback_id": "save_as_fact", "trigger_id": "trig.2",
        "user": {"id": "U0USER1"}, "channel": {"id": "C0CHAN1"}, "team": {"id": "T0001"},
        "message": {"ts": "1700000000.000300", "text": "MiniMax opened a Singapore office &amp; hired 20"},
    })
    [opened] = fake_slack.wait_for("views.open")
    blocks = {b["block_id"]: b["element"].get("initial_value") for b in opened["view"]["blocks"]}
    assert blocks["answer"] == "MiniMax opened a Singapore office & hired 20"
    assert blocks["source"].startswith("https://test.slack.com/archives/C0CHAN1/")


def test_the_form_sets_what_a_fact_is_about_and_tells(slack_app, fake_slack):
    from slack_sdk.models.views import View

    slack_app.command("add")
    [opened] = fake_slack.wait_for("views.open")
    View(**opened["view"]).validate_json()
    assert {b["block_id"] for b in opened["view"]["blocks"]} >= {"about", "attribute"}
    status, body = submit_modal(slack_app, {"question": "Who waters the plants at MiniMax's office?",
                                            "answer": "Bob does.", "about": "NoSuchCo"}, {"mode": "add"})
    assert status == 200 and "NoSuchCo" in json.loads(body)["errors"]["about"]
    submit_modal(slack_app, {"question": "Who waters the plants at MiniMax's office?", "answer": "Bob does.",
                             "about": "minimax, 闫俊杰"}, {"mode": "add", "channel": "C0CHAN1"})
    [saved] = fake_slack.wait_for("chat.postEphemeral")
    fact_id = saved["text"].split("fact ", 1)[1].rstrip(".")
    assert slack_app.runtime.qa.fact(fact_id).about == ("minimax", "yan-junjie")
    slack_app.command(f"edit {fact_id}")
    edit_view = fake_slack.wait_for("views.open", 2)[-1]["view"]
    about = next(b for b in edit_view["blocks"] if b["block_id"] == "about")
    assert about["element"]["initial_value"] == "MiniMax, 闫俊杰"
