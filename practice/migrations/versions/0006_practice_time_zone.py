"""practice time zone: the profile names the zone every day and period is counted in

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 02:50:00

An existing practice gets an empty name, which means this computer's zone, as before,
until one is chosen in Settings; a new practice starts with the computer's zone by name.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("practice_profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("time_zone", sa.String(length=64), nullable=False, server_default="")
        )


def downgrade() -> None:
    with op.batch_alter_table("practice_profile", schema=None) as batch_op:
        batch_op.drop_column("time_zone")
