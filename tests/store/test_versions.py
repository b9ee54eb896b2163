"""Lost updates: an edit made from a stale copy is refused, naming who changed it."""

from dataclasses import replace

import pytest

from annotator.domain.actors import ActorDraft, ActorKind, actor_draft
from annotator.domain.annotations import AnnotationDraft, as_draft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import ConflictError
from annotator.store.project import Project


@pytest.fixture
def two_people(db_path):
    with Project.open(db_path, annotator="alice") as alice:
        alice.documents.add_many(
            [DocumentDraft(text="Mayor Okafor said the bridge opens.", title="t")]
        )
        doc = alice.documents.list()[0].id
        with Project.open(db_path, annotator="bob") as bob:
            yield alice, bob, doc


def test_a_span_edited_from_a_stale_copy_is_refused_naming_who_changed_it(two_people):
    alice, bob, doc = two_people
    span = alice.annotations.create(doc, AnnotationDraft("quote", 0, 12))
    bobs_copy = bob.annotations.get(span.id)
    alice.annotations.update(
        span.id, replace(as_draft(span), attributes={"cue": "said"}), expected_version=span.version
    )
    with pytest.raises(ConflictError, match=r"the quote “Mayor Okafor” was changed by alice at"):
        bob.annotations.update(
            span.id,
            replace(as_draft(bobs_copy), attributes={"cue": "told"}),
            expected_version=bobs_copy.version,
        )
    assert bob.annotations.get(span.id).attributes == {"cue": "said"}


def test_every_change_raises_the_version_and_a_fresh_copy_may_edit(two_people):
    alice, bob, doc = two_people
    span = alice.annotations.create(doc, AnnotationDraft("actor", 6, 12))
    first = alice.annotations.update(
        span.id, replace(as_draft(span), end=11), expected_version=span.version
    )
    assert first.version == span.version + 1
    fresh = bob.annotations.get(span.id)
    second = bob.annotations.update(
        span.id, replace(as_draft(fresh), end=12), expected_version=fresh.version
    )
    assert (second.version, second.annotator, second.text) == (first.version + 1, "bob", "Okafor")


def test_deleting_a_span_somebody_changed_is_refused(two_people):
    alice, bob, doc = two_people
    span = alice.annotations.create(doc, AnnotationDraft("actor", 6, 12))
    alice.annotations.update(span.id, replace(as_draft(span), end=11))
    with pytest.raises(ConflictError, match="changed by alice"):
        bob.annotations.delete(span.id, expected_version=span.version)
    assert bob.annotations.get(span.id).end == 11


def test_editing_a_span_somebody_deleted_says_who_deleted_it(two_people):
    alice, bob, doc = two_people
    span = alice.annotations.create(doc, AnnotationDraft("actor", 6, 12))
    alice.annotations.delete(span.id)
    with pytest.raises(ConflictError, match="was deleted by alice"):
        bob.annotations.update(span.id, as_draft(span), expected_version=span.version)
    assert bob.annotations.count() == 0


def test_actors_and_document_statuses_are_checked_the_same_way(two_people):
    alice, bob, doc = two_people
    actor = alice.actors.create(ActorDraft("Zoë Okafor", ActorKind.PERSON))
    alice.actors.update(
        actor.id, replace(actor_draft(actor), aliases=("Okafor",)), expected_version=actor.version
    )
    with pytest.raises(ConflictError, match="changed by alice"):
        bob.actors.update(
            actor.id,
            replace(actor_draft(actor), kind=ActorKind.ORGANISATION),
            expected_version=actor.version,
        )
    assert bob.actors.get(actor.id).aliases == ("Okafor",)

    seen = bob.documents.get(doc)
    alice.documents.set_status(doc, DocumentStatus.DONE, expected_version=seen.version)
    with pytest.raises(ConflictError, match="changed by alice"):
        bob.documents.set_status(doc, DocumentStatus.IN_PROGRESS, expected_version=seen.version)
    assert bob.documents.get(doc).status is DocumentStatus.DONE


def test_a_merge_makes_copies_of_the_moved_mentions_stale(project):
    project.documents.add_many([DocumentDraft(text="Okafor and the mayor.", title="t")])
    doc = project.documents.list()[0].id
    keep = project.actors.create(ActorDraft("Zoë Okafor", ActorKind.PERSON))
    drop = project.actors.create(ActorDraft("Okafor", ActorKind.PERSON))
    mention = project.annotations.create(doc, AnnotationDraft("actor", 0, 6, actor_id=drop.id))
    project.actors.merge(keep.id, drop.id)
    with pytest.raises(ConflictError):
        project.annotations.update(mention.id, as_draft(mention), expected_version=mention.version)
    assert project.annotations.get(mention.id).actor_id == keep.id
