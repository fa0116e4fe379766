"""The household card's table by year: income and its parts, the line, the needs.

Painted directly, not a ``QTableView``: the style draws every item view cell through
a text layout, 8 ms for these 60 cells against about 1 ms here, and a household card
must repaint within a frame. Money is in whole yuan, to the fen in the tooltip; an
unverified line is marked with a star; needs are ✓ met, ✗ not met, – not recorded.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QStaticText
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from ...model.register import display
from ...model.register.card import PARTS, HouseholdCard
from ...model.register.schema import INCOME_PARTS, NEEDS

# short row names (the full names are their tooltips)
ROW_NAMES = (("收入", "income"), ("工资性", "wage"), ("经营性", "production"),
             ("财产性", "property"), ("转移性", "transfer"), ("监测线", "line"),
             ("不愁吃", "food"), ("不愁穿", "clothing"), ("义务教育", "education"),
             ("基本医疗", "medical"), ("住房安全", "housing"), ("饮水安全", "water"))
FULL_NAMES = (("人均纯收入", "net income per person"),
              *((zh, en) for _, zh, en in INCOME_PARTS),
              ("监测线", "monitoring line"), *((zh, en) for _, zh, en in NEEDS))
LINE_ROW = len(PARTS) + 1
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
RULE = QColor("#dddddd")
MUTED = QColor("#555555")
NOT_MET = QColor("#B00020")
PAD = 6


class YearsGrid(QWidget):
    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("yearsTable")
        self.lang = lang
        self.years: tuple[int, ...] = ()
        self.texts: list[list[str]] = [[] for _ in ROW_NAMES]
        self.tips: list[list[str]] = [[] for _ in ROW_NAMES]
        self._static: dict[str, QStaticText] = {}
        metrics = self.fontMetrics()
        self.row_height = metrics.height() + 6
        self.head_width = max(metrics.horizontalAdvance(display.pick(n, lang))
                              for n in ROW_NAMES) + 2 * PAD
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFixedHeight(self.row_height * (len(ROW_NAMES) + 1) + 1)

    def sizeHint(self) -> QSize:  # noqa: N802
        return QSize(self.head_width + 60 * max(1, len(self.years)), self.height())

    def set_years(self, years: tuple[int, ...]) -> None:
        self.years = years
        self.texts = [[""] * len(years) for _ in ROW_NAMES]
        self.tips = [[""] * len(years) for _ in ROW_NAMES]
        self.updateGeometry()
        self.update()

    def text(self, row: int, column: int) -> str:
        return self.texts[row][column]

    def set_card(self, card: HouseholdCard) -> None:
        if tuple(y.year for y in card.years) != self.years:
            self.set_years(tuple(y.year for y in card.years))
        for c, year in enumerate(card.years):
            for r, value in enumerate((year.income, *(year.parts[p] for p in PARTS))):
                self.texts[r][c] = "–" if value is None else f"{value:,.0f}"
                self.tips[r][c] = "" if value is None else display.yuan(value)
            if year.line is None:
                self.texts[LINE_ROW][c] = "–"
                self.tips[LINE_ROW][c] = self.tr("The rule set has no line for this year.")
            else:
                self.texts[LINE_ROW][c] = f"{year.line:,.0f}" + (
                    "" if year.line_verified else "*")
                self.tips[LINE_ROW][c] = (
                    self.tr("verified against a public source") if year.line_verified
                    else self.tr("unverified: background knowledge, keep checking"))
            for i, (key, _, _) in enumerate(NEEDS):
                self.texts[LINE_ROW + 1 + i][c] = display.flag(year.needs[key])
        self.update()

    # ------------------------------------------------------------ painting
    def _cell(self, row: int, column: int) -> QRect:
        """Cell ``row`` (-1: the years) and ``column`` (-1: the row names)."""
        top = (row + 1) * self.row_height
        if column < 0:
            return QRect(0, top, self.head_width, self.row_height)
        width = (self.width() - self.head_width) / max(1, len(self.years))
        left = self.head_width + int(column * width)
        return QRect(left, top, int((column + 1) * width) - int(column * width), self.row_height)

    def _fixed(self, text: str) -> QStaticText:
        """Texts that recur (names, years, flags) are laid out once."""
        static = self._static.get(text)
        if static is None:
            static = self._static[text] = QStaticText(text)
            static.prepare(font=self.font())
        return static

    def _draw_fixed(self, painter: QPainter, rect: QRect, text: str, align: str) -> None:
        static = self._fixed(text)
        size = static.size()
        y = rect.top() + (rect.height() - size.height()) / 2
        if align == "right":
            x = rect.right() - PAD - size.width()
        elif align == "center":
            x = rect.left() + (rect.width() - size.width()) / 2
        else:
            x = rect.left() + PAD
        painter.drawStaticText(QPointF(x, y), static)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        painter = QPainter(self)
        width = self.width()
        painter.setPen(RULE)
        for row in range(len(ROW_NAMES) + 1):
            y = (row + 1) * self.row_height
            painter.drawLine(0, y, width, y)
        painter.drawLine(self.head_width - 1, 0, self.head_width - 1, self.height())
        painter.setPen(MUTED)
        for c, year in enumerate(self.years):
            self._draw_fixed(painter, self._cell(-1, c), str(year), "right")
        for r, name in enumerate(ROW_NAMES):
            painter.setPen(MUTED)
            self._draw_fixed(painter, self._cell(r, -1), display.pick(name, self.lang), "left")
            painter.setPen(self.palette().text().color())
            for c, text in enumerate(self.texts[r]):
                rect = self._cell(r, c)
                if r <= LINE_ROW:
                    painter.drawText(rect.adjusted(0, 0, -PAD, 0), RIGHT, text)
                else:
                    if text == "✗":
                        painter.setPen(NOT_MET)
                    self._draw_fixed(painter, rect, text, "center")
                    if text == "✗":
                        painter.setPen(self.palette().text().color())

    def event(self, event: Any) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            QToolTip.showText(event.globalPos(), self._tip(event.pos().x(), event.pos().y()),
                              self)
            return True
        return super().event(event)

    def _tip(self, x: int, y: int) -> str:
        row = y // self.row_height - 1
        if not 0 <= row < len(ROW_NAMES):
            return ""
        if x < self.head_width:
            return " ".join(FULL_NAMES[row])
        width = (self.width() - self.head_width) / max(1, len(self.years))
        column = int((x - self.head_width) // width)
        return self.tips[row][column] if 0 <= column < len(self.years) else ""
