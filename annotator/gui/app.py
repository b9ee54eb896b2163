"""Starting the workbench."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QMessageBox

from annotator import __version__
from annotator.domain.errors import AnnotatorError
from annotator.gui.icons import app_icon
from annotator.gui.main_window import MainWindow
from annotator.gui.project_menu import follow_system_theme, remember_project
from annotator.gui.safe_text import message_box
from annotator.gui.workspace import Workspace
from annotator.store.project import Project


def application() -> QApplication:
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(sys.argv)
    app.setApplicationName("Annotator")
    app.setOrganizationName("Annotator")
    app.setApplicationVersion(__version__)
    app.setWindowIcon(app_icon())  # dialogs carry it too
    app.setDesktopFileName("annotator")
    follow_system_theme(app, QSettings("Annotator", "Annotator"))
    return app


def run_workbench(project: Project) -> int:
    app = application()
    windows = Windows()
    windows.show(project)
    try:
        return app.exec()
    finally:
        windows.close_project()


class Windows:
    """The open window and its project; File → Open project swaps both."""

    def __init__(self, settings: QSettings | None = None) -> None:
        self.settings = settings
        self.window: MainWindow | None = None
        self.project: Project | None = None

    def show(self, project: Project) -> MainWindow:
        window = MainWindow(Workspace(project), self.settings)
        window.project_menu.open_project = self.open
        remember_project(window.settings, project.location)
        if not window.settings.contains("geometry"):
            window.resize(1440, 900)
        old, old_project = self.window, self.project
        self.window, self.project = window, project
        window.show()
        if old is not None:
            old.close()
        if old_project is not None:
            old_project.close()
        return window

    def open(self, path: Path) -> None:
        """Open (or create) the project at ``path`` in place of the current one."""
        try:
            project = Project.open(path)
        except AnnotatorError as exc:
            if self.window is not None:
                message_box(self.window, QMessageBox.Icon.Warning, "Open project", str(exc)).exec()
            return
        self.show(project)

    def close_project(self) -> None:
        if self.project is not None:
            self.project.close()
