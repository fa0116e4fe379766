"""The animated bubble chart (pyqtgraph): one frame of a ``model.keyframes.Track``
at a time.

Frames update the same items in place (``setData`` with arrays): the bubbles, a ring
and name on the selected unit, the trails (keyframe dots, solid lines between
consecutive years, dashed across a gap) and a large faint year behind the plot. The
axes keep one range for the whole animation. A legend beside the plot explains the
outlines, sizes and colours (it is part of the exported pictures). Hovering a bubble
shows its observed values with their years; a click emits ``bubble_clicked``.
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import (
    QGraphicsItem,
    QGraphicsSimpleTextItem,
    QVBoxLayout,
    QWidget,
)

from ...model.keyframes import Track, tooltip
from .bubble_legend import BubbleLegend
from .bubble_style import (
    DERIVED,
    DOUBT,
    LEVELS,
    PLAIN,
    RAMP,
    SINGLE,
    Styles,
    group_colours,
    pixel_sizes,
    ramp_index,
)

TRAIL = "#555555"


@dataclass
class ChartSetup:
    """What the chart shows: the track and how to label it."""

    track: Track
    names: list[str]  # per unit
    x_label: str
    y_label: str
    size_label: str = ""  # the size measure's name, "" without one
    colour_label: str = ""  # the colour measure's name, or what the groups are
    groups: np.ndarray | None = None  # colour group per unit (without a colour measure)
    group_names: list[str] = field(default_factory=list)
    lang: str = "en"
    warning: str = ""  # said first in the legend, e.g. the register is synthetic


class BubbleChart(QWidget):
    bubble_clicked = Signal(int)  # unit index in the track

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        self.view = pg.PlotWidget(self)
        self.view.setObjectName("bubbleChart")
        self.plot = self.view.getPlotItem()
        self.plot.hideButtons()
        self.plot.setMenuEnabled(False)
        for name in ("bottom", "left"):
            self.plot.getAxis(name).enableAutoSIPrefix(False)
        self.vb = self.plot.getViewBox()
        self.vb.setMouseEnabled(False, False)
        self.vb.disableAutoRange()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        self.setup: ChartSetup | None = None
        self.t = 0.0
        self.selected: int | None = None
        self.show_trails = False
        self.message = ""  # said on the empty plot when there is nothing to show
        self._data_years: frozenset[int] = frozenset()
        self.styles = Styles([SINGLE])
        self._colours = np.zeros(0, dtype=np.int64)
        self._largest: float | None = None
        self._ramp = (0.0, 1.0)
        self.watermark = QGraphicsSimpleTextItem()
        self.watermark.setParentItem(self.vb)
        self.watermark.setZValue(-1000)
        self.watermark.setBrush(QColor(0, 0, 0, 26))
        self.note = QGraphicsSimpleTextItem()
        self.note.setParentItem(self.vb)
        self.note.setZValue(-999)
        self.note.setBrush(QColor(0, 0, 0, 120))
        self.legend = BubbleLegend()
        self.plot.layout.addItem(self.legend, 2, 3, alignment=Qt.AlignmentFlag.AlignTop)
        self.plot.layout.setColumnStretchFactor(3, 0)
        # the grid is two line items of our own, under the bubbles: pyqtgraph's grid
        # is drawn by the axes across the whole plot, which cost ~30 ms a frame to
        # replay (or two plot-sized cached pixmaps to blend); what changes rarely (the
        # axes, the big year, the legend) is painted from a small pixmap of its own
        self.grid = [
            pg.PlotCurveItem(pen=pg.mkPen(0, 0, 0, alpha), connect="pairs", antialias=False)
            for alpha in (45, 18)
        ]
        for line in self.grid:
            line.setZValue(-100)
            self.plot.addItem(line)
        self.cached = [
            self.plot.getAxis("bottom"),
            self.plot.getAxis("left"),
            self.watermark,
            self.note,
            self.legend,
        ]
        self._set_cached(True)
        self.vb.sigResized.connect(self._update_grid)
        self.vb.sigResized.connect(self._place_watermark)
        self._make_items()

    def _set_cached(self, on: bool) -> None:
        mode = QGraphicsItem.CacheMode
        for item in self.cached:
            item.setCacheMode(mode.DeviceCoordinateCache if on else mode.NoCache)

    @contextmanager
    def uncached(self) -> Iterator[None]:
        """For exports: every item draws itself (vector text in SVG, sharp at any
        size), not its cached pixmap."""
        self._set_cached(False)
        try:
            yield
        finally:
            self._set_cached(True)

    # ------------------------------------------------------------ items
    def _make_items(self) -> None:
        """The plot's items, made once (``set_time`` only feeds them new arrays)."""
        # width 1: wider antialiased lines cost ~8 times as much to draw (measured)
        self.trail_solid = pg.PlotCurveItem(pen=pg.mkPen(TRAIL, width=1), connect="pairs")
        self.trail_gap = pg.PlotCurveItem(
            pen=pg.mkPen(TRAIL, width=1, style=Qt.PenStyle.DashLine), connect="pairs"
        )
        self.trail_dots = pg.ScatterPlotItem(size=5, pen=None, brush=pg.mkBrush(TRAIL))
        self.scatter = pg.ScatterPlotItem(hoverable=True, tip=self._tip)
        self.scatter.sigClicked.connect(self._clicked)
        self.ring = pg.ScatterPlotItem(pen=pg.mkPen("#000000", width=2.5), brush=None)
        self.label = pg.TextItem("", color="#111111", anchor=(0, 1))
        for item in self.items():
            self.plot.addItem(item)

    def items(self) -> list:
        return [
            self.trail_solid,
            self.trail_gap,
            self.trail_dots,
            self.scatter,
            self.ring,
            self.label,
        ]

    # ------------------------------------------------------------ content
    def set_setup(self, setup: ChartSetup | None, message: str = "") -> None:
        """Show another track (other units or measures): axes, colours, legend; with
        none, the plot says ``message``."""
        self.setup = setup
        self.message = message if setup is None else ""
        for name in ("bottom", "left"):  # no numbers on axes that measure nothing
            self.plot.getAxis(name).setStyle(showValues=setup is not None)
        self.selected = None
        if setup is None:
            self.plot.setLabel("bottom", "")
            self.plot.setLabel("left", "")
            self.set_time(self.t)
            self.legend.show_for(self.setup, self.styles.colours, self._ramp)
            return
        track = setup.track
        self._data_years = frozenset(track.data_years())
        self.plot.setLabel("bottom", setup.x_label)
        self.plot.setLabel("left", setup.y_label)
        for role, set_range in (("x", self.plot.setXRange), ("y", self.plot.setYRange)):
            extent = track.extent(role)
            lo, hi = extent if extent else (0.0, 1.0)
            if hi <= lo:
                lo, hi = lo - max(1.0, abs(lo) * 0.1), hi + max(1.0, abs(hi) * 0.1)
            set_range(lo, hi, padding=0.08)
        self._update_grid()
        size = track.extent("size") if track.roles.size else None
        self._largest = None if not track.roles.size else (size[1] if size else 1.0)
        units = len(track.units)
        if track.roles.colour:
            self.styles = Styles(RAMP)
            self._ramp = track.extent("colour") or (0.0, 1.0)
            self._colours = np.zeros(units, dtype=np.int64)
        elif setup.groups is not None and len(setup.group_names):
            self.styles = Styles(group_colours(len(setup.group_names)))
            groups = np.asarray(setup.groups, dtype=np.int64)
            self._colours = np.where(groups < 0, len(setup.group_names), groups)
        else:
            self.styles = Styles([SINGLE])
            self._colours = np.zeros(units, dtype=np.int64)
        self.legend.show_for(self.setup, self.styles.colours, self._ramp)

    def set_selected(self, unit: int | None) -> None:
        self.selected = unit
        self.set_time(self.t)

    def set_trails(self, on: bool) -> None:
        self.show_trails = on
        self.set_time(self.t)

    def set_time(self, t: float) -> None:
        """Show the frame at ``t``: every item gets new arrays, none is made anew."""
        self.t = t
        setup = self.setup
        if setup is None or not len(setup.track.units):
            for item in (self.scatter, self.ring, self.trail_dots):
                item.setData(x=[], y=[])
            for curve in (self.trail_solid, self.trail_gap):
                curve.setData([], [])
            self.label.setText("")
            self._set_watermark("", self.message)
            return
        track = setup.track
        f = track.at(t)
        idx = np.flatnonzero(f.drawn)
        px = pixel_sizes(f.size[idx], self._largest)
        order = np.argsort(-px, kind="stable")  # big ones first, small ones on top
        idx, px = idx[order], px[order]
        level = np.rint(f.alpha[idx] * LEVELS).astype(np.int64)
        if track.roles.colour:
            colour = ramp_index(f.colour[idx], *self._ramp, missing=self.styles.no_colour)
        else:
            colour = self._colours[idx]
        style = np.where(f.doubt[idx], DOUBT, np.where(f.derived[idx], DERIVED, PLAIN))
        brushes, pens = self.styles.brushes, self.styles.pens
        self.scatter.setData(
            x=f.x[idx],
            y=f.y[idx],
            size=px,
            brush=[brushes[c][a] for c, a in zip(colour.tolist(), level.tolist(), strict=True)],
            pen=[pens[s][a] for s, a in zip(style.tolist(), level.tolist(), strict=True)],
            data=idx,
        )
        self._show_selection(f, idx, px)
        self._show_trails(t, f)
        year = math.floor(t + 1e-9)
        empty = (t == year and year not in self._data_years) or not len(idx)
        self._set_watermark(str(year), self.tr("no values in this year") if empty else "")

    def _show_selection(self, f, idx: np.ndarray, px: np.ndarray) -> None:
        sel = self.selected
        where = np.flatnonzero(idx == sel) if sel is not None else []
        if len(where):
            i = where[0]
            self.ring.setData(x=[f.x[sel]], y=[f.y[sel]], size=[int(px[i]) + 8])
            self.label.setText(self.setup.names[sel])
            # just off the ring's upper right, whatever the zoom
            pw, ph = self.vb.viewPixelSize()
            r = (int(px[i]) + 8) / 2 * 0.72
            self.label.setPos(float(f.x[sel]) + r * pw, float(f.y[sel]) + r * ph)
        else:
            self.ring.setData(x=[], y=[])
            self.label.setText("")

    def _show_trails(self, t: float, f) -> None:
        track = self.setup.track
        if not self.show_trails:
            if len(self.trail_dots.data):
                self.trail_dots.setData(x=[], y=[])
                self.trail_solid.setData([], [])
                self.trail_gap.setData([], [])
            return
        which = np.zeros(len(track.units), bool)
        if self.selected is not None:
            which[self.selected] = True
        else:
            which[:] = True
        points, solid, dashed = track.trails(t, which, f)
        self.trail_dots.setData(x=points[:, 0], y=points[:, 1])
        for curve, seg in ((self.trail_solid, solid), (self.trail_gap, dashed)):
            flat = seg.reshape(-1, 2)
            curve.setData(flat[:, 0], flat[:, 1], connect="pairs")

    # ------------------------------------------------------------ watermark
    def _set_watermark(self, year: str, note: str) -> None:
        if self.watermark.text() != year or self.note.text() != note:
            self.watermark.setText(year)
            self.note.setText(note)
            self._place_watermark()

    def _place_watermark(self, *args) -> None:
        rect = self.vb.rect()
        font = QFont(self.font())
        font.setPixelSize(max(24, int(min(rect.height() * 0.32, rect.width() * 0.2))))
        font.setBold(True)
        self.watermark.setFont(font)
        box = self.watermark.boundingRect()
        self.watermark.setPos(rect.right() - box.width() - 12, rect.bottom() - box.height())
        small = QFont(self.font())
        small.setPixelSize(max(12, font.pixelSize() // 6))
        self.note.setFont(small)
        note = self.note.boundingRect()
        self.note.setPos(rect.right() - note.width() - 16, rect.bottom() - box.height() - 2)
        if not self.watermark.text():  # a message on an empty plot: in the middle
            centre = rect.center()
            self.note.setPos(centre.x() - note.width() / 2, centre.y() - note.height() / 2)

    def _update_grid(self, *args) -> None:
        """Grid lines at the axes' major and minor ticks (after a resize or new ranges)."""
        self._place_watermark()
        (x0, x1), (y0, y1) = self.vb.viewRange()
        rect = self.vb.rect()
        levels = [([], []), ([], [])]
        for name, lo, hi, size in (
            ("bottom", x0, x1, rect.width()),
            ("left", y0, y1, rect.height()),
        ):
            ticks = self.plot.getAxis(name).tickValues(lo, hi, max(size, 1.0))
            for level, (_, values) in enumerate(ticks[:2]):
                for v in values:
                    xs, ys = levels[level]
                    xs += [v, v] if name == "bottom" else [x0, x1]
                    ys += [y0, y1] if name == "bottom" else [v, v]
        for line, (xs, ys) in zip(self.grid, levels, strict=True):
            line.setData(np.asarray(xs, dtype=float), np.asarray(ys, dtype=float), connect="pairs")

    # ------------------------------------------------------------ events
    def tooltip_for(self, unit: int) -> str:
        setup = self.setup
        if setup is None:
            return ""
        state = setup.track.state(setup.track.at(self.t), unit)
        words = {
            "x": self.tr("x"),
            "y": self.tr("y"),
            "size": self.tr("size"),
            "colour": self.tr("colour"),
            "tween": self.tr("moving from {0} to {1} (consecutive years)"),
            "fading": self.tr("no value in {0}"),
            "no_value": self.tr("no value"),
            "derived": self.tr("Derived: {0}"),
            "partial": self.tr("partial"),
            "doubt": self.tr("doubtful"),
            "source": self.tr("Source: {0}"),
        }
        return tooltip(state, setup.track.panel, setup.names[unit], setup.lang, words)

    def _tip(self, x: float, y: float, data) -> str:
        return self.tooltip_for(int(data))

    def _clicked(self, item, points, event) -> None:
        if not len(points):
            return
        top = min(points, key=lambda p: p.size())  # small ones are drawn on top
        self.bubble_clicked.emit(int(top.data()))

    def bubble_pos(self, unit: int) -> QPointF | None:
        """Where a drawn unit's bubble is, in the plot widget's viewport pixels."""
        data = self.scatter.data
        hit = np.flatnonzero(data["data"] == unit) if len(data) else []
        if not len(hit):
            return None
        point = QPointF(float(data["x"][hit[0]]), float(data["y"][hit[0]]))
        return QPointF(self.view.mapFromScene(self.vb.mapViewToScene(point)))
