"""The digest's Block Kit, and its "Add this fact" button over HTTP."""

from datetime import UTC, datetime

from handlers.blocks import MAX_BLOCKS, SECTION_LIMIT
from handlers.digest import digest_message
from knowledge.digest import Digest, week_ending
from knowledge.factbase import Fact
from tests.handlers.rendering import rendered_text

FACT = Fact(id="f1", questions=("How many <!here> staff?",), answer_en="385 & counting", answer_zh="385",
            quote="员工共有385名", source="s")
PERIOD = week_ending(datetime(2026, 11, 23, 9, tzinfo=UTC))


def test_empty_week_has_header_spotlight_and_stats_only():
    message = digest_message(Digest(period=PERIOD, spotlight=[FACT]))
    kinds = [b["type"] for b in message.blocks]
    assert kinds[0] == "header" and "Nov 16 – Nov 23, 2026" in message.text
    text = rendered_text(message.blocks)
    assert "Spotlight" in text and "0 questions asked" in text
    for absent in ("New this week", "Most asked", "couldn't answer", "not helpful*"):
        assert absent not in text


def test_full_week_is_escaped_and_within_limits():
    unanswered = [(f"question <!channel> {i} " + "x" * 4000, 2) for i in range(5)]
    message = digest_message(Digest(period=PERIOD, most_asked=[(FACT, 3)] * 5, unanswered=unanswered,
                                    not_helpful=[(FACT, 1)], spotlight=[FACT] * 3, questions=10, answered=7,
                                    helpful=2, unhelpful=1))
    text = rendered_text(message.blocks)
    assert "<!channel>" not in text and "<!here>" not in text and "&lt;!here&gt;" in text
    assert "70% answered" in text and "asked 3×" in text
    assert len(message.blocks) <= MAX_BLOCKS
    assert all(len(b["text"]["text"]) <= SECTION_LIMIT for b in message.blocks if b["type"] == "section")
    buttons = [b["accessory"] for b in message.blocks if b.get("accessory")]
    assert len(buttons) == 5 and all(b["action_id"] == "digest_add_fact" for b in buttons)


def test_add_this_fact_opens_the_prefilled_form(slack_app, fake_slack):
    slack_app.interaction({
        "type": "block_actions", "user": {"id": "U0USER1"}, "team": {"id": "T0001"}, "trigger_id": "trig.3",
        "channel": {"id": "C0DIGEST1"}, "container": {"type": "message"},
        "actions": [{"action_id": "digest_add_fact", "value": "What is Tencent's revenue?", "type": "button"}],
    })
    [opened] = fake_slack.wait_for("views.open")
    question = next(b for b in opened["view"]["blocks"] if b["block_id"] == "question")
    assert question["element"]["initial_value"] == "What is Tencent's revenue?"


def test_due_facts_name_their_owners_and_ping_only_when_the_team_opted_in():
    from datetime import UTC, datetime

    from handlers.digest import digest_message
    from knowledge.digest import Digest, week_ending
    from knowledge.factbase import Fact

    team = Fact(id="tabc2345", questions=("Who runs the lab?",), answer_en="Bob", answer_zh="Bob", added_by="alice",
                added_by_id="U0ALICE1", added_at="2025-01-01")
    digest = Digest(period=week_ending(datetime.now(UTC)), due=[(team, "as of 2025-01-01; not reviewed since")])
    quiet = digest_message(digest).as_kwargs()
    assert "Due for review" in str(quiet["blocks"]) and "@alice" in str(quiet["blocks"]) and "<@" not in str(quiet)
    loud = digest_message(digest, mention_owners=True).as_kwargs()
    assert "<@U0ALICE1>" in str(loud["blocks"])
