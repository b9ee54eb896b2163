"""``annotator show ID``: one document with its annotations."""

from __future__ import annotations

import argparse
from dataclasses import asdict
from typing import Any

from annotator.cli.output import print_json, print_table, shorten, term
from annotator.cli.projects import open_project
from annotator.domain.actors import Actor
from annotator.domain.annotations import Annotation


def register(
    commands: argparse._SubParsersAction[argparse.ArgumentParser], parent: argparse.ArgumentParser
) -> None:
    parser = commands.add_parser("show", parents=[parent], help="show one document")
    parser.add_argument("id", type=int, metavar="ID")
    parser.add_argument("--json", action="store_true", help="print JSON for scripts")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    with open_project(args.db) as project:
        document = project.documents.get(args.id)
        annotations = project.annotations.for_document(args.id)
        actors = {actor.id: actor for actor in project.actors.list()}
    spans = [_annotation_json(a, actors) for a in annotations]
    if args.json:
        data = asdict(document)
        data["annotations"] = spans
        print_json(data)
        return 0
    print(term(document.title))
    for label, value in (
        ("source", document.source),
        ("date", document.published),
        ("author", document.author),
        ("language", document.language),
        ("url", document.url),
        ("status", document.status.value),
    ):
        if value:
            print(f"{label:>9}: {term(value)}")
    print()
    print(term(document.text, keep_newlines=True))
    if spans:
        print()
        rows = [
            (s["id"], s["layer"], s["start"], s["end"], _who(s), shorten(s["text"], 60))
            for s in spans
        ]
        print_table(("id", "layer", "start", "end", "actor", "text"), rows, right={0, 2, 3})
    return 0


def _annotation_json(annotation: Annotation, actors: dict[int, Actor]) -> dict[str, Any]:
    def name(actor_id: int | None) -> str | None:
        return actors[actor_id].name if actor_id in actors else None

    return {
        "id": annotation.id,
        "layer": annotation.layer,
        "label": annotation.label,
        "start": annotation.start,
        "end": annotation.end,
        "text": annotation.text,
        "attributes": annotation.attributes,
        "actor": (
            {"id": annotation.actor_id, "name": name(annotation.actor_id)}
            if annotation.actor_id is not None
            else None
        ),
        "links": [
            {
                "type": link.type,
                "actor_id": link.actor_id,
                "actor": name(link.actor_id),
                "annotation_id": link.annotation_id,
            }
            for link in annotation.links
        ],
        "annotator": annotation.annotator,
        "origin": annotation.origin.value,
    }


def _who(span: dict[str, Any]) -> str:
    if span["actor"]:
        return str(span["actor"]["name"])
    names = [f"{link['type']}: {link['actor']}" for link in span["links"] if link["actor"]]
    return ", ".join(names)
