"""What a database error means for the user: one place that turns driver errors into ours.

SQLite reports a full disk, a read-only file, a damaged file and a held lock as result codes;
PostgreSQL as SQLSTATE codes. Both become the domain's errors, each naming the project and the
cause in one line, so the command line and the workbench can say what happened and exit with a
status of its own. Errors that are not about the environment (a constraint, a bug) pass through.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy.exc import DBAPIError

from annotator.domain.errors import (
    AnnotatorError,
    BusyError,
    DamagedProjectError,
    NotAllowedError,
    ReadOnlyError,
    StorageError,
)

# SQLite primary result codes (https://sqlite.org/rescode.html)
_SQLITE_PERM, _SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY = 3, 5, 6, 8
_SQLITE_IOERR, _SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN = 10, 11, 13, 14
_SQLITE_NOTADB = 26


def sqlite_code(exc: BaseException) -> int | None:
    """The primary SQLite result code behind ``exc`` (a driver or SQLAlchemy error), if any."""
    orig = getattr(exc, "orig", exc)
    code = getattr(orig, "sqlite_errorcode", None)
    return None if code is None else int(code) & 0xFF


def is_busy(exc: BaseException) -> bool:
    return sqlite_code(exc) in (_SQLITE_BUSY, _SQLITE_LOCKED)


def classify(
    exc: BaseException, where: str, newest_backup: Callable[[], Path | None] = lambda: None
) -> AnnotatorError | None:
    """The user-facing error for ``exc``, or None when it is not about the environment."""
    code = sqlite_code(exc)
    if code is not None:
        return _sqlite_error(code, exc, where, newest_backup)
    state = getattr(getattr(exc, "orig", None), "sqlstate", None)
    if isinstance(state, str):
        return _postgres_error(state, exc, where)
    return None


def _sqlite_error(
    code: int, exc: BaseException, where: str, newest_backup: Callable[[], Path | None]
) -> AnnotatorError | None:
    cause = str(getattr(exc, "orig", exc))
    if code == _SQLITE_FULL:
        return StorageError(f"{where}: the disk is full ({cause}); nothing was saved")
    if code == _SQLITE_READONLY:
        return ReadOnlyError(f"{where} is read-only ({cause}); nothing was saved")
    if code in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return DamagedProjectError(damaged_message(where, cause, newest_backup()))
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return BusyError(f"{where} is busy: another program is writing to it ({cause})")
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN, _SQLITE_PERM):
        return StorageError(f"{where}: the system refused to read or write it ({cause})")
    return None


def damaged_message(where: str, cause: str, backup: Path | None) -> str:
    text = f"{where} is damaged or not an Annotator project ({cause})"
    if backup is None:
        return text + "; no backup of it was found"
    return f"{text}; the newest backup is {backup} (annotator restore-backup {backup})"


def _postgres_error(state: str, exc: BaseException, where: str) -> AnnotatorError | None:
    first_line = str(getattr(exc, "orig", exc)).strip().splitlines()[0]
    if state == "53100":
        return StorageError(f"{where}: the server's disk is full ({first_line}); nothing was saved")
    if state.startswith("53") or state.startswith("58"):
        return StorageError(f"{where}: the server cannot store this ({first_line})")
    if state in ("25006", "42501"):
        return NotAllowedError(f"{where}: this login may not make that change ({first_line})")
    if state.startswith("08") or state in ("57P01", "57P02", "57P03"):
        return StorageError(f"{where}: the database server cannot be reached ({first_line})")
    if state in ("55P03", "40P01"):
        return BusyError(f"{where} is busy: another program holds what this change needs")
    return None


@contextmanager
def translated(
    where: str, newest_backup: Callable[[], Path | None] = lambda: None
) -> Iterator[None]:
    """Re-raise environment failures inside the block as the domain's errors."""
    try:
        yield
    except (DBAPIError, sqlite3.Error) as exc:
        error = classify(exc, where, newest_backup)
        if error is None:
            raise
        raise error from exc
