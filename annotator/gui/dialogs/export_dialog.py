"""File → Export: the format, where to, which documents and layers, and the format's options."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import UsageError
from annotator.domain.scheme import Scheme
from annotator.formats.annotations.registry import FORMATS
from annotator.formats.annotations.report import FormatOptions
from annotator.gui.combo_values import current_enum, status_combo
from annotator.gui.dialogs.buttons import ok_cancel
from annotator.gui.safe_text import plain_label
from annotator.jobs.splits import parse_split
from annotator.store.exporting import ExportFilter


@dataclass(frozen=True, slots=True)
class ExportRequest:
    format_name: str
    out: Path
    chosen: ExportFilter
    splits: dict[str, float] | None
    seed: int
    options: FormatOptions


class ExportDialog(QDialog):
    def __init__(self, scheme: Scheme, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export annotations")
        self.format = QComboBox()
        for name, spec in FORMATS.items():
            if spec.writable:
                self.format.addItem(f"{name} — {spec.description}", name)
        self.path = QLineEdit(str(folder / "annotations.jsonl"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        self.status = status_combo("every document")
        self.layer = QComboBox()
        self.layer.addItem("every layer", None)
        for layer in scheme.layers:
            self.layer.addItem(layer.title, layer.name)
        self.split = QLineEdit()
        self.split.setPlaceholderText("e.g. train=0.8,dev=0.1,test=0.1 (empty: one file)")
        self.seed = QSpinBox()
        self.seed.setRange(0, 2**31 - 1)
        self.offsets = QComboBox()
        self.offsets.addItem("UTF-16 units (doccano's own)", "utf16")
        self.offsets.addItem("code points (Python scripts)", "codepoints")
        self.network = QComboBox()
        self.network.addItem("actors", "actors")
        self.network.addItem("actors and topics", "actor-topic")
        self.qdpx_target = QComboBox()
        for label, value in (("the standard (QualCoder …)", "standard"), ("NVivo", "nvivo"),
                             ("MAXQDA", "maxqda"), ("ATLAS.ti", "atlasti")):  # fmt: skip
            self.qdpx_target.addItem(label, value)
        self.qdpx_actors = QComboBox()
        self.qdpx_actors.addItem("cases, with their kind as a variable", "cases")
        self.qdpx_actors.addItem("codes", "codes")
        self.error = plain_label()
        self.error.setStyleSheet("color: #c62828")
        form = QFormLayout(self)
        # every field has an Alt key (the labels' underlined letters)
        form.addRow("&Format", self.format)
        where_label = QLabel("&Save to")
        where_label.setBuddy(self.path)
        form.addRow(where_label, where)
        form.addRow("&Documents", self.status)
        form.addRow("&Layer", self.layer)
        form.addRow("S&plit", self.split)
        form.addRow("S&eed", self.seed)
        self.suggestions = QCheckBox("also suggestions nobody has accepted")
        self.suggestions.setToolTip("Suggestions are left out of every export unless asked for")
        form.addRow("Su&ggestions", self.suggestions)
        form.addRow("doccano &offsets", self.offsets)
        form.addRow("&Network", self.network)
        form.addRow("REFI-QDA fo&r", self.qdpx_target)
        form.addRow("REFI-QDA &actors as", self.qdpx_actors)
        form.addRow(self.error)
        form.addRow(ok_cancel(self._accept, self.reject))
        self.format.currentIndexChanged.connect(self._on_format)
        self.request: ExportRequest | None = None
        self._on_format(0)

    def _on_format(self, _index: int) -> None:
        spec = FORMATS[self.format.currentData()]
        self.offsets.setEnabled(spec.name == "doccano")
        self.network.setEnabled(spec.name == "graphml")
        self.qdpx_target.setEnabled(spec.name == "qdpx")
        self.qdpx_actors.setEnabled(spec.name == "qdpx")
        current = Path(self.path.text())
        stem = current.stem if current.suffix else current.name
        self.path.setText(str(current.with_name(stem + spec.extension)))

    def _browse(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(self, "Export to", self.path.text())
        if chosen:
            self.path.setText(chosen)

    def _accept(self) -> None:
        try:
            splits = parse_split(self.split.text()) if self.split.text().strip() else None
        except UsageError as exc:
            self.error.setText(str(exc))
            return
        if not self.path.text().strip():
            self.error.setText("Choose where to save the export.")
            return
        layer = self.layer.currentData()
        self.request = ExportRequest(
            format_name=self.format.currentData(),
            out=Path(self.path.text().strip()),
            chosen=ExportFilter(
                status=current_enum(self.status, DocumentStatus),
                layers=frozenset({layer}) if layer else None,
                suggestions=self.suggestions.isChecked(),
            ),
            splits=splits,
            seed=self.seed.value(),
            options=FormatOptions(
                offsets=self.offsets.currentData(),
                network=self.network.currentData(),
                qdpx_target=self.qdpx_target.currentData(),
                qdpx_actors=self.qdpx_actors.currentData(),
            ),
        )
        self.accept()
