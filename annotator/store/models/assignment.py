from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from annotator.domain.documents import DocumentStatus
from annotator.store.models.base import Base, Timestamped, Versioned

_STATUSES = ", ".join(f"'{s.value}'" for s in DocumentStatus)


class AssignmentRow(Base, Timestamped, Versioned):
    """A document given to an annotator to annotate independently, with their own status."""

    __tablename__ = "assignment"
    __table_args__ = (
        UniqueConstraint("document_id", "annotator_id"),
        CheckConstraint(f"status IN ({_STATUSES})", name="status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"), index=True)
    status: Mapped[str] = mapped_column(String(20), default=DocumentStatus.NEW.value)
