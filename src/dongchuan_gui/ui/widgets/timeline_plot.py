"""A timeline of one or more series on a year axis (pyqtgraph, imported lazily).

Series with different units are stacked in rows that share the year axis. Reported
values are drawn solid with filled markers, estimates dashed, targets hollow, and
doubtful values get an extra orange ring; around each target a faint bar spans the
"on track" band (target ± the dataset's band, in percent). Series derived from the
household register (status "derived") are dashed with square markers. Hovering a point
shows its value, unit, status and source in the read-out line under the plot. Event
labels are laid out in pixel rows over the first row of plots (``event_overlay``).
"""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QMenu, QStackedWidget, QVBoxLayout, QWidget

from ...model.records import DEFAULT_QUALITY
from .target_band import band_legend, target_band

DOUBT_COLOR = "#E69F00"
DERIVED = "derived"  # a status: worked out from the register, not reported
EVENT_COLOR = "#888888"
MAX_STEP_YEARS = 1.5  # points further apart are joined by a faint dotted line
HEADROOM = 1.4  # room above the data for event labels and the legend


@dataclass
class PlotSeries:
    key: str
    indicator: str
    label: str
    unit: str
    x: list[float]
    y: list[float]
    statuses: list[str]
    doubts: list[bool]
    tips: list[str]
    color: str


@dataclass
class PlotMarks:
    """What is drawn besides the series: dated events, reference values and bands."""

    events: list[tuple[float, str, str]] = field(default_factory=list)  # x, label, tip
    # reference values: (y, label, scope) and bands (lo, hi, label, scope), where scope
    # is "indicator:ID" (drawn with that indicator) or "unit:UNIT" (with that unit)
    lines: list[tuple[float, str, str]] = field(default_factory=list)
    bands: list[tuple[float, float, str, str]] = field(default_factory=list)
    # the dataset's "on track" band around targets, in percent of the target
    target_band: float = DEFAULT_QUALITY.on_track_band


def _derived(s: PlotSeries) -> bool:
    return bool(s.statuses) and all(st == DERIVED for st in s.statuses)


def _glyph(s: PlotSeries) -> str:
    return "╍■" if _derived(s) else "━●"


def _tip_text(x: float, y: float, data: str) -> str:
    return data


def _year_axis_class():
    import pyqtgraph as pg

    class YearAxis(pg.AxisItem):
        """Whole years as labels; steps of 1, 2, 5 or 10 years by span."""

        def tickSpacing(self, minVal, maxVal, size):  # noqa: N803 (pyqtgraph's names)
            span = max(maxVal - minVal, 1e-9)
            for major in (1, 2, 5, 10, 20, 50):
                if span / major <= max(size / 60, 2):
                    return [(major, 0), (1, 0)] if major > 1 else [(1, 0)]
            return [(100, 0), (10, 0)]

        def tickStrings(self, values, scale, spacing):
            return [str(int(round(v))) for v in values]

    return YearAxis


class TimelinePlot(QWidget):
    """Shows an honest empty state when there is nothing to plot."""

    export_requested = Signal(object)  # this plot: "export me" from its context menu

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._stack = QStackedWidget(self)
        self._empty = QLabel(self.tr("No dated figures to plot."), self)
        self._empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._empty.setWordWrap(True)
        self._empty.setObjectName("emptyState")
        self._stack.addWidget(self._empty)
        self._drawing = QLabel(self.tr("Drawing…"), self)
        self._drawing.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._drawing.setObjectName("emptyState")
        self._stack.addWidget(self._drawing)
        self._layout_widget = None
        self._legend = QLabel(self)
        self._legend.setObjectName("legend")
        self._legend.setWordWrap(True)
        self._readout = QLabel(" ", self)
        self._readout.setObjectName("readout")
        self._readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._stack, 1)
        layout.addWidget(self._legend)
        layout.addWidget(self._readout)
        self.plots: list = []
        self._pool: list = []  # plot rows, kept for reuse
        self._overlays: list = []  # the event labels of each pooled row
        self._target_bands: list = []
        self.series: list[PlotSeries] = []
        self._x_range: tuple[float, float] | None = None
        self._pending: PlotMarks | None = None
        self.marks = PlotMarks()

    # ------------------------------------------------------------- state
    def is_empty(self) -> bool:
        return not self.series

    def empty_text(self) -> str:
        return self._empty.text()

    def readout_text(self) -> str:
        return self._readout.text()

    # ------------------------------------------------------------ drawing
    def set_content(
        self,
        series: list[PlotSeries],
        marks: PlotMarks | None = None,
        *,
        empty_text: str = "",
        x_range: tuple[float, float] | None = None,
    ) -> None:
        self.series = [s for s in series if s.x]
        self._x_range = x_range
        self._readout.setText(" ")
        # a Qt legend under the plot: it never hides data or event labels
        entries = [
            f"<span style='color:{s.color}'>{_glyph(s)}</span>&nbsp;{html.escape(s.label)}"
            for s in self.series
        ]
        targets = [s for s in self.series if "target" in s.statuses]
        if targets:
            band = (marks or PlotMarks()).target_band
            text = band_legend(band)
            glyph = f"<span style='color:{targets[0].color}'>▮</span>"
            entries.append(f"{glyph}&nbsp;{html.escape(text)}")
        self._legend.setText("&nbsp;&nbsp; ".join(entries))
        self._legend.setVisible(bool(self.series))
        if not self.series:
            self._pending = None
            self._empty.setText(empty_text or self.tr("No dated figures to plot."))
            self._stack.setCurrentWidget(self._empty)
            return
        # draw after this widget is first painted: pyqtgraph's import (~0.3 s) and
        # the drawing then come after the window is on screen, not before it
        self._pending = marks or PlotMarks()
        self.marks = self._pending
        self._stack.setCurrentWidget(self._drawing)
        self.update()

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if self._pending is not None:
            QTimer.singleShot(0, self.render_now)

    def render_now(self) -> None:
        """Draw what :meth:`set_content` was given, if not drawn yet."""
        if self._pending is None:
            return
        marks, self._pending = self._pending, None
        view = self._ensure_view()
        units: list[str] = []
        for s in self.series:
            if s.unit not in units:
                units.append(s.unit)
        self.plots = self._rows(view, len(units))
        self._target_bands = []
        for plot, unit in zip(self.plots, units, strict=True):
            plot.setLabel("left", unit)
            ys = [y for s in self.series if s.unit == unit for y in s.y]
            # a target's band is drawn whole
            ys += [
                y * (1 + marks.target_band / 100)
                for s in self.series
                if s.unit == unit
                for y, st in zip(s.y, s.statuses, strict=True)
                if st == "target"
            ]
            for s in self.series:
                if s.unit == unit:
                    self._draw_series(plot, s, marks.target_band)
            self._draw_marks(plot, unit, marks)
            if min(ys) >= 0:
                # counts and shares read honestly from zero
                top = max(ys) * HEADROOM or 1.0
                plot.setYRange(-0.03 * top, top, padding=0)
        self._apply_range()
        first = [
            (x, y) for s in self.series if s.unit == units[0] for x, y in zip(s.x, s.y, strict=True)
        ]
        for row, overlay in enumerate(self._overlays):
            # event labels over the first row only, where the headroom leaves them space
            if row == 0:
                overlay.set_events(sorted(marks.events), first)
            else:
                overlay.set_events([])
        self._stack.setCurrentWidget(view)

    def _rows(self, view, count: int) -> list:
        """``count`` plot rows on one year axis. Rows are kept and reused (a new
        pyqtgraph PlotItem with its axes costs ~15 ms); only their items go."""
        from .event_overlay import EventLabels

        axis_class = _year_axis_class()
        while len(self._pool) < count:
            plot = view.addPlot(
                row=len(self._pool), col=0, axisItems={"bottom": axis_class("bottom")}
            )
            plot.showGrid(x=True, y=True, alpha=0.15)
            plot.getAxis("left").setWidth(64)  # rows line up on the shared year axis
            plot.setMenuEnabled(False)
            if self._pool:
                plot.setXLink(self._pool[0])
            self._pool.append(plot)
            self._overlays.append(EventLabels(plot.getViewBox()))
        for row, plot in enumerate(self._pool):
            plot.clear()
            plot.enableAutoRange()
            shown = row < count
            if shown and plot.scene() is None:
                view.addItem(plot, row=row, col=0)
            elif not shown and plot.scene() is not None:
                view.removeItem(plot)
        return self._pool[:count]

    def _ensure_view(self):
        if self._layout_widget is None:
            import pyqtgraph as pg

            pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
            self._layout_widget = pg.GraphicsLayoutWidget(self)
            self._layout_widget.setObjectName("plotArea")
            self._layout_widget.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            self._layout_widget.customContextMenuRequested.connect(self._context_menu)
            self._stack.addWidget(self._layout_widget)
        return self._layout_widget

    def _draw_series(self, plot, s: PlotSeries, band: float) -> None:
        import numpy as np
        import pyqtgraph as pg

        x = np.asarray(s.x, dtype=float)
        y = np.asarray(s.y, dtype=float)
        reported = np.array([st in ("reported", "baseline") for st in s.statuses])
        both = reported[:-1] & reported[1:]
        # a long gap has no figures in it: draw it faint and dotted, not as a trend
        gap = np.diff(x) > MAX_STEP_YEARS
        masks = [
            (both & ~gap, Qt.PenStyle.SolidLine, 2, 255),
            (~both & ~gap, Qt.PenStyle.DashLine, 2, 255),
            (gap, Qt.PenStyle.DotLine, 1, 150),
        ]
        color = pg.mkColor(s.color)
        for mask, style, width, alpha in masks:
            if mask.any():
                line_color = pg.mkColor(s.color)
                line_color.setAlpha(alpha)
                pen = pg.mkPen(line_color, width=width, style=style)
                plot.addItem(pg.PlotDataItem(x, y, connect=np.append(mask, False), pen=pen))
        target = np.array([st == "target" for st in s.statuses])
        tips = list(s.tips)
        for i in np.flatnonzero(target):
            bar, text = target_band(s.label, s.unit, s.color, float(x[i]), float(y[i]), band)
            plot.addItem(bar)
            self._target_bands.append(bar)
            tips[i] = f"{tips[i]} · {text}"
        # targets are hollow and say their band in a tooltip; other points use the read-out
        for mask, brush, tip in ((~target, s.color, None), (target, "#ffffff", _tip_text)):
            if not mask.any():
                continue
            scatter = pg.ScatterPlotItem(
                x=x[mask],
                y=y[mask],
                size=10,
                symbol="s" if _derived(s) else "o",
                pen=pg.mkPen(color, width=2),
                brush=pg.mkBrush(brush),
                data=np.array([t for t, m in zip(tips, mask, strict=True) if m], dtype=object),
                hoverable=True,
                tip=tip,
            )
            scatter.sigHovered.connect(self._on_hover)
            plot.addItem(scatter)
        doubtful = [i for i, d in enumerate(s.doubts) if d]
        if doubtful:
            ring = pg.ScatterPlotItem(
                x=x[doubtful],
                y=y[doubtful],
                size=18,
                symbol="o",
                brush=None,
                pen=pg.mkPen(DOUBT_COLOR, width=2, style=Qt.PenStyle.DotLine),
            )
            plot.addItem(ring)

    def target_band_items(self) -> list:
        """The target band bars drawn (for tests and exports)."""
        return list(self._target_bands)

    def event_labels(self) -> list:
        """The event labels shown now, as graphics items over the first plot row."""
        return self._overlays[0].shown() if self._overlays and self.plots else []

    def _draw_marks(self, plot, unit: str, marks: PlotMarks) -> None:
        import pyqtgraph as pg

        scopes = {f"unit:{unit}"} | {
            f"indicator:{s.indicator}" for s in self.series if s.unit == unit
        }
        for lo, hi, label, scope in marks.bands:
            if scope not in scopes:
                continue
            region = pg.LinearRegionItem(
                values=(lo, hi),
                orientation="horizontal",
                movable=False,
                brush=pg.mkBrush(0, 158, 115, 40),
                pen=pg.mkPen(None),
            )
            region.setToolTip(label)
            plot.addItem(region)
            text = pg.TextItem(label, color="#00795a", anchor=(0, 1))
            text.setPos(self._x_min(), hi)
            plot.addItem(text)
        for value, label, scope in marks.lines:
            if scope not in scopes:
                continue
            line = pg.InfiniteLine(
                pos=value,
                angle=0,
                pen=pg.mkPen("#00795a", width=1, style=Qt.PenStyle.DashLine),
                label=label,
                labelOpts={"position": 0.02, "color": "#00795a", "anchors": [(0, 1), (0, 1)]},
            )
            plot.addItem(line)
        for x, _label, tip in sorted(marks.events):
            # the labels themselves are laid out in pixels by the row's EventLabels
            line = pg.InfiniteLine(
                pos=x, angle=90, pen=pg.mkPen(EVENT_COLOR, width=1, style=Qt.PenStyle.DotLine)
            )
            line.setToolTip(tip)
            plot.addItem(line)

    def _visible_range(self) -> tuple[float, float]:
        if self._x_range:
            return self._x_range
        xs = [x for s in self.series for x in s.x]
        return (min(xs) - 1, max(xs) + 1) if xs else (0.0, 1.0)

    def _x_min(self) -> float:
        return min(min(s.x) for s in self.series) if self.series else 0.0

    def _apply_range(self) -> None:
        if not self.plots:
            return
        lo, hi = self._visible_range()
        self.plots[0].setXRange(lo, hi, padding=0.02)

    def set_x_range(self, lo: float, hi: float) -> None:
        self._x_range = (lo, hi)
        self._apply_range()

    def _on_hover(self, item, points, event) -> None:
        if len(points):
            text = points[0].data()
            self._readout.setText(text)

    def _context_menu(self, pos) -> None:
        menu = QMenu(self)
        menu.addAction(
            self.tr("Export Chart (PNG, SVG)…"), lambda: self.export_requested.emit(self)
        )
        menu.popup(self._layout_widget.mapToGlobal(pos))

    def grab_plot(self):
        """The plot area as a pixmap (for exports and tests)."""
        self.render_now()
        return self._stack.currentWidget().grab()
