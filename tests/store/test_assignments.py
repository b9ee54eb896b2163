"""Assignments: documents given to annotators, each with their own status; blind work."""

import pytest

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft, DocumentStatus
from annotator.domain.errors import NotFoundError, UsageError
from annotator.store.project import Project


@pytest.fixture
def three(db_path):
    with Project.open(db_path, "owner") as owner:
        owner.documents.add_many(
            [DocumentDraft(text=f"Story {n} about the barrier.", title=f"S{n}") for n in range(3)]
        )
        assert owner.assignments.assign([1, 2, 3], ["alice", "bob"]) == 6
        assert owner.assignments.assign([1, 2], ["alice"]) == 0  # kept as they are
    return db_path


def test_each_annotator_has_their_own_status_moved_by_their_first_span(three):
    with Project.open(three, "alice") as alice:
        alice.annotations.create(1, AnnotationDraft("claim", 0, 7))
        statuses = {(a.document_id, a.annotator): a.status for a in alice.assignments.list()}
        assert statuses[(1, "alice")] is DocumentStatus.IN_PROGRESS
        assert statuses[(1, "bob")] is DocumentStatus.NEW
        alice.assignments.set_status(1, DocumentStatus.DONE)
        alice.history.undo()
        assert alice.assignments.mine(1).status is DocumentStatus.IN_PROGRESS
        alice.history.undo()  # the span, and with it her "in progress"
        assert alice.assignments.mine(1).status is DocumentStatus.NEW


def test_mistakes_are_named(three):
    with Project.open(three, "carol") as carol:
        with pytest.raises(NotFoundError, match="not assigned to carol"):
            carol.assignments.set_status(1, DocumentStatus.DONE)
        with pytest.raises(NotFoundError, match="no document with id 9"):
            carol.assignments.assign([9], ["carol"])
        with pytest.raises(UsageError, match="at least one annotator"):
            carol.assignments.assign([1], [" "])


def test_assign_and_list_from_a_shell(capsys, db_path):
    from tests.cli.test_cli import run

    with Project.open(db_path) as project:
        project.documents.add_many([DocumentDraft(text=f"Story {n}.", title=f"S{n}")
                                    for n in range(4)])  # fmt: skip
    db = str(db_path)
    code, out, _ = run(capsys, "assign", "--db", db, "1-3", "--to", "alice,bob")
    assert (code, out.split(" ")[0]) == (0, "6")
    code, out, _ = run(capsys, "assign", "--db", db, "--all", "--to", "carol")
    assert out.startswith("4 assignments made")
    code, out, _ = run(capsys, "assignments", "--db", db, "--annotator", "alice")
    assert [line.split()[:3] for line in out.splitlines()] == [
        ["1", "alice", "new"], ["2", "alice", "new"], ["3", "alice", "new"]]  # fmt: skip
    code, _, err = run(capsys, "assign", "--db", db, "x-2", "--to", "a")
    assert code == 2 and "not a document id or range" in err


def test_roles_belong_to_a_server_project(capsys, db_path):
    from tests.cli.test_cli import run

    code, _, err = run(capsys, "team", "add", "--db", str(db_path), "alice")
    assert code == 2 and "PostgreSQL server" in err
