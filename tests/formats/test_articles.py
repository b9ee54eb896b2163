"""The article readers, on files written the way people's files really look."""

import json
from datetime import date

import pytest

from annotator.domain.errors import InputError
from annotator.formats.articles.registry import reader_for


def read(path, encoding=None):
    reader = reader_for(path)
    assert reader is not None
    return list(reader(path, encoding))


def test_txt_keeps_text_exactly_except_line_endings(tmp_path):
    text = "Minister’s “plan” 🇺🇦\r\n\r\nZoe\u0301 said: «مرحبا بكم» — done.\r\n"
    path = tmp_path / "story.txt"
    path.write_bytes(text.encode("utf-8"))
    [draft] = read(path)
    assert draft.text == text.replace("\r\n", "\n")
    assert draft.title == "Minister’s “plan” 🇺🇦"
    assert draft.imported_from == str(path)


def test_markdown_front_matter_becomes_metadata(tmp_path):
    path = tmp_path / "piece.md"
    path.write_text(
        "---\ntitle: Harbour vote\ndate: 2024-05-01\nsource: Courier\ntags: [a, b]\n---\n"
        "# Headline in body\n\nThe council *voted*.\n",
        encoding="utf-8",
    )
    [draft] = read(path)
    assert draft.title == "Harbour vote"
    assert draft.published == date(2024, 5, 1)
    assert draft.source == "Courier"
    assert draft.metadata["tags"] == ["a", "b"]
    assert draft.text == "# Headline in body\n\nThe council *voted*.\n"


def test_markdown_title_falls_back_to_the_first_heading(tmp_path):
    path = tmp_path / "b.md"
    path.write_text("Intro line\n\n# The real headline\n\nBody.", encoding="utf-8")
    assert read(path)[0].title == "The real headline"


def test_markdown_with_broken_front_matter_names_the_line(tmp_path):
    path = tmp_path / "c.md"
    path.write_text("---\ntitle: ok\ndate: [unclosed\n---\nBody", encoding="utf-8")
    with pytest.raises(InputError, match="front matter") as caught:
        read(path)
    assert caught.value.line is not None


HTML = """<!DOCTYPE html>
<html lang="de"><head><meta charset="utf-8"><title>Streik bei der Bahn | Tageblatt</title>
<script>var tracking = "do not import me";</script><style>body { color: red }</style></head>
<body><nav><a href="/">Startseite</a> <a href="/politik">Politik</a></nav>
<article><h1>Streik bei der Bahn</h1>
<p>Die Gewerkschaft sagte am Montag: &bdquo;Wir streiken.&ldquo; Das Unternehmen nannte das
&#8222;unn&ouml;tig&#8220; &amp; kündigte Gespräche an.</p>
<p>Fahrgäste müssen mit Ausfällen rechnen 🚆.</p></article>
<footer>© 2024 Tageblatt · Impressum · Datenschutz</footer></body></html>"""


def test_html_keeps_the_article_body_only(tmp_path):
    path = tmp_path / "page.html"
    path.write_text(HTML, encoding="utf-8")
    [draft] = read(path)
    assert "„Wir streiken.“" in draft.text
    assert "„unnötig“ & kündigte" in draft.text
    assert "🚆" in draft.text
    for boilerplate in ("tracking", "color: red", "Startseite", "Impressum", "&amp;", "<p>"):
        assert boilerplate not in draft.text
    assert "Streik bei der Bahn" in draft.title
    assert draft.language == "de"


def test_html_without_an_article_is_refused(tmp_path):
    path = tmp_path / "empty.html"
    path.write_text("<html><head><title>x</title></head><body></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="no article text"):
        read(path)


def test_jsonl_records_map_known_fields_and_keep_the_rest_as_metadata(tmp_path):
    path = tmp_path / "feed.jsonl"
    records = [
        {
            "text": "Erste Meldung „hier“.",
            "title": "Eins",
            "url": "https://example.org/1",
            "published": "2024-03-02T10:00:00Z",
            "lang": "de",
            "section": "Politik",
            "metadata": {"wordcount": 3},
        },
        {"text": "Second 😀 item", "author": ["A. Writer", "B. Writer"], "date": "someday"},
    ]
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n\n")
    first, second = read(path)
    assert first.title == "Eins" and first.language == "de"
    assert first.published == date(2024, 3, 2)
    assert first.metadata == {"section": "Politik", "wordcount": 3}
    assert first.imported_from == f"{path}:1"
    assert second.title == "Second 😀 item"
    assert second.author == "A. Writer, B. Writer"
    assert second.metadata == {"date": "someday"}


@pytest.mark.parametrize(
    ("lines", "message", "line"),
    [
        (['{"text": "ok"}', '{"text": "broken"'], "malformed JSON", 2),
        (['{"text": "ok"}', "", '{"title": "no text"}'], "no 'text' field", 3),
        (['{"text": 42}'], "must be a string", 1),
        (['{"text": "   "}'], "empty", 1),
        (['["not", "an", "object"]'], "expected a JSON object", 1),
        (['{"text": "nul \\u0000 inside"}'], "control character", 1),
        (['{"text": "ok"}', '{"text": "lone \\ud800 surrogate"}'], "U\\+D800", 2),
    ],
)
def test_bad_jsonl_is_refused_naming_the_line(tmp_path, lines, message, line):
    path = tmp_path / "bad.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        read(path)
    assert caught.value.line == line
    assert str(caught.value).startswith(f"{path}:{line}: ")


def test_json_array_and_single_object(tmp_path):
    many = tmp_path / "many.json"
    many.write_text(json.dumps([{"text": "one"}, {"text": "two", "title": "Two"}]))
    assert [d.title for d in read(many)] == ["one", "Two"]
    single = tmp_path / "single.json"
    single.write_text(json.dumps({"text": "alone", "source": "Wire"}))
    assert read(single)[0].source == "Wire"
    broken = tmp_path / "broken.json"
    broken.write_text('[\n {"text": "a"},\n {"text": }\n]')
    with pytest.raises(InputError, match="malformed JSON") as caught:
        read(broken)
    assert caught.value.line == 3


def test_csv_with_semicolons_quotes_and_newlines_in_cells(tmp_path):
    path = tmp_path / "articles.csv"
    path.write_text(
        'Title;Text;Source;Extra\r\n"Eins";"Er sagte: ""Ja"".\r\nZweite Zeile";Blatt;x\r\n'
        ';"Ohne Titel";;\r\n',
        encoding="utf-8",
    )
    first, second = read(path)
    assert first.text == 'Er sagte: "Ja".\nZweite Zeile'
    assert first.source == "Blatt" and first.metadata == {"Extra": "x"}
    assert second.title == "Ohne Titel"
    assert second.imported_from == f"{path}:4"


def test_csv_without_text_column_is_refused(tmp_path):
    path = tmp_path / "no_text.csv"
    path.write_text("title,body\nA,B\n", encoding="utf-8")
    with pytest.raises(InputError, match="no 'text' column") as caught:
        read(path)
    assert caught.value.line == 1


def test_csv_row_with_empty_text_names_its_line(tmp_path):
    path = tmp_path / "gap.csv"
    path.write_text("title,text\nA,fine\nB,\n", encoding="utf-8")
    with pytest.raises(InputError, match="empty") as caught:
        read(path)
    assert caught.value.line == 3


def test_cp1252_csv_is_decoded(tmp_path):
    path = tmp_path / "legacy.csv"
    path.write_bytes("title,text\nÉté,“Déjà” vu – très chaud à l’école\n".encode("cp1252"))
    [draft] = read(path)
    assert draft.text == "“Déjà” vu – très chaud à l’école"
