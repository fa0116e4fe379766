"""Pens, brushes and sizes of the motion chart's bubbles.

Made once per set of colours and reused for every frame: pyqtgraph keeps one
rendered symbol per (size, pen, brush) by the identity of the pen and brush, so
fresh pens each frame would grow its cache without end. Fades use six alpha levels.

Outline by the values a bubble shows: thin solid = observed (reported); dotted =
derived (worked out, e.g. from the household register, or a partial sum); orange
dashed = doubtful (sources disagree, an estimate). Area is proportional to the size
value; a small grey-ringed dot has no size value; grey fill has no colour value.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QPen

from ..colors import PALETTE

PLAIN, DERIVED, DOUBT = 0, 1, 2
LEVELS = 5  # alpha levels 0..5
FILL_ALPHA = 190
OUTLINE = "#333333"
DOUBT_COLOR = "#E69F00"
NO_COLOUR = "#B8B8B8"
SINGLE = "#0072B2"
# light to dark: low to high (ColorBrewer YlGnBu, readable on white)
RAMP = ["#c7e9b4", "#7fcdbb", "#41b6c4", "#1d91c0", "#225ea8", "#253494", "#081d58"]
MIN_PX, MAX_PX, NO_SIZE_PX, PLAIN_PX = 9, 54, 7, 16


def outline_pen(style: int, level: int = LEVELS) -> QPen:
    color = QColor(DOUBT_COLOR if style == DOUBT else OUTLINE)
    color.setAlpha(round(255 * level / LEVELS))
    pen = QPen(color)
    pen.setCosmetic(True)
    if style == DERIVED:
        pen.setWidthF(1.6)
        pen.setStyle(Qt.PenStyle.DotLine)
    elif style == DOUBT:
        pen.setWidthF(2.2)
        pen.setStyle(Qt.PenStyle.DashLine)
    else:
        pen.setWidthF(1.0)
    return pen


def fill_brush(color: str, level: int = LEVELS) -> QBrush:
    c = QColor(color)
    c.setAlpha(round(FILL_ALPHA * level / LEVELS))
    return QBrush(c)


class Styles:
    """The pens and brushes of one chart: ``brushes[colour][level]``,
    ``pens[style][level]``; the last colour is the no-value grey."""

    def __init__(self, colours: list[str]) -> None:
        self.colours = [*colours, NO_COLOUR]
        self.brushes = [[fill_brush(c, a) for a in range(LEVELS + 1)] for c in self.colours]
        self.pens = [[outline_pen(s, a) for a in range(LEVELS + 1)] for s in (0, 1, 2)]

    @property
    def no_colour(self) -> int:
        return len(self.colours) - 1


def group_colours(count: int) -> list[str]:
    return [PALETTE[i % len(PALETTE)] for i in range(count)]


def pixel_sizes(values: np.ndarray, largest: float | None) -> np.ndarray:
    """Symbol diameters in pixels with the area proportional to the value (integers,
    so the symbol cache stays small); no value or a negative one: the small dot."""
    if largest is None:
        return np.full(len(values), PLAIN_PX, dtype=np.int64)
    if largest <= 0:
        largest = 1.0
    with np.errstate(invalid="ignore"):
        share = np.sqrt(np.clip(values / largest, 0.0, 1.0))
        px = np.rint(MIN_PX + (MAX_PX - MIN_PX) * share)
    bad = np.isnan(values) | (values < 0)
    return np.where(bad, NO_SIZE_PX, px).astype(np.int64)


def ramp_index(values: np.ndarray, low: float, high: float, missing: int) -> np.ndarray:
    """The ramp colour of each value between ``low`` and ``high``; NaN: ``missing``."""
    span = high - low if high > low else 1.0
    with np.errstate(invalid="ignore"):
        bins = np.floor((values - low) / span * len(RAMP))
    bins = np.clip(np.nan_to_num(bins, nan=0.0), 0, len(RAMP) - 1).astype(np.int64)
    return np.where(np.isnan(values), missing, bins)
