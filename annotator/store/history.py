"""Undo, redo, history and restore, on the append-only edit log.

A user's undo stack is read from their changes in order: a step taken goes on it (and empties
the redo stack), an undo moves its target to the redo stack, a redo moves it back. Undo and redo
are changes of their own that revert another (see :mod:`annotator.store.reverts`), so they are
in the log, work from any program on the project, and outlive the window.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from sqlalchemy import Text, select, type_coerce
from sqlalchemy.orm import Session

from annotator.domain.annotations import LinkDraft, as_draft
from annotator.domain.errors import AnnotatorError, NotFoundError, UsageError
from annotator.store.changes import ChangeKind, change_for, step
from annotator.store.models import AnnotatorRow, ChangeRow, EditRow
from annotator.store.reverts import Entry, Services, annotation_from_dict, revert
from annotator.store.service import Service

WINDOW = 5000  # how many of a user's latest changes the stacks are read from


@dataclass(frozen=True, slots=True)
class ChangeSummary:
    id: int
    at: datetime
    annotator: str
    kind: str
    label: str
    reverts: int | None


@dataclass(slots=True)
class Stacks:
    """A user's undo and redo stacks (the next step last), as read up to change ``last``."""

    undo: list[ChangeSummary] = field(default_factory=list)
    redo: list[ChangeSummary] = field(default_factory=list)
    last: int = 0


@dataclass(frozen=True, slots=True)
class HistoryEntry:
    """One edit-log entry with who made it, when, and the step it belongs to."""

    entry: Entry
    at: datetime
    annotator: str
    label: str  # the step's

    @property
    def restorable(self) -> bool:
        """A deleted span or actor, or links a span lost: :meth:`History.restore` brings
        them back."""
        e = self.entry
        if e.action in ("delete", "remove") and e.entity in ("annotation", "actor", "document"):
            return True
        return e.entity == "annotation" and e.action == "update" and bool(_lost_links(e))


@dataclass(slots=True)
class Changes:
    """What a step (or another program's writes) changed, for views to refresh."""

    annotations: set[int] = field(default_factory=set)
    documents: set[int] = field(default_factory=set)  # whose spans or status changed
    actors: bool = False
    scheme: bool = False
    listing: bool = False  # documents were added or removed
    spans_moved: bool = False  # an actor merge, split or deletion repointed mentions
    last_edit: int = 0

    @property
    def empty(self) -> bool:
        return not (
            self.annotations or self.documents or self.actors or self.scheme or self.listing
        )

    def add(self, entry: Entry) -> None:
        self.last_edit = max(self.last_edit, entry.id)
        if entry.document_id is not None:
            self.documents.add(entry.document_id)
        if entry.entity == "annotation" and entry.entity_id is not None:
            self.annotations.add(entry.entity_id)
        elif entry.entity == "actor":
            self.actors = True
            self.spans_moved |= entry.action not in ("create", "update", "delete")
        elif entry.entity == "scheme":
            self.scheme = True
        elif entry.entity == "suggestion":  # a run's spans, many at once: reread the article
            self.spans_moved = True
        elif entry.entity == "document" and entry.action == "import":
            self.listing = self.actors = self.scheme = True
        elif entry.entity == "document" and entry.action in ("create", "delete"):
            self.listing = True


class History(Service):
    def __init__(self, db: Any, annotator: str, services: Services) -> None:
        super().__init__(db, annotator)
        self._services = services

    @contextmanager
    def step(
        self, label: str | None = None, *, merge_key: str | None = None, atomic: bool = False
    ) -> Iterator[None]:
        """Everything written inside the block is one step for Undo, labelled ``label``. With
        ``merge_key``, a step joins the user's previous one of the same key (the saves of one
        visit to a text field). With ``atomic``, it is also one transaction: all or nothing
        (a new speaker is not kept when its quote is refused)."""
        with step(self._db, label=label, merge_key=merge_key):
            if atomic:
                with self._db.write():
                    yield
            else:
                yield

    # -- undo and redo ---------------------------------------------------------------------
    def stacks(self) -> tuple[list[ChangeSummary], list[ChangeSummary]]:
        """(undo stack, redo stack) of the current annotator, the next step last."""
        found = self.read_stacks()
        return found.undo, found.redo

    def read_stacks(self, known: Stacks | None = None) -> Stacks:
        """The current annotator's stacks; given the ones read before, only the changes made
        since are read (the Edit menu asks after every edit)."""
        with self._db.read() as session:
            return _read_stacks(session, self._annotator, known)

    def undo(self) -> Changes:
        """Revert the current annotator's latest step; refused (nothing moves) when what it
        changed was changed since by somebody."""
        undo, _ = self.stacks()
        if not undo:
            raise UsageError("there is nothing to undo")
        return self._revert(undo[-1], ChangeKind.UNDO)

    def redo(self) -> Changes:
        _, redo = self.stacks()
        if not redo:
            raise UsageError("there is nothing to redo")
        return self._revert(redo[-1], ChangeKind.REDO)

    def _revert(self, target: ChangeSummary, kind: ChangeKind) -> Changes:
        since = self.latest_edit()
        verb = "undo" if kind is ChangeKind.UNDO else "redo"
        try:
            with (
                step(self._db, label=target.label, kind=kind, reverts=target.id),
                self._db.write() as session,
            ):
                change_for(session, self._db, self._who(session), target.label)
                for entry in reversed(_entries_of(session, target.id)):
                    revert(self._services, entry)
        except AnnotatorError as exc:
            raise type(exc)(f"cannot {verb} “{target.label}”: {exc}; nothing was changed") from exc
        self._services.scheme.forget()
        return self.changes_since(since)

    # -- reading the log -------------------------------------------------------------------
    def latest_edit(self) -> int:
        """The id of the newest edit-log entry (0 for none): cheap, for polling."""
        with self._db.read() as session:
            return int(session.scalar(select(EditRow.id).order_by(EditRow.id.desc()).limit(1)) or 0)

    def changes_since(self, edit_id: int) -> Changes:
        """What every entry after ``edit_id`` changed, whoever wrote it."""
        changes = Changes(last_edit=edit_id)
        with self._db.read() as session:
            for entry in session.execute(
                select(*_ENTRY_COLUMNS).order_by(EditRow.id).where(EditRow.id > edit_id)
            ):
                changes.add(_entry(entry))
        return changes

    def entries(
        self,
        *,
        document_id: int | None = None,
        actor_id: int | None = None,
        annotator: str | None = None,
        since: datetime | None = None,
        limit: int | None = None,
    ) -> list[HistoryEntry]:
        """The log, newest first: of one document, of one actor (its own entries and every
        span that names it), by one annotator, since a time."""
        query = (
            select(*_ENTRY_COLUMNS, EditRow.at, AnnotatorRow.name, ChangeRow.label, ChangeRow.kind)
            .join(AnnotatorRow, AnnotatorRow.id == EditRow.annotator_id)
            .outerjoin(ChangeRow, ChangeRow.id == EditRow.change_id)
            .order_by(EditRow.id.desc())
        )
        if document_id is not None:
            query = query.where(EditRow.document_id == document_id)
        if annotator is not None:
            query = query.where(AnnotatorRow.name == annotator)
        if since is not None:
            query = query.where(EditRow.at >= since)
        if actor_id is not None:
            query = query.where(EditRow.entity.in_(("actor", "annotation")))
        found: list[HistoryEntry] = []
        with self._db.read() as session:
            for row in session.connection().execute(query):
                entry = _entry(row)
                if actor_id is not None and not _names_actor(entry, actor_id):
                    continue
                at, name, label, kind = row[8:]
                shown = f"{kind.capitalize()}: {label}" if kind in ("undo", "redo") else label
                found.append(HistoryEntry(entry, at, name, shown or ""))
                if limit is not None and len(found) >= limit:
                    break
        return found

    # -- restore ---------------------------------------------------------------------------
    def restore(self, edit_id: int) -> Changes:
        """Bring back what entry ``edit_id`` deleted: a span (under its old id when free), an
        actor with its mentions and links, or the links a span lost."""
        with self._db.read() as session:
            row = (
                session.connection()
                .execute(select(*_ENTRY_COLUMNS).where(EditRow.id == edit_id))
                .first()
            )
            if row is None:
                raise NotFoundError(f"no edit #{edit_id} in the history")
            entry = _entry(row)
        since = self.latest_edit()
        with step(self._db, label=f"Restore from edit #{edit_id}"):
            self._restore(entry)
        return self.changes_since(since)

    def _restore(self, entry: Entry) -> None:
        services = self._services
        if entry.entity == "annotation" and entry.action == "delete" and entry.before:
            old = annotation_from_dict(entry.before)
            free = _span_id_free(services, old.id)
            services.annotations.create(
                old.document_id, as_draft(old), annotation_id=old.id if free else None,
                annotator=old.annotator,
            )  # fmt: skip
        elif entry.entity in ("actor", "document") and entry.action in ("delete", "remove"):
            revert(services, entry)
        elif entry.entity == "annotation" and entry.action == "update" and _lost_links(entry):
            assert entry.entity_id is not None
            current = services.annotations.get(entry.entity_id)
            kept = {(link.type, link.actor_id, link.annotation_id) for link in current.links}
            draft = as_draft(current)
            back = tuple(
                LinkDraft(kind, actor_id=actor, annotation_id=span)
                for kind, actor, span in _lost_links(entry)
                if (kind, actor, span) not in kept
            )
            services.annotations.update(
                current.id, replace(draft, links=draft.links + back),
                expected_version=current.version,
            )  # fmt: skip
        else:
            raise UsageError(
                f"edit #{entry.id} ({entry.action} of {entry.entity}) deleted nothing to restore"
            )


def _span_id_free(services: Services, span_id: int) -> bool:
    try:
        services.annotations.get(span_id)
    except NotFoundError:
        return True
    return False


def _lost_links(entry: Entry) -> list[tuple[str, int | None, int | None]]:
    """Links a span had before an update and not after."""

    def links(data: dict[str, Any] | None) -> set[tuple[str, int | None, int | None]]:
        return {
            (link["type"], link.get("actor_id"), link.get("annotation_id"))
            for link in (data or {}).get("links") or ()
        }

    return sorted(links(entry.before) - links(entry.after), key=str)


def _names_actor(entry: Entry, actor_id: int) -> bool:
    if entry.entity == "actor":
        return entry.entity_id == actor_id or actor_id in _actor_ids(entry)
    for data in (entry.before, entry.after):
        if data and (
            data.get("actor_id") == actor_id
            or any(link.get("actor_id") == actor_id for link in data.get("links") or ())
        ):
            return True
    return False


def _actor_ids(entry: Entry) -> set[int]:
    """Actors an actor operation's record names (a merge's two, a split's new one …)."""
    found: set[int] = set()

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            if "id" in value and "kind" in value and "name" in value:
                found.add(int(value["id"]))
            for item in value.values():
                walk(item)

    walk(entry.before)
    walk(entry.after)
    return found


# an entry's columns, its JSON as text: decoded only when read (see Entry)
_ENTRY_COLUMNS = (
    EditRow.id, EditRow.change_id, EditRow.action, EditRow.entity, EditRow.entity_id,
    EditRow.document_id, type_coerce(EditRow.before, Text), type_coerce(EditRow.after, Text),
)  # fmt: skip


def _entry(row: Any) -> Entry:
    """An entry from a row of :data:`_ENTRY_COLUMNS` (its JSON decoded when read)."""
    return Entry(*row[:8])


def _entries_of(session: Session, change_id: int) -> list[Entry]:
    query = select(*_ENTRY_COLUMNS).order_by(EditRow.id).where(EditRow.change_id == change_id)
    return [_entry(row) for row in session.connection().execute(query)]


def _read_stacks(session: Session, annotator: str, known: Stacks | None) -> Stacks:
    """Fold the annotator's changes after ``known.last`` into ``known`` (from the newest
    :data:`WINDOW` changes when nothing is known yet)."""
    query = (
        select(ChangeRow.id, ChangeRow.at, ChangeRow.kind, ChangeRow.label, ChangeRow.reverts)
        .join(AnnotatorRow, AnnotatorRow.id == ChangeRow.annotator_id)
        .where(AnnotatorRow.name == annotator)
        .order_by(ChangeRow.id.desc())
    )
    if known is None:
        known = Stacks()
        query = query.limit(WINDOW)
    else:
        query = query.where(ChangeRow.id > known.last)
    for id_, at, kind, label, reverts in reversed(session.execute(query).all()):
        summary = ChangeSummary(id_, at, annotator, kind, label, reverts)
        known.last = max(known.last, id_)
        if kind == ChangeKind.EDIT.value:
            known.undo.append(summary)
            known.redo.clear()
        elif kind == ChangeKind.UNDO.value:
            _drop(known.undo, reverts)
            known.redo.append(summary)
        elif kind == ChangeKind.REDO.value:
            _drop(known.redo, reverts)
            known.undo.append(summary)
    return known


def _drop(stack: list[ChangeSummary], change_id: int | None) -> None:
    for index in range(len(stack) - 1, -1, -1):
        if stack[index].id == change_id:
            del stack[index]
            return
