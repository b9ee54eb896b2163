"""File → Backups…: the project's backups, how many daily ones to keep, and a backup now."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from annotator.domain.errors import AnnotatorError
from annotator.gui.safe_text import plain_label
from annotator.store.backups import DEFAULT_KEEP, backup_folder
from annotator.store.project import Project

KEEP_KEY = "backups/keep"

HELP = (
    "Annotator copies this project once a day when the workbench opens it, with SQLite's "
    "online backup API, and keeps the newest ones. To go back to a backup, close the "
    "workbench and run <code>annotator restore-backup FILE</code>; the replaced project is "
    "kept beside it."
)


def kept_backups(settings: QSettings) -> int:
    """How many daily backups to keep (0 turns them off)."""
    try:
        return max(0, int(str(settings.value(KEEP_KEY, DEFAULT_KEEP))))
    except ValueError:
        return DEFAULT_KEEP


class BackupsDialog(QDialog):
    def __init__(
        self, project: Project, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Backups")
        self.resize(640, 420)
        self._project, self._settings = project, settings
        intro = QLabel(HELP)
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.keep = QSpinBox()
        self.keep.setRange(0, 365)
        self.keep.setValue(kept_backups(settings))
        self.keep.setSpecialValueText("none (no daily backups)")
        self.keep.valueChanged.connect(lambda n: settings.setValue(KEEP_KEY, n))
        form = QFormLayout()
        form.addRow("Daily backups to keep", self.keep)
        self.list = QTreeWidget()
        self.list.setHeaderLabels(["Taken (UTC)", "Size", "File"])
        self.list.setRootIsDecorated(False)
        self.message = plain_label()
        now = QPushButton("Back up now")
        now.clicked.connect(self.back_up_now)
        folder = QPushButton("Open folder")
        folder.clicked.connect(self._open_folder)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(now, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.refresh()

    def refresh(self) -> None:
        self.list.clear()
        for backup in self._project.backups():
            item = QTreeWidgetItem(
                [backup.taken.strftime("%Y-%m-%d %H:%M:%S"), f"{backup.size:,}", backup.path.name]
            )
            item.setToolTip(2, str(backup.path))
            self.list.addTopLevelItem(item)

    def back_up_now(self) -> None:
        try:
            made = self._project.back_up()
        except AnnotatorError as exc:
            self.message.setText(str(exc))
            return
        self.message.setText(f"Backed up to {made}")
        self.refresh()

    def _open_folder(self) -> None:
        if self._project.file is not None:
            folder = backup_folder(self._project.file)
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
