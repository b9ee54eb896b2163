"""A brat collection as brat users write them (fixture: tests/formats/field/brat-collection)."""

from pathlib import Path

from annotator.jobs.exporter import export
from annotator.jobs.importer import import_paths

COLLECTION = Path(__file__).parent / "field" / "brat-collection"


def test_a_collection_with_events_references_and_an_empty_ann_keeps_what_it_can(project):
    report = import_paths(project, [COLLECTION])
    assert report.refused == [], report.refused
    assert report.imported == 2  # the document whose .ann is empty too
    assert report.files[0].read_as.startswith("read as brat")
    lost = report.losses.counts
    assert lost == {
        "events (E lines)": 1,
        "relations to or from events or relations": 1,
        "attributes of events or relations (A/M lines)": 2,
        "notes on events or relations (# lines)": 1,
        "references of events or relations (N lines)": 1,
        "equivalences (* lines; read the mentions' actors instead)": 1,
    }
    assert not report.complete  # exit status 1: something was not taken
    first = next(d for d in project.documents.list() if d.annotations)
    spans = {a.text: a for a in project.annotations.for_document(first.id)}
    assert set(spans) == {"Adaeze Okafor", "Port Elden", "signed", "Northwind Ltd", "Okafor"}
    okafor = project.actors.get(spans["Adaeze Okafor"].actor_id)
    assert okafor.external_id == "Wikidata:Q99999901"
    assert spans["Adaeze Okafor"].attributes["Role"] == "Mayor"
    assert spans["Northwind Ltd"].attributes["note"] == "checked against the register"
    [affiliation] = spans["Adaeze Okafor"].links
    assert affiliation.type == "Affiliation"


def test_brat_attributes_with_values_go_back_out_as_a_lines(project, tmp_path):
    import_paths(project, [COLLECTION])
    role = project.scheme.load().layer("actor").attribute("Role")
    assert role.kind.value == "choice" and role.choices == ("Mayor",)
    out = tmp_path / "out"
    export(project, "brat", out)
    ann = "\n".join(p.read_text() for p in out.glob("*.ann"))
    assert any(line.startswith("A") and "\tRole T" in line and line.endswith(" Mayor")
               for line in ann.splitlines()), ann  # fmt: skip
    assert "Role" not in "".join(line for line in ann.splitlines() if line.startswith("#"))


def test_our_own_export_of_a_document_without_spans_comes_back(project, tmp_path):
    import_paths(project, [COLLECTION])
    out = tmp_path / "again"
    export(project, "brat", out)
    assert any(p.stat().st_size == 0 for p in out.glob("*.ann"))
    from annotator.store.project import Project

    with Project.open(tmp_path / "other.sqlite") as other:
        report = import_paths(other, [out])
        assert report.refused == [] and report.imported == 2


def test_a_malformed_line_is_refused_in_words_not_python_exception_text(db_path, tmp_path):
    from tests.conftest import refused_leaving_unchanged

    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "a.txt").write_text("Okafor met Reyes.\n")
    (folder / "a.ann").write_text("T1\tPerson 0 6\tOkafor\nR1\tMet Arg1:T1\n")
    error = refused_leaving_unchanged(db_path, folder)
    assert error.line == 2 and "a field is missing" in error.reason
    assert "Error(" not in error.reason
