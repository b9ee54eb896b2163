import codecs

import pytest

from annotator.domain.errors import InputError
from annotator.formats.decoding import decode

GERMAN = "Die Gewerkschaft sagte: „Wir streiken“ – das kostet 5 € pro Tag. Grüße!"
FRENCH = "Déjà vu : l’été à Paris, très chaud. Les élèves sont allés à l’école « hier »."
CZECH = "Příliš žluťoučký kůň úpěl ďábelské ódy, řekl ministr včera večer."
RUSSIAN = "Министр заявил, что переговоры продолжатся на следующей неделе."
TEXT = "Emoji 👩🏽‍🍳, e\u0301, عربي, “quotes”\nsecond line"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + TEXT.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + TEXT.encode("utf-32-le"), "utf-32-le"),
    ],
)
def test_unicode_with_and_without_bom_decodes_exactly(data, encoding):
    decoded = decode(data, "a.txt")
    assert decoded.text == TEXT
    assert decoded.encoding == encoding


@pytest.mark.parametrize(
    ("text", "codec"),
    [(GERMAN, "cp1252"), (FRENCH, "cp1252"), (CZECH, "cp1250"), (RUSSIAN, "cp1251")],
)
def test_legacy_code_pages_are_detected(text, codec):
    assert decode(text.encode(codec), "legacy.txt").text == text


def test_explicit_encoding_overrides_detection():
    assert decode("Ελληνικά".encode("iso-8859-7"), "g.txt", "iso-8859-7").text == "Ελληνικά"


def test_crlf_is_folded_and_bom_is_not_kept():
    assert decode(codecs.BOM_UTF8 + b"a\r\nb\rc", "x.txt").text == "a\nb\nc"


@pytest.mark.parametrize(
    ("data", "message", "line"),
    [
        (b"", "empty", None),
        (b"   \n\t", "empty", None),
        (b"line one\nline two\n\x00\x01\x02", "NUL", 3),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "NUL", 3),
        (b"fine\nstill fine\nbell \x07 here", r"control character U\+0007", 3),
    ],
)
def test_binary_and_empty_files_are_refused_naming_file_and_line(data, message, line):
    with pytest.raises(InputError, match=message) as caught:
        decode(data, "bad.txt")
    assert caught.value.path == "bad.txt"
    assert caught.value.line == line
    assert str(caught.value).startswith("bad.txt")


def test_wrong_forced_encoding_names_the_line():
    with pytest.raises(InputError, match="not valid utf-8") as caught:
        decode("ok\nGrüße".encode("cp1252"), "x.txt", "utf-8")
    assert caught.value.line == 2


def test_utf16_without_bom_gets_a_hint_and_imports_with_encoding():
    data = "Plain words and “quotes”".encode("utf-16-le")
    with pytest.raises(InputError, match="--encoding utf-16-le"):
        decode(data, "u.txt")
    assert decode(data, "u.txt", "utf-16-le").text == "Plain words and “quotes”"


# Short news sentences of our own, each in the code page its language used before Unicode.
NEWS_IN_CODE_PAGES = [
    ("İstanbul'da toplanan kalabalık barışçıl kaldı, dedi valilik.", "cp1254"),
    ("Belediye başkanı, köprünün ağustosta açılacağını söyledi.", "cp1254"),
    ("Ο υπουργός δήλωσε ότι οι μισθοί θα αυξηθούν τον επόμενο χρόνο.", "cp1253"),
    ("השר אמר כי המשכורות יעלו בשנה הבאה, לדברי הדובר.", "cp1255"),
    ("وقال الوزير إن الرواتب سترتفع العام المقبل بحسب المتحدث.", "cp1256"),
    ("Министр сказал, что зарплаты вырастут в следующем году.", "cp1251"),
    ("Vláda dnes oznámila nová opatření; ministr řekl, že mzdy porostou.", "cp1250"),
    ("Le coût est de 30 € pour l'œuvre complète, a déclaré le ministre.", "iso8859_15"),
    ("Le maire a déclaré que la réunion était terminée ; Straße fermée, très tard.", "cp1252"),
    ("政府今天宣布了新的经济措施。部长表示，明年工资将会上涨。", "gb18030"),
    ("政府は本日、経済に関する新たな措置を発表した。大臣は来年賃金が上がると述べた。", "shift_jis"),
    ("政府今天宣布了新的經濟措施。部長表示，明年工資將會上漲。", "big5"),
    (
        "정부는 오늘 경제에 관한 새로운 조치를 발표했다. 장관은 임금이 오를 것이라고 말했다.",
        "euc-kr",
    ),
]


@pytest.mark.parametrize(
    ("text", "codec"), NEWS_IN_CODE_PAGES, ids=[c for _, c in NEWS_IN_CODE_PAGES]
)
def test_short_news_in_legacy_code_pages_decodes_to_the_same_text(text, codec):
    """The near-tie rule that prefers cp1252 must not override a detector that was right:
    Turkish cp1254 once came out as 'Ýstanbul … kalabalýk'."""
    assert decode(text.encode(codec), "news.txt").text == text
