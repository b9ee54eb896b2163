"""``annotator scheme``: show, export or replace the project's scheme (layers, labels,
attributes, colours and hotkeys) as YAML."""

from __future__ import annotations

import argparse
from pathlib import Path

from annotator.cli.projects import open_project


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "scheme",
        parents=[parent],
        help="show, export or replace the project's scheme (YAML)",
        description="Without options, print the scheme. A new scheme may add, rename the "
        "titles of, recolour and re-key layers, and add labels and attributes; layers and "
        "labels still in use cannot be removed.",
    )
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--export", type=Path, metavar="FILE", help="write the scheme to FILE")
    group.add_argument(
        "--import", dest="import_", type=Path, metavar="FILE", help="replace it with FILE"
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.formats.scheme_yaml import dump_scheme, read_scheme_file

    with open_project(args.db) as project:
        if args.import_ is not None:
            project.scheme.install(read_scheme_file(args.import_))
            print(f"scheme replaced from {args.import_}")
            return 0
        text = dump_scheme(project.scheme.load())
    if args.export is not None:
        args.export.write_text(text, encoding="utf-8")
        print(f"scheme written to {args.export}")
    else:
        print(text, end="")
    return 0
