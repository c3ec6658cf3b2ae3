"""record versions for the rest of what two people may edit: sessions, enrolments,
enquiries, directory entries (providers and resources), action items, work-log entries
and the agreement's clauses carry a version too

Revision ID: 0016
Revises: 0015
Create Date: 2026-12-04 18:00:00

As migrations 0010 and 0014: one more with every save; a save begun from an older one is
refused with who saved it and when (practice.services.conflicts). A plain ``ADD COLUMN``
on both engines (SQLite's tables with note-search triggers are not rebuilt).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0016"
down_revision: str | None = "0015"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = (
    "sessions",
    "enrolments",
    "enquiries",
    "providers",
    "resources",
    "action_items",
    "work_log_entries",
    "agreement_clauses",
)


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
