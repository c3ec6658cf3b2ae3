"""The database: files, connections, migrations.

``Database``, ``open_database`` and ``open_memory_database`` load SQLAlchemy on first use,
so a light part of this package (its paths, the early integrity check) can be used before
it: start-up begins checking the file while the rest is still being imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from practice.db.database import Database, open_database, open_memory_database

__all__ = ["Database", "open_database", "open_memory_database"]


def __getattr__(name: str) -> Any:
    if name in __all__:
        from practice.db import database

        return getattr(database, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
