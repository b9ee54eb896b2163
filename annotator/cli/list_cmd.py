"""``annotator list``: the project's documents."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from annotator.cli.output import print_json, print_table, shorten
from annotator.cli.projects import open_project
from annotator.domain.documents import DocumentStatus


def status_arg(value: str) -> DocumentStatus:
    try:
        return DocumentStatus.parse(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from None


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser("list", parents=[parent], help="list the documents")
    parser.add_argument(
        "--status",
        type=status_arg,
        help="only documents with this status (new, in_progress, done, reviewed)",
    )
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        documents = project.documents.list(args.status)
    if args.json:
        print_json([asdict(d) for d in documents])
        return 0
    rows = [
        (d.id, d.status.value, d.language or "", d.chars, d.annotations, shorten(d.title, 70))
        for d in documents
    ]
    print_table(("id", "status", "lang", "chars", "annotations", "title"), rows, right={0, 3, 4})
    return 0
