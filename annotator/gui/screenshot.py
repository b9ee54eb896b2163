"""Render the workbench offscreen with one document open, for docs and bug reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from annotator.domain.errors import UsageError
from annotator.gui.app import application
from annotator.gui.main_window import MainWindow
from annotator.gui.theme import apply_theme
from annotator.gui.workspace import Workspace
from annotator.store.project import Project


def render_screenshot(
    project: Project,
    document_id: int | None,
    out: Path,
    width: int = 1440,
    height: int = 900,
    *,
    select: int | None = None,
    theme: str = "light",
) -> Path:
    app = application()
    apply_theme(app, theme)
    with tempfile.TemporaryDirectory() as folder:
        settings = QSettings(str(Path(folder) / "settings.ini"), QSettings.Format.IniFormat)
        settings.setValue("backups/keep", 0)  # a screenshot takes no backup of the project
        window = MainWindow(Workspace(project), settings)
        window.resize(width, height)
        window.show()
        if document_id is not None:
            if document_id not in window.documents.document_ids():
                raise UsageError(f"no document with id {document_id}")
            window.open_document(document_id)
        if select is not None:
            window.annotating.select(select, reveal=True)
            window.annotations.show_selected(select)
        for _ in range(3):
            QApplication.processEvents()
        image = window.grab()
        window.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise UsageError(f"cannot write {out}")
    return out
