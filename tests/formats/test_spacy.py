"""spaCy DocBin: loaded by spaCy itself; every span is kept, mentions are entities."""

import spacy
from spacy.tokens import DocBin

from annotator.jobs.exporter import export
from tests.formats.corpus import build


def test_docbin_loads_in_spacy_with_entities_spans_kb_ids_and_links(project, tmp_path):
    actors = build(project, tmp_path)
    out = tmp_path / "corpus.spacy"
    result = export(project, "spacy", out)
    docs = list(DocBin().from_disk(out).get_docs(spacy.blank("xx").vocab))
    assert len(docs) == 3
    for doc, summary in zip(docs, project.documents.list(), strict=True):
        stored = project.annotations.for_document(summary.id)
        assert doc.text == project.documents.get(summary.id).text
        kept = sorted((s.start_char, s.end_char) for group in doc.spans.values() for s in group)
        assert kept == sorted((a.start, a.end) for a in stored)  # every span, exactly
        data = doc.user_data["annotator"]
        assert len(data["spans"]) == len(stored)
    english = docs[0]
    entities = {(e.text, e.label_, e.kb_id_) for e in english.ents}
    okafor = actors["okafor"]
    assert ("Mayor Zoe\u0301 Okafor", "PER", f"actor:{okafor.id}") in entities
    assert (
        "The council (Port Elden City Council)",
        "ORG",
        f"actor:{actors['council'].id}",
    ) in entities
    nested = {(s.text, s.kb_id_) for s in english.spans["actor"]}
    assert ("Port Elden", "Q999") in nested  # the state's external id, kept in doc.spans
    claim = next(s for s in english.user_data["annotator"]["spans"] if s["layer"] == "claim")
    assert {link["type"] for link in claim["links"]} == {"claimant", "addressee", "responds_to"}
    assert any("overlapping mentions" in line for line in result.report.lines())
