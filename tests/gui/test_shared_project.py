"""Two workbench windows and a command-line import on one project at the same time."""

import json

from PySide6.QtCore import Qt

from annotator.store.project import Project
from tests.store.concurrent import finish, start_cli


def test_two_windows_and_a_cli_import_work_at_once_without_a_refused_write(
    qtbot, make_window, project, article, db_path, tmp_path
):
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        "\n".join(
            json.dumps({"title": f"Wire {i}", "text": f"Item {i}. " + "The council met. " * 300})
            for i in range(20000)
        )
    )
    first = make_window(project)
    second = make_window(Project.open(db_path, annotator="second"))
    document_id = first.workspace.documents()[0].id
    for window in (first, second):
        window.open_document(document_id)
        window.workspace.project.db.lock_wait = 120
    importing = start_cli("import", "--db", str(db_path), str(feed))
    wal = db_path.with_name(db_path.name + "-wal")
    qtbot.waitUntil(lambda: wal.exists() and wal.stat().st_size > 4_000_000, timeout=60_000)
    assert importing.poll() is None  # the import is writing (and holds the lock) now
    created = []
    for window, word in ((first, "Okafor"), (second, "council"), (first, "barrier")):
        window.activateWindow()  # the user turns to that window
        qtbot.waitUntil(window.isActiveWindow, timeout=2000)
        start = article.index(word)
        window.view.select_text(start, start + len(word))
        qtbot.keyClick(window.view, Qt.Key.Key_Q)
        created.append(window.annotating.selected())
    code, out, err = finish(importing)
    assert code == 0, err
    assert out.startswith("20000 imported")
    assert first.lock_wait.waits + second.lock_wait.waits >= 1  # they waited, and said so
    assert all(span is not None for span in created)
    assert first.failures.last is None and second.failures.last is None
    with Project.open(db_path) as check:
        spans = check.annotations.for_document(document_id)
        assert sorted(s.text for s in spans) == ["Okafor", "barrier", "council"]
        assert check.documents.count() == 20001
    second.workspace.project.close()
