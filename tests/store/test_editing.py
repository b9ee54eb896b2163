"""Edits the workbench makes, and their undo: update, re-create under the old id, merge."""

from dataclasses import replace

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft, as_draft
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import ValidationError

TEXT = "Tel Aviv said Israel will respond, the Israeli army added."


@pytest.fixture
def doc(project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="t")])
    return 1


def test_update_changes_offsets_layer_and_attributes_and_can_be_reverted(project, doc):
    created = project.annotations.create(doc, AnnotationDraft("claim", 0, 8))
    changed = project.annotations.update(
        created.id,
        AnnotationDraft("quote", 14, 32, attributes={"kind": "indirect", "cue": "said"}),
    )
    assert changed.id == created.id
    assert changed.text == "Israel will respond"[:18]
    assert changed.layer == "quote" and changed.attributes["cue"] == "said"
    reverted = project.annotations.update(created.id, as_draft(created))
    assert (reverted.layer, reverted.start, reverted.end, reverted.text) == (
        "claim",
        0,
        8,
        "Tel Aviv",
    )


def test_a_deleted_span_comes_back_under_its_old_id_with_its_links(project, doc):
    actor = project.actors.create(ActorDraft("Israel", ActorKind.STATE))
    quote = project.annotations.create(
        doc,
        AnnotationDraft("quote", 14, 33, links=(LinkDraft("speaker", actor_id=actor.id),)),
    )
    removed = project.annotations.delete(quote.id)
    restored = project.annotations.create(doc, as_draft(removed), annotation_id=removed.id)
    assert restored.id == quote.id
    assert [(link.type, link.actor_id) for link in restored.links] == [("speaker", actor.id)]


def test_an_invalid_update_changes_nothing(project, doc):
    created = project.annotations.create(doc, AnnotationDraft("actor", 0, 8))
    with pytest.raises(ValidationError):
        project.annotations.update(created.id, AnnotationDraft("actor", 0, 999))
    assert project.annotations.get(created.id) == created


def test_merge_moves_mentions_links_and_names_and_unmerge_restores_them(project, doc):
    israel = project.actors.create(ActorDraft("Israel", ActorKind.STATE))
    tel_aviv = project.actors.create(ActorDraft("Tel Aviv", ActorKind.STATE, ("TLV",)))
    army = project.actors.create(
        ActorDraft("Israeli army", ActorKind.ORGANISATION, parent_id=tel_aviv.id)
    )
    mention = project.annotations.create(doc, AnnotationDraft("actor", 0, 8, actor_id=tel_aviv.id))
    quote = project.annotations.create(
        doc, AnnotationDraft("quote", 14, 33, links=(LinkDraft("speaker", actor_id=tel_aviv.id),))
    )
    merge = project.actors.merge(israel.id, tel_aviv.id)
    assert project.annotations.get(mention.id).actor_id == israel.id
    assert project.annotations.get(quote.id).links[0].actor_id == israel.id
    assert project.actors.get(army.id).parent_id == israel.id
    assert project.actors.get(israel.id).aliases == ("Tel Aviv", "TLV")
    assert [a.id for a in project.actors.find("tlv")] == [israel.id]

    project.actors.unmerge(merge)
    # as they were, each with a higher version: a copy read before the merge is stale now
    assert project.actors.get(tel_aviv.id) == replace(tel_aviv, version=2)
    assert project.actors.get(israel.id) == replace(israel, version=3)
    assert project.annotations.get(mention.id).actor_id == tel_aviv.id
    assert project.annotations.get(quote.id).links[0].actor_id == tel_aviv.id
    assert project.actors.get(army.id).parent_id == tel_aviv.id


def test_actor_update_renames_edits_aliases_and_refuses_cycles(project):
    state = project.actors.create(ActorDraft("Israel", ActorKind.STATE))
    army = project.actors.create(ActorDraft("IDF", ActorKind.ORGANISATION, parent_id=state.id))
    renamed = project.actors.update(
        army.id,
        ActorDraft(
            "Israeli army",
            ActorKind.ORGANISATION,
            ("IDF", "the occupation army"),
            parent_id=state.id,
        ),
    )
    assert renamed.name == "Israeli army"
    assert renamed.aliases == ("IDF", "the occupation army")
    with pytest.raises(ValidationError, match="belong to itself"):
        project.actors.update(state.id, ActorDraft("Israel", ActorKind.STATE, parent_id=army.id))


def test_only_unused_actors_can_be_deleted(project, doc):
    used = project.actors.create(ActorDraft("Israel", ActorKind.STATE))
    spare = project.actors.create(ActorDraft("Spare"))
    project.annotations.create(doc, AnnotationDraft("actor", 14, 20, actor_id=used.id))
    with pytest.raises(ValidationError, match="merge it"):
        project.actors.delete(used.id)
    assert project.actors.delete(spare.id) == spare
    assert project.actors.mention_counts() == {used.id: 1}
