"""What the window does with files: import (articles and annotations, by dialog, folder or
drop) and export, each in the background, with a summary of what was and was not taken."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.domain.wording import counted
from annotator.gui.background import BackgroundJob, run_in_background
from annotator.gui.dialogs.export_dialog import ExportDialog, ExportRequest
from annotator.gui.import_flow import ImportFlow
from annotator.gui.safe_text import message_box
from annotator.jobs.exporter import ExportResult, export
from annotator.jobs.importer import ImportReport
from annotator.jobs.progress import Progress

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class FileActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window

    def import_dialog(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self._window,
            "Import articles",
            str(self._window.settings.value("import_folder", str(Path.home()))),
            "Articles and annotations (*.txt *.md *.html *.htm *.json *.jsonl *.csv *.tsv *.ann "
            "*.conll *.iob *.iob2 *.bio)"
            ";;All files (*)",
        )
        if files:
            self._window.settings.setValue("import_folder", str(Path(files[0]).parent))
            self.import_files([Path(f) for f in files])

    def import_folder_dialog(self) -> None:
        folder = QFileDialog.getExistingDirectory(
            self._window,
            "Import a folder",
            str(self._window.settings.value("import_folder", str(Path.home()))),
        )
        if folder:
            self._window.settings.setValue("import_folder", folder)
            self.import_files([Path(folder)])

    def import_files(self, paths: list[Path]) -> ImportFlow:
        """Import in the background, asking first where labels without a layer should go."""
        flow = ImportFlow(self._window, paths)
        flow.done.connect(self._imported)
        flow.start()
        return flow

    def _imported(self, report: ImportReport | None, error: object) -> None:
        # an import may add layers, attributes and actors: every view takes the new ones (the
        # job wrote through its own connection; its entries in the edit log say what changed)
        self._window.workspace.catch_up()
        if error is None and report is None:
            self._window.statusBar().showMessage("Import cancelled; nothing was imported.", 10_000)
            return
        if error is not None or report is None:
            message_box(self._window, QMessageBox.Icon.Critical, "Import failed", str(error)).open()
            return
        self._window.statusBar().showMessage(report.summary(), 10_000)
        problems = [f"refused {e}" for e in report.refused]
        problems += [f"not taken: {line}" for line in report.losses.lines()]
        problems += [
            f"duplicate {d.draft.imported_from}: same text as “{d.existing_title}”"
            for d in report.duplicates
        ]
        if problems:
            read_as = [f"{f.path}: {f.read_as}" for f in report.files if f.read_as]
            box = message_box(self._window, QMessageBox.Icon.Warning, "Import", report.summary())
            box.setDetailedText("\n".join(problems + read_as))
            box.open()

    def export_dialog(self) -> None:
        folder = Path(str(self._window.settings.value("export_folder", str(Path.home()))))
        dialog = ExportDialog(self._window.workspace.scheme, folder, self._window)
        if dialog.exec() != ExportDialog.DialogCode.Accepted or dialog.request is None:
            return
        self._window.settings.setValue("export_folder", str(dialog.request.out.parent))
        self.export_to(dialog.request)

    def export_to(self, request: ExportRequest) -> BackgroundJob:
        project = self._window.workspace.project

        def job(progress: Progress) -> ExportResult:
            return export(
                project, request.format_name, request.out, request.chosen,
                splits=request.splits, seed=request.seed, options=request.options,
                progress=progress,
            )  # fmt: skip

        self._window.job = run_in_background(self._window, "Exporting", job, self._exported)
        return self._window.job

    def _exported(self, result: ExportResult | None, error: object) -> None:
        if error is not None or result is None:
            message_box(self._window, QMessageBox.Icon.Critical, "Export failed", str(error)).open()
            return
        report = result.report
        summary = (
            f"{counted(report.documents, 'document')} and {counted(report.spans, 'span')} "
            "written to " + ", ".join(str(path) for path in result.files)
        )
        self._window.statusBar().showMessage(summary, 10_000)
        if report.documents == 0:
            message_box(
                self._window, QMessageBox.Icon.Information, "Export",
                "Nothing was exported: no document matches the chosen status, layers and "
                "annotator.",
            ).open()  # fmt: skip
            return
        if report.losses:
            box = message_box(
                self._window, QMessageBox.Icon.Information, "Export", summary + "\n\nSome "
                "things this format cannot hold were left out; see the details.",
            )  # fmt: skip
            box.setDetailedText("\n".join(report.lines()))
            box.open()
