"""Enum values in combo boxes. Qt keeps a ``StrEnum`` item's data as a plain string, so
``currentData()`` hands back ``"done"``, not ``DocumentStatus.DONE``; read them back here."""

from __future__ import annotations

from enum import Enum
from typing import TypeVar

from PySide6.QtWidgets import QComboBox

E = TypeVar("E", bound=Enum)


def current_enum(combo: QComboBox, kind: type[E]) -> E | None:
    """The selected item's value as a member of ``kind`` (None for an item without one)."""
    value = combo.currentData()
    if value is None:
        return None
    return kind(value.value if isinstance(value, Enum) else value)


def enum_combo(kind: type[E], current: E | None = None) -> QComboBox:
    """A combo box offering every member of ``kind`` by its value, ``current`` selected."""
    combo = QComboBox()
    for member in kind:
        combo.addItem(str(member.value), member)
    if current is not None:
        combo.setCurrentIndex(combo.findData(current))
    return combo


def status_combo(everything: str) -> QComboBox:
    """The document statuses to filter by, after an item ``everything`` (no filter)."""
    from annotator.domain.documents import DocumentStatus

    combo = QComboBox()
    combo.addItem(everything, None)
    for status in DocumentStatus:
        combo.addItem(status.value.replace("_", " "), status)
    return combo
