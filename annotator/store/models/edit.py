from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, ForeignKey, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from annotator.store.models.base import Base, UTCDateTime, utcnow


class EditRow(Base):
    """One entry of the append-only edit log: who changed what, when, from what to what.

    Rows are only ever inserted. ``before`` is null for a creation and ``after`` for a deletion.
    """

    __tablename__ = "edit"
    __table_args__ = (Index("ix_edit_entity", "entity", "entity_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    action: Mapped[str] = mapped_column(String(20))  # create, update, delete
    entity: Mapped[str] = mapped_column(String(30))  # annotation, link, actor, document, ...
    entity_id: Mapped[int | None] = mapped_column(Integer)
    document_id: Mapped[int | None] = mapped_column(Integer, index=True)
    before: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    after: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    # the step this entry belongs to; null for entries written before changes existed
    change_id: Mapped[int | None] = mapped_column(Integer, index=True)


class ChangeRow(Base):
    """One step a user took (an edit, a merge, an import …): its edit-log entries share its id.

    ``kind`` is ``edit`` for a step taken, ``undo`` and ``redo`` for a step that reverts change
    ``reverts``, and ``job`` for bulk work (an import) that Undo passes over. Rows are only ever
    inserted, so the undo history outlives the window.
    """

    __tablename__ = "change"
    __table_args__ = (Index("ix_change_annotator", "annotator_id", "id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    kind: Mapped[str] = mapped_column(String(10))
    reverts: Mapped[int | None] = mapped_column(Integer)
    merge_key: Mapped[str | None] = mapped_column(String(200))
    label: Mapped[str] = mapped_column(String(300), default="", server_default="")
