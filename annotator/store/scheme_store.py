"""The project's own copy of the scheme, read into and written from domain objects."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from annotator.domain.errors import ValidationError
from annotator.domain.scheme import (
    AttributeKind,
    AttributeSpec,
    Label,
    Layer,
    Scheme,
    scheme_to_dict,
)
from annotator.store.database import Database
from annotator.store.edit_log import Action
from annotator.store.models import AnnotationRow, AttributeDefRow, LabelRow, LayerRow, SettingRow
from annotator.store.service import Service

SCHEME_NAME_KEY = "scheme_name"


class SchemeStore(Service):
    def __init__(self, db: Database, annotator: str) -> None:
        super().__init__(db, annotator)
        self._cached: Scheme | None = None

    def load(self) -> Scheme:
        """The scheme as stored; cached until the next :meth:`install`."""
        if self._cached is None:
            with self._db.read() as session:
                self._cached = read_scheme(session)
        return self._cached

    def forget(self) -> None:
        """Drop the cached scheme (another service changed the scheme's tables)."""
        self._cached = None

    def install(self, scheme: Scheme) -> None:
        """Replace the scheme (one entry in the edit log, so Undo can put the old one back).
        Refused while annotations use a layer the new scheme drops."""
        self._cached = None
        with self._db.write() as session:
            before = read_scheme(session)
            used = set(
                session.scalars(select(LayerRow.name).join(AnnotationRow).group_by(LayerRow.name))
            )
            missing = used - {layer.name for layer in scheme.layers}
            if missing:
                raise ValidationError(
                    f"layers still in use cannot be removed: {', '.join(sorted(missing))}"
                )
            write_scheme(session, scheme)
            self._log(
                session, Action.UPDATE, "scheme", None,
                before=scheme_to_dict(before), after=scheme_to_dict(scheme),
            )  # fmt: skip
        self._cached = None


def read_scheme(session: Session) -> Scheme:
    name = session.scalar(select(SettingRow.value).where(SettingRow.key == SCHEME_NAME_KEY))
    labels: dict[int, list[Label]] = {}
    for row in session.scalars(select(LabelRow).order_by(LabelRow.position, LabelRow.id)):
        labels.setdefault(row.layer_id, []).append(
            Label(name=row.name, color=row.color, hotkey=row.hotkey)
        )
    attributes: dict[int, list[AttributeSpec]] = {}
    for spec in session.scalars(
        select(AttributeDefRow).order_by(AttributeDefRow.position, AttributeDefRow.id)
    ):
        attributes.setdefault(spec.layer_id, []).append(
            AttributeSpec(
                name=spec.name,
                kind=AttributeKind(spec.kind),
                title=spec.title,
                choices=tuple(spec.choices or ()),
                required=spec.required,
                default=spec.default,
                closed=bool(spec.closed),
            )
        )
    layers = tuple(
        Layer(
            name=row.name,
            title=row.title,
            color=row.color,
            hotkey=row.hotkey,
            refers_to_actor=row.refers_to_actor,
            labels=tuple(labels.get(row.id, ())),
            attributes=tuple(attributes.get(row.id, ())),
        )
        for row in session.scalars(select(LayerRow).order_by(LayerRow.position, LayerRow.id))
    )
    return Scheme(name=str(name or "Scheme"), layers=layers)


def write_scheme(session: Session, scheme: Scheme) -> None:
    """Make the scheme tables hold ``scheme``, in the caller's transaction."""
    existing = {row.name: row for row in session.scalars(select(LayerRow))}
    for position, layer in enumerate(scheme.layers):
        row = existing.pop(layer.name, None) or LayerRow(name=layer.name)
        row.title, row.color, row.hotkey = layer.title, layer.color, layer.hotkey
        row.refers_to_actor, row.position = layer.refers_to_actor, position
        session.add(row)
        session.flush()
        _write_children(session, row.id, layer)
    for row in existing.values():
        session.delete(row)
    setting = session.get(SettingRow, SCHEME_NAME_KEY) or SettingRow(key=SCHEME_NAME_KEY)
    setting.value = scheme.name
    session.add(setting)


def _write_children(session: Session, layer_id: int, layer: Layer) -> None:
    session.execute(delete(AttributeDefRow).where(AttributeDefRow.layer_id == layer_id))
    for position, spec in enumerate(layer.attributes):
        session.add(
            AttributeDefRow(
                layer_id=layer_id,
                name=spec.name,
                title=spec.title,
                kind=spec.kind.value,
                choices=list(spec.choices),
                required=spec.required,
                default=spec.default,
                closed=spec.closed,
                position=position,
            )
        )
    labels = {
        row.name: row
        for row in session.scalars(select(LabelRow).where(LabelRow.layer_id == layer_id))
    }
    for position, label in enumerate(layer.labels):
        row = labels.pop(label.name, None) or LabelRow(layer_id=layer_id, name=label.name)
        row.color, row.hotkey, row.position = label.color, label.hotkey, position
        session.add(row)
    for row in labels.values():
        if session.scalar(select(AnnotationRow.id).where(AnnotationRow.label_id == row.id)):
            raise ValidationError(f"layer {layer.name!r}: label {row.name!r} is in use")
        session.delete(row)
