"""F1: every shortcut, built from the actions themselves and the scheme's hotkeys."""

from __future__ import annotations

import html

from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from annotator.domain.scheme import Scheme
from annotator.gui.actions import SPECS


def shortcuts_html(actions: dict[str, QAction], scheme: Scheme) -> str:
    """Every shortcut by group; the scheme's layer keys open the Annotate group."""
    groups: dict[str, list[str]] = {}
    layer_rows = [
        f"<tr><td><kbd><b>{html.escape(layer.hotkey)}</b></kbd></td><td>Tag the selection as "
        f"<b>{html.escape(layer.title)}</b>; with <kbd>Shift</kbd>, turn the selected span "
        "into one</td></tr>"
        for layer in scheme.layers
        if layer.hotkey
    ]
    for spec in SPECS:
        action = actions.get(spec.name)
        keys = ", ".join(
            key.toString(QKeySequence.SequenceFormat.NativeText) for key in action.shortcuts()
        ) if action else ""  # fmt: skip
        if not keys:
            continue
        rows = groups.setdefault(spec.group, layer_rows.copy() if spec.group == "Annotate" else [])
        rows.append(
            f"<tr><td><kbd><b>{html.escape(keys)}</b></kbd></td>"
            f"<td>{html.escape(spec.help)}</td></tr>"
        )
    parts = [
        f"<h3>{group}</h3><table cellpadding='3'>{''.join(rows)}</table>"
        for group, rows in groups.items()
    ]
    parts.append(
        "<h3>Mouse</h3><p>Drag to select text. Click a span to select it; click again on the "
        "same place to cycle through spans stacked there. Hover for details.</p>"
    )
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, actions: dict[str, QAction], scheme: Scheme, parent: QWidget) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.resize(560, 640)
        browser = QTextBrowser()
        browser.setHtml(shortcuts_html(actions, scheme))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(browser)
        layout.addWidget(buttons)
