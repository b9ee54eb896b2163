"""Long work off the GUI thread: a progress dialog with Cancel, the result back on the GUI thread.

The job is any callable taking a Qt-free :class:`~annotator.jobs.progress.Progress`; its
reports cross to the GUI thread through a queued signal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt, QThread, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from annotator.jobs.progress import Progress

Job = Callable[[Progress], Any]


class _Worker(QObject):
    progressed = Signal(int, int, str)
    finished = Signal(object, object)  # result, exception

    def __init__(self, job: Job) -> None:
        super().__init__()
        self.job = job
        self.progress = Progress(self.progressed.emit)

    def run(self) -> None:
        try:
            result = self.job(self.progress)
        except Exception as exc:  # handed to the GUI thread, which shows it
            self.finished.emit(None, exc)
            return
        self.finished.emit(result, None)


class BackgroundJob(QObject):
    """Runs one job; ``done(result, error)`` is emitted on the GUI thread when it ends."""

    done = Signal(object, object)

    def __init__(self, parent: QWidget, title: str, job: Job) -> None:
        super().__init__(parent)
        self._thread = QThread(self)
        self._worker = _Worker(job)
        self._worker.moveToThread(self._thread)
        self.dialog = QProgressDialog(title, "Cancel", 0, 0, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.setMinimumDuration(300)
        self.dialog.canceled.connect(self._worker.progress.cancel)
        self._worker.progressed.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._thread.started.connect(self._worker.run)

    def start(self) -> None:
        self._thread.start()

    def wait(self, milliseconds: int = 30_000) -> bool:
        return self._thread.wait(milliseconds)

    @property
    def running(self) -> bool:
        return self._thread.isRunning()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        if total:
            self.dialog.setMaximum(max(total, 1))
            self.dialog.setValue(min(done, total))
        if message:
            self.dialog.setLabelText(message)

    def _on_finished(self, result: object, error: object) -> None:
        self._thread.quit()
        self._thread.wait()
        self.dialog.reset()
        self.dialog.hide()
        self.done.emit(result, error)


def run_in_background(
    parent: QWidget, title: str, job: Job, on_done: Callable[[Any, Any], None]
) -> BackgroundJob:
    runner = BackgroundJob(parent, title, job)
    runner.done.connect(on_done)
    runner.start()
    return runner
