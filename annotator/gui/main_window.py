"""The main window: a composition of the article panel, the docks, the menus and the toolbar."""

from __future__ import annotations

import contextlib
import hashlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, Qt, QTimer
from PySide6.QtGui import (
    QAction,
    QCloseEvent,
    QDragEnterEvent,
    QDropEvent,
    QKeySequence,
    QResizeEvent,
)
from PySide6.QtWidgets import QMainWindow, QMessageBox, QToolBar

from annotator.domain.documents import DocumentStatus
from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.actions import SPECS, make_action
from annotator.gui.actor_actions import ActorActions
from annotator.gui.analysis_actions import AnalysisActions
from annotator.gui.annotating import Annotating
from annotator.gui.article.panel import ArticlePanel
from annotator.gui.assist_actions import AssistActions
from annotator.gui.background import BackgroundJob
from annotator.gui.dialogs.about import show_about
from annotator.gui.dialogs.backups import BackupsDialog, kept_backups
from annotator.gui.dialogs.scheme_editor import SchemeEditor
from annotator.gui.dialogs.shortcuts import ShortcutsDialog
from annotator.gui.docks.actors import ActorsDock
from annotator.gui.docks.annotation_list import AnnotationsDock
from annotator.gui.docks.details import DetailsDock
from annotator.gui.docks.documents import DocumentsDock
from annotator.gui.docks.history import HistoryDock
from annotator.gui.docks.legend import LegendDock
from annotator.gui.file_actions import FileActions
from annotator.gui.icons import app_icon, icon
from annotator.gui.menus import menu_table
from annotator.gui.merge_flow import merge_dialog
from annotator.gui.project_menu import ProjectMenu
from annotator.gui.project_state import (
    DailyBackup,
    FailureReporter,
    LockWaitIndicator,
    mark_read_only,
)
from annotator.gui.safe_text import message_box, plain_tooltip
from annotator.gui.team_actions import TeamActions
from annotator.gui.workspace import Workspace

ARTICLE_MIN_WIDTH = 320  # the article column is never narrower than this
ARTICLE_SHARE = 0.45  # and the docks give way until it has this share of the window


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace, settings: QSettings | None = None) -> None:
        super().__init__()
        self.workspace = workspace
        workspace.setParent(self)  # the undo stack and its signals end with the window
        self.settings = settings or QSettings("Annotator", "Annotator")
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.setDockNestingEnabled(True)
        self.panel = ArticlePanel()
        self.panel.setMinimumWidth(ARTICLE_MIN_WIDTH)
        self.view = self.panel.view
        self.setCentralWidget(self.panel)
        self.documents = DocumentsDock(workspace, self)
        self.details = DetailsDock(workspace, self)
        self.annotations = AnnotationsDock(workspace, self)
        self.actors = ActorsDock(workspace, self)
        self.legend = LegendDock(workspace, self)
        self.history = HistoryDock(workspace, self)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.documents)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, self.legend)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.details)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.annotations)
        self.tabifyDockWidget(self.annotations, self.actors)
        self.tabifyDockWidget(self.actors, self.history)
        self.annotations.raise_()
        self.resizeDocks([self.documents, self.details], [360, 400], Qt.Orientation.Horizontal)
        self.resizeDocks([self.documents, self.legend], [600, 160], Qt.Orientation.Vertical)
        self.annotating = Annotating(workspace, self.view, self.details, self)
        self.actor_actions = ActorActions(self, workspace)
        self.project_menu = ProjectMenu(self, self.settings)
        self.actions_by_name: dict[str, QAction] = {}
        self.job: BackgroundJob | None = None
        self.team = TeamActions(self)
        self.assist = AssistActions(self)
        self.analysis = AnalysisActions(self)
        self.files = FileActions(self)
        self._build_actions()
        self._build_menus()
        self._connect()
        self.failures = FailureReporter(self, workspace)
        self.lock_wait = LockWaitIndicator(self, workspace)
        if workspace.project.read_only:
            mark_read_only(self, dict(self.actions_by_name))
        self._restore()
        self._on_document(None)
        self.daily_backup = DailyBackup(self, workspace.project, kept_backups(self.settings))

    # -- construction ----------------------------------------------------------------------
    def _build_actions(self) -> None:
        slots: dict[str, Callable[[], object]] = {
            "import": self.files.import_dialog,
            "import-folder": self.files.import_folder_dialog,
            "export": self.files.export_dialog,
            "backups": lambda: BackupsDialog(self.workspace.project, self.settings, self).exec(),
            "scheme": self.edit_scheme,
            "quit": self.close,
            "undo": self.workspace.undo,
            "redo": self.workspace.redo,
            "delete": self._delete_or_reject,
            "find": lambda: self.panel.find_bar.open_bar(self.view.text),
            "search": self._focus_search,
            "span-to-selection": self.annotating.span_to_selection,
            "start-left": lambda: self.annotating.move_boundary("start", False),
            "start-right": lambda: self.annotating.move_boundary("start", True),
            "end-left": lambda: self.annotating.move_boundary("end", False),
            "end-right": lambda: self.annotating.move_boundary("end", True),
            "snap": self._toggle_snap,
            "next-annotation": lambda: self.annotating.step(1),
            "previous-annotation": lambda: self.annotating.step(-1),
            "next-document": lambda: self._step_document(1),
            "previous-document": lambda: self._step_document(-1),
            "done-next": self._done_next,
            "new-actor": lambda: self.actor_actions.edit(None),
            "delete-document": self._delete_document,
            "agreement": self.team.show_agreement,
            "statements": self.analysis.show_statements,
            "charts": self.analysis.show_charts,
            "network": self.analysis.show_network,
            "actor-page": lambda: self.analysis.show_actor(),
            "curate": self.team.show_curation,
            "curating": lambda: self.workspace.set_curating(
                self.actions_by_name["curating"].isChecked()
            ),
            "assign": self.team.assign,
            "suggest-actors": lambda: self.assist.suggest("actors", listed=False),
            "suggest-actors-all": lambda: self.assist.suggest("actors", listed=True),
            "suggest-quotes": lambda: self.assist.suggest("quotes", listed=False),
            "suggest-quotes-all": lambda: self.assist.suggest("quotes", listed=True),
            "suggest-claims": lambda: self.assist.suggest("claims", listed=False),
            "suggest-claims-all": lambda: self.assist.suggest("claims", listed=True),
            "suggest-model": lambda: self.assist.suggest("model", listed=False),
            "train-model": self.assist.train,
            "annotate-all": self.assist.annotate_all,
            "accept-suggestion": self.assist.accept,
            "reject-suggestion": self.assist.reject,
            "accept-engine": self.assist.accept_engine,
            "next-suggestion": lambda: self.assist.step(1),
            "previous-suggestion": lambda: self.assist.step(-1),
            "merge-project": lambda: merge_dialog(self),
            **{f"status-{status.value}": self._status_setter(status) for status in DocumentStatus},
            "zoom-in": lambda: self.view.zoomIn(1),
            "zoom-out": lambda: self.view.zoomOut(1),
            "shortcuts": self.show_shortcuts,
            "about": lambda: show_about(self, self.workspace.project.location),
        }
        for spec in SPECS:
            self.actions_by_name[spec.name] = make_action(self, spec, slots[spec.name])
        self.actions_by_name["delete"].setShortcuts(
            [QKeySequence("Del"), QKeySequence("Backspace")]
        )
        # Ctrl++ needs Shift on most keyboards; Ctrl+= is the same key without it
        self.actions_by_name["zoom-in"].setShortcuts(
            [QKeySequence(QKeySequence.StandardKey.ZoomIn), QKeySequence("Ctrl+=")]
        )
        self.actions_by_name["curating"].setCheckable(True)
        snap = self.actions_by_name["snap"]
        snap.setCheckable(True)
        snap.setChecked(self.view.snap_to_words)
        self._build_layer_actions()
        self.assist.install()
        stack = self.workspace.undo_stack
        stack.canUndoChanged.connect(self.actions_by_name["undo"].setEnabled)
        stack.canRedoChanged.connect(self.actions_by_name["redo"].setEnabled)
        stack.undoTextChanged.connect(lambda t: self._describe("undo", "Undo", t))
        stack.redoTextChanged.connect(lambda t: self._describe("redo", "Redo", t))
        self.actions_by_name["undo"].setEnabled(stack.canUndo())
        self.actions_by_name["redo"].setEnabled(stack.canRedo())
        self._describe("undo", "Undo", stack.undoText())
        self._describe("redo", "Redo", stack.redoText())

    def _build_layer_actions(self) -> None:
        """A tag action (the layer's hotkey) and a change action (Shift+hotkey) per layer."""
        for name in [n for n in self.actions_by_name if n.startswith(("tag-", "change-"))]:
            action = self.actions_by_name.pop(name)
            self.removeAction(action)
            action.deleteLater()
        for layer in self.workspace.scheme.layers:
            if not layer.hotkey:
                continue
            tag = QAction(icon(f"layer-{layer.name}"), layer.title, self)
            tag.setShortcut(QKeySequence(layer.hotkey))
            tag.setToolTip(
                plain_tooltip(f"Tag the selected text as {layer.title} ({layer.hotkey})")
            )
            tag.triggered.connect(lambda _c=False, name=layer.name: self.annotating.tag(name))
            self.addAction(tag)
            self.actions_by_name[f"tag-{layer.name}"] = tag
            change = QAction(f"Turn span into {layer.title}", self)
            change.setShortcut(QKeySequence(f"Shift+{layer.hotkey}"))
            change.triggered.connect(
                lambda _c=False, name=layer.name: self.annotating.change_layer(name)
            )
            self.addAction(change)
            self.actions_by_name[f"change-{layer.name}"] = change

    def _describe(self, name: str, verb: str, what: str) -> None:
        """The Edit menu names the edit that will be undone; the toolbar keeps a short label."""
        action = self.actions_by_name[name]
        keys = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        action.setText(f"&{verb} {what}" if what else f"&{verb}")
        action.setIconText(verb)
        action.setToolTip(plain_tooltip(f"{verb} {what} ({keys})" if what else f"{verb} ({keys})"))
        action.setStatusTip(f"{verb} {what}")

    def _build_menus(self) -> None:
        a = self.actions_by_name
        bar = self.menuBar()
        bar.clear()
        for old in self.findChildren(QToolBar):
            self.removeToolBar(old)
            old.deleteLater()
        menus = menu_table(self.workspace.scheme)
        for title, names in menus.items():
            menu = bar.addMenu(title)
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name in a:
                    menu.addAction(a[name])
            if title == "&File":
                self.project_menu.add_to_file(menu, a["import"])
            if title == "&View":
                self.project_menu.add_to_view(menu)
                for dock in (
                    self.documents,
                    self.details,
                    self.annotations,
                    self.actors,
                    self.history,
                    self.legend,
                ):
                    menu.addAction(dock.toggleViewAction())
        toolbar = QToolBar("Main")
        toolbar.setObjectName("main-toolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for name in (
            "import",
            "export",
            None,
            "undo",
            "redo",
            None,
            *(f"tag-{layer.name}" for layer in self.workspace.scheme.layers if layer.hotkey),
            "delete",
            None,
            "snap",
            "find",
            None,
            "done-next",
        ):
            if name is None:
                toolbar.addSeparator()
            elif name in a:
                toolbar.addAction(a[name])
        self.addToolBar(toolbar)

    def _connect(self) -> None:
        w = self.workspace
        w.documentOpened.connect(self._on_document)
        w.schemeChanged.connect(self._on_scheme)
        w.documentsChanged.connect(self._on_documents_changed)
        w.annotationAdded.connect(lambda _a: self._status())
        w.annotationRemoved.connect(lambda *_a: self._status())
        self.documents.documentChosen.connect(self.open_document)
        self.annotations.annotationChosen.connect(
            lambda span_id: self.annotating.select(span_id, reveal=True)
        )
        self.view.spanClicked.connect(self.annotations.show_selected)
        self.annotating.selected_changed.connect(self.annotations.show_selected)
        actors = self.actor_actions
        self.actors.editRequested.connect(actors.edit)
        self.details.editActorRequested.connect(actors.edit)
        self.actors.newRequested.connect(lambda: actors.edit(None))
        self.actors.mergeRequested.connect(actors.merge)
        self.actors.deleteRequested.connect(actors.delete)
        self.details.keys.finished.connect(self.view.setFocus)
        self.actors.splitRequested.connect(actors.split)
        self.actors.historyRequested.connect(self.history.show_actor)
        self.history.spanRequested.connect(self._show_span)
        self.annotating.message.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self.details.failed.connect(lambda text: self.statusBar().showMessage(text, 6000))

    def _show_span(self, span_id: int) -> None:
        """Select a span named in the history, if it is in the open article (still)."""
        if span_id in self.workspace.annotations:
            self.annotating.select(span_id, reveal=True)
        else:
            self.statusBar().showMessage("That span is not in this article (any more).", 6000)

    # -- documents -------------------------------------------------------------------------
    def open_document(self, document_id: int | None) -> None:
        current = self.workspace.document
        if current is not None and current.id == document_id:
            return
        self.workspace.open_document(document_id)

    def _on_document(self, _document: object) -> None:
        document = self.workspace.document
        if document is not None:  # however it was opened (list, keys, done-and-next, undo)
            self.settings.setValue(self._last_document_key(), document.id)
        self.panel.show_document(document)
        project = self.workspace.project.location
        name = Path(project).name if project else "Annotator"
        if self.workspace.project.read_only:
            name += " (read-only)"
        self.setWindowTitle(
            f"{document.title} — {name} — Annotator" if document else f"{name} — Annotator"
        )
        self._status()

    def _on_documents_changed(self) -> None:
        self.panel.show_document(self.workspace.document)
        self._status()

    def _status(self) -> None:
        document = self.workspace.document
        ids = self.documents.document_ids()
        if document is None:
            self.statusBar().showMessage(f"{counted(len(ids), 'document')}")
            return
        where = f"document {ids.index(document.id) + 1} of {len(ids)}" if document.id in ids else ""
        spans = self.workspace.span_count()
        self.statusBar().showMessage(
            f"{where} · {spans} span{'' if spans == 1 else 's'} · "
            f"{document.status.value.replace('_', ' ')}"
        )

    def _step_document(self, direction: int) -> None:
        ids = self.documents.document_ids()
        if not ids:
            return
        current = self.workspace.document.id if self.workspace.document else None
        position = ids.index(current) + direction if current in ids else 0
        if 0 <= position < len(ids):
            self.open_document(ids[position])

    def _status_setter(self, status: DocumentStatus) -> Callable[[], None]:
        return lambda: self._set_status(status)

    def _set_status(self, status: DocumentStatus) -> None:
        if self.workspace.document is not None:
            with contextlib.suppress(AnnotatorError):  # shown by self.failures
                self.workspace.set_status(self.workspace.document.id, status)

    def show_place(self, document_id: int, start: int, end: int, span_id: int = 0) -> None:
        """Open an article with ``start``–``end`` selected and in the middle of the view; with
        ``span_id`` one of my spans there, that span is selected (the Span panel shows it)."""
        self.open_document(document_id)
        if self.workspace.document is not None and self.workspace.document.id == document_id:
            if span_id and span_id in self.workspace.annotations:
                self.annotating.select(span_id, reveal=True)
                self.annotations.show_selected(span_id)
            else:
                self.view.select_text(start, end)
            self.view.centre_on(start)
            self.raise_()
            self.activateWindow()

    def _delete_or_reject(self) -> None:
        """Del or Backspace: a suggestion is rejected (not offered again), a span deleted."""
        if self.assist.selected() is not None:
            self.assist.reject()
        else:
            self.annotating.delete_selected()

    def _delete_document(self) -> None:
        document = self.workspace.document
        if document is None:
            return
        spans = self.workspace.span_count()
        if not self.confirm_delete_document(document.title, spans):
            return
        with contextlib.suppress(AnnotatorError):  # shown by self.failures
            self.workspace.delete_document(document.id)
            self.statusBar().showMessage(
                f"Deleted “{document.title}” with {counted(spans, 'span')}. "
                "Undo (Ctrl+Z) or History → "
                "Restore brings it back.",
                10_000,
            )

    def confirm_delete_document(self, title: str, spans: int) -> bool:
        box = message_box(
            self, QMessageBox.Icon.Question, "Delete document",
            f"Delete “{title}” and its {counted(spans, 'span')}?",
        )  # fmt: skip
        box.setInformativeText("Undo (Ctrl+Z), or History → Restore, brings it back.")
        box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        return box.exec() == QMessageBox.StandardButton.Yes

    def _done_next(self) -> None:
        try:
            following = self.workspace.mark_done_and_next()
        except AnnotatorError:  # shown by self.failures
            return
        if following is None:
            self.statusBar().showMessage("Every document is done.", 6000)

    def _focus_search(self) -> None:
        self.documents.show()
        self.documents.raise_()
        self.documents.search.setFocus()
        self.documents.search.selectAll()

    def _toggle_snap(self) -> None:
        self.view.snap_to_words = self.actions_by_name["snap"].isChecked()

    # -- scheme ----------------------------------------------------------------------------
    def edit_scheme(self) -> None:
        SchemeEditor(self.workspace.scheme, self.workspace.change_scheme, self).exec()

    def _on_scheme(self) -> None:
        self._build_layer_actions()
        self._build_menus()

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        paths = [Path(url.toLocalFile()) for url in event.mimeData().urls() if url.isLocalFile()]
        if paths:
            event.acceptProposedAction()
            self.files.import_files(paths)

    # -- window state ----------------------------------------------------------------------
    def show_shortcuts(self) -> None:
        ShortcutsDialog(self.actions_by_name, self.workspace.scheme, self).exec()

    def _restore(self) -> None:
        geometry = self.settings.value("geometry")
        state = self.settings.value("window_state")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)
        if isinstance(state, QByteArray):
            self.restoreState(state)
        last = self.settings.value(self._last_document_key())
        ids = self.documents.document_ids()
        chosen = int(last) if last is not None and int(last) in ids else (ids[0] if ids else None)
        if chosen is not None:
            self.open_document(chosen)

    def _last_document_key(self) -> str:
        """The setting that remembers the open document, one per project."""
        location = self.workspace.project.location.encode("utf-8", "surrogatepass")
        return f"last_document/{hashlib.sha1(location).hexdigest()[:16]}"

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._give_way)

    def _give_way(self) -> None:
        """Side docks keep their width when the window shrinks; make them give way so the
        article keeps a readable column (a 1024-pixel screen once left it 3 words a line)."""
        docks = [
            dock for dock in (self.documents, self.details)
            if dock.isVisible() and not dock.isFloating()
        ]  # fmt: skip
        want = max(ARTICLE_MIN_WIDTH, int(self.width() * ARTICLE_SHARE))
        shortfall = want - self.panel.width()
        if shortfall <= 0 or not docks:
            return
        widths = [dock.width() for dock in docks]
        total = sum(widths) or 1
        smaller = [
            max(dock.minimumSizeHint().width(), width - shortfall * width // total)
            for dock, width in zip(docks, widths, strict=True)
        ]
        self.resizeDocks(docks, smaller, Qt.Orientation.Horizontal)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.job is not None and self.job.running:
            self.job.dialog.cancel()
            self.job.wait()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.setValue("window_state", self.saveState())
        super().closeEvent(event)
