"""Span agreement on small cases computed by hand."""

import pytest

from annotator.analysis.spans import Unit, groups, pair_score


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
