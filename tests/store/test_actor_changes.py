"""Deleting an actor however it is used, and splitting one: each undone exactly."""

from dataclasses import replace

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import ValidationError

TEXT = "Haniyeh said the talks went on. Ismail Haniyeh left. Hamas agreed."


@pytest.fixture
def scene(project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    doc = project.documents.list()[0].id
    hamas = project.actors.create(ActorDraft("Hamas", ActorKind.ORGANISATION))
    haniyeh = project.actors.create(ActorDraft("Haniyeh", ActorKind.PERSON, parent_id=hamas.id))
    first = project.annotations.create(doc, AnnotationDraft("actor", 0, 7, actor_id=haniyeh.id))
    second = project.annotations.create(doc, AnnotationDraft("actor", 32, 46, actor_id=haniyeh.id))
    quote = project.annotations.create(
        doc, AnnotationDraft("quote", 13, 30, links=(LinkDraft("speaker", actor_id=haniyeh.id),))
    )
    return doc, hamas, haniyeh, first, second, quote


def test_an_actor_in_use_is_deleted_with_its_uses_and_comes_back(project, scene):
    _doc, hamas, haniyeh, first, _second, quote = scene
    uses = project.actors.usage(haniyeh.id)
    assert (len(uses.mentions), len(uses.links), len(uses.children)) == (2, 1, 0)
    deletion = project.actors.remove(hamas.id)  # with a member: it belongs to none now
    assert project.actors.get(haniyeh.id).parent_id is None
    project.actors.unremove(deletion)
    assert project.actors.get(haniyeh.id).parent_id == hamas.id
    deletion = project.actors.remove(haniyeh.id)
    assert project.annotations.get(first.id).actor_id is None
    assert project.annotations.get(quote.id).links == ()
    project.actors.unremove(deletion)
    assert project.annotations.get(first.id).actor_id == haniyeh.id
    [speaker] = project.annotations.get(quote.id).links
    assert (speaker.type, speaker.actor_id) == ("speaker", haniyeh.id)
    assert replace(project.actors.get(haniyeh.id), version=1) == replace(haniyeh, version=1)


def test_splitting_moves_chosen_mentions_to_a_new_actor_and_back(project, scene):
    _doc, _hamas, haniyeh, first, second, _quote = scene
    split = project.actors.split(haniyeh.id, [second.id], ActorDraft("Ismail Haniyeh"))
    assert project.annotations.get(second.id).actor_id == split.made.id
    assert project.annotations.get(first.id).actor_id == haniyeh.id
    with pytest.raises(ValidationError):
        project.actors.split(haniyeh.id, [second.id], ActorDraft("Again"))  # not his any more
    project.actors.unsplit(split)
    assert project.annotations.get(second.id).actor_id == haniyeh.id
    assert [a.name for a in project.actors.list()] == ["Hamas", "Haniyeh"]
