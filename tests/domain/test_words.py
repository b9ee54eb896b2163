import pytest

from annotator.domain.words import snap_to_words

TEXT = "Zoe\u0301 O’Neill said «مرحبا» to ex-minister 👩🏽‍🍳 Dubois, twice."


def select(sub):
    start = TEXT.index(sub)
    return start, start + len(sub)


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("oe\u0301 O’Ne", "Zoe\u0301 O’Neill"),  # combining accent and apostrophe stay inside
        (" said ", "said"),  # white space at the ends is dropped
        ("رحب", "مرحبا"),  # Arabic letters
        ("minis", "ex-minister"),  # hyphenated words are one word
        ("«مرحبا»", "«مرحبا»"),  # quotation marks chosen by the user are kept
        ("ubois,", "Dubois,"),
        ("🍳 Dub", "👩🏽‍🍳 Dubois"),  # a ZWJ emoji sequence is not split
    ],
)
def test_selection_grows_to_whole_words(selected, expected):
    start, end = snap_to_words(TEXT, *select(selected))
    assert TEXT[start:end] == expected


CLITICS = "Qatar's envoy met the Emir’s aides at l’Élysée, dell'Italia; ووزير الخارجية وبقطر."


@pytest.mark.parametrize(
    ("selected", "expected"),
    [
        ("Qatar", "Qatar"),  # the possessive stays outside the name
        ("Qata", "Qatar"),  # a word still grows, up to the possessive
        ("Emir", "Emir"),
        ("lysée", "Élysée"),  # French elision: the name starts after l’
        ("Italia", "Italia"),
        ("وزير", "وزير"),  # "minister" after the proclitic و "and"
        ("زير", "ووزير"),  # inside a word that starts otherwise, the word grows whole
        ("قطر", "قطر"),  # وب "and with" before Qatar
        ("Qatar's", "Qatar's"),  # what the user selected whole is kept
    ],
)
def test_snapping_leaves_clitics_outside_the_name(selected, expected):
    start = CLITICS.index(selected)
    start, end = snap_to_words(CLITICS, start, start + len(selected))
    assert CLITICS[start:end] == expected


def test_white_space_only_selection_collapses():
    start, end = select("  ") if "  " in TEXT else (4, 5)
    assert snap_to_words(TEXT, start, end)[0] == snap_to_words(TEXT, start, end)[1]


def test_stepping_moves_between_word_starts_and_word_ends():
    from annotator.domain.words import step_word

    text = "one two-three «four»"
    assert step_word(text, 0, True, to_end=False) == 4  # start of "two-three"
    assert step_word(text, 4, True, to_end=False) == 15  # start of "four"
    assert step_word(text, 15, False, to_end=False) == 4
    assert step_word(text, 3, True, to_end=True) == 13  # end of "two-three"
    assert step_word(text, 13, False, to_end=True) == 3
    assert step_word(text, 19, True, to_end=True) == len(text)


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        ("daeze", "Mayor Adaeze Okafor"),  # a capitalised name grows over its capitalised words
        ("kafor", "Mayor Adaeze Okafor"),
        ("arrier", "barrier"),  # a plain word is the word
        ("atar", "Qatar"),  # the possessive stays outside
    ],
)
def test_the_name_at_the_caret(at, expected):
    from annotator.domain.words import name_at

    text = "Mayor Adaeze Okafor said the barrier holds, Qatar's envoy agreed."
    start, end = name_at(text, text.index(at))
    assert text[start:end] == expected


def test_no_name_between_words():
    from annotator.domain.words import name_at

    assert name_at("a , b", 2) is None
