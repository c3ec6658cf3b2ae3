"""initial schema

Revision ID: 0001
Revises:
Create Date: 2026-11-21 19:25:21.107657
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from practice.db.dialect import AppendOnly, append_only

revision: str = "0001"
down_revision: str | None = None
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _audit_log_rule() -> AppendOnly:
    """The SQL is the same on SQLite as when this shipped; PostgreSQL has its own."""
    return append_only(
        op.get_bind().dialect.name,
        "audit_log",
        changed="the audit log cannot be changed",
        deleted="the audit log cannot be deleted from",
    )


def upgrade() -> None:

    op.create_table(
        "drafts",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_drafts")),
    )
    op.create_table(
        "agreement_clauses",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("heading", sa.String(length=200), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "length(trim(heading)) > 0", name=op.f("ck_agreement_clauses_heading_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreement_clauses")),
        sa.UniqueConstraint("key", name=op.f("uq_agreement_clauses_key")),
    )
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("actor", sa.String(length=100), nullable=False),
        sa.Column("action", sa.String(length=40), nullable=False),
        sa.Column("entity", sa.String(length=40), nullable=False),
        sa.Column("entity_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_audit_log_at"), ["at"], unique=False)
        batch_op.create_index("ix_audit_log_entity", ["entity", "entity_id"], unique=False)

    op.create_table(
        "clients",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("first_name", sa.String(length=100), nullable=False),
        sa.Column("last_name", sa.String(length=100), nullable=False),
        sa.Column("preferred_name", sa.String(length=100), nullable=False),
        sa.Column("pronouns", sa.String(length=40), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("date_of_birth", sa.Date(), nullable=True),
        sa.Column("emergency_contact_name", sa.String(length=200), nullable=False),
        sa.Column("emergency_contact_phone", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "enquiry",
                "active",
                "paused",
                "completed",
                "archived",
                name="client_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("consent_to_contact", sa.Boolean(), nullable=False),
        sa.Column("consent_to_records", sa.Boolean(), nullable=False),
        sa.Column("consent_recorded_on", sa.Date(), nullable=True),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("search_text", sa.String(length=700), nullable=False),
        sa.Column("sort_name", sa.String(length=210), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "length(trim(first_name)) > 0", name=op.f("ck_clients_first_name_not_blank")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_clients")),
    )
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_clients_search_text"), ["search_text"], unique=False)
        batch_op.create_index("ix_clients_sort_name", ["sort_name"], unique=False)
        batch_op.create_index("ix_clients_status_sort", ["status", "sort_name"], unique=False)

    op.create_table(
        "practice_profile",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("practitioner_name", sa.String(length=200), nullable=False),
        sa.Column("business_name", sa.String(length=200), nullable=False),
        sa.Column("qualifications", sa.String(length=500), nullable=False),
        sa.Column("registration", sa.String(length=300), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("address", sa.String(length=500), nullable=False),
        sa.Column("website", sa.String(length=300), nullable=False),
        sa.Column("logo_png", sa.LargeBinary(), nullable=True),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("locale", sa.String(length=20), nullable=False),
        sa.Column(
            "page_size",
            sa.Enum(
                "A4",
                "Letter",
                name="page_size",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("default_session_minutes", sa.Integer(), nullable=False),
        sa.Column("default_prep_minutes", sa.Integer(), nullable=False),
        sa.Column("default_writeup_minutes", sa.Integer(), nullable=False),
        sa.Column("default_support_call_minutes", sa.Integer(), nullable=False),
        sa.Column("quiet_after_days", sa.Integer(), nullable=False),
        sa.Column("retention_years", sa.Integer(), nullable=False),
        sa.Column("auto_lock_minutes", sa.Integer(), nullable=False),
        sa.Column("backup_folder", sa.String(length=1000), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "auto_lock_minutes >= 0", name=op.f("ck_practice_profile_auto_lock_not_negative")
        ),
        sa.CheckConstraint(
            "default_prep_minutes >= 0", name=op.f("ck_practice_profile_prep_not_negative")
        ),
        sa.CheckConstraint(
            "default_session_minutes > 0", name=op.f("ck_practice_profile_session_minutes_positive")
        ),
        sa.CheckConstraint(
            "default_support_call_minutes > 0",
            name=op.f("ck_practice_profile_support_minutes_positive"),
        ),
        sa.CheckConstraint(
            "default_writeup_minutes >= 0", name=op.f("ck_practice_profile_writeup_not_negative")
        ),
        sa.CheckConstraint("id = 1", name=op.f("ck_practice_profile_single_row")),
        sa.CheckConstraint(
            "quiet_after_days > 0", name=op.f("ck_practice_profile_quiet_days_positive")
        ),
        sa.CheckConstraint(
            "retention_years >= 1", name=op.f("ck_practice_profile_retention_at_least_a_year")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_practice_profile")),
    )
    op.create_table(
        "programmes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("summary", sa.String(length=300), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("length_value", sa.Integer(), nullable=False),
        sa.Column(
            "length_unit",
            sa.Enum(
                "weeks",
                "months",
                name="length_unit",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("session_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "support_mode",
            sa.Enum(
                "none",
                "count",
                "as_needed",
                name="support_mode",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("support_call_count", sa.Integer(), nullable=False),
        sa.Column("support_call_minutes", sa.Integer(), nullable=False),
        sa.Column("support_minutes_estimate", sa.Integer(), nullable=False),
        sa.Column("price", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column("full_payment_discount", sa.Integer(), nullable=False),
        sa.Column("instalment_count", sa.Integer(), nullable=False),
        sa.Column(
            "instalment_interval",
            sa.Enum(
                "weekly",
                "fortnightly",
                "monthly",
                name="instalment_interval",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("minimum_term", sa.Integer(), nullable=False),
        sa.Column("prep_minutes_per_session", sa.Integer(), nullable=False),
        sa.Column("writeup_minutes_per_session", sa.Integer(), nullable=False),
        sa.Column("supervision_minutes_per_month", sa.Integer(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "full_payment_discount <= price", name=op.f("ck_programmes_discount_within_price")
        ),
        sa.CheckConstraint(
            "full_payment_discount >= 0", name=op.f("ck_programmes_discount_not_negative")
        ),
        sa.CheckConstraint(
            "instalment_count >= 1", name=op.f("ck_programmes_instalments_at_least_one")
        ),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_programmes_name_not_blank")),
        sa.CheckConstraint("length_value > 0", name=op.f("ck_programmes_length_positive")),
        sa.CheckConstraint(
            "minimum_term >= 0", name=op.f("ck_programmes_minimum_term_not_negative")
        ),
        sa.CheckConstraint(
            "prep_minutes_per_session >= 0", name=op.f("ck_programmes_prep_not_negative")
        ),
        sa.CheckConstraint("price >= 0", name=op.f("ck_programmes_price_not_negative")),
        sa.CheckConstraint(
            "session_minutes > 0", name=op.f("ck_programmes_session_minutes_positive")
        ),
        sa.CheckConstraint(
            "supervision_minutes_per_month >= 0",
            name=op.f("ck_programmes_supervision_not_negative"),
        ),
        sa.CheckConstraint(
            "support_call_count >= 0", name=op.f("ck_programmes_support_count_not_negative")
        ),
        sa.CheckConstraint(
            "support_call_minutes >= 0", name=op.f("ck_programmes_support_minutes_not_negative")
        ),
        sa.CheckConstraint(
            "support_minutes_estimate >= 0",
            name=op.f("ck_programmes_support_estimate_not_negative"),
        ),
        sa.CheckConstraint(
            "writeup_minutes_per_session >= 0", name=op.f("ck_programmes_writeup_not_negative")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programmes")),
    )
    op.create_table(
        "providers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("speciality", sa.String(length=300), nullable=False),
        sa.Column("organisation", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("website", sa.String(length=500), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_providers_name_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_providers")),
    )
    op.create_table(
        "resources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "audio",
                "video",
                "worksheet",
                "course",
                "link",
                "book",
                "other",
                name="resource_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("location", sa.String(length=1000), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(title)) > 0", name=op.f("ck_resources_title_not_blank")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resources")),
    )
    op.create_table(
        "enquiries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("email", sa.String(length=254), nullable=False),
        sa.Column("phone", sa.String(length=40), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("source", sa.String(length=200), nullable=False),
        sa.Column(
            "outcome",
            sa.Enum(
                "waiting",
                "enrolled",
                "referred",
                "resource",
                "declined",
                name="enquiry_outcome",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("outcome_note", sa.Text(), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(name)) > 0", name=op.f("ck_enquiries_name_not_blank")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_enquiries_client_id_clients"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enquiries")),
    )
    with op.batch_alter_table("enquiries", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_enquiries_client_id"), ["client_id"], unique=False)
        batch_op.create_index("ix_enquiries_outcome", ["outcome"], unique=False)
        batch_op.create_index("ix_enquiries_received_on", ["received_on"], unique=False)

    op.create_table(
        "enrolments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=True),
        sa.Column("programme_name", sa.String(length=200), nullable=False),
        sa.Column("start_date", sa.Date(), nullable=False),
        sa.Column("end_date", sa.Date(), nullable=False),
        sa.Column("agreed_price", sa.Integer(), nullable=False),
        sa.Column("discount", sa.Integer(), nullable=False),
        sa.Column("currency", sa.String(length=3), nullable=False),
        sa.Column(
            "payment_plan",
            sa.Enum(
                "full",
                "instalments",
                name="payment_plan",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("remainder_on", sa.String(length=5), nullable=False),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "active",
                "completed",
                "ended_early",
                "cancelled",
                name="enrolment_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("renewal_of_id", sa.Integer(), nullable=True),
        sa.Column("agreed_on", sa.Date(), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("end_reason", sa.Text(), nullable=False),
        sa.Column("terms_snapshot", sa.JSON(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("archived_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("agreed_price >= 0", name=op.f("ck_enrolments_price_not_negative")),
        sa.CheckConstraint("discount >= 0", name=op.f("ck_enrolments_discount_not_negative")),
        sa.CheckConstraint("end_date >= start_date", name=op.f("ck_enrolments_dates_ordered")),
        sa.CheckConstraint(
            "renewal_of_id IS NULL OR renewal_of_id <> id",
            name=op.f("ck_enrolments_not_own_renewal"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_enrolments_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_enrolments_programme_id_programmes"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["renewal_of_id"],
            ["enrolments.id"],
            name=op.f("fk_enrolments_renewal_of_id_enrolments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_enrolments")),
    )
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_enrolments_client_start", ["client_id", "start_date"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enrolments_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_enrolments_renewal_of_id"), ["renewal_of_id"], unique=False
        )
        batch_op.create_index("ix_enrolments_status_start", ["status", "start_date"], unique=False)

    op.create_table(
        "programme_inclusions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "recording",
                "video",
                "worksheet",
                "resource",
                "other",
                name="inclusion_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("description", sa.String(length=500), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=True),
        sa.CheckConstraint(
            "length(trim(description)) > 0",
            name=op.f("ck_programme_inclusions_description_not_blank"),
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_inclusions_programme_id_programmes"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_programme_inclusions_resource_id_resources"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_inclusions")),
    )
    with op.batch_alter_table("programme_inclusions", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_inclusions_programme_id"), ["programme_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_programme_inclusions_resource_id"), ["resource_id"], unique=False
        )

    op.create_table(
        "programme_periods",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("programme_id", sa.Integer(), nullable=False),
        sa.Column("first_period", sa.Integer(), nullable=False),
        sa.Column("last_period", sa.Integer(), nullable=False),
        sa.Column("sessions_per_period", sa.Integer(), nullable=False),
        sa.CheckConstraint(
            "first_period >= 1", name=op.f("ck_programme_periods_first_period_positive")
        ),
        sa.CheckConstraint(
            "last_period >= first_period", name=op.f("ck_programme_periods_period_range_ordered")
        ),
        sa.CheckConstraint(
            "sessions_per_period >= 0", name=op.f("ck_programme_periods_sessions_not_negative")
        ),
        sa.ForeignKeyConstraint(
            ["programme_id"],
            ["programmes.id"],
            name=op.f("fk_programme_periods_programme_id_programmes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_programme_periods")),
    )
    with op.batch_alter_table("programme_periods", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_programme_periods_programme_id"), ["programme_id"], unique=False
        )

    op.create_table(
        "instalments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=False),
        sa.Column("amount", sa.Integer(), nullable=False),
        sa.CheckConstraint("amount >= 0", name=op.f("ck_instalments_amount_not_negative")),
        sa.CheckConstraint("number >= 1", name=op.f("ck_instalments_number_positive")),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_instalments_enrolment_id_enrolments"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_instalments")),
        sa.UniqueConstraint("enrolment_id", "number", name="uq_instalments_enrolment_number"),
    )
    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.create_index("ix_instalments_due_date", ["due_date"], unique=False)

    op.create_table(
        "referrals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("provider_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("enquiry_id", sa.Integer(), nullable=True),
        sa.Column("referred_on", sa.Date(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "client_id IS NOT NULL OR enquiry_id IS NOT NULL",
            name=op.f("ck_referrals_referral_for_someone"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_referrals_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enquiry_id"],
            ["enquiries.id"],
            name=op.f("fk_referrals_enquiry_id_enquiries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["provider_id"],
            ["providers.id"],
            name=op.f("fk_referrals_provider_id_providers"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_referrals")),
    )
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_referrals_client_id"), ["client_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_enquiry_id"), ["enquiry_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_referrals_provider_id"), ["provider_id"], unique=False)

    op.create_table(
        "resource_shares",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("resource_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("enquiry_id", sa.Integer(), nullable=True),
        sa.Column("shared_on", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "client_id IS NOT NULL OR enquiry_id IS NOT NULL",
            name=op.f("ck_resource_shares_shared_with_someone"),
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_resource_shares_client_id_clients"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["enquiry_id"],
            ["enquiries.id"],
            name=op.f("fk_resource_shares_enquiry_id_enquiries"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["resource_id"],
            ["resources.id"],
            name=op.f("fk_resource_shares_resource_id_resources"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_resource_shares")),
    )
    with op.batch_alter_table("resource_shares", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_resource_shares_client_id"), ["client_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resource_shares_enquiry_id"), ["enquiry_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_resource_shares_resource_id"), ["resource_id"], unique=False
        )

    op.create_table(
        "sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("enrolment_id", sa.Integer(), nullable=True),
        sa.Column("starts_at", sa.DateTime(), nullable=False),
        sa.Column("duration_minutes", sa.Integer(), nullable=False),
        sa.Column(
            "kind",
            sa.Enum(
                "session",
                "support_call",
                "review",
                name="session_kind",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "mode",
            sa.Enum(
                "in_person",
                "video",
                "phone",
                name="session_mode",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column(
            "attendance",
            sa.Enum(
                "planned",
                "attended",
                "cancelled_early",
                "cancelled_late",
                "no_show",
                name="attendance",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "duration_minutes <= 1440", name=op.f("ck_sessions_duration_within_a_day")
        ),
        sa.CheckConstraint("duration_minutes > 0", name=op.f("ck_sessions_duration_positive")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_sessions_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_sessions_enrolment_id_enrolments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sessions")),
    )
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.create_index("ix_sessions_client_starts", ["client_id", "starts_at"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_sessions_enrolment_id"), ["enrolment_id"], unique=False
        )
        batch_op.create_index("ix_sessions_starts_at", ["starts_at"], unique=False)

    op.create_table(
        "work_timer",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("started_at", sa.DateTime(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "prep",
                "write_up",
                "supervision",
                "support",
                "admin",
                "resource_making",
                "training",
                "travel",
                name="timer_category",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("enrolment_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=1000), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_work_timer_single_row")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_work_timer_client_id_clients"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_work_timer_enrolment_id_enrolments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_timer")),
    )
    op.create_table(
        "action_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("description", sa.String(length=1000), nullable=False),
        sa.Column("due_date", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "open",
                "done",
                "partly",
                "dropped",
                name="action_status",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("reviewed_session_id", sa.Integer(), nullable=True),
        sa.Column("reviewed_on", sa.Date(), nullable=True),
        sa.Column("review_note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "length(trim(description)) > 0", name=op.f("ck_action_items_description_not_blank")
        ),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_action_items_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["reviewed_session_id"],
            ["sessions.id"],
            name=op.f("fk_action_items_reviewed_session_id_sessions"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_action_items_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_action_items")),
    )
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.create_index(
            "ix_action_items_client_status", ["client_id", "status"], unique=False
        )
        batch_op.create_index("ix_action_items_due_date", ["due_date"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_action_items_reviewed_session_id"), ["reviewed_session_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_action_items_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "payments",
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
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("amount > 0", name=op.f("ck_payments_amount_positive")),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_payments_enrolment_id_enrolments"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["instalment_id"],
            ["instalments.id"],
            name=op.f("fk_payments_instalment_id_instalments"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_payments")),
    )
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.create_index(
            "ix_payments_enrolment", ["enrolment_id", "received_on"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_payments_instalment_id"), ["instalment_id"], unique=False
        )
        batch_op.create_index("ix_payments_received_on", ["received_on"], unique=False)

    op.create_table(
        "session_notes",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("private_notes", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("locked_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_session_notes_session_id_sessions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_session_notes")),
        sa.UniqueConstraint("session_id", name=op.f("uq_session_notes_session_id")),
    )
    op.create_table(
        "work_log_entries",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("work_date", sa.Date(), nullable=False),
        sa.Column("minutes", sa.Integer(), nullable=False),
        sa.Column(
            "category",
            sa.Enum(
                "prep",
                "write_up",
                "supervision",
                "support",
                "admin",
                "resource_making",
                "training",
                "travel",
                name="work_category",
                native_enum=False,
                create_constraint=True,
                length=24,
            ),
            nullable=False,
        ),
        sa.Column("client_id", sa.Integer(), nullable=True),
        sa.Column("enrolment_id", sa.Integer(), nullable=True),
        sa.Column("session_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint(
            "minutes <= 1440", name=op.f("ck_work_log_entries_minutes_within_a_day")
        ),
        sa.CheckConstraint("minutes > 0", name=op.f("ck_work_log_entries_minutes_positive")),
        sa.ForeignKeyConstraint(
            ["client_id"],
            ["clients.id"],
            name=op.f("fk_work_log_entries_client_id_clients"),
            ondelete="RESTRICT",
        ),
        sa.ForeignKeyConstraint(
            ["enrolment_id"],
            ["enrolments.id"],
            name=op.f("fk_work_log_entries_enrolment_id_enrolments"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["sessions.id"],
            name=op.f("fk_work_log_entries_session_id_sessions"),
            ondelete="SET NULL",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_work_log_entries")),
    )
    with op.batch_alter_table("work_log_entries", schema=None) as batch_op:
        batch_op.create_index(
            "ix_work_log_entries_client_date", ["client_id", "work_date"], unique=False
        )
        batch_op.create_index(
            "ix_work_log_entries_date_category", ["work_date", "category"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_work_log_entries_enrolment_id"), ["enrolment_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_work_log_entries_session_id"), ["session_id"], unique=False
        )

    op.create_table(
        "note_addenda",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.CheckConstraint("length(trim(body)) > 0", name=op.f("ck_note_addenda_body_not_blank")),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["session_notes.id"],
            name=op.f("fk_note_addenda_note_id_session_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_addenda")),
    )
    with op.batch_alter_table("note_addenda", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_addenda_note_id"), ["note_id"], unique=False)

    op.create_table(
        "note_versions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("note_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("private_notes", sa.Text(), nullable=False),
        sa.Column("saved_at", sa.DateTime(), nullable=False),
        sa.Column("replaced_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["note_id"],
            ["session_notes.id"],
            name=op.f("fk_note_versions_note_id_session_notes"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_note_versions")),
    )
    with op.batch_alter_table("note_versions", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_note_versions_note_id"), ["note_id"], unique=False)

    # The audit log is append-only: the database itself refuses to change or delete it.
    for statement in _audit_log_rule().create:
        op.execute(statement)


def downgrade() -> None:
    op.drop_table("drafts")
    for statement in _audit_log_rule().drop:
        op.execute(statement)

    with op.batch_alter_table("note_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_versions_note_id"))

    op.drop_table("note_versions")
    with op.batch_alter_table("note_addenda", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_note_addenda_note_id"))

    op.drop_table("note_addenda")
    with op.batch_alter_table("work_log_entries", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_work_log_entries_session_id"))
        batch_op.drop_index(batch_op.f("ix_work_log_entries_enrolment_id"))
        batch_op.drop_index("ix_work_log_entries_date_category")
        batch_op.drop_index("ix_work_log_entries_client_date")

    op.drop_table("work_log_entries")
    op.drop_table("session_notes")
    with op.batch_alter_table("payments", schema=None) as batch_op:
        batch_op.drop_index("ix_payments_received_on")
        batch_op.drop_index(batch_op.f("ix_payments_instalment_id"))
        batch_op.drop_index("ix_payments_enrolment")

    op.drop_table("payments")
    with op.batch_alter_table("action_items", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_action_items_session_id"))
        batch_op.drop_index(batch_op.f("ix_action_items_reviewed_session_id"))
        batch_op.drop_index("ix_action_items_due_date")
        batch_op.drop_index("ix_action_items_client_status")

    op.drop_table("action_items")
    op.drop_table("work_timer")
    with op.batch_alter_table("sessions", schema=None) as batch_op:
        batch_op.drop_index("ix_sessions_starts_at")
        batch_op.drop_index(batch_op.f("ix_sessions_enrolment_id"))
        batch_op.drop_index("ix_sessions_client_starts")

    op.drop_table("sessions")
    with op.batch_alter_table("resource_shares", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_resource_shares_resource_id"))
        batch_op.drop_index(batch_op.f("ix_resource_shares_enquiry_id"))
        batch_op.drop_index(batch_op.f("ix_resource_shares_client_id"))

    op.drop_table("resource_shares")
    with op.batch_alter_table("referrals", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_referrals_provider_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_enquiry_id"))
        batch_op.drop_index(batch_op.f("ix_referrals_client_id"))

    op.drop_table("referrals")
    with op.batch_alter_table("instalments", schema=None) as batch_op:
        batch_op.drop_index("ix_instalments_due_date")

    op.drop_table("instalments")
    with op.batch_alter_table("programme_periods", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_periods_programme_id"))

    op.drop_table("programme_periods")
    with op.batch_alter_table("programme_inclusions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_programme_inclusions_resource_id"))
        batch_op.drop_index(batch_op.f("ix_programme_inclusions_programme_id"))

    op.drop_table("programme_inclusions")
    with op.batch_alter_table("enrolments", schema=None) as batch_op:
        batch_op.drop_index("ix_enrolments_status_start")
        batch_op.drop_index(batch_op.f("ix_enrolments_renewal_of_id"))
        batch_op.drop_index(batch_op.f("ix_enrolments_programme_id"))
        batch_op.drop_index("ix_enrolments_client_start")

    op.drop_table("enrolments")
    with op.batch_alter_table("enquiries", schema=None) as batch_op:
        batch_op.drop_index("ix_enquiries_received_on")
        batch_op.drop_index("ix_enquiries_outcome")
        batch_op.drop_index(batch_op.f("ix_enquiries_client_id"))

    op.drop_table("enquiries")
    op.drop_table("resources")
    op.drop_table("providers")
    op.drop_table("programmes")
    op.drop_table("practice_profile")
    with op.batch_alter_table("clients", schema=None) as batch_op:
        batch_op.drop_index("ix_clients_status_sort")
        batch_op.drop_index("ix_clients_sort_name")
        batch_op.drop_index(batch_op.f("ix_clients_search_text"))

    op.drop_table("clients")
    with op.batch_alter_table("audit_log", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_log_entity")
        batch_op.drop_index(batch_op.f("ix_audit_log_at"))

    op.drop_table("audit_log")
    op.drop_table("agreement_clauses")
