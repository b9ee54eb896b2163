"""``annotator network``: discourse networks of claims or quotes, as DNA builds them."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from annotator.cli.output import term
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "network", parents=[parent], help="discourse networks (DNA) of claims or quotes",
        description="Actor and concept networks from the claims (or quotes) of the project, "
        "as the Discourse Network Analyzer defines them; written as GraphML (Gephi, visone), "
        "a CSV edge list or UCINET DL, chosen by the --out extension.",
    )  # fmt: skip
    parser.add_argument("--type", default="onemode", choices=("onemode", "twomode", "eventlist"))
    parser.add_argument("--var1", default="actor", help="actor, actor-kind, topic or source")
    parser.add_argument("--var2", default="topic", help="actor, actor-kind, topic or source")
    parser.add_argument("--qualifier", help="an attribute such as stance")
    parser.add_argument(
        "--aggregation", default="ignore",
        choices=("ignore", "congruence", "conflict", "subtract", "combine"),
        help="one-mode: ignore, congruence, conflict, subtract; two-mode: ignore, subtract, "
        "combine",
    )  # fmt: skip
    parser.add_argument(
        "--normalization", default="no",
        choices=("no", "average", "jaccard", "cosine", "activity", "prominence"),
    )  # fmt: skip
    parser.add_argument("--duplicates", default="include",
                        choices=("include", "document", "week", "month", "year"))  # fmt: skip
    parser.add_argument("--window", help="one network per time window, e.g. 30d")
    parser.add_argument("--step", help="how far a window moves, e.g. 7d (default: its length)")
    parser.add_argument("--layer", default="claim", help="claim (default) or quote")
    parser.add_argument("--from", dest="since", type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--to", dest="until", type=date.fromisoformat, help="YYYY-MM-DD")
    parser.add_argument("--annotator", help="only this person's spans")
    parser.add_argument(
        "--out", required=True, type=Path,
        help="FILE.graphml, .csv or .dl; or a picture: .svg, .pdf, .png",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.cli.projects import open_project
    from annotator.jobs.network import NetworkOptions, network, parse_duration

    options = NetworkOptions(
        type=args.type, var1=args.var1, var2=args.var2, qualifier=args.qualifier,
        aggregation=args.aggregation, normalization=args.normalization,
        duplicates=args.duplicates, layer=args.layer,
        window=parse_duration(args.window) if args.window else None,
        step=parse_duration(args.step) if args.step else None,
        since=args.since, until=args.until, annotator=args.annotator,
    )  # fmt: skip
    with open_project(args.db) as project, terminal_progress("network") as progress:
        report = network(project, options, args.out, progress)
    for made in report.networks:
        for code, levels in sorted(made.codes.items()):
            print(f"  edge weight {code} = {', '.join(map(str, levels))}")
    print(
        f"{counted(report.statements, 'statement')} -> "
        f"{', '.join(term(str(f)) for f in report.files)}{report.left_out_note()}"
    )
    return 0
