"""CoNLL files (CoNLL-2003 IOB1 with -DOCSTART-, doccano's BIOES blocks) and spaCy/Prodigy
JSON Lines, written the way those tools write them (fixtures in tests/formats/field/)."""

from pathlib import Path

from annotator.jobs.importer import import_paths

FIELD = Path(__file__).parent / "field"


def _documents(project):
    found = []
    for summary in project.documents.list():
        document = project.documents.get(summary.id)
        spans = project.annotations.for_document(summary.id)
        found.append((document.text, [(a.layer, a.text) for a in spans]))
    return found


def test_conll_2003_with_iob1_tags_and_docstart_lines(project):
    report = import_paths(project, [FIELD / "conll2003-iob1.conll"])
    assert report.refused == [] and report.complete
    assert report.files[0].read_as.startswith("read as conll")
    (first, first_spans), (second, second_spans) = _documents(project)
    assert first == "Mayor Adaeze Okafor opened the Tamsin bridge.\nNorthwind Ltd built it."
    assert first_spans == [
        ("actor", "Adaeze Okafor"),
        ("LOC", "Tamsin"),
        ("actor", "Northwind Ltd"),
    ]
    assert second == 'Union leader Jonas Brandt (Wendhausen transit union) said " no ".'
    assert second_spans == [("actor", "Jonas Brandt"), ("actor", "Wendhausen transit union")]
    kinds = {a.name: a.kind.value for a in project.actors.list()}
    assert kinds["Northwind Ltd"] == "organisation" and kinds["Adaeze Okafor"] == "person"


def test_doccano_conll_blocks_with_bioes_tags_are_one_document_each(project):
    report = import_paths(project, [FIELD / "doccano-bioes.conll"])
    assert report.complete
    assert _documents(project) == [
        ("Councillor Tomás Reyes voted against EldenCorp.",
         [("actor", "Tomás Reyes"), ("actor", "EldenCorp")]),
        ("Save the Quay welcomed it.", [("actor", "Save the Quay")]),
    ]  # fmt: skip


def test_prodigy_and_spacy_jsonl_spans_relations_and_rejected_answers(project):
    report = import_paths(project, [FIELD / "prodigy-ner.jsonl"])
    assert report.refused == []
    assert report.files[0].read_as.startswith("read as prodigy")
    assert report.losses.counts == {"Prodigy answers 'reject' (not annotations)": 1}
    docs = dict(_documents(project))
    assert docs["Okafor said the barrier would hold."] == [
        ("actor", "Okafor"), ("quote", "the barrier would hold"),
    ]  # fmt: skip
    assert sorted(docs["Brandt 🚆 spoke to Wendhausen."]) == [
        ("actor", "Brandt"), ("actor", "Wendhausen"), ("speaker", "Brandt"),
    ]  # fmt: skip
    first = next(d for d in project.documents.list() if d.title.startswith("Okafor"))
    quote = next(a for a in project.annotations.for_document(first.id) if a.layer == "quote")
    assert quote.annotator == "news-ner-ana"
    [speaker] = quote.links
    assert speaker.type == "speaker" and project.actors.get(speaker.actor_id).name == "Okafor"
