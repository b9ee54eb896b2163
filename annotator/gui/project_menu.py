"""File → New project…, Open project…, Open recent, and View → Theme.

Switching projects opens a new window on the other project and closes this one (each window
belongs to one project); what opens it is handed in by the application, so tests and the
screenshot command can build a window without it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QSettings
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication
from PySide6.QtWidgets import QApplication, QFileDialog, QMainWindow, QMenu

from annotator.gui.icons import icon
from annotator.gui.theme import apply_theme

RECENT_KEY, THEME_KEY = "recent_projects", "theme"
RECENT_MAX = 8
THEMES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))
FILTER = "Annotator projects (*.sqlite *.db);;All files (*)"

OpenProject = Callable[[Path], None]


def recent_projects(settings: QSettings) -> list[str]:
    value = settings.value(RECENT_KEY, [])
    found = [value] if isinstance(value, str) else list(value) if isinstance(value, list) else []
    return [str(item) for item in found if item]


def remember_project(settings: QSettings, location: str) -> None:
    """Put ``location`` first in the recent projects."""
    recent = [location, *(item for item in recent_projects(settings) if item != location)]
    settings.setValue(RECENT_KEY, recent[:RECENT_MAX])


def saved_theme(settings: QSettings) -> str:
    theme = str(settings.value(THEME_KEY, "system"))
    return theme if theme in dict(THEMES) else "system"


class ProjectMenu(QObject):
    def __init__(self, window: QMainWindow, settings: QSettings) -> None:
        super().__init__(window)
        self._window, self._settings = window, settings
        self.open_project: OpenProject | None = None  # set by the application

    def add_to_file(self, menu: QMenu, before: QAction) -> None:
        new = QAction(icon("project-new"), "&New project…", menu)
        new.triggered.connect(self._new)
        opened = QAction(icon("project-open"), "&Open project…", menu)
        opened.setShortcut("Ctrl+O")
        opened.triggered.connect(self._open)
        recent = QMenu("Open &recent", menu)
        recent.aboutToShow.connect(lambda: self._fill_recent(recent))
        for action in (new, opened):
            menu.insertAction(before, action)
        menu.insertMenu(before, recent)
        menu.insertSeparator(before)
        self.recent_menu = recent

    def add_to_view(self, menu: QMenu) -> None:
        themes = menu.addMenu("&Theme")
        group = QActionGroup(themes)
        current = saved_theme(self._settings)
        for key, title in THEMES:
            action = themes.addAction(title)
            action.setCheckable(True)
            action.setChecked(key == current)
            action.setData(key)
            group.addAction(action)
            action.triggered.connect(lambda _c=False, chosen=key: self.set_theme(chosen))

    def set_theme(self, theme: str) -> None:
        self._settings.setValue(THEME_KEY, theme)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, theme)

    def _fill_recent(self, menu: QMenu) -> None:
        menu.clear()
        for location in recent_projects(self._settings):
            action = menu.addAction(location)
            action.triggered.connect(lambda _c=False, chosen=location: self._switch(Path(chosen)))
        if menu.isEmpty():
            menu.addAction("(none yet)").setEnabled(False)

    def _new(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self._window, "New project", str(Path.home() / "project.sqlite"), FILTER
        )
        if chosen:
            self._switch(Path(chosen))

    def _open(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self._window, "Open project", str(Path.home()), FILTER
        )
        if chosen:
            self._switch(Path(chosen))

    def _switch(self, path: Path) -> None:
        if self.open_project is not None:
            self.open_project(path)


def follow_system_theme(app: QApplication, settings: QSettings) -> None:
    """Apply the saved theme now, and again when the system's colour scheme changes."""
    apply_theme(app, saved_theme(settings))
    QGuiApplication.styleHints().colorSchemeChanged.connect(
        lambda _scheme: apply_theme(app, saved_theme(settings))
    )
