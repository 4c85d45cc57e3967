import pytest

from bot.config import ConfigError, Settings, database_url


def test_defaults_need_nothing(tmp_path):
    settings = Settings.from_env({"BOT_DATA_DIR": str(tmp_path)})
    assert settings.database_url == f"sqlite:///{tmp_path / 'factbot.sqlite3'}"
    assert settings.fact_command == "/fact" and settings.digest_cron == "0 9 * * mon"


@pytest.mark.parametrize("env, name", [
    ({"PORT": "http"}, "PORT"),
    ({"LOG_LEVEL": "LOUD"}, "LOG_LEVEL"),
    ({"SLACK_BOT_TOKEN": "xapp-wrong"}, "SLACK_BOT_TOKEN"),
    ({"SLACK_APP_TOKEN": "xoxb-wrong"}, "SLACK_APP_TOKEN"),
    ({"FACT_ADMINS": "alice"}, "FACT_ADMINS"),
    ({"DIGEST_CHANNEL": "#general"}, "DIGEST_CHANNEL"),
    ({"QUESTION_LOG": "maybe"}, "QUESTION_LOG"),
    ({"DIGEST_GRACE": "soon"}, "DIGEST_GRACE"),
    ({"SLACK_API_URL": "slack.com"}, "SLACK_API_URL"),
    ({"FACT_COMMAND": "fact"}, "FACT_COMMAND"),
])
def test_malformed_variables_are_named(env, name):
    with pytest.raises(ConfigError, match=name):
        Settings.from_env(env)


def test_serve_requires_tokens():
    with pytest.raises(ConfigError, match="SLACK_BOT_TOKEN"):
        Settings.from_env({}).require_slack()
    with pytest.raises(ConfigError, match="SLACK_SIGNING_SECRET"):
        Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1"}).require_slack()
    Settings.from_env({"SLACK_BOT_TOKEN": "xoxb-1", "SLACK_APP_TOKEN": "xapp-1"}).require_slack()


def test_heroku_postgres_urls_are_accepted(tmp_path):
    assert database_url("postgres://u:p@h:5432/db", tmp_path) == "postgresql+psycopg://u:p@h:5432/db"


def test_lists_and_durations():
    settings = Settings.from_env({"FACT_ADMINS": "U1AAA, U2BBB", "DIGEST_CHANNEL": "C1AAA,C2BBB",
                                  "DIGEST_GRACE": "30m", "QUESTION_LOG": "off"})
    assert settings.fact_admins == {"U1AAA", "U2BBB"} and settings.digest_channels == ("C1AAA", "C2BBB")
    assert settings.digest_grace.total_seconds() == 1800 and settings.question_log is False
