"""A model learned from the project (spaCy from spacy.blank; nothing downloaded)."""

import json

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, Origin
from annotator.domain.documents import DocumentDraft
from annotator.jobs.suggest import suggest
from annotator.jobs.train import model_folder, train_layer
from tests.cli.test_cli import run

pytest.importorskip("spacy")

PEOPLE = ["Adaeze Okafor", "Tom Reyes", "Jana Becker", "Karl Brandt", "Maria Lindqvist"]
FRAMES = [
    "{p} said the plan was fine.", "Yesterday {p} met the council.",
    "The mayor thanked {p} for the work.", "Reporters asked {p} about the barrier.",
]  # fmt: skip


@pytest.fixture
def trained_project(project):
    ids = {name: project.actors.create(ActorDraft(name, ActorKind.PERSON)).id for name in PEOPLE}
    texts = [
        f"Report {n}. "
        + " ".join(frame.format(p=PEOPLE[(n + k) % 5]) for k, frame in enumerate(FRAMES))
        for n in range(30)
    ]
    project.documents.add_many(DocumentDraft(text=t, title=f"T{n}", language="en")
                               for n, t in enumerate(texts))  # fmt: skip
    for document in project.documents.list():
        text = project.documents.get(document.id).text
        for name, actor in ids.items():
            start = text.find(name)
            while start >= 0:
                project.annotations.create(
                    document.id, AnnotationDraft("actor", start, start + len(name), actor_id=actor)
                )
                start = text.find(name, start + 1)
    return project


def test_train_scores_on_held_out_documents_and_suggests_from_the_model(trained_project):
    project = trained_project
    trained, where = train_layer(project, "actor", iterations=12)
    assert where == model_folder(project, "actor") and (where / "annotator-model.json").is_file()
    assert trained.labels == ("PERSON",) and trained.held_out == 6 and trained.f1 > 0.8
    project.documents.add_many([DocumentDraft(
        text="Yesterday Karl Brandt met the council. Tom Reyes said the plan was fine.",
        title="New", language="en")])  # fmt: skip
    new = project.documents.list()[-1].id
    report = suggest(project, "model", [new])
    found = project.suggestions.list(document_id=new)
    assert report.added == len(found) >= 1
    assert all(a.origin is Origin.SUGGESTED and a.suggestion.engine == "model" for a in found)
    assert {a.text for a in found} <= {"Karl Brandt", "Tom Reyes"}
    assert all(a.actor_id is not None for a in found)  # linked by the registry's names


def test_train_from_the_command_line(capsys, trained_project, tmp_path):
    db = str(trained_project.db.where)
    out = tmp_path / "model"
    code, printed, _ = run(capsys, "train", "--db", db, "--iterations", "5", "--out",
                           str(out), "--json")  # fmt: skip
    assert code == 0 and json.loads(printed)["model"] == str(out)
    code, _, err = run(capsys, "train", "--db", db, "--layer", "nope")
    assert code != 0 and "no layer" in err
