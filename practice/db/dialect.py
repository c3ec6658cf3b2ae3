"""What differs between the two engines a practice can live in, in one place.

A solo practice is one SQLite (or SQLCipher) file; a group practice is one PostgreSQL
server (issue 15). The models, services, economics and migrations are the same on both;
the few pieces of SQL that cannot be are written here, once per engine, and the rest of
the code asks for them by what they do:

* :func:`append_only` — a table the database itself refuses to change or delete from
  (the audit log): SQLite triggers that ``RAISE(ABORT)``; on PostgreSQL a trigger
  function that raises, for rows and for ``TRUNCATE``.
* :class:`current_login` — SQL for the login a statement runs as: the session's user on
  PostgreSQL (the practitioner, whatever function runs it), ``NULL`` in SQLite (a file
  has no logins).
* :func:`user_tables` — the practice's own tables (not the engine's catalogue).
* :func:`quick_writes` — a connection that does not wait for the disk at each commit
  (while a sample practice is written): ``synchronous = OFF`` in SQLite,
  ``synchronous_commit = off`` on PostgreSQL (a crash may lose the last commits, never
  leave a broken database).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from sqlalchemy import String
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.functions import FunctionElement

if TYPE_CHECKING:
    from sqlalchemy import Connection

SQLITE = "sqlite"
POSTGRESQL = "postgresql"
ENGINES = (SQLITE, POSTGRESQL)


def check_engine(name: str) -> str:
    """``name`` (a SQLAlchemy dialect name), refused plainly when neither engine."""
    if name not in ENGINES:
        raise ValueError(f"a practice lives in SQLite or PostgreSQL, not {name!r}")
    return name


class current_login(FunctionElement[str]):  # noqa: N801 (an SQL function, named as one)
    """The login the statement runs as (``session_user``); ``NULL`` in SQLite."""

    type = String()
    inherit_cache = True


@compiles(current_login)
def _current_login_default(_element: current_login, _compiler: Any, **_kw: Any) -> str:
    return "NULL"


@compiles(current_login, "postgresql")
def _current_login_postgresql(_element: current_login, _compiler: Any, **_kw: Any) -> str:
    return "session_user"


def user_tables(connection: Connection) -> list[str]:
    """The names of the tables in the connection's database (its current schema on
    PostgreSQL), Alembic's own included, the engine's catalogue not."""
    engine = check_engine(connection.dialect.name)
    if engine == SQLITE:
        sql = (
            "SELECT name FROM sqlite_master WHERE type = 'table' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    else:
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY 1"
    return [str(row[0]) for row in connection.exec_driver_sql(sql)]


def quick_writes(engine: str) -> str:
    """The statement that makes one connection's commits stop waiting for the disk."""
    check_engine(engine)
    if engine == SQLITE:
        return "PRAGMA synchronous = OFF"
    return "SET synchronous_commit = off"


@dataclass(frozen=True, slots=True)
class AppendOnly:
    """The statements that make ``table`` append-only, and those that undo it."""

    create: tuple[str, ...]
    drop: tuple[str, ...]


#: The PostgreSQL trigger function every append-only table shares: it raises the
#: message its trigger was made with.
_REFUSE_FUNCTION = "practice_refuse_change"


def append_only(engine: str, table: str, *, changed: str, deleted: str) -> AppendOnly:
    """Triggers refusing any ``UPDATE`` (with the message ``changed``) or ``DELETE``
    (``deleted``) of ``table``'s rows, in the database itself, for every writer."""
    check_engine(engine)
    for message in (changed, deleted):
        if "'" in message:
            raise ValueError("the messages are written into SQL: no quotes")
    if engine == SQLITE:
        return AppendOnly(
            create=(
                f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{changed}'); END",
                f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
                f"BEGIN SELECT RAISE(ABORT, '{deleted}'); END",
            ),
            drop=(
                f"DROP TRIGGER IF EXISTS {table}_no_delete",
                f"DROP TRIGGER IF EXISTS {table}_no_update",
            ),
        )
    return AppendOnly(
        create=(
            f"CREATE OR REPLACE FUNCTION {_REFUSE_FUNCTION}() RETURNS trigger "
            "LANGUAGE plpgsql AS $$ BEGIN "
            "RAISE EXCEPTION '%', TG_ARGV[0] USING ERRCODE = 'restrict_violation'; "
            "END $$",
            f"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_REFUSE_FUNCTION}('{changed}')",
            f"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} "
            f"FOR EACH ROW EXECUTE FUNCTION {_REFUSE_FUNCTION}('{deleted}')",
            f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
            f"FOR EACH STATEMENT EXECUTE FUNCTION {_REFUSE_FUNCTION}('{deleted}')",
        ),
        drop=(
            f"DROP TRIGGER IF EXISTS {table}_no_truncate ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_no_delete ON {table}",
            f"DROP TRIGGER IF EXISTS {table}_no_update ON {table}",
        ),
    )
