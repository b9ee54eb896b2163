"""Hostile or unlucky files: each is refused with a clear message, the others still import."""

import os
from pathlib import Path

import pytest

from annotator.cli.main import main
from annotator.domain.errors import InputError, UsageError
from annotator.formats.files import read_bytes_limited
from annotator.jobs.importer import import_paths
from annotator.jobs.splits import parse_split
from tests.conftest import dump


@pytest.fixture
def good(tmp_path):
    path = tmp_path / "good.txt"
    path.write_text("Council vote\nThe council voted to rebuild the bridge.\n")
    return path


def test_json_nested_100000_deep_is_refused_and_the_other_files_import(project, tmp_path, good):
    for name in ("deep.jsonl", "deep.json"):
        (tmp_path / name).write_text("[" * 100_000 + "]" * 100_000 + "\n")
    report = import_paths(project, [tmp_path / "deep.jsonl", tmp_path / "deep.json", good])
    assert report.imported == 1
    refused = {Path(e.path).name: e.reason for e in report.refused}
    assert set(refused) == {"deep.jsonl", "deep.json"}
    assert all("nested too deeply" in r for r in refused.values()), refused


def test_a_fifo_named_txt_is_refused_without_being_read(project, tmp_path, good):
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    report = import_paths(project, [fifo, good])  # would block for ever if opened
    [error] = report.refused
    assert error.path == str(fifo) and "named pipe" in error.reason
    assert report.imported == 1


def test_a_symlink_to_dev_zero_named_txt_is_refused(project, tmp_path, good, db_path):
    link = tmp_path / "zero.txt"
    link.symlink_to("/dev/zero")
    before = dump(db_path)
    report = import_paths(project, [link])
    [error] = report.refused
    assert "device" in error.reason
    assert dump(db_path) == before


def test_the_size_limit_is_enforced_on_the_bytes_read_not_the_reported_size(tmp_path):
    status = Path("/proc/self/status")  # a regular file whose reported size is 0
    assert status.stat().st_size == 0
    with pytest.raises(InputError, match="larger than the limit"):
        read_bytes_limited(status, limit=16)
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 100)
    with pytest.raises(InputError, match="the limit is"):
        read_bytes_limited(big, limit=50)


@pytest.mark.parametrize("name", ["../../x", "/tmp/x", ".hidden", "a/b", "tr ain", ""])
def test_split_names_that_could_leave_the_output_folder_are_refused(name):
    with pytest.raises(UsageError):
        parse_split(f"{name}=1.0")


def test_export_with_an_escaping_split_writes_nothing_anywhere(db_path, tmp_path, capsys):
    out = tmp_path / "deep" / "out"
    with pytest.raises(SystemExit) as exited:
        main(["export", "--db", str(db_path), "--format", "jsonl", "--out", str(out),
              "--split", "../../escaped=1.0"])  # fmt: skip
    assert exited.value.code == 2
    assert "bad split name" in capsys.readouterr().err
    assert not (tmp_path / "escaped.jsonl").exists()
    assert not out.exists()
