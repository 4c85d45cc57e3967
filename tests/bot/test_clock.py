"""The digest clock with frozen times: DST, exactly once across two clocks, catch-up and grace."""

import threading
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from bot.app import make_client
from bot.clock import DigestJob, digest_trigger, last_fire_time
from bot.config import ConfigError, Settings
from bot.runtime import build_runtime

NEW_YORK = ZoneInfo("America/New_York")


def settings_for(fake_slack, db_url, **env) -> Settings:
    return Settings.from_env({
        "SLACK_BOT_TOKEN": "xoxb-test", "SLACK_API_URL": fake_slack.url, "DATABASE_URL": db_url,
        "DIGEST_CHANNEL": "C0DIGEST1,C0DIGEST2", "DIGEST_TIMEZONE": "America/New_York", **env,
    })


def job_for(settings: Settings) -> DigestJob:
    return DigestJob(settings, build_runtime(settings), make_client(settings))


def test_fires_at_nine_local_across_the_dst_change():
    trigger = digest_trigger(Settings(digest_cron="0 9 * * mon", digest_timezone="America/New_York"))
    # US clocks go back on Sunday 2026-11-01: Monday 9:00 is 13:00 UTC before, 14:00 UTC after.
    first = trigger.get_next_fire_time(None, datetime(2026, 10, 25, tzinfo=NEW_YORK))
    second = trigger.get_next_fire_time(first, first + timedelta(seconds=1))
    assert (first.hour, first.astimezone(ZoneInfo("UTC")).hour) == (9, 13)
    assert (second.hour, second.astimezone(ZoneInfo("UTC")).hour) == (9, 14)
    utc = ZoneInfo("UTC")
    assert second.astimezone(utc) - first.astimezone(utc) == timedelta(days=7, hours=1)


def test_last_fire_time_is_the_latest_due_slot():
    trigger = digest_trigger(Settings(digest_cron="0 9 * * mon", digest_timezone="America/New_York"))
    due = last_fire_time(trigger, datetime(2026, 11, 4, 12, tzinfo=NEW_YORK))
    assert due == datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)


def test_bad_cron_and_timezone_name_the_variable():
    with pytest.raises(ConfigError, match="DIGEST_CRON"):
        digest_trigger(Settings(digest_cron="every monday"))
    with pytest.raises(ConfigError, match="DIGEST_TIMEZONE"):
        digest_trigger(Settings(digest_timezone="Mars/Olympus"))
    with pytest.raises(ConfigError, match="DIGEST_CHANNEL"):
        Settings.from_env({"DIGEST_CHANNEL": "#general"})


def test_two_clocks_on_one_database_post_once_per_channel(fake_slack, db_url):
    jobs = [job_for(settings_for(fake_slack, db_url)) for _ in range(2)]
    due = datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)
    results = []
    threads = [threading.Thread(target=lambda j=j: results.append(j.send(due))) for j in jobs]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    posts = fake_slack.posted("chat.postMessage")
    assert sorted(p["channel"] for p in posts) == ["C0DIGEST1", "C0DIGEST2"]
    assert "Weekly digest" in posts[0]["text"] and posts[0]["blocks"][0]["type"] == "header"
    assert jobs[0].send(due) == {"C0DIGEST1": "already sent", "C0DIGEST2": "already sent"}


def test_failed_post_releases_the_claim(fake_slack, db_url):
    job = job_for(settings_for(fake_slack, db_url, DIGEST_CHANNEL="C0DIGEST1"))
    due = datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)
    fake_slack.fail_next("chat.postMessage", "channel_not_found")
    assert job.send(due) == {"C0DIGEST1": "failed: channel_not_found"}
    assert job.send(due) == {"C0DIGEST1": "posted"}


def test_not_in_channel_joins_and_retries_once(fake_slack, db_url):
    job = job_for(settings_for(fake_slack, db_url, DIGEST_CHANNEL="C0DIGEST1"))
    fake_slack.fail_next("chat.postMessage", "not_in_channel")
    assert job.send(datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)) == {"C0DIGEST1": "posted"}
    assert fake_slack.posted("conversations.join") == [{"channel": "C0DIGEST1"}]


def test_catch_up_within_grace_and_skip_beyond(fake_slack, db_url):
    job = job_for(settings_for(fake_slack, db_url, DIGEST_CHANNEL="C0DIGEST1", DIGEST_GRACE="12h"))
    late = datetime(2026, 11, 2, 20, tzinfo=NEW_YORK)  # 11 h after Monday 9:00
    assert job.catch_up(late) == {"C0DIGEST1": "posted"}
    assert job.catch_up(late + timedelta(minutes=5)) is None  # already sent: nothing more
    too_late = datetime(2026, 11, 10, 0, tzinfo=NEW_YORK)  # 15 h after the next Monday's slot
    assert job.catch_up(too_late) is None
    assert len(fake_slack.posted("chat.postMessage")) == 1


def test_force_sends_again(fake_slack, db_url):
    job = job_for(settings_for(fake_slack, db_url, DIGEST_CHANNEL="C0DIGEST1"))
    due = datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)
    job.send(due)
    assert job.send(due, force=True) == {"C0DIGEST1": "posted"}
    assert len(fake_slack.posted("chat.postMessage")) == 2


def test_rate_limited_post_is_retried(fake_slack, db_url):
    job = job_for(settings_for(fake_slack, db_url, DIGEST_CHANNEL="C0DIGEST1"))
    fake_slack.fail_next("chat.postMessage", "ratelimited", status=429)
    assert job.send(datetime(2026, 11, 2, 9, tzinfo=NEW_YORK)) == {"C0DIGEST1": "posted"}
    assert len(fake_slack.posted("chat.postMessage")) == 2  # the 429, then the retry
