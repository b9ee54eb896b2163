"""Suggestions: proposed by an engine, reviewed by a person, never in a dataset unreviewed."""

import json

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, Origin
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import Cancelled
from annotator.jobs.agreement import agreement
from annotator.jobs.progress import Progress
from annotator.jobs.suggest import review, suggest
from annotator.store.project import Project
from tests.cli.test_cli import run

TEXTS = [
    "Mayor Okafor said the barrier would hold. Reyes disagreed with Okafor.",
    "The port authority backed Okafor; Reyes did not.",
]


@pytest.fixture
def newsroom(project):
    project.documents.add_many(DocumentDraft(text=t, title=f"D{n}") for n, t in enumerate(TEXTS))
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON, ("Okafor",)))
    reyes = project.actors.create(ActorDraft("Tomás Reyes", ActorKind.PERSON, ("Reyes",)))
    return project, okafor, reyes


def ids(project):
    return [d.id for d in project.documents.list()]


def test_a_run_stores_suggestions_that_stay_out_of_counts_exports_and_agreement(newsroom, tmp_path):
    project, okafor, reyes = newsroom
    report = suggest(project, "actors", ids(project))
    assert (report.added, report.documents, report.read) == (5, 2, 2)
    first = project.suggestions.list(document_id=1)
    assert [(a.text, a.actor_id, a.origin) for a in first] == [
        ("Okafor", okafor.id, Origin.SUGGESTED), ("Reyes", reyes.id, Origin.SUGGESTED),
        ("Okafor", okafor.id, Origin.SUGGESTED)]  # fmt: skip
    assert first[0].suggestion.reason == "alias “Okafor” of Adaeze Okafor"
    assert [d.annotations for d in project.documents.list()] == [0, 0]  # not spans yet
    from annotator.jobs.exporter import export
    from annotator.store.exporting import ExportFilter

    out = tmp_path / "out.jsonl"
    export(project, "jsonl", out)
    assert all(not json.loads(line)["spans"] for line in out.read_text().splitlines())
    export(project, "jsonl", out, ExportFilter(suggestions=True))
    carried = [a for line in out.read_text().splitlines() for a in json.loads(line)["spans"]]
    assert len(carried) == 5 and {a["origin"] for a in carried} == {"suggested"}
    with Project.open(project.db.where, "bob") as bob:
        bob.annotations.create(1, AnnotationDraft("actor", 6, 12, actor_id=okafor.id))
    with pytest.raises(Exception, match="two or more annotators"):
        agreement(project)  # the tester's suggestions are nobody's work


def test_accepting_makes_them_mine_and_undo_takes_it_back(newsroom):
    project, _, _ = newsroom
    suggest(project, "actors", ids(project))
    assert review(project, "accept", [1]) == 3
    mine = project.annotations.for_document(1)
    assert {a.origin for a in mine} == {Origin.MANUAL} and all(a.suggestion is None for a in mine)
    assert project.documents.list()[0].annotations == 3
    project.history.undo()
    assert {a.origin for a in project.annotations.for_document(1)} == {Origin.SUGGESTED}


def test_a_rejected_place_is_not_offered_again_until_undone(newsroom):
    project, _, _ = newsroom
    suggest(project, "actors", ids(project))
    [first, *_] = project.suggestions.list(document_id=1)
    project.suggestions.reject([first])
    assert len(project.suggestions.list(document_id=1)) == 2
    again = suggest(project, "actors", ids(project))
    assert (again.added, again.rejected, again.already) == (0, 1, 4)
    project.history.undo()  # the rejection: the suggestion is back
    assert len(project.suggestions.list(document_id=1)) == 3


def test_blind_work_suggests_only_over_what_the_annotator_sees(newsroom, db_path):
    project, okafor, _ = newsroom
    project.assignments.assign([1], ["tester", "bob"])
    with Project.open(db_path, "bob") as bob:
        bob.annotations.create(1, AnnotationDraft("actor", 6, 12, actor_id=okafor.id))
        bob.annotations.create(2, AnnotationDraft("actor", 26, 32, actor_id=okafor.id))
    suggest(project, "actors", ids(project))
    texts = {d: [a.start for a in project.suggestions.list(document_id=d)] for d in (1, 2)}
    assert 6 in texts[1]  # bob's mention is hidden from me there: suggested all the same
    assert 26 not in texts[2]  # not assigned: I see bob's mention, nothing is put over it


def test_a_cancelled_run_leaves_nothing(newsroom):
    project, _, _ = newsroom
    progress = Progress()
    calls = iter(range(100))

    def cancel_at_second(done, total, message):
        if done == 1 and next(calls) >= 0:
            progress.cancel()

    progress._callback = cancel_at_second
    with pytest.raises(Cancelled):
        suggest(project, "actors", ids(project), progress)
    assert project.suggestions.list() == []


def test_the_command_line_suggests_lists_accepts_and_rejects(capsys, newsroom):
    project, _, _ = newsroom
    db = str(project.db.where)
    code, out, _ = run(capsys, "suggest", "--db", db, "--all", "--engine", "actors")
    assert code == 0 and out.startswith("5 suggestions in 2 documents")
    code, out, _ = run(capsys, "suggestions", "list", "--db", db, "--doc", "2", "--json")
    listed = json.loads(out)
    assert [s["text"] for s in listed] == ["Okafor", "Reyes"]
    assert listed[0]["why"]["engine"] == "actors"
    assert run(capsys, "suggestions", "accept", "--db", db, "--doc", "2")[1] == (
        "2 suggestions accepted\n")  # fmt: skip
    assert run(capsys, "suggestions", "reject", "--db", db, "--all")[1] == (
        "3 suggestions rejected\n")  # fmt: skip
    code, _, err = run(capsys, "suggest", "--db", db, "--all", "--engine", "model")
    assert code != 0 and "no model at" in err and "annotator train" in err


def test_quotes_are_suggested_with_speaker_kind_and_cue(capsys, newsroom):
    project, okafor, reyes = newsroom
    project.documents.add_many([DocumentDraft(
        text="“We will hold the line,” Okafor said on Monday. Reyes told reporters that the "
        "barrier was a waste of money.", title="Quotes", language="en")])  # fmt: skip
    document = project.documents.list()[-1].id
    suggest(project, "quotes", [document])
    found = project.suggestions.list(document_id=document)
    assert [(a.text, a.attributes, [link.actor_id for link in a.links]) for a in found] == [
        ("“We will hold the line,”", {"kind": "direct", "cue": "said"}, [okafor.id]),
        ("the barrier was a waste of money", {"kind": "indirect", "cue": "told"}, [reyes.id]),
    ]
    assert found[0].suggestion.reason == "quotation marks and “said” after them"
    accepted = project.suggestions.accept(found)
    assert [link.actor_id for link in accepted[0].links] == [okafor.id]  # the speaker stays
