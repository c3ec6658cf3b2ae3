"""voided payments: a payment or refund recorded wrongly is moved aside, never lost

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04 02:40:00

Voiding a payment moves its row from ``payments`` to ``voided_payments`` with when and
why it was voided, and the payment recorded in its place when it was corrected. No
figure reads ``voided_payments``; the client's record and the audit keep it.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "voided_payments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("instalment_id", sa.Integer(), nullable=True),
        sa.Column(
            "kind",
            sa.Enum(
                "payment",
                "refund",
                name="payment_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "method",
            sa.Enum(
                "bank_transfer",
                "card",
                "cash",
                "cheque",
                "other",
                name="payment_method",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("reference", sa.String(length=200), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("voided_at", sa.DateTime(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("replaced_by_id", sa.Integer(), nullable=True),
        sa.CheckConstraint("amount > 0", name=op.f("ck_voided_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_voided_payments_enrolment_id_enrolments"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_voided_payments")),
    )
    op.create_index(
        "ix_voided_payments_enrolment", "voided_payments", ["enrolment_id"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_voided_payments_enrolment", table_name="voided_payments")
    op.drop_table("voided_payments")
