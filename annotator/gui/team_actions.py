"""What the window does for team work: assigning articles, the Agreement window and the
curation window. A failure is shown by the window's failure reporter; here it only stops."""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from annotator.domain.errors import AnnotatorError
from annotator.domain.wording import counted
from annotator.gui.dialogs.agreement_window import AgreementWindow
from annotator.gui.dialogs.assign_dialog import AssignDialog
from annotator.gui.dialogs.curation_window import CurationWindow

if TYPE_CHECKING:
    from annotator.gui.main_window import MainWindow


class TeamActions(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self.agreement: AgreementWindow | None = None  # one, kept while the window lives

    def show_agreement(self) -> AgreementWindow:
        if self.agreement is None:
            self.agreement = AgreementWindow(self._window)
            self.agreement.placeRequested.connect(self._window.show_place)
        self.agreement.show()
        self.agreement.raise_()
        return self.agreement

    def show_curation(self) -> CurationWindow | None:
        """Curate the open article: each annotator's version of each place side by side."""
        workspace = self._window.workspace
        if workspace.document is None:
            self._window.statusBar().showMessage("Open an article to curate it.", 6000)
            return None
        curation = CurationWindow(self._window, workspace.document.id)
        curation.placeRequested.connect(self._window.show_place)
        curation.editRequested.connect(self.edit_curated)
        curation.show()
        return curation

    def edit_curated(self, document_id: int, span_id: int) -> None:
        """Open the article showing the curated annotation only, with span ``span_id``
        selected, so the curator edits it as they annotate."""
        window = self._window
        curating = window.actions_by_name["curating"]
        if not curating.isChecked():
            curating.setChecked(True)
            window.workspace.set_curating(True)
        window.open_document(document_id)
        window.annotating.select(span_id, reveal=True)
        window.raise_()
        window.activateWindow()
        handle = window.windowHandle()
        if handle is not None:
            handle.requestActivate()
        window.view.setFocus()

    def assign(self) -> None:
        """Give the open article, or every listed one, to the annotators the user names."""
        workspace = self._window.workspace
        document = workspace.document
        listed = self._window.documents.document_ids()
        if document is None:
            return
        answer = self.ask_assignment(document.title, len(listed))
        if answer is None:
            return
        this_only, names = answer
        ids = [document.id] if this_only else listed
        with contextlib.suppress(AnnotatorError):  # shown by the window's failure reporter
            made = workspace.assign(ids, names)
            self._window.statusBar().showMessage(
                f"{made} assignments made "
                f"({counted(len(ids), 'article')} × {len(names)} annotators)",
                10_000,
            )

    def ask_assignment(self, title: str, listed: int) -> tuple[bool, list[str]] | None:
        """(only the open article?, the annotators) as the user chose, or None."""
        dialog = AssignDialog(title, listed, self._window)
        if dialog.exec() != AssignDialog.DialogCode.Accepted:
            return None
        return dialog.this.isChecked(), dialog.names()
