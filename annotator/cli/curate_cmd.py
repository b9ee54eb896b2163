"""``annotator curate``: accept the spans annotators agree on into the curated annotation."""

from __future__ import annotations

import argparse

from annotator.cli.output import term
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "curate", parents=[parent],
        help="accept the spans annotators agree on into the curated annotation",
        description="Agreed spans are copied into the curated annotation (the reserved "
        "annotator 'curated'); the rest is listed for the curator. Export the result with "
        "annotator export --curated.",
    )  # fmt: skip
    parser.add_argument("documents", nargs="*", type=int, metavar="ID", help="only these")
    parser.add_argument(
        "--rule", default="all",
        help="all (every annotator of the document agrees, the default), annotated (everyone "
        "who marked it agrees) or N (at least N annotators gave the same version)",
    )  # fmt: skip
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.cli.projects import open_project
    from annotator.jobs.curation import curate, parse_rule

    rule = parse_rule(args.rule)
    with open_project(args.db) as project, terminal_progress("curating") as progress:
        report = curate(project, rule=rule, document_ids=args.documents or None, progress=progress)
    for document, layer, start, end, why in report.to_review[:20]:
        print(f"  to review: doc {document} {term(layer)} {start}–{end}: {why}")
    more = len(report.to_review) - 20
    if more > 0:
        print(f"  … and {more} more (annotator agreement lists every disagreement)")
    print(
        f"{counted(report.accepted, 'span')} accepted ({report.already} there already) in "
        f"{counted(report.documents, 'document')}; {len(report.to_review)} places to review"
    )
    return 0
