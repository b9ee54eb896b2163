"""``annotator import PATH...``: articles from files and folders."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.output import warn
from annotator.cli.progressbar import terminal_progress
from annotator.cli.projects import open_project
from annotator.formats.annotations.report import FormatOptions
from annotator.jobs.importer import import_paths


def register(commands: argparse._SubParsersAction, parent: argparse.ArgumentParser) -> None:
    parser = commands.add_parser(
        "import",
        parents=[parent],
        help="import articles (txt, md, html, json, jsonl, csv) or annotated files "
        "(jsonl, doccano, brat, labelstudio), or folders of them",
        description="Import articles. Each file is imported whole or not at all; folders are "
        "searched recursively. A text already in the project is reported, not stored again.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--encoding", help="read every file in this encoding instead of detecting it"
    )
    parser.add_argument(
        "--format",
        metavar="F",
        help="annotation format of the files (jsonl, doccano); recognised if not given",
    )
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="unit of doccano offsets: utf16 (doccano's own files) or codepoints",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project, terminal_progress("importing") as progress:
        report = import_paths(
            project,
            args.paths,
            encoding=args.encoding,
            format_name=args.format,
            options=FormatOptions(offsets=args.offsets),
            progress=progress,
        )
    for error in report.refused:
        warn(f"refused {error}")
    for notice in report.notices:
        warn(f"note: {notice}")
    for dup in report.duplicates:
        where = f"#{dup.existing_id}" if dup.existing_id else "earlier in this import"
        origin = dup.draft.imported_from or ""
        warn(f"duplicate {origin}: same text as {where} “{dup.existing_title}”")
    print(report.summary())
    return 1 if report.refused or report.cancelled else 0
