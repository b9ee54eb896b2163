"""Curation: the adjudicated annotation of each document, made from the annotators' work.

The curated annotation is kept as the work of a reserved annotator, :data:`CURATED`, so it is
stored, shown, undone and exported like any other annotator's spans (``annotator export
--curated``). :func:`curate` accepts on its own the spans the annotators agree on — the same
offsets, layer, label and values (attributes, speaker or claimant, the mention's actor) — under
a rule:

- ``all``: every annotator of the document (those with spans there, or assigned it) has it;
- ``annotated``: everyone who marked that place marked it the same way (two at least);
- a number N: at least N annotators gave that exact version.

The rest is left for the curator, listed with what differs. Accepting is one step (Undo takes
it back); a span the curated annotation has already is never added twice.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from annotator.analysis.spans import groups
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.scheme import AttributeKind, Scheme
from annotator.domain.team import CURATED
from annotator.jobs.progress import Progress
from annotator.store.coded_spans import CodedSpan
from annotator.store.project import Project

__all__ = ["CURATED", "CurationReport", "Place", "accept", "curate", "places"]


@dataclass(slots=True)
class CurationReport:
    documents: int = 0
    accepted: int = 0  # spans added to the curated annotation now
    already: int = 0  # agreed spans the curated annotation had already
    to_review: list[tuple[int, str, int, int, str]] = field(default_factory=list)
    # (document, layer, start, end, why)


def parse_rule(value: str) -> str | int:
    if value in ("all", "annotated"):
        return value
    try:
        needed = int(value)
    except ValueError:
        raise UsageError(f"unknown rule {value!r} (all, annotated, or a number)") from None
    if needed < 2:
        raise UsageError("a vote needs at least 2 annotators")
    return needed


def curate(
    project: Project,
    *,
    rule: str | int = "all",
    document_ids: Iterable[int] | None = None,
    progress: Progress | None = None,
) -> CurationReport:
    """Add the agreed spans to the curated annotation; list what is left to adjudicate."""
    progress = progress or Progress()
    scheme = project.scheme.load()
    documents, spans = project.coded.read()
    chosen = set(document_ids) if document_ids is not None else None
    assigned: dict[int, set[str]] = defaultdict(set)
    for assignment in project.assignments.list():
        if assignment.annotator != CURATED:
            assigned[assignment.document_id].add(assignment.annotator)
    by_document: dict[int, list[CodedSpan]] = defaultdict(list)
    for span in spans:
        by_document[span.document_id].append(span)
    report = CurationReport()
    progress.start(len(documents), "curating")
    with project.history.step(f"Curate ({rule})", atomic=True):
        for document in documents:
            progress.check()
            progress.advance(1)
            if chosen is not None and document.id not in chosen:
                continue
            _document(project, scheme, rule, by_document[document.id],
                      assigned.get(document.id, set()), report)  # fmt: skip
    return report


def _document(
    project: Project,
    scheme: Scheme,
    rule: str | int,
    spans: list[CodedSpan],
    assigned: set[str],
    report: CurationReport,
) -> None:
    mine = [s for s in spans if s.annotator == CURATED]
    work = [s for s in spans if s.annotator != CURATED]
    people = sorted({s.annotator for s in work} | assigned)
    if len(people) < 2:
        return
    report.documents += 1
    curated = {_version(s) for s in mine}
    by_id = {s.id: s for s in work}
    for layer in {s.layer for s in work}:
        units = {
            name: [s for s in work if s.annotator == name and s.layer == layer] for name in people
        }
        for group in groups(units):
            versions = Counter(_version(by_id[u.id]) for u in group.values())
            agreed = _agreed(versions, len(group), len(people), rule)
            some = by_id[next(iter(group.values())).id]
            if agreed is None:
                why = "not everyone marked it" if len(versions) == 1 else "versions differ"
                report.to_review.append((some.document_id, layer, some.start, some.end, why))
                continue
            if agreed in curated:
                report.already += 1
                continue
            example = next(by_id[u.id] for u in group.values() if _version(by_id[u.id]) == agreed)
            project.annotations.create(
                example.document_id, _draft(example, scheme), annotator=CURATED, rules=False
            )
            curated.add(agreed)
            report.accepted += 1


def _agreed(versions: Counter[Any], marked: int, people: int, rule: str | int) -> Any:
    """The version to accept, or None when the rule is not met."""
    version, count = versions.most_common(1)[0]
    if rule == "all":
        return version if len(versions) == 1 and marked == people else None
    if rule == "annotated":
        return version if len(versions) == 1 and marked >= 2 else None
    assert isinstance(rule, int)
    return version if count >= rule else None


def _version(span: CodedSpan) -> tuple[Any, ...]:
    """What must be identical for two spans to agree."""
    return (
        span.layer, span.label, span.start, span.end, span.actor_id,
        tuple(sorted((k, repr(v)) for k, v in span.attributes.items())),
        tuple(sorted(span.links.items())),
    )  # fmt: skip


def _draft(span: CodedSpan, scheme: Scheme) -> AnnotationDraft:
    layer = scheme.layer(span.layer)
    actor_names = {spec.name for spec in layer.attributes if spec.kind is AttributeKind.ACTOR}
    links = tuple(
        LinkDraft(kind, actor_id=actor) for kind, actor in sorted(span.links.items())
        if kind in actor_names
    )  # fmt: skip
    return AnnotationDraft(
        span.layer, span.start, span.end, label=span.label, attributes=dict(span.attributes),
        actor_id=span.actor_id, links=links,
    )  # fmt: skip


@dataclass(frozen=True, slots=True)
class Place:
    """One place of a document where annotators marked something: each annotator's version
    (None: they marked nothing there) and the curated one."""

    layer: str
    start: int
    end: int
    versions: dict[str, CodedSpan | None]
    curated: CodedSpan | None

    @property
    def agreed(self) -> bool:
        given = {_version(s) if s else None for s in self.versions.values()}
        return len(given) == 1 and None not in given


def places(project: Project, document_id: int) -> tuple[list[str], list[Place]]:
    """The annotators of a document and every place they marked, in reading order."""
    _, spans = project.coded.read(documents={document_id})
    assigned = {
        a.annotator for a in project.assignments.list(document_id=document_id)
        if a.annotator != CURATED
    }  # fmt: skip
    people = sorted({s.annotator for s in spans if s.annotator != CURATED} | assigned)
    found: list[Place] = []
    for layer in sorted({s.layer for s in spans}):
        mine = [s for s in spans if s.layer == layer]
        by_id = {s.id: s for s in mine}
        units = {name: [s for s in mine if s.annotator == name] for name in [*people, CURATED]}
        for group in groups(units):
            chosen = {name: by_id[u.id] for name, u in group.items()}
            first = next(iter(chosen.values()))
            found.append(Place(
                layer, first.start, first.end,
                {name: chosen.get(name) for name in people}, chosen.get(CURATED),
            ))  # fmt: skip
    found.sort(key=lambda p: (p.start, p.end, p.layer))
    return people, found


def accept(project: Project, place: Place, annotator: str | None) -> None:
    """Make ``annotator``'s version the curated one at ``place`` (None: nothing there), as one
    step."""
    scheme = project.scheme.load()
    label = f"Curate {place.layer} {place.start}–{place.end}"
    with project.history.step(label, atomic=True):
        if place.curated is not None:
            project.annotations.delete(place.curated.id)
        chosen = place.versions.get(annotator) if annotator else None
        if chosen is not None:
            project.annotations.create(
                chosen.document_id, _draft(chosen, scheme), annotator=CURATED, rules=False
            )


def mark_curated(project: Project, document_id: int, status: DocumentStatus) -> None:
    """The curated annotation's own status on a document (``done`` when adjudicated)."""
    with project.history.step(f"Mark curation {status.value.replace('_', ' ')}", atomic=True):
        if not project.assignments.list(annotator=CURATED, document_id=document_id):
            project.assignments.assign([document_id], [CURATED])
        project.assignments.set_status(document_id, status, annotator=CURATED)


def curated_status(project: Project, document_id: int) -> DocumentStatus:
    found = project.assignments.list(annotator=CURATED, document_id=document_id)
    return found[0].status if found else DocumentStatus.NEW
