"""indexes for the questions every period asks: which enrolments ran, ended or were
agreed in some days, what each was planned and paid, which action items were reviewed

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04 12:00:00

A practice's history grows by a few hundred enrolments a year; each report period and
the Today page asked these of every enrolment row (each carrying its agreed terms).
Nothing is added to or changed in any row.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

LAST_DAY = sa.text("coalesce(ended_on, end_date)")
AGREED_DAY = sa.text("coalesce(agreed_on, start_date)")


def upgrade() -> None:
    # the span index begins with (status, start_date): it serves all the old one did
    op.drop_index("ix_enrolments_status_start", table_name="enrolments")
    op.create_index(
        "ix_enrolments_status_span",
        "enrolments",
        ["status", "start_date", LAST_DAY, "client_id"],
    )
    op.create_index("ix_enrolments_status_last_day", "enrolments", ["status", LAST_DAY])
    op.create_index("ix_enrolments_status_agreed_day", "enrolments", ["status", AGREED_DAY])
    op.create_index(
        "ix_instalments_enrolment_due", "instalments", ["enrolment_id", "due_date", "amount"]
    )
    op.create_index("ix_payments_enrolment_kind", "payments", ["enrolment_id", "kind", "amount"])
    op.create_index("ix_action_items_reviewed_on", "action_items", ["reviewed_on"])


def downgrade() -> None:
    op.drop_index("ix_action_items_reviewed_on", table_name="action_items")
    op.drop_index("ix_payments_enrolment_kind", table_name="payments")
    op.drop_index("ix_instalments_enrolment_due", table_name="instalments")
    op.drop_index("ix_enrolments_status_agreed_day", table_name="enrolments")
    op.drop_index("ix_enrolments_status_last_day", table_name="enrolments")
    op.drop_index("ix_enrolments_status_span", table_name="enrolments")
    op.create_index("ix_enrolments_status_start", "enrolments", ["status", "start_date"])
