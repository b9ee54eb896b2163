import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.domain.offsets import Utf16Index

# A family emoji (ZWJ sequence of four astral characters), a decomposed "é", Arabic, a flag.
TEXT = "Zoe\u0301 👨‍👩‍👧‍👦 said «مرحبا» 🇩🇪!"


def utf16_len(text: str) -> int:
    return len(text.encode("utf-16-le")) // 2


def test_every_code_point_offset_maps_to_the_utf16_position_qt_uses():
    index = Utf16Index(TEXT)
    for offset in range(len(TEXT) + 1):
        assert index.to_utf16(offset) == utf16_len(TEXT[:offset])
        assert index.to_codepoint(index.to_utf16(offset)) == offset
    assert index.utf16_length == utf16_len(TEXT)


def test_plain_bmp_text_needs_no_conversion():
    index = Utf16Index("Ünïcödé but no emoji, ﻣﺮﺣﺒﺎ")
    assert index.is_trivial
    assert index.to_utf16(10) == 10


def test_a_position_inside_a_surrogate_pair_is_refused_or_snapped():
    index = Utf16Index("a😀b")
    assert index.to_utf16(1) == 1 and index.to_utf16(2) == 3
    with pytest.raises(ValueError, match="surrogate"):
        index.to_codepoint(2)
    assert index.to_codepoint(2, snap="left") == 1
    assert index.to_codepoint(2, snap="right") == 2


def test_offsets_outside_the_text_are_refused():
    index = Utf16Index("abc")
    with pytest.raises(ValueError):
        index.to_utf16(4)
    with pytest.raises(ValueError):
        index.to_codepoint(-1)


@given(st.text())
def test_conversion_matches_python_utf16_encoding(text):
    index = Utf16Index(text)
    for offset in range(len(text) + 1):
        unit = index.to_utf16(offset)
        assert unit == utf16_len(text[:offset])
        assert index.to_codepoint(unit) == offset
