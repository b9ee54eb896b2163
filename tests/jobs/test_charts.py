"""Charts: the tables behind them, and the files a paper takes (PNG, SVG, PDF, CSV)."""

import csv
import math
from datetime import date

import pytest

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.jobs.charts import chart_table
from tests.cli.test_cli import run


@pytest.fixture
def corpus(project):
    project.documents.add_many([
        DocumentDraft(text="Okafor spoke. Reyes spoke. Union spoke.", title="A",
                      published=date(2024, 1, 10), source="Courier"),
        DocumentDraft(text="Okafor again. Reyes again. Union again.", title="B",
                      published=date(2024, 3, 2), source="Gazette"),
    ])  # fmt: skip
    ids = {n: project.actors.create(ActorDraft(n, k)).id for n, k in (
        ("Okafor", ActorKind.PERSON), ("Reyes", ActorKind.PERSON),
        ("Union", ActorKind.ORGANISATION))}  # fmt: skip
    for doc in (1, 2):
        text = project.documents.get(doc).text
        for name, actor in ids.items():
            at = text.index(name)
            project.annotations.create(doc, AnnotationDraft("actor", at, at + len(name),
                                                            actor_id=actor))  # fmt: skip
            project.annotations.create(doc, AnnotationDraft(
                "quote", at, at + len(name) + 6, attributes={"kind": "direct"},
                links=(LinkDraft("speaker", actor_id=actor),)))  # fmt: skip
    stances = [(1, "Okafor", "for"), (1, "Reyes", "against"), (2, "Okafor", "for"),
               (2, "Union", "against")]  # fmt: skip
    for n, (doc, name, stance) in enumerate(stances):
        project.annotations.create(doc, AnnotationDraft(
            "claim", n % 2 * 14, n % 2 * 14 + 5,
            attributes={"kind": "evaluation", "topic": "barrier", "stance": stance},
            links=(LinkDraft("claimant", actor_id=ids[name]),)))  # fmt: skip
    return project


def test_the_tables(corpus):
    actors = chart_table(corpus, "actors")
    assert actors.categories[0] == "Okafor"
    assert actors.series["mentions"][0] == 2 and actors.series["claims"][0] == 2
    speakers = chart_table(corpus, "speakers", period="month")
    assert speakers.categories == ["2024-01", "2024-02", "2024-03"]  # the months between too
    assert speakers.series["Okafor"] == [1, 0, 1]
    stance = chart_table(corpus, "stance")
    row = dict(zip(stance.columns, stance.matrix[stance.categories.index("Okafor")],
                   strict=True))  # fmt: skip
    assert row == {"barrier": 1.0}
    union = stance.matrix[stance.categories.index("Union")][0]
    assert union == -1.0 and not math.isnan(union)
    kinds = chart_table(corpus, "kinds")
    assert dict(zip(kinds.categories, kinds.series["share of quotes (%)"], strict=True)) == {
        "person": pytest.approx(200 / 3), "organisation": pytest.approx(100 / 3)}  # fmt: skip


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".csv"])
def test_files_for_a_paper(capsys, corpus, tmp_path, suffix):
    out = tmp_path / f"stance{suffix}"
    code, _, err = run(capsys, "chart", "stance", "--db", str(corpus.db.where),
                             "--out", str(out))  # fmt: skip
    assert code == 0, err
    data = out.read_bytes()
    assert data[:4] == {".png": b"\x89PNG", ".svg": b"<?xm", ".pdf": b"%PDF",
                        ".csv": b"acto"}[suffix]  # fmt: skip
    if suffix == ".svg":  # text stays text (the title was once only in a comment)
        import xml.etree.ElementTree as ET

        texts = [t.text for t in ET.fromstring(data).iter("{http://www.w3.org/2000/svg}text")]
        assert "Stance by actor and topic" in texts
    if suffix == ".pdf":  # fonts embedded as TrueType, not the Type 3 journals refuse
        assert b"/Type3" not in data and b"/CIDFontType2" in data
    if suffix == ".csv":
        assert next(csv.reader(out.open(encoding="utf-8"))) == ["actor", "barrier"]


def test_filters_and_an_empty_chart(capsys, corpus, tmp_path):
    code, printed, _ = run(capsys, "chart", "topics", "--db", str(corpus.db.where),
                           "--source", "Nowhere", "--out", str(tmp_path / "t.png"))  # fmt: skip
    assert code == 1 and "nothing to chart" in printed


def test_a_click_finds_the_bar_drawn_there():
    from annotator.charts.figures import bar_at, bar_position

    for groups in (1, 2, 3):
        for row in range(4):
            for number in range(groups):
                assert bar_at(bar_position(row, number, groups), groups) == (row, number)
