"""The project's remembered label mappings (``PER`` → actor mentions of persons), kept in the
``setting`` table so that later imports read the same labels the same way."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from annotator.domain.label_map import LabelMap, LayerTarget, mapping_dict, mapping_from_dict
from annotator.store.models import SettingRow

LABEL_MAP_KEY = "label_map"


def label_map(session: Session, given: dict[str, LayerTarget]) -> LabelMap:
    """The mappings for an import: those ``given`` now over those the project remembers."""
    stored = session.scalar(select(SettingRow.value).where(SettingRow.key == LABEL_MAP_KEY))
    return LabelMap(
        given={label.casefold(): target for label, target in given.items()},
        remembered=mapping_from_dict(stored),
    )


def remember(session: Session, mapping: LabelMap) -> None:
    """Keep the mappings given for this import for the next ones (in the caller's transaction)."""
    if not mapping.given:
        return
    row = session.get(SettingRow, LABEL_MAP_KEY) or SettingRow(key=LABEL_MAP_KEY, value={})
    row.value = mapping_dict({**mapping.remembered, **mapping.given})
    session.add(row)
