"""record versions for what the whole practice shares: a programme and the practice
profile carry a version too, so two people changing the same one do not overwrite
each other

Revision ID: 0014
Revises: 0013
Create Date: 2026-12-04 20:00:00

As migration 0010 for clients and notes: one more with every save; a save begun from an
older one is refused. On a practice server the programmes, the terms and the profile
are the team's, edited by the owner and the practitioners alike.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("programmes", "practice_profile")


def upgrade() -> None:
    for table in TABLES:
        op.add_column(
            table,
            sa.Column("version", sa.Integer(), nullable=False, server_default=sa.text("1")),
        )


def downgrade() -> None:
    sqlite = op.get_bind().dialect.name == "sqlite"
    for table in reversed(TABLES):
        if sqlite:  # SQLite 3.35+ drops it in place
            op.execute(f"ALTER TABLE {table} DROP COLUMN version")
        else:
            op.drop_column(table, "version")
