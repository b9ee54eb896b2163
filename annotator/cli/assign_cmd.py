"""``annotator assign`` and ``annotator assignments``: who annotates which documents."""

from __future__ import annotations

import argparse

from annotator.cli.output import print_json, term
from annotator.cli.projects import open_project
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    assign = commands.add_parser(
        "assign", parents=[parent],
        help="give documents to annotators, each to annotate independently",
    )  # fmt: skip
    assign.add_argument("documents", nargs="*", metavar="ID", help="ids or ranges like 1-10")
    assign.add_argument("--to", required=True, metavar="a,b,c", help="the annotators")
    assign.add_argument("--all", action="store_true", help="every document")
    assign.add_argument("--status", help="every document of this status")
    assign.set_defaults(run=run_assign)
    listed = commands.add_parser(
        "assignments", parents=[parent], help="who annotates what, and how far each has got"
    )
    listed.add_argument("--annotator", metavar="NAME", help="only this annotator")
    listed.add_argument("--json", action="store_true", help="print JSON")
    listed.set_defaults(run=run_assignments)


def _ids(values: list[str]) -> list[int]:
    found: list[int] = []
    for value in values:
        first, dash, last = value.partition("-")
        try:
            found += list(range(int(first), int(last) + 1)) if dash else [int(first)]
        except ValueError:
            raise UsageError(f"not a document id or range: {value!r} (use 3 or 1-10)") from None
    return found


def run_assign(args: argparse.Namespace) -> int:
    names = [n.strip() for n in args.to.split(",") if n.strip()]
    with open_project(args.db) as project:
        if args.all or args.status:
            try:
                status = DocumentStatus.parse(args.status) if args.status else None
            except ValueError as exc:
                raise UsageError(str(exc)) from None
            ids = [d.id for d in project.documents.list(status)]
        else:
            ids = _ids(args.documents)
        if not ids:
            raise UsageError("name the documents to assign (ids, ranges, --all or --status)")
        made = project.assignments.assign(ids, names)
    print(f"{made} assignments made ({counted(len(ids), 'document')} × {len(names)} annotators; "
          "those assigned already keep theirs)")  # fmt: skip
    return 0


def run_assignments(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        found = project.assignments.list(annotator=args.annotator)
        titles = {d.id: d.title for d in project.documents.list()}
    if args.json:
        print_json([
            {"document": a.document_id, "title": titles.get(a.document_id),
             "annotator": a.annotator, "status": a.status.value}
            for a in found
        ])  # fmt: skip
        return 0
    for a in found:
        title = term(titles.get(a.document_id, ""))[:50]
        print(f"{a.document_id:>5}  {term(a.annotator):<14} {a.status.value:<12} {title}")
    return 0
