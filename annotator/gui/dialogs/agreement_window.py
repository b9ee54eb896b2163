"""Analysis → Agreement: the figures per layer and pair, per document, and every disagreement;
a disagreement opens its article at the place (Enter or double-click)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.background import run_in_background
from annotator.gui.icons import icon
from annotator.jobs.agreement import AgreementOptions, AgreementReport, agreement
from annotator.jobs.curation import CurationReport, curate
from annotator.jobs.progress import Progress

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

ALL_LAYERS = "All layers"


def _f(value: float | None) -> str:
    return "—" if value is None else f"{value:.3f}"


class AgreementWindow(QDialog):
    placeRequested = Signal(int, int, int)  # document, start, end

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Agreement")
        self.resize(820, 560)
        self._window = window
        self.report: AgreementReport | None = None
        self.layer = QComboBox()
        self.layer.addItem(ALL_LAYERS, None)
        for layer in window.workspace.scheme.layers:
            self.layer.addItem(layer.title, layer.name)
        self.annotators = QLineEdit()
        self.annotators.setPlaceholderText("annotators, e.g. alice, bob (empty: everyone)")
        self.compute = QPushButton(icon("refresh"), "Compute")
        self.compute.setDefault(True)
        self.summary = _tree(["", "α / F1 exact", "F1 overlap", "κ"])
        self.documents = _tree(["Document", "Layer", "Pair", "F1 exact", "F1 overlap"])
        self.disagreements = _tree(["Document", "Layer", "Where", "Text", "Disagreement"])
        self.tabs = QTabWidget()
        self.tabs.addTab(self.summary, "Summary")
        self.tabs.addTab(self.documents, "Per document")
        self.tabs.addTab(self.disagreements, "Disagreements")
        self.rule = QComboBox()
        for text, rule in (("everyone agrees", "all"), ("all who marked it agree", "annotated"),
                           ("2 agree", 2), ("3 agree", 3)):  # fmt: skip
            self.rule.addItem(text, rule)
        self.rule.setToolTip("When a span is accepted into the curated annotation on its own")
        self.accept_agreed = QPushButton(icon("done-next"), "Accept agreed spans")
        self.accept_agreed.setToolTip(
            "Copy the spans the annotators agree on into the curated annotation (one step: Undo "
            "takes it back); export it with annotator export --curated"
        )
        self.status = QLabel("Compute to compare the annotators' work.")
        top = QHBoxLayout()
        top.addWidget(self.layer)
        top.addWidget(self.annotators, 1)
        top.addWidget(self.compute)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(QLabel("Accept when"))
        bottom.addWidget(self.rule)
        bottom.addWidget(self.accept_agreed)
        layout.addLayout(bottom)
        self.accept_agreed.clicked.connect(self.curate)
        self.compute.clicked.connect(self.run)
        self.annotators.returnPressed.connect(self.run)
        self.disagreements.itemActivated.connect(self._open)

    def showEvent(self, event: QShowEvent) -> None:
        """The keyboard starts in the annotators field: Enter computes."""
        super().showEvent(event)
        self.activateWindow()
        self.annotators.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def options(self) -> AgreementOptions:
        layer = self.layer.currentData()
        names = tuple(n.strip() for n in self.annotators.text().split(",") if n.strip())
        return AgreementOptions(
            layers=frozenset({layer}) if layer else None, annotators=names or None
        )

    def run(self) -> None:
        project, options = self._window.workspace.project, self.options()

        def job(progress: Progress) -> AgreementReport:
            return agreement(project, options, progress)

        self.compute.setEnabled(False)
        self.status.setText("Computing…")
        self._window.job = run_in_background(self, "Computing agreement", job, self._done)

    def curate(self) -> None:
        project, rule = self._window.workspace.project, self.rule.currentData()

        def job(progress: Progress) -> CurationReport:
            return curate(project, rule=rule, progress=progress)

        self.accept_agreed.setEnabled(False)
        self._window.job = run_in_background(self, "Accepting agreed spans", job, self._curated)

    def _curated(self, report: CurationReport | None, error: object) -> None:
        self.accept_agreed.setEnabled(True)
        self._window.workspace.catch_up()
        if error is not None or report is None:
            text = str(error) if isinstance(error, AnnotatorError) else f"failed: {error}"
            self.status.setText(text if error is not None else "Cancelled.")
            return
        self.status.setText(
            f"{counted(report.accepted, 'span')} accepted into the curated annotation "
            f"({report.already} "
            f"there already); {len(report.to_review)} places left to review"
        )

    def _done(self, report: AgreementReport | None, error: object) -> None:
        self.compute.setEnabled(True)
        if error is not None or report is None:
            text = str(error) if isinstance(error, AnnotatorError) else f"failed: {error}"
            self.status.setText(text if error is not None else "Cancelled.")
            return
        self.show_report(report)

    def show_report(self, report: AgreementReport) -> None:
        self.report = report
        self.summary.clear()
        for layer in report.layers:
            plural = "" if layer.documents == 1 else "s"
            top = QTreeWidgetItem(
                [f"{layer.layer} ({layer.documents} document{plural})", _f(layer.alpha_u)]
            )
            labels = "\n".join(f"{k}: {_f(a)}" for k, a in layer.alpha_u_labels.items())
            tip = "Krippendorff's unitizing α (α_u)"
            top.setToolTip(1, tip + (f"\n{labels}" if labels else ""))
            self.summary.addTopLevelItem(top)
            if not layer.documents:
                top.setText(0, f"{layer.layer}: no document annotated by two or more")
                continue
            for pair in layer.pairs:
                QTreeWidgetItem(
                    top, [f"{pair.first} – {pair.second}", _f(pair.exact.f1), _f(pair.overlap.f1)]
                )
            for attribute in layer.attributes:
                cohen = "; ".join(
                    f"{a}–{b} {_f(k)}" for (a, b), k in attribute.cohen.items() if k is not None
                )
                fleiss = f"Fleiss {_f(attribute.fleiss)}" if attribute.fleiss is not None else ""
                kappa = "; ".join(part for part in (fleiss, cohen) if part) or "—"
                QTreeWidgetItem(
                    top,
                    [f"{attribute.name} ({attribute.level.value}, "
                     f"{counted(attribute.units, 'span')})",
                     _f(attribute.alpha), "", kappa],
                )  # fmt: skip
            top.setExpanded(True)
        self.documents.clear()
        for score in report.documents:
            self.documents.addTopLevelItem(QTreeWidgetItem([
                score.title, score.layer, f"{score.first} – {score.second}",
                _f(score.f1_exact), _f(score.f1_overlap),
            ]))  # fmt: skip
        self.disagreements.clear()
        for d in report.disagreements:
            item = QTreeWidgetItem([
                d.title, d.layer, f"{d.start}–{d.end}", " ".join(d.text.split())[:60], d.what,
            ])  # fmt: skip
            item.setData(0, Qt.ItemDataRole.UserRole, (d.document_id, d.start, d.end))
            self.disagreements.addTopLevelItem(item)
        self.status.setText(
            f"{', '.join(report.annotators)} · {len(report.disagreements)} disagreements "
            "(Enter on one opens it in the article)"
        )

    def _open(self, item: QTreeWidgetItem) -> None:
        place = item.data(0, Qt.ItemDataRole.UserRole)
        if place:
            self.placeRequested.emit(*place)


def _tree(headers: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(headers)
    tree.setRootIsDecorated(headers[0] == "")
    tree.setUniformRowHeights(True)
    tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(True)
    return tree
