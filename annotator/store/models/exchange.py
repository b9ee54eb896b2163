from __future__ import annotations

from sqlalchemy import Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from annotator.store.models.base import Base


class ExchangeIdRow(Base):
    """The GUID a thing of the project has in exchange files (REFI-QDA): made once, then kept,
    so a project exported twice names its documents, codes and selections the same way."""

    __tablename__ = "exchange_id"
    __table_args__ = (UniqueConstraint("kind", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))  # document, annotation, actor, code, user …
    key: Mapped[str] = mapped_column(String(400))  # the thing's id, or its name path for codes
    guid: Mapped[str] = mapped_column(String(36), unique=True)
