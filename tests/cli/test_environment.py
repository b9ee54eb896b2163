"""The machine says no: a full disk, a read-only medium, a damaged project. Each is one clear
line naming the file and the cause, with an exit status of its own, and nothing half done."""

import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from annotator.cli.exits import Exit
from annotator.cli.main import main
from annotator.store.backups import back_up, backup_folder
from annotator.store.project import Project


def _mount_tmpfs(where: Path, size: str) -> None:
    if os.geteuid() != 0:
        pytest.skip("mounting a small disk needs root")
    where.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
                          capture_output=True)  # fmt: skip
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path):
    disk = tmp_path / "disk"
    _mount_tmpfs(disk, "2m")
    yield disk
    subprocess.run(["umount", "-l", str(disk)], check=False)


def _fill(disk: Path) -> None:
    """Fill the disk to the last byte."""
    with (disk / "filler").open("wb", buffering=0) as handle:
        for chunk in (65536, 4096, 512, 1):
            try:
                while True:
                    handle.write(b"\0" * chunk)
            except OSError:
                continue


@pytest.fixture
def articles(tmp_path):
    folder = tmp_path / "articles"
    folder.mkdir()
    for i in range(3):
        (folder / f"a{i}.txt").write_text(f"Article {i}\n" + "The council met again. " * 4000)
    return folder


def test_import_onto_a_full_disk_says_so_and_changes_nothing(small_disk, articles, capsys):
    project = small_disk / "news.sqlite"
    Project.open(project).close()
    _fill(small_disk)
    before = project.read_bytes()
    assert main(["import", "--db", str(project), str(articles)]) == Exit.STORAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and str(project) in err[0], err
    assert "disk is full" in err[0] or "refused to read or write" in err[0], err
    assert project.read_bytes() == before
    (small_disk / "filler").unlink()
    with Project.open(project) as reopened:
        assert reopened.documents.count() == 0


def test_export_onto_a_full_disk_leaves_no_partial_file(small_disk, tmp_path, articles, capsys):
    project = tmp_path / "news.sqlite"
    assert main(["import", "--db", str(project), str(articles)]) == 0
    _fill(small_disk)
    out = small_disk / "out.jsonl"
    assert main(["export", "--db", str(project), "--format", "jsonl", "--out", str(out)]) == (
        Exit.STORAGE
    )
    err = capsys.readouterr().err
    assert "out.jsonl" in err and "No space left on device" in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_new_project_on_a_full_disk_leaves_no_empty_file(small_disk, capsys):
    _fill(small_disk)
    project = small_disk / "new.sqlite"
    assert main(["list", "--db", str(project)]) == Exit.STORAGE
    assert "new.sqlite" in capsys.readouterr().err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]


def test_a_project_on_a_read_only_medium_opens_read_only(tmp_path, articles, capsys):
    disk = tmp_path / "ro"
    _mount_tmpfs(disk, "4m")
    try:
        project = disk / "news.sqlite"
        assert main(["import", "--db", str(project), str(articles)]) == 0
        capsys.readouterr()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        before = project.read_bytes()
        assert main(["list", "--db", str(project)]) == Exit.OK
        assert "Article 0" in capsys.readouterr().out
        assert main(["import", "--db", str(project), str(articles)]) == Exit.READ_ONLY
        err = capsys.readouterr().err
        assert "read-only" in err and str(project) in err
        assert project.read_bytes() == before
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def _damage(path: Path, how: str) -> None:
    if how == "truncated":
        with path.open("r+b") as handle:
            handle.truncate(path.stat().st_size // 3)
    elif how == "overwritten":
        data = bytearray(path.read_bytes())
        for position in range(100, len(data), 997):
            data[position] ^= 0xA5
        path.write_bytes(bytes(data))
    else:
        path.write_text("these are my notes, not a project\n")


@pytest.mark.parametrize("how", ["truncated", "overwritten", "text"])
def test_a_damaged_project_names_itself_and_its_newest_backup(tmp_path, articles, how, capsys):
    project = tmp_path / "news.sqlite"
    assert main(["import", "--db", str(project), str(articles)]) == 0
    with sqlite3.connect(project) as connection:  # one file, as a copied project would be
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    backup = back_up(project)
    _damage(project, how)
    before = project.read_bytes()
    capsys.readouterr()
    status = main(["list", "--db", str(project)])
    err = capsys.readouterr().err
    assert status == Exit.PROJECT, err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1
    assert str(project) in err and str(backup) in err
    assert project.read_bytes() == before
    assert backup.parent == backup_folder(project)


def test_restore_backup_brings_the_project_back_and_keeps_the_damaged_one(tmp_path, articles):
    project = tmp_path / "news.sqlite"
    assert main(["import", "--db", str(project), str(articles)]) == 0
    assert main(["backup", "--db", str(project)]) == 0
    [backup] = list(backup_folder(project).iterdir())
    _damage(project, "truncated")
    assert main(["restore-backup", str(backup), "--db", str(project)]) == 0
    with Project.open(project) as restored:
        assert restored.documents.count() == 3
    assert [p.name for p in tmp_path.glob("news.sqlite.replaced-*")]


def test_a_folder_that_cannot_be_made_is_a_storage_failure(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    assert main(["list", "--db", str(blocker / "sub" / "p.sqlite")]) == Exit.STORAGE
    err = capsys.readouterr().err
    assert str(blocker) in err and "Traceback" not in err
