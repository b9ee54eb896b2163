"""Titles and file names from data cannot drive the terminal: control characters are escaped."""

import json

from annotator.cli.main import main
from annotator.domain.documents import DocumentDraft

EVIL_TITLE = "Budget\x1b]0;pwned\x07\x1b[2J\nrefused fake.txt: all good\u202egnp.exe\x9b31m"


def test_list_and_show_print_control_characters_escaped(project, db_path, capsys):
    project.documents.add_many(
        [DocumentDraft(text="The council met.\nIt agreed.", title=EVIL_TITLE)]
    )
    assert main(["list", "--db", str(db_path)]) == 0
    listed = capsys.readouterr().out
    assert "\x1b" not in listed and "\x07" not in listed and "\x9b" not in listed
    assert "\u202e" not in listed
    assert "\\x1b]0;pwned\\x07" in listed
    assert len(listed.strip().splitlines()) == 2  # the header and one row: no fake line
    assert main(["show", "--db", str(db_path), "1"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\\x1b[2J" in shown
    assert "The council met.\nIt agreed." in shown  # the body keeps its own line breaks
    assert main(["list", "--db", str(db_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data[0]["title"] == EVIL_TITLE  # JSON carries it exactly, escaped


def test_refusal_lines_escape_file_names(db_path, tmp_path, capsys):
    bad = tmp_path / "evil\x1b[31m\nrefused nothing.txt"
    bad.write_bytes(b"\x00\x01\x02 binary")
    assert main(["import", "--db", str(db_path), str(bad)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err
    refusals = [line for line in err.splitlines() if line.startswith("refused")]
    assert len(refusals) == 1 and "\\x1b[31m\\x0arefused nothing.txt" in refusals[0]
