"""What every store service shares: the database, who is annotating, and the edit log."""

from __future__ import annotations

from typing import Any

from sqlalchemy.orm import Session

from annotator.store.annotators import annotator_id
from annotator.store.changes import change_for, entry_label
from annotator.store.database import Database
from annotator.store.edit_log import Action, record
from annotator.store.versions import last_change


class Service:
    def __init__(self, db: Database, annotator: str) -> None:
        self._db = db
        self._annotator = annotator

    def _who(self, session: Session) -> int:
        """The current annotator's id, created on first use inside ``session``'s transaction."""
        return annotator_id(session, self._annotator)

    def last_change(self, entity: str, entity_id: int) -> str:
        """Who last changed an entity and when ("NAME at HH:MM:SS UTC on DATE")."""
        with self._db.read() as session:
            return last_change(session, entity, entity_id) or "somebody else"

    def _log(
        self,
        session: Session,
        action: Action,
        entity: str,
        entity_id: int | None,
        *,
        document_id: int | None = None,
        before: dict[str, Any] | None = None,
        after: dict[str, Any] | None = None,
    ) -> None:
        """Append one entry to the edit log, in the caller's transaction, as part of the
        change (the user's step) that transaction belongs to."""
        who = self._who(session)
        label = entry_label(action.value, entity, before, after)
        record(
            session,
            annotator_id=who,
            action=action,
            entity=entity,
            entity_id=entity_id,
            document_id=document_id,
            before=before,
            after=after,
            change_id=change_for(session, self._db, who, label),
        )
