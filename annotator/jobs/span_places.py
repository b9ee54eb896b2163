"""Where spans are, for a list a person reads and opens: the article, the offsets, the text.

The Charts window lists the mentions behind an actor's bar with it (statements have their
own rows, :mod:`annotator.jobs.statements`)."""

from __future__ import annotations

from dataclasses import dataclass

from annotator.store.project import Project


@dataclass(frozen=True, slots=True)
class SpanPlace:
    id: int
    document_id: int
    title: str
    layer: str
    start: int
    end: int
    text: str


def span_places(project: Project, ids: list[int]) -> list[SpanPlace]:
    """The spans ``ids`` (those that exist), in reading order: by article, then offsets."""
    if not ids:
        return []
    documents, spans = project.coded.read(only=set(ids))
    titles = {d.id: d.title for d in documents}
    return [SpanPlace(s.id, s.document_id, titles.get(s.document_id, ""), s.layer, s.start, s.end,
                      s.text) for s in spans]  # fmt: skip
