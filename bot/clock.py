"""The weekly digest's clock: one APScheduler job, sent exactly once per channel and week.

Run exactly one clock (``python -m bot clock``, the Procfile's ``clock:`` line), or set
``DIGEST_IN_PROCESS=1`` for a single-process Socket Mode deployment.  Even so, each
(channel, week) is claimed in the database before posting, so a second clock, a
restart or a retried job never sends a digest twice.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from apscheduler.schedulers.base import BaseScheduler
from apscheduler.triggers.cron import CronTrigger
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.config import ConfigError, Settings
from bot.runtime import Runtime
from handlers.digest import digest_message, post_digest
from knowledge.digest import (
    Digest,
    claim_digest,
    compose_digest,
    is_claimed,
    mark_posted,
    release_digest,
    week_ending,
)

logger = logging.getLogger(__name__)
JOB_ID = "weekly-digest"


def digest_trigger(settings: Settings) -> CronTrigger:
    """The cron trigger from ``DIGEST_CRON`` in ``DIGEST_TIMEZONE``; ConfigError names a bad variable."""
    try:
        timezone = ZoneInfo(settings.digest_timezone)
    except (ZoneInfoNotFoundError, ValueError):
        raise ConfigError(f"DIGEST_TIMEZONE: {settings.digest_timezone!r} is not an IANA time zone "
                          "(e.g. UTC, Europe/Berlin, Asia/Shanghai)") from None
    try:
        return CronTrigger.from_crontab(settings.digest_cron, timezone=timezone)
    except ValueError as exc:
        raise ConfigError(f"DIGEST_CRON: {settings.digest_cron!r} is not a five-field crontab expression "
                          f"like '0 9 * * mon' ({exc})") from None


def require_channels(settings: Settings) -> None:
    if not settings.digest_channels:
        raise ConfigError("DIGEST_CHANNEL is required: one or more channel ids (C0123ABCD), comma-separated")


def check_digest_settings(settings: Settings, posting: bool = True) -> None:
    """Stop start-up on a bad DIGEST_CRON or DIGEST_TIMEZONE, and, when posting, a missing channel or token."""
    from bot.runtime import StartupError

    try:
        digest_trigger(settings)
        if posting:
            require_channels(settings)
            if not settings.slack_bot_token:
                raise ConfigError("SLACK_BOT_TOKEN is required to post the digest")
    except ConfigError as exc:
        raise StartupError(f"configuration error: {exc}") from None


def last_fire_time(trigger: CronTrigger, now: datetime) -> datetime | None:
    """The latest time the schedule was due at or before ``now`` (within the last 8 days)."""
    previous, candidate = None, trigger.get_next_fire_time(None, now - timedelta(days=8))
    while candidate is not None and candidate <= now:
        previous, candidate = candidate, trigger.get_next_fire_time(candidate, candidate + timedelta(seconds=1))
    return previous


@dataclass
class DigestJob:
    settings: Settings
    runtime: Runtime
    client: WebClient

    def compose(self, due: datetime, remember_spotlight: bool) -> Digest:
        qa = self.runtime.qa
        facts = qa.matcher.facts()
        digest = compose_digest(self.runtime.store, {f.id: f for f in facts}, list(qa.factbase.facts),
                                week_ending(due), remember_spotlight)
        digest.due = [(fact, note) for fact in facts for note in [qa.review_note(fact)] if note]
        return digest

    def send(self, due: datetime, force: bool = False) -> dict[str, str]:
        """Post the digest for the week ending at ``due`` to every channel not yet served.

        Returns channel -> "posted" / "already sent" / "failed: <error>".
        """
        week = week_ending(due).week
        store = self.runtime.store
        claimed = [c for c in self.settings.digest_channels if force or claim_digest(store, c, week)]
        result = {c: "already sent" for c in self.settings.digest_channels if c not in claimed}
        if not claimed:
            logger.info("digest for %s already sent to every channel", week)
            return result
        message = digest_message(self.compose(due, remember_spotlight=True), self.settings.fact_command,
                                 self.settings.digest_mention_owners)
        for channel in claimed:
            try:
                ts = post_digest(self.client, channel, message)
            except SlackApiError as exc:
                if not force:
                    release_digest(store, channel, week)
                result[channel] = f"failed: {exc.response.get('error')}"
                continue
            if not force:
                mark_posted(store, channel, week, ts)
            result[channel] = "posted"
            logger.info("digest for %s posted to %s", week, channel)
        return result

    def run_scheduled(self) -> None:
        """The APScheduler job: send for the schedule slot that is due now."""
        now = datetime.now(ZoneInfo(self.settings.digest_timezone))
        due = last_fire_time(digest_trigger(self.settings), now + timedelta(seconds=1))
        self.send(due or now)

    def catch_up(self, now: datetime) -> dict[str, str] | None:
        """At start-up: send a digest missed while the clock was down, if within ``DIGEST_GRACE``."""
        due = last_fire_time(digest_trigger(self.settings), now)
        if due is None:
            return None
        week = week_ending(due).week
        missing = [c for c in self.settings.digest_channels if not is_claimed(self.runtime.store, c, week)]
        if not missing:
            return None
        late = now - due
        if late > self.settings.digest_grace:
            logger.warning("skipping the digest due %s (%s late, beyond DIGEST_GRACE=%s) for %s",
                           due.isoformat(), late, self.settings.digest_grace, ", ".join(missing))
            return None
        logger.info("sending the digest due %s, missed while the clock was down (%s late)", due.isoformat(), late)
        return self.send(due)


def schedule(scheduler: BaseScheduler, job: DigestJob) -> None:
    scheduler.add_job(
        job.run_scheduled, digest_trigger(job.settings), id=JOB_ID, replace_existing=True,
        misfire_grace_time=int(job.settings.digest_grace.total_seconds()), coalesce=True, max_instances=1,
    )


def run_clock(settings: Settings, runtime: Runtime, client: WebClient) -> int:
    from apscheduler.schedulers.blocking import BlockingScheduler

    job = DigestJob(settings, runtime, client)
    scheduler = BlockingScheduler(timezone=ZoneInfo(settings.digest_timezone))
    schedule(scheduler, job)
    job.catch_up(datetime.now(ZoneInfo(settings.digest_timezone)))
    logger.info("clock started: digest %r in %s to %s", settings.digest_cron, settings.digest_timezone,
                ", ".join(settings.digest_channels))
    scheduler.start()
    return 0
