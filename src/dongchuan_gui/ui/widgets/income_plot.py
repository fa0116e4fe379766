"""A household's income per person by year, its four parts, and the monitoring line.

The line is a step per year from the rule set: solid where the value was checked
against a public source, dashed where it is background knowledge. pyqtgraph draws the
axes (cached as pixmaps: drawn again only when the scale changes); the series are one
graphics item that paints its paths itself (eight pyqtgraph curves cost 8-10 ms a
household, mostly in their Python bounds and paint calls; one item about 2 ms). The
value axis moves in "nice" steps (1, 1.2, 1.5, 2, 2.5 … × 10^k) and only when the next
household does not fit it or would use less than half of it, so clicking through
households mostly keeps one scale. pyqtgraph is imported with the first household.
"""

from __future__ import annotations

import html
import math
from typing import Any

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsItem, QLabel, QVBoxLayout, QWidget

from ...model.register import display
from ...model.register.card import PARTS, HouseholdCard
from ...model.register.schema import INCOME_PARTS
from ..colors import PALETTE

INCOME_COLOR = "#222222"
LINE_COLOR = "#B00020"
PART_COLORS = dict(zip(PARTS, (PALETTE[0], PALETTE[2], PALETTE[4], PALETTE[3]), strict=True))
POINT = 3.5  # radius of the income's points, pixels


NICE = (1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10)


def nice_ceiling(value: float) -> float:
    """The smallest of 1, 1.2, 1.5, 2, 2.5, 3, 4, 5, 6, 8 × 10^k at or above ``value``."""
    if not value > 0:
        return 1.0
    power = 10.0 ** math.floor(math.log10(value))
    return next(m * power for m in NICE if value <= m * power * (1 + 1e-12))


def _pen(color: str, width: float, style: Qt.PenStyle = Qt.PenStyle.SolidLine) -> QPen:
    pen = QPen(QColor(color), width, style)
    pen.setCosmetic(True)  # pixels wide whatever the scale
    return pen


def _polyline(x: np.ndarray, y: np.ndarray) -> QPainterPath:
    """Points joined where both are known; a missing year breaks the line."""
    path = QPainterPath()
    joined = False
    for xi, yi in zip(x.tolist(), y.tolist(), strict=True):
        if yi != yi:
            joined = False
        elif joined:
            path.lineTo(xi, yi)
        else:
            path.moveTo(xi, yi)
            joined = True
    return path


def _steps(edges: np.ndarray, line: np.ndarray, keep: np.ndarray) -> QPainterPath:
    """The line as steps over the years in ``keep``, joined where both are kept."""
    path = QPainterPath()
    for i, value in enumerate(line.tolist()):
        if value != value or not keep[i]:
            continue
        if i and keep[i - 1] and line[i - 1] == line[i - 1]:
            path.lineTo(float(edges[i]), value)
        else:
            path.moveTo(float(edges[i]), value)
        path.lineTo(float(edges[i + 1]), value)
    return path


def _chart_class() -> Any:
    import pyqtgraph as pg

    class IncomeChart(pg.GraphicsObject):
        """Every series of one household in one item."""

        def __init__(self) -> None:
            super().__init__()
            self.paths: list[tuple[QPainterPath, QPen]] = []
            self.points: list[QPointF] = []
            self.rect = QRectF(0, 0, 1, 1)

        def set_paths(self, paths: list[tuple[QPainterPath, QPen]], points: list[QPointF],
                      rect: QRectF) -> None:
            self.prepareGeometryChange()
            self.paths, self.points, self.rect = paths, points, rect
            self.update()

        def boundingRect(self) -> QRectF:  # noqa: N802
            return self.rect

        def paint(self, painter: Any, *args: Any) -> None:
            painter.setRenderHint(painter.RenderHint.Antialiasing, True)
            for path, pen in self.paths:
                painter.setPen(pen)
                painter.drawPath(path)
            to_pixels = painter.transform()
            painter.resetTransform()  # round points, whatever the scale
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QBrush(QColor(INCOME_COLOR)))
            for point in self.points:
                painter.drawEllipse(to_pixels.map(point), POINT, POINT)

    return IncomeChart


class IncomePlot(QWidget):
    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.years: tuple[int, ...] = ()
        self.plot: Any = None  # pyqtgraph PlotWidget, made with the first household
        self.chart: Any = None
        self.series: dict[str, np.ndarray] = {}  # as drawn (tests read it)
        self.y_range: tuple[float, float] = (0.0, 0.0)
        self.legend = QLabel(self)
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.legend)
        self._pens = {key: _pen(PART_COLORS[key], 1.2) for key in PARTS}
        self._pens["income"] = _pen(INCOME_COLOR, 2.5)
        self._pens["line_all"] = _pen(LINE_COLOR, 1.5, Qt.PenStyle.DashLine)
        self._pens["line_verified"] = _pen(LINE_COLOR, 2.5)

    def set_years(self, years: tuple[int, ...]) -> None:
        self.years = years
        if self.plot is not None:
            self._axis()

    def _ensure(self) -> None:
        if self.plot is not None:
            return
        import pyqtgraph as pg

        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("incomePlot")
        self.plot.setMinimumHeight(180)
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.showGrid(x=False, y=True, alpha=0.2)
        left = item.getAxis("left")
        left.setWidth(56)
        left.enableAutoSIPrefix(False)
        for name in ("left", "bottom"):  # drawn again only when the scale changes
            item.getAxis(name).setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self._layout.insertWidget(0, self.plot)
        self.chart = _chart_class()()
        item.addItem(self.chart)
        names = [(INCOME_COLOR, "━●", display.pick(("人均纯收入", "net income"), self.lang))]
        names += [(PART_COLORS[k], "─", display.pick((zh, en), self.lang))
                  for k, zh, en in INCOME_PARTS]
        names += [(LINE_COLOR, "━", self.tr("monitoring line (verified)")),
                  (LINE_COLOR, "╍", self.tr("unverified"))]
        self.legend.setText("&nbsp; ".join(  # wraps between entries only
            f"<span style='color:{c}'>{m}</span>&nbsp;{html.escape(t).replace(' ', '&nbsp;')}"
            for c, m, t in names))
        self._axis()

    def _axis(self) -> None:
        item = self.plot.getPlotItem()
        item.getAxis("bottom").setTicks([[(y, str(y)) for y in self.years]])
        if self.years:
            item.setXRange(self.years[0] - 0.6, self.years[-1] + 0.6, padding=0)

    def show_card(self, card: HouseholdCard) -> None:
        self._ensure()
        series = card.series()
        years = series["years"]
        edges, line = card.line_steps()
        verified = np.array([bool(y.line_verified) for y in card.years])
        everywhere = np.ones(len(line), dtype=bool)
        paths = [(_steps(edges, line, everywhere), self._pens["line_all"]),
                 (_steps(edges, line, verified), self._pens["line_verified"])]
        paths += [(_polyline(years, series[k]), self._pens[k]) for k in (*PARTS, "income")]
        income = series["income"]
        points = [QPointF(x, y) for x, y in zip(years.tolist(), income.tolist(), strict=True)
                  if y == y]
        values = np.concatenate([series[k] for k in ("income", *PARTS)] + [line])
        values = values[np.isfinite(values)]
        high = float(values.max()) * 1.05 if len(values) else 1.0
        low = -nice_ceiling(-float(values.min())) if len(values) and values.min() < 0 else 0.0
        left = float(edges[0]) if len(edges) else 0.0
        width = float(edges[-1]) - left if len(edges) else 1.0
        self.chart.set_paths(paths, points, QRectF(left, low, width, high - low))
        self.series = {**series, "line": line}
        now_low, now_top = self.y_range
        if low != now_low or not now_top / 2 <= high <= now_top:  # else the same scale
            self.y_range = (low, nice_ceiling(high))
            self.plot.getPlotItem().setYRange(*self.y_range, padding=0)
