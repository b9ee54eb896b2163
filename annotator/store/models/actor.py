from __future__ import annotations

from sqlalchemy import CheckConstraint, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from annotator.domain.actors import ActorKind
from annotator.store.models.base import Base, Timestamped, Versioned

_KINDS = ", ".join(f"'{k.value}'" for k in ActorKind)


class ActorRow(Base, Timestamped, Versioned):
    """A canonical actor; mentions point here. ``parent_id`` is its affiliation."""

    __tablename__ = "actor"
    __table_args__ = (CheckConstraint(f"kind IN ({_KINDS})", name="kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(500), index=True)
    kind: Mapped[str] = mapped_column(String(20), default=ActorKind.OTHER.value)
    description: Mapped[str | None] = mapped_column(Text)
    parent_id: Mapped[int | None] = mapped_column(
        ForeignKey("actor.id", ondelete="SET NULL"), index=True
    )
    external_id: Mapped[str | None] = mapped_column(String(200))
    aliases: Mapped[list[ActorAliasRow]] = relationship(
        lazy="raise", cascade="all, delete-orphan", order_by="ActorAliasRow.id"
    )


class ActorAliasRow(Base):
    """Another name for an actor ("Tel Aviv" for Israel); searched like the name."""

    __tablename__ = "actor_alias"
    __table_args__ = (UniqueConstraint("actor_id", "alias"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    actor_id: Mapped[int] = mapped_column(ForeignKey("actor.id", ondelete="CASCADE"))
    alias: Mapped[str] = mapped_column(String(500), index=True)
