"""Clients written in every script the documents must print: name, address, emergency
contact, programme name and a note in the agreement, each in that script.

Used by tests/documents/test_scripts.py and by scripts/document_samples.py (which
renders the pictures in docs/scripts/).
"""

from __future__ import annotations

from dataclasses import dataclass

from practice.db import Database
from practice.models import Client, Enrolment
from tests.documents.factories import make_enrolment, snapshot


@dataclass(frozen=True)
class ScriptSample:
    script: str
    first_name: str
    last_name: str
    address: str
    programme: str
    note: str
    rtl: bool = False

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}"


SAMPLES: tuple[ScriptSample, ...] = (
    ScriptSample(
        "latin",
        "Małgorzata",
        "Brzęczyszczykiewicz",
        "ul. Świętokrzyska 12, 90-001 Łódź",
        "Trzy miesiące spokoju",
        "Spotykamy się w każdy wtorek o 18:00.",
    ),
    ScriptSample(
        "greek",
        "Ελένη",
        "Παπαδοπούλου",
        "Οδός Ερμού 12, Αθήνα 105 63",
        "Τρίμηνο πρόγραμμα",
        "Θα συναντιόμαστε κάθε Τρίτη.",
    ),
    ScriptSample(
        "cyrillic",
        "Екатерина",
        "Смирнова",
        "ул. Тверская, 12, Москва",
        "Три месяца перемен",
        "Мы встречаемся каждый вторник.",
    ),
    ScriptSample(
        "arabic",
        "محمد",
        "عبد الله",
        "شارع الملك فهد ١٢، الرياض",
        "برنامج ثلاثة أشهر",
        "نلتقي كل يوم ثلاثاء في الساعة السادسة.",
        rtl=True,
    ),
    ScriptSample(
        "hebrew",
        "דָּוִד",
        "כהן",
        "רחוב הרצל 12, תל אביב",
        "תוכנית שלושה חודשים",
        "נפגש בכל יום שלישי בשעה שש.",
        rtl=True,
    ),
    ScriptSample(
        "devanagari",
        "प्रियंका",
        "क्षत्रिय",
        "12 महात्मा गांधी मार्ग, नई दिल्ली",
        "तीन महीने का कार्यक्रम",
        "हम हर मंगलवार को मिलेंगे।",
    ),
    ScriptSample(
        "thai",
        "สมชาย",
        "ใจดี",
        "12 ถนนสุขุมวิท กรุงเทพฯ",
        "โปรแกรมสามเดือน",
        "เราจะพบกันทุกวันอังคาร",
    ),
    ScriptSample(
        "chinese",
        "小明",
        "王",
        "北京市朝阳区建国路12号",
        "三个月计划",
        "我们每周二见面。",
    ),
    ScriptSample(
        "japanese",
        "はなこ",
        "山田",
        "東京都渋谷区神南1-2-3",
        "三か月のプログラム",
        "毎週火曜日にお会いします。",
    ),
    ScriptSample(
        "korean",
        "민준",
        "김",
        "서울특별시 종로구 세종대로 12",
        "3개월 프로그램",
        "매주 화요일에 만납니다.",
    ),
    ScriptSample(
        "vietnamese",
        "Thu Hà",
        "Nguyễn Thị",
        "12 Đường Lê Lợi, Quận 1, TP. Hồ Chí Minh",
        "Chương trình ba tháng",
        "Chúng ta gặp nhau mỗi thứ Ba.",
    ),
    ScriptSample(
        "emoji",
        "Anna 🌻",
        "Sunflower ☀️",
        "12 Harbour Lane 🏠, Bristol",
        "Grow 🌱 three months",
        "We meet every Tuesday 🙂.",
    ),
)


def enrol_sample(db: Database, sample: ScriptSample) -> int:
    """An agreed enrolment for a client written in ``sample``'s script; returns its id."""
    enrolment_id = make_enrolment(
        db,
        first_name=sample.first_name,
        last_name=sample.last_name,
        terms=snapshot(name=sample.programme),
        notes=sample.note,
    )
    with db.transaction() as s:
        enrolment = s.get(Enrolment, enrolment_id)
        assert enrolment is not None
        client = s.get(Client, enrolment.client_id)
        assert client is not None
        client.address = sample.address
        client.emergency_contact_name = sample.first_name
        client.emergency_contact_phone = "+44 7700 900123"
    return enrolment_id
