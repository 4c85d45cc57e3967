"""Conversations: the threads and DMs the bot takes part in, and what their follow-ups inherit;
feedback remembers the question it was for and whether a suggestion was chosen.

Revision ID: 0003
Revises: 0002
"""

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "conversations",
        sa.Column("key", sa.String(80), primary_key=True),
        sa.Column("joined_at", sa.DateTime(timezone=True)),
        sa.Column("subjects", sa.JSON, nullable=False),
        sa.Column("attribute", sa.String(40)),
        sa.Column("years", sa.JSON, nullable=False),
        sa.Column("versions", sa.JSON, nullable=False),
        sa.Column("fact_id", sa.String(80)),
        sa.Column("question", sa.Text),
        sa.Column("answered_at", sa.DateTime(timezone=True), index=True),
        sa.Column("mentioned", sa.JSON, nullable=False),
        sa.Column("focus", sa.JSON, nullable=False),
    )
    with op.batch_alter_table("feedback") as batch:
        batch.add_column(sa.Column("question", sa.Text))
        batch.add_column(sa.Column("kind", sa.String(16)))


def downgrade() -> None:
    with op.batch_alter_table("feedback") as batch:
        batch.drop_column("kind")
        batch.drop_column("question")
    op.drop_table("conversations")
