"""Layout that holds: long names, big amounts, long practice names, long plans, single
sessions, other locales, both paper sizes; and what each PDF says about itself."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from practice.db import Database, open_database
from practice.db.seed import default_clauses
from practice.documents.agreement import agreement_pdf
from practice.documents.signatures import ROW_HEIGHT, signature_grid
from practice.documents.statement import statement_pdf
from practice.documents.text import fit_text, text_width
from practice.models import PageSize, PaymentPlan
from practice.money import format_money
from tests.documents.factories import make_enrolment, set_profile, snapshot
from tests.documents.pdfcheck import all_text, page_texts, reader

HEADINGS = [c["heading"] for c in default_clauses()] + [
    "How it works",
    "What is included",
    "The cost",
    "Payment plan",
    "Our terms",
    "Also agreed",
    "Signatures",
]


@pytest.fixture(scope="module")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    db = open_database(tmp_path_factory.mktemp("layout") / "practice.db")
    set_profile(db)
    yield db
    db.close()


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_long_name_wraps_between_words_and_its_row_grows(practice: Database) -> None:
    words = ["Maximiliane-Josephine", "Wolkenstein-Trostburg", "Auersperg", "Liechtenstein"]
    first, last = " ".join(words[:2] * 2), " ".join(words[2:] * 2)
    name = f"{first} {last}"
    assert len(name) > 110
    enrolment_id = make_enrolment(practice, first_name=first, last_name=last)
    text = all_text(agreement_pdf(practice, enrolment_id))
    for word in words:
        assert word in text  # never cut inside a word
    assert "Signature" in text and "Signatur e" not in text
    grid = signature_grid([("Client", name), ("Practitioner", "Mira Kovač")], 174 * 72 / 25.4)
    grid.wrap(174 * 72 / 25.4, 1000)
    heights = grid._rowHeights
    assert heights[0] > ROW_HEIGHT and heights[1] == pytest.approx(ROW_HEIGHT)


@pytest.mark.parametrize(
    ("locale", "currency", "amount"),
    [("en_GB", "GBP", 333_333_333), ("fr_FR", "EUR", 333_333_333), ("en_GB", "USD", 10_000_000)],
)
def test_amounts_never_wrap_in_their_cells(
    tmp_path: Path, locale: str, currency: str, amount: int
) -> None:
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db, locale=locale)
        enrolment_id = make_enrolment(
            db, price=amount, instalments=3, terms=snapshot(currency=currency)
        )
        text = all_text(statement_pdf(db, enrolment_id, on=date(2026, 4, 1)))
        for part in (amount, amount // 3, amount - 2 * (amount // 3)):
            assert _squash(format_money(part, currency, locale)) in text
        agreement = all_text(agreement_pdf(db, enrolment_id))
        assert _squash(format_money(amount, currency, locale)) in agreement
    finally:
        db.close()


def test_a_long_practice_name_is_shortened_to_fit_the_footer(tmp_path: Path) -> None:
    long_name = "The Very Long Named Centre for Integrative Counselling " * 4
    assert text_width(fit_text(long_name, 8, 200), 8) <= 200
    assert fit_text("Short", 8, 200) == "Short"
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db, business_name=long_name.strip())
        pages = page_texts(agreement_pdf(db, make_enrolment(db)))
        for page in pages:
            assert "…" in page  # the footer's name, shortened at a word
    finally:
        db.close()


@pytest.mark.parametrize("size", [PageSize.A4, PageSize.LETTER])
@pytest.mark.parametrize("paragraphs", [0, 2, 5])
def test_no_heading_is_left_at_the_foot_of_a_page(
    tmp_path: Path, size: PageSize, paragraphs: int
) -> None:
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db, page_size=size)
        description = "\n\n".join(
            "We meet regularly and review what helps; between sessions you practise." * 3
            for _ in range(paragraphs)
        )
        enrolment_id = make_enrolment(db, terms=snapshot(description=description))
        for page in page_texts(agreement_pdf(db, enrolment_id))[:-1]:
            body = page.split("AGR-")[0].rstrip()
            assert not any(body.endswith(h) for h in HEADINGS), body[-80:]
    finally:
        db.close()


def test_a_long_plan_splits_with_its_header_on_every_page(practice: Database) -> None:
    enrolment_id = make_enrolment(practice, price=2_400_000, instalments=36)
    pages = page_texts(agreement_pdf(practice, enrolment_id))
    with_rows = [p for p in pages if re.search(r"\b\d{1,2} \d{1,2} \w+ 20\d\d £", p)]
    assert len(with_rows) >= 2
    assert all("Due on" in p for p in with_rows)


def test_a_single_session_gets_a_consultation_agreement(practice: Database) -> None:
    terms = snapshot(
        name="Single consultation",
        length_value=1,
        length_unit="weeks",
        session_minutes=90,
        periods=[{"first_period": 1, "last_period": 1, "sessions_per_period": 1}],
        support_mode="none",
        support_call_count=0,
        minimum_term=0,
        inclusions=[],
        description="One meeting to talk through what might help.",
    )
    enrolment_id = make_enrolment(
        practice, price=12_000, plan=PaymentPlan.FULL, terms=terms, start=date(2026, 3, 3)
    )
    text = all_text(agreement_pdf(practice, enrolment_id))
    assert "Consultation agreement" in text
    assert "One session of 90 minutes" in text
    assert "Date 3 March 2026" in text
    for absent in ("Week 1", "1 week", "Minimum term", "Ending early", "Between sessions"):
        assert absent not in text
    assert "agree to this session" in text
    assert "Your right to change your mind" in text  # clauses for every agreement stay


def test_dates_are_english_and_amounts_local_in_a_german_practice(tmp_path: Path) -> None:
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db, locale="de_DE")
        text = all_text(agreement_pdf(db, make_enrolment(db)))
        assert "3 March 2026 to 2 June 2026" in text
        assert "März" not in text and "Dezember" not in text
        assert _squash(format_money(120000, "GBP", "de_DE")) in text
    finally:
        db.close()


def test_metadata_says_what_the_document_is(practice: Database) -> None:
    enrolment_id = make_enrolment(
        practice, first_name="Ana", last_name="Lopes", agreed_on=date(2026, 2, 24)
    )
    pdf = reader(agreement_pdf(practice, enrolment_id))
    info = pdf.metadata
    assert info is not None
    assert info.title == "Programme agreement: Three-month reset — Ana Lopes"
    assert info.author == "Quiet Harbour Therapy"
    assert info.subject == "Programme agreement with Ana Lopes for Three-month reset"
    assert info["/CreationDate"] == "D:20260224000000+00'00'"
    assert pdf.trailer["/Root"]["/Lang"] == "en-GB"
    statement = reader(statement_pdf(practice, enrolment_id, on=date(2026, 5, 20))).metadata
    assert statement is not None and statement["/CreationDate"].startswith("D:20260520")
