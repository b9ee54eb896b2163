from annotator.gui.main_window import MainWindow
from annotator.jobs.samples import add_samples


def test_window_lists_documents_and_shows_the_selected_article(qtbot, project):
    add_samples(project)
    window = MainWindow(project)
    qtbot.addWidget(window)
    window.show()
    assert window.model.rowCount() == project.documents.count()
    window.table.selectRow(3)
    document = project.documents.get(window.model.document(3).id)
    assert window.preview.toPlainText() == document.text
    assert document.title in window.windowTitle()
    assert window.statusBar().currentMessage() == f"{project.documents.count()} documents"
