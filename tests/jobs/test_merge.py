"""Merging copies of a project annotated apart (on laptops): each annotator's work comes in
once, whatever the order."""

import shutil

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import UsageError
from annotator.jobs.merge import merge_projects
from annotator.store.project import Project

TEXTS = [
    'Mayor Okafor said "we will build it" on Monday.',
    'The council said "not with our money" on Tuesday.',
]


@pytest.fixture
def copies(tmp_path):
    base = tmp_path / "base.sqlite"
    with Project.open(base, "owner") as owner:
        owner.documents.add_many(
            [DocumentDraft(text=t, title=f"D{n}") for n, t in enumerate(TEXTS)]
        )
        owner.actors.create(ActorDraft("Okafor", ActorKind.PERSON))
    paths = {}
    for name in ("alice", "bob"):
        paths[name] = tmp_path / f"{name}.sqlite"
        shutil.copy(base, paths[name])
    with Project.open(paths["alice"], "alice") as alice:
        [okafor] = alice.actors.list()
        quote = alice.annotations.create(1, AnnotationDraft(
            "quote", 18, 36, attributes={"kind": "direct"},
            links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
        alice.annotations.create(1, AnnotationDraft("actor", 6, 12, actor_id=okafor.id))
        assert quote.id
    with Project.open(paths["bob"], "bob") as bob:
        council = bob.actors.create(ActorDraft("Port Council", ActorKind.ORGANISATION))
        bob.annotations.create(2, AnnotationDraft("actor", 0, 11, actor_id=council.id))  # new id
        [okafor] = [a for a in bob.actors.list() if a.name == "Okafor"]
        bob.annotations.create(1, AnnotationDraft("quote", 18, 36, attributes={"kind": "mixed"},
                               links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    return paths


def _content(path):
    with Project.open(path) as project:
        actors = {a.id: a.name for a in project.actors.list()}
        return sorted(
            (d.title, a.layer, a.start, a.end, a.annotator, sorted(a.attributes.items()),
             actors.get(a.actor_id), sorted((x.type, actors.get(x.actor_id)) for x in a.links))
            for d in project.documents.list() for a in project.annotations.for_document(d.id)
        )  # fmt: skip


def test_each_annotators_work_comes_in_once_and_the_order_does_not_matter(copies, tmp_path):
    with Project.open(copies["alice"], "alice") as alice:
        [outcome] = merge_projects(alice, [copies["bob"]])
        assert (outcome.documents, outcome.spans, outcome.merged_into) == (0, 2, 2)
        assert outcome.actors_created == 1  # Port Council; Okafor is matched by name
        [again] = merge_projects(alice, [copies["bob"]])
        assert again.spans == 0  # nothing merged twice
    other_way = tmp_path / "bob-first.sqlite"
    shutil.copy(copies["bob"], other_way)
    with Project.open(other_way, "bob") as bob:
        merge_projects(bob, [copies["alice"]])
    assert _content(copies["alice"]) == _content(other_way)
    annotators = {row[4] for row in _content(other_way)}
    assert annotators == {"alice", "bob"}


def test_an_actor_merged_on_one_side_is_found_through_its_alias(copies):
    with Project.open(copies["alice"], "alice") as alice:
        okafor = next(a for a in alice.actors.list() if a.name == "Okafor")
        mayor = alice.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON))
        alice.actors.merge(mayor.id, okafor.id)  # Okafor lives on as an alias
        [outcome] = merge_projects(alice, [copies["bob"]])
        assert any("alias of 'Adaeze Okafor'" in n for n in outcome.notices)
        quotes = [a for a in alice.annotations.for_document(1) if a.layer == "quote"]
        assert {q.links[0].actor_id for q in quotes} == {mayor.id}


def test_a_different_scheme_is_reported_and_merging_itself_refused(copies):
    from dataclasses import replace

    with Project.open(copies["bob"], "bob") as bob:
        scheme = bob.scheme.load()

        def widened(spec):
            return replace(spec, choices=(*spec.choices, "paraphrase"))

        bob.scheme.install(replace(scheme, layers=tuple(
            replace(layer, attributes=tuple(
                widened(spec) if spec.name == "kind" else spec for spec in layer.attributes))
            if layer.name == "quote" else layer
            for layer in scheme.layers)))  # fmt: skip
    with Project.open(copies["alice"], "alice") as alice:
        [outcome] = merge_projects(alice, [copies["bob"]])
        assert "the other copy's quote kind also allows paraphrase" in outcome.notices
        with pytest.raises(UsageError, match="is this project"):
            merge_projects(alice, [copies["alice"]])


def test_annotator_merge_from_a_shell(copies, capsys):
    import json

    from tests.cli.test_cli import run

    code, out, _ = run(capsys, "merge", "--db", str(copies["alice"]), str(copies["bob"]))
    assert code == 0
    assert (
        out == "merged " + str(copies["bob"]) + ": 2 spans (2 onto documents here already), "
        "0 new documents, 1 new actors, 0 annotators' statuses\n"
    )
    code, out, _ = run(capsys, "merge", "--db", str(copies["alice"]), "--json", str(copies["bob"]))
    assert code == 0 and json.loads(out)[0]["spans"] == 0


def test_each_annotators_status_comes_with_their_work(tmp_path):
    from annotator.domain.documents import DocumentStatus

    team = tmp_path / "team.sqlite"
    with Project.open(team, "owner") as owner:
        owner.documents.add_many(
            [DocumentDraft(text=t, title=f"D{n}") for n, t in enumerate(TEXTS)]
        )
        owner.assignments.assign([1, 2], ["alice"])
        laptop = tmp_path / "alice.sqlite"
        shutil.copy(owner.back_up(), laptop)
    with Project.open(laptop, "alice") as alice:
        alice.annotations.create(1, AnnotationDraft("claim", 0, 5))  # in progress, by the rule
        alice.assignments.set_status(2, DocumentStatus.DONE)
    with Project.open(team, "owner") as owner:
        [outcome] = merge_projects(owner, [laptop])
        assert outcome.statuses == 2
        statuses = {a.document_id: a.status for a in owner.assignments.list(annotator="alice")}
        assert statuses == {1: DocumentStatus.IN_PROGRESS, 2: DocumentStatus.DONE}
        assert merge_projects(owner, [laptop])[0].statuses == 0
