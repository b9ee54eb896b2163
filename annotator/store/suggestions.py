"""Suggestions in the store: added in bulk by an engine run, accepted or rejected by a person.

A suggestion is a span of origin ``suggested`` that belongs to the annotator who asked for
it (so blind work stays blind). A run is one job in the history (Undo passes over it, as over
an import); accepting turns a suggestion into its annotator's own span and rejecting removes
it and remembers the place, each an undoable step. A place already annotated, already
suggested or rejected before is not offered again.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace

from sqlalchemy import and_, insert, select
from sqlalchemy.orm import Session

from annotator.domain.annotations import Annotation, AnnotationDraft, Origin, as_draft
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.domain.scheme import Scheme
from annotator.store.annotations import AnnotationStore, select_annotations
from annotator.store.changes import ChangeKind, step
from annotator.store.database import Database
from annotator.store.edit_log import Action
from annotator.store.models import (
    AnnotationRow,
    AnnotatorRow,
    DocumentRow,
    LabelRow,
    LayerRow,
    LinkRow,
    RejectionRow,
)
from annotator.store.models.base import utcnow
from annotator.store.scheme_store import SchemeStore
from annotator.store.service import Service

_SUGGESTED = Origin.SUGGESTED.value


@dataclass(slots=True)
class SuggestResult:
    documents: int = 0  # documents that got at least one suggestion
    added: int = 0
    already: int = 0  # places annotated or suggested already
    rejected: int = 0  # places this annotator rejected before
    by_engine: dict[str, int] = field(default_factory=dict)


class SuggestionStore(Service):
    def __init__(
        self, db: Database, scheme: SchemeStore, annotations: AnnotationStore, annotator: str
    ) -> None:
        super().__init__(db, annotator)
        self._scheme = scheme
        self._annotations = annotations

    def add(
        self,
        batches: Iterable[tuple[int, Sequence[AnnotationDraft]]],
        *,
        label: str,
        checkpoint: Callable[[], None] | None = None,
    ) -> SuggestResult:
        """Store each document's proposed spans as suggestions, in one transaction: all or
        nothing (a cancelled run leaves the project as it was)."""
        result = SuggestResult()
        scheme = self._scheme.load()
        with step(self._db, kind=ChangeKind.JOB, label=label), self._db.write() as session:
            who = self._who(session)
            layers = {
                name: id_ for name, id_ in session.execute(select(LayerRow.name, LayerRow.id))
            }
            labels = {
                (layer, name): id_
                for layer, name, id_ in session.execute(
                    select(LayerRow.name, LabelRow.name, LabelRow.id).join(
                        LayerRow, LayerRow.id == LabelRow.layer_id
                    )
                )
            }
            for document_id, drafts in batches:
                if checkpoint is not None:
                    checkpoint()
                added = self._add_document(
                    session, who, document_id, drafts, scheme, layers, labels, result
                )
                if added:
                    result.documents += 1
                    result.added += added
                    self._log(session, Action.CREATE, "suggestion", None,
                              document_id=document_id, after={"spans": added})  # fmt: skip
        return result

    def _add_document(
        self,
        session: Session,
        who: int,
        document_id: int,
        drafts: Sequence[AnnotationDraft],
        scheme: Scheme,
        layers: dict[str, int],
        labels: dict[tuple[str, str], int],
        result: SuggestResult,
    ) -> int:
        if not drafts:
            return 0
        text = session.scalar(select(DocumentRow.text).where(DocumentRow.id == document_id))
        if text is None:
            raise NotFoundError(f"no document {document_id}")
        taken = {
            (layer, start, end)
            for layer, start, end in session.execute(
                select(AnnotationRow.layer_id, AnnotationRow.start, AnnotationRow.end).where(
                    AnnotationRow.document_id == document_id, AnnotationRow.annotator_id == who
                )
            )
        }
        refused = {
            (layer, start, end)
            for layer, start, end in session.execute(
                select(RejectionRow.layer_id, RejectionRow.start, RejectionRow.end).where(
                    RejectionRow.document_id == document_id, RejectionRow.annotator_id == who
                )
            )
        }
        rows, links = [], []
        now = utcnow()
        for draft in drafts:
            key = (layers[draft.layer], draft.start, draft.end)
            if key in refused:
                result.rejected += 1
                continue
            if key in taken:
                result.already += 1
                continue
            taken.add(key)
            if not 0 <= draft.start < draft.end <= len(text):
                raise ValidationError(f"suggested span {draft.start}..{draft.end} is outside "
                                      f"document {document_id}")  # fmt: skip
            layer = scheme.layer(draft.layer)
            layer.check_label(draft.label)
            why = draft.suggestion.as_dict() if draft.suggestion is not None else None
            engine = draft.suggestion.engine if draft.suggestion is not None else "?"
            result.by_engine[engine] = result.by_engine.get(engine, 0) + 1
            rows.append({
                "document_id": document_id, "layer_id": key[0],
                "label_id": labels[(draft.layer, draft.label)] if draft.label else None,
                "start": draft.start, "end": draft.end, "text": text[draft.start:draft.end],
                "attributes": layer.check_values(draft.attributes), "actor_id": draft.actor_id,
                "annotator_id": who, "origin": _SUGGESTED, "suggestion": why,
                "created_at": now, "updated_at": now, "version": 1,
            })  # fmt: skip
            links.append(draft.links)
        if not rows:
            return 0
        ids = session.execute(
            insert(AnnotationRow).returning(AnnotationRow.id, sort_by_parameter_order=True), rows
        ).scalars()
        link_rows = [
            {"type": link.type, "source_id": source, "target_actor_id": link.actor_id,
             "target_annotation_id": link.annotation_id, "annotator_id": who,
             "created_at": now, "updated_at": now}
            for source, drafted in zip(ids, links, strict=True)
            for link in drafted
        ]  # fmt: skip
        if link_rows:
            session.execute(insert(LinkRow), link_rows)
        return len(rows)

    def list(
        self, *, document_id: int | None = None, engine: str | None = None
    ) -> builtins.list[Annotation]:
        """This annotator's open suggestions (of one document, of one engine)."""
        with self._db.read() as session:
            who = self._who_if_known(session)
            if who is None:
                return []
            condition = and_(AnnotationRow.origin == _SUGGESTED, AnnotationRow.annotator_id == who)
            if document_id is not None:
                condition = and_(condition, AnnotationRow.document_id == document_id)
            found = select_annotations(session, condition, timestamps=False)
        if engine is not None:
            found = [a for a in found if a.suggestion and a.suggestion.engine == engine]
        return found

    def accept(self, annotations: Sequence[Annotation]) -> builtins.list[Annotation]:
        """Make each suggestion its annotator's own span: one step for Undo."""
        label = (
            "Accept suggestion"
            if len(annotations) == 1
            else f"Accept {len(annotations)} suggestions"
        )
        with step(self._db, label=label), self._db.write() as session:
            accepted = [
                self._annotations.update(
                    a.id,
                    replace(as_draft(a), origin=Origin.MANUAL, suggestion=None),
                    expected_version=a.version,
                )
                for a in self._open(annotations)
            ]
            who = self._who(session)
            for document_id in sorted({a.document_id for a in accepted}):
                self._annotations.begin_work(session, document_id, who)
            return accepted

    def reject(self, annotations: Sequence[Annotation]) -> int:
        """Remove each suggestion and remember its place, so it is not offered again: one
        step for Undo (which brings the suggestion back)."""
        label = (
            "Reject suggestion"
            if len(annotations) == 1
            else f"Reject {len(annotations)} suggestions"
        )
        chosen = self._open(annotations)
        with step(self._db, label=label), self._db.write() as session:
            who = self._who(session)
            for a in chosen:
                self._annotations.delete(a.id, expected_version=a.version)
                layer = session.scalar(select(LayerRow.id).where(LayerRow.name == a.layer))
                known = session.scalar(
                    select(RejectionRow.id).where(
                        RejectionRow.document_id == a.document_id,
                        RejectionRow.annotator_id == who, RejectionRow.layer_id == layer,
                        RejectionRow.start == a.start, RejectionRow.end == a.end,
                    )
                )  # fmt: skip
                if known is None:
                    session.add(RejectionRow(
                        document_id=a.document_id, annotator_id=who, layer_id=layer,
                        start=a.start, end=a.end,
                        engine=a.suggestion.engine if a.suggestion else "?",
                    ))  # fmt: skip
        return len(chosen)

    def rejections(self, document_id: int) -> int:
        """How many places this annotator rejected in a document."""
        with self._db.read() as session:
            who = self._who_if_known(session)
            return len(
                session.execute(
                    select(RejectionRow.id).where(
                        RejectionRow.document_id == document_id, RejectionRow.annotator_id == who
                    )
                ).all()
            )

    @staticmethod
    def _open(annotations: Sequence[Annotation]) -> builtins.list[Annotation]:
        chosen = [a for a in annotations if a.origin is Origin.SUGGESTED]
        if len(chosen) < len(annotations):
            raise ValidationError("only suggestions can be accepted or rejected")
        return chosen

    def _who_if_known(self, session: Session) -> int | None:
        return session.scalar(select(AnnotatorRow.id).where(AnnotatorRow.name == self._annotator))
