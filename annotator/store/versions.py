"""Optimistic concurrency: an edit names the version it was made from, or it is refused.

The workbench edits from copies (the Span panel shows a span read a while ago). Without a check,
two people editing the same span from their copies both succeed and the second silently undoes
the first. :func:`claim` raises the row's version in one conditional ``UPDATE``; if the row has
moved on since the copy was read, nothing is changed and :class:`ConflictError` names who
changed it and when, from the edit log. The ``UPDATE`` takes the row lock on PostgreSQL, so of
two concurrent claims exactly one wins there too.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from annotator.domain.errors import ConflictError, NotAllowedError, NotFoundError
from annotator.store.models import AnnotatorRow, EditRow


def claim(
    session: Session,
    model: Any,
    entity: str,
    entity_id: int,
    expected: int | None,
    what: str,
) -> int:
    """Raise the version of ``model`` row ``entity_id``; returns the new version.

    With ``expected`` given, the row must still be at that version. ``what`` names the thing
    for messages ("the quote “We will rebuild”").
    """
    condition = model.id == entity_id
    if expected is not None:
        condition = condition & (model.version == expected)
    new = session.scalar(
        update(model).where(condition).values(version=model.version + 1).returning(model.version)
    )
    if new is not None:
        return int(new)
    current = session.scalar(select(model.version).where(model.id == entity_id))
    if current is not None and (expected is None or current == expected):
        # there, and unchanged, yet not updated: a row-level policy of the server refused it
        raise NotAllowedError(
            f"{what} is another annotator's work; this login may change only its own"
        )
    if current is None:
        deleted = last_change(session, entity, entity_id)
        if deleted is not None:
            raise ConflictError(f"{what} was deleted by {deleted}; nothing was saved")
        raise NotFoundError(f"{what} does not exist (any more)")
    changed = last_change(session, entity, entity_id) or "somebody else"
    raise ConflictError(
        f"{what} was changed by {changed} since it was shown here; your change was not saved "
        "and the current version is shown"
    )


def last_change(session: Session, entity: str, entity_id: int) -> str | None:
    """ "NAME at HH:MM UTC on DATE" for the newest edit-log entry of an entity, if any."""
    found = session.execute(
        select(AnnotatorRow.name, EditRow.at)
        .join(AnnotatorRow, AnnotatorRow.id == EditRow.annotator_id)
        .where(EditRow.entity == entity, EditRow.entity_id == entity_id)
        .order_by(EditRow.id.desc())
        .limit(1)
    ).first()
    if found is None:
        return None
    name, at = found
    return f"{name} at {at:%H:%M:%S} UTC on {at:%Y-%m-%d}"
