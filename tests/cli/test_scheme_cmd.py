"""`annotator scheme`: the scheme a user can read, export, edit and put back."""

import yaml

from annotator.cli.main import main
from annotator.domain.annotations import AnnotationDraft
from annotator.domain.documents import DocumentDraft
from annotator.store.project import Project


def test_export_edit_and_import_the_scheme(capsys, tmp_path):
    db = str(tmp_path / "p.sqlite")
    assert main(["scheme", "--db", db]) == 0
    shown = yaml.safe_load(capsys.readouterr().out)
    assert [layer["name"] for layer in shown["layers"]] == ["actor", "quote", "claim"]
    path = tmp_path / "scheme.yaml"
    assert main(["scheme", "--db", db, "--export", str(path)]) == 0
    scheme = yaml.safe_load(path.read_text(encoding="utf-8"))
    scheme["layers"].append(
        {"name": "source", "title": "Source", "color": "#795548", "hotkey": "S",
         "attributes": [{"name": "reliable", "kind": "boolean"}]}
    )  # fmt: skip
    path.write_text(yaml.safe_dump(scheme, allow_unicode=True), encoding="utf-8")
    assert main(["scheme", "--db", db, "--import", str(path)]) == 0
    with Project.open(db) as project:
        layer = project.scheme.load().layer("source")
        assert layer.hotkey == "S" and layer.attributes[0].name == "reliable"


def test_a_layer_in_use_cannot_be_dropped_and_bad_yaml_names_the_line(capsys, tmp_path):
    db = tmp_path / "p.sqlite"
    with Project.open(db) as project:
        project.documents.add_many([DocumentDraft(text="A quote here.", title="t")])
        project.annotations.create(1, AnnotationDraft("quote", 0, 7))
    path = tmp_path / "scheme.yaml"
    path.write_text("name: x\nlayers:\n  - name: actor\n", encoding="utf-8")
    assert main(["scheme", "--db", str(db), "--import", str(path)]) == 1
    assert "quote" in capsys.readouterr().err
    path.write_text("name: x\nlayers: [\n  - broken", encoding="utf-8")
    assert main(["scheme", "--db", str(db), "--import", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{path}:" in err and "not valid YAML" in err
    with Project.open(db) as project:
        assert [layer.name for layer in project.scheme.load().layers] == [
            "actor", "quote", "claim",
        ]  # fmt: skip
