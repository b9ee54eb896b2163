"""Starting the workbench."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QApplication

from annotator import __version__
from annotator.gui.main_window import MainWindow
from annotator.store.project import Project


def run_workbench(project: Project) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Annotator")
    app.setApplicationVersion(__version__)
    window = MainWindow(project)
    window.resize(1280, 800)
    window.show()
    try:
        return app.exec()
    finally:
        project.close()
