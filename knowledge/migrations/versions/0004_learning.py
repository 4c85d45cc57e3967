"""Learning from the team: suggested and approved phrasings (from picks), answers flagged not
helpful for a question (with the votes of the different people behind each), reviews ("still
true") of facts due for one, links between team facts saved although they contradict another, and
what a team fact is about and tells, when its author set it.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def _decided_table(name: str, constraint: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("fact_id", sa.String(80), nullable=False, index=True),
        sa.Column("question", sa.Text, nullable=False),
        sa.Column("question_key", sa.String(200), nullable=False),
        sa.Column("status", sa.String(12), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True)),
        sa.Column("decided_by", sa.String(80)),
        sa.UniqueConstraint("fact_id", "question_key", name=constraint),
    )


def _votes_table(name: str, key: str) -> None:
    op.create_table(
        name,
        sa.Column(key, sa.Integer, primary_key=True),
        sa.Column("user_id", sa.String(32), primary_key=True),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
    )


def upgrade() -> None:
    with op.batch_alter_table("team_facts") as batch:
        batch.add_column(sa.Column("about", sa.JSON))
        batch.add_column(sa.Column("attribute", sa.String(40)))
    _decided_table("phrasings", "uq_phrasings_fact_question")
    _votes_table("phrasing_votes", "phrasing_id")
    _decided_table("answer_flags", "uq_answer_flags_fact_question")
    _votes_table("flag_votes", "flag_id")
    op.create_table(
        "reviews",
        sa.Column("fact_id", sa.String(80), primary_key=True),
        sa.Column("reviewed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("reviewed_by", sa.String(80), nullable=False),
    )
    op.create_table(
        "fact_links",
        sa.Column("fact_id", sa.String(80), primary_key=True),
        sa.Column("other_id", sa.String(80), primary_key=True),
        sa.Column("created_by", sa.String(80), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
    )


def downgrade() -> None:
    with op.batch_alter_table("team_facts") as batch:
        batch.drop_column("attribute")
        batch.drop_column("about")
    for table in ("fact_links", "reviews", "flag_votes", "answer_flags", "phrasing_votes", "phrasings"):
        op.drop_table(table)
