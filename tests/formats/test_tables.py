"""CSV tables: read back by pandas as a researcher would, formulas neutralised."""

import pandas as pd

from annotator.domain.actors import ActorDraft, ActorKind
from annotator.domain.annotations import AnnotationDraft, LinkDraft
from annotator.domain.documents import DocumentDraft
from annotator.formats.annotations.tables import safe
from annotator.jobs.exporter import export
from tests.formats.corpus import build


def test_tables_hold_quotes_claims_actors_and_every_span(project, tmp_path):
    build(project, tmp_path)
    out = tmp_path / "tables"
    export(project, "csv", out)
    assert sorted(p.name for p in out.iterdir()) == [
        "actors.csv", "claims.csv", "mentions.csv", "quotes.csv", "spans.csv",
    ]  # fmt: skip
    quotes = pd.read_csv(out / "quotes.csv", encoding="utf-8-sig")
    assert set(quotes["speaker"]) == {"Zoë Okafor", "Gewerkschaft", "Deutsche Bahn", "سامر الحدّاد"}
    assert "„Wir streiken morgen.“" in set(quotes["quote"])
    claims = pd.read_csv(out / "claims.csv", encoding="utf-8-sig")
    [claim] = claims.to_dict("records")
    assert (claim["claimant"], claim["addressee"], claim["stance"]) == (
        "Port Elden City Council", "Zoë Okafor", "against",
    )  # fmt: skip
    actors = pd.read_csv(out / "actors.csv", encoding="utf-8-sig").set_index("name")
    assert actors.loc["Port Elden City Council", "parent"] == "Port Elden"
    assert actors.loc["Zoë Okafor", "mentions"] == 2
    spans = pd.read_csv(out / "spans.csv", encoding="utf-8-sig")
    assert len(spans) == project.stats().annotations
    assert "responds_to: span" in " ".join(spans["links"].dropna())


def test_cells_a_spreadsheet_would_run_are_neutralised(project, tmp_path):
    text = '=HYPERLINK("http://x") said @everyone: +1 -2'
    project.documents.add_many([DocumentDraft(text=text, title="=cmd|' /C calc'!A0")])
    actor = project.actors.create(ActorDraft("=SUM(A1:A9)", ActorKind.PERSON))
    project.annotations.create(1, AnnotationDraft("quote", 0, len(text),
                               links=(LinkDraft("speaker", actor_id=actor.id),)))  # fmt: skip
    out = tmp_path / "tables"
    export(project, "csv", out)
    raw = (out / "quotes.csv").read_text(encoding="utf-8-sig")
    assert "\n1,'=cmd" in raw and ",'=SUM(A1:A9)," in raw and "\"'=HYPERLINK" in raw
    assert safe("-2") == "'-2" and safe("plain") == "plain" and safe(None) == ""
