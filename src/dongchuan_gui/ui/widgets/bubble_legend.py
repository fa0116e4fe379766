"""The motion chart's legend, beside the plot (so the exported pictures have it):
what the outlines mean (observed, derived, doubtful), the size measure and the
no-size dot, the colours (groups, or the lowest and highest observed value of the
colour measure), and the rule: bubbles only in years with values, straight moves only
between consecutive years. Invented figures (a synthetic register) are said first, in
red, so that no exported picture passes them off as real.

The legend asks for the width its longest line takes plus a margin: pyqtgraph sizes a
legend from its labels' widths at the time they were added, which italic text and an
export's own text rendering can exceed (the last lines were cut at the right edge)."""

from __future__ import annotations

import html
from typing import TYPE_CHECKING

import pyqtgraph as pg
from PySide6.QtCore import QSizeF, Qt
from PySide6.QtWidgets import QSizePolicy

from .bubble_style import DERIVED, DOUBT, NO_SIZE_PX, PLAIN, PLAIN_PX, outline_pen

if TYPE_CHECKING:
    from .bubble_chart import ChartSetup


WARNING_COLOR = "#B00020"  # as the map legend's warning
RIGHT_MARGIN = 16  # px kept free right of the longest line


class BubbleLegend(pg.LegendItem):
    def __init__(self) -> None:
        super().__init__(offset=None, verSpacing=-6, labelTextSize="8pt")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.layout.setContentsMargins(2, 2, RIGHT_MARGIN, 2)
        self._samples: list = []  # the items the samples draw (kept alive)

    def show_for(
        self, setup: ChartSetup | None, colours: list[str], ramp: tuple[float, float]
    ) -> None:
        self.clear()
        self._samples.clear()
        if setup is None:
            self._fit()
            return
        if setup.warning:
            text = html.escape(setup.warning)
            self._add(
                pg.ScatterPlotItem(symbol=None),
                f'<b><span style="color: {WARNING_COLOR}">{text}</span></b>',
            )
        self._sample(self.tr("observed (reported)"), outline_pen(PLAIN), "#ffffff")
        self._sample(self.tr("derived (worked out)"), outline_pen(DERIVED), "#ffffff")
        self._sample(self.tr("doubtful"), outline_pen(DOUBT), "#ffffff")
        if setup.size_label:
            self._heading(self.tr("Size (area): {0}").format(setup.size_label))
            self._sample(self.tr("no size value"), outline_pen(PLAIN), "#ffffff", NO_SIZE_PX)
        if setup.track.roles.colour:
            lo, hi = ramp
            self._heading(self.tr("Colour: {0}").format(setup.colour_label))
            self._sample(self.tr("lowest ({0})").format(_short(lo)), None, colours[0])
            self._sample(self.tr("highest ({0})").format(_short(hi)), None, colours[-2])
            self._sample(self.tr("no colour value"), None, colours[-1])
        elif setup.group_names:
            self._heading(setup.colour_label)
            for name, colour in zip(setup.group_names, colours, strict=False):
                self._sample(name, None, colour)
        self._heading(self.tr("Bubbles only in years with values;"), bold=False)
        self._heading(self.tr("straight moves only between consecutive years."), bold=False)
        self._fit()

    def _fit(self) -> None:
        """Ask for room for the widest line (sample, gap, text) and the margins."""
        widest = 0.0
        for sample, label in self.items:
            text = label.item.boundingRect().width()
            widest = max(
                widest, sample.boundingRect().width() + self.layout.horizontalSpacing() + text
            )
        left, top, right, bottom = self.layout.getContentsMargins()
        width = widest + left + right + 6 if self.items else 0.0
        self.setMinimumWidth(width)
        self.setPreferredSize(QSizeF(width, self.preferredHeight()))
        self.updateGeometry()

    def texts(self) -> list[str]:
        return [label.text for _, label in self.items]

    def _sample(self, text: str, pen, brush: str, size: int = PLAIN_PX - 2) -> None:
        item = pg.ScatterPlotItem(
            symbol="o", size=size, pen=pen if pen is not None else pg.mkPen(None), brush=brush
        )
        self._add(item, html.escape(text))

    def _heading(self, text: str, bold: bool = True) -> None:
        text = html.escape(text)
        self._add(pg.ScatterPlotItem(symbol=None), f"<b>{text}</b>" if bold else f"<i>{text}</i>")

    def _add(self, item, text: str) -> None:
        self._samples.append(item)
        self.addItem(item, text)
        self.items[-1][0].setAcceptedMouseButtons(Qt.MouseButton.NoButton)  # no hide-on-click


def _short(value: float) -> str:
    return f"{value:,.0f}" if abs(value) >= 100 else f"{value:.3g}"
