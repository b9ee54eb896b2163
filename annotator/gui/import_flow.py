"""File → Import as the user meets it: read the files' labels, ask where new ones go, import.

Both steps run off the GUI thread with a progress dialog and Cancel; the question in between is
asked on the GUI thread. ``done(report, error)`` follows the import (``(None, None)`` when the
user cancelled at the mapping step).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from annotator.domain.label_map import LayerTarget
from annotator.gui.background import run_in_background
from annotator.gui.dialogs.label_mapping import LabelMappingDialog
from annotator.jobs.importer import ImportReport, import_paths
from annotator.jobs.label_scan import unmapped_labels
from annotator.jobs.progress import Progress

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class ImportFlow(QObject):
    done = Signal(object, object)  # ImportReport | None, exception | None

    def __init__(self, window: MainWindow, paths: list[Path]) -> None:
        super().__init__(window)
        self._window, self._paths = window, paths
        self.dialog: LabelMappingDialog | None = None

    def start(self) -> None:
        project, paths = self._window.workspace.project, self._paths

        def scan(progress: Progress) -> dict[str, int]:
            return unmapped_labels(project, paths, progress=progress)

        self._window.job = run_in_background(self._window, "Reading labels", scan, self._scanned)

    def _scanned(self, labels: dict[str, int] | None, error: object) -> None:
        if error is not None or not labels:
            self._import({})
            return
        self.dialog = LabelMappingDialog(labels, self._window.workspace.scheme, self._window)
        self.dialog.accepted.connect(lambda: self._import(self._chosen()))
        self.dialog.rejected.connect(lambda: self.done.emit(None, None))
        self.dialog.open()

    def _chosen(self) -> dict[str, LayerTarget]:
        return self.dialog.mapping() if self.dialog is not None else {}

    def _import(self, mapping: dict[str, LayerTarget]) -> None:
        project, paths = self._window.workspace.project, self._paths

        def job(progress: Progress) -> ImportReport:
            return import_paths(project, paths, progress=progress, mapping=mapping)

        self._window.job = run_in_background(
            self._window, "Importing articles", job, self.done.emit
        )
