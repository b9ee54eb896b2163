"""``annotator import PATH...``: articles from files and folders."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any

from annotator.cli.output import print_json, warn
from annotator.cli.projects import open_project
from annotator.domain.errors import UsageError
from annotator.domain.label_map import LayerTarget, parse_mapping
from annotator.formats.names import ARTICLES, READABLE

if TYPE_CHECKING:
    from annotator.jobs.importer import ImportReport


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "import",
        parents=[parent],
        help="import articles (txt, md, html, json, jsonl, csv) or annotated files "
        f"({', '.join(READABLE)}), or folders of them",
        description="Import articles or annotated documents. Each file is imported whole or "
        "not at all; folders are searched recursively. The format of an annotated file is "
        "recognised from its content and reported. Anything a file holds that cannot be "
        "taken is counted by kind; the exit status is 0 only when nothing was refused or "
        "left out.",
    )
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH")
    parser.add_argument(
        "--encoding", help="read every file in this encoding instead of detecting it"
    )
    parser.add_argument(
        "--format",
        metavar="F",
        help=f"read the files in this format ({', '.join([*READABLE, ARTICLES])}"
        "); recognised from the content if not given",
    )
    parser.add_argument(
        "--map",
        action="append",
        default=[],
        type=_mapping_arg,
        metavar="LABEL=LAYER[:KIND]",
        help="read spans labelled LABEL as spans of LAYER (for the actor layer with actors of "
        "KIND: person, organisation, state, group, media, other); remembered by the project. "
        "PER, ORG, GPE and NORP map to actor mentions unless told otherwise",
    )
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="unit of doccano offsets: utf16 (doccano's own files) or codepoints",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.formats.annotations.report import FormatOptions
    from annotator.jobs.importer import import_paths

    with open_project(args.db) as project, terminal_progress("importing") as progress:
        report = import_paths(
            project,
            args.paths,
            encoding=args.encoding,
            format_name=args.format,
            options=FormatOptions(offsets=args.offsets),
            progress=progress,
            mapping=dict(args.map),
        )
    if args.json:
        print_json(report_json(report))
        return 0 if report.complete else 1
    for outcome in report.files:
        if outcome.read_as:
            warn(f"{outcome.path}: {outcome.read_as}")
    for error in report.refused:
        warn(f"refused {error}")
    for notice in report.notices:
        warn(f"note: {notice}")
    for dup in report.duplicates:
        where = f"#{dup.existing_id}" if dup.existing_id else "earlier in this import"
        origin = dup.draft.imported_from or ""
        warn(f"duplicate {origin}: same text as {where} “{dup.existing_title}”")
    for line in report.losses.lines():
        warn(f"not taken: {line}")
    print(report.summary())
    return 0 if report.complete else 1


def report_json(report: ImportReport) -> dict[str, Any]:
    """The import report for scripts: totals, and each file's outcome."""
    return {
        "imported": report.imported,
        "spans": report.spans,
        "duplicates": len(report.duplicates),
        "refused": len(report.refused),
        "not_taken": report.losses.as_dict(),
        "cancelled": report.cancelled,
        "complete": report.complete,
        "files": [
            {
                "path": f.path,
                "read_as": f.read_as,
                "imported": f.imported,
                "spans": f.spans,
                "duplicates": len(f.duplicates),
                "refused": str(f.error.reason) if f.error else None,
                "line": f.error.line if f.error else None,
                "skipped": f.skipped,
                "notices": f.notices,
                "not_taken": f.losses.as_dict(),
            }
            for f in report.files
        ],
    }


def _mapping_arg(text: str) -> tuple[str, LayerTarget]:
    try:
        return parse_mapping(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
