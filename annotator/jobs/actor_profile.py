"""An actor's page: every mention, quote and claim across the articles, its aliases, and the
actors named in the same articles."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from annotator.domain.actors import Actor
from annotator.jobs.statements import StatementRow, statement_rows
from annotator.store.project import Project


@dataclass(slots=True)
class ActorProfile:
    actor: Actor
    mentions: list[tuple[int, str, int, int, int]] = field(default_factory=list)
    # (document, title, count, first start, first end) per article
    statements: list[StatementRow] = field(default_factory=list)  # quotes and claims made
    together: list[tuple[str, int]] = field(default_factory=list)  # (actor, shared articles)


def actor_profile(project: Project, actor_id: int) -> ActorProfile:
    actor = project.actors.get(actor_id)
    layers = {layer.name for layer in project.scheme.load().layers if layer.refers_to_actor}
    titles = {d.id: d.title for d in project.documents.list()}
    names = {a.id: a.name for a in project.actors.list()}
    _found, spans = project.coded.read(layers=layers)
    by_document: dict[int, list[tuple[int, int]]] = {}
    present: dict[int, set[int]] = {}  # document -> actors named in it
    for span in spans:
        if span.actor_id is None:
            continue
        present.setdefault(span.document_id, set()).add(span.actor_id)
        if span.actor_id == actor_id:
            by_document.setdefault(span.document_id, []).append((span.start, span.end))
    profile = ActorProfile(actor)
    for document, places in sorted(by_document.items()):
        start, end = min(places)
        profile.mentions.append((document, titles.get(document, ""), len(places), start, end))
    profile.statements = [r for r in statement_rows(project) if r.actor_id == actor_id]
    shared: Counter[str] = Counter()
    for document in set(by_document) | {r.document_id for r in profile.statements}:
        for other in present.get(document, set()) - {actor_id}:
            shared[names.get(other, str(other))] += 1
    profile.together = shared.most_common()
    return profile
