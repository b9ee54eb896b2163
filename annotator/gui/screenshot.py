"""Render the workbench offscreen with one document open, for docs and bug reports."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings
from PySide6.QtWidgets import QApplication, QComboBox, QWidget

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
    network: dict[str, str] | None = None,
) -> Path:
    """The workbench, or one of its analysis windows (``view``: statements, charts, actor,
    network; ``network`` chooses the network: its window's fields, e.g. layer=quote)."""
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
        shown = _view(window, view, chart, actor, network)
        if shown is not window and view != "export":  # a dialog keeps its own size
            shown.resize(min(width, 1100), min(height, 700))
        for _ in range(3):
            QApplication.processEvents()
        image = shown.grab()
        window.close()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not image.save(str(out)):
        raise UsageError(f"cannot write {out}")
    return out


def _view(
    window: MainWindow, view: str, chart: str, actor: int | None,
    network: dict[str, str] | None,
) -> QWidget:  # fmt: skip
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
    elif view == "network":
        shown = _network(window, network or {})
    elif view == "export":
        shown = _export(window, (network or {}).get("format", "qdpx"))
    return shown


def _export(window: MainWindow, name: str) -> QWidget:
    from annotator.gui.dialogs.export_dialog import ExportDialog

    dialog = ExportDialog(window.workspace.scheme, Path.home(), window)
    index = dialog.format.findData(name)
    if index < 0:
        raise UsageError(f"no format {name!r} to export")
    dialog.format.setCurrentIndex(index)
    dialog.show()
    return dialog


def _network(window: MainWindow, chosen: dict[str, str]) -> QWidget:
    shown = window.analysis.show_network()
    for name, value in chosen.items():
        combo = getattr(shown.choice, name, None)
        if not isinstance(combo, QComboBox) or combo.findData(value) < 0:
            raise UsageError(f"--network: no {name}={value} (type, layer, var1, var2, qualifier, "
                             "aggregation, normalization, duplicates)")  # fmt: skip
        combo.setCurrentIndex(combo.findData(value))
    deadline = time.monotonic() + 60
    while (shown.job is None or shown.job.running or shown.report is None) and (
        time.monotonic() < deadline
    ):
        QApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    if shown.job is not None and shown.job.running:
        raise UsageError("the network took over a minute to build")
    if shown.ties.rowCount():
        shown.ties.selectRow(0)  # the statements behind the heaviest tie, listed
    return shown
