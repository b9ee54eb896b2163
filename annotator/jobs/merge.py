"""Merging another copy of a project into this one: its annotations come in as their
annotators' work.

The other project is read like an Annotator JSONL file of all its documents and stored through
the annotated importer, the same write path as any import: documents are matched by their
text (SHA-256), so a text both copies have is stored once and gets the other copy's spans;
actors are matched by external id, then by name and kind, then by an alias (an actor one side
merged into another); a layer or attribute this project lacks is added and reported; a span an
annotator already has here (same layer and offsets) is never added again, so merging twice
changes nothing the second time.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from annotator.domain.corpus import ImportedDocument
from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.losses import Losses
from annotator.domain.text import fingerprint
from annotator.formats.annotations.actor_keys import ActorKeys
from annotator.formats.annotations.native import native_document, native_record
from annotator.jobs.progress import Progress
from annotator.store.changes import ChangeKind, step
from annotator.store.exporting import ExportFilter, iter_annotated
from annotator.store.project import Project


@dataclass(slots=True)
class MergeOutcome:
    source: str
    documents: int = 0  # new to this project
    spans: int = 0
    merged_into: int = 0  # spans added to documents this project had already
    actors_created: int = 0
    statuses: int = 0  # annotators' statuses taken from the other copy (assignments)
    notices: list[str] = field(default_factory=list)
    losses: Losses = field(default_factory=Losses)


def merge_projects(
    project: Project, sources: list[str | Path], progress: Progress | None = None
) -> list[MergeOutcome]:
    """Merge each of ``sources`` (project files or database URLs) into ``project``; each in
    one transaction."""
    progress = progress or Progress()
    outcomes = []
    for source in sources:
        if str(source) == project.location:
            raise UsageError(f"{source} is this project; merge another copy into it")
        with Project.open(source, read_only=True) as other:
            outcomes.append(_merge_one(project, other, str(source), progress))
    return outcomes


def _merge_one(project: Project, other: Project, name: str, progress: Progress) -> MergeOutcome:
    outcome = MergeOutcome(name)
    outcome.notices.extend(_scheme_differences(project, other))
    total = other.documents.count()
    progress.start(total, f"merging {name}")
    actors = {actor.id: actor for actor in other.actors.list()}
    keys = ActorKeys(actors)

    def documents() -> Iterator[ImportedDocument]:
        for number, item in enumerate(iter_annotated(other, ExportFilter()), start=1):
            progress.check()
            progress.advance(1)
            yield native_document(native_record(item, keys), Path(name), number)

    with step(project.db, kind=ChangeKind.JOB, label=f"Merge {name}"), project.db.write():
        result = project.annotated.add(documents(), Path(name), checkpoint=progress.check)
        outcome.statuses = _merge_statuses(project, other)
    outcome.documents, outcome.spans = result.documents, result.spans
    outcome.merged_into, outcome.actors_created = result.merged, result.actors_created
    outcome.notices.extend(result.notices)
    outcome.losses.merge(result.losses)
    return outcome


_PROGRESS = {status: rank for rank, status in enumerate(DocumentStatus)}


def _merge_statuses(project: Project, other: Project) -> int:
    """Each annotator's status on each document, as far as the further of the two copies has
    it (their own work on a laptop is the newer); documents matched by their text."""
    theirs = other.assignments.list()
    if not theirs:
        return 0
    texts = {d.id: d for d in other.documents.get_many(sorted({a.document_id for a in theirs}))}
    ours = {(a.document_id, a.annotator): a for a in project.assignments.list()}
    taken = 0
    for assignment in theirs:
        document = texts.get(assignment.document_id)
        here = (
            project.documents.id_for_fingerprint(fingerprint(document.text)) if document else None
        )
        if here is None:
            continue
        mine = ours.get((here, assignment.annotator))
        if mine is None:
            project.assignments.assign([here], [assignment.annotator])
        elif _PROGRESS[mine.status] >= _PROGRESS[assignment.status]:
            continue
        if assignment.status is not DocumentStatus.NEW:
            project.assignments.set_status(here, assignment.status, annotator=assignment.annotator)
        taken += 1
    return taken


def _scheme_differences(project: Project, other: Project) -> list[str]:
    """What the other copy's scheme has that this one has not (it is added as spans need it)."""
    ours = {layer.name: layer for layer in project.scheme.load().layers}
    found = []
    for layer in other.scheme.load().layers:
        mine = ours.get(layer.name)
        if mine is None:
            found.append(f"the other copy has a layer {layer.name!r} this project has not")
            continue
        for spec in layer.attributes:
            if spec.name not in {a.name for a in mine.attributes}:
                found.append(f"the other copy's {layer.name} has an attribute {spec.name!r}")
            else:
                extra = set(spec.choices) - set(mine.attribute(spec.name).choices)
                if extra:
                    found.append(
                        f"the other copy's {layer.name} {spec.name} also allows "
                        f"{', '.join(sorted(extra))}"
                    )
    return found
