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

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.domain.scheme import AttributeKind, Scheme
from annotator.domain.wording import counted
from annotator.gui.background import BackgroundJob, run_in_background
from annotator.gui.date_field import read_date
from annotator.gui.safe_text import message_box
from annotator.jobs.network import NetworkOptions, NetworkReport, network_title

if TYPE_CHECKING:
    from annotator.charts.network_figure import Drawing
    from annotator.gui.main_window import MainWindow

VARIABLES = {"actor": "actors", "actor-kind": "kinds of actor", "topic": "topics",
             "source": "sources"}  # fmt: skip
AGGREGATIONS = {"onemode": {"ignore": "ignore", "congruence": "congruence (the same level)",
                            "conflict": "conflict (another level)",
                            "subtract": "subtract (congruence − conflict)"},
                "twomode": {"ignore": "ignore", "subtract": "subtract (positive − negative)",
                            "combine": "combine (which levels)"}}  # fmt: skip
NORMALIZATIONS = {"onemode": {"no": "not normalised", "average": "by average activity",
                              "jaccard": "Jaccard", "cosine": "cosine"},
                  "twomode": {"no": "not normalised", "activity": "by actor activity",
                              "prominence": "by concept prominence"}}  # fmt: skip
DUPLICATES = {"include": "every statement", "document": "once per article",
              "week": "once per week", "month": "once per month",
              "year": "once per year"}  # fmt: skip
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
        self.canvas: Any = None
        self.job: BackgroundJob | None = None
        self._again = False  # the choice changed while a network was being built
        self.type = _combo({"onemode": "Actor network (one-mode)",
                            "twomode": "Actors × concepts (two-mode)"})  # fmt: skip
        self.layer = QComboBox()
        self.var1 = _combo(VARIABLES)
        self.var2 = _combo(VARIABLES, "topic")
        self.qualifier = QComboBox()
        self.aggregation = QComboBox()
        self.normalization = QComboBox()
        self.duplicates = _combo(DUPLICATES)
        self.since = QLineEdit()
        self.since.setPlaceholderText("from YYYY-MM-DD")
        self.until = QLineEdit()
        self.until.setPlaceholderText("to YYYY-MM-DD")
        self.export = QPushButton("E&xport…")
        self.export.setAutoDefault(False)  # Enter in a date field redraws; it does not export
        self.export.clicked.connect(self.export_as)
        self._fill_layers(window.workspace.scheme)
        self._fill_for_type()
        choices = QGridLayout()
        for column, (text, widget) in enumerate((
            ("&Network", self.type), ("&Of", self.layer), ("&Ties between", self.var1),
            ("&Via", self.var2),
        )):  # fmt: skip
            self._labelled(choices, 0, column, text, widget)
        for column, (text, widget) in enumerate((
            ("&Qualifier", self.qualifier), ("&Aggregation", self.aggregation),
            ("Nor&malised", self.normalization), ("&Duplicates", self.duplicates),
        )):  # fmt: skip
            self._labelled(choices, 1, column, text, widget)
        self._labelled(choices, 2, 0, "Dat&es", self.since)
        self._labelled(choices, 2, 1, "to", self.until)
        choices.addWidget(self.export, 2, 7)
        self.canvas_box = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.canvas_box)
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
        upper = QSplitter(Qt.Orientation.Horizontal)
        upper.addWidget(holder)
        upper.addWidget(ties_box)
        upper.setSizes([640, 300])
        self.hint = QLabel()
        self.spans = QListWidget()
        self.spans.itemActivated.connect(self._open)
        self.spans.installEventFilter(self)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        lower_layout.addWidget(self.hint)
        lower_layout.addWidget(self.spans)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(upper)
        split.addWidget(lower)
        split.setSizes([520, 170])
        layout = QVBoxLayout(self)
        layout.addLayout(choices)
        layout.addWidget(split, 1)
        self.type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.layer.currentIndexChanged.connect(lambda _i: self._layer_changed())
        for combo in (self.var1, self.var2, self.qualifier, self.aggregation,
                      self.normalization, self.duplicates):  # fmt: skip
            combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.editingFinished.connect(self.refresh)
        self.until.editingFinished.connect(self.refresh)
        chain = (self.type, self.layer, self.var1, self.var2, self.qualifier, self.aggregation,
                 self.normalization, self.duplicates, self.since, self.until, self.export,
                 self.ties, self.spans)  # fmt: skip
        for before, after in itertools.pairwise(chain):
            QWidget.setTabOrder(before, after)  # the fields as they read, then ties, statements
        self.resize(1000, 760)

    # -- the choice --------------------------------------------------------------------------
    def _labelled(
        self, grid: QGridLayout, row: int, column: int, text: str, widget: QWidget
    ) -> None:
        label = QLabel(text)
        label.setBuddy(widget)
        grid.addWidget(label, row, 2 * column, Qt.AlignmentFlag.AlignRight)
        grid.addWidget(widget, row, 2 * column + 1)

    def _fill_layers(self, scheme: Scheme) -> None:
        """The layers of statements (with a speaker or a claimant): claims first."""
        linked = [layer for layer in scheme.layers if layer.statement_actor]
        linked.sort(key=lambda layer: (layer.name != "claim", layer.name))
        for layer in linked:
            self.layer.addItem(f"{layer.name}s", layer.name)
        self._fill_qualifiers()

    def _fill_qualifiers(self) -> None:
        self.qualifier.blockSignals(True)
        self.qualifier.clear()
        self.qualifier.addItem("none", None)
        name = self.layer.currentData()
        if name is not None:
            layer = self._window.workspace.scheme.layer(name)
            for spec in layer.attributes:
                if spec.kind is AttributeKind.CHOICE:
                    self.qualifier.addItem(spec.name, spec.name)
        stance = self.qualifier.findData("stance")
        self.qualifier.setCurrentIndex(max(stance, 0))
        self.qualifier.blockSignals(False)

    def _fill_for_type(self) -> None:
        kind = self.type.currentData()
        for combo, texts in ((self.aggregation, AGGREGATIONS[kind]),
                             (self.normalization, NORMALIZATIONS[kind])):  # fmt: skip
            combo.blockSignals(True)
            combo.clear()
            for value, text in texts.items():
                combo.addItem(text, value)
            combo.blockSignals(False)

    def _type_changed(self) -> None:
        self._fill_for_type()
        self.refresh()

    def _layer_changed(self) -> None:
        self._fill_qualifiers()
        self.refresh()

    def options(self) -> NetworkOptions | None:
        """The network as chosen; None while a date cannot be read."""
        try:
            since, until = read_date(self.since.text()), read_date(self.until.text())
        except ValueError:
            return None
        qualifier = self.qualifier.currentData()
        aggregation = self.aggregation.currentData() if qualifier else "ignore"
        return NetworkOptions(
            type=self.type.currentData(), var1=self.var1.currentData(),
            var2=self.var2.currentData(), qualifier=qualifier, aggregation=aggregation,
            normalization=self.normalization.currentData(),
            duplicates=self.duplicates.currentData(), layer=self.layer.currentData() or "claim",
            since=since, until=until,
        )  # fmt: skip

    # -- building and drawing ------------------------------------------------------------------
    def refresh(self) -> None:
        """Build the chosen network off the GUI thread; a change meanwhile builds it again."""
        self.aggregation.setEnabled(self.qualifier.currentData() is not None)
        options = self.options()
        if options is None:
            self.hint.setText("Dates are written YYYY-MM-DD.")
            return
        if self.job is not None and self.job.running:
            self._again = True
            return
        workspace = self._window.workspace
        self.hint.setText("Building the network…")
        self.job = run_in_background(self, "Building the network",
                                     lambda progress: workspace.network(options, progress),
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
        from matplotlib.backends.backend_qtagg import FigureCanvasQTAgg

        from annotator.charts.network_figure import network_figure

        if self.canvas is not None:  # gone at once, not at the next turn of the event loop
            self.canvas_box.removeWidget(self.canvas)
            self.canvas.hide()
            self.canvas.setParent(None)
            self.canvas.deleteLater()
            self.canvas = None
        self.spans.clear()
        self.ties.setRowCount(0)
        made = report.networks[0] if report.networks else None
        if made is None or not made.weights:
            left = "; ".join(f"{n} with {why}" for why, n in sorted(report.left_out.items()))
            self.drawing = None
            self.hint.setText(f"No ties among {counted(report.statements, 'statement')}"
                              + (f" (left out: {left})" if left else "") + ".")  # fmt: skip
            return
        dark = self.palette().window().color().lightness() < 128
        figure, self.drawing = network_figure(made, network_title(report.options, made),
                                              dark=dark, width=7.5)  # fmt: skip
        self.canvas = FigureCanvasQTAgg(figure)  # type: ignore[no-untyped-call]
        self.canvas.mpl_connect("button_press_event", self._clicked)
        self.canvas_box.addWidget(self.canvas)
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
        left = "; ".join(f"{n} with {why}" for why, n in sorted(report.left_out.items()))
        self.hint.setText(
            f"{counted(len(ties), 'tie')} from {counted(report.statements, 'statement')}"
            + (f" (left out: {left})" if left else "")
            + ". Click a node or a tie, or choose a row, to list its statements."
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
        ids = set(report.behind(first, second))
        rows = [r for r in report.rows if r.statement.id in ids]
        self.spans.clear()
        what = first if second is None else f"{first} — {second}"
        self.hint.setText(f"{what}: {counted(len(rows), 'statement')} · Enter opens one")
        for row in rows:
            text = " ".join(row.text.split())[:90]
            level = "" if row.statement.qualifier is None else f" [{row.statement.qualifier}]"
            item = QListWidgetItem(f"{row.statement.first} on {row.statement.second}{level}: "
                                   f"“{text}” — {row.title}")  # fmt: skip
            place = (row.statement.document_id, row.start, row.end, row.statement.id)
            item.setData(Qt.ItemDataRole.UserRole, place)
            self.spans.addItem(item)
        if self.spans.count():
            self.spans.setCurrentRow(0)
            if focus:
                self.spans.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.spans and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                item = self.spans.currentItem()
                if item is not None:
                    self._open(item)
                return True
        return super().eventFilter(watched, event)

    def _open(self, item: QListWidgetItem) -> None:
        place = item.data(Qt.ItemDataRole.UserRole)
        if place:
            self.placeRequested.emit(*place)

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
        report, workspace = self.report, self._window.workspace
        self.job = run_in_background(self, "Exporting the network",
                                     lambda _progress: workspace.write_network(report, out),
                                     self._exported)  # fmt: skip
        return self.job

    def _exported(self, files: list[Path] | None, error: object) -> None:
        if error is not None or files is None:
            message_box(self, QMessageBox.Icon.Critical, "Export failed", str(error)).open()
            return
        self.hint.setText("Written to " + ", ".join(str(f) for f in files))


def _combo(items: dict[str, str], chosen: str | None = None) -> QComboBox:
    combo = QComboBox()
    for value, text in items.items():
        combo.addItem(text, value)
    if chosen is not None:
        combo.setCurrentIndex(combo.findData(chosen))
    return combo
