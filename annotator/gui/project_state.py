"""What the window says about the project itself: failed edits, waits for another writer, and
a project that can only be read."""

from __future__ import annotations

import contextlib
import threading

from PySide6.QtCore import QEventLoop, QObject, Signal
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMessageBox

from annotator.gui.safe_text import message_box
from annotator.gui.workspace import Workspace
from annotator.store.project import Project

# Actions that change the project; disabled when it is read-only.
EDITING_ACTIONS = (
    "import", "import-folder", "scheme", "delete", "span-to-selection", "start-left",
    "start-right", "end-left", "end-right", "done-next", "new-actor", "status-new",
    "status-in_progress", "status-done", "status-reviewed", "delete-document", "merge-project",
    "curate", "assign", "curating", "suggest-actors", "suggest-actors-all", "suggest-quotes",
    "suggest-quotes-all", "suggest-claims", "suggest-claims-all", "suggest-model", "train-model",
    "annotate-all",
    "accept-suggestion",
    "reject-suggestion", "accept-engine",
)  # fmt: skip
_MESSAGE_MS = 10_000


class FailureReporter(QObject):
    """Every refused or failed edit appears in the status bar; serious ones also in a dialog.

    Serious means the user must act or at least know their work did not go in: a full disk,
    a read-only or damaged project, a change by somebody else, an unexpected error.
    """

    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self.last: tuple[str, bool] | None = None
        workspace.failed.connect(self.report)

    def report(self, message: str, serious: bool) -> None:
        self.last = (message, serious)
        self._window.statusBar().showMessage(message, _MESSAGE_MS)
        if serious:
            box = message_box(
                self._window,
                QMessageBox.Icon.Warning,
                "Not saved",
                "This change was not saved.",
                details=message,
            )
            box.setObjectName("failure-dialog")
            box.open()  # not exec(): a failure inside a key handler must not nest event loops


class LockWaitIndicator(QObject):
    """While another program holds the project's write lock: say so and keep painting.

    The edit waits (it is not refused); user input is held back meanwhile, so nothing can start
    a second edit inside the first.
    """

    def __init__(self, window: QMainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self.waits = 0
        workspace.project.on_lock_wait(self.waiting)

    def waiting(self, seconds: float) -> None:
        self.waits += 1
        self._window.statusBar().showMessage(
            f"Waiting for another program that is writing to this project… ({seconds:.0f} s)"
        )
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)


def mark_read_only(window: QMainWindow, actions: dict[str, object]) -> None:
    """Show that the project can only be read, and switch off what would change it."""
    for name, action in actions.items():
        if name in EDITING_ACTIONS or name.startswith(("tag-", "change-")):
            action.setEnabled(False)  # type: ignore[attr-defined]
    label = QLabel("Read-only project")
    label.setObjectName("read-only-label")
    label.setToolTip("The project file or its folder cannot be written; nothing can be changed.")
    window.statusBar().addPermanentWidget(label)


class DailyBackup(QObject):
    """Takes the day's backup of a SQLite project in a background thread when the window opens.

    The copy is consistent while the user goes on annotating (SQLite's online backup API); the
    outcome is reported in the status bar.
    """

    finished = Signal(str)

    def __init__(self, window: QMainWindow, project: Project, keep: int) -> None:
        super().__init__(window)
        self._window = window
        self.worker: threading.Thread | None = None
        self.finished.connect(lambda text: window.statusBar().showMessage(text, _MESSAGE_MS))
        if keep > 0 and project.file is not None and not project.read_only:
            self.worker = threading.Thread(
                target=self._run, args=(project, keep), name="daily-backup", daemon=True
            )
            self.worker.start()

    def _run(self, project: Project, keep: int) -> None:
        try:
            made = project.daily_backup(keep)
        except Exception as exc:  # reported, never fatal: the project itself is untouched
            self._say(f"Today's backup could not be made: {exc}")
            return
        if made is not None:
            self._say(f"Backed up to {made}")

    def _say(self, text: str) -> None:
        with contextlib.suppress(RuntimeError):  # the window closed while the copy was made
            self.finished.emit(text)
