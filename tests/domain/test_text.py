from annotator.domain.text import (
    fingerprint,
    first_control_character,
    line_of,
    normalise_newlines,
)


def test_crlf_and_lone_cr_become_lf_and_nothing_else_changes():
    text = "Line one\r\nLine two\rLine three\n\u2028 kept\t tabs  and  spaces "
    assert (
        normalise_newlines(text)
        == "Line one\nLine two\nLine three\n\u2028 kept\t tabs  and  spaces "
    )


def test_fingerprint_tells_texts_apart_and_ignores_nothing():
    assert fingerprint("a") == fingerprint("a")
    assert fingerprint("a") != fingerprint("a ")
    assert fingerprint("é") != fingerprint("e\u0301")  # no Unicode normalisation
    assert len(fingerprint("😀")) == 64


def test_control_characters_are_found_but_prose_whitespace_is_not():
    assert first_control_character("tab\tnew\nline\fform") is None
    assert first_control_character("ok\x00bad") == 2
    assert first_control_character("mojibake \x92 here") == 9
    assert line_of("a\nb\nc", 4) == 3
