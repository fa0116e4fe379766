"""The map's legend: what is measured, for which year, the colour scale, the bubble
sizes, and what each outline and marker means.

The heading (measure, unit and year, how many places have a value) is plain labels;
the scales and the key are painted with the map's own symbols (``map_style``), so
they are exact. A year change only changes the heading: the scales are the same for
every year, and the painted part is kept as a pixmap until its content changes. An
export paints it afresh onto the file's device, so an SVG keeps it as vector text.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QLinearGradient,
    QPainter,
    QPaintEvent,
    QPixmap,
)
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from .map_style import NO_DATA_PX, paint_symbol, ramp_stops

WIDTH = 250
PAD = 10
BAR_H = 12
SYMBOL_W = 26
TEXT_COLOR = QColor("#222222")
MUTED = QColor("#555555")


@dataclass
class LegendContent:
    title: str = ""  # the measure's name
    subtitle: str = ""  # unit and year
    counts: str = ""  # how many places have a value
    not_drawn: str = ""  # how many places have no coordinates (one line a layer)
    warning: str = ""  # e.g. the figures come from a synthetic register
    ramp: tuple[str, str] | None = None  # labels of the colour scale's ends
    sizes: list[tuple[float, str]] = field(default_factory=list)  # (diameter px, label)
    size_title: str = ""  # says the unit of the sizes' labels
    empty: str = ""  # said instead of the scales when there is nothing to show


class LegendBody(QWidget):
    """The painted part: colour bar, size circles, the key of symbols."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ramp: tuple[str, str] | None = None
        self.sizes: list[tuple[float, str]] = []
        self.size_title = ""
        self.empty = ""
        self.exporting = False
        self._cache: QPixmap | None = None
        self._height = 0
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setFixedWidth(WIDTH)
        self._resize()

    def set_content(
        self, ramp: tuple[str, str] | None, sizes: list, size_title: str, empty: str
    ) -> None:
        new = (ramp, list(sizes), size_title, empty)
        if new == (self.ramp, self.sizes, self.size_title, self.empty):
            return  # a year change: the scales stay, nothing to repaint
        self.ramp, self.sizes, self.size_title, self.empty = new
        self._cache = None
        self._resize()
        self.update()

    def _resize(self) -> None:
        height = self._draw(None)
        if height != self._height:
            self._height = height
            self.setFixedHeight(height)

    def keys(self) -> list[tuple[str, str]]:
        return [
            ("value", self.tr("Reported value")),
            ("derived", self.tr("Derived (worked out, not reported): dashed outline")),
            ("doubt", self.tr("Doubtful (sources disagree, or an estimate): orange outline")),
            ("no_data", self.tr("No value for this year: hatched, hollow")),
            ("centre", self.tr("District seat (its figure in the read-out)")),
        ]

    def texts(self) -> list[str]:
        out = [self.empty, *(self.ramp or ()), *(label for _, label in self.sizes)]
        if self.ramp:
            out.append(self.tr("Colour: value"))
        if self.sizes:
            out.append(self.size_title or self.tr("Size: area ∝ value"))
        return [t for t in out if t] + [label for _, label in self.keys()]

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        if self.exporting:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.fillRect(self.rect(), QColor("white"))
            self._draw(painter)
        else:
            dpr = self.devicePixelRatioF()
            if self._cache is None or self._cache.devicePixelRatio() != dpr:
                self._cache = QPixmap(self.size() * dpr)
                self._cache.setDevicePixelRatio(dpr)
                self._cache.fill(QColor("white"))
                cache_painter = QPainter(self._cache)
                cache_painter.setRenderHint(QPainter.RenderHint.Antialiasing)
                self._draw(cache_painter)
                cache_painter.end()
            painter.drawPixmap(0, 0, self._cache)
        painter.end()

    def resizeEvent(self, event) -> None:
        self._cache = None
        super().resizeEvent(event)

    def _text(
        self,
        painter: QPainter | None,
        y: float,
        text: str,
        *,
        color: QColor = TEXT_COLOR,
        left: float = PAD,
    ) -> float:
        """Draw wrapped text at ``y`` (or only measure it); returns the next y."""
        rect = QRectF(left, y, WIDTH - left - PAD, 1000)
        flags = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap
        used = QFontMetricsF(self.font()).boundingRect(rect, int(flags), text)
        if painter is not None:
            painter.setFont(self.font())
            painter.setPen(color)
            painter.drawText(rect, flags, text)
        return y + used.height() + 3

    def _draw(self, painter: QPainter | None) -> int:
        y = 4.0
        line = QFontMetricsF(self.font()).height()
        if self.empty:
            y = self._text(painter, y, self.empty)
        if self.ramp:
            y = self._text(painter, y, self.tr("Colour: value"))
            bar = QRectF(PAD, y, WIDTH - 2 * PAD, BAR_H)
            if painter is not None:
                gradient = QLinearGradient(bar.topLeft(), bar.topRight())
                for position, colour in ramp_stops():
                    gradient.setColorAt(position, colour)
                painter.fillRect(bar, gradient)
                painter.setPen(MUTED)
                painter.drawRect(bar)
                below = QRectF(PAD, bar.bottom() + 2, bar.width(), line + 2)
                top = Qt.AlignmentFlag.AlignTop
                painter.drawText(below, top | Qt.AlignmentFlag.AlignLeft, self.ramp[0])
                painter.drawText(below, top | Qt.AlignmentFlag.AlignRight, self.ramp[1])
            y = bar.bottom() + 2 + line + 8
        if self.sizes:
            y = self._text(painter, y, self.size_title or self.tr("Size: area ∝ value"))
            biggest = max(d for d, _ in self.sizes)
            slot = (WIDTH - 2 * PAD) / len(self.sizes)
            base = y + biggest
            for i, (diameter, label) in enumerate(self.sizes):
                cx = PAD + slot * (i + 0.5)
                if painter is not None:
                    paint_symbol(painter, "value", QPointF(cx, base - diameter / 2), diameter, 0.5)
                    painter.setPen(TEXT_COLOR)
                    painter.drawText(
                        QRectF(cx - slot / 2, base + 2, slot, line + 2),
                        Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop,
                        label,
                    )
            y = base + 2 + line + 4
        if self.ramp or self.sizes:
            y = self._text(painter, y, self.tr("The same scales for every year."), color=MUTED)
            y += 4
        for kind, label in self.keys():
            top = y
            y = self._text(painter, y, label, left=PAD + SYMBOL_W + 6)
            if painter is not None:
                size = NO_DATA_PX if kind in ("no_data", "centre") else 16.0
                centre = QPointF(PAD + SYMBOL_W / 2, top + min(10.0, (y - top) / 2))
                paint_symbol(painter, kind, centre, size, 0.55)
            y += 2
        return int(y + PAD)


class MapLegend(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.setAutoFillBackground(True)
        palette = self.palette()
        palette.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(palette)
        self.content = LegendContent()
        self.title = QLabel(self)
        font = QFont(self.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.title.setFont(font)
        self.subtitle = QLabel(self)
        self.counts = QLabel(self)
        self.not_drawn = QLabel(self)
        self.not_drawn.setObjectName("mapNotDrawn")
        self.warning = QLabel(self)
        self.warning.setStyleSheet("color: #B00020; font-weight: bold;")
        self.heading = (self.title, self.subtitle, self.counts, self.not_drawn, self.warning)
        for label in self.heading:
            label.setWordWrap(True)
            label.setFixedWidth(WIDTH - 2 * PAD)
        for label in (self.subtitle, self.counts, self.not_drawn):
            label.setStyleSheet("color: #555555;")
        self.body = LegendBody(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(PAD, PAD, 0, PAD)
        layout.setSpacing(2)
        for label in self.heading:
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self.body)
        layout.addStretch(1)
        self.setFixedWidth(WIDTH + PAD)

    def set_content(self, content: LegendContent) -> None:
        self.content = content
        self.title.setText(content.title)
        self.subtitle.setText(content.subtitle)
        self.counts.setText(content.counts)
        self.not_drawn.setText(content.not_drawn)
        self.not_drawn.setVisible(bool(content.not_drawn))
        self.warning.setText(content.warning)
        self.warning.setVisible(bool(content.warning))
        self.body.set_content(content.ramp, content.sizes, content.size_title, content.empty)

    def texts(self) -> list[str]:
        """Every text the legend shows (for tests and the export's description)."""
        c = self.content
        heading = (c.title, c.subtitle, c.counts, *c.not_drawn.split("\n"), c.warning)
        return [t for t in heading if t] + self.body.texts()

    def sizeHint(self) -> QSize:
        return QSize(WIDTH + PAD, super().sizeHint().height())
