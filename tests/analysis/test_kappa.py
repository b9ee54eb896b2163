"""Cohen's and Fleiss' κ against their textbook examples."""

import pytest

from annotator.analysis.kappa import cohen_kappa, fleiss_kappa


def test_cohens_example_of_fifty_yes_no_answers():
    # 20 both yes, 15 both no, 5 yes/no, 10 no/yes: po = .70, pe = .50, κ = .40
    pairs = [("y", "y")] * 20 + [("n", "n")] * 15 + [("y", "n")] * 5 + [("n", "y")] * 10
    assert cohen_kappa(pairs) == pytest.approx(0.4)


def test_fleiss_example_of_fourteen_raters_and_ten_subjects():
    # Fleiss (1971) as worked in the literature: κ = 0.210
    rows = [
        [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
        [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
    ]  # fmt: skip
    table = [{category: count for category, count in enumerate(row)} for row in rows]
    assert fleiss_kappa(table) == pytest.approx(0.210, abs=0.0005)


def test_undefined_cases_and_unequal_raters():
    assert cohen_kappa([]) is None
    assert cohen_kappa([("a", "a"), ("a", "a")]) is None
    with pytest.raises(ValueError, match="same number"):
        fleiss_kappa([{"a": 2}, {"a": 3}])
