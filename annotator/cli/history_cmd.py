"""``annotator undo``, ``redo``, ``history`` and ``restore``: the edit log from the command line.

Undo and redo are the current annotator's (``$ANNOTATOR_USER`` or the login name), the same
steps the workbench's Ctrl+Z takes, whichever program took them.
"""

from __future__ import annotations

import argparse
from datetime import UTC, datetime
from typing import Any

from annotator.cli.output import print_json, term
from annotator.cli.projects import open_project
from annotator.domain.errors import UsageError
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    for name, what in (("undo", "undo your latest step"), ("redo", "redo the step you undid")):
        parser = commands.add_parser(name, parents=[parent], help=what, description=what)
        parser.set_defaults(run=run_undo if name == "undo" else run_redo)
    history = commands.add_parser(
        "history", parents=[parent], help="who changed what and when (newest first)"
    )
    history.add_argument("--doc", type=int, metavar="ID", help="only this document")
    history.add_argument("--actor", type=int, metavar="ID", help="only this actor and its spans")
    history.add_argument("--annotator", metavar="NAME", help="only this annotator's edits")
    history.add_argument("--since", type=_date, metavar="DATE", help="from DATE (YYYY-MM-DD)")
    history.add_argument("--limit", type=int, default=200, help="at most this many (200)")
    history.add_argument("--json", action="store_true", help="print JSON, with before and after")
    history.set_defaults(run=run_history)
    restore = commands.add_parser(
        "restore", parents=[parent], help="bring back a deleted span or actor (see history)"
    )
    restore.add_argument("edit", type=int, metavar="EDIT_ID", help="the id history shows")
    restore.set_defaults(run=run_restore)


def _date(value: str) -> datetime:
    try:
        return datetime.fromisoformat(value).replace(tzinfo=UTC)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {value!r} (use YYYY-MM-DD)") from None


def run_undo(args: argparse.Namespace) -> int:
    return _step(args, undo=True)


def run_redo(args: argparse.Namespace) -> int:
    return _step(args, undo=False)


def _step(args: argparse.Namespace, *, undo: bool) -> int:
    with open_project(args.db) as project:
        stack = project.history.stacks()[0 if undo else 1]
        if not stack:
            raise UsageError(f"there is nothing to {'undo' if undo else 'redo'}")
        label = stack[-1].label
        (project.history.undo if undo else project.history.redo)()
    print(f"{'undone' if undo else 'redone'}: {term(label)}")
    return 0


def run_history(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        found = project.history.entries(
            document_id=args.doc, actor_id=args.actor, annotator=args.annotator,
            since=args.since, limit=args.limit,
        )  # fmt: skip
    if args.json:
        print_json([_as_json(item) for item in found])
        return 0
    for item in found:
        e = item.entry
        where = f" doc {e.document_id}" if e.document_id is not None else ""
        mark = "  (restorable)" if item.restorable else ""
        print(
            f"#{e.id:<6} {item.at:%Y-%m-%d %H:%M:%S}  {term(item.annotator):<12} "
            f"{e.action:<8} {e.entity}{f' {e.entity_id}' if e.entity_id else ''}{where}"
            f"  {term(item.label)}{mark}"
        )
    return 0


def _as_json(item: Any) -> dict[str, Any]:
    e = item.entry
    return {
        "edit": e.id, "change": e.change_id, "at": item.at.isoformat(),
        "annotator": item.annotator, "action": e.action, "entity": e.entity,
        "entity_id": e.entity_id, "document": e.document_id, "step": item.label,
        "restorable": item.restorable, "before": e.before, "after": e.after,
    }  # fmt: skip


def run_restore(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        changes = project.history.restore(args.edit)
    print(
        f"restored what edit #{args.edit} deleted "
        f"({counted(len(changes.annotations), 'span')} touched)"
    )
    return 0
