"""What every long-running process (web, Socket Mode, clock) does before serving: check it all.

``start(env)`` validates the settings, the Slack token, the knowledge files and the database
(migrating it under a lock), in that order, so the first mistake is reported as one line and the
process stops before it listens, forks or schedules anything.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.config import ConfigError, Settings
from bot.runtime import Runtime, StartupError, build_runtime, configure_logging, load_settings


def checked_settings(env: Mapping[str, str], needs_slack: bool = True) -> Settings:
    settings = load_settings(env)
    configure_logging(settings.log_level)
    if needs_slack:
        try:
            settings.require_slack()
        except ConfigError as exc:
            raise StartupError(f"configuration error: {exc}") from None
    return settings


def start(env: Mapping[str, str], check_token: bool = True) -> Runtime:
    """Settings, knowledge, database and (unless told not to) the Slack token, all checked."""
    from bot.app import check_slack

    settings = checked_settings(env)
    if check_token:
        check_slack(settings)
    return build_runtime(settings)
