import random

from hypothesis import given
from hypothesis import strategies as st

from annotator.domain.span_index import SpanIndex


def test_overlapping_finds_nested_and_crossing_spans_in_start_order():
    outer, inner, later, edge = 1, 2, 3, 4
    index = SpanIndex(long=8)
    index.add(outer, 0, 100)
    index.add(inner, 10, 20)
    index.add(later, 50, 60)
    index.add(edge, 20, 21)
    assert index.overlapping(15, 16) == [outer, inner]
    assert index.overlapping(20, 21) == [outer, edge]
    assert index.overlapping(100, 200) == []
    index.remove(outer)
    assert index.overlapping(0, 100) == [inner, edge, later]
    index.add(inner, 70, 80)
    assert index.overlapping(10, 20) == []
    assert len(index) == 3 and inner in index


@given(
    st.lists(
        st.tuples(st.integers(0, 500), st.integers(1, 80)),
        max_size=60,
    ),
    st.integers(0, 600),
    st.integers(1, 100),
)
def test_matches_a_brute_force_scan(spans, query_start, query_length):
    index = SpanIndex(long=16)
    ranges = {i: (s, s + n) for i, (s, n) in enumerate(spans)}
    for key, (s, e) in ranges.items():
        index.add(key, s, e)
    removed = set(random.Random(len(spans)).sample(sorted(ranges), len(ranges) // 3))
    for key in removed:
        index.remove(key)
    query_end = query_start + query_length
    expected = {
        k for k, (s, e) in ranges.items() if k not in removed and s < query_end and e > query_start
    }
    assert set(index.overlapping(query_start, query_end)) == expected


def test_bulk_load_then_edits_agree_with_single_adds():
    bulk, single = SpanIndex(long=10), SpanIndex(long=10)
    items = [(i, (i * 7) % 50, (i * 7) % 50 + (i % 4) * 9 + 1) for i in range(40)]
    bulk.add_many(items)
    for item in items:
        single.add(*item)
    for start in range(0, 60, 3):
        assert bulk.overlapping(start, start + 5) == single.overlapping(start, start + 5)
    bulk.remove(3)
    bulk.add(3, 0, 100)
    assert 3 in bulk.overlapping(90, 91) and len(bulk) == 40
