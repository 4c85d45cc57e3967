"""Settings: every environment variable the bot reads, validated once at start-up.

``Settings.from_env(os.environ)`` is the only place that reads the environment; a
missing or malformed variable raises ``ConfigError`` naming it, and the process
stops with that message.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

DEFAULT_SLACK_API_URL = "https://slack.com/api/"
DEFAULT_DB_FILE = "factbot.sqlite3"  # the SQLite database under BOT_DATA_DIR when DATABASE_URL is not set
_DURATION = re.compile(r"^(\d+)\s*([smhd])$")
_SLACK_ID = re.compile(r"^[CGDU][A-Z0-9]{2,}$")


class ConfigError(ValueError):
    """A setting is missing or malformed; the message names the variable."""


@dataclass(frozen=True)
class Settings:
    slack_bot_token: str | None = None
    slack_signing_secret: str | None = None
    slack_app_token: str | None = None
    slack_api_url: str = DEFAULT_SLACK_API_URL
    port: int = 3000
    log_level: str = "INFO"
    data_dir: Path = Path("data")
    database_url: str = ""
    fact_command: str = "/fact"
    fact_admins: frozenset[str] = frozenset()
    question_log: bool = True
    digest_cron: str = "0 9 * * mon"
    digest_timezone: str = "UTC"
    digest_channels: tuple[str, ...] = ()
    digest_in_process: bool = False
    digest_grace: timedelta = timedelta(hours=12)
    digest_mention_owners: bool = False
    learn_auto_approve: int = 2
    learn_flag_after: int = 2

    @property
    def socket_mode(self) -> bool:
        return bool(self.slack_app_token)

    @classmethod
    def from_env(cls, env: Mapping[str, str]) -> Settings:
        def get(name: str) -> str | None:
            value = env.get(name, "").strip()
            return value or None

        data_dir = Path(get("BOT_DATA_DIR") or "data")
        level = (get("LOG_LEVEL") or "INFO").upper()
        if level not in logging.getLevelNamesMapping():
            raise ConfigError(f"LOG_LEVEL: {level!r} is not a logging level (DEBUG, INFO, WARNING, ERROR)")
        command = get("FACT_COMMAND") or "/fact"
        if not re.fullmatch(r"/[a-z0-9_-]{1,31}", command):
            raise ConfigError(f"FACT_COMMAND: {command!r} must look like /fact (lower case, no spaces)")
        api_url = get("SLACK_API_URL") or DEFAULT_SLACK_API_URL
        if not re.match(r"^https?://", api_url):
            raise ConfigError(f"SLACK_API_URL: {api_url!r} must be an http(s) URL")
        return cls(
            slack_bot_token=_token(get("SLACK_BOT_TOKEN"), "SLACK_BOT_TOKEN", "xoxb-"),
            slack_signing_secret=get("SLACK_SIGNING_SECRET"),
            slack_app_token=_token(get("SLACK_APP_TOKEN"), "SLACK_APP_TOKEN", "xapp-"),
            slack_api_url=api_url if api_url.endswith("/") else api_url + "/",
            port=_int(get("PORT") or "3000", "PORT", 1, 65535),
            log_level=level,
            data_dir=data_dir,
            database_url=database_url(get("DATABASE_URL"), data_dir),
            fact_command=command,
            fact_admins=frozenset(_ids(get("FACT_ADMINS"), "FACT_ADMINS")),
            question_log=parse_flag(get("QUESTION_LOG") or "on", "QUESTION_LOG"),
            digest_cron=get("DIGEST_CRON") or "0 9 * * mon",
            digest_timezone=get("DIGEST_TIMEZONE") or "UTC",
            digest_channels=tuple(_ids(get("DIGEST_CHANNEL"), "DIGEST_CHANNEL")),
            digest_in_process=parse_flag(get("DIGEST_IN_PROCESS") or "0", "DIGEST_IN_PROCESS"),
            digest_grace=_duration(get("DIGEST_GRACE") or "12h", "DIGEST_GRACE"),
            digest_mention_owners=parse_flag(get("DIGEST_MENTION_OWNERS") or "off", "DIGEST_MENTION_OWNERS"),
            learn_auto_approve=_int(get("LEARN_AUTO_APPROVE") or "2", "LEARN_AUTO_APPROVE", 0, 1000),
            learn_flag_after=_int(get("LEARN_FLAG_AFTER") or "2", "LEARN_FLAG_AFTER", 0, 1000),
        )

    def require_slack(self) -> None:
        """Check the variables ``serve`` needs: a bot token and a signing secret or an app token."""
        if not self.slack_bot_token:
            raise ConfigError("SLACK_BOT_TOKEN is required (the bot's xoxb- token)")
        if not self.socket_mode and not self.slack_signing_secret:
            raise ConfigError(
                "SLACK_SIGNING_SECRET is required in HTTP mode (or set SLACK_APP_TOKEN for Socket Mode)"
            )


def load_env_file(path: Path = Path(".env")) -> None:
    """Variables from ``./.env`` (the format of ``.env.example``) for those the process environment lacks."""
    if path.is_file():
        from dotenv import load_dotenv

        load_dotenv(path, override=False)


def database_url(raw: str | None, data_dir: Path) -> str:
    """``DATABASE_URL`` for SQLAlchemy; Heroku's ``postgres://`` form is accepted; default SQLite."""
    if not raw:
        return f"sqlite:///{data_dir / DEFAULT_DB_FILE}"
    if raw.startswith("postgres://"):
        raw = "postgresql://" + raw[len("postgres://"):]
    if raw.startswith("postgresql://"):
        raw = "postgresql+psycopg://" + raw[len("postgresql://"):]
    if not re.match(r"^[a-z0-9+]+://", raw):
        raise ConfigError(f"DATABASE_URL: {mask_url(raw)!r} is not a database URL (sqlite:///path or postgres://...)")
    return raw


def mask_url(url: str) -> str:
    """The URL with its password replaced by ``***``, for messages and logs."""
    return re.sub(r"^([^:/]*://[^:/@]*:).*@", r"\1***@", url)  # up to the last @: passwords may hold one


def _token(value: str | None, name: str, prefix: str) -> str | None:
    if value is not None and not value.startswith(prefix):
        raise ConfigError(f"{name}: expected a token starting with {prefix!r}")
    return value


def _int(value: str, name: str, low: int, high: int) -> int:
    if not value.isdigit() or not low <= int(value) <= high:
        raise ConfigError(f"{name}: {value!r} is not a number between {low} and {high}")
    return int(value)


def parse_flag(value: str, name: str) -> bool:
    lowered = value.lower()
    if lowered in ("1", "on", "true", "yes"):
        return True
    if lowered in ("0", "off", "false", "no"):
        return False
    raise ConfigError(f"{name}: {value!r} must be on/off (1/0, true/false)")


def _ids(value: str | None, name: str) -> list[str]:
    ids = [part.strip() for part in (value or "").split(",") if part.strip()]
    bad = [i for i in ids if not _SLACK_ID.match(i)]
    if bad:
        raise ConfigError(f"{name}: {', '.join(bad)} not Slack ids (like C0123ABCD or U0123ABCD), comma-separated")
    return ids


def _duration(value: str, name: str) -> timedelta:
    found = _DURATION.match(value.lower())
    if not found:
        raise ConfigError(f"{name}: {value!r} must be a duration like 30m, 12h or 2d")
    amount, unit = int(found.group(1)), found.group(2)
    return timedelta(**{{"s": "seconds", "m": "minutes", "h": "hours", "d": "days"}[unit]: amount})
