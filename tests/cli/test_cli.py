"""The command line as a user drives it: exit codes, messages, JSON shapes."""

import json
import subprocess
import sys

import pytest

from annotator import __version__
from annotator.cli.main import main


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "one.txt").write_text("Council votes on barrier\n\nThe mayor said “yes”.")
    (folder / "two.jsonl").write_text(
        '{"text": "Zwei „Zitate“", "title": "Zwei", "lang": "de"}\n'
        '{"text": "تجربة النص العربي", "title": "عربي", "language": "ar"}\n'
    )
    return folder


def test_import_list_show_and_stats(capsys, tmp_path, articles):
    db = str(tmp_path / "p.sqlite")
    code, out, _err = run(capsys, "import", "--db", db, str(articles))
    assert code == 0
    assert out.strip() == "3 imported, 0 duplicates, 0 files refused"

    code, out, _ = run(capsys, "list", "--db", db, "--json")
    rows = json.loads(out)
    assert code == 0
    assert [(r["id"], r["title"], r["status"], r["chars"], r["annotations"]) for r in rows] == [
        (1, "Council votes on barrier", "new", 47, 0),
        (2, "Zwei", "new", 13, 0),
        (3, "عربي", "new", 17, 0),
    ]

    code, out, _ = run(capsys, "list", "--db", db)
    assert "Council votes on barrier" in out and "عربي" in out

    code, out, _ = run(capsys, "show", "--db", db, "2", "--json")
    shown = json.loads(out)
    assert shown["text"] == "Zwei „Zitate“"
    assert shown["language"] == "de"
    assert shown["annotations"] == []
    assert shown["metadata"] == {}

    code, out, _ = run(capsys, "stats", "--db", db, "--json")
    stats = json.loads(out)
    assert stats["documents"] == 3
    assert stats["annotations_by_layer"] == {"actor": 0, "quote": 0, "claim": 0}


def test_importing_again_reports_duplicates_and_exits_zero(capsys, tmp_path, articles):
    db = str(tmp_path / "p.sqlite")
    run(capsys, "import", "--db", db, str(articles))
    code, out, err = run(capsys, "import", "--db", db, str(articles / "one.txt"))
    assert code == 0
    assert "duplicate" in err and "#1" in err
    assert out.strip() == "0 imported, 1 duplicates, 0 files refused"


def test_refused_files_are_named_and_exit_one_without_traceback(capsys, tmp_path, articles):
    db = str(tmp_path / "p.sqlite")
    bad = tmp_path / "broken.csv"
    bad.write_text("title,body\nx,y\n")
    binary = tmp_path / "image.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    code, out, err = run(capsys, "import", "--db", db, str(bad), str(binary), str(articles))
    assert code == 1
    assert f"refused {bad}:1: no 'text' column (columns: title, body)" in err
    assert f"refused {binary}:" in err
    assert "Traceback" not in err
    assert out.strip() == "3 imported, 0 duplicates, 2 files refused"


def test_list_filters_by_status_and_rejects_unknown_status(capsys, tmp_path, articles):
    db = str(tmp_path / "p.sqlite")
    run(capsys, "import", "--db", db, str(articles))
    code, out, _ = run(capsys, "list", "--db", db, "--status", "done", "--json")
    assert code == 0 and json.loads(out) == []
    with pytest.raises(SystemExit) as exit_info:
        main(["list", "--db", db, "--status", "finished"])
    assert exit_info.value.code == 2
    assert "unknown status 'finished'" in capsys.readouterr().err


def test_unknown_document_is_a_clear_error(capsys, tmp_path):
    code, _, err = run(capsys, "show", "--db", str(tmp_path / "p.sqlite"), "42")
    assert code == 1
    assert err.strip() == "annotator: no document with id 42"


def test_a_database_that_is_not_a_project_is_refused_without_traceback(capsys, tmp_path):
    other = tmp_path / "other.sqlite"
    import sqlite3

    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE t (x)")
    code, _, err = run(capsys, "list", "--db", str(other))
    assert code == 3  # the project cannot be opened (not "some input refused")
    assert "not an Annotator project" in err


def test_a_folder_given_as_db_is_a_usage_error(capsys, tmp_path):
    code, _, err = run(capsys, "list", "--db", str(tmp_path))
    assert code == 2
    assert "is a folder" in err


def test_without_db_the_default_project_with_samples_is_used(capsys):
    code, out, _ = run(capsys, "list", "--json")
    rows = json.loads(out)
    assert code == 0
    assert len(rows) >= 5 and all(r["annotations"] > 0 for r in rows)
    code, out, _ = run(capsys, "show", str(rows[0]["id"]), "--json")
    shown = json.loads(out)
    quote = next(a for a in shown["annotations"] if a["layer"] == "quote")
    assert quote["links"][0]["type"] == "speaker" and quote["links"][0]["actor"]
    assert shown["text"][quote["start"] : quote["end"]] == quote["text"]


def test_usage_errors_exit_two(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["import"])
    assert exit_info.value.code == 2
    with pytest.raises(SystemExit) as exit_info:
        main(["frobnicate"])
    assert exit_info.value.code == 2


def test_the_workbench_needs_a_display(capsys, monkeypatch):
    for name in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"):
        monkeypatch.delenv(name, raising=False)
    code, _, err = run(capsys)
    assert code == 2
    assert "no display" in err


def test_version_and_module_entry_point():
    done = subprocess.run(
        [sys.executable, "-m", "annotator", "--version"], capture_output=True, text=True
    )
    assert done.returncode == 0
    assert done.stdout.strip() == f"annotator {__version__}"


def test_missing_x11_libraries_are_named_with_their_packages(capsys, monkeypatch):
    from annotator.cli import gui_cmd
    from annotator.cli.display_check import debian_package

    assert debian_package("libxcb-icccm.so.4") == "libxcb-icccm4"
    assert debian_package("libxkbcommon-x11.so.0") == "libxkbcommon-x11-0"
    monkeypatch.setenv("DISPLAY", ":0")
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setattr(gui_cmd.sys, "platform", "linux")
    monkeypatch.setattr(gui_cmd, "missing_xcb_libraries", lambda: ["libxcb-cursor.so.0"])
    code, _, err = run(capsys)
    assert code == 2
    assert "libxcb-cursor.so.0" in err and "apt-get install libxcb-cursor0" in err


def test_a_folder_is_imported_in_natural_order_and_a_closed_pipe_is_no_error(capsys, tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for n in (1, 2, 10):
        (folder / f"a{n}.txt").write_text(f"Story {n}\n\nThe council met on day {n}.\n")
    db = tmp_path / "p.sqlite"
    assert main(["import", "--db", str(db), str(folder)]) == 0
    capsys.readouterr()
    assert main(["list", "--db", str(db)]) == 0
    titles = [line.split("Story")[-1].strip() for line in capsys.readouterr().out.splitlines()[1:]]
    assert titles == ["1", "2", "10"]  # a2 before a10, as a person counts
    listing = subprocess.Popen(
        [sys.executable, "-m", "annotator", "list", "--db", str(db)],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )  # fmt: skip
    assert listing.stdout is not None
    listing.stdout.close()  # `annotator list | head -0`: the reader is gone at once
    assert listing.wait(timeout=60) == 0
    assert b"Broken pipe" not in listing.stderr.read()
