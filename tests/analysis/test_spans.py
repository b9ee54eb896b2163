"""Span agreement on small cases computed by hand."""

import pytest

from annotator.analysis.alpha import alpha_of
from annotator.analysis.spans import (
    NO_SPAN,
    Unit,
    groups,
    pair_score,
    position_coincidences,
)


def u(id_, start, end, kind="quote", **values):
    return Unit(id_, start, end, kind, values)


def test_exact_and_overlap_f1():
    alice = [u(1, 0, 10), u(2, 20, 30), u(3, 40, 45, "claim")]
    bob = [u(4, 0, 10), u(5, 22, 30), u(6, 40, 45, "quote")]
    exact = pair_score(alice, bob, overlap=False)
    assert (exact.matched, exact.only_first, exact.only_second) == (1, 2, 2)
    assert exact.f1 == pytest.approx(2 * 1 / 6)
    loose = pair_score(alice, bob, overlap=True)
    assert loose.matched == 2 and loose.f1 == pytest.approx(4 / 6)  # the claim/quote differ


def test_an_annotator_with_no_spans_agrees_on_nothing_and_nobody_on_nothing_is_undefined():
    assert pair_score([u(1, 0, 5)], [], overlap=True).f1 == 0.0
    assert pair_score([], [], overlap=True).f1 is None


def test_nested_spans_match_their_own_counterpart():
    outer_a, inner_a = u(1, 0, 40), u(2, 10, 20)
    outer_b, inner_b = u(3, 0, 38), u(4, 11, 20)
    score = pair_score([outer_a, inner_a], [outer_b, inner_b], overlap=True)
    assert score.matched == 2  # not the inner one to the outer one


def test_groups_across_three_annotators():
    found = groups({
        "a": [u(1, 0, 10), u(2, 50, 60)],
        "b": [u(3, 1, 10)],
        "c": [u(4, 0, 10), u(5, 70, 80)],
    })  # fmt: skip
    shapes = sorted(sorted(group) for group in found)
    assert shapes == [["a"], ["a", "b", "c"], ["c"]]


def test_alpha_over_positions_by_hand():
    # text of 10 characters; a marks 0-4, b marks 0-2: positions 0-1 agree (quote),
    # 2-3 differ (quote / none), 4-9 agree (none). Units: 2×(q,q), 2×(q,∅), 6×(∅,∅)
    # o_qq = 4, o_q∅ = o_∅q = 2, o_∅∅ = 12; n_q = 6, n_∅ = 14, n = 20
    # α = 1 − 19·(2+2) / (2·6·14) = 1 − 76/168
    matrix = position_coincidences({"a": [u(1, 0, 4)], "b": [u(2, 0, 2)]}, 10)
    assert matrix[("quote", NO_SPAN)] == 2
    assert alpha_of(matrix) == pytest.approx(1 - 76 / 168)


def test_everyone_using_one_label_everywhere_is_undefined_not_perfect():
    matrix = position_coincidences({"a": [u(1, 0, 10)], "b": [u(2, 0, 10)]}, 10)
    assert alpha_of(matrix) is None
