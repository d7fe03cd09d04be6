"""Grouping row numbers into the contiguous ranges Qt signals take."""

from __future__ import annotations

from typing import Iterable, Iterator, Sequence


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


def merge_spans(spans: list[tuple[int, int, int]], max_gap: int
                ) -> Iterator[tuple[int, int, int, int]]:
    """Row-sorted ``(row, left, right)`` spans as ``(first, last, left, right)`` blocks:
    rows at most ``max_gap`` apart share one block, whose columns cover all of theirs.

    A refresh changes every other row of a host (running VMs' uptime and CPU): one
    signal per block instead of per row; the cells in between are repainted needlessly,
    which costs less than a signal each.
    """
    current = None
    for row, left, right in spans:
        if current and row - current[1] <= max_gap + 1:
            current[1] = max(current[1], row)
            current[2] = min(current[2], left)
            current[3] = max(current[3], right)
        else:
            if current:
                yield tuple(current)
            current = [row, row, left, right]
    if current:
        yield tuple(current)


def column_blocks(groups: Iterable[tuple[Sequence[int], int, int]]
                  ) -> list[tuple[int, int, int, int]]:
    """``(rows, left, right)`` groups as one ``(first, last, left, right)`` block per
    column range: from the first to the last of the rows of every group with that range.
    Blocks come in row order."""
    blocks: dict[tuple[int, int], list[int]] = {}
    for rows, left, right in groups:
        if not rows:
            continue
        low, high = min(rows), max(rows)
        block = blocks.get((left, right))
        if block is None:
            blocks[(left, right)] = [low, high]
        else:
            block[0] = min(block[0], low)
            block[1] = max(block[1], high)
    return sorted((low, high, left, right) for (left, right), (low, high) in blocks.items())
