"""A small sample practice, made once per module (read-only use)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from practice.db import Database, open_database
from practice.demo import generate_demo


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Database]:
    database = open_database(tmp_path_factory.mktemp("sample") / "sample.db")
    generate_demo(database, clients=9, years=1, seed=13)
    try:
        yield database
    finally:
        database.close()
