"""Label Studio exports as Label Studio writes them (fixtures in tests/formats/field/)."""

from pathlib import Path

from annotator.jobs.importer import import_paths

FIELD = Path(__file__).parent / "field"


def _spans(project):
    [doc] = project.documents.list()
    return doc, project.annotations.for_document(doc.id)


def test_crlf_text_with_two_annotators_keeps_every_span_exact_and_credited(project):
    report = import_paths(project, [FIELD / "labelstudio-crlf-two-annotators.json"])
    assert report.refused == [] and report.complete, (report.refused, report.losses.lines())
    doc, spans = _spans(project)
    text = project.documents.get(doc.id).text
    assert "\r" not in text
    found = sorted((a.layer, text[a.start : a.end], a.annotator) for a in spans)
    assert found == [  # PER and ORG regions are actor mentions (the default label mapping)
        ("actor", "Adaeze Okafor", "label studio user 1"),
        ("actor", "She", "reviewer@example.org"),
        ("actor", "The council", "reviewer@example.org"),
        ("quote", 'the barrier "will hold"', "label studio user 1"),
    ]
    quote = next(a for a in spans if a.layer == "quote")
    assert quote.attributes == {"kind": "direct"}
    [speaker] = quote.links
    assert speaker.type == "speaker"  # "Speaker" matched to the scheme's attribute
    okafor = project.actors.get(speaker.actor_id)  # the actor of the mention it points at
    assert (okafor.name, okafor.kind.value) == ("Adaeze Okafor", "person")
    assert project.documents.get(doc.id).metadata["sentiment"] == "Positive"  # task-level


def test_label_studio_0x_completions_are_read(project):
    report = import_paths(project, [FIELD / "labelstudio-0x-completions.json"])
    assert report.complete
    _, [span] = _spans(project)
    assert (span.layer, span.text) == ("actor", "Okafor")


def test_regions_that_cannot_be_placed_are_counted_by_kind(project):
    report = import_paths(project, [FIELD / "labelstudio-hypertext-paragraphs.json"])
    assert report.refused == []
    assert not report.complete
    lost = report.losses.counts
    assert lost["HyperText regions (XPath offsets into HTML; not read)"] == 1
    assert lost["Paragraphs regions (offsets into dialogue turns; not read)"] == 1
    assert lost["Label Studio results of type 'rating'"] == 1
    _, [span] = _spans(project)
    assert span.text == "Okafor" and span.annotator == "label studio user 3"
