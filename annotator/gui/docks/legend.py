"""The layers: colour, key and how many spans each has in this article."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QLabel, QVBoxLayout, QWidget

from annotator.domain.annotations import Origin
from annotator.gui.article.spans import SpanStyle
from annotator.gui.safe_text import esc
from annotator.gui.workspace import Workspace

_HOW = {
    SpanStyle.UNDERLINE: "underlined in the actor's colour",
    SpanStyle.TINT: "tinted background",
    SpanStyle.BRACKET: "bracket in the margin, dotted underline",
    SpanStyle.SUGGESTED: "dashed outline: a suggestion to accept (Enter) or reject (N)",
}


class LegendDock(QDockWidget):
    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Layers", parent)
        self.setObjectName("legend-dock")
        self._workspace = workspace
        self.label = QLabel()
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setWordWrap(True)
        self.label.setAlignment(Qt.AlignmentFlag.AlignTop)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.addWidget(self.label)
        self.setWidget(body)
        for signal in (
            workspace.documentOpened,
            workspace.annotationAdded,
            workspace.annotationChanged,
            workspace.schemeChanged,
        ):
            signal.connect(lambda *_args: self.refresh())
        workspace.annotationRemoved.connect(lambda *_args: self.refresh())
        self.refresh()

    def counts(self) -> dict[str, int]:
        counts = {layer.name: 0 for layer in self._workspace.scheme.layers}
        for annotation in self._workspace.annotations.values():
            if annotation.origin is Origin.SUGGESTED:
                continue  # not a span until accepted
            counts[annotation.layer] = counts.get(annotation.layer, 0) + 1
        return counts

    def refresh(self) -> None:
        counts = self.counts()
        rows = []
        for layer in self._workspace.scheme.layers:
            key = f"<kbd><b>{esc(layer.hotkey)}</b></kbd>" if layer.hotkey else ""
            rows.append(
                f"<tr><td><span style='color:{layer.color};font-size:16px'>■</span></td>"
                f"<td><b>{esc(layer.title)}</b><br><small>{_HOW[self._workspace.styles[layer.name]]}"
                f"</small></td><td align='center'>{key}</td>"
                f"<td align='right'>{counts.get(layer.name, 0)}</td></tr>"
            )
        self.label.setText(
            "<table cellspacing='4' width='100%'><tr><th></th><th align='left'>Layer</th>"
            "<th>Key</th><th align='right'>Spans</th></tr>" + "".join(rows) + "</table>"
        )
