import pytest
from sqlalchemy import select

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft, Origin
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import NotFoundError, ValidationError
from annotator.store.models import EditRow

TEXT = "👩🏽‍🍳 Zoe\u0301 Nakamura said: «مرحبا» and left."


@pytest.fixture
def doc(project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    return 1


def span(sub, text=TEXT):
    start = text.index(sub)
    return start, start + len(sub)


def test_offsets_are_code_points_and_the_covered_text_is_stored(project, doc):
    start, end = span("Zoe\u0301 Nakamura")
    assert start == 5  # the cook emoji is four code points, then a space
    actor = project.actors.create(ActorDraft("Zoë Nakamura", ActorKind.PERSON))
    created = project.annotations.create(
        doc, AnnotationDraft("actor", start, end, actor_id=actor.id)
    )
    assert created.text == "Zoe\u0301 Nakamura"
    assert created.annotator == "tester"
    assert created.origin is Origin.MANUAL
    arabic = project.annotations.create(doc, AnnotationDraft("quote", *span("«مرحبا»")))
    assert arabic.text == "«مرحبا»"


def test_a_quote_links_its_speaker_and_keeps_its_attributes(project, doc):
    actor = project.actors.create(ActorDraft("Zoë Nakamura", ActorKind.PERSON))
    quote = project.annotations.create(
        doc,
        AnnotationDraft(
            "quote",
            *span("«مرحبا»"),
            attributes={"kind": "direct", "cue": "said"},
            links=(LinkDraft("speaker", actor_id=actor.id),),
        ),
    )
    [stored] = project.annotations.for_document(doc)
    assert stored == quote
    assert stored.attributes == {"kind": "direct", "cue": "said"}
    assert [(link.type, link.actor_id) for link in stored.links] == [("speaker", actor.id)]


@pytest.mark.parametrize(
    ("draft", "message"),
    [
        (AnnotationDraft("actor", 5, 5), "empty or outside"),
        (AnnotationDraft("actor", 0, len(TEXT) + 1), "outside the text"),
        (AnnotationDraft("actor", -1, 3), "outside"),
        (AnnotationDraft("topic", 0, 3), "no layer 'topic'"),
        (AnnotationDraft("quote", 0, 3, attributes={"kind": "yelled"}), "one of direct"),
        (AnnotationDraft("quote", 0, 3, actor_id=1), "do not refer to an actor"),
        (AnnotationDraft("quote", 0, 3, links=(LinkDraft("speaker", actor_id=99),)), "99"),
        (AnnotationDraft("quote", 0, 3, links=(LinkDraft("cue", actor_id=1),)), "does not refer"),
        (AnnotationDraft("actor", 0, 3, actor_id=42), "does not exist"),
    ],
)
def test_invalid_annotations_are_refused_and_nothing_is_written(project, doc, draft, message):
    with pytest.raises((ValidationError, NotFoundError), match=message):
        project.annotations.create(doc, draft)
    assert project.annotations.count() == 0


def test_annotation_on_missing_document_is_refused(project):
    with pytest.raises(NotFoundError):
        project.annotations.create(3, AnnotationDraft("actor", 0, 1))


def test_every_write_is_in_the_edit_log(project, doc):
    actor = project.actors.create(ActorDraft("Zoë", ActorKind.PERSON, aliases=("Zoe",)))
    created = project.annotations.create(doc, AnnotationDraft("actor", 0, 3, actor_id=actor.id))
    project.annotations.delete(created.id)
    with project.db.read() as session:
        log = [
            (row.action, row.entity, row.entity_id, row.before is None, row.after is None)
            for row in session.scalars(select(EditRow).order_by(EditRow.id))
        ]
    assert log == [
        ("import", "document", None, True, False),
        ("create", "actor", actor.id, True, False),
        ("create", "annotation", created.id, True, False),
        ("update", "document", doc, False, False),  # the first span: "in progress"
        ("delete", "annotation", created.id, False, True),
    ]


def test_deleting_a_span_removes_its_links_but_not_the_actor(project, doc):
    actor = project.actors.create(ActorDraft("Zoë", ActorKind.PERSON))
    quote = project.annotations.create(
        doc, AnnotationDraft("quote", 0, 4, links=(LinkDraft("speaker", actor_id=actor.id),))
    )
    removed = project.annotations.delete(quote.id)
    assert removed.links and project.annotations.for_document(doc) == []
    assert project.stats().links == 0
    assert project.actors.get(actor.id).name == "Zoë"


def test_actors_are_found_by_name_or_alias_ignoring_case(project):
    state = project.actors.create(ActorDraft("Israel", ActorKind.STATE, aliases=("Tel Aviv",)))
    army = project.actors.create(
        ActorDraft("Israeli army", ActorKind.ORGANISATION, parent_id=state.id)
    )
    assert [a.id for a in project.actors.find("tel aviv")] == [state.id]
    assert project.actors.get(army.id).parent_id == state.id
    with pytest.raises(ValidationError):
        project.actors.create(ActorDraft("  "))
    with pytest.raises(NotFoundError):
        project.actors.create(ActorDraft("Orphan", parent_id=999))


def test_an_annotator_cannot_make_the_same_span_twice_but_another_can(db_path, project):
    from annotator.store.project import Project

    project.documents.add_many([DocumentDraft(text="Okafor spoke.", title="t")])
    doc = project.documents.list()[0].id
    project.annotations.create(doc, AnnotationDraft("actor", 0, 6))
    with pytest.raises(ValidationError, match="there already"):
        project.annotations.create(doc, AnnotationDraft("actor", 0, 6))
    with Project.open(db_path, annotator="second coder") as other:
        other.annotations.create(doc, AnnotationDraft("actor", 0, 6))  # independent work
    assert project.annotations.count() == 2
