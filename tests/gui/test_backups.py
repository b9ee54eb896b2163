"""The workbench backs a project up once a day, keeps the newest N, and backs up on request."""

from datetime import UTC, datetime, timedelta

from PySide6.QtWidgets import QPushButton

from annotator.gui.dialogs.backups import BackupsDialog
from annotator.store.backups import back_up, backup_folder


def test_opening_the_workbench_takes_todays_backup_once_and_keeps_the_newest(
    qtbot, make_window, project, article, settings
):
    old = datetime.now(UTC) - timedelta(days=10)
    for day in range(4):
        back_up(project.file, now=old + timedelta(days=day))
    settings.setValue("backups/keep", 3)
    window = make_window(project)
    window.daily_backup.worker.join(timeout=20)
    qtbot.waitUntil(lambda: "Backed up to" in window.statusBar().currentMessage())
    backups = project.backups()
    assert len(backups) == 3
    assert backups[0].taken.date() == datetime.now(UTC).date()
    assert backups[1].taken.date() == (old + timedelta(days=3)).date()
    second = make_window(project)  # a second start the same day takes none
    if second.daily_backup.worker is not None:
        second.daily_backup.worker.join(timeout=20)
    assert len(project.backups()) == 3


def test_the_backups_dialog_lists_and_backs_up_now(qtbot, make_window, project, article, settings):
    window = make_window(project)
    dialog = BackupsDialog(project, settings, window)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 0
    [button] = [b for b in dialog.findChildren(QPushButton) if b.text() == "Back up now"]
    button.click()
    assert dialog.list.topLevelItemCount() == 1
    assert "Backed up to" in dialog.message.text()
    assert list(backup_folder(project.file).iterdir())
    dialog.keep.setValue(5)
    assert int(settings.value("backups/keep")) == 5
