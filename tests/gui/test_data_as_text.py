"""Text from data is shown as text: an actor named <img src=…> never loads a file."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project

HOSTILE = '<b>Bold</b><img src="file:///etc/passwd"><a href="http://x">link</a>'
TEXT = f"The minister {HOSTILE} said “<i>we will</i>” today."


def _shown_as_rich(label: QLabel) -> bool:
    if label.textFormat() == Qt.TextFormat.PlainText:
        return False
    return label.textFormat() == Qt.TextFormat.RichText or "<" in label.text()


def test_names_span_text_and_values_from_data_are_never_rendered_as_html(
    qtbot, make_window, db_path
):
    with Project.open(db_path, annotator=HOSTILE) as project:
        project.documents.add_many([DocumentDraft(text=TEXT, title=HOSTILE)])
        doc = project.documents.list()[0].id
        actor = project.actors.create(ActorDraft(HOSTILE, ActorKind.PERSON))
        start = TEXT.index("“")
        quote = project.annotations.create(
            doc,
            AnnotationDraft(
                "quote", start, TEXT.index("”") + 1, attributes={"cue": HOSTILE},
                links=(LinkDraft("speaker", actor_id=actor.id),),
            ),
        )  # fmt: skip
    project = Project.open(db_path)
    window = make_window(project)
    window.open_document(doc)
    window.annotating.select(quote.id)
    assert window.details.annotation.id == quote.id
    for label in window.details.findChildren(QLabel) + window.panel.findChildren(QLabel):
        if _shown_as_rich(label):
            assert "<img" not in label.text() and "<a href" not in label.text(), label.text()
    tooltip = window.annotating.tooltip(quote.id)
    assert "<img" not in tooltip and "&lt;img" in tooltip
    assert "<b>Bold" not in tooltip
    assert window.details.fields["cue"].text() == HOSTILE  # the value itself, unchanged
    project.close()
