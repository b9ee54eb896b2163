"""File → Merge project…: another copy's annotations come in, in the background."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox

from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.background import BackgroundJob, run_in_background
from annotator.gui.safe_text import message_box
from annotator.jobs.merge import MergeOutcome, merge_projects
from annotator.jobs.progress import Progress

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


def merge_dialog(window: MainWindow) -> BackgroundJob | None:
    files, _ = QFileDialog.getOpenFileNames(
        window,
        "Merge other copies of the project",
        str(window.settings.value("merge_folder", str(Path.home()))),
        "Annotator projects (*.sqlite *.db);;All files (*)",
    )
    if not files:
        return None
    window.settings.setValue("merge_folder", str(Path(files[0]).parent))
    return merge_files(window, [Path(f) for f in files])


def merge_files(window: MainWindow, paths: list[Path]) -> BackgroundJob:
    project = window.workspace.project

    def job(progress: Progress) -> list[MergeOutcome]:
        return merge_projects(project, list(paths), progress)

    def done(outcomes: list[MergeOutcome] | None, error: object) -> None:
        window.workspace.catch_up()  # the merge's entries say what changed
        if error is not None or outcomes is None:
            text = str(error) if isinstance(error, AnnotatorError) else f"failed: {error}"
            message_box(window, QMessageBox.Icon.Critical, "Merge", text).open()
            return
        summary = "; ".join(
            f"{Path(o.source).name}: {counted(o.spans, 'span')}, {o.documents} new documents, "
            f"{o.actors_created} new actors"
            for o in outcomes
        )
        window.statusBar().showMessage(f"Merged {summary}", 15_000)
        details = [n for o in outcomes for n in o.notices]
        details += [f"not taken: {line}" for o in outcomes for line in o.losses.lines()]
        if details:
            box = message_box(window, QMessageBox.Icon.Information, "Merge", f"Merged {summary}")
            box.setDetailedText("\n".join(details))
            box.open()

    window.job = run_in_background(window, "Merging", job, done)
    return window.job
