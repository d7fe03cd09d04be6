"""Grouping row numbers into the contiguous ranges Qt signals take."""

from __future__ import annotations

from typing import Iterable, Iterator


def contiguous_ranges(rows: Iterable[int]) -> Iterator[tuple[int, int]]:
    """Ascending rows as contiguous ``(first, last)`` ranges."""
    first = last = None
    for row in rows:
        if first is None:
            first = last = row
        elif row == last + 1:
            last = row
        else:
            yield first, last
            first = last = row
    if first is not None:
        yield first, last


def coalesce_spans(spans: list[tuple[int, int, int]]) -> Iterator[tuple[int, int, int, int]]:
    """Consecutive rows with the same column span as one ``(first, last, left, right)``."""
    current = None
    for row, left, right in spans:
        if current and row == current[1] + 1 and (left, right) == (current[2], current[3]):
            current[1] = row
        else:
            if current:
                yield tuple(current)
            current = [row, row, left, right]
    if current:
        yield tuple(current)
