"""Snapping a selection to whole words, the way annotators expect a span to land."""

from __future__ import annotations

import unicodedata

_JOINERS = frozenset("'’‘-‐‑_\u200d\u200c")


def is_word_character(char: str) -> bool:
    """Letters, digits, combining marks (accents, Arabic vowel signs) and emoji with their
    modifiers and joiners, so that a ZWJ sequence is never split."""
    if char.isalnum():
        return True
    category = unicodedata.category(char)
    return category.startswith("M") or category in ("Sk", "So") or char in "\u200d\ufe0f"


def _inside_word(text: str, index: int) -> bool:
    """True if ``text[index]`` belongs to the word around it (a letter, or a joiner between)."""
    if not 0 <= index < len(text):
        return False
    char = text[index]
    if is_word_character(char):
        return True
    return (
        char in _JOINERS
        and 0 < index < len(text) - 1
        and is_word_character(text[index - 1])
        and is_word_character(text[index + 1])
    )


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Grow ``[start, end)`` to whole words and drop the white space at its ends.

    A selection of only white space or punctuation is returned trimmed but not grown.
    """
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start == end:
        return start, end
    if _inside_word(text, start):
        word_start = start
        while word_start > 0 and _inside_word(text, word_start - 1):
            word_start -= 1
        start = word_start + _proclitic_length(text[word_start:start])
    if _inside_word(text, end - 1):
        word_end = end
        while word_end < len(text) and _inside_word(text, word_end):
            word_end += 1
        possessive = _is_enclitic(text[word_end - 2 : word_end]) and word_end - 2 >= end
        end = word_end - 2 if possessive else word_end
    return start, end


# Parts of a written word that are not part of the name they are attached to: English
# possessives ("Qatar's"), French and Italian elisions ("l’Élysée", "dell'Italia") and
# Arabic proclitics (و "and", ب "with", ل "for", ف, ك, and their pairs) before a name.
_APOSTROPHES = "'’"
_ELISIONS = frozenset({
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu",
    "presqu", "dell", "all", "dall", "nell", "sull", "un",
})  # fmt: skip
_ARABIC_PROCLITICS = frozenset({"و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"})


def _proclitic_length(prefix: str) -> int:
    """How much of the part of a word before a selection is a clitic the name does not
    include: an elision and its apostrophe ("l'" of "l'Élysée"), or a whole Arabic
    proclitic the selection starts right after."""
    for index, char in enumerate(prefix):
        if char in _APOSTROPHES:
            return index + 1 if prefix[:index].casefold() in _ELISIONS else 0
    return len(prefix) if prefix in _ARABIC_PROCLITICS else 0


def _is_enclitic(suffix: str) -> bool:
    """Whether the part of a word after a selection is a possessive ('s, or with U+2019)."""
    return len(suffix) == 2 and suffix[0] in _APOSTROPHES and suffix[1] in "sS"


def step_word(text: str, position: int, forward: bool, *, to_end: bool) -> int:
    """The next word boundary from ``position``: a word's start, or its end if ``to_end``.

    Used to move a span's start (word starts) or end (word ends) one word at a time.
    """
    step = 1 if forward else -1
    index = position
    while 0 <= index + step <= len(text):
        index += step
        if _is_boundary(text, index, to_end):
            return index
    return max(0, min(index, len(text)))


def _is_boundary(text: str, index: int, to_end: bool) -> bool:
    before = _inside_word(text, index - 1)
    after = _inside_word(text, index)
    return (before and not after) if to_end else (after and not before)


def tokenize(text: str) -> list[tuple[int, int]]:
    """Word and punctuation tokens as ``(start, end)`` code point ranges.

    A word is a run of word characters (letters, digits, combining marks, emoji sequences)
    with joiners inside it ("O'Neill", "ex-minister"); every other visible character is a
    token of its own.
    """
    found: list[tuple[int, int]] = []
    index, length = 0, len(text)
    while index < length:
        if text[index].isspace():
            index += 1
            continue
        start = index
        if _inside_word(text, index):
            while index < length and _inside_word(text, index):
                index += 1
        else:
            index += 1
        found.append((start, index))
    return found


def name_at(text: str, offset: int) -> tuple[int, int] | None:
    """The word at ``offset`` (or just before it, at a word's end), grown over the capitalised
    words around it when it is capitalised itself ("Adaeze Okafor"), clitics left outside.
    None where there is no word."""
    if not _inside_word(text, offset) and offset > 0 and _inside_word(text, offset - 1):
        offset -= 1
    if not _inside_word(text, offset):
        return None
    start, end = snap_to_words(text, offset, offset + 1)
    if not text[start : start + 1].isupper():
        return start, end
    while True:  # the capitalised words before …
        before = _previous_word(text, start)
        if before is None or not text[before[0]].isupper():
            break
        start = before[0]
    while True:  # … and after
        after = _next_word(text, end)
        if after is None or not text[after[0]].isupper():
            break
        end = after[1]
    return start, end


def _previous_word(text: str, start: int) -> tuple[int, int] | None:
    index = start - 1
    if index < 1 or text[index] != " " or not _inside_word(text, index - 1):
        return None
    return snap_to_words(text, index - 1, index)


def _next_word(text: str, end: int) -> tuple[int, int] | None:
    if end + 1 >= len(text) or text[end] != " " or not _inside_word(text, end + 1):
        return None
    return snap_to_words(text, end + 1, end + 2)


_HYPHENS = "-‐‑"
_EDGES = frozenset('.,;:!?()[]{}“”„‟"«»‹›/')  # never part of a word


def stands_alone(text: str, start: int, end: int, *, compounds: bool = False) -> bool:
    """Whether ``text[start:end]`` is whole words: no word runs on at either side, apart from
    the clitics a name is snapped out of ("l’" and Arabic proclitics before, "’s" after). With
    ``compounds``, a hyphen is a boundary too ("Verdi" in "Verdi-Sprecherin")."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if (before.isspace() or before in _EDGES) and (after.isspace() or after in _EDGES):
        return True  # the common case, decided without looking further
    if compounds and _hyphen_bounded(text, start, end):
        return True
    if start > 0 and _inside_word(text, start - 1):
        word_start = start - 1
        while word_start > 0 and _inside_word(text, word_start - 1):
            word_start -= 1
        if _proclitic_length(text[word_start:start]) != start - word_start:
            return False
    if end < len(text) and _inside_word(text, end):
        word_end = end
        while word_end < len(text) and _inside_word(text, word_end):
            word_end += 1
        if not (word_end - end == 2 and _is_enclitic(text[end:word_end])):
            return False
    return True


def _hyphen_bounded(text: str, start: int, end: int) -> bool:
    """A name ends at a hyphen on one side and at a word boundary (or a hyphen) on the
    other."""
    hyphen_before = start > 0 and text[start - 1] in _HYPHENS
    hyphen_after = end < len(text) and text[end] in _HYPHENS
    free_before = start == 0 or hyphen_before or not _inside_word(text, start - 1)
    free_after = end == len(text) or hyphen_after or not _inside_word(text, end)
    return (hyphen_before or hyphen_after) and free_before and free_after
