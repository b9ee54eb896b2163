"""Render the workbench offscreen with one document open, for docs and bug reports."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

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
    view: str = "workbench",
    chart: str = "actors",
    actor: int | None = None,
) -> Path:
    """The workbench, or one of its analysis windows (``view``: statements, charts, actor)."""
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
        shown: QWidget = window
        if view == "statements":
            shown = window.analysis.show_statements()
        elif view == "charts":
            charts = window.analysis.show_charts()
            charts.kind.setCurrentIndex(max(charts.kind.findData(chart), 0))
            shown = charts
        elif view == "actor":
            if actor is None:
                raise UsageError("--view actor needs --actor ID")
            page = window.analysis.show_actor(actor)
            if page is None:
                raise UsageError(f"no actor with id {actor}")
            shown = page
        if shown is not window:
            shown.resize(min(width, 1100), min(height, 700))
        for _ in range(3):
            QApplication.processEvents()
        image = shown.grab()
        window.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise UsageError(f"cannot write {out}")
    return out
