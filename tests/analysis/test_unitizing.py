"""Krippendorff's unitizing α against his published worked examples and small cases by hand."""

import pytest

from annotator.analysis.unitizing import Unitizing


def _study(length, first, second):
    found = Unitizing()
    found.add(length, {"i": first, "j": second})
    return found


def test_content_analysis_2004_worked_example():
    # Krippendorff, Content Analysis (2004), p. 254: a continuum from 150 to 450, two coders,
    # categories c and k (shifted here to start at 0).
    def shifted(units):
        return [(b - 150, b + length - 150, kind) for b, length, kind in units]

    i = shifted([(225, 70, "c"), (370, 30, "c"), (180, 60, "k"), (300, 50, "k")])
    j = shifted([(220, 80, "c"), (355, 20, "c"), (400, 20, "c"), (180, 60, "k"), (300, 50, "k")])
    study = _study(300, i, j)
    observed, expected = study.disagreement("c")
    assert observed == pytest.approx(0.0144, abs=5e-5)
    assert expected == pytest.approx(0.0532, abs=5e-5)
    assert study.alpha("c") == pytest.approx(0.7286, abs=1e-4)
    assert study.disagreement("k")[1] == pytest.approx(0.0490, abs=5e-5)
    assert study.alpha("k") == 1.0
    assert study.alpha() == pytest.approx(0.8591, abs=5e-4)


# Krippendorff, "On the reliability of unitizing continuous data" (1995), p. 57: four pairs of
# coders on a continuum of 24, as (begin, length) per category.
PAIRS_1995 = {
    "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
    "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
    "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
    "D": (
        [(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
        [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
    ),
}


def _study_1995(stretch):
    i, j = [], []
    for kind, (first, second) in PAIRS_1995.items():
        i += [(b * stretch, (b + n) * stretch, kind) for b, n in first]
        j += [(b * stretch, (b + n) * stretch, kind) for b, n in second]
    return _study(24 * stretch, i, j)


def test_unitizing_1995_observed_disagreements():
    study = _study_1995(1)
    observed = {kind: study.disagreement(kind)[0] for kind in PAIRS_1995}
    assert observed == pytest.approx(
        {"A": 0.03125, "B": 2.26736, "C": 0.02777, "D": 0.38715}, abs=1e-5
    )


def test_unitizing_1995_expected_disagreements_and_alphas():
    # The paper gives D_e for a fine-grained continuum; its figures carry a small slip (see
    # Krippendorff 2004 for the corrected formula), so they are matched to their precision.
    study = _study_1995(50_000)
    expected = {kind: study.disagreement(kind)[1] for kind in PAIRS_1995}
    assert expected == pytest.approx(
        {"A": 0.06990, "B": 1.17731, "C": 0.08642, "D": 0.41445}, abs=5e-3
    )
    alphas = {kind: study.alpha(kind) for kind in PAIRS_1995}
    assert alphas == pytest.approx({"A": 0.553, "B": -0.926, "C": 0.679, "D": 0.066}, abs=0.02)


def test_one_unit_cut_short_by_hand():
    # L = 10; i marks 0-4, j marks 0-2. Ordered pairs: 2 × ((0-0)² + (4-2)²) = 8;
    # D_o = 8 / (2·1·10·10). Units 4, 2 (N_u = 2), gaps 6, 8:
    # Σ = 1/3(128-48+4) + 1/3(16-12+2) + 16·(3+5) + 4·(5+7) = 28 + 2 + 128 + 48 = 206
    # D_e = 2·206 / ((20·19 - (12+2))·10)
    study = _study(10, [(0, 4, "q")], [(0, 2, "q")])
    observed, expected = study.disagreement("q")
    assert observed == pytest.approx(0.04)
    assert expected == pytest.approx(412 / 3660)
    assert study.alpha() == pytest.approx(1 - 0.04 / (412 / 3660))


def test_identical_units_agree_fully_even_one_label_over_the_whole_text():
    assert _study(50, [(5, 9, "q"), (20, 30, "q")], [(5, 9, "q"), (20, 30, "q")]).alpha() == 1
    assert _study(10, [(0, 10, "q")], [(0, 10, "q")]).alpha() == 1  # where α over positions
    # has no variation to speak of, α_u still sees where the units could have been


def test_nothing_marked_anywhere_is_undefined():
    assert _study(10, [], []).alpha() is None


def test_an_annotator_with_no_units_disagrees_with_every_unit():
    # j saw nothing: i's unit lies wholly in j's gap, δ² = 5² in both orders.
    study = _study(20, [(5, 10, "q")], [])
    assert study.disagreement("q")[0] == pytest.approx(2 * 25 / (2 * 20 * 20))
    assert study.alpha() < 0


def test_one_annotators_nested_spans_of_a_category_are_one_unit():
    nested = _study(30, [(0, 20, "q"), (5, 10, "q")], [(0, 20, "q")])
    assert nested.alpha() == 1


def test_a_category_marked_in_one_document_counts_the_others_as_gaps():
    first, later = Unitizing(), Unitizing()
    blank = {"i": [], "j": []}
    marked = {"i": [(0, 4, "q")], "j": [(0, 5, "q")]}
    first.add(40, marked)
    first.add(40, blank)
    later.add(40, blank)
    later.add(40, marked)
    assert first.alpha() == pytest.approx(later.alpha())
    alone = Unitizing()
    alone.add(40, marked)
    assert first.alpha() != pytest.approx(alone.alpha())


def test_three_annotators_and_labels():
    study = Unitizing()
    study.add(
        30,
        {
            "a": [(0, 5, "q:direct"), (10, 20, "q:indirect")],
            "b": [(0, 5, "q:direct"), (10, 20, "q:indirect")],
            "c": [(0, 5, "q:direct"), (10, 20, "q:direct")],
        },
    )
    assert study.categories() == ["q:direct", "q:indirect"]
    direct, indirect, both = study.alpha("q:direct"), study.alpha("q:indirect"), study.alpha()
    assert direct < 1 and indirect < 1
    assert min(direct, indirect) <= both <= max(direct, indirect)
