"""Several programs writing one SQLite project at once: every write waits its turn, none is lost."""

import sqlite3
import threading
import time

import pytest

from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft
from annotator.domain.errors import BusyError
from annotator.store.project import Project
from tests.store.concurrent import concurrent_imports, openers, span_writers


@pytest.fixture
def article(project):
    project.documents.add_many([DocumentDraft(text="Okafor said so. " * 40, title="Shared")])
    return project.documents.list()[0].id


def test_three_processes_adding_spans_at_once_store_every_span(db_path, project, article):
    results = span_writers(str(db_path), article, [150, 150, 150])
    assert [r["refused_count"] for r in results] == [0, 0, 0], results
    assert project.annotations.count() == 450
    names = {a.annotator for a in project.annotations.for_document(article)}
    assert names == {"writer0", "writer1", "writer2"}


def test_two_imports_of_one_folder_at_once_store_each_text_once(db_path, tmp_path):
    Project.open(db_path).close()
    runs = concurrent_imports(str(db_path), tmp_path / "feeds", 60)
    assert [code for code, _, _ in runs] == [0, 0], runs
    with Project.open(db_path) as project:
        assert project.documents.count() == 60
    imported = [int(out.split()[0]) for _, out, _ in runs]
    assert sum(imported) == 60


def test_processes_creating_one_new_project_at_once_make_it_once(tmp_path):
    target = tmp_path / "new.sqlite"
    results = openers(str(target), 6)
    assert sum(bool(r["created"]) for r in results) == 1
    assert all(r["layers"] == ["actor", "quote", "claim"] for r in results)
    with sqlite3.connect(target) as connection:  # switching to WAL raced once: all must open
        assert connection.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_a_write_waits_for_another_writer_instead_of_failing(db_path, project, article):
    holder = sqlite3.connect(db_path, isolation_level=None, check_same_thread=False)
    holder.execute("BEGIN IMMEDIATE")
    project.db.lock_wait = 30
    waited: list[float] = []
    project.db.waiting = waited.append
    releaser = threading.Timer(2.5, lambda: holder.execute("COMMIT"))
    releaser.start()
    try:
        created = project.annotations.create(article, AnnotationDraft("actor", 0, 6))
    finally:
        releaser.join()
        holder.close()
    assert created.text == "Okafor"
    assert waited, "the wait was not reported"


def test_a_write_gives_up_with_a_clear_message_after_the_lock_wait(db_path, project, article):
    holder = sqlite3.connect(db_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    project.db.lock_wait = 1.5
    started = time.monotonic()
    try:
        with pytest.raises(BusyError, match="another program has been writing"):
            project.annotations.create(article, AnnotationDraft("actor", 0, 6))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert time.monotonic() - started >= 1.5
    assert project.annotations.count() == 0
