"""The database: files, connections, migrations."""

from practice.db.database import Database, open_database, open_memory_database

__all__ = ["Database", "open_database", "open_memory_database"]
