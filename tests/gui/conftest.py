"""GUI fixtures: a main window on a fresh project, with settings kept in the test's folder."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings

from annotator.domain.documents import DocumentDraft
from annotator.gui.dialogs.actor_picker import NO_ACTOR
from annotator.gui.main_window import MainWindow
from annotator.gui.workspace import Workspace

ARTICLE = (
    "Mayor Zoe\u0301 Okafor 👩🏽‍🍳 said the plan was “a promise to every family”.\n\n"
    "قال الوزير إن «الاتفاق قريب» اليوم.\n\n"
    "The council insists that the barrier costs €212 million."
)


@pytest.fixture
def settings(tmp_path):
    stored = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    stored.setValue("backups/keep", 0)  # no daily backup thread, but in the tests about it
    return stored


@pytest.fixture
def make_window(qtbot, settings):
    windows = []

    def make(project, resize=True):
        window = MainWindow(Workspace(project), settings)
        # the user leaves actors open ("No speaker yet"); tests of the picker use the real one
        window.annotating.pick_actor = lambda text, nearby, where, prompt: NO_ACTOR
        window.annotating.confirm_new_actor = lambda name, similar: None  # create it
        qtbot.addWidget(window)
        if resize:
            window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        if window.job is not None:
            window.job.wait()


@pytest.fixture
def article(project):
    project.documents.add_many([DocumentDraft(text=ARTICLE, title="Test article")])
    return ARTICLE


@pytest.fixture
def window(make_window, project, article):
    return make_window(project)
