"""Every file in tests/formats/field/, imported as a new user would: each span the source
holds is either stored exactly (its covered text as the source says) or counted as not taken.
Never a complete import (exit status 0) with a span missing."""

import json
from collections import Counter
from pathlib import Path

import pytest

from annotator.jobs.importer import import_paths
from annotator.store.project import Project

FIELD = Path(__file__).parent / "field"
FILES = sorted(FIELD.iterdir())  # files, and the brat collection as one folder


def _doccano(path: Path) -> list[str]:
    covered = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        for key in ("entities", "label", "labels", "annotations"):
            for entity in record.get(key) or []:
                if isinstance(entity, dict):
                    covered.append(record["text"][entity["start_offset"] : entity["end_offset"]])
                elif isinstance(entity, list) and len(entity) >= 3:
                    covered.append(record["text"][entity[0] : entity[1]])
    return covered


def _labelstudio(path: Path) -> list[str]:
    tasks = json.loads(path.read_text(encoding="utf-8"))
    covered = []
    for task in tasks if isinstance(tasks, list) else [tasks]:
        for annotation in task.get("annotations") or task.get("completions") or []:
            for result in annotation["result"]:
                if result.get("type", "").endswith("labels"):
                    covered.append(result["value"]["text"])
    return covered


def _prodigy(path: Path) -> list[str]:
    covered = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        groups = record.get("spans")
        groups = list(groups.values()) if isinstance(groups, dict) else [groups or []]
        for spans in [*groups, record.get("ents") or []]:
            covered += [record["text"][s["start"] : s["end"]] for s in spans]
    return covered


def _conll(path: Path) -> list[str]:
    covered, current = [], None
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        columns = line.split()
        tag = columns[-1] if len(columns) >= 2 and columns[0] != "-DOCSTART-" else "O"
        prefix, _, label = tag.partition("-")
        if current and (prefix in "IEL" and label == current[0] and prefix != "O"):
            current[1].append(columns[0])
        else:
            if current:
                covered.append("".join(current[1]))
            current = [label, [columns[0]]] if prefix in "BIESLU" and label else None
        if current and prefix in "ESLU":
            covered.append("".join(current[1]))
            current = None
    return covered


def _brat(folder: Path) -> list[str]:
    return [
        line.split("\t")[2]
        for ann in folder.glob("*.ann")
        for line in ann.read_text(encoding="utf-8").splitlines()
        if line.startswith("T")
    ]


def _source_spans(path: Path) -> list[str]:
    if path.is_dir():
        return _brat(path)
    if path.suffix == ".conll":
        return _conll(path)
    if path.name.startswith("labelstudio"):
        return _labelstudio(path)
    if path.name.startswith("prodigy"):
        return _prodigy(path)
    return _doccano(path)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_each_span_is_stored_exactly_or_counted_as_not_taken(path, tmp_path):
    source = Counter(_source_spans(path))
    with Project.open(tmp_path / "p.sqlite") as project:
        report = import_paths(project, [path])
        stored = Counter()
        for summary in project.documents.list():
            text = project.documents.get(summary.id).text
            for span in project.annotations.for_document(summary.id):
                stored[text[span.start : span.end]] += 1
    if path.suffix == ".conll":  # tokens re-joined with spaces: compare without them
        stored = Counter({"".join(k.split()): n for k, n in stored.items()})
    missing = source - stored
    assert not (stored - source), f"spans the source does not have: {stored - source}"
    if report.complete:
        assert not missing, f"exit status 0, yet {missing} were not stored"
    else:
        assert report.refused or report.losses.total >= sum(missing.values())
