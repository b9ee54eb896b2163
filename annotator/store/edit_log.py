"""The append-only edit log. Every service write adds its rows in the same transaction."""

from __future__ import annotations

from enum import StrEnum
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from annotator.store.models import EditRow
from annotator.store.models.base import utcnow


class Action(StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    IMPORT = "import"
    # actor operations whose inverse is another operation, not a plain write
    MERGE = "merge"
    UNMERGE = "unmerge"
    REMOVE = "remove"
    UNREMOVE = "unremove"
    SPLIT = "split"
    UNSPLIT = "unsplit"


def record(
    session: Session,
    *,
    annotator_id: int,
    action: Action,
    entity: str,
    entity_id: int | None,
    document_id: int | None = None,
    before: dict[str, Any] | None = None,
    after: dict[str, Any] | None = None,
    change_id: int | None = None,
) -> None:
    session.execute(
        insert(EditRow).values(
            at=utcnow(),
            annotator_id=annotator_id,
            action=action.value,
            entity=entity,
            entity_id=entity_id,
            document_id=document_id,
            before=before,
            after=after,
            change_id=change_id,
        )
    )
