"""The income histogram of the live what-if, with the what-if line and the rule set's.

The bars are drawn once per register (and again only when "without transfer income"
toggles: the bins are shared, the counts differ); a slider step only moves the
``InfiniteLine`` and the shaded "below" region. Dragging the line on the plot asks for
that value (``line_dragged``): the panel keeps the slider, the spin box and the line in
step. pyqtgraph is imported when the first register is shown, not at start-up.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsRectItem, QLabel, QVBoxLayout, QWidget

BAR_COLOR = "#56B4E9"
LINE_COLOR = "#D55E00"
RULE_COLOR = "#555555"
LABEL_FILL = (255, 255, 255, 210)


class WhatIfHistogram(QWidget):
    line_dragged = Signal(float)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plot_widget = None  # made on the first ``set_bars``
        self.bars = self.line = self.rule_line = self.region = None
        self._edges: np.ndarray | None = None
        self._top = 1.0  # height of the y range: the shaded region fills it
        self.note = QLabel(self)
        self.note.setObjectName("styleLegend")
        self.note.setWordWrap(True)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)
        self._layout.addWidget(self.note)

    def _make_plot(self) -> None:
        import pyqtgraph as pg

        pg.setConfigOptions(antialias=True, background="w", foreground="#333333")
        plot = pg.PlotWidget(self)
        plot.setAntialiasing(False)  # bars and vertical lines: nothing to smooth
        plot.setMenuEnabled(False)
        plot.setMouseEnabled(x=False, y=False)
        plot.hideButtons()
        plot.setLabel("bottom", self.tr("income per person (yuan)"))
        plot.setLabel("left", self.tr("households"))
        plot.getAxis("left").enableAutoSIPrefix(False)
        plot.getAxis("bottom").enableAutoSIPrefix(False)
        self.bars = pg.BarGraphItem(x0=[0], x1=[1], height=[0],
                                    brush=pg.mkBrush(BAR_COLOR), pen=pg.mkPen("#3a8fc0"))
        plot.addItem(self.bars)
        # the households below the line, shaded: a plain rectangle, one call a step
        self.region = QGraphicsRectItem(0.0, 0.0, 0.0, 1.0)
        self.region.setBrush(QColor(213, 94, 0, 30))
        self.region.setPen(Qt.PenStyle.NoPen)
        self.region.setZValue(-10)
        plot.addItem(self.region, ignoreBounds=True)
        self.rule_line = pg.InfiniteLine(
            angle=90, movable=False,
            pen=pg.mkPen(RULE_COLOR, width=1, style=Qt.PenStyle.DashLine),
            label="", labelOpts={"position": 0.75, "color": RULE_COLOR, "fill": LABEL_FILL,
                                 "anchors": [(1, 0), (1, 0)]},
        )
        plot.addItem(self.rule_line)
        self.line = pg.InfiniteLine(
            angle=90, movable=True, pen=pg.mkPen(LINE_COLOR, width=2),
            hoverPen=pg.mkPen(LINE_COLOR, width=4),
            label="{value:,.0f}",
            labelOpts={"position": 0.92, "color": LINE_COLOR, "fill": LABEL_FILL,
                       "anchors": [(0, 0), (0, 0)]},
        )
        self.line.setZValue(10)
        self.line.sigPositionChanged.connect(self._on_dragged)
        plot.addItem(self.line)
        self._layout.insertWidget(0, plot, 1)
        self.plot_widget = plot

    def set_bars(self, edges: np.ndarray, counts: np.ndarray, note: str) -> None:
        """Draw the bars (a new register, or the other "without transfer" counts)."""
        if self.plot_widget is None:
            self._make_plot()
        self.bars.setOpts(x0=edges[:-1], x1=edges[1:], height=counts)
        self._top = max(float(counts.max()) if len(counts) else 1.0, 1.0) * 1.12
        if self._edges is None or not np.array_equal(self._edges, edges):
            self._edges = edges
            self.plot_widget.setXRange(float(edges[0]), float(edges[-1]), padding=0.01)
            self.line.setBounds((float(edges[0]), None))
        self.plot_widget.setYRange(0, self._top, padding=0)
        self.set_line(float(self.line.value()))
        self.note.setText(note)

    def set_rule_line(self, value: float | None, label: str) -> None:
        if self.plot_widget is None:
            self._make_plot()
        self.rule_line.setVisible(value is not None)
        if value is not None:
            self.rule_line.setValue(value)
            self.rule_line.label.setFormat(label)

    def set_line(self, value: float) -> None:
        """Move the what-if line (no re-plot)."""
        if self.line is None:
            return
        self.line.blockSignals(True)
        self.line.setValue(value)
        self.line.blockSignals(False)
        self.line.label.valueChanged()  # its text follows even with signals blocked
        start = float(self._edges[0]) if self._edges is not None else 0.0
        self.region.setRect(start, 0.0, value - start, self._top)

    def _on_dragged(self) -> None:
        self.line_dragged.emit(float(self.line.value()))
