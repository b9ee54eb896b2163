from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    CheckConstraint,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
)
from sqlalchemy.orm import Mapped, mapped_column

from annotator.domain.annotations import Origin
from annotator.store.models.base import Base, Timestamped, Versioned

_ORIGINS = ", ".join(f"'{o.value}'" for o in Origin)


class AnnotationRow(Base, Timestamped, Versioned):
    """A span of one document on one layer. Offsets are code points, end exclusive."""

    __tablename__ = "annotation"
    __table_args__ = (
        CheckConstraint('0 <= start AND start < "end"', name="span"),
        CheckConstraint(f"origin IN ({_ORIGINS})", name="origin"),
        Index("ix_annotation_document_start", "document_id", "start"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(ForeignKey("document.id", ondelete="CASCADE"))
    layer_id: Mapped[int] = mapped_column(ForeignKey("layer.id"), index=True)
    label_id: Mapped[int | None] = mapped_column(ForeignKey("label.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    text: Mapped[str] = mapped_column(Text)
    attributes: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id"), index=True)
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    origin: Mapped[str] = mapped_column(String(20), default=Origin.MANUAL.value)
    # a suggestion's engine, reason and score ({"engine", "reason", "score"}); else None
    suggestion: Mapped[dict[str, Any] | None] = mapped_column(JSON, nullable=True)


class LinkRow(Base, Timestamped):
    """A typed, directed link from an annotation to an actor or to another annotation."""

    __tablename__ = "link"
    __table_args__ = (
        CheckConstraint(
            "(target_actor_id IS NULL) <> (target_annotation_id IS NULL)", name="one_target"
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    type: Mapped[str] = mapped_column(String(100))
    source_id: Mapped[int] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), index=True
    )
    target_actor_id: Mapped[int | None] = mapped_column(ForeignKey("actor.id"), index=True)
    target_annotation_id: Mapped[int | None] = mapped_column(
        ForeignKey("annotation.id", ondelete="CASCADE"), index=True
    )
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
