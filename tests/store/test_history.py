"""Undo and redo in the core, on the edit log: across restarts, from any program, never over a
newer edit by somebody else; history and restore of what was deleted."""

from dataclasses import replace

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft, as_draft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import ConflictError, UsageError
from annotator.store.project import Project
from tests.conftest import dump

TEXT = 'Mayor Adaeze Okafor said "the barrier will hold" on Monday.'


@pytest.fixture
def doc(project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Barrier")])
    return project.documents.list()[0].id


def _quote(doc_id, **attributes):
    start = TEXT.index('"')
    return AnnotationDraft("quote", start, TEXT.index('"', start + 1) + 1, attributes=attributes)


def _state(project):
    spans = sorted(
        (a.id, a.layer, a.start, a.end, sorted(a.attributes.items()), a.actor_id, a.annotator,
         sorted((link.type, link.actor_id) for link in a.links))
        for d in project.documents.list() for a in project.annotations.for_document(d.id)
    )  # fmt: skip
    actors = sorted((a.id, a.name, a.kind, a.aliases) for a in project.actors.list())
    statuses = [(d.id, d.status) for d in project.documents.list()]
    return spans, actors, statuses


def test_undo_and_redo_survive_a_restart_and_work_from_another_program(db_path, doc):
    with Project.open(db_path) as first:
        span = first.annotations.create(doc, _quote(doc, kind="direct"))
        first.annotations.update(span.id, replace(as_draft(span), attributes={"kind": "indirect"}))
    with Project.open(db_path) as second:  # a restart, or the command line
        [undo, _redo] = [[c.label for c in stack] for stack in second.history.stacks()]
        assert undo == [
            'Add quote “"the barrier will hold"”',
            'Edit quote “"the barrier will hold"”',
        ]
        second.history.undo()
        assert second.annotations.get(span.id).attributes == {"kind": "direct"}
        second.history.undo()
        assert second.annotations.for_document(doc) == []
        assert second.documents.get(doc).status is DocumentStatus.NEW  # the first span's status
        with pytest.raises(UsageError, match="nothing to undo"):
            second.history.undo()
        second.history.redo()
        second.history.redo()
        assert second.annotations.get(span.id).attributes == {"kind": "indirect"}
        assert second.documents.get(doc).status is DocumentStatus.IN_PROGRESS


def test_undo_of_a_layer_change_gives_the_span_back_to_its_annotator(db_path, doc):
    with Project.open(db_path, "alice") as alice:
        span = alice.annotations.create(doc, AnnotationDraft("claim", 0, 19))
    with Project.open(db_path, "bob") as bob:
        bob.annotations.update(span.id, AnnotationDraft("quote", 0, 19))
        assert bob.annotations.get(span.id).annotator == "bob"
        bob.history.undo()
        back = bob.annotations.get(span.id)
        assert (back.layer, back.annotator) == ("claim", "alice")


def test_undo_never_overwrites_a_newer_edit_by_somebody_else(db_path, doc):
    with Project.open(db_path, "alice") as alice:
        span = alice.annotations.create(doc, _quote(doc, kind="direct"))
    with Project.open(db_path, "bob") as bob:
        bob.annotations.update(span.id, _quote(doc, kind="mixed"))
    with Project.open(db_path, "alice") as alice:
        before = dump(db_path)
        with pytest.raises(ConflictError, match=r"cannot undo “Add quote.*changed since by bob"):
            alice.history.undo()
        assert dump(db_path) == before  # nothing moved
        assert alice.annotations.get(span.id).attributes == {"kind": "mixed"}


def test_typing_saved_as_it_goes_is_one_step(project, doc):
    from annotator.store.changes import step

    span = project.annotations.create(doc, _quote(doc, kind="direct"))
    for typed in ("s", "sa", "sai", "said"):
        with step(project.db, merge_key=f"{span.id}:cue:1"):
            draft = as_draft(project.annotations.get(span.id))
            project.annotations.update(
                span.id, replace(draft, attributes={"kind": "direct", "cue": typed})
            )
    undo, _ = project.history.stacks()
    assert len(undo) == 2
    project.history.undo()
    assert project.annotations.get(span.id).attributes == {"kind": "direct"}


def test_actor_merge_split_and_delete_undo_and_redo(project, doc):
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
    mayor = project.actors.create(ActorDraft("The mayor", ActorKind.PERSON))
    mention = project.annotations.create(doc, AnnotationDraft("actor", 0, 19, actor_id=mayor.id))
    quote = project.annotations.create(doc, AnnotationDraft(
        "quote", 25, 48, links=(LinkDraft("speaker", actor_id=mayor.id),)))  # fmt: skip
    start = _state(project)
    project.actors.merge(okafor.id, mayor.id)
    merged = _state(project)
    assert project.annotations.get(mention.id).actor_id == okafor.id
    project.actors.split(okafor.id, [mention.id], ActorDraft("Mayor Okafor"))
    project.actors.remove(okafor.id)
    assert project.annotations.get(quote.id).links == ()
    for _ in range(3):
        project.history.undo()
    assert _state(project) == start
    project.history.redo()
    assert _state(project) == merged
    project.history.redo()
    project.history.redo()
    assert okafor.id not in {a.id for a in project.actors.list()}
    for _ in range(3):
        project.history.undo()
    assert _state(project) == start


def test_a_scheme_edit_and_a_status_are_undone(project, doc):
    scheme = project.scheme.load()
    renamed = replace(scheme, layers=tuple(
        replace(layer, title="Speech") if layer.name == "quote" else layer
        for layer in scheme.layers))  # fmt: skip
    project.scheme.install(renamed)
    project.documents.set_status(doc, DocumentStatus.DONE)
    project.history.undo()
    assert project.documents.get(doc).status is DocumentStatus.NEW
    project.history.undo()
    assert project.scheme.load().layer("quote").title == scheme.layer("quote").title


def test_a_new_edit_empties_the_redo_stack(project, doc):
    project.annotations.create(doc, _quote(doc, kind="direct"))
    project.history.undo()
    assert [len(s) for s in project.history.stacks()] == [0, 1]
    project.annotations.create(doc, AnnotationDraft("actor", 0, 5))
    assert [len(s) for s in project.history.stacks()] == [1, 0]


def test_history_lists_who_changed_what_and_restores_a_deleted_span(project, doc):
    okafor = project.actors.create(ActorDraft("Adaeze Okafor"))
    span = project.annotations.create(doc, AnnotationDraft(
        "quote", 25, 48, attributes={"cue": "said"},
        links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    project.annotations.delete(span.id)
    listed = project.history.entries(document_id=doc)
    assert [(e.entry.action, e.entry.entity) for e in listed][:2] == [
        ("delete", "annotation"), ("update", "document")]  # fmt: skip
    deletion = listed[0]
    assert deletion.restorable and deletion.annotator == "tester"
    assert [e.entry.entity for e in project.history.entries(actor_id=okafor.id)] == [
        "annotation", "annotation", "actor"]  # fmt: skip
    project.history.restore(deletion.entry.id)
    back = project.annotations.get(span.id)
    assert back.attributes == {"cue": "said"} and back.links[0].actor_id == okafor.id
    with pytest.raises(UsageError, match="deleted nothing"):
        project.history.restore(listed[1].entry.id)


def test_a_deleted_actor_is_restored_with_its_mentions_and_links(project, doc):
    okafor = project.actors.create(ActorDraft("Adaeze Okafor"))
    mention = project.annotations.create(doc, AnnotationDraft("actor", 6, 19, actor_id=okafor.id))
    project.actors.remove(okafor.id)
    [removal] = [e for e in project.history.entries(actor_id=okafor.id) if e.restorable]
    project.history.restore(removal.entry.id)
    assert project.annotations.get(mention.id).actor_id == okafor.id


def test_changes_since_says_what_another_program_changed(db_path, doc):
    with Project.open(db_path) as watcher:
        seen = watcher.history.latest_edit()
        with Project.open(db_path, "bob") as bob:
            span = bob.annotations.create(doc, AnnotationDraft("actor", 0, 5))
            bob.actors.create(ActorDraft("Port Elden"))
        changes = watcher.history.changes_since(seen)
        assert span.id in changes.annotations and doc in changes.documents and changes.actors
        assert changes.last_edit == watcher.history.latest_edit() > seen


def test_a_deleted_document_comes_back_whole_by_undo_and_by_restore(project, doc):
    okafor = project.actors.create(ActorDraft("Adaeze Okafor"))
    mention = project.annotations.create(doc, AnnotationDraft("actor", 6, 19, actor_id=okafor.id))
    quote = project.annotations.create(doc, AnnotationDraft(
        "quote", 25, 48, attributes={"kind": "direct"},
        links=(LinkDraft("speaker", actor_id=okafor.id),
               LinkDraft("responds_to", annotation_id=mention.id))))  # fmt: skip
    project.documents.set_status(doc, DocumentStatus.DONE)
    before = _state(project)
    assert project.document_deletion.delete(doc) == 2
    assert project.documents.list() == [] and project.documents.search("barrier") == []
    project.history.undo()
    assert _state(project) == before
    assert project.documents.search("barrier")  # the search index has it again
    assert project.annotations.get(quote.id).links[1].annotation_id == mention.id
    project.history.redo()
    assert project.documents.list() == []
    deletion = next(e for e in project.history.entries(document_id=doc) if e.restorable)
    assert (deletion.entry.entity, deletion.label) == (
        "document",
        "Redo: Delete document “Barrier”",
    )
    project.history.restore(deletion.entry.id)
    assert _state(project) == before
