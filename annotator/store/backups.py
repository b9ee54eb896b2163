"""Backups of a SQLite project with SQLite's online backup API, and restoring one.

A project ``news.sqlite`` keeps its backups in ``news.backups/`` beside it, named by the UTC
time they were taken (``news-20261125T154700Z.sqlite``). The online backup API copies a
consistent snapshot while other programs go on writing. Every backup is written under a
temporary name and renamed once complete and checked, so a backup that exists is whole.
"""

from __future__ import annotations

import contextlib
import sqlite3
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from annotator.domain.errors import DamagedProjectError, StorageError, UsageError

_STAMP = "%Y%m%dT%H%M%SZ"
DEFAULT_KEEP = 10


@dataclass(frozen=True, slots=True)
class Backup:
    path: Path
    taken: datetime  # UTC
    size: int


def backup_folder(project: Path) -> Path:
    return project.with_name(f"{project.stem}.backups")


def list_backups(project: Path) -> list[Backup]:
    """The project's backups in its backup folder, newest first."""
    folder = backup_folder(project)
    found: list[Backup] = []
    if not folder.is_dir():
        return found
    for path in folder.glob(f"{project.stem}-*{project.suffix or '.sqlite'}"):
        stamp = path.stem.removeprefix(f"{project.stem}-")
        try:
            taken = datetime.strptime(stamp, _STAMP).replace(tzinfo=UTC)
            found.append(Backup(path, taken, path.stat().st_size))
        except (ValueError, OSError):
            continue
    return sorted(found, key=lambda b: b.taken, reverse=True)


def newest_backup(project: Path) -> Path | None:
    backups = list_backups(project)
    return backups[0].path if backups else None


def back_up(project: Path, out: Path | None = None, *, now: datetime | None = None) -> Path:
    """Copy ``project`` to ``out`` (default: a new file in its backup folder); returns it."""
    if not project.is_file():
        raise UsageError(f"{project}: no such project file")
    taken = now or datetime.now(UTC)
    if out is None:
        out = backup_folder(project) / f"{project.stem}-{taken.strftime(_STAMP)}{project.suffix}"
    if out.resolve() == project.resolve():
        raise UsageError(f"{out}: a backup cannot replace the project itself")
    partial = out.with_name(out.name + ".partial")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        source = sqlite3.connect(f"{project.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(partial)
            try:
                source.backup(target)
                _check_whole(target, project)
            finally:
                target.close()
        finally:
            source.close()
        partial.replace(out)
    except sqlite3.DatabaseError as exc:
        partial.unlink(missing_ok=True)
        raise DamagedProjectError(f"{project} cannot be backed up: {exc}") from exc
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise StorageError(f"{out}: cannot write the backup ({exc.strerror or exc})") from exc
    return out


def rolling_backup(
    project: Path, keep: int = DEFAULT_KEEP, *, now: datetime | None = None
) -> Path | None:
    """Take today's backup unless one exists already; keep the newest ``keep``.

    Returns the new backup, or None when today's was already there (or ``keep`` is 0).
    """
    if keep <= 0 or not project.is_file():
        return None
    taken = now or datetime.now(UTC)
    existing = list_backups(project)
    made = None
    if not existing or existing[0].taken.date() != taken.date():
        made = back_up(project, now=taken)
        existing = list_backups(project)
    for old in existing[keep:]:
        with contextlib.suppress(OSError):
            old.path.unlink()
    return made


def restore_backup(backup: Path, project: Path, *, now: datetime | None = None) -> Path | None:
    """Put ``backup`` in the place of ``project``; returns where the replaced project went.

    The replaced project (with its WAL side files, which must never meet another database)
    is kept beside it as ``NAME.replaced-STAMP``. Nothing is changed if the backup is not a
    whole Annotator project.
    """
    if not backup.is_file():
        raise UsageError(f"{backup}: no such backup file")
    _check_project_file(backup)
    stamp = (now or datetime.now(UTC)).strftime(_STAMP)
    incoming = project.with_name(project.name + ".restoring")
    replaced: Path | None = None
    try:
        project.parent.mkdir(parents=True, exist_ok=True)
        source = sqlite3.connect(f"{backup.resolve().as_uri()}?mode=ro", uri=True)
        try:
            target = sqlite3.connect(incoming)
            try:
                source.backup(target)
            finally:
                target.close()
        finally:
            source.close()
        if project.exists():
            replaced = project.with_name(f"{project.name}.replaced-{stamp}")
            project.replace(replaced)
            for side in ("-wal", "-shm", "-journal"):
                leftover = project.with_name(project.name + side)
                if leftover.exists():
                    leftover.replace(replaced.with_name(replaced.name + side))
        incoming.replace(project)
    except OSError as exc:
        incoming.unlink(missing_ok=True)
        raise StorageError(f"{project}: cannot restore the backup ({exc.strerror or exc})") from exc
    return replaced


def _check_whole(connection: sqlite3.Connection, origin: Path) -> None:
    verdict = connection.execute("PRAGMA quick_check").fetchone()[0]
    if verdict != "ok":
        raise sqlite3.DatabaseError(f"{origin} is damaged: {verdict}")


def _check_project_file(path: Path) -> None:
    try:
        connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            _check_whole(connection, path)
            tables = {r[0] for r in connection.execute("SELECT name FROM sqlite_master")}
        finally:
            connection.close()
    except sqlite3.DatabaseError as exc:
        raise DamagedProjectError(f"{path} is not a usable backup: {exc}") from exc
    if "alembic_version" not in tables or "document" not in tables:
        raise DamagedProjectError(f"{path} is not an Annotator project")
