"""Discourse networks on small cases computed by hand from DNA's definitions."""

from datetime import date, timedelta

import pytest

from annotator.analysis.networks import (
    Statement,
    deduplicate,
    one_mode,
    time_windows,
    two_mode,
)


def s(n, actor, concept, stance=None, doc=1, when=None):
    return Statement(n, doc, when, actor, concept, stance)


# A: c1 yes, c2 no; B: c1 yes, c2 yes; C: c1 no. Levels [no, yes].
BASE = [s(1, "A", "c1", "yes"), s(2, "A", "c2", "no"), s(3, "B", "c1", "yes"),
        s(4, "B", "c2", "yes"), s(5, "C", "c1", "no")]  # fmt: skip


def edges(network):
    return {pair: round(w, 4) for pair, w in network.weights.items() if pair[0] < pair[1]}


def test_one_mode_aggregations():
    # ignore: shared concepts, counts multiplied: A-B c1 1·1 + c2 1·1
    assert edges(one_mode(BASE, "ignore")) == {("A", "B"): 2, ("A", "C"): 1, ("B", "C"): 1}
    # congruence: same stance on a concept; conflict: another stance
    assert edges(one_mode(BASE, "congruence")) == {("A", "B"): 1}
    assert edges(one_mode(BASE, "conflict")) == {("A", "B"): 1, ("A", "C"): 1, ("B", "C"): 1}
    assert edges(one_mode(BASE, "subtract")) == {("A", "C"): -1, ("B", "C"): -1}


def test_one_mode_normalizations():
    # A and B have 2 statements each; congruence A-B = 1
    assert edges(one_mode(BASE, "congruence", "average")) == {("A", "B"): 0.5}
    assert edges(one_mode(BASE, "congruence", "cosine")) == {("A", "B"): 0.25}
    # jaccard: m10 = 1 (A's c2/no, B has none there), m01 = 1 (B's c2/yes), m11 = 1 (c1/yes)
    assert edges(one_mode(BASE, "congruence", "jaccard")) == {("A", "B"): round(1 / 3, 4)}


def test_a_number_qualifier_weighs_by_distance_over_the_range():
    scored = [s(1, "A", "c", 1), s(2, "B", "c", 3), s(3, "C", "c", 5)]
    congruence = one_mode(scored, "congruence")
    assert congruence.weight("A", "B") == pytest.approx(0.5)  # |1-3| / 4
    assert congruence.weight("A", "C") == 0


def test_two_mode_aggregations_and_normalizations():
    assert two_mode(BASE, "ignore").weights == {
        ("A", "c1"): 1, ("A", "c2"): 1, ("B", "c1"): 1, ("B", "c2"): 1, ("C", "c1"): 1}  # fmt: skip
    assert two_mode(BASE, "subtract").weights == {
        ("A", "c1"): 1, ("A", "c2"): -1, ("B", "c1"): 1, ("B", "c2"): 1,
        ("C", "c1"): -1}  # fmt: skip
    both = two_mode([*BASE, s(6, "A", "c1", "no")], "combine")
    assert (both.weight("A", "c1"), both.weight("A", "c2"), both.weight("B", "c1")) == (3, 2, 1)
    assert both.codes == {3: ("no", "yes"), 2: ("no",), 1: ("yes",)}
    assert two_mode(BASE, "ignore", "activity").weight("A", "c1") == 0.5
    assert two_mode(BASE, "ignore", "prominence").weight("A", "c1") == pytest.approx(1 / 3)


def test_duplicates_by_document_and_by_whole_calendar_periods():
    twice = [s(1, "A", "c", "yes", doc=1), s(2, "A", "c", "yes", doc=1),
             s(3, "A", "c", "yes", doc=2)]  # fmt: skip
    assert len(deduplicate(twice, "include")) == 3
    assert len(deduplicate(twice, "document")) == 2
    week_3 = [
        s(1, "A", "c", "yes", when=date(2024, 1, 15)),
        s(2, "A", "c", "yes", when=date(2024, 1, 17)),
        s(3, "A", "c", "yes", when=date(2025, 1, 13)),
    ]  # ISO week 3 of two years
    assert len(deduplicate(week_3, "week")) == 2  # not 1, as week numbers alone would give
    assert len(deduplicate(week_3, "month")) == 2
    assert len(deduplicate(week_3, "year")) == 2


def test_time_windows_move_by_their_step():
    dated = [s(1, "A", "c", when=date(2024, 1, 1)), s(2, "B", "c", when=date(2024, 1, 5)),
             s(3, "A", "c", when=date(2024, 1, 20))]  # fmt: skip
    found = time_windows(dated, timedelta(days=7), timedelta(days=7))
    assert [(start.day, len(inside)) for start, _end, inside in found] == [(1, 2), (8, 0),
                                                                           (15, 1)]  # fmt: skip
