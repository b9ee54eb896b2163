from __future__ import annotations

from sqlalchemy import Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from annotator.store.models.base import Base, Timestamped


class AnnotatorRow(Base, Timestamped):
    """A person who annotates; every write records one."""

    __tablename__ = "annotator"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
