"""The choice of a discourse network, as DNA defines it: one-mode or two-mode, the variables,
the layer, a qualifier and how it aggregates, normalisation, duplicates, dates, time windows.
Every field has an Alt key; ``changed`` says the choice moved."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLabel, QLineEdit, QWidget

from annotator.domain.scheme import AttributeKind, Scheme
from annotator.gui.date_field import read_date
from annotator.jobs.network import NetworkOptions, parse_duration

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
WINDOWS = {"": "the whole period", "7d/1d": "7 days, moved by a day",
           "30d/7d": "30 days, moved by a week", "90d/30d": "90 days, moved by a month",
           "365d/90d": "a year, moved by 3 months"}  # fmt: skip
DUPLICATES = {"include": "every statement", "document": "once per article",
              "week": "once per week", "month": "once per month",
              "year": "once per year"}  # fmt: skip


class NetworkChoice(QWidget):
    changed = Signal()

    def __init__(self, scheme: Scheme) -> None:
        super().__init__()
        self._scheme = scheme
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
        self.windows = _combo(WINDOWS)
        self._fill_layers(scheme)
        self._fill_for_type()
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for column, (text, widget) in enumerate((
            ("&Network", self.type), ("&Of", self.layer), ("&Ties between", self.var1),
            ("&Via", self.var2),
        )):  # fmt: skip
            self._labelled(self.grid, 0, column, text, widget)
        for column, (text, widget) in enumerate((
            ("&Qualifier", self.qualifier), ("&Aggregation", self.aggregation),
            ("Nor&malised", self.normalization), ("&Duplicates", self.duplicates),
        )):  # fmt: skip
            self._labelled(self.grid, 1, column, text, widget)
        self._labelled(self.grid, 2, 0, "Dat&es", self.since)
        self._labelled(self.grid, 2, 1, "to", self.until)
        self._labelled(self.grid, 2, 2, "&Windows", self.windows)
        self.type.currentIndexChanged.connect(lambda _i: self._type_changed())
        self.layer.currentIndexChanged.connect(lambda _i: self._layer_changed())
        for combo in (self.var1, self.var2, self.qualifier, self.aggregation,
                      self.normalization, self.duplicates, self.windows):  # fmt: skip
            combo.currentIndexChanged.connect(lambda _i: self.changed.emit())
        self.since.editingFinished.connect(self.changed.emit)
        self.until.editingFinished.connect(self.changed.emit)

    @property
    def fields(self) -> tuple[QWidget, ...]:
        """The fields in reading order (the tab order)."""
        return (self.type, self.layer, self.var1, self.var2, self.qualifier, self.aggregation,
                self.normalization, self.duplicates, self.since, self.until,
                self.windows)  # fmt: skip

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
            layer = self._scheme.layer(name)
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
        self.changed.emit()

    def _layer_changed(self) -> None:
        self._fill_qualifiers()
        self.changed.emit()

    def options(self) -> NetworkOptions | None:
        """The network as chosen; None while a date cannot be read."""
        try:
            since, until = read_date(self.since.text()), read_date(self.until.text())
        except ValueError:
            return None
        window = step = None
        if self.windows.currentData():  # "30d/7d": windows of 30 days moved by 7
            length, _slash, moved = self.windows.currentData().partition("/")
            window, step = parse_duration(length), parse_duration(moved)
        qualifier = self.qualifier.currentData()
        aggregation = self.aggregation.currentData() if qualifier else "ignore"
        return NetworkOptions(
            type=self.type.currentData(), var1=self.var1.currentData(),
            var2=self.var2.currentData(), qualifier=qualifier, aggregation=aggregation,
            normalization=self.normalization.currentData(),
            duplicates=self.duplicates.currentData(), layer=self.layer.currentData() or "claim",
            since=since, until=until, window=window, step=step,
        )  # fmt: skip


def _combo(items: dict[str, str], chosen: str | None = None) -> QComboBox:
    combo = QComboBox()
    for value, text in items.items():
        combo.addItem(text, value)
    if chosen is not None:
        combo.setCurrentIndex(combo.findData(chosen))
    return combo
