"""The train/dev/test split: parsing, proportions, reproducibility, disjoint parts."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from annotator.services.exporting import PARTS, parse_split, split_items


def test_parse_split_reads_three_percentages() -> None:
    assert parse_split("80/10/10") == (80, 10, 10)
    assert parse_split("70/0/30") == (70, 0, 30)


@pytest.mark.parametrize("bad", ["80/20", "80/10/5", "a/b/c", "90/20/-10", "", "80/10/10/0"])
def test_parse_split_refuses_bad_text(bad: str) -> None:
    with pytest.raises(ValueError, match="split"):
        parse_split(bad)


@given(
    n=st.integers(min_value=0, max_value=300),
    train=st.integers(min_value=0, max_value=100),
    dev_share=st.floats(min_value=0, max_value=1),
    seed=st.integers(min_value=0, max_value=2**31),
)
def test_split_is_a_partition_with_the_asked_sizes(
    n: int, train: int, dev_share: float, seed: int
) -> None:
    dev = int((100 - train) * dev_share)
    ratios = (train, dev, 100 - train - dev)
    items = [f"doc{i}" for i in range(n)]
    parts = split_items(items, ratios, seed=seed)
    together = [x for part in PARTS for x in parts[part]]
    assert sorted(together) == sorted(items)  # every item once: disjoint and complete
    for part, percent in zip(PARTS, ratios, strict=True):
        if percent == 0:
            assert parts[part] == []
        # Rounding may move at most one item per cut.
        assert abs(len(parts[part]) - n * percent / 100) <= 1.5


def test_same_seed_same_parts_other_seed_other_parts() -> None:
    items = list(range(1000))
    first = split_items(items, (80, 10, 10), seed=13)
    assert split_items(items, (80, 10, 10), seed=13) == first
    assert split_items(items, (80, 10, 10), seed=14) != first
    # Parts keep the corpus order, so they read like the corpus.
    assert all(parts == sorted(parts) for parts in first.values())
