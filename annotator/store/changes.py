"""Changes: the steps a user takes, each grouping the edit-log entries it wrote.

Every transaction that logs opens a change on its first entry (or joins one): so one key press
is one change, however many rows it touched. A caller names the step it is taking with
:func:`step`: its label, its kind (an undo, a redo, a bulk job that Undo passes over), a merge
key (the saves of one visit to a text field are one step) or that several transactions are one
step (a new speaker and the quote that names it).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from annotator.store.models import ChangeRow
from annotator.store.models.base import utcnow


class ChangeKind(StrEnum):
    EDIT = "edit"  # a step taken; Undo reverts it
    UNDO = "undo"  # reverts change ``reverts``
    REDO = "redo"  # reverts the undo ``reverts``
    JOB = "job"  # bulk work (an import): in the history, passed over by Undo


@dataclass(slots=True)
class Step:
    """What the caller says about the step being taken (see :func:`step`)."""

    owner: object  # the Database the step belongs to
    kind: ChangeKind = ChangeKind.EDIT
    label: str | None = None
    reverts: int | None = None
    merge_key: str | None = None
    change_id: int | None = None  # once made, later transactions of the step join it


_STEP: ContextVar[Step | None] = ContextVar("annotator_step", default=None)


@contextmanager
def step(
    owner: object,
    *,
    label: str | None = None,
    kind: ChangeKind = ChangeKind.EDIT,
    reverts: int | None = None,
    merge_key: str | None = None,
) -> Iterator[Step]:
    """Every write on ``owner`` (a Database) inside the block belongs to one change.

    Steps do not nest: inside a step, another ``step`` joins the outer one.
    """
    outer = _STEP.get()
    if outer is not None and outer.owner is owner:
        yield outer
        return
    taken = Step(owner, kind, label, reverts, merge_key)
    token = _STEP.set(taken)
    try:
        yield taken
    finally:
        _STEP.reset(token)


def change_for(session: Session, owner: object, annotator_id: int, label_hint: str) -> int:
    """The change the entry being logged in ``session`` belongs to, made on first need."""
    known = session.info.get("change_id")
    if known is not None:
        return int(known)
    taken = _STEP.get()
    if taken is not None and taken.owner is not owner:
        taken = None
    found = _joined(session, taken, annotator_id)
    if found is None:
        made = session.scalar(
            insert(ChangeRow)
            .values(
                at=utcnow(),
                annotator_id=annotator_id,
                kind=(taken.kind if taken else ChangeKind.EDIT).value,
                reverts=taken.reverts if taken else None,
                merge_key=taken.merge_key if taken else None,
                label=((taken.label if taken else None) or label_hint)[:300],
            )
            .returning(ChangeRow.id)
        )
        found = int(made) if made is not None else 0
    session.info["change_id"] = found
    if taken is not None:
        taken.change_id = found
    return found


def _joined(session: Session, taken: Step | None, annotator_id: int) -> int | None:
    """An existing change this entry joins: the step's own (if it was committed), or this
    annotator's latest edit when it has the same merge key."""
    if taken is None:
        return None
    if taken.change_id is not None:
        exists = session.scalar(select(ChangeRow.id).where(ChangeRow.id == taken.change_id))
        if exists is not None:
            return int(exists)
    if taken.merge_key is not None:
        latest = session.execute(
            select(ChangeRow.id, ChangeRow.merge_key, ChangeRow.kind)
            .where(ChangeRow.annotator_id == annotator_id)
            .order_by(ChangeRow.id.desc())
            .limit(1)
        ).first()
        if latest is not None and latest.merge_key == taken.merge_key and latest.kind == "edit":
            return int(latest.id)
    return None


def entry_label(
    action: str, entity: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> str:
    """A short label for a change from its first entry ("Add quote “We will…”")."""
    data = after or before or {}
    verbs = {"create": "Add", "update": "Edit", "delete": "Delete", "import": "Import"}
    verb = verbs.get(action, action.capitalize())
    if entity == "annotation":
        text = " ".join(str(data.get("text", "")).split())
        short = text if len(text) <= 30 else text[:29] + "…"
        layer = str(data.get("layer", "span"))
        return f"{verb} {'mention' if layer == 'actor' else layer} “{short}”"
    if entity == "actor":
        name = data.get("name") or (data.get("keep") or data.get("actor") or {}).get("name", "")
        return f"{verb} actor {name}".strip()
    if entity == "document" and after is not None and "status" in after:
        return f"Mark document {str(after['status']).replace('_', ' ')}"
    if entity == "document" and isinstance(data.get("document"), dict):
        return f"{verb} document “{data['document'].get('title', '')}”"
    if entity == "document" and action == "import":
        return f"Import {data.get('source', 'files')}"
    return f"{verb} {entity}"
