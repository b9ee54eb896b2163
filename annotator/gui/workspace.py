"""The GUI's one gateway to the project: calls services and tells every view what changed.

Widgets never call the store themselves; they call a Workspace method, which runs the service
(one transaction, one step in the core's undo history) and updates what the window shows. Undo,
redo, imports and writes by other programs on the same project come back as
:class:`~annotator.store.history.Changes`, applied by :meth:`Workspace.apply_changes`; other
programs' writes are found by polling the edit log, which costs one indexed query a second.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, TypeVar

from PySide6.QtCore import QObject, QTimer, Signal

from annotator.domain.actor_match import wording_key
from annotator.domain.actors import Actor, ActorDraft
from annotator.domain.annotations import Annotation, AnnotationDraft, Origin
from annotator.domain.documents import Document, DocumentStatus, DocumentSummary
from annotator.domain.errors import (
    AnnotatorError,
    ConflictError,
    NotFoundError,
    UsageError,
    ValidationError,
)
from annotator.domain.scheme import Scheme
from annotator.gui.analysis_queries import AnalysisQueries
from annotator.gui.article.spans import SpanStyle
from annotator.gui.colors import layer_styles
from annotator.gui.my_work import MyWork
from annotator.gui.undo_history import UndoHistory
from annotator.store.actors import ActorDeletion, ActorMerge, ActorSplit
from annotator.store.history import Changes, HistoryEntry
from annotator.store.project import Project

POLL_MS = 1000  # how often the edit log is asked for other programs' writes

T = TypeVar("T")


class EditFailed(AnnotatorError):
    """An edit failed for a reason that is not the user's (a bug, an unexpected database error)."""


def is_serious(error: AnnotatorError) -> bool:
    """Failures the user must not miss (shown in a dialog), beyond a refused value or key."""
    return not isinstance(error, ValidationError | NotFoundError | UsageError)


class Workspace(QObject):
    documentOpened = Signal(object)  # Document, or None when nothing is open
    annotationAdded = Signal(object)  # Annotation
    annotationChanged = Signal(object)  # Annotation
    annotationRemoved = Signal(int, int)  # annotation id, document id
    actorsChanged = Signal()
    documentsChanged = Signal()
    schemeChanged = Signal()
    logChanged = Signal()  # the edit log grew: a step taken here or elsewhere
    # A refused or failed edit: the message, and whether it is serious (see is_serious).
    failed = Signal(str, bool)

    def __init__(self, project: Project, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self._seen = project.history.latest_edit()  # the log is applied up to here
        self.mine = MyWork(project)  # assigned documents: my status, my spans only
        self._in_step = False  # inside Workspace.step: one transaction still open
        self.undo_stack = UndoHistory(project.history, self.undo, self.redo, self)
        self.scheme: Scheme = project.scheme.load()
        self.analysis = AnalysisQueries(project, lambda: self.scheme)
        self.styles: dict[str, SpanStyle] = layer_styles(self.scheme)
        self.document: Document | None = None
        self.annotations: dict[int, Annotation] = {}
        self.actors: dict[int, Actor] = {}
        self.mention_counts: dict[int, int] = {}
        self.wordings: dict[str, dict[int, int]] = {}  # wording -> actor -> times linked
        self._values: dict[tuple[str, str], list[str]] = {}  # (layer, attribute) -> values
        self.reload_actors()
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self.catch_up)
        self._poll.start()

    # -- reading ---------------------------------------------------------------------------
    def documents(self, status: DocumentStatus | None = None) -> list[DocumentSummary]:
        """The documents, with my own status on those assigned to me."""
        found = self.mine.summaries(self.project.documents.list())
        return [s for s in found if status is None or s.status is status]

    def open_document(self, document_id: int | None) -> None:
        if document_id is None:
            self.document, self.annotations = None, {}
        else:
            self.document = self.mine.document(self.project.documents.get(document_id))
            self.annotations = {
                a.id: a
                for a in self.project.annotations.for_document(document_id)
                if self.mine.shows(a)
            }
        self.documentOpened.emit(self.document)

    def reload_actors(self) -> None:
        self.actors = {actor.id: actor for actor in self.project.actors.list()}
        self.mention_counts = self.project.actors.mention_counts()
        self.wordings = self.project.actors.linked_wordings()
        self.actorsChanged.emit()

    def attribute_values(self, layer: str, name: str) -> list[str]:
        """Values already given to a text attribute, most used first (for completion)."""
        key = (layer, name)
        if key not in self._values:
            self._values[key] = self.project.annotations.attribute_values(layer, name)
        return self._values[key]

    def linked_before(self, text: str) -> dict[int, int]:
        """Actors the same wording was linked to before, with how often."""
        return self.wordings.get(wording_key(text), {})

    def sorted_annotations(self) -> list[Annotation]:
        return sorted(self.annotations.values(), key=lambda a: (a.start, -a.end, a.id))

    # -- annotation edits (undoable) -------------------------------------------------------
    def add_annotation(self, draft: AnnotationDraft) -> Annotation:
        assert self.document is not None
        document_id = self.document.id
        who = self.mine.writes_as
        created = self.attempt(
            lambda: self.project.annotations.create(document_id, draft, annotator=who)
        )
        self._added(created)
        if self.document is not None and self.document.status is DocumentStatus.NEW:
            self.mine.reload()  # the store moved the document's, or my own, status
            self.apply_status(document_id, DocumentStatus.IN_PROGRESS)
        self._wrote()
        return created

    def update_annotation(
        self,
        annotation_id: int,
        draft: AnnotationDraft,
        *,
        expected_version: int | None = None,
        merge_key: str | None = None,
    ) -> Annotation:
        """Save ``draft`` over a span. ``expected_version`` is the version of the copy the edit
        was made from (default: the copy this workspace holds); a newer one is a conflict.
        Consecutive edits with the same ``merge_key`` are one undo step."""
        before = self._current(annotation_id)
        version = before.version if expected_version is None else expected_version

        def save() -> Annotation:
            with self.project.history.step(merge_key=merge_key):
                return self.project.annotations.update(
                    annotation_id, draft, expected_version=version
                )

        after = self.attempt(save, reload=annotation_id)
        self._changed(after)
        self._wrote()
        return after

    def delete_annotation(self, annotation_id: int) -> None:
        version = self._current(annotation_id).version
        removed = self.attempt(
            lambda: self.project.annotations.delete(annotation_id, expected_version=version),
            reload=annotation_id,
        )
        self._removed(removed)
        self._wrote()

    # -- suggestions (proposed by an engine; accepted or rejected as one undoable step) ----
    def span_count(self) -> int:
        """The open article's spans, suggestions not counted (they are not spans yet)."""
        return sum(a.origin is not Origin.SUGGESTED for a in self.annotations.values())

    def suggestions(self) -> list[Annotation]:
        """The open article's suggestions, in reading order."""
        return [a for a in self.sorted_annotations() if a.origin is Origin.SUGGESTED]

    def accept_suggestions(self, chosen: list[Annotation]) -> list[Annotation]:
        accepted = self.attempt(lambda: self.project.suggestions.accept(chosen))
        for annotation in accepted:
            self._changed(annotation)
        if self.document is not None and self.document.status is DocumentStatus.NEW:
            self.mine.reload()  # the store moved the document's, or my own, status
            self.apply_status(self.document.id, DocumentStatus.IN_PROGRESS)
        self._wrote()
        return accepted

    def reject_suggestions(self, chosen: list[Annotation]) -> None:
        self.attempt(lambda: self.project.suggestions.reject(chosen))
        for annotation in chosen:
            self._removed(annotation)
        self._wrote()

    @contextmanager
    def step(self, label: str) -> Iterator[None]:
        """Edits inside the block are one step for Undo and one transaction: a new actor made
        for a span is not kept when the span is refused."""
        self._in_step = True
        try:
            with self.project.history.step(label, atomic=True):
                yield
        except Exception:
            self._in_step = False
            self.reload_actors()  # an actor made inside is gone again
            raise
        finally:
            self._in_step = False
            self._wrote()

    # -- undo and redo (core steps on the edit log) ----------------------------------------
    def undo(self) -> None:
        """Undo the user's latest step, wherever it was taken; a refusal is shown and nothing
        moves."""
        self._revert(self.project.history.undo)

    def redo(self) -> None:
        self._revert(self.project.history.redo)

    def _revert(self, action: Callable[[], Changes]) -> None:
        try:
            changes = self.attempt(action)
        except AnnotatorError:
            self.undo_stack.refresh()
            return
        self.apply_changes(changes)
        self._wrote()

    # -- changes from elsewhere ------------------------------------------------------------
    def catch_up(self) -> None:
        """Apply what other programs (or this one's jobs) wrote since the log was last read."""
        if self._in_step:
            return  # a step's transaction is open: it cannot see the others' commits anyway
        try:
            latest = self.project.history.latest_edit()
            if latest <= self._seen:
                return
            changes = self.project.history.changes_since(self._seen)
        except AnnotatorError:
            return  # busy or unreachable now: the next poll tries again
        self.apply_changes(changes)
        self.undo_stack.refresh()
        self.logChanged.emit()

    def apply_changes(self, changes: Changes) -> None:
        """Refresh exactly what ``changes`` touched: the scheme, the actors, the open
        document's spans and status, the document list."""
        self._seen = max(self._seen, changes.last_edit)
        if changes.scheme:
            self.apply_scheme()
        if changes.actors:
            self.reload_actors()
        if self.document is not None:
            document_id = self.document.id
            if changes.spans_moved or (changes.scheme and changes.listing):
                self.open_document(document_id)
            else:
                for annotation_id in sorted(changes.annotations):
                    self.reload_annotation(annotation_id)
            if document_id in changes.documents:
                self._refresh_document(document_id)
        if changes.documents or changes.listing:
            self.documentsChanged.emit()

    # -- failures --------------------------------------------------------------------------
    def attempt(self, change: Callable[[], T], *, reload: int | None = None) -> T:
        """Run one service call; a failure is reported through :attr:`failed` and re-raised.

        Whatever the cause, the store's transaction was rolled back, so nothing is half done;
        the caller pushes no undo command. A conflict reloads span ``reload`` so the window
        shows what is stored now. Unexpected errors become :class:`EditFailed`.
        """
        try:
            return change()
        except AnnotatorError as exc:
            if isinstance(exc, ConflictError) and reload is not None:
                self.reload_annotation(reload)
            self.failed.emit(str(exc), is_serious(exc))
            raise
        except Exception as exc:
            traceback.print_exc()
            error = EditFailed(f"the change could not be saved ({exc}); nothing was changed")
            self.failed.emit(str(error), True)
            raise error from exc

    def reload_annotation(self, annotation_id: int) -> None:
        """Show the stored state of one span (changed or deleted by somebody else)."""
        try:
            fresh = self.project.annotations.get(annotation_id)
        except NotFoundError:
            old = self.annotations.get(annotation_id)
            if old is not None:
                self._removed(old)
            return
        except AnnotatorError:
            return
        if fresh.id in self.annotations:
            if self.annotations[fresh.id] != fresh:  # not this window's own write again
                self._changed(fresh)
        elif self._is_open(fresh.document_id):
            self._added(fresh)

    # -- actors (undoable) -----------------------------------------------------------------
    def create_actor(self, draft: ActorDraft) -> Actor:
        actor = self.attempt(lambda: self.project.actors.create(draft))
        self.reload_actors()
        self._wrote()
        return actor

    def update_actor(self, actor_id: int, draft: ActorDraft) -> Actor:
        before = self.actors.get(actor_id) or self.project.actors.get(actor_id)
        try:
            after = self.attempt(
                lambda: self.project.actors.update(actor_id, draft, expected_version=before.version)
            )
        except ConflictError:
            self.reload_actors()
            raise
        self.reload_actors()
        self._wrote()
        return after

    def merge_actors(self, keep_id: int, drop_id: int) -> ActorMerge:
        merge = self.attempt(lambda: self.project.actors.merge(keep_id, drop_id))
        self.after_actor_rewrite()
        self._wrote()
        return merge

    def delete_actor(self, actor_id: int) -> ActorDeletion:
        """Delete an actor however it is used (undoable): mentions keep their spans."""
        deletion = self.attempt(lambda: self.project.actors.remove(actor_id))
        self.after_actor_rewrite()
        self._wrote()
        return deletion

    def split_actor(self, actor_id: int, mentions: list[int], draft: ActorDraft) -> ActorSplit:
        """Move ``mentions`` of an actor to a new actor (undoable)."""
        split = self.attempt(lambda: self.project.actors.split(actor_id, mentions, draft))
        self.after_actor_rewrite()
        self._wrote()
        return split

    def after_actor_rewrite(self) -> None:
        """Actors were merged or unmerged: spans may point elsewhere now."""
        self.reload_actors()
        if self.document is not None:
            self.open_document(self.document.id)

    # -- scheme (undoable) -----------------------------------------------------------------
    def change_scheme(self, scheme: Scheme) -> None:
        self.attempt(lambda: self.project.scheme.install(scheme))
        self.apply_scheme()
        self._wrote()

    def apply_scheme(self) -> None:
        """The stored scheme changed: reload it and let every view rebuild."""
        self.project.scheme.forget()  # another connection (an import job) may have written it
        self.scheme = self.project.scheme.load()
        self.styles = layer_styles(self.scheme)
        self.schemeChanged.emit()
        if self.document is not None:
            self.open_document(self.document.id)

    # -- documents -------------------------------------------------------------------------
    def set_status(self, document_id: int, status: DocumentStatus) -> None:
        """My status on a document assigned to me, else the document's status."""
        assigned = self.mine.assigned(document_id)
        if assigned is not None:
            if assigned.status is not status:
                self.attempt(lambda: self.mine.set_status(document_id, status))
                self.apply_status(document_id, status)
                self._wrote()
            return
        current = self.project.documents.get(document_id)
        before = current.status
        if before == status:
            return
        try:
            self.attempt(
                lambda: self.project.documents.set_status(
                    document_id, status, expected_version=current.version
                )
            )
        except ConflictError:
            self.apply_status(document_id, self.project.documents.get(document_id).status)
            raise
        self.apply_status(document_id, status)
        self._wrote()

    def apply_status(self, document_id: int, status: DocumentStatus) -> None:
        if self.document is not None and self.document.id == document_id:
            self.document = self.mine.document(self.project.documents.get(document_id))
        self.documentsChanged.emit()

    def set_curating(self, on: bool) -> None:
        """Show and write the curated annotation only (a curator fixing it in the article)."""
        self.mine.curating = on
        self.open_document(self.document.id if self.document else None)
        self.documentsChanged.emit()

    def assign(self, document_ids: list[int], annotators: list[str]) -> int:
        """Give documents to annotators to annotate independently; returns how many
        assignments were made."""
        made = self.attempt(lambda: self.project.assignments.assign(document_ids, annotators))
        self.mine.reload()
        if self.document is not None:
            self.open_document(self.document.id)  # assigned to me now: I work blind on it
        self.documentsChanged.emit()
        self._wrote()
        return made

    def delete_document(self, document_id: int) -> None:
        """Delete a document with its spans (one step: Undo or Restore brings it back); the
        next one to annotate opens in its place."""
        version = self.project.documents.get(document_id).version
        self.attempt(
            lambda: self.project.document_deletion.delete(document_id, expected_version=version)
        )
        if self._is_open(document_id):
            following = self.project.documents.next_to_annotate(document_id)
            if following is None:
                remaining = self.project.documents.list()
                following = remaining[0].id if remaining else None
            self.open_document(following)
        self.documentsChanged.emit()
        self._wrote()

    def mark_done_and_next(self) -> int | None:
        """Mark the open document done and open the next one not done; returns its id."""
        if self.document is None:
            return None
        current = self.document.id
        self.set_status(current, DocumentStatus.DONE)
        following = self.mine.next_after(current)
        if following is None:
            following = self.project.documents.next_to_annotate(current)
        if following is not None:
            self.open_document(following)
        return following

    # -- internals -------------------------------------------------------------------------
    def _current(self, annotation_id: int) -> Annotation:
        if annotation_id in self.annotations:
            return self.annotations[annotation_id]
        return self.project.annotations.get(annotation_id)

    def _is_open(self, document_id: int) -> bool:
        return self.document is not None and self.document.id == document_id

    def _added(self, annotation: Annotation) -> None:
        if not self.mine.shows(annotation):
            return  # another annotator's span on a document I annotate blind
        if self._is_open(annotation.document_id):
            self.annotations[annotation.id] = annotation
        self._count_mention(annotation.actor_id, +1, annotation.text)
        self.annotationAdded.emit(annotation)

    def _changed(self, annotation: Annotation) -> None:
        self._values.clear()  # a cue or topic may be new
        old = self.annotations.get(annotation.id)
        if old is not None:
            self._count_mention(old.actor_id, -1, old.text)
        if self._is_open(annotation.document_id):
            self.annotations[annotation.id] = annotation
        self._count_mention(annotation.actor_id, +1, annotation.text)
        self.annotationChanged.emit(annotation)

    def _removed(self, annotation: Annotation) -> None:
        self.annotations.pop(annotation.id, None)
        self._count_mention(annotation.actor_id, -1, annotation.text)
        self.annotationRemoved.emit(annotation.id, annotation.document_id)

    def _count_mention(self, actor_id: int | None, change: int, text: str | None = None) -> None:
        if actor_id is not None:
            self.mention_counts[actor_id] = self.mention_counts.get(actor_id, 0) + change
            if text is not None:
                linked = self.wordings.setdefault(wording_key(text), {})
                linked[actor_id] = max(linked.get(actor_id, 0) + change, 0)

    def _refresh_document(self, document_id: int) -> None:
        self.mine.reload()
        try:
            self.document = self.mine.document(self.project.documents.get(document_id))
        except NotFoundError:  # deleted (by an undo, or elsewhere)
            self.open_document(None)
        except AnnotatorError:
            return

    def _wrote(self) -> None:
        """After a write: the Edit menu says what Undo and Redo would do now (once a step's
        transaction is over: what it wrote may still be rolled back)."""
        if self._in_step:
            return
        self.undo_stack.refresh()
        self.logChanged.emit()

    # -- history ---------------------------------------------------------------------------
    def history_entries(self, **filters: Any) -> list[HistoryEntry]:
        """The edit log, newest first (see :meth:`History.entries` for the filters)."""
        try:
            return self.project.history.entries(**filters)
        except AnnotatorError as exc:
            self.failed.emit(str(exc), is_serious(exc))
            return []

    def restore(self, edit_id: int) -> None:
        """Bring back what entry ``edit_id`` deleted (one step for Undo)."""
        changes = self.attempt(lambda: self.project.history.restore(edit_id))
        self.apply_changes(changes)
        self._wrote()
