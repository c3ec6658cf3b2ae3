"""Every script prints: names, addresses, programme names and notes in Latin, Greek,
Cyrillic, Arabic, Hebrew, Devanagari, Thai, Chinese, Japanese, Korean, Vietnamese and
emoji read back from the PDF letter for letter, in their own fonts, shaped and ordered.
"""

from __future__ import annotations

import io
import unicodedata
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from practice.db import open_database
from practice.documents.agreement import agreement_pdf
from practice.documents.fonts import face_for, font, undrawable
from practice.documents.scripts import levels, shape, visual_order
from practice.documents.statement import statement_pdf
from practice.services.printable import unprintable_in_enrolment, warning
from tests.documents.factories import make_enrolment, set_profile, snapshot
from tests.documents.pdfcheck import all_text, embedded, fonts
from tests.documents.script_samples import SAMPLES, ScriptSample, enrol_sample

#: The font family each script is set in.
FACES = {
    "latin": "DejaVuSans",
    "greek": "DejaVuSans",
    "cyrillic": "DejaVuSans",
    "vietnamese": "DejaVuSans",
    "arabic": "NotoSansArabic",
    "hebrew": "NotoSansHebrew",
    "devanagari": "NotoSansDevanagari",
    "thai": "NotoSansThai",
    "chinese": "DroidSansFallback",
    "japanese": "DroidSansFallback",
    "korean": "DroidSansFallback",
    "emoji": "Symbola",
}


@pytest.fixture(scope="module")
def agreements(tmp_path_factory: pytest.TempPathFactory) -> dict[str, bytes]:
    """One agreement per script (made once for the module)."""
    db = open_database(tmp_path_factory.mktemp("scripts") / "practice.db")
    try:
        set_profile(db)
        return {sample.script: agreement_pdf(db, enrol_sample(db, sample)) for sample in SAMPLES}
    finally:
        db.close()


def _letters(text: str) -> list[str]:
    return [c for c in unicodedata.normalize("NFC", text) if not c.isspace()]


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.script for s in SAMPLES])
def test_every_letter_reads_back(sample: ScriptSample, agreements: dict[str, bytes]) -> None:
    text = unicodedata.normalize("NFC", all_text(agreements[sample.script]))
    for field in (sample.name, sample.address, sample.programme, sample.note):
        missing = [c for c in _letters(field) if c not in text]
        assert not missing, f"{sample.script}: {field!r} lost {missing!r}"


LEFT_TO_RIGHT = [s for s in SAMPLES if not s.rtl]


@pytest.mark.parametrize("sample", LEFT_TO_RIGHT, ids=[s.script for s in LEFT_TO_RIGHT])
def test_left_to_right_names_read_back_whole(
    sample: ScriptSample, agreements: dict[str, bytes]
) -> None:
    """(Right-to-left words read back in the order they stand on the page; their letters
    are checked above and their order in the Hebrew and Arabic tests.)"""
    text = unicodedata.normalize("NFC", all_text(agreements[sample.script]))
    assert unicodedata.normalize("NFC", sample.name) in text
    assert unicodedata.normalize("NFC", sample.address) in text


@pytest.mark.parametrize("sample", SAMPLES, ids=[s.script for s in SAMPLES])
def test_set_in_the_scripts_own_embedded_font(
    sample: ScriptSample, agreements: dict[str, bytes]
) -> None:
    used = fonts(agreements[sample.script])
    family = FACES[sample.script]
    assert any(family in name for name, _font in used), [name for name, _ in used]
    assert all(embedded(font_dict) for _name, font_dict in used)


def test_every_font_subset_has_its_own_tag(agreements: dict[str, bytes]) -> None:
    names = {name for name, _font in fonts(agreements["arabic"])}
    tags = [name.split("+")[0] for name in names]
    assert len(names) > 2
    assert len(set(tags)) == len(tags)
    assert all(len(tag) == 7 and tag[1:].isupper() for tag in tags)  # "/ABCDEF"


def test_right_to_left_words_are_placed_right_to_left(agreements: dict[str, bytes]) -> None:
    """In "… for דָּוִד כהן", the first name is drawn to the right of the last name."""
    positions: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        clean = unicodedata.normalize("NFC", text).strip()
        if clean:
            positions.setdefault(clean, tm[4])

    page = PdfReader(io.BytesIO(agreements["hebrew"])).pages[0]
    page.extract_text(visitor_text=visit)
    first = unicodedata.normalize("NFC", "דָּוִד")
    assert first in positions and "כהן" in positions, sorted(positions)[:20]
    assert positions[first] > positions["כהן"]


def test_bidi_levels_and_order() -> None:
    text = "for דוד כהן (client)"
    lv = levels(text, rtl=False)
    assert lv[0] == 0 and lv[4] == 1 and lv[-1] == 0
    # Three pieces: English, Hebrew, Hebrew: the Hebrew pair is seen reversed.
    assert visual_order([0, 1, 1, 1]) == [0, 3, 2, 1]
    assert visual_order([1, 1, 2, 2, 1]) == [4, 2, 3, 1, 0]


def test_arabic_letters_join_and_devanagari_forms_conjuncts() -> None:
    arabic = face_for("م")
    assert arabic == "NotoSansArabic-Regular"
    joined = shape("محمد", arabic, True)
    isolated = [font(arabic).face.charToGlyph[ord(c)] for c in "محمد"]
    drawn = [font(arabic).face.charToGlyph[g.code] for g in joined.glyphs]
    assert drawn != isolated[::-1]  # initial, medial and final forms, right to left
    devanagari = face_for("क")
    assert devanagari is not None
    conjunct = shape("क्षत्रिय", devanagari, False)
    assert len(conjunct.glyphs) < len("क्षत्रिय")
    assert face_for("ب", bold=True) == "NotoSansArabic-Bold"
    assert face_for("a", bold=True, italic=True) == "DejaVuSans-BoldOblique"
    assert face_for("王", bold=True) == "DroidSansFallback"  # no bold CJK: the regular face


def test_undrawable_characters_are_reported_and_still_read_back(tmp_path: Path) -> None:
    melting = "\U0001fae0"  # 🫠 (emoji 14.0): newer than any font shipped
    assert undrawable(f"Ana {melting}") == melting
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db)
        enrolment_id = make_enrolment(db, first_name="Ana", last_name=f"Lopes {melting}")
        problems = unprintable_in_enrolment(db, enrolment_id)
        assert [(p.client_name, p.field, p.characters) for p in problems] == [
            (f"Ana Lopes {melting}", "name", melting)
        ]
        assert f"Ana Lopes {melting} — name: {melting}" in warning(problems)
        # Printed as a box, never dropped: the text still holds it.
        assert f"Ana Lopes {melting}" in all_text(agreement_pdf(db, enrolment_id))
        assert unprintable_in_enrolment(db, make_enrolment(db, first_name="Zoë")) == []
    finally:
        db.close()


def test_japanese_locale_statement_prints_dates_and_yen(tmp_path: Path) -> None:
    db = open_database(tmp_path / "practice.db")
    try:
        set_profile(db, locale="ja_JP", currency="JPY")
        enrolment_id = make_enrolment(
            db,
            first_name="はなこ",
            last_name="山田",
            price=100_000,
            terms=snapshot(currency="JPY"),
        )
        text = all_text(statement_pdf(db, enrolment_id, on=date(2026, 4, 1)))
        assert "3 March 2026" in text  # dates in the document's language (English)
        assert "￥" in text or "¥" in text
        assert "はなこ 山田" in text
    finally:
        db.close()
