"""CoNLL/IOB2: checked with seqeval in strict IOB2 mode and converted by `spacy convert`."""

import subprocess
import sys

import pytest
from seqeval.scheme import IOB2, Entities
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from annotator.cli.main import main
from annotator.domain.words import tokenize
from annotator.jobs.exporter import export
from annotator.store.exporting import ExportFilter
from tests.formats.corpus import build


def read_conll(path):
    documents, sentence = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("-DOCSTART-"):
            documents.append([])
            continue
        if not line.strip():
            if sentence:
                documents[-1].append(sentence)
            sentence = []
            continue
        token, pos, chunk, tag = line.split(" ")
        assert (pos, chunk) == ("-X-", "_")
        sentence.append((token, tag))
    if sentence:
        documents[-1].append(sentence)
    return documents


@pytest.fixture
def exported(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "actors.conll"
    return project, out, export(project, "conll", out)


def test_tags_are_strict_iob2_and_every_outermost_mention_is_an_entity(exported):
    project, out, result = exported
    documents = read_conll(out)
    assert len(documents) == 3
    for number, sentences in enumerate(documents, start=1):
        tags = [[tag for _, tag in sentence] for sentence in sentences]
        entities = Entities(tags, IOB2).entities  # strict mode drops ill-formed chunks
        found = [(e.tag, sentence) for sentence, chunk in enumerate(entities) for e in chunk]
        text = project.documents.get(number).text
        tokens = [text[s:e] for s, e in tokenize(text)]
        assert [t for sentence in sentences for t, _ in sentence] == [
            "".join(t.split()) for t in tokens
        ]
        spans = sorted(
            (a for a in project.annotations.for_document(number) if a.layer == "actor"),
            key=lambda a: (a.start, -(a.end - a.start)),
        )
        outer = [a for i, a in enumerate(spans) if not any(o.start <= a.start and a.end <= o.end
                                                          for o in spans[:i])]  # fmt: skip
        assert len(found) == len(outer)
    assert {"PER", "ORG"} <= {tag.split("-")[1] for doc in documents for s in doc
                                      for _, tag in s if tag != "O"}  # fmt: skip
    assert any("nested" in line for line in result.report.lines())


def test_spacy_convert_accepts_the_file(exported, tmp_path):
    _, out, _ = exported
    target = tmp_path / "spacy"
    target.mkdir()
    done = subprocess.run(
        [sys.executable, "-m", "spacy", "convert", str(out), str(target), "--converter",
         "conll", "--n-sents", "10"],
        capture_output=True, text=True,
    )  # fmt: skip
    assert done.returncode == 0, done.stdout + done.stderr
    docs = list(DocBin().from_disk(target / "actors.spacy").get_docs(Vocab()))
    entities = [(ent.text, ent.label_) for doc in docs for ent in doc.ents]
    assert ("Mayor Zoe\u0301 Okafor", "PER") in entities
    assert ("Die Gewerkschaft", "ORG") in entities
    assert ("الوزير سامر الحدّاد", "PER") in entities


def test_one_layer_per_file(exported, tmp_path, capsys, db_path):
    project, _, _ = exported
    quotes = tmp_path / "quotes.conll"
    export(project, "conll", quotes, ExportFilter(layers=frozenset({"quote"})))
    tags = {line.split(" ")[-1] for line in quotes.read_text().splitlines() if " " in line}
    assert tags - {"O"} == {"B-QUOTE", "I-QUOTE"}
    project.close()
    code = main(["export", "--db", str(db_path), "--format", "conll", "--layer", "actor",
                 "--layer", "quote", "--out", str(tmp_path / "x.conll")])  # fmt: skip
    assert code == 2
    assert "one layer" in capsys.readouterr().err
