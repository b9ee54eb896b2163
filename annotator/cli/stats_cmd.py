"""``annotator stats``: counts over the whole project."""

from __future__ import annotations

import argparse
from dataclasses import asdict

from annotator.cli.output import print_json, term
from annotator.cli.projects import open_project


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser("stats", parents=[parent], help="count documents and annotations")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        stats = project.stats()
        location = project.location
    if args.json:
        print_json({"project": location, **asdict(stats)})
        return 0
    print(f"project      {term(location)}")
    print(f"documents    {stats.documents} ({stats.characters:,} characters)")
    for status, n in sorted(stats.documents_by_status.items()):
        print(f"  {status:<13}{n}")
    print(f"annotations  {stats.annotations} ({stats.links} links)")
    for layer, n in stats.annotations_by_layer.items():
        print(f"  {term(layer):<13}{n}")
    print(f"actors       {stats.actors}")
    for kind, n in sorted(stats.actors_by_kind.items()):
        print(f"  {kind:<13}{n}")
    for name, n in sorted(stats.annotations_by_annotator.items()):
        print(f"annotator    {term(name)}: {n} annotations")
    return 0
