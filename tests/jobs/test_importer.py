import json

from annotator.domain.errors import InputError
from annotator.jobs.importer import import_paths
from annotator.jobs.progress import Progress
from tests.conftest import dump


def write(path, content):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_a_folder_is_imported_recursively_skipping_hidden_and_unknown_files(project, tmp_path):
    root = tmp_path / "in"
    write(root / "a.txt", "First story\n\nBody")
    write(root / "sub" / "b.md", "# Second\n\nBody")
    write(root / "sub" / "deeper" / "c.jsonl", '{"text": "third"}\n{"text": "fourth"}\n')
    write(root / ".hidden" / "d.txt", "never")
    write(root / ".e.txt", "never")
    write(root / "notes.docx", b"PK\x03\x04")
    report = import_paths(project, [root])
    assert report.imported == 4
    assert report.refused == []
    assert report.skipped == [str(root / "notes.docx")]
    assert sorted(d.title for d in project.documents.list()) == [
        "First story",
        "Second",
        "fourth",
        "third",
    ]


def test_a_bad_file_is_refused_whole_and_the_others_still_import(project, db_path, tmp_path):
    good = write(tmp_path / "good.txt", "Good story")
    bad = write(tmp_path / "bad.jsonl", '{"text": "line one is fine"}\n{"text": oops}\n')
    before = dump(db_path)
    report = import_paths(project, [bad])
    assert [str(e) for e in report.refused] == [
        f"{bad}:2: malformed JSON: Expecting value (column 10)"
    ]
    assert dump(db_path) == before
    report = import_paths(project, [bad, good])
    assert report.imported == 1
    assert len(report.refused) == 1
    assert [d.title for d in project.documents.list()] == ["Good story"]


def test_named_files_that_cannot_be_imported_are_refused_with_a_reason(project, tmp_path):
    unknown = write(tmp_path / "slides.pptx", b"PK")
    missing = tmp_path / "missing.txt"
    report = import_paths(project, [unknown, missing])
    reasons = {e.path: e.reason for e in report.refused}
    assert "unsupported file type" in reasons[str(unknown)]
    assert reasons[str(missing)] == "no such file or folder"


def test_duplicates_are_reported_not_stored_again(project, tmp_path):
    first = write(tmp_path / "one.txt", "Same words")
    second = write(tmp_path / "two.txt", "Same words")
    crlf = write(tmp_path / "three.txt", b"Same words")
    report = import_paths(project, [first, second, crlf])
    assert report.imported == 1
    assert len(report.duplicates) == 2
    assert report.summary() == "1 imported, 2 duplicates, 0 files refused"


def test_crlf_files_are_stored_with_lf(project, tmp_path):
    write(tmp_path / "win.txt", b"Title line\r\nSecond \xe2\x80\x9cline\xe2\x80\x9d\r\n")
    import_paths(project, [tmp_path / "win.txt"])
    assert project.documents.get(1).text == "Title line\nSecond “line”\n"


def test_progress_is_reported_and_cancelling_keeps_finished_files_only(project, tmp_path):
    paths = [write(tmp_path / f"{i}.txt", f"Story number {i}") for i in range(3)]
    seen = []

    def listen(done, total, message):
        seen.append((done, total, message))
        if message == "0.txt":
            progress.cancel()

    progress = Progress(listen)
    report = import_paths(project, paths, progress=progress)
    assert report.cancelled
    assert report.imported == 1
    assert project.documents.count() == 1
    assert seen[0][1] == sum(p.stat().st_size for p in paths)


def test_a_large_jsonl_is_one_transaction(project, db_path, tmp_path):
    lines = [json.dumps({"text": f"Article {i} 😀", "title": f"T{i}"}) for i in range(1200)]
    lines.append("{broken")
    path = write(tmp_path / "big.jsonl", "\n".join(lines))
    report = import_paths(project, [path])
    [error] = report.refused
    assert isinstance(error, InputError) and error.line == 1201
    assert project.documents.count() == 0
