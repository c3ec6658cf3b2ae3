"""agreement terms: practice-profile fields for the terms, clause scope, new default clauses

Revision ID: 0003
Revises: 0001
Create Date: 2026-12-03

* ``practice_profile`` gains ``payment_details``, ``professional_body``,
  ``complaints_route`` and ``data_protection_number`` (merge fields of the terms).
* ``agreement_clauses`` gains ``applies_to``: every agreement, programme agreements only,
  or single-session agreements only.
* The standard terms grow from 7 clauses to 13 (cooling-off, how to pay and late
  payments, the refund rule, when the practitioner ends or is away, online sessions and
  recording, complaints, a fuller data-protection notice, changes to the agreement).
  A database keeps every clause the practitioner wrote or changed, as written; a
  standard clause never edited is replaced by its new text; the new clauses are added
  in their places. The texts are written out here, as this revision shipped them.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

#: The standard clauses as revision 0001 shipped them (an unedited clause matches these).
OLD_DEFAULTS: list[dict[str, str]] = [
    {
        "key": "cancellation",
        "heading": "Cancelling and rescheduling",
        "body": "If you need to move a session, please let me know at least 48 hours beforehand and we will find another time within the programme. Sessions cancelled with less notice, or missed, count as used unless there are exceptional circumstances such as illness or bereavement. If I need to cancel, I will offer you another time as soon as I can and the session will not count as used.",
    },
    {
        "key": "missed_sessions",
        "heading": "Missed sessions",
        "body": "If you do not arrive within 15 minutes of the start of a session and I have not heard from you, I will try to contact you once. The session then counts as used. Sessions that are not used by the end of the programme do not carry over, unless we agree otherwise in writing.",
    },
    {
        "key": "confidentiality",
        "heading": "Confidentiality and its limits",
        "body": "What you share with me stays between us. I discuss my work in confidential clinical supervision, as my professional body requires, without sharing anything that identifies you. I would only break confidentiality if I believed that you or someone else was at serious risk of harm, if the law required it (for example a court order, or information about terrorism or the abuse of a child), and wherever possible I would talk to you first.",
    },
    {
        "key": "ending_early",
        "heading": "Ending early and refunds",
        "body": "You can end the programme at any time by telling me in writing. After the minimum term, any instalments not yet due are cancelled. If you paid in full, I will refund the value of the sessions not yet used, less the pay-in-full discount. Instalments already due for sessions that have taken place are not refundable. If I can no longer offer the programme, I will refund all unused sessions in full.",
    },
    {
        "key": "payment",
        "heading": "Payment",
        "body": "Payments are due on the dates in the payment plan above. If a payment is more than 14 days late, I may pause our sessions until it is made. Please tell me early if you are having difficulty: we can usually find a way.",
    },
    {
        "key": "records",
        "heading": "How your records are kept",
        "body": "I keep brief notes of our sessions, your contact details and this agreement on an encrypted computer that only I can open. I keep records for seven years after our last contact, as my professional insurance requires, and then delete them securely. You can ask to see the records I hold about you, or ask me to correct or delete them, at any time, as data protection law allows.",
    },
    {
        "key": "non_negotiables",
        "heading": "Working together",
        "body": "Sessions are a space for you. I ask that you arrive free from the effects of alcohol or recreational drugs, and that on video calls you find a private, quiet space where you will not be interrupted. Between sessions, support calls are for short check-ins; in an emergency please contact your GP, call 999 or 111, or the Samaritans on 116 123.",
    },
]

#: The standard clauses as this revision ships them, in print order.
NEW_DEFAULTS: list[dict[str, str]] = [
    {
        "key": "cooling_off",
        "applies_to": "all",
        "heading": "Your right to change your mind",
        "body": "If we agreed this at a distance (online, by phone or by email) or away from my practice room, you have 14 days from the day you sign to cancel, for any reason, and I will refund everything you have paid within 14 days of hearing from you.\n\nIf you would like our sessions to start within those 14 days, tick here: ☐ I ask for sessions to start within the 14-day cancellation period. If you then cancel within the 14 days, you pay only for the sessions already held, each at its share of the overall cost ({total} for {sessions} sessions).",
    },
    {
        "key": "cancellation",
        "applies_to": "all",
        "heading": "Cancelling and rescheduling",
        "body": "If you need to move a session, please let me know at least 48 hours beforehand and we will find another time. Sessions cancelled with less notice, or missed, count as held unless there are exceptional circumstances such as illness or bereavement. If I need to cancel, I will offer you another time as soon as I can and the session will not count as held.",
    },
    {
        "key": "missed_sessions",
        "applies_to": "programmes",
        "heading": "Missed sessions",
        "body": "If you do not arrive within 15 minutes of the start of a session and I have not heard from you, I will try to contact you once. The session then counts as used. Sessions that are not used by the end of the programme do not carry over, unless we agree otherwise in writing.",
    },
    {
        "key": "payment",
        "applies_to": "all",
        "heading": "How to pay, and late payments",
        "body": "Please pay on or before the dates in the payment plan above: {payment_details}. I send a receipt for every payment.\n\nIf a payment is more than 7 days late I will remind you in writing. If it is still unpaid 14 days after that reminder, I may pause our sessions until it is paid; the programme's end date does not move while sessions are paused. Please tell me early if you are having difficulty: we can usually agree a new plan.",
    },
    {
        "key": "ending_early",
        "applies_to": "programmes",
        "heading": "Ending early and refunds",
        "body": "You can end the programme at any time by telling me in writing. If you end it within the minimum term ({minimum_term}), the instalments that fall due within the minimum term are still payable; any instalments due after it are cancelled. After the minimum term, instalments not yet due are cancelled.\n\nIf you paid more than the sessions already held are worth, I refund the difference within 14 days. A session's value is the overall cost divided by the number of sessions planned ({total} for {sessions} sessions); if you paid in full, the pay-in-full discount is shared across the sessions in the same way. Sessions already held are not refundable.",
    },
    {
        "key": "practitioner_ending",
        "applies_to": "all",
        "heading": "If I end our work, or am away",
        "body": "I may end our work if I believe another service would help you more, if sessions are repeatedly missed or unpaid, or if continuing would not be safe for either of us. I will tell you in writing, suggest where else you can find help, and refund any sessions not yet held in full.\n\nWhen I am away (holidays, training, illness) I will tell you as early as I can. Sessions missed because I am away are moved, never counted as held, and the end date moves with them if needed.",
    },
    {
        "key": "online",
        "applies_to": "all",
        "heading": "Online sessions and recording",
        "body": "Online sessions take place on a secure video service I tell you about. Please join from a private, quiet place where you will not be overheard or interrupted; if the connection fails, I will call you on the number you gave me and we will continue by phone or find another time.\n\nNeither of us records a session, audio or video, without the other's agreement in writing. A recording I make for you (a relaxation, a summary) is yours to keep.",
    },
    {
        "key": "confidentiality",
        "applies_to": "all",
        "heading": "Confidentiality and its limits",
        "body": "What you share with me stays between us. I discuss my work in confidential clinical supervision, as my professional body requires, without sharing anything that identifies you. I would only break confidentiality if I believed that you or someone else was at serious risk of harm, if the law required it (for example a court order, or information about terrorism or the abuse of a child), and wherever possible I would talk to you first.",
    },
    {
        "key": "records",
        "applies_to": "all",
        "heading": "Your records and data protection",
        "body": "I, {practitioner_name}, hold the records of our work and am responsible for them (data-protection registration: {data_protection_number}). I keep your contact details, your emergency contact, this agreement, payments and brief notes of our sessions, which include information about your health. I keep them to provide the sessions you asked for and to meet my professional and legal duties; health information is kept only with your explicit consent, which you give by signing this agreement.\n\nThe records are kept on an encrypted computer that only I can open, for {retention_period} after our last contact, as my insurance and professional body require, and are then deleted securely. You have the right to see the records I hold about you, to have them corrected, to ask for them to be deleted or limited, to receive a copy to take elsewhere, and to object; you can also complain to the data-protection authority.",
    },
    {
        "key": "complaints",
        "applies_to": "all",
        "heading": "Complaints",
        "body": "If you are unhappy with any part of our work, please tell me first, so that I can put it right: {complaints_route}. I am a member of {professional_body} and follow its code of ethics; if we cannot resolve a complaint together, you can take it to them.",
    },
    {
        "key": "non_negotiables",
        "applies_to": "all",
        "heading": "Working together",
        "body": "Sessions are a space for you. I ask that you arrive free from the effects of alcohol or recreational drugs, and that on video calls you find a private, quiet space where you will not be interrupted. I am not an emergency service: in an emergency please contact your GP, call 999 or 111, or the Samaritans on 116 123.",
    },
    {
        "key": "between_sessions",
        "applies_to": "programmes",
        "heading": "Between sessions",
        "body": "The support calls listed above are short check-ins between sessions, at a time we arrange. They do not replace sessions, and I may not be able to answer straight away.",
    },
    {
        "key": "variations",
        "applies_to": "all",
        "heading": "Changes to this agreement",
        "body": "Any change to this agreement (the dates, the number of sessions, the cost or the payment plan) is made only in writing and agreed by both of us. This agreement, with any changes we have both agreed in writing, is the whole of what we agreed.",
    },
]

_SCOPE = sa.Enum(
    "all",
    "programmes",
    "single",
    name="clause_scope",
    native_enum=False,
    create_constraint=True,
    length=24,
)


def upgrade() -> None:
    with op.batch_alter_table("practice_profile", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("payment_details", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("professional_body", sa.String(length=300), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("complaints_route", sa.Text(), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column(
                "data_protection_number", sa.String(length=100), nullable=False, server_default=""
            )
        )
    with op.batch_alter_table("agreement_clauses", schema=None) as batch_op:
        batch_op.add_column(sa.Column("applies_to", _SCOPE, nullable=False, server_default="all"))
    _update_standard_terms(op.get_bind())


def _update_standard_terms(conn: sa.Connection) -> None:
    clauses = sa.table(
        "agreement_clauses",
        sa.column("id", sa.Integer),
        sa.column("key", sa.String),
        sa.column("position", sa.Integer),
        sa.column("heading", sa.String),
        sa.column("body", sa.Text),
        sa.column("applies_to", sa.String),
    )
    rows = conn.execute(
        sa.select(clauses.c.id, clauses.c.key, clauses.c.heading, clauses.c.body).order_by(
            clauses.c.position, clauses.c.id
        )
    ).all()
    if not rows:
        return  # a database that never had terms gets the standard ones when it opens
    old = {c["key"]: c for c in OLD_DEFAULTS}
    new = {c["key"]: c for c in NEW_DEFAULTS}
    order = [row.key for row in rows]
    for row in rows:
        shipped, current = old.get(row.key), new.get(row.key)
        if current is None:
            continue
        values = {"applies_to": current["applies_to"]}
        unedited = shipped is not None and (row.heading, row.body) == (
            shipped["heading"],
            shipped["body"],
        )
        if unedited:
            values.update(heading=current["heading"], body=current["body"])
        conn.execute(sa.update(clauses).where(clauses.c.id == row.id).values(**values))
    # New standard clauses go after the standard clause before them (or first).
    for index, clause in enumerate(NEW_DEFAULTS):
        if clause["key"] in order or clause["key"] in old:
            continue  # present, or a standard clause the practitioner deleted
        before = [c["key"] for c in NEW_DEFAULTS[:index] if c["key"] in order]
        where = order.index(before[-1]) + 1 if before else 0
        order.insert(where, clause["key"])
        conn.execute(
            sa.insert(clauses).values(
                key=clause["key"],
                position=where,
                heading=clause["heading"],
                body=clause["body"],
                applies_to=clause["applies_to"],
            )
        )
    for position, key in enumerate(order):
        conn.execute(sa.update(clauses).where(clauses.c.key == key).values(position=position))


def downgrade() -> None:
    with op.batch_alter_table("agreement_clauses", schema=None) as batch_op:
        batch_op.drop_constraint("clause_scope", type_="check")
        batch_op.drop_column("applies_to")
    with op.batch_alter_table("practice_profile", schema=None) as batch_op:
        batch_op.drop_column("data_protection_number")
        batch_op.drop_column("complaints_route")
        batch_op.drop_column("professional_body")
        batch_op.drop_column("payment_details")
