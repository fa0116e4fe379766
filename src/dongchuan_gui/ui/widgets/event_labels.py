"""Where event labels go on a timeline: rows in pixel space, none overlapping (no Qt).

Each label belongs to an event line at ``anchor`` (a pixel x) and is ``width`` pixels
wide. Labels are taken in order of their anchors (greedy interval packing) and put
where there is room, preferably just right of their line in the top row, else just
left of it or one row down; a label that would pass the right edge is shifted left
and one that would pass the left edge is shifted right. A label wider than the whole
span is cut to the span (the caller elides its text), and so is one that finds room
only when shortened. A label for which no row has room near its line even short is
left off; its line stays, with its tooltip.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True)
class Placement:
    """One label's box: ``left`` and ``width`` in pixels, ``row`` counted from 0."""

    left: float
    width: float
    row: int
    elided: bool  # the text must be cut to ``width``

    @property
    def right(self) -> float:
        return self.left + self.width


def layout_labels(
    anchors: Sequence[float],
    widths: Sequence[float],
    *,
    left: float,
    right: float,
    rows: int,
    pad: float = 3.0,
    gap: float = 6.0,
    max_shift: float | None = None,
    row_cost: float = 12.0,
    crowd_cost: float = 4.0,
    reserved: Sequence[tuple[int, float, float]] = (),
    min_width: float = 60.0,
) -> list[Placement | None]:
    """Place labels in at most ``rows`` rows inside ``[left, right]``.

    Returns one entry per label, in the order given: its placement, or None where
    it is left off (its anchor lies outside the span, or no row has room within
    ``max_shift`` pixels of its line). Boxes in one row are at least ``gap`` apart,
    and the stretch between a moved label and its line (where the caller draws a
    thin line) is kept free too. A place costs its distance from the line plus
    ``row_cost`` per row down, plus ``crowd_cost`` for each later label's line that
    it would cover (so a label in a cluster steps aside to the left); the cheapest
    free place wins. ``reserved`` holds (row, from, to) stretches no label may take,
    such as where data points lie. A label with no room at its full width is tried
    shorter, down to ``min_width``, before it is left off.
    """
    if len(anchors) != len(widths):
        raise ValueError("one width per anchor")
    span = right - left
    if max_shift is None:
        max_shift = max(80.0, span / 6)
    taken: list[list[tuple[float, float]]] = [[] for _ in range(max(rows, 0))]
    for row, lo, hi in reserved:
        if 0 <= row < len(taken):
            taken[row].append((lo, hi))
    out: list[Placement | None] = [None] * len(anchors)
    if span <= 0:
        return out
    order = sorted(range(len(anchors)), key=lambda k: anchors[k])
    ordered = [anchors[k] for k in order]

    def best_spot(x: float, width: float, n: int):
        best = None
        for row, boxes in enumerate(taken):
            for start in _candidates(x, width, boxes, left, right, pad, gap):
                away = max(start - x - pad, x - pad - (start + width), 0.0)
                # the box and the stretch back to its line must both be free
                reach = (min(start, x), max(start + width, x))
                if away > max_shift or not _free(reach, boxes, gap):
                    continue
                # a box over its own line hides it: only where nothing beside fits
                over = start + pad < x < start + width - pad
                # lines of labels still to come that this box would cover
                first = bisect_left(ordered, start - gap, n + 1)
                covered = max(bisect_right(ordered, start + width + gap, n + 1) - first, 0)
                cost = away + row * row_cost + covered * crowd_cost + (0.5 if start < x else 0)
                cost += 5 * row_cost if over else 0.0
                if best is None or cost < best[0]:
                    best = (cost, row, start, reach)
        return best

    for n, i in enumerate(order):
        x = anchors[i]
        if not left <= x <= right:
            continue
        full = min(max(widths[i], 0.0), span)
        # no room at full width: a shortened (elided) label rather than none, if even
        # the shortest one finds room
        width, spot = full, best_spot(x, full, n)
        if spot is None and min_width < full and best_spot(x, min_width, n) is not None:
            for width in (full * 0.7, full * 0.5, min_width):
                if width >= min_width and (spot := best_spot(x, width, n)) is not None:
                    break
        if spot is not None:
            _cost, row, start, reach = spot
            taken[row].append(reach)
            out[i] = Placement(start, width, row, width < widths[i])
    return out


def _free(reach: tuple[float, float], boxes: list[tuple[float, float]], gap: float) -> bool:
    lo, hi = reach
    return all(hi + gap <= a or lo >= b + gap for a, b in boxes)


def _candidates(x, width, boxes, left, right, pad, gap):
    """Left edges worth trying in a row: beside the line, against either span edge,
    or against a neighbour; each moved inside the span."""
    starts = [x + pad, x - pad - width, left, right - width]
    for a, b in boxes:
        starts += [b + gap, a - gap - width]
    return dict.fromkeys(min(max(start, left), right - width) for start in starts)


def label_rows(height: float, row_height: float, *, share: float = 0.45, cap: int = 6) -> int:
    """How many label rows fit in the top ``share`` of a plot ``height`` pixels tall."""
    if row_height <= 0 or height <= row_height:
        return 0
    return max(1, min(cap, int(height * share // row_height)))
