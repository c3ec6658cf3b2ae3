"""record versions: a client's details and a session's note carry a version, so the
second of two people saving the same one is told instead of overwriting the first

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-04 16:00:00

Every save of the row adds one to ``version``; a save that started from an older
version is refused (optimistic locking). Existing rows start at 1.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("clients", "session_notes")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")),
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(TABLES):
        if sqlite:  # SQLite 3.35+ drops it in place, keeping the table's triggers
            op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        else:
            op.drop_column(table, "version")
