"""``annotator merge``: bring another copy's annotations in, as their annotators' work."""

from __future__ import annotations

import argparse

from annotator.cli.output import print_json, term, warn
from annotator.cli.projects import open_project
from annotator.domain.wording import counted


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser(
        "merge",
        parents=[parent],
        help="merge other copies of the project (annotated elsewhere) into this one",
        description="Documents are matched by their text and actors by name and aliases; "
        "each annotator's spans come in once, however often you merge.",
    )
    parser.add_argument("sources", nargs="+", metavar="OTHER", help="project file or URL")
    parser.add_argument("--json", action="store_true", help="print the outcome as JSON")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.jobs.merge import merge_projects

    with open_project(args.db) as project, terminal_progress("merging") as progress:
        outcomes = merge_projects(project, args.sources, progress)
    complete = all(not outcome.losses.counts for outcome in outcomes)
    if args.json:
        print_json([
            {"source": o.source, "documents": o.documents, "spans": o.spans,
             "onto_documents_here": o.merged_into, "actors_created": o.actors_created,
             "statuses": o.statuses,
             "notices": o.notices, "not_taken": o.losses.as_dict()}
            for o in outcomes
        ])  # fmt: skip
        return 0 if complete else 1
    for outcome in outcomes:
        for notice in outcome.notices:
            warn(f"note: {notice}")
        for line in outcome.losses.lines():
            warn(f"not taken: {line}")
        print(
            f"merged {term(outcome.source)}: {counted(outcome.spans, 'span')} "
            f"({outcome.merged_into} onto documents here already), {outcome.documents} new "
            f"documents, {outcome.actors_created} new actors, {outcome.statuses} annotators' "
            "statuses"
        )
    return 0 if complete else 1
