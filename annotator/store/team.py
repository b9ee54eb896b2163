"""The people of a project on a PostgreSQL server and their roles (see migration 0006).

Each person is a login role of the server, member of the project's ``annotator`` or
``curator`` group role; the owner is the database's owner. Only someone allowed to create roles
(the owner, as a rule) can add people.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import text

from annotator.domain.errors import UsageError
from annotator.store.database import Database

ROLES = ("annotator", "curator")


def _group(connection: Any, role: str) -> str:
    database = connection.execute(text("SELECT current_database()")).scalar_one()
    return f"annotator_{database}_{role}"


def _on_server(db: Database) -> None:
    if db.engine.dialect.name != "postgresql":
        raise UsageError(
            "roles belong to a project on a PostgreSQL server; on a project file, each person "
            "is their login name or ANNOTATOR_USER"
        )


def add_member(db: Database, name: str, role: str, password: str | None = None) -> None:
    """Make ``name`` a login of the server (unless it is one) in the project's ``role``."""
    _on_server(db)
    if role not in ROLES:
        raise UsageError(f"unknown role {role!r} (one of {', '.join(ROLES)}; the owner is the "
                         "database's owner)")  # fmt: skip
    with db.write_connection() as connection:
        quote = connection.dialect.identifier_preparer.quote
        exists = connection.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :name"), {"name": name}
        ).first()
        if exists is None:
            connection.execute(text(f"CREATE ROLE {quote(name)} LOGIN"))
        if password:
            connection.execute(text(f"ALTER ROLE {quote(name)} PASSWORD {_literal(password)}"))
        for other in ROLES:
            connection.execute(
                text(f"REVOKE {quote(_group(connection, other))} FROM {quote(name)}")
            )
        connection.execute(text(f"GRANT {quote(_group(connection, role))} TO {quote(name)}"))


def members(db: Database) -> list[tuple[str, str]]:
    """(person, role) of everyone in the project's roles, and the owner."""
    _on_server(db)
    with db.read() as session:
        connection = session.connection()
        owner = connection.execute(
            text("SELECT pg_get_userbyid(datdba) FROM pg_database WHERE datname = "
                 "current_database()")
        ).scalar_one()  # fmt: skip
        found = [(str(owner), "owner")]
        for role in reversed(ROLES):
            group = _group(connection, role)
            for (person,) in connection.execute(
                text(
                    "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
                    "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname = :group "
                    "AND m.rolcanlogin ORDER BY m.rolname"
                ),
                {"group": group},
            ):
                found.append((str(person), role))
    return found


def _literal(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"
