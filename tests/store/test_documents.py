import pytest

from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import NotFoundError


def draft(text, title="t", **kw):
    return DocumentDraft(text=text, title=title, **kw)


def test_same_text_is_stored_once_and_reported_as_duplicate(project):
    first = project.documents.add_many([draft("A story 😀", "One"), draft("Other", "Two")])
    assert first.added == 2 and first.duplicates == []
    again = project.documents.add_many(
        [draft("A story 😀", "Copy"), draft("New one"), draft("New one", "Twin")]
    )
    assert again.added == 1
    assert [(d.draft.title, d.existing_id, d.existing_title) for d in again.duplicates] == [
        ("Copy", 1, "One"),
        ("Twin", None, "t"),
    ]
    assert project.documents.count() == 3


def test_documents_list_with_counts_and_filter_by_status(project):
    project.documents.add_many([draft("alpha"), draft("beta", "B", language="de")])
    project.documents.set_status(2, DocumentStatus.DONE)
    rows = project.documents.list()
    assert [(r.id, r.status, r.chars, r.annotations) for r in rows] == [
        (1, DocumentStatus.NEW, 5, 0),
        (2, DocumentStatus.DONE, 4, 0),
    ]
    assert [r.id for r in project.documents.list(DocumentStatus.DONE)] == [2]


def test_a_document_keeps_its_text_and_metadata(project):
    text = "Zoe\u0301 said «مرحبا» 👨‍👩‍👧\n"
    project.documents.add_many([draft(text, "T", metadata={"section": "World", "n": [1, 2]})])
    document = project.documents.get(1)
    assert document.text == text
    assert document.metadata == {"section": "World", "n": [1, 2]}
    assert document.status is DocumentStatus.NEW


def test_missing_document_is_reported(project):
    with pytest.raises(NotFoundError, match="no document with id 7"):
        project.documents.get(7)
    with pytest.raises(NotFoundError):
        project.documents.set_status(7, DocumentStatus.DONE)


def test_a_failing_reader_leaves_nothing_behind(project):
    def drafts():
        yield draft("kept only if all goes well")
        raise RuntimeError("reader broke")

    with pytest.raises(RuntimeError):
        project.documents.add_many(drafts())
    assert project.documents.count() == 0


def test_status_parsing_is_forgiving():
    assert DocumentStatus.parse("In-Progress") is DocumentStatus.IN_PROGRESS
    with pytest.raises(ValueError, match="one of new"):
        DocumentStatus.parse("finished")
