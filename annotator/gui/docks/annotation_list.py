"""Every span of the open document in a table; filter by layer, click to jump to it."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QHeaderView,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.annotations import Annotation
from annotator.gui.safe_text import plain_tooltip
from annotator.gui.table_model import RowTableModel, read_only_table
from annotator.gui.workspace import Workspace

Index = QModelIndex | QPersistentModelIndex


class AnnotationTableModel(RowTableModel):
    columns = ("Layer", "Text", "Who", "Start")

    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._workspace = workspace
        self.layer: str | None = None

    def reload(self) -> None:
        self.set_rows(
            [
                a
                for a in self._workspace.sorted_annotations()
                if self.layer is None or a.layer == self.layer
            ]
        )

    def annotation(self, row: int) -> Annotation:
        found: Annotation = self.row(row)
        return found

    def row_of(self, annotation_id: int) -> int | None:
        for row, annotation in enumerate(self._rows):
            if annotation.id == annotation_id:
                return row
        return None

    def cell(self, annotation: Annotation, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return self._workspace.scheme.layer(annotation.layer).title
            if column == 1:
                return " ".join(annotation.text.split())
            if column == 2:
                return self._who(annotation)
            return annotation.start
        if role == Qt.ItemDataRole.DecorationRole and column == 0:
            return QColor(self._workspace.scheme.layer(annotation.layer).color)
        if role == Qt.ItemDataRole.ToolTipRole and column in (1, 2):
            return plain_tooltip(annotation.text if column == 1 else self._who(annotation))
        return None

    def _who(self, annotation: Annotation) -> str:
        actors = self._workspace.actors
        if annotation.actor_id is not None and annotation.actor_id in actors:
            return actors[annotation.actor_id].name
        names = [
            f"{link.type}: {actors[link.actor_id].name}"
            for link in annotation.links
            if link.actor_id in actors
        ]
        return ", ".join(names)


class AnnotationsDock(QDockWidget):
    annotationChosen = Signal(int)

    def __init__(self, workspace: Workspace, parent: QWidget | None = None) -> None:
        super().__init__("Spans in this article", parent)
        self.setObjectName("annotations-dock")
        self._workspace = workspace
        self.layer = QComboBox()
        self._fill_layers()
        workspace.schemeChanged.connect(self._fill_layers)
        self.model = AnnotationTableModel(workspace)
        self.table = read_only_table(self.model)
        header = self.table.horizontalHeader()
        # Fixed widths: sizing columns to their contents reads every row of a 10,000-span table
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for column, width in ((0, 120), (2, 130), (3, 56)):
            self.table.setColumnWidth(column, width)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.layer)
        layout.addWidget(self.table)
        self.setWidget(body)
        self.layer.currentIndexChanged.connect(self._on_layer)
        self.table.clicked.connect(self._on_click)
        self.table.activated.connect(self._on_click)
        self._selected: int | None = None
        for signal in (
            workspace.documentOpened,
            workspace.annotationAdded,
            workspace.annotationChanged,
            workspace.actorsChanged,
            workspace.annotationRemoved,
        ):
            signal.connect(lambda *_args: self._reload())

    def _reload(self) -> None:
        """Rows anew; the highlight stays on the selected span, not on its old row number."""
        self.model.reload()
        self.show_selected(self._selected)

    def _fill_layers(self) -> None:
        chosen = self.layer.currentData()
        self.layer.blockSignals(True)
        self.layer.clear()
        self.layer.addItem("All layers", None)
        for layer in self._workspace.scheme.layers:
            self.layer.addItem(layer.title, layer.name)
        self.layer.setCurrentIndex(max(self.layer.findData(chosen), 0))
        self.layer.blockSignals(False)

    def show_selected(self, annotation_id: int | None) -> None:
        self._selected = annotation_id
        row = self.model.row_of(annotation_id) if annotation_id is not None else None
        if row is None:
            self.table.clearSelection()
            return
        self.table.selectRow(row)
        self.table.scrollTo(self.model.index(row, 0))

    def _on_layer(self, _index: int) -> None:
        self.model.layer = self.layer.currentData()
        self._reload()

    def _on_click(self, index: QModelIndex) -> None:
        self.annotationChosen.emit(self.model.annotation(index.row()).id)
