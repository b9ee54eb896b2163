"""Analysis → Network: a discourse network of ``annotator network`` drawn on screen.

Choose the network as DNA defines it (one-mode or two-mode, the variables, a qualifier such as
stance and how it aggregates, normalisation, duplicates, dates). The drawing and a table of
its ties sorted by weight show it; a click on a node or a tie, or a row of the table, lists
the statements behind it, and Enter opens one in the article. Export… writes GraphML (Gephi,
visone), a CSV edge list, UCINET DL or the picture (SVG, PDF, PNG), as the command line does.
The network is built off the GUI thread.
"""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSlider,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.background import BackgroundJob, run_in_background
from annotator.gui.dialogs.network_choice import NetworkChoice
from annotator.gui.figure_pane import FigurePane
from annotator.gui.place_list import PlacePane
from annotator.gui.safe_text import message_box
from annotator.jobs.network import NetworkReport, network_title

if TYPE_CHECKING:
    from annotator.charts.network_figure import Drawing
    from annotator.gui.main_window import MainWindow

FILTERS = ";;".join(
    (
        "GraphML (*.graphml)",
        "CSV edge list (*.csv)",
        "UCINET DL (*.dl)",
        "SVG picture (*.svg)",
        "PDF picture (*.pdf)",
        "PNG picture (*.png)",
    )
)


class NetworkWindow(QDialog):
    placeRequested = Signal(int, int, int, int)  # document, start, end, span
    built = Signal()  # a network is on screen (or "nothing to draw" is)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Network")
        self._window = window
        self.report: NetworkReport | None = None
        self.drawing: Drawing | None = None
        self.job: BackgroundJob | None = None
        self._again = False  # the choice changed while a network was being built
        self.current = 0  # the network shown: its time window's number
        self.choice = NetworkChoice(window.workspace.scheme)
        self.export = QPushButton("E&xport…")
        self.export.setAutoDefault(False)  # Enter in a date field redraws; it does not export
        self.export.clicked.connect(self.export_as)
        self.choice.grid.addWidget(self.export, 2, 7)
        self.figure = FigurePane()
        self.ties = QTableWidget(0, 3)
        self.ties.setHorizontalHeaderLabels(["From", "To", "Weight"])
        self.ties.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.ties.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.ties.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.ties.verticalHeader().hide()
        self.ties.setTabKeyNavigation(False)  # Tab leaves for the statements below
        self.ties.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.ties.currentCellChanged.connect(lambda row, _c, _r, _pc: self._tie_chosen(row))
        ties_label = QLabel("Tie&s, the heaviest first")
        ties_label.setBuddy(self.ties)
        ties_box = QWidget()
        ties_layout = QVBoxLayout(ties_box)
        ties_layout.setContentsMargins(0, 0, 0, 0)
        ties_layout.addWidget(ties_label)
        ties_layout.addWidget(self.ties)
        self.period = QSlider(Qt.Orientation.Horizontal)  # which time window is shown
        self.period.setPageStep(1)
        self.period.valueChanged.connect(self._show)
        self.period_label = QLabel()
        period_name = QLabel("Per&iod")
        period_name.setBuddy(self.period)
        self.periods = QWidget()  # shown when there is more than one window
        period_row = QHBoxLayout(self.periods)
        period_row.setContentsMargins(0, 0, 0, 0)
        period_row.addWidget(period_name)
        period_row.addWidget(self.period, 1)
        period_row.addWidget(self.period_label)
        self.periods.hide()
        drawing_box = QWidget()
        drawing_layout = QVBoxLayout(drawing_box)
        drawing_layout.setContentsMargins(0, 0, 0, 0)
        drawing_layout.addWidget(self.figure, 1)
        drawing_layout.addWidget(self.periods)
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(drawing_box)
        upper.addWidget(ties_box)
        upper.setSizes([640, 300])
        lower = PlacePane()
        self.hint, self.spans = lower.hint, lower.spans
        self.spans.placeRequested.connect(self.placeRequested)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([520, 170])
        layout = QVBoxLayout(self)
        layout.addWidget(self.choice)
        layout.addWidget(split, 1)
        self.choice.changed.connect(self.refresh)
        chain = (*self.choice.fields, self.export, self.period, self.ties, self.spans)
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)  # the fields as they read, then ties, statements
        self.resize(1000, 760)

    # -- building and drawing ------------------------------------------------------------------
    @property
    def canvas(self) -> Any:
        """The figure on screen (matplotlib's canvas), or None."""
        return self.figure.canvas

    def refresh(self) -> None:
        """Build the chosen network off the GUI thread; a change meanwhile builds it again."""
        choice = self.choice
        choice.aggregation.setEnabled(choice.qualifier.currentData() is not None)
        options = choice.options()
        if options is None:
            self.hint.setText("Dates are written YYYY-MM-DD.")
            return
        if self.job is not None and self.job.running:
            self._again = True
            return
        workspace = self._window.workspace
        self.hint.setText("Building the network…")
        self.job = run_in_background(self, "Building the network",
                                     lambda progress: workspace.analysis.network(options, progress),
                                     self._built)  # fmt: skip

    def _built(self, report: NetworkReport | None, error: object) -> None:
        if self._again:
            self._again = False
            self.job = None
            self.refresh()
            return
        if error is not None or report is None:
            if not isinstance(error, AnnotatorError):  # cancelled, or a fault: shown, not hidden
                self.hint.setText(f"The network could not be built: {error}")
            else:
                self.hint.setText(str(error))
            self.built.emit()
            return
        self.report = report
        self._draw(report)
        self.built.emit()

    def _draw(self, report: NetworkReport) -> None:
        """The first network of the report; with time windows, the slider picks the others."""
        count = len(report.networks)
        self.period.blockSignals(True)
        self.period.setRange(0, max(count - 1, 0))
        self.period.setValue(0)
        self.period.blockSignals(False)
        self.periods.setVisible(count > 1)
        self._show(0)

    def _show(self, index: int) -> None:
        """Network ``index`` of the report (a time window's) on screen."""
        from annotator.charts.network_figure import network_figure

        report = self.report
        if report is None:
            return
        self.current = index
        self.figure.clear()
        self.spans.clear()
        self.ties.setRowCount(0)
        made = report.networks[index] if index < len(report.networks) else None
        if made is not None and len(report.networks) > 1:
            self.period_label.setText(f"{index + 1} of {len(report.networks)}: "
                                      f"{made.start} – {made.end}")  # fmt: skip
        if made is None or not made.weights:
            among = made.statements if made is not None else report.statements
            self.drawing = None
            self.hint.setText(f"No ties among {counted(among, 'statement')}"
                              f"{report.left_out_note()}.")  # fmt: skip
            return
        drawn, self.drawing = network_figure(made, network_title(report.options, made),
                                              dark=self.figure.dark, width=7.5,
                                              groups=report.groups())  # fmt: skip
        self.figure.show_figure(drawn, self._clicked)
        ties = sorted(
            ((a, b, w) for (a, b), w in made.weights.items() if not made.one_mode or a < b),
            key=lambda t: (-abs(t[2]), t[0], t[1]),
        )
        self.ties.setSortingEnabled(False)
        self.ties.setRowCount(len(ties))
        for row, (a, b, weight) in enumerate(ties):
            self.ties.setItem(row, 0, QTableWidgetItem(a))
            self.ties.setItem(row, 1, QTableWidgetItem(b))
            number = QTableWidgetItem()
            number.setData(Qt.ItemDataRole.DisplayRole, round(weight, 4))
            number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.ties.setItem(row, 2, number)
        self.ties.setSortingEnabled(True)
        self.ties.sortItems(2, Qt.SortOrder.DescendingOrder)  # the heaviest ties first
        self.hint.setText(
            f"{counted(len(ties), 'tie')} from {counted(made.statements, 'statement')}"
            f"{report.left_out_note()}. Click a node or a tie, or choose a row, to list its "
            "statements."
        )

    # -- what is behind a node or a tie ----------------------------------------------------------
    def _clicked(self, event: Any) -> None:
        if self.drawing is None or event.xdata is None or event.ydata is None:
            return
        x, y = float(event.xdata), float(event.ydata)
        node = self.drawing.node_at(x, y)
        if node is not None:
            self.list_statements(node)
            return
        tie = self.drawing.edge_at(x, y)
        if tie is not None:
            self.list_statements(*tie)

    def _tie_chosen(self, row: int) -> None:
        first, second = self.ties.item(row, 0), self.ties.item(row, 1)
        if first is not None and second is not None:
            self.list_statements(first.text(), second.text(), focus=False)

    def list_statements(self, first: str, second: str | None = None, *, focus: bool = True) -> None:
        report = self.report
        if report is None or not report.networks:
            return
        ids = set(report.behind(first, second, self.current))
        rows = [r for r in report.rows if r.statement.id in ids]
        self.spans.clear()
        what = first if second is None else f"{first} — {second}"
        self.hint.setText(f"{what}: {counted(len(rows), 'statement')} · Enter opens one")
        for row in rows:
            text = " ".join(row.text.split())[:90]
            level = "" if row.statement.qualifier is None else f" [{row.statement.qualifier}]"
            said = row.statement
            self.spans.add(f"{said.first} on {said.second}{level}: “{text}” — {row.title}",
                           (said.document_id, row.start, row.end, said.id))  # fmt: skip
        self.spans.choose_first(focus=focus)

    # -- export --------------------------------------------------------------------------------
    def export_as(self) -> None:
        if self.report is None:
            return
        settings = self._window.settings
        folder = Path(str(settings.value("export_folder", str(Path.home()))))
        path, _filter = QFileDialog.getSaveFileName(
            self, "Export network", str(folder / "network.graphml"), FILTERS
        )
        if path:
            settings.setValue("export_folder", str(Path(path).parent))
            self.export_to(Path(path))

    def export_to(self, out: Path) -> BackgroundJob | None:
        """Write the network on screen (the same file ``annotator network --out`` writes)."""
        if self.report is None:
            return None
        report, queries = self.report, self._window.workspace.analysis
        self.job = run_in_background(self, "Exporting the network",
                                     lambda _progress: queries.write_network(report, out),
                                     self._exported)  # fmt: skip
        return self.job

    def _exported(self, files: list[Path] | None, error: object) -> None:
        if error is not None or files is None:
            message_box(self, QMessageBox.Icon.Critical, "Export failed", str(error)).open()
            return
        self.hint.setText("Written to " + ", ".join(str(f) for f in files))
