"""Showing text that comes from data (titles, names, span text, attribute values, file names).

Qt renders a string as rich text when it merely looks like HTML: in a QLabel, a QMessageBox and
every tooltip. An actor named ``<img src="file:///…">`` would load a local file; a span text
with ``<a href>`` would be a live link. So data is either shown in a plain-text widget or
escaped before it goes into rich text. Tooltips are always made rich here, with the data
escaped, so that Qt's guess never decides.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QWidget


def esc(value: object) -> str:
    """``value`` as text safe to put inside rich text."""
    return html.escape(str(value), quote=True)


def plain_tooltip(text: str) -> str:
    """A tooltip that shows ``text`` exactly, line breaks kept, whatever it contains."""
    lines = "<br>".join(esc(line) for line in text.split("\n"))
    return f"<p style='white-space:pre-wrap'>{lines}</p>"


def plain_label(text: str = "", parent: QWidget | None = None) -> QLabel:
    """A label that never interprets its text as HTML."""
    label = QLabel(parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setText(text)
    return label


def message_box(
    parent: QWidget | None,
    kind: QMessageBox.Icon,
    title: str,
    text: str,
    details: str | None = None,
    buttons: QMessageBox.StandardButton = QMessageBox.StandardButton.Ok,
) -> QMessageBox:
    """A message box whose texts are shown as plain text."""
    box = QMessageBox(kind, title, text, buttons, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if details:
        box.setInformativeText(details)
    return box
