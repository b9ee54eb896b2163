"""``annotator suggest`` and ``annotator suggestions``: run an engine; accept, reject or list
what it proposed."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from pathlib import Path

from annotator.cli.list_cmd import status_arg
from annotator.cli.output import print_json, term
from annotator.domain.suggestions import ENGINES
from annotator.domain.wording import counted


def _documents(parser: argparse.ArgumentParser) -> None:
    which = parser.add_mutually_exclusive_group(required=True)
    which.add_argument("--doc", type=int, action="append", metavar="ID", help="this document "
                       "(repeat for more)")  # fmt: skip
    which.add_argument("--status", type=status_arg, help="every document of this status")
    which.add_argument("--all", action="store_true", help="every document")


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    suggest = commands.add_parser(
        "suggest", parents=[parent], help="propose spans for review (suggestions)",
        description="Run a suggestion engine over documents. What it finds is stored as your "
        "suggestions: drawn dashed in the workbench, left out of exports, agreement and counts "
        "until you accept them. Places you annotated or rejected before are not offered.",
    )  # fmt: skip
    _documents(suggest)
    suggest.add_argument("--engine", required=True, choices=ENGINES)
    suggest.add_argument(
        "--model",
        metavar="PATH_OR_NAME",
        help="the pipeline of the model engine: a folder or an installed spaCy package "
        "(default: the one annotator train made for the layer)",
    )
    suggest.add_argument("--json", action="store_true", help="the report as JSON")
    suggest.set_defaults(run=run_suggest)
    review = commands.add_parser(
        "suggestions", parents=[parent], help="accept, reject or list your suggestions",
        description="accept: they become your own spans; reject: they are removed and not "
        "offered again; list: what is open. Accepting or rejecting is one step Undo takes back.",
    )  # fmt: skip
    review.add_argument("verdict", choices=("accept", "reject", "list"))
    _documents(review)
    review.add_argument("--engine", choices=ENGINES, help="only this engine's")
    review.add_argument("--json", action="store_true", help="list as JSON")
    review.set_defaults(run=run_review)
    trainer = commands.add_parser(
        "train", parents=[parent], help="learn a model of a layer from the project's spans",
        description="Train a small spaCy NER pipeline from spacy.blank(LANG) on the accepted "
        "spans of a layer (CPU; nothing is downloaded), report its F1 on held-out documents, "
        "and keep it beside the project for annotator suggest --engine model.",
    )  # fmt: skip
    trainer.add_argument("--layer", default="actor", help="the layer to learn (default actor)")
    trainer.add_argument("--lang", help="the pipeline's language (default: the documents')")
    trainer.add_argument("--iterations", type=int, default=20, help="passes (default 20)")
    trainer.add_argument("--out", type=Path, help="where to keep the model")
    trainer.add_argument("--json", action="store_true", help="the scores as JSON")
    trainer.set_defaults(run=run_train)


def run_suggest(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.cli.projects import open_project
    from annotator.jobs.suggest import chosen_documents, suggest

    with open_project(args.db) as project:
        ids = chosen_documents(project, document_ids=args.doc, status=args.status)
        with terminal_progress(f"suggesting ({args.engine})") as progress:
            report = suggest(project, args.engine, ids, progress, model=args.model)
    if args.json:
        print_json(asdict(report))
        return 0
    print(
        f"{counted(report.added, 'suggestion')} in {counted(report.documents, 'document')} "
        f"({report.read} read); not offered again: {report.already} annotated or suggested "
        f"already, {report.rejected} rejected before"
        + (f"; {report.ambiguous} wordings name several actors" if report.ambiguous else "")
    )
    return 0


def run_review(args: argparse.Namespace) -> int:
    from annotator.cli.projects import open_project
    from annotator.jobs.suggest import chosen_documents, review

    with open_project(args.db) as project:
        ids = chosen_documents(project, document_ids=args.doc, status=args.status)
        if args.verdict == "list":
            wanted = set(ids)
            found = [a for a in project.suggestions.list(engine=args.engine)
                     if a.document_id in wanted]  # fmt: skip
            if args.json:
                print_json([
                    {"id": a.id, "document": a.document_id, "layer": a.layer, "start": a.start,
                     "end": a.end, "text": a.text,
                     "why": a.suggestion.as_dict() if a.suggestion else None}
                    for a in found
                ])  # fmt: skip
                return 0
            for a in found:
                why = a.suggestion.describe() if a.suggestion else ""
                text = " ".join(a.text.split())[:50]
                print(f"{a.id:>6}  doc {a.document_id:<5} {term(a.layer):<8} {a.start}–{a.end} "
                      f"“{term(text)}”  {term(why)}")  # fmt: skip
            print(f"{counted(len(found), 'open suggestion')}")
            return 0
        done = review(project, args.verdict, ids, args.engine)
    verb = "accepted" if args.verdict == "accept" else "rejected"
    print(f"{counted(done, 'suggestion')} {verb}")
    return 0


def run_train(args: argparse.Namespace) -> int:
    from annotator.cli.progressbar import terminal_progress
    from annotator.cli.projects import open_project
    from annotator.jobs.train import train_layer

    with open_project(args.db) as project, terminal_progress("training") as progress:
        trained, where = train_layer(
            project, args.layer, language=args.lang, out=args.out,
            iterations=args.iterations, progress=progress,
        )  # fmt: skip
    if args.json:
        print_json({**asdict(trained), "model": str(where)})
        return 0
    print(
        f"trained on {counted(trained.documents, 'document')}, scored on {trained.held_out} "
        f"held out: precision {trained.precision:.2f}, recall {trained.recall:.2f}, "
        f"F1 {trained.f1:.2f} ({', '.join(trained.labels)})"
    )
    print(f"model: {term(str(where))}  (annotator suggest --engine model uses it)")
    return 0
