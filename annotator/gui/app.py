"""Starting the workbench."""

from __future__ import annotations

import sys

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.gui.main_window import MainWindow
from annotator.gui.theme import apply_theme
from annotator.gui.workspace import Workspace
from annotator.store.project import Project


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    app.setApplicationVersion(__version__)
    apply_theme(app)
    QGuiApplication.styleHints().colorSchemeChanged.connect(lambda _s: apply_theme(app))
    return app


def run_workbench(project: Project) -> int:
    app = application()
    window = MainWindow(Workspace(project))
    if not window.settings.contains("geometry"):
        window.resize(1440, 900)
    window.show()
    try:
        return app.exec()
    finally:
        project.close()
