"""Team-fact integrity: a unique normalised question among active facts, both answer languages,
who last changed a fact (for "changed by @x since you opened it"), and the import batch a fact
came in with (for ``bot import --undo``).

Existing facts get their key from the same ``question_key`` the code uses; where two active facts
already share one, only the oldest keeps it (the others stay, unprotected, for a human to merge).

Revision ID: 0002
Revises: 0001
"""

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from knowledge.teamfacts import question_key

    with op.batch_alter_table("team_facts") as batch:
        batch.add_column(sa.Column("question_key", sa.String(200)))
        batch.add_column(sa.Column("answer_zh", sa.Text))
        batch.add_column(sa.Column("updated_by_name", sa.String(80)))
        batch.add_column(sa.Column("import_batch", sa.String(32)))
        batch.create_index("ix_team_facts_import_batch", ["import_batch"])
    facts = sa.table("team_facts", sa.column("id", sa.String), sa.column("questions", sa.JSON),
                     sa.column("added_at", sa.DateTime), sa.column("deleted_at", sa.DateTime),
                     sa.column("question_key", sa.String))
    conn = op.get_bind()
    taken: set[str] = set()
    rows = conn.execute(sa.select(facts.c.id, facts.c.questions, facts.c.deleted_at).order_by(facts.c.added_at))
    for fact_id, questions, deleted_at in rows.all():
        key = question_key(questions[0]) if questions else None
        if key and deleted_at is None:
            if key in taken:
                key = None
            taken.add(key)
        conn.execute(sa.update(facts).where(facts.c.id == fact_id).values(question_key=key))
    op.create_index("uq_team_facts_active_question", "team_facts", ["question_key"], unique=True,
                    sqlite_where=sa.text("deleted_at IS NULL"), postgresql_where=sa.text("deleted_at IS NULL"))


def downgrade() -> None:
    op.drop_index("uq_team_facts_active_question", table_name="team_facts")
    with op.batch_alter_table("team_facts") as batch:
        batch.drop_index("ix_team_facts_import_batch")
        batch.drop_column("import_batch")
        batch.drop_column("updated_by_name")
        batch.drop_column("answer_zh")
        batch.drop_column("question_key")
