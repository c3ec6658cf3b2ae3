"""Alembic environment: always run with a connection handed in by practice.db.migrate."""

from __future__ import annotations

from alembic import context

from practice.models import Base

config = context.config
target_metadata = Base.metadata

connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("practice migrations run through practice.db.migrate with a connection")

context.configure(
    connection=connection,
    target_metadata=target_metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
