"""REFI-QDA export: validated against the official Project.xsd, offsets per target program."""

import zipfile
from pathlib import Path

import pytest
from lxml import etree

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from tests.cli.test_cli import run

XSD = Path(__file__).parents[3] / "shared" / "refi-qda" / "Project.xsd"
NS = {"q": "urn:QDA-XML:project:1.0"}
TEXT = "👩🏽\u200d🚒 Cafe\u0301 news.\r\n“We will hold,” Okafor said.\r\nقال قطر إن الاجتماع انتهى."


@pytest.fixture
def exported(project):
    project.documents.add_many([DocumentDraft(text=TEXT, title="Mixed scripts")])
    okafor = project.actors.create(ActorDraft("Adaeze Okafor", ActorKind.PERSON, ("Okafor",)))
    start = TEXT.index("“")
    quote = project.annotations.create(1, AnnotationDraft(
        "quote", start, TEXT.index(" Okafor said"), attributes={"kind": "direct", "cue": "said"},
        links=(LinkDraft("speaker", actor_id=okafor.id),)))  # fmt: skip
    name = TEXT.index("Okafor said")
    mention = project.annotations.create(1, AnnotationDraft(
        "actor", name, name + 6, actor_id=okafor.id))  # fmt: skip
    return project, quote, mention


def _export(capsys, project, out, *extra):
    code, _out, err = run(capsys, "export", "--db", str(project.db.where), "--format", "qdpx",
                          "--out", str(out), *extra)  # fmt: skip
    assert code == 0, err
    archive = zipfile.ZipFile(out)
    qde = archive.read("project.qde")
    return archive, qde, etree.fromstring(qde)


def test_the_project_validates_against_the_official_schema(capsys, exported, tmp_path):
    project, quote, _mention = exported
    archive, qde, root = _export(capsys, project, tmp_path / "p.qdpx")
    assert qde.startswith(b"<?xml") and not qde.startswith(b"\xef\xbb\xbf")  # no BOM
    schema = etree.XMLSchema(etree.parse(str(XSD)))
    schema.assertValid(root)
    [source] = root.findall(".//q:TextSource", NS)
    assert "richTextPath" not in source.attrib
    assert source.get("plainTextPath") == f"internal://{source.get('guid')}.txt"
    assert archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8") == TEXT
    selections = {s.get("name"): s for s in source.findall("q:PlainTextSelection", NS)}
    said = selections["“We will hold,”"]
    assert int(said.get("startPosition")) == quote.start == TEXT.index("“")  # code points
    assert said.find("q:Description", NS).text == "speaker: Adaeze Okafor; cue: said"
    codes = {c.get("guid"): c.get("name") for c in root.iter("{urn:QDA-XML:project:1.0}Code")}
    refs = said.findall("q:Coding/q:CodeRef", NS)
    assert sorted(codes[r.get("targetGUID")] for r in refs) == ["Quote", "kind: direct"]
    [case] = root.findall(".//q:Case", NS)
    assert case.get("name") == "Adaeze Okafor" and len(case.findall("q:SelectionRef", NS)) == 2


def test_guids_are_kept_between_exports(capsys, exported, tmp_path):
    project, _quote, _mention = exported
    _a, _q, first = _export(capsys, project, tmp_path / "one.qdpx")
    _a, _q, second = _export(capsys, project, tmp_path / "two.qdpx")

    def guids(root):
        return sorted(e.get("guid") for e in root.iter() if e.get("guid"))

    assert guids(first) == guids(second)


@pytest.mark.parametrize(("target", "unit"), [("nvivo", "utf16"), ("atlasti", "crlf-one"),
                                              ("maxqda", "crlf-text")])  # fmt: skip
def test_targets_adjust_for_each_programs_counting(capsys, exported, tmp_path, target, unit):
    project, quote, _mention = exported
    archive, _qde, root = _export(capsys, project, tmp_path / f"{target}.qdpx",
                                  "--qdpx-target", target)  # fmt: skip
    [source] = root.findall(".//q:TextSource", NS)
    text = archive.read(f"sources/{source.get('guid')}.txt").decode("utf-8")
    said = next(s for s in source.findall("q:PlainTextSelection", NS)
                if s.get("name").startswith("“"))  # fmt: skip
    start = int(said.get("startPosition"))
    before = TEXT[: quote.start]
    if unit == "utf16":
        assert start == len(before.encode("utf-16-le")) // 2
    elif unit == "crlf-one":
        assert start == len(before) - before.count("\r\n")
    else:
        assert text.count("\r\n") == TEXT.count("\r\n") and start == quote.start
        assert text[start : int(said.get("endPosition"))] == "“We will hold,”"


def test_our_export_comes_back_whole(capsys, exported, tmp_path):
    from annotator.store.project import Project

    project, _quote, _mention = exported
    out = tmp_path / "round.qdpx"
    _export(capsys, project, out)
    with Project.open(tmp_path / "other.sqlite", "importer") as other:
        code, _, err = run(capsys, "import", "--db", str(other.db.where), str(out))
        assert code == 0, err
        [document] = other.documents.list()
        spans = other.annotations.for_document(document.id)
        by_layer = {a.layer: a for a in spans}
        assert set(by_layer) == {"quote", "actor"}
        quote = by_layer["quote"]
        assert quote.attributes == {"kind": "direct", "cue": "said"}
        okafor = next(a for a in other.actors.list() if a.name == "Adaeze Okafor")
        assert okafor.aliases == ("Okafor",) and okafor.kind is ActorKind.PERSON
        assert [link.actor_id for link in quote.links] == [okafor.id]
        assert by_layer["actor"].actor_id == okafor.id
        assert quote.annotator == "tester"  # the creating user


FOREIGN = """<?xml version="1.0" encoding="utf-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="Interviews" origin="MAXQDA 2022">
  <Users><User guid="{6E8E6E1A-0000-4000-8000-000000000001}" name="Jo"/></Users>
  <CodeBook><Codes>
    <Code guid="{6E8E6E1A-0000-4000-8000-0000000000C1}" name="Housing" isCodable="true">
      <Code guid="{6E8E6E1A-0000-4000-8000-0000000000C2}" name="Rent" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Cases><Case guid="{6E8E6E1A-0000-4000-8000-0000000000A1}" name="Tenant A">
    <SelectionRef targetGUID="{6E8E6E1A-0000-4000-8000-0000000000E1}"/></Case></Cases>
  <Sources>
    <TextSource guid="{6E8E6E1A-0000-4000-8000-0000000000D1}" name="Interview 1"
                plainTextPath="internal://6E8E6E1A-0000-4000-8000-0000000000D1.txt">
      <PlainTextSelection guid="{6E8E6E1A-0000-4000-8000-0000000000E1}" name="rent"
          startPosition="4" endPosition="14"
          creatingUser="{6E8E6E1A-0000-4000-8000-000000000001}">
        <Coding guid="{6E8E6E1A-0000-4000-8000-0000000000F1}">
          <CodeRef targetGUID="{6E8E6E1A-0000-4000-8000-0000000000C2}"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="{6E8E6E1A-0000-4000-8000-0000000000E2}" name="bad"
          startPosition="10" endPosition="999"/>
    </TextSource>
    <PictureSource guid="{6E8E6E1A-0000-4000-8000-0000000000B1}" path="relative://map.png"/>
  </Sources>
  <Notes><Note guid="{6E8E6E1A-0000-4000-8000-0000000000B2}"/></Notes>
</Project>"""


def test_a_project_from_another_program_and_what_it_could_not_take(capsys, project, tmp_path):
    path = tmp_path / "maxqda.qdpx"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", FOREIGN)
        archive.writestr("Sources/6E8E6E1A-0000-4000-8000-0000000000D1.txt",
                         "The rent doubled last year.")  # fmt: skip
    code, printed, err = run(capsys, "import", "--db", str(project.db.where), str(path))
    assert code == 1  # something was not taken: said, and counted
    assert "read as qdpx" in err or "qdpx" in printed + err
    for lost in ("selections outside their text", "picturesources", "notes"):
        assert lost in (printed + err).lower()
    [document] = project.documents.list()
    [span] = project.annotations.for_document(document.id)
    assert (span.layer, span.label, span.text, span.annotator) == (
        "Housing", "Rent", "rent doubl", "Jo")  # fmt: skip
    assert project.actors.get(span.actor_id).name == "Tenant A"  # the case that refers to it


def _qdpx(path, qde, files):
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("project.qde", qde)
        for name, data in files.items():
            archive.writestr(name, data)
    return path


# As a line-based coding tool writes it: a bare file name as plainTextPath (no internal://),
# no source name, selections named by line, a code book deeper than what is used.
LINE_TOOL = """<?xml version="1.0" encoding="UTF-8"?>
<Project xmlns="urn:QDA-XML:project:1.0" name="qc" origin="line tool">
  <Users><User guid="11111111-0000-4000-8000-000000000001" name="cp"/></Users>
  <CodeBook><Codes>
    <Code guid="11111111-0000-4000-8000-0000000000c1" name="rq1" isCodable="true">
      <Code guid="11111111-0000-4000-8000-0000000000c2" name="equity" isCodable="true"/>
      <Code guid="11111111-0000-4000-8000-0000000000c3" name="unused" isCodable="true"/>
    </Code>
    <Code guid="11111111-0000-4000-8000-0000000000c4" name="rq2" isCodable="true"/>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="11111111-0000-4000-8000-0000000000d1" plainTextPath="board_2019.txt">
      <PlainTextSelection guid="11111111-0000-4000-8000-0000000000e1" name="line:1"
          startPosition="0" endPosition="9">
        <Coding guid="11111111-0000-4000-8000-0000000000f1"
                creatingUser="11111111-0000-4000-8000-000000000001">
          <CodeRef targetGUID="11111111-0000-4000-8000-0000000000c2"/></Coding>
      </PlainTextSelection>
      <PlainTextSelection guid="11111111-0000-4000-8000-0000000000e2" name="line:2"
          startPosition="10" endPosition="20"/>
    </TextSource>
    <TextSource guid="11111111-0000-4000-8000-0000000000d2" plainTextPath="minutes.txt"/>
    <TextSource guid="11111111-0000-4000-8000-0000000000d3"
                plainTextPath="relative://elsewhere/notes.txt"/>
    <TextSource guid="11111111-0000-4000-8000-0000000000d4" plainTextPath="latin1.txt"/>
  </Sources>
</Project>"""


def test_a_line_tools_project_is_read_as_its_writer_meant_it(capsys, project, tmp_path):
    path = _qdpx(tmp_path / "qc.qdpx", LINE_TOOL, {
        "sources/board_2019.txt": "Equity is\nour goal.\n",
        "sources/minutes.txt": "The board met.\n",
        "sources/latin1.txt": "Caf\xe9 cr\xe8me".encode("latin-1"),
    })  # fmt: skip
    code, printed, err = run(capsys, "import", "--db", str(project.db.where), str(path))
    said = (printed + err).lower()
    assert code == 1  # three things were not taken, each said
    for lost in ("1 × sources outside the file", "1 × sources not in utf-8",
                 "1 × selections coded with nothing"):  # fmt: skip
        assert lost in said, said
    titles = sorted(d.title for d in project.documents.list())
    assert titles == ["board_2019", "minutes"]  # named by their files; nothing made up
    board = next(d for d in project.documents.list() if d.title == "board_2019")
    [span] = project.annotations.for_document(board.id)
    assert (span.layer, span.label, span.text, span.annotator) == ("rq1", "equity", "Equity is",
                                                                   "cp")  # fmt: skip
    scheme = project.scheme.load()  # the whole code book, used or not
    assert [label.name for label in scheme.layer("rq1").labels] == ["equity", "unused"]
    assert scheme.layer("rq2").labels == ()


# As a program that keeps its documents as rich text writes it: the plain text is empty and
# the words are in the .docx beside it; the code book has codes and nothing is coded yet.
RICH_ONLY = """<?xml version="1.0" encoding="UTF-8" standalone="no" ?>
<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="a rich-text program">
  <Users><User guid="22222222-0000-4000-8000-000000000001" name="jo"/></Users>
  <CodeBook><Codes>
    <Code guid="22222222-0000-4000-8000-0000000000c1" name="Housing" isCodable="true">
      <Code guid="22222222-0000-4000-8000-0000000000c2" name="Rent" isCodable="true"/>
    </Code>
  </Codes></CodeBook>
  <Sources>
    <TextSource guid="22222222-0000-4000-8000-0000000000d1" name="Interview"
        plainTextPath="internal://22222222-0000-4000-8000-0000000000d1.txt"
        richTextPath="internal://22222222-0000-4000-8000-0000000000d1.docx"/>
  </Sources>
</Project>"""


def test_a_source_with_only_rich_text_is_counted_and_the_code_book_kept(capsys, project,
                                                                        tmp_path):  # fmt: skip
    path = _qdpx(tmp_path / "rich.qdpx", RICH_ONLY, {
        "sources/22222222-0000-4000-8000-0000000000d1.txt": "\n",
        "sources/22222222-0000-4000-8000-0000000000d1.docx": b"PK\x03\x04 not read",
    })  # fmt: skip
    code, printed, err = run(capsys, "import", "--db", str(project.db.where), str(path))
    assert code == 1 and "plain text is empty (their rich text is not read)" in printed + err
    assert project.documents.list() == []  # no empty article stands in for it
    assert [label.name for label in project.scheme.load().layer("Housing").labels] == ["Rent"]


def test_a_qda_tool_opens_our_project(capsys, exported, tmp_path, monkeypatch):
    """qualitative-coding (``qc``), a line-based QDA tool with a REFI-QDA reader, imports our
    export: the articles, the code tree, the annotator and the coded places."""
    pytest.importorskip("qualitative_coding")
    import sqlite3
    import sys

    from qualitative_coding.refi_qda.reader import REFIQDAReader

    project, _quote, _mention = exported
    out = tmp_path / "ours.qdpx"
    _export(capsys, project, out)
    target = tmp_path / "qc"
    target.mkdir()
    monkeypatch.chdir(target)  # qc makes its settings in the working folder
    monkeypatch.setattr(sys, "breakpointhook", lambda *a, **k: None)  # one is left in its reader
    REFIQDAReader(str(out)).unpack_project(str(target))
    with sqlite3.connect(target / "qualitative_coding.sqlite3") as db:
        assert db.execute("SELECT count(*) FROM document").fetchone() == (1,)
        assert {name for (name,) in db.execute("SELECT name FROM coder")} == {"tester"}
        codes = {name for (name,) in db.execute("SELECT code_id FROM coded_line")}
    assert {"Quote", "kind: direct", "Actor mention"} <= codes
    assert (target / "codebook.yaml").read_text(encoding="utf-8").startswith("- Actor mention")
