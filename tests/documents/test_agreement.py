from __future__ import annotations

import io
import re
import stat
from datetime import date
from pathlib import Path
from typing import cast

import pytest
from pypdf.generic import DictionaryObject

from practice.db import Database
from practice.documents.agreement import agreement_pdf, agreement_reference, render_agreement
from practice.errors import NotFoundError
from practice.models import Enrolment, PageSize, PaymentPlan, Programme
from tests.documents.factories import make_enrolment, set_profile, snapshot
from tests.documents.pdfcheck import all_text, embedded, fonts, media_box, page_texts, reader


@pytest.fixture
def practice(db: Database) -> Database:
    set_profile(db)
    return db


@pytest.mark.parametrize(
    ("first", "last"),
    [("Zoë", "Ødegård"), ("Ελένη", "Παπαδοπούλου"), ("Андрей", "Смирнов"), ("花子", "山田")],
)
def test_names_in_every_script_print_and_fonts_are_embedded(
    practice: Database, first: str, last: str
) -> None:
    data = agreement_pdf(practice, make_enrolment(practice, first_name=first, last_name=last))
    text = all_text(data)
    assert f"{first} {last}" in text
    # The description's {client_first_name} was filled in, and no field is left raw.
    assert f"footing, {first}." in text
    assert "{" not in text
    used = fonts(data)
    assert used, "the PDF uses no fonts"
    for name, font in used:
        assert "DejaVu" in name or "DroidSansFallback" in name, name
        assert embedded(font), f"{name} is not embedded"
    # CJK glyphs come from the fallback font; Latin, Greek and Cyrillic from DejaVu.
    assert any("DroidSansFallback" in name for name, _ in used) == (first == "花子")


def test_a_practice_name_in_japanese_prints_in_the_footer(practice: Database) -> None:
    set_profile(practice, business_name="山田カウンセリング")
    pages = page_texts(agreement_pdf(practice, make_enrolment(practice)))
    assert all("山田カウンセリング" in page for page in pages)


def test_dates_instalments_and_total_are_all_printed(practice: Database) -> None:
    # 1,000.01 in 3 monthly instalments: 333.35 + 333.33 + 333.33, the extra 2p first.
    enrolment_id = make_enrolment(practice, price=100001)
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "3 March 2026 to 2 June 2026 (3 months)" in text
    assert "1 3 March 2026 £333.35" in text
    assert "2 3 April 2026 £333.33" in text
    assert "3 3 May 2026 £333.33" in text
    assert "Total £1,000.01" in text
    assert "Overall cost £1,000.01" in text
    assert 33335 + 33333 + 33333 == 100001
    assert "The first instalment includes the extra £0.02" in text
    assert "Minimum term 2 months" in text
    assert "Agreed on 24 February 2026" in text


def test_instalments_in_the_pdf_add_up_to_the_overall_cost(practice: Database) -> None:
    enrolment_id = make_enrolment(practice, price=99999, instalments=7, remainder_on="last")
    with practice.transaction() as s:
        enrolment = s.get(Enrolment, enrolment_id)
        assert enrolment is not None
        rows = [(i.due_date, i.amount) for i in enrolment.instalments]
    text = all_text(agreement_pdf(practice, enrolment_id))
    printed = 0
    for due, amount in rows:
        shown = f"£{amount // 100:,}.{amount % 100:02d}"
        assert f"{due.day} {due:%B} {due.year} {shown}" in text
        printed += amount
    assert printed == 99999
    assert "Total £999.99" in text
    assert "The last instalment includes the extra" in text


def test_equal_instalments_need_no_remainder_note(practice: Database) -> None:
    text = all_text(agreement_pdf(practice, make_enrolment(practice, price=120000)))
    assert "£400.00" in text
    assert "includes the extra" not in text


def test_pay_in_full_shows_price_discount_and_total(practice: Database) -> None:
    enrolment_id = make_enrolment(practice, plan=PaymentPlan.FULL, price=120000, discount=6000)
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "Programme price £1,200.00" in text
    assert "Discount for paying in full −£60.00" in text
    assert "Overall cost £1,140.00" in text
    assert "The overall cost is paid in full, by 3 March 2026." in text
    # One payment needs no table of payments.
    assert "Payment plan" not in text and "Due on" not in text


def test_what_is_included_comes_from_the_snapshot(practice: Database) -> None:
    text = all_text(agreement_pdf(practice, make_enrolment(practice)))
    assert "7 sessions of 60 minutes over 3 months" in text
    assert "Month 1: 3 sessions" in text
    assert "Months 2–3: 2 sessions a month" in text
    assert "Up to 4 short support calls of 15 minutes between sessions" in text
    assert "Recording: Recordings of our sessions on request" in text
    for heading in ("Cancelling and rescheduling", "Confidentiality and its limits"):
        assert heading in text
    assert "Signature" in text and "Mira Kovač" in text


def test_agreement_reads_the_snapshot_not_the_live_programme(practice: Database) -> None:
    enrolment_id = make_enrolment(practice)
    with practice.transaction() as s:
        programme = Programme(
            name="Renamed later",
            description="A completely different text written after the client agreed.",
            length_value=6,
            length_unit="months",
            price=999900,
            currency="GBP",
        )
        s.add(programme)
        s.flush()
        enrolment = s.get(Enrolment, enrolment_id)
        assert enrolment is not None
        enrolment.programme_id = programme.id
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "Three-month reset" in text
    assert "Renamed later" not in text
    assert "completely different" not in text


def test_reference_and_page_numbers_on_every_page(practice: Database) -> None:
    long_text = "\n\n".join(
        f"Paragraph {n}: we meet, we reflect, and we plan the next small step together "
        "so that change becomes part of ordinary days rather than something saved for sessions."
        for n in range(1, 80)
    )
    enrolment_id = make_enrolment(practice, terms=snapshot(description=long_text))
    data = agreement_pdf(practice, enrolment_id)
    pages = page_texts(data)
    assert len(pages) >= 4
    reference = agreement_reference(enrolment_id, date(2026, 2, 24))
    for number, page in enumerate(pages, start=1):
        assert reference in page
        assert f"Page {number} of {len(pages)}" in page
    text = all_text(data)
    assert "Paragraph 1:" in text and "Paragraph 79:" in text
    # The signature block is never split from its heading or left alone at a page top.
    last = pages[-1]
    assert "Signatures" in last and last.count("Signature") >= 3


def test_proposed_agreement_is_dated_when_prepared(practice: Database) -> None:
    enrolment_id = make_enrolment(practice, agreed_on=None)
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "Prepared on" in text
    assert f"AGR-{enrolment_id}-" in text


def test_a4_and_letter_page_sizes(practice: Database) -> None:
    enrolment_id = make_enrolment(practice)
    assert media_box(agreement_pdf(practice, enrolment_id)) == (595, 842)
    set_profile(practice, page_size=PageSize.LETTER, locale="en_US", currency="USD")
    data = agreement_pdf(practice, enrolment_id)
    assert media_box(data) == (612, 792)
    assert "March 3, 2026" in all_text(data)


def test_logo_prints_when_set(practice: Database) -> None:
    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (120, 60), (47, 93, 98)).save(buffer, format="PNG")
    enrolment_id = make_enrolment(practice)
    plain = agreement_pdf(practice, enrolment_id)
    set_profile(practice, logo_png=buffer.getvalue())
    with_logo = agreement_pdf(practice, enrolment_id)
    page = reader(with_logo).pages[0]
    assert "/XObject" in cast(DictionaryObject, page["/Resources"].get_object())
    assert len(with_logo) > len(plain)


def test_render_to_path_is_owner_only_and_to_stream(practice: Database, tmp_path: Path) -> None:
    enrolment_id = make_enrolment(practice)
    target = tmp_path / "agreement.pdf"
    render_agreement(practice, enrolment_id, target)
    assert target.read_bytes().startswith(b"%PDF")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    stream = io.BytesIO()
    render_agreement(practice, enrolment_id, stream)
    assert stream.getvalue() == target.read_bytes()


def test_unknown_enrolment_is_refused(practice: Database) -> None:
    with pytest.raises(NotFoundError, match="no enrolment with id 999"):
        agreement_pdf(practice, 999)


def test_a_long_payment_plan_splits_across_pages_with_every_row(practice: Database) -> None:
    # 36 monthly instalments of 3,600.00 = 100.00 each; the table may split, rows never lost.
    enrolment_id = make_enrolment(practice, price=360000, instalments=36)
    data = agreement_pdf(practice, enrolment_id)
    text = all_text(data)
    rows = re.findall(r"(\d+) \d{1,2} [A-Z][a-z]+ \d{4} £100\.00", text)
    assert [int(n) for n in rows] == list(range(1, 37))
    assert "1 3 March 2026 £100.00" in text and "36 3 February 2029 £100.00" in text
    assert "Total £3,600.00" in text


def test_text_saved_before_checks_still_prints(practice: Database) -> None:
    clauses = [{"key": "old", "heading": "Old wording", "body": "Dear {client_nmae}, {total} now."}]
    enrolment_id = make_enrolment(practice, terms=snapshot(clauses=clauses))
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "Dear {client_nmae}, £1,200.00 now." in text
