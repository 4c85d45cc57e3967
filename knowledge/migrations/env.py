"""Alembic environment: migrations run on the connection ``knowledge.migrate`` hands over.

Run them with ``python -m bot db upgrade`` (or let any process do it at start-up, under a lock).
``render_as_batch`` makes column changes work on SQLite, which cannot ALTER most things.
"""

from alembic import context

from knowledge.store import metadata

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("run migrations through `python -m bot db upgrade`, which supplies the connection")
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
