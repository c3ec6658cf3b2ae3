"""one running timer and one set of drafts for each practitioner, not one for the
whole practice

Revision ID: 0013
Revises: 0012
Create Date: 2026-12-04 19:00:00

A practice file has one practitioner, so one timer and one set of drafts were enough.
On a practice server two practitioners would have shared them: one could stop the
other's timer and log its minutes as their own, and two writing the note of one
session would have kept a single draft between them. The timer's id is now its
practitioner's (a file's running timer, id 1, is its one practitioner's already);
a draft is kept by its key and the login typing it (``''`` in a file). On PostgreSQL
each login reaches only its own timer.
"""

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


@contextmanager
def _reflecting() -> Iterator[None]:
    """Rebuilding a table in SQLite reads the tables it links to; SQLAlchemy cannot read
    their indexes on expressions back (migration 0008) and says so: nothing is lost."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Skipped unsupported reflection")
        yield


def upgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    # neither table has triggers: rebuilding them in SQLite loses nothing
    with _reflecting(), op.batch_alter_table("work_timer", recreate="auto") as batch:
        batch.drop_constraint(op.f("ck_work_timer_single_row"), type_="check")
        batch.create_foreign_key(
            op.f("fk_work_timer_id_practitioners"),
            "practitioners",
            ["id"],
            ["id"],
            ondelete="CASCADE",
        )
    op.execute("UPDATE drafts SET made_by = '' WHERE made_by IS NULL")
    with _reflecting(), op.batch_alter_table("drafts", recreate="auto") as batch:
        batch.alter_column(
            "made_by",
            existing_type=sa.String(length=63),
            nullable=False,
            server_default="" if not postgresql else sa.text("session_user"),
        )
        batch.drop_constraint(op.f("pk_drafts"), type_="primary")
        batch.create_primary_key(op.f("pk_drafts"), ["key", "made_by"])
    if postgresql:
        op.execute("ALTER TABLE work_timer ENABLE ROW LEVEL SECURITY")
        op.execute(
            "CREATE POLICY own_timer ON work_timer "
            "USING (id = practice_me()) WITH CHECK (id = practice_me())"
        )


def downgrade() -> None:
    postgresql = op.get_bind().dialect.name == "postgresql"
    if postgresql:
        op.execute("DROP POLICY IF EXISTS own_timer ON work_timer")
        op.execute("ALTER TABLE work_timer DISABLE ROW LEVEL SECURITY")
    op.execute("DELETE FROM work_timer WHERE id <> 1")
    op.execute(
        "DELETE FROM drafts WHERE made_by <> (SELECT min(made_by) FROM drafts d "
        "WHERE d.key = drafts.key)"
    )
    with _reflecting(), op.batch_alter_table("drafts", recreate="auto") as batch:
        batch.drop_constraint(op.f("pk_drafts"), type_="primary")
        batch.create_primary_key(op.f("pk_drafts"), ["key"])
        batch.alter_column(
            "made_by",
            existing_type=sa.String(length=63),
            nullable=True,
            server_default=None if not postgresql else sa.text("session_user"),
        )
    op.execute("UPDATE drafts SET made_by = NULL WHERE made_by = ''")
    with _reflecting(), op.batch_alter_table("work_timer", recreate="auto") as batch:
        batch.drop_constraint(op.f("fk_work_timer_id_practitioners"), type_="foreignkey")
        batch.create_check_constraint(op.f("ck_work_timer_single_row"), sa.text("id = 1"))
