"""``annotator agreement`` from a shell: the figures, the disagreements, JSON and CSV."""

import csv
import json

from tests.cli.test_cli import run
from tests.jobs.test_agreement import team  # noqa: F401 - the fixture


def test_the_report_in_words_json_and_csv(capsys, team, tmp_path):  # noqa: F811
    db = str(team)
    code, out, _ = run(capsys, "agreement", "--db", db, "--layer", "quote")
    assert code == 0
    assert "quote: 1 document annotated by two or more" in out
    assert "alice – bob                      0.500       1.000" in out
    assert "speaker: Okafor (alice) ≠ Okafor (bob) ≠ Council (carol)" in out
    code, out, _ = run(capsys, "agreement", "--db", db, "--json", "--ordinal", "kind")
    data = json.loads(out)
    [quote] = [layer for layer in data["layers"] if layer["layer"] == "quote"]
    assert quote["pairs"][0]["f1_overlap"] == 1.0
    assert {a["name"]: a["level"] for a in quote["attributes"]}["kind"] == "ordinal"
    table = tmp_path / "agreement.csv"
    assert run(capsys, "agreement", "--db", db, "--csv", str(table))[0] == 0
    rows = list(csv.DictReader(table.open(encoding="utf-8-sig")))
    assert any(row["disagreement"] == "not carol" for row in rows)
    assert any(row["f1_exact"] == "0.500" for row in rows)


def test_mistakes_are_named(capsys, team):  # noqa: F811
    db = str(team)
    code, _, err = run(capsys, "agreement", "--db", db, "--status", "finished")
    assert code == 2 and "unknown status 'finished'" in err
    code, _, err = run(capsys, "agreement", "--db", db, "--annotators", "alice")
    assert code == 2 and "two or more annotators" in err
