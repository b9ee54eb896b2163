"""``annotator screenshot``: the workbench rendered offscreen to a PNG file."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from annotator.cli.projects import open_project
from annotator.domain.errors import UsageError


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "screenshot",
        parents=[parent],
        help="render the workbench with a document open to a PNG file",
    )
    parser.add_argument("--doc", type=int, metavar="ID", help="document to open")
    parser.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    parser.add_argument("--width", type=int, default=1440)
    parser.add_argument("--height", type=int, default=900)
    parser.add_argument("--select", type=int, metavar="SPAN", help="span to select")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    parser.add_argument(
        "--view",
        choices=("workbench", "statements", "charts", "actor", "network", "export"),
        default="workbench",
        help="the workbench or an analysis window",
    )
    parser.add_argument("--chart", default="actors", help="the chart of --view charts")
    parser.add_argument("--actor", type=int, metavar="ID", help="the actor of --view actor")
    parser.add_argument(
        "--network", metavar="FIELD=VALUE,...", default="",
        help="the network of --view network, e.g. layer=quote,var2=source (fields: type, "
        "layer, var1, var2, qualifier, aggregation, normalization, duplicates); for --view "
        "export, format=NAME",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from annotator.gui.screenshot import render_screenshot

    with open_project(args.db) as project:
        out = render_screenshot(
            project,
            args.doc,
            args.out,
            args.width,
            args.height,
            select=args.select,
            theme=args.theme,
            view=args.view,
            chart=args.chart,
            actor=args.actor,
            network=_fields(args.network),
        )
    print(out)
    return 0


def _fields(text: str) -> dict[str, str]:
    fields = {}
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, equals, value = part.partition("=")
        if not equals:
            raise UsageError(f"--network: FIELD=VALUE, not {part!r}")
        fields[name.strip()] = value.strip()
    return fields
