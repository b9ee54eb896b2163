"""The sample articles of a new default project, with the annotations a careful annotator adds.

Each ``resources/samples/*.yaml`` holds one article, its actors (keyed, with parents by key) and
its annotations. A span is given by its text, found in the article (the first occurrence, or the
first one right ``after`` some other text, or the n-th ``occurrence``), so the files stay readable
and the offsets stay right.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from annotator import resources
from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.scheme import AttributeKind
from annotator.domain.text import fingerprint
from annotator.formats.articles.records import draft_from_record
from annotator.store.project import Project

_SPAN_KEYS = {"layer", "text", "after", "occurrence", "actor", "label"}


def add_samples(project: Project) -> int:
    """Add every sample article with its actors and annotations; returns the articles added."""
    actors: dict[str, int] = {}
    added = 0
    for name in resources.sample_names():
        sample = resources.read_yaml(f"samples/{name}")
        added += _add_sample(project, sample, name, actors)
    return added


def locate(text: str, span: dict[str, Any]) -> tuple[int, int]:
    """Code point offsets of a sample span in ``text``; ValueError when it is not there."""
    needle = str(span["text"])
    if "after" in span:
        context = str(span["after"])
        start = text.index(context) + len(context)
        if not text.startswith(needle, start):
            raise ValueError(f"{needle!r} does not follow {context!r}")
        return start, start + len(needle)
    start = -1
    for _ in range(int(span.get("occurrence", 1))):
        start = text.index(needle, start + 1)
    return start, start + len(needle)


def _add_sample(project: Project, sample: dict[str, Any], name: str, actors: dict[str, int]) -> int:
    record = {k: v for k, v in sample.items() if k not in ("actors", "annotations")}
    draft = draft_from_record(record, Path(name), None, Path(name).stem)
    if not project.documents.add_many([draft], source=f"sample {name}").added:
        return 0
    document_id = project.documents.id_for_fingerprint(fingerprint(draft.text))
    assert document_id is not None
    _add_actors(project, sample.get("actors", []), actors)
    scheme = project.scheme.load()
    for span in sample.get("annotations", []):
        layer = scheme.layer(span["layer"])
        start, end = locate(draft.text, span)
        values: dict[str, Any] = {}
        links: list[LinkDraft] = []
        for key, value in span.items():
            if key in _SPAN_KEYS:
                continue
            if layer.attribute(key).kind is AttributeKind.ACTOR:
                links.append(LinkDraft(key, actor_id=actors[value]))
            else:
                values[key] = value
        project.annotations.create(
            document_id,
            AnnotationDraft(
                layer=layer.name,
                start=start,
                end=end,
                label=span.get("label"),
                attributes=values,
                actor_id=actors[span["actor"]] if "actor" in span else None,
                links=tuple(links),
            ),
        )
    return 1


def _add_actors(project: Project, entries: list[dict[str, Any]], actors: dict[str, int]) -> None:
    waiting = [e for e in entries if e["key"] not in actors]
    while waiting:
        ready = [e for e in waiting if e.get("parent") in (None, *actors)]
        if not ready:
            raise ValueError(f"actor parents form a cycle or are missing: {waiting}")
        for entry in ready:
            actor = project.actors.create(
                ActorDraft(
                    name=entry["name"],
                    kind=ActorKind(entry.get("kind", "other")),
                    aliases=tuple(entry.get("aliases", ())),
                    description=entry.get("description"),
                    parent_id=actors.get(entry.get("parent", "")),
                )
            )
            actors[entry["key"]] = actor.id
        waiting = [e for e in waiting if e["key"] not in actors]
