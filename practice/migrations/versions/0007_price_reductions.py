"""price reductions: credit notes that lower what a client pays, kept apart from refunds;
a practice that named no time zone is given this computer's

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-04 06:00:00

A refund moves money back; a price reduction (a credit note) moves none and lowers the
price the client pays. A credit note made by mistake is withdrawn, never deleted.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "price_reductions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("made_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("withdrawn_at", sa.DateTime(), nullable=True),
        sa.Column("withdrawn_reason", sa.Text(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_price_reductions_amount_positive")),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_price_reductions_enrolment_id_enrolments"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_price_reductions")),
        sqlite_autoincrement=True,
    )
    op.create_index(
        "ix_price_reductions_enrolment", "price_reductions", ["enrolment_id"], unique=False
    )
    from practice.zone import computer_zone

    name = computer_zone().name
    if name:
        op.execute(
            sa.text(
                "UPDATE practice_profile SET time_zone = :name WHERE time_zone = ''"
            ).bindparams(name=name)
        )


def downgrade() -> None:
    op.drop_index("ix_price_reductions_enrolment", table_name="price_reductions")
    op.drop_table("price_reductions")
