"""``annotator backup`` and ``annotator restore-backup``: copies of a SQLite project."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.output import print_table, term
from annotator.domain.errors import UsageError


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    backup = commands.add_parser(
        "backup",
        parents=[parent],
        help="copy the project safely, even while it is in use",
        description="Copy a SQLite project with SQLite's online backup API (safe while the "
        "workbench or an import is writing). Without --out the copy goes to the project's "
        "backup folder (NAME.backups/ beside it), where the workbench keeps its daily backups.",
    )
    backup.add_argument("--out", type=Path, metavar="FILE", help="where to write the copy")
    backup.add_argument("--list", action="store_true", help="list the project's backups")
    backup.set_defaults(run=run_backup)
    restore = commands.add_parser(
        "restore-backup",
        parents=[parent],
        help="put a backup in the place of the project",
        description="Replace the project with a backup. The replaced file is kept beside it "
        "as NAME.replaced-TIME. Close the workbench on this project first.",
    )
    restore.add_argument("backup", type=Path, metavar="FILE", help="the backup to restore")
    restore.set_defaults(run=run_restore)


def project_file(db: str | None) -> Path:
    """The SQLite file a command names (or the default project's), without opening it."""
    from annotator.paths import default_project_path

    if not db:
        return default_project_path()
    from annotator.store.engine import resolve

    target = resolve(db)
    if target.path is None:
        raise UsageError(
            "backups are for SQLite project files; back up a PostgreSQL server with pg_dump"
        )
    return target.path


def run_backup(args: argparse.Namespace) -> int:
    from annotator.store.backups import back_up, backup_folder, list_backups

    project = project_file(getattr(args, "db", None))
    if args.list:
        rows = [(b.taken.strftime("%Y-%m-%d %H:%M:%S UTC"), f"{b.size:,}", b.path)
                for b in list_backups(project)]  # fmt: skip
        if not rows:
            print(term(f"no backups in {backup_folder(project)}"))
            return 0
        print_table(("taken", "bytes", "file"), rows, right={1})
        return 0
    written = back_up(project, args.out)
    print(term(f"backed up {project} to {written}"))
    return 0


def run_restore(args: argparse.Namespace) -> int:
    from annotator.store.backups import restore_backup

    project = project_file(getattr(args, "db", None))
    replaced = restore_backup(args.backup, project)
    print(term(f"restored {args.backup} as {project}"))
    if replaced is not None:
        print(term(f"the replaced project is kept as {replaced}"))
    return 0
