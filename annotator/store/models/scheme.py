from __future__ import annotations

from typing import Any

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from annotator.store.models.base import Base


class LayerRow(Base):
    """A span layer of the project's scheme (actor mention, quote, claim, ...)."""

    __tablename__ = "layer"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(200))
    color: Mapped[str] = mapped_column(String(7))
    hotkey: Mapped[str | None] = mapped_column(String(20))
    refers_to_actor: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)


class LabelRow(Base):
    __tablename__ = "label"
    __table_args__ = (UniqueConstraint("layer_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    layer_id: Mapped[int] = mapped_column(ForeignKey("layer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(200))
    color: Mapped[str | None] = mapped_column(String(7))
    hotkey: Mapped[str | None] = mapped_column(String(20))
    position: Mapped[int] = mapped_column(Integer, default=0)


class AttributeDefRow(Base):
    """A typed attribute of a layer: choice, text, number, boolean or actor."""

    __tablename__ = "attribute_def"
    __table_args__ = (UniqueConstraint("layer_id", "name"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    layer_id: Mapped[int] = mapped_column(ForeignKey("layer.id", ondelete="CASCADE"))
    name: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(200), default="")
    kind: Mapped[str] = mapped_column(String(20))
    choices: Mapped[list[str]] = mapped_column(JSON, default=list)
    required: Mapped[bool] = mapped_column(Boolean, default=False)
    default: Mapped[Any] = mapped_column(JSON, nullable=True)
    position: Mapped[int] = mapped_column(Integer, default=0)
    # a text attribute whose choices are its only allowed values (a controlled vocabulary)
    closed: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())
