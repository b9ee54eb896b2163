"""``annotator delete-doc``: delete a document with its spans, recoverably."""

from __future__ import annotations

import argparse

from annotator.cli.output import term
from annotator.cli.projects import open_project
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "delete-doc",
        parents=[parent],
        help="delete a document with its spans (annotator undo, or restore, brings it back)",
    )
    parser.add_argument("id", type=int, metavar="ID")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        title = project.documents.get(args.id).title
        spans = project.document_deletion.delete(args.id)
    print(
        f"deleted document {args.id} “{term(title)}” with {counted(spans, 'span')} "
        "(annotator undo brings it back)"
    )
    return 0
