"""The schema of the first release (tables created by ``create_all`` before migrations existed).

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "team_facts",
        sa.Column("id", sa.String(16), primary_key=True),
        sa.Column("questions", sa.JSON, nullable=False),
        sa.Column("answer", sa.Text, nullable=False),
        sa.Column("quote", sa.Text),
        sa.Column("source", sa.Text),
        sa.Column("tags", sa.JSON, nullable=False),
        sa.Column("added_by", sa.String(32), nullable=False),
        sa.Column("added_by_name", sa.String(80), nullable=False),
        sa.Column("added_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(32), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("deleted_at", sa.DateTime(timezone=True)),
        sa.Column("deleted_by", sa.String(32)),
    )
    op.create_table(
        "fact_history",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fact_id", sa.String(16), nullable=False, index=True),
        sa.Column("version", sa.Integer, nullable=False),
        sa.Column("action", sa.String(16), nullable=False),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("changed_by", sa.String(32), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "revision",
        sa.Column("name", sa.String(32), primary_key=True),
        sa.Column("value", sa.Integer, nullable=False),
    )
    op.create_table(
        "question_log",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("asked_at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("user_id", sa.String(32)),
        sa.Column("channel_id", sa.String(32)),
        sa.Column("question", sa.Text),
        sa.Column("fact_id", sa.String(80)),
        sa.Column("score", sa.Float, nullable=False),
        sa.Column("answered", sa.Boolean, nullable=False),
    )
    op.create_table(
        "feedback",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False, index=True),
        sa.Column("user_id", sa.String(32)),
        sa.Column("fact_id", sa.String(80), nullable=False),
        sa.Column("helpful", sa.Boolean, nullable=False),
    )
    op.create_table(
        "processed_events",
        sa.Column("event_id", sa.String(64), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "digest_claims",
        sa.Column("channel", sa.String(32), primary_key=True),
        sa.Column("week", sa.String(10), primary_key=True),
        sa.Column("claimed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("posted_at", sa.DateTime(timezone=True)),
        sa.Column("message_ts", sa.String(32)),
    )
    op.create_table(
        "pending_facts",
        sa.Column("token", sa.String(32), primary_key=True),
        sa.Column("data", sa.JSON, nullable=False),
        sa.Column("user_id", sa.String(32), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )
    op.create_table(
        "spotlight",
        sa.Column("fact_id", sa.String(80), primary_key=True),
        sa.Column("shown_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    for table in ("spotlight", "pending_facts", "digest_claims", "processed_events", "feedback", "question_log",
                  "revision", "fact_history", "team_facts"):
        op.drop_table(table)
