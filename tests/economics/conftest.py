"""One hand-made practice shared by the read-only tests of this package."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from practice.db import Database, open_database

from .practice_fixture import Ids, build


@pytest.fixture(scope="package")
def practice(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Database, Ids]]:
    """The practice described in ``practice_fixture``: do not write to it in a test."""
    db = open_database(tmp_path_factory.mktemp("practice") / "practice.db")
    try:
        with db.transaction() as s:
            ids = build(s)
        yield db, ids
    finally:
        db.close()
