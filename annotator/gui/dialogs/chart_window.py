"""Analysis → Charts: the charts of ``annotator chart`` on screen, in the window's theme.

Pick the chart and the period; click a bar, a point or a cell and the statements behind it
are listed below, where Enter opens one in the article. Save as… writes PNG, SVG, PDF or CSV
(the same file the command line writes).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
)

from annotator.charts.figures import bar_at
from annotator.charts.table import KINDS, ChartTable
from annotator.domain.documents import DocumentStatus
from annotator.domain.wording import counted
from annotator.gui.combo_values import current_enum, status_combo
from annotator.gui.date_field import read_date
from annotator.gui.figure_pane import FigurePane
from annotator.gui.place_list import PlacePane
from annotator.jobs.statements import StatementFilter, StatementRow

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

LISTED = 500  # the spans listed for one bar or cell, at most

TITLES = {"actors": "Actors: mentions, quotes, claims", "speakers": "Quotes by speaker over time",
          "topics": "Claims by topic over time", "stance": "Stance: actor × topic",
          "kinds": "Who is quoted, by kind"}  # fmt: skip


class ChartWindow(QDialog):
    placeRequested = Signal(int, int, int, int)  # document, start, end, span

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.setWindowTitle("Charts")
        self._window = window
        self.table: ChartTable | None = None
        self._rows: dict[int, StatementRow] | None = None  # the statements, by span id
        self.kind = QComboBox()
        for kind in KINDS:
            self.kind.addItem(TITLES[kind], kind)
        self.period = QComboBox()
        for period in ("month", "week", "day"):
            self.period.addItem(f"per {period}", period)
        save = QPushButton("Save as…")
        save.setAutoDefault(False)  # Enter in a date field filters; it does not save
        save.clicked.connect(self.save_as)
        self.since = QLineEdit()
        self.since.setPlaceholderText("from YYYY-MM-DD")
        self.until = QLineEdit()
        self.until.setPlaceholderText("to YYYY-MM-DD")
        self.source = QComboBox()
        self.source.addItem("All sources", None)
        for source in window.workspace.analysis.sources():
            self.source.addItem(source, source)
        self.layer = QComboBox()
        self.layer.addItem("Quotes and claims", None)
        for name in window.workspace.analysis.statement_layers():
            self.layer.addItem(window.workspace.scheme.layer(name).title + "s", name)
        self.status = status_combo("Every status")
        self.annotator = QComboBox()
        self.annotator.addItem("Everyone", None)
        for name in window.workspace.analysis.annotators():
            self.annotator.addItem(name, name)
        top = QHBoxLayout()
        top.addWidget(self.kind, 1)
        top.addWidget(self.period)
        top.addWidget(save)
        filters = QHBoxLayout()
        for widget in (self.since, self.until, self.source, self.layer, self.status,
                       self.annotator):  # fmt: skip
            filters.addWidget(widget)
        self.figure = FigurePane()
        lower = PlacePane("Click a bar, point or cell to list its statements.")
        self.hint, self.spans = lower.hint, lower.spans
        self.spans.placeRequested.connect(self.placeRequested)
        self.numbers = QTableWidget()  # the chart's numbers: the way to it by keyboard
        self.numbers.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.numbers.setTabKeyNavigation(False)  # Tab leaves for the statements below
        self.numbers.currentCellChanged.connect(lambda row, column, _r, _c: self._number_chosen(
            row, column))  # fmt: skip
        self.views = QTabWidget()
        self.views.addTab(self.figure, "C&hart")
        self.views.addTab(self.numbers, "&Numbers")
        self.views.currentChanged.connect(self._view_chosen)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.views)
        split.addWidget(lower)
        split.setSizes([520, 160])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(filters)
        layout.addWidget(split, 1)
        self.kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.period.currentIndexChanged.connect(lambda _i: self.refresh())
        self.source.currentIndexChanged.connect(lambda _i: self.refresh())
        self.layer.currentIndexChanged.connect(lambda _i: self.refresh())
        self.status.currentIndexChanged.connect(lambda _i: self.refresh())
        self.annotator.currentIndexChanged.connect(lambda _i: self.refresh())
        self.since.editingFinished.connect(self.refresh)
        self.until.editingFinished.connect(self.refresh)
        self.resize(900, 720)

    @property
    def canvas(self) -> Any:
        """The figure on screen (matplotlib's canvas), or None."""
        return self.figure.canvas

    def refresh(self) -> None:
        from annotator.charts.figures import figure

        kind, period = self.kind.currentData(), self.period.currentData()
        self.period.setEnabled(kind in ("speakers", "topics"))
        chosen = self.chosen()
        if chosen is None:
            self.hint.setText("Dates are written YYYY-MM-DD.")
            return
        self.table = self._window.workspace.analysis.chart(kind, period, chosen)
        self._rows = None
        self.figure.clear()
        self.spans.clear()
        self._fill_numbers(self.table)
        if self.table.empty:
            self.hint.setText(f"Nothing to chart: {self.table.title}.")
            return
        self.figure.show_figure(figure(self.table, dark=self.figure.dark, width=8.5),
                                self._clicked)  # fmt: skip
        self.hint.setText("Click a bar, point or cell to list its statements.")

    def _fill_numbers(self, table: ChartTable) -> None:
        """The chart as a table: a row per category, a column per series (or, for the stance
        matrix, per topic, with its number of claims)."""
        columns = table.columns if table.matrix else list(table.series)
        self.numbers.blockSignals(True)
        self.numbers.clear()
        self.numbers.setRowCount(len(table.categories))
        self.numbers.setColumnCount(len(columns))
        self.numbers.setHorizontalHeaderLabels(columns)
        self.numbers.setVerticalHeaderLabels(table.categories)
        for row in range(len(table.categories)):
            for column, name in enumerate(columns):
                if table.matrix:
                    value: float = table.counts[row][column] if table.counts else 0
                else:
                    value = table.series[name][row]
                number = QTableWidgetItem()
                number.setData(Qt.ItemDataRole.DisplayRole, round(value, 2))
                number.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                self.numbers.setItem(row, column, number)
        self.numbers.blockSignals(False)

    def _view_chosen(self, index: int) -> None:
        """On the Numbers tab the keyboard is in the table, on a cell, its statements listed."""
        if self.views.widget(index) is not self.numbers or not self.numbers.rowCount():
            return
        self.numbers.setFocus()
        if self.numbers.currentRow() < 0:
            self.numbers.setCurrentCell(0, 0)
        else:
            self._number_chosen(self.numbers.currentRow(), self.numbers.currentColumn())

    def _number_chosen(self, row: int, column: int) -> None:
        table = self.table
        if table is None or row < 0 or column < 0 or row >= len(table.categories):
            return
        columns = table.columns if table.matrix else list(table.series)
        if column >= len(columns):
            return
        cell = (table.categories[row], columns[column])
        self.list_spans(cell, table.spans.get(cell, []), focus=False)

    def chosen(self) -> StatementFilter | None:
        """The filters as set; None while a date cannot be read."""
        try:
            since, until = read_date(self.since.text()), read_date(self.until.text())
        except ValueError:
            return None
        layer = self.layer.currentData()
        return StatementFilter(since=since, until=until, source=self.source.currentData(),
                               layers=frozenset({layer}) if layer else None,
                               status=current_enum(self.status, DocumentStatus),
                               annotator=self.annotator.currentData())  # fmt: skip

    def _clicked(self, event: Any) -> None:
        table = self.table
        if table is None or event.xdata is None or event.ydata is None:
            return
        cell = self._cell(table, float(event.xdata), float(event.ydata))
        if cell is None:
            return
        ids = table.spans.get(cell, [])
        self.list_spans(cell, ids)

    def _cell(self, table: ChartTable, x: float, y: float) -> tuple[str, str] | None:
        if table.matrix:
            row, column = round(y), round(x)
            if 0 <= row < len(table.categories) and 0 <= column < len(table.columns):
                return table.categories[row], table.columns[column]
            return None
        if table.kind in ("speakers", "topics"):
            index = round(x)
            if not 0 <= index < len(table.categories):
                return None
            values = {name: series[index] for name, series in table.series.items()}
            nearest = min(values, key=lambda name: abs(values[name] - y))
            return table.categories[index], nearest
        names = list(reversed(table.categories))
        row, number = bar_at(y, len(table.series))
        if not 0 <= row < len(names) or not table.series:
            return None
        return names[row], list(table.series)[number]

    def list_spans(self, cell: tuple[str, str], ids: list[int], *, focus: bool = True) -> None:
        workspace = self._window.workspace
        if self._rows is None:  # read once per chart, not at every click or arrow key
            self._rows = {row.id: row for row in workspace.analysis.statements()}
        rows = self._rows
        shown = ids[:LISTED]
        places = {
            p.id: p for p in workspace.analysis.span_places([i for i in shown if i not in rows])
        }
        self.spans.clear()
        more = f" ({LISTED} listed)" if len(ids) > LISTED else ""
        self.hint.setText(f"{cell[0]} · {cell[1]}: {counted(len(ids), 'span')}{more} · "
                          "Enter opens one")  # fmt: skip
        for span_id in shown:
            row, place = rows.get(span_id), places.get(span_id)
            if row is not None:
                text = " ".join(row.text.split())[:90]
                self.spans.add(f"{row.who or '—'} ({row.layer}): “{text}” — {row.title}",
                               (row.document_id, row.start, row.end, row.id))  # fmt: skip
            elif place is not None:  # a mention (the actors chart)
                text = " ".join(place.text.split())[:90]
                layer = workspace.scheme.layer(place.layer).title
                self.spans.add(f"{layer}: “{text}” — {place.title}",
                               (place.document_id, place.start, place.end, place.id))  # fmt: skip
            # else: deleted since the chart was drawn
        self.spans.choose_first(focus=focus)

    def save_as(self) -> None:
        if self.table is None or self.table.empty:
            return
        from pathlib import Path

        settings = self._window.settings
        folder = Path(str(settings.value("export_folder", str(Path.home()))))
        path, _filter = QFileDialog.getSaveFileName(
            self, "Save chart", str(folder / f"{self.table.kind}.svg"),
            "SVG (*.svg);;PDF (*.pdf);;PNG (*.png);;CSV table (*.csv)",
        )  # fmt: skip
        if path:
            from annotator.charts.figures import save

            settings.setValue("export_folder", str(Path(path).parent))
            save(self.table, Path(path))
