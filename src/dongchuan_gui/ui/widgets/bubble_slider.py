"""The motion chart's year slider: one position per calendar year (so positions are
spaced by real time), year labels under the ticks, and the years without data for
the chosen measures marked by a red cross."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import QSlider, QStyle, QStyleOptionSlider, QWidget

NO_DATA = QColor("#C0392B")
LABEL = QColor("#555555")


class YearSlider(QSlider):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.setTickPosition(QSlider.TickPosition.TicksBelow)
        self.setTickInterval(1)
        self.setSingleStep(1)
        self.setPageStep(5)
        self.no_data: frozenset[int] = frozenset()
        self.setObjectName("yearSlider")

    def set_years(self, first: int, last: int, no_data: set[int] | frozenset[int]) -> None:
        """Positions ``first`` … ``last``; ``no_data`` years get the no-data mark."""
        self.blockSignals(True)
        self.setRange(first, last)
        self.blockSignals(False)
        self.no_data = frozenset(no_data)
        self.setToolTip(
            self.tr("Years marked × have no values for the chosen measures") if self.no_data else ""
        )
        self.update()

    def sizeHint(self) -> QSize:  # noqa: N802 (Qt's name)
        hint = super().sizeHint()
        return QSize(hint.width(), hint.height() + self.fontMetrics().height() + 4)

    def minimumSizeHint(self) -> QSize:  # noqa: N802
        return self.sizeHint()

    def year_x(self, year: int) -> int:
        """Where ``year`` is along the slider, in the widget's pixels."""
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderGroove, self
        )
        handle = style.subControlRect(
            QStyle.ComplexControl.CC_Slider, option, QStyle.SubControl.SC_SliderHandle, self
        )
        span = groove.width() - handle.width()
        offset = QStyle.sliderPositionFromValue(self.minimum(), self.maximum(), year, span)
        return groove.x() + offset + handle.width() // 2

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        first, last = self.minimum(), self.maximum()
        if last <= first:
            return
        painter = QPainter(self)
        metrics = self.fontMetrics()
        label_top = self.height() - metrics.height() - 1
        # label every year when there is room, else every 2, 5 or 10
        room = max(1, self.year_x(last) - self.year_x(first)) / (last - first)
        step = next(
            (s for s in (1, 2, 5, 10, 20) if room * s >= metrics.horizontalAdvance("2020 ")), 50
        )
        painter.setPen(LABEL)
        for year in range(first, last + 1):
            if year in (first, last) or year % step == 0:
                x = self.year_x(year)
                text = str(year)
                width = metrics.horizontalAdvance(text)
                left = min(max(0, x - width // 2), self.width() - width)
                painter.drawText(
                    QRect(left, label_top, width, metrics.height()),
                    Qt.AlignmentFlag.AlignCenter,
                    text,
                )
        pen = QPen(NO_DATA, 2)
        painter.setPen(pen)
        cross = 3
        y = label_top - cross - 2
        for year in sorted(self.no_data):
            if first <= year <= last:
                x = self.year_x(year)
                painter.drawLine(x - cross, y - cross, x + cross, y + cross)
                painter.drawLine(x - cross, y + cross, x + cross, y - cross)
        painter.end()
