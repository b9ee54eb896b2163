"""The loop an expert repeats a thousand times a day, driven by keys to the focused widget."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from annotator.domain.documents import DocumentDraft, DocumentStatus


def test_the_status_filter_lists_the_documents_of_that_status(qtbot, make_window, project):
    project.documents.add_many([DocumentDraft(text=f"Story {i}.", title=f"S{i}") for i in range(3)])
    first = project.documents.list()[0].id
    project.documents.set_status(first, DocumentStatus.DONE)
    window = make_window(project)
    combo = window.documents.status
    combo.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is combo)
    for _ in range(3):  # All → new → in progress → done
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert combo.currentText() == "done"
    assert window.documents.model.rowCount() == 1
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Up)  # in progress: none
    assert window.documents.model.rowCount() == 0
