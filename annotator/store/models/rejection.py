from __future__ import annotations

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from annotator.store.models.base import Base, Timestamped


class RejectionRow(Base, Timestamped):
    """A suggestion an annotator rejected: the same span on the same layer is not offered to
    them again."""

    __tablename__ = "rejection"
    __table_args__ = (UniqueConstraint("document_id", "annotator_id", "layer_id", "start", "end"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    document_id: Mapped[int] = mapped_column(
        ForeignKey("document.id", ondelete="CASCADE"), index=True
    )
    annotator_id: Mapped[int] = mapped_column(ForeignKey("annotator.id"))
    layer_id: Mapped[int] = mapped_column(ForeignKey("layer.id"))
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    engine: Mapped[str] = mapped_column(String(40))
