"""File → Import with labels the scheme lacks: a mapping step, driven from the keyboard."""

import json

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox

from annotator.gui.dialogs.label_mapping import LabelMappingDialog

RECORD = {
    "text": "Brandt met the mayor in Wendhausen on Monday.",
    "label": [[0, 6, "PER"], [24, 34, "LOC"], [38, 44, "DATE"]],
}


def test_new_labels_are_mapped_before_the_import_and_remembered(
    qtbot, make_window, project, tmp_path
):
    path = tmp_path / "ner.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    window = make_window(project)
    flow = window.files.import_files([path])
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    dialog = flow.dialog
    assert isinstance(dialog, LabelMappingDialog)
    assert list(dialog.choices) == ["LOC", "DATE"]  # PER maps to actor mentions already
    combo = QApplication.focusWidget()
    assert combo is dialog.choices["LOC"]
    for _ in range(3):  # a new layer → Actor mention: person → organisation → state
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    assert combo.currentText() == "Actor mention: state"
    with qtbot.waitSignal(flow.done, timeout=10_000):
        qtbot.keyClick(combo, Qt.Key.Key_Return)
    [document] = project.documents.list()
    spans = {a.text: a for a in project.annotations.for_document(document.id)}
    assert spans["Wendhausen"].layer == "actor" and spans["Monday"].layer == "DATE"
    assert project.actors.get(spans["Wendhausen"].actor_id).kind.value == "state"
    assert str(project.annotated.label_map().remembered["loc"]) == "actor:state"
    assert "DATE" in [layer.name for layer in window.workspace.scheme.layers]  # window knows


def test_cancelling_the_mapping_step_imports_nothing(qtbot, make_window, project, tmp_path):
    path = tmp_path / "ner.jsonl"
    path.write_text(json.dumps(RECORD) + "\n")
    window = make_window(project)
    flow = window.files.import_files([path])
    qtbot.waitUntil(lambda: flow.dialog is not None and flow.dialog.isVisible(), timeout=10_000)
    with qtbot.waitSignal(flow.done, timeout=10_000):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert project.documents.count() == 0
    assert "nothing was imported" in window.statusBar().currentMessage()
    assert isinstance(flow.dialog.choices["LOC"], QComboBox)
