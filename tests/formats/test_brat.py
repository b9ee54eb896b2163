"""brat standoff: every T line checked against the .txt by a strict reader; read back whole."""

import pytest

from annotator.jobs.exporter import export
from annotator.jobs.importer import import_paths
from annotator.store.project import Project
from tests.conftest import refused_leaving_unchanged
from tests.formats.corpus import build
from tests.formats.test_native import snapshot


def strict_brat_check(folder):
    """What brat's own server checks: each T line's text is the .txt at its offsets."""
    checked = 0
    for ann in sorted(folder.glob("*.ann")):
        text = ann.with_suffix(".txt").read_text(encoding="utf-8")
        for line in ann.read_text(encoding="utf-8").splitlines():
            if not line.startswith("T"):
                continue
            _ident, middle, shown = line.split("\t")
            _layer, positions = middle.split(" ", 1)
            fragments = [tuple(map(int, p.split())) for p in positions.split(";")]
            assert all(0 <= s < e <= len(text) for s, e in fragments), line
            assert all("\n" not in text[s:e] for s, e in fragments), line
            assert " ".join(text[s:e] for s, e in fragments) == shown, line
            checked += 1
    return checked


@pytest.fixture
def exported(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "brat"
    result = export(project, "brat", out)
    return project, out, result


def test_every_line_matches_the_text_and_line_breaks_make_fragments(exported):
    project, out, _ = exported
    assert strict_brat_check(out) == project.stats().annotations
    english = (out / "00001.ann").read_text(encoding="utf-8")
    # the claim crosses no break, but the first text has two lines: no fragment holds a newline
    assert "\tcue " not in english  # free-text attributes go to notes, not to brat menus
    assert "AnnotatorNotes" in english and "actor:a" in english
    conf = (out / "annotation.conf").read_text(encoding="utf-8")
    assert "[entities]" in conf and "speaker\tArg1:quote, Arg2:actor" in conf


def test_a_span_across_a_line_break_is_written_as_fragments_and_read_back_whole(project, tmp_path):
    from annotator.domain.annotations import AnnotationDraft
    from annotator.domain.documents import DocumentDraft

    project.documents.add_many([DocumentDraft(text="First line ends\nand goes on.", title="t")])
    project.annotations.create(1, AnnotationDraft("quote", 6, 27))
    out = tmp_path / "brat"
    export(project, "brat", out)
    ann = (out / "00001.ann").read_text(encoding="utf-8")
    assert "T1\tquote 6 15;16 27\tline ends and goes on" in ann
    with Project.open(tmp_path / "back.sqlite") as back:
        import_paths(back, [out])
        [quote] = back.annotations.for_document(1)
        assert (quote.start, quote.end) == (6, 27)


def test_reading_the_folder_back_recovers_spans_attributes_actors_and_links(exported, tmp_path):
    project, out, _ = exported
    with Project.open(tmp_path / "back.sqlite") as back:
        report = import_paths(back, [out])
        assert report.refused == [] and report.imported == 3
        before, after = snapshot(project), snapshot(back)
        for (_, text_a, _, _, spans_a), (_, text_b, _, _, spans_b) in zip(
            before, after, strict=True
        ):
            assert text_a == text_b

            def core(spans):  # brat keeps no annotator or origin
                return [(s[0], s[1], s[2], s[3], s[4], s[5], s[6], s[9]) for s in spans]

            assert core(spans_a) == core(spans_b)


def test_a_t_line_that_does_not_match_the_text_refuses_the_folder(exported, tmp_path, db_path):
    _, out, _ = exported
    ann = out / "00002.ann"
    lines = ann.read_text(encoding="utf-8").splitlines()
    first_t = next(i for i, line in enumerate(lines) if line.startswith("T"))
    ident, middle, shown = lines[first_t].split("\t")
    lines[first_t] = f"{ident}\t{middle}\t{shown}X"
    ann.write_text("\n".join(lines) + "\n", encoding="utf-8")
    error = refused_leaving_unchanged(tmp_path / "target.sqlite", out)
    assert error.path == str(ann) and error.line == first_t + 1 and "says" in error.reason
