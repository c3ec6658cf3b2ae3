"""The referral directory (``list_providers``) and the referrals made to one provider
(``referrals_for(provider_id=...)``)."""

from __future__ import annotations

from collections.abc import Sequence

from practice.models import Provider
from practice.services.referrals import ReferralRow
from ui import format as fmt
from ui.models.enquiries import first_line
from ui.models.row_table import Column as TableColumn
from ui.models.row_table import RowTableModel
from ui.models.rows import Column, LocalisedRowsModel


class ProviderListModel(RowTableModel[Provider]):
    """Name and speciality of each provider (organisation and contact in the tooltip)."""

    def columns(self) -> Sequence[TableColumn[Provider]]:
        return (
            TableColumn("Name", lambda p: p.name, tooltip=lambda p: p.notes),
            TableColumn(
                "Speciality",
                lambda p: p.speciality,
                tooltip=lambda p: " · ".join(x for x in (p.organisation, p.phone, p.email) if x),
            ),
        )

    def is_muted(self, row: Provider) -> bool:
        return row.archived_at is not None


class ProviderReferralsModel(LocalisedRowsModel[ReferralRow]):
    """Date referred, who (a client or an enquirer) and why."""

    def columns_for(self, locale: str) -> Sequence[Column[ReferralRow]]:
        return [
            Column("Referred", lambda r: fmt.day(r.referred_on, locale)),
            Column("Who", lambda r: r.person_name),
            Column("As", lambda r: "Client" if r.client_id is not None else "Enquirer"),
            Column("Why", lambda r: first_line(r.reason), tooltip=lambda r: r.reason),
        ]
