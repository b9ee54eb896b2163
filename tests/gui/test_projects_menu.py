"""Projects from the GUI: open or create another project, recent projects, the theme."""

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from annotator.domain.documents import DocumentDraft
from annotator.gui.app import Windows
from annotator.gui.project_menu import recent_projects
from annotator.store.project import Project


def test_opening_another_project_swaps_the_window_and_remembers_both(qtbot, settings, tmp_path):
    first, second = tmp_path / "first.sqlite", tmp_path / "second.sqlite"
    with Project.open(second) as other:
        other.documents.add_many([DocumentDraft(text="Second project.", title="Other")])
    windows = Windows(settings)
    one = windows.show(Project.open(first))
    qtbot.addWidget(one)
    assert "first.sqlite" in one.windowTitle()
    one.project_menu.open_project(second)  # as File → Open project… does
    two = windows.window
    qtbot.addWidget(two)
    assert two is not one and not one.isVisible()
    assert "second.sqlite" in two.windowTitle()
    assert [d.title for d in two.workspace.documents()] == ["Other"]
    assert recent_projects(settings)[:2] == [str(second), str(first)]
    two.project_menu.open_project(tmp_path / "new.sqlite")  # File → New project…
    qtbot.addWidget(windows.window)
    assert (tmp_path / "new.sqlite").exists()
    windows.close_project()


def test_the_theme_menu_switches_to_dark_and_is_remembered(qtbot, window, settings):
    window.project_menu.set_theme("dark")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() < 80
    assert settings.value("theme") == "dark"
    window.project_menu.set_theme("light")
    assert QApplication.palette().color(QPalette.ColorRole.Base).lightness() > 200


def test_the_window_carries_the_application_icon(window):
    from annotator.gui.icons import app_icon

    assert not app_icon().isNull()
    picture = window.windowIcon().pixmap(64).toImage()
    assert not picture.isNull()
    assert picture.pixelColor(32, 32).name() != picture.pixelColor(1, 1).name()  # drawn
