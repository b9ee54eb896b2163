"""``annotator export``: annotations to a dataset file in one of the field's formats."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.list_cmd import status_arg
from annotator.cli.output import term, warn
from annotator.cli.projects import open_project
from annotator.domain.errors import UsageError
from annotator.domain.wording import counted
from annotator.formats.names import WRITABLE
from annotator.jobs.splits import parse_split


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    writable = ", ".join(WRITABLE)
    parser = commands.add_parser(
        "export",
        parents=[parent],
        help=f"export annotations ({writable})",
        description="Export the project's annotations. With --split, OUT is a folder that "
        "gets one file per split.",
    )
    parser.add_argument("--format", required=True, metavar="F", help=f"one of: {writable}")
    parser.add_argument(
        "--out", required=True, type=Path, metavar="PATH", help="file (or folder) to write"
    )
    parser.add_argument("--status", type=status_arg, help="only documents with this status")
    parser.add_argument(
        "--layer", action="append", metavar="L", help="only this layer (repeatable)"
    )
    parser.add_argument("--annotator", metavar="NAME", help="only spans made by this person")
    parser.add_argument(
        "--curated", action="store_true",
        help="only the curated (adjudicated) annotation (see annotator curate)",
    )  # fmt: skip
    parser.add_argument(
        "--include-suggestions",
        action="store_true",
        help="also the suggestions nobody has accepted (left out by default)",
    )
    parser.add_argument(
        "--split", type=_split_arg, metavar="train=0.8,dev=0.1,test=0.1",
        help="divide documents into splits",
    )  # fmt: skip
    parser.add_argument("--seed", type=int, default=0, help="seed of the split (default 0)")
    parser.add_argument(
        "--offsets",
        choices=("utf16", "codepoints"),
        default="utf16",
        help="unit of doccano offsets (default utf16, as doccano counts)",
    )
    parser.add_argument(
        "--network",
        choices=("actors", "actor-topic"),
        default="actors",
        help="graphml: the actor network (default) or the actor-topic network",
    )
    parser.add_argument(
        "--qdpx-target",
        default="standard",
        choices=("standard", "nvivo", "maxqda", "atlasti"),
        help="qdpx: adjust offsets and line ends for a program's known deviations",
    )
    parser.add_argument(
        "--qdpx-actors",
        default="cases",
        choices=("cases", "codes"),
        help="qdpx: actors as cases with their kind as a variable (default), or as codes",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.domain.team import CURATED
    from annotator.formats.annotations.report import FormatOptions
    from annotator.jobs.exporter import export
    from annotator.store.exporting import ExportFilter

    if args.curated and args.annotator:
        raise UsageError("give --curated or --annotator, not both")
    chosen = ExportFilter(
        status=args.status,
        layers=frozenset(args.layer) if args.layer else None,
        annotator=CURATED if args.curated else args.annotator,
        suggestions=args.include_suggestions,
    )
    with open_project(args.db) as project, terminal_progress("exporting") as progress:
        result = export(
            project, args.format, args.out, chosen, splits=args.split, seed=args.seed,
            options=FormatOptions(offsets=args.offsets, network=args.network,
                                  qdpx_target=args.qdpx_target, qdpx_actors=args.qdpx_actors),
            progress=progress,
        )  # fmt: skip
    for line in result.report.lines():
        warn(f"not kept: {line}")
    files = ", ".join(str(path) for path in result.files)
    print(
        f"{counted(result.report.documents, 'document')}, "
        f"{counted(result.report.spans, 'span')} -> {term(files)}"
    )
    if result.report.documents == 0:
        warn("nothing exported: no document matches the chosen status, layers and annotator")
        return 1
    if result.report.spans == 0:
        warn("note: the exported documents hold no spans of the chosen layers")
    return 0


def _split_arg(text: str) -> dict[str, float]:
    try:
        return parse_split(text)
    except UsageError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc
