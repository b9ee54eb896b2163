"""``annotator chart``: a chart of the annotations as PNG, SVG, PDF, or its table as CSV."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from annotator.cli.list_cmd import status_arg
from annotator.cli.output import term

KINDS = ("actors", "speakers", "topics", "stance", "kinds")


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "chart", parents=[parent], help="a chart of the annotations (PNG, SVG, PDF or CSV)",
        description="actors: the most present actors by mentions, quotes and claims; speakers: "
        "quotes by speaker over time; topics: claims by topic over time; stance: the actor × "
        "topic stance matrix; kinds: the share of quoted speakers by kind of actor.",
    )  # fmt: skip
    parser.add_argument("kind", choices=KINDS)
    parser.add_argument("--out", required=True, type=Path, help="FILE.png, .svg, .pdf or .csv")
    parser.add_argument("--period", default="month", choices=("day", "week", "month"))
    parser.add_argument("--top", type=int, default=15, help="how many actors or topics (15)")
    parser.add_argument("--from", dest="since", type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="until", type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--status", type=status_arg, help="only documents of this status")
    parser.add_argument("--source", help="only articles from this source")
    parser.add_argument("--layer", action="append", help="only this layer (repeatable)")
    parser.add_argument("--annotator", help="only this person's spans")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.charts.figures import save
    from annotator.cli.projects import open_project
    from annotator.domain.errors import UsageError
    from annotator.jobs.charts import chart_table
    from annotator.jobs.statements import StatementFilter

    if args.out.suffix.lower() not in (".png", ".svg", ".pdf", ".csv"):
        raise UsageError("--out: a file ending in .png, .svg, .pdf or .csv")
    chosen = StatementFilter(
        status=args.status, annotator=args.annotator, since=args.since, until=args.until,
        source=args.source, layers=frozenset(args.layer) if args.layer else None,
    )  # fmt: skip
    with open_project(args.db) as project:
        table = chart_table(project, args.kind, chosen, period=args.period, top=args.top)
    if table.empty:
        print(f"nothing to chart: {table.title}")
        return 1
    args.out.parent.mkdir(parents=True, exist_ok=True)
    save(table, args.out)
    print(f"{table.title}: {len(table.categories)} rows -> {term(str(args.out))}")
    return 0
