"""Krippendorff's α against the worked examples of his "Computing Krippendorff's
Alpha-Reliability" (2011)."""

import pytest

from annotator.analysis.alpha import Level, alpha

N = None
# section C: four observers, twelve units, missing values
OBSERVERS = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
UNITS = list(zip(*OBSERVERS, strict=True))


@pytest.mark.parametrize(
    ("level", "expected"),
    [(Level.NOMINAL, 0.743), (Level.ORDINAL, 0.815), (Level.INTERVAL, 0.849)],
)
def test_the_published_example_with_missing_values(level, expected):
    assert alpha(UNITS, level) == pytest.approx(expected, abs=0.0005)


def test_the_published_binary_example_of_two_observers():
    # section A: α = 1 − 19·4 / (14·6) = 0.095
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert alpha(zip(a, b, strict=True)) == pytest.approx(0.0952, abs=0.0001)


def test_perfect_agreement_is_one_and_no_variation_is_undefined():
    assert alpha([("x", "x"), ("y", "y"), ("x", "x")]) == 1.0
    assert alpha([("x", "x"), ("x", "x")]) is None  # nothing to tell apart
    assert alpha([("x", None), (None, "y")]) is None  # no unit has two values


def test_weights_count_a_unit_as_many_times():
    assert alpha([("a", "b"), ("a", "a"), ("a", "a"), ("b", "b")]) == pytest.approx(
        alpha([("a", "b"), ("a", "a"), ("b", "b")], weights=[1, 2, 1])
    )


def test_ordinal_follows_the_given_order_of_the_values():
    units = [("low", "mid"), ("mid", "mid"), ("high", "high"), ("low", "low")]
    ranked = alpha(units, Level.ORDINAL, order=["low", "mid", "high"])
    scrambled = alpha(units, Level.ORDINAL, order=["mid", "high", "low"])
    assert ranked is not None and scrambled is not None and ranked != scrambled
