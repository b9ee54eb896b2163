"""Analysis → Curate this article: every place annotators marked, one row each, with each
annotator's version side by side and the curated one.

Keys on a row: **1**…**9** make that annotator's version the curated one, **0** or **Del**
leaves nothing there, **Enter** shows the place in the article. Each choice is one step (Undo
takes it back). Rows where everyone agrees are marked; ``annotator curate`` accepts them at once.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import AnnotatorError
from annotator.jobs.curation import Place, accept, curated_status, mark_curated, places
from annotator.store.coded_spans import CodedSpan

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow

_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(10)}
AGREED = QColor("#2e9e4f")
WIDEST = 260  # pixels for one annotator's version; the rest is in its tooltip


class CurationWindow(QDialog):
    placeRequested = Signal(int, int, int)  # document, start, end
    editRequested = Signal(int, int)  # document, the curated span to edit in the article

    def __init__(self, window: MainWindow, document_id: int) -> None:
        super().__init__(window)
        self._window, self.document_id = window, document_id
        self.people: list[str] = []
        self.places: list[Place] = []
        self._sized = False
        self.tree = QTreeWidget()
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.installEventFilter(self)
        self.tree.itemActivated.connect(lambda *_: self._show())
        self.help = QLabel(
            "1…9: take that annotator's version · 0 or Del: nothing here · E: edit the curated "
            "one in the article · Enter: show in the article · Ctrl+Z: undo · Ctrl+Enter: mark "
            "curated"
        )
        self.help.setWordWrap(True)
        undo = QShortcut(QKeySequence(QKeySequence.StandardKey.Undo), self)
        undo.activated.connect(self._undo)
        self.curated_button = QPushButton("Mark this article curated")
        self.curated_button.setAutoDefault(False)  # Ctrl+Enter marks it; Enter shows a place
        self.curated_button.setToolTip(
            "The curated annotation of this article is finished (Ctrl+Enter)"
        )
        self.curated_button.clicked.connect(self.mark_done)
        finish = QShortcut(QKeySequence("Ctrl+Return"), self)
        finish.activated.connect(self.mark_done)
        bottom = QHBoxLayout()
        bottom.addWidget(self.help, 1)
        bottom.addWidget(self.curated_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)
        self.resize(900, 480)
        self.refresh()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.activateWindow()
        self.tree.setFocus(Qt.FocusReason.ActiveWindowFocusReason)

    def refresh(self) -> None:
        row = max(self._row(), 0)
        project = self._window.workspace.project
        document = project.documents.get(self.document_id)
        status = curated_status(project, self.document_id).value.replace("_", " ")
        self.setWindowTitle(f"Curate — {document.title} — curation {status}")
        self.people, self.places = places(self._window.workspace.project, self.document_id)
        headers = ["Where", "Layer"]
        headers += [f"{n}. {name}" for n, name in enumerate(self.people, start=1)]
        self.tree.setHeaderLabels([*headers, "Curated"])
        self.tree.clear()
        for place in self.places:
            cells = [f"{place.start}–{place.end}", place.layer]
            names = {a.id: a.name for a in self._window.workspace.actors.values()}
            cells += [_shown(place.versions.get(name), names) for name in self.people]
            item = QTreeWidgetItem([*cells, _shown(place.curated, names)])
            for column in range(2, len(cells) + 1):
                item.setToolTip(column, item.text(column))  # the whole text, when cut short
            if place.agreed:
                for column in range(len(cells) + 1):
                    item.setForeground(column, AGREED)
                item.setToolTip(0, "everyone agrees")
            self.tree.addTopLevelItem(item)
        header = self.tree.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        for column in range(self.tree.columnCount()):  # every version in view, none too wide
            self.tree.resizeColumnToContents(column)
            self.tree.setColumnWidth(column, min(self.tree.columnWidth(column), WIDEST))
        if not self._sized:  # wide enough for every version and the curated one, once
            self._sized = True
            wanted = sum(self.tree.columnWidth(c) for c in range(self.tree.columnCount())) + 60
            screen = self.screen().availableGeometry().width() if self.screen() else wanted
            self.resize(max(self.width(), min(wanted, int(screen * 0.95))), self.height())
        if self.places:
            self._select(min(row, len(self.places) - 1))

    def choose(self, row: int, annotator: str | None) -> None:
        """Make ``annotator``'s version (None: nothing) the curated one at row ``row``."""
        place = self.places[row]
        workspace = self._window.workspace
        try:
            workspace.attempt(lambda: accept(workspace.project, place, annotator))
        except AnnotatorError:
            return  # shown by the window's failure reporter
        workspace.catch_up()
        self.refresh()
        self._select(min(row + 1, len(self.places) - 1))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            row = self._row()
            key = event.key()
            if row >= 0 and key in _DIGITS:
                number = _DIGITS[key]
                if number == 0:
                    self.choose(row, None)
                elif number <= len(self.people):
                    self.choose(row, self.people[number - 1])
                return True
            if row >= 0 and key == Qt.Key.Key_Delete:
                self.choose(row, None)
                return True
            if row >= 0 and key == Qt.Key.Key_E:
                self.edit(row)
                return True
        return super().eventFilter(watched, event)

    def edit(self, row: int) -> None:
        """Edit the curated version at ``row`` in the article, with the annotation keys and the
        Span dock (the article then shows the curated annotation only)."""
        curated = self.places[row].curated
        if curated is None:
            self.help.setText("Nothing curated here yet: choose a version first (1…9).")
            return
        self.editRequested.emit(self.document_id, curated.id)

    def mark_done(self) -> None:
        workspace = self._window.workspace
        try:
            workspace.attempt(
                lambda: mark_curated(workspace.project, self.document_id, DocumentStatus.DONE)
            )
        except AnnotatorError:
            return  # shown by the window's failure reporter
        workspace.catch_up()
        self.refresh()

    def _select(self, row: int) -> None:
        item = self.tree.topLevelItem(row)
        if item is not None:
            self.tree.setCurrentItem(item)

    def _row(self) -> int:
        item = self.tree.currentItem()
        return self.tree.indexOfTopLevelItem(item) if item is not None else -1

    def _undo(self) -> None:
        self._window.workspace.undo()
        self.refresh()

    def _show(self) -> None:
        row = self._row()
        if 0 <= row < len(self.places):
            place = self.places[row]
            self.placeRequested.emit(self.document_id, place.start, place.end)


def _shown(span: CodedSpan | None, names: dict[int, str]) -> str:
    if span is None:
        return "—"
    values: dict[str, Any] = {**span.attributes}
    values.update({kind: names.get(actor, actor) for kind, actor in span.links.items()})
    if span.actor_id is not None:
        values["actor"] = names.get(span.actor_id, span.actor_id)
    extra = ", ".join(f"{k}={v}" for k, v in sorted(values.items()))
    text = " ".join(span.text.split())[:40]
    return text + (f" ({extra})" if extra else "")
