"""How the map draws a place: one set of symbols, pens and brushes shared by the map and
its legend, so the legend shows exactly what the map draws.

- a value: a filled circle, area ∝ value, coloured on a viridis scale (readable in
  grey and by colour-blind readers);
- derived (worked out, not reported; or a partial sum): a dashed outline;
- doubtful (sources disagree, or an estimate): a thick orange outline;
- no value for the year: a hollow, hatched grey circle of fixed size (never a colour);
- the district seat: a black cross, not sized (its figure is a district total).

Pens and brushes are made once and reused: the scatter item's symbol atlas keys on
their identity, so fresh objects on every year change would grow it for nothing.
"""

from __future__ import annotations

import math
from functools import cache

import pyqtgraph as pg
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPainterPath, QPen

DOUBT_COLOR = "#E69F00"  # as the timelines' doubtful ring
OUTLINE_COLOR = "#333333"
NO_DATA_COLOR = "#7F7F7F"
HIGHLIGHT_COLOR = "#D62728"
CENTRE_COLOR = "#000000"
COLORMAP = "viridis"
FILL_ALPHA = 225
RAMP_STEPS = 256
NO_DATA_PX = 13.0
CENTRE_PX = 15.0
MAX_PX = 54.0  # the largest bubble's diameter
MIN_PX = 4.0  # a value of zero is still a visible dot


@cache
def _colormap() -> pg.ColorMap:
    return pg.colormap.get(COLORMAP)


def ramp_stops(count: int = 9) -> list[tuple[float, QColor]]:
    """Stops of the colour scale for a gradient (the legend's colour bar)."""
    cmap = _colormap()
    positions = [i / (count - 1) for i in range(count)]
    return list(zip(positions, cmap.map(positions, mode="qcolor"), strict=True))


@cache
def _brushes() -> tuple[QBrush, ...]:
    colours = _colormap().map([i / (RAMP_STEPS - 1) for i in range(RAMP_STEPS)], mode="qcolor")
    out = []
    for colour in colours:
        colour.setAlpha(FILL_ALPHA)
        out.append(QBrush(colour))
    return tuple(out)


def value_brush(position: float) -> QBrush:
    """The fill for a position 0..1 on the colour scale (from a fixed set of brushes)."""
    return _brushes()[min(RAMP_STEPS - 1, max(0, round(position * (RAMP_STEPS - 1))))]


@cache
def value_pen(derived: bool, doubt: bool) -> QPen:
    style = Qt.PenStyle.DashLine if derived else Qt.PenStyle.SolidLine
    if doubt:
        return pg.mkPen(DOUBT_COLOR, width=2.6, style=style)
    return pg.mkPen(OUTLINE_COLOR, width=1.6 if derived else 1.0, style=style)


@cache
def no_data_pen() -> QPen:
    return pg.mkPen(NO_DATA_COLOR, width=1.2)


@cache
def no_brush() -> QBrush:
    return QBrush(Qt.BrushStyle.NoBrush)


@cache
def centre_pen() -> QPen:
    return pg.mkPen(CENTRE_COLOR, width=2)


@cache
def cross() -> QPainterPath:
    """A unit cross (two strokes, no fill): the district seat."""
    path = QPainterPath()
    path.moveTo(QPointF(-0.5, 0.0))
    path.lineTo(QPointF(0.5, 0.0))
    path.moveTo(QPointF(0.0, -0.5))
    path.lineTo(QPointF(0.0, 0.5))
    return path


@cache
def highlight_pen() -> QPen:
    return pg.mkPen(HIGHLIGHT_COLOR, width=2.5)


@cache
def hatched_circle() -> QPainterPath:
    """A unit circle (diameter 1, centred on 0) with three diagonal hatch lines: the
    "no data" symbol. Lines rather than a pattern brush, so SVG keeps the hatching."""
    path = QPainterPath()
    path.addEllipse(QRectF(-0.5, -0.5, 1.0, 1.0))
    r = 0.5
    for s in (-0.25, 0.0, 0.25):
        t = math.sqrt(r * r - s * s)
        # along (1, -1)/√2 at distance s along the normal (1, 1)/√2
        nx, ny = s / math.sqrt(2), s / math.sqrt(2)
        dx, dy = t / math.sqrt(2), -t / math.sqrt(2)
        path.moveTo(QPointF(nx - dx, ny - dy))
        path.lineTo(QPointF(nx + dx, ny + dy))
    return path


def paint_symbol(
    painter: QPainter, kind: str, centre: QPointF, diameter: float, position: float = 0.5
) -> None:
    """Draw one map symbol for the legend: kind is "value", "derived", "doubt",
    "no_data" or "centre"; ``position`` picks the fill of a value."""
    painter.save()
    painter.translate(centre)
    if kind in ("no_data", "centre"):
        # the paths are unit-sized: scale them, with pens that keep their pixel width
        painter.setPen(no_data_pen() if kind == "no_data" else centre_pen())
        painter.setBrush(no_brush())
        painter.scale(diameter, diameter)
        painter.drawPath(hatched_circle() if kind == "no_data" else cross())
    else:
        painter.setPen(value_pen(kind == "derived", kind == "doubt"))
        painter.setBrush(value_brush(position))
        painter.drawEllipse(QRectF(-diameter / 2, -diameter / 2, diameter, diameter))
    painter.restore()
