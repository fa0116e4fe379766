"""The live what-if: move the monitoring line and watch who falls below it.

A slider and a spin box (kept in step) set the line in yuan, from 0 to three times the
rule set's line of the year (its tick marks fall on the rule set's line and its
multiples); "without transfer income" drops the transfer component. Every step recounts
through ``WhatIfModel.step`` (a ``searchsorted`` over presorted keys, about a millisecond
at a million households), moves the line on the histogram and rewrites the counts: by
monitoring category and for the villages with the most households below.

"Newly below" (below the what-if line, not below the rule set's) comes with each step
from the keys; without transfer income the keys cannot give it, so it is counted from
the households once the line rests for a moment. Nothing in the data changes here:
"Save as rule set…" asks for a new rule set (``save_requested``), which the tab adds as
one undo step.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QPainter, QPaintEvent, QPolygon
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QSlider,
    QSpinBox,
    QStyle,
    QStyleOptionSlider,
    QVBoxLayout,
    QWidget,
)

from ...model.register import display
from ...model.register.whatif import CATEGORY_LABELS, WhatIfStep, monitoring_category
from .rows_model import Row, StepRows, on_activate, small_table
from .whatif_histogram import RULE_COLOR, WhatIfHistogram

TOP_VILLAGES = 15
FALLBACK_MAX = 30000  # yuan, when the rule set has no line for the year
EXACT_DELAY_MS = 150  # "newly below" without transfer: counted once the line rests


class RuleSlider(QSlider):
    """A slider with the rule set's line marked under its groove (▲)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(Qt.Orientation.Horizontal, parent)
        self.mark: int | None = None

    def set_mark(self, value: int | None) -> None:
        self.mark = value
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        super().paintEvent(event)
        if self.mark is None or self.maximum() <= self.minimum():
            return
        option = QStyleOptionSlider()
        self.initStyleOption(option)
        style = self.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderGroove, self)
        handle = style.subControlRect(QStyle.ComplexControl.CC_Slider, option,
                                      QStyle.SubControl.SC_SliderHandle, self)
        span = groove.width() - handle.width()
        x = groove.x() + handle.width() // 2 + QStyle.sliderPositionFromValue(
            self.minimum(), self.maximum(), self.mark, span)
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(RULE_COLOR))
        y = self.height() - 1
        painter.drawPolygon(QPolygon([QPoint(x, y - 6), QPoint(x - 5, y), QPoint(x + 5, y)]))
        painter.end()


class TextLine(QWidget):
    """One line of large text that changes on every step without asking the panel's
    layout to run again (a ``QLabel`` does: its size hint may have changed)."""

    COLOR = QColor("#0b3d62")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._text = ""
        font = self.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.setFont(font)
        self.setFixedHeight(self.fontMetrics().height() + 8)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def text(self) -> str:
        return self._text

    def setText(self, text: str) -> None:  # noqa: N802 (as QLabel's)
        if text != self._text:
            self._text = text
            self.update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt's name)
        painter = QPainter(self)
        painter.setPen(self.COLOR)
        text = self.fontMetrics().elidedText(self._text, Qt.TextElideMode.ElideRight,
                                             self.width())
        painter.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter, text)
        painter.end()


class WhatIfPanel(QWidget):
    place_activated = Signal(object)  # 12-digit village code (int)
    filter_newly_below = Signal(float, bool)  # line, without transfer income
    save_requested = Signal(float)  # the line to save as a new rule set

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: Any = None
        self.model: Any = None  # WhatIfModel of the session's year
        self.step: WhatIfStep | None = None
        self.rule_line: float | None = None
        self.province = "53"
        self._can_save = False
        self._category: np.ndarray | None = None
        self._exact: tuple[float, np.ndarray, np.ndarray] | None = None

        self.heading = QLabel(self)
        self.heading.setObjectName("editorTitle")
        self.slider = RuleSlider(self)
        self.slider.setObjectName("whatIfSlider")
        self.slider.setMinimumHeight(30)
        self.slider.setSingleStep(10)
        self.slider.setPageStep(100)
        self.spin = QSpinBox(self)
        self.spin.setObjectName("whatIfLine")
        self.spin.setKeyboardTracking(False)  # recount on Return, not on every digit
        self.spin.setSingleStep(10)
        self.spin.setGroupSeparatorShown(True)
        self.spin.setSuffix(self.tr(" yuan"))
        self.rule_label = QLabel(self)
        self.rule_label.setObjectName("styleLegend")
        self.reset_button = QPushButton(self.tr("Back to the rule set's line"), self)
        self.without = QCheckBox(self.tr("Without transfer income"), self)
        self.without.setToolTip(self.tr(
            "Count each household's income less its transfer income (pensions, subsidies, "
            "minimum living allowance): who would fall below without them."))
        self.total = TextLine(self)
        self.total.setObjectName("whatIfTotal")
        self.histogram = WhatIfHistogram(self)
        self.categories = StepRows(
            [self.tr("Monitoring category"), self.tr("Below"), self.tr("Newly below")], {1, 2},
            self,
        )
        numbers = {1: "0,000,000", 2: "0,000,000"}
        self.category_view = small_table(self.categories, self, fixed=numbers)
        self.villages = StepRows(
            [self.tr("Village"), self.tr("Below"), self.tr("Newly below"), self.tr("Share")],
            {1, 2, 3}, self,
        )
        self.village_view = small_table(self.villages, self,
                                        fixed={**numbers, 3: "100.0%"})
        self.village_view.setObjectName("whatIfVillages")
        self.village_caption = QLabel(
            self.tr("Villages with the most households below (click to open)"), self)
        self.newly_button = QPushButton(self.tr("Show newly below in the table"), self)
        self.save_button = QPushButton(self.tr("Save as rule set…"), self)
        self.save_button.setToolTip(self.tr(
            "Add a new rule set with this year's line set to the what-if value, as one step "
            "you can undo. The rule set in use and the households are not changed."))
        self._exact_timer = QTimer(self)
        self._exact_timer.setSingleShot(True)
        self._exact_timer.setInterval(EXACT_DELAY_MS)
        self._layout()
        self.slider.valueChanged.connect(self._on_slider)
        self.spin.valueChanged.connect(self._on_spin)
        self.histogram.line_dragged.connect(self._on_line_dragged)
        self.without.toggled.connect(self._on_without)
        self.reset_button.clicked.connect(self._back_to_rule)
        self.newly_button.clicked.connect(
            lambda: self.filter_newly_below.emit(float(self.spin.value()), self.without_transfer)
        )
        self.save_button.clicked.connect(lambda: self.save_requested.emit(float(self.line)))
        self._exact_timer.timeout.connect(self._count_exact)
        on_activate(self.village_view, self.villages.key_at, self.place_activated.emit)
        self.clear()

    def _layout(self) -> None:
        controls = QGridLayout()
        controls.addWidget(QLabel(self.tr("Monitoring line"), self), 0, 0)
        controls.addWidget(self.slider, 0, 1)
        controls.addWidget(self.spin, 0, 2)
        controls.setColumnStretch(1, 1)
        row = QHBoxLayout()
        row.addWidget(self.rule_label, 1)
        row.addWidget(self.reset_button)
        row.addWidget(self.without)
        tables = QVBoxLayout()
        tables.addWidget(self.category_view, 0)
        tables.addWidget(self.village_caption)
        tables.addWidget(self.village_view, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.histogram, 3)
        middle.addLayout(tables, 2)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.newly_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.heading)
        layout.addLayout(controls)
        layout.addLayout(row)
        layout.addWidget(self.total)
        layout.addLayout(middle, 1)
        layout.addLayout(buttons)
        self.category_view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.category_view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        rows = self.category_view.verticalHeader().defaultSectionSize()
        self.category_view.setFixedHeight(rows * (len(CATEGORY_LABELS) + 1) + 6)

    # --------------------------------------------------------------- state
    @property
    def line(self) -> int:
        return self.spin.value()

    @property
    def without_transfer(self) -> bool:
        return self.without.isChecked()

    def clear(self) -> None:
        """No register: nothing to count."""
        self.session = self.model = self.step = None
        self._category = self._exact = None
        self._exact_timer.stop()
        for widget in (self.slider, self.spin, self.reset_button, self.without,
                       self.newly_button, self.save_button):
            widget.setEnabled(False)
        self.heading.setText(self.tr("Live what-if"))
        self.total.setText("")
        self.rule_label.setText("")
        self.categories.set_rows([])
        self.villages.set_rows([])

    def show_session(self, session: Any, *, reset_line: bool) -> None:
        """Show the session's register (results were dropped or are new): the line
        goes back to the rule set's when ``reset_line``, else stays where it was."""
        self.session = session
        self.model = session.what_if()
        self._category = self._exact = None
        year = self.model.year
        villages = self.model.villages
        self.province = display.province_of(villages[0]) if len(villages) else "53"
        entry = session.rules.line(year, self.province) if session.rules else None
        self.rule_line = float(entry.value) if entry is not None else None
        self.heading.setText(self.tr("Live what-if · {0}").format(year))
        if entry is None:
            self.rule_label.setText(self.tr("The rule set has no line for {0}.").format(year))
        else:
            status = self.tr("verified") if entry.verified else self.tr("not verified")
            self.rule_label.setText(self.tr("▲ rule set line {0}: {1} yuan ({2})").format(
                year, f"{entry.value:,.0f}", status))
        top = round(3 * self.rule_line) if self.rule_line else FALLBACK_MAX
        value = self.spin.value()
        if reset_line or not 0 <= value <= top or not self.slider.isEnabled():
            value = round(self.rule_line) if self.rule_line else top // 3
        for widget in (self.slider, self.spin):
            widget.blockSignals(True)
            widget.setRange(0, top)
            widget.setValue(value)
            widget.blockSignals(False)
        self.slider.set_mark(round(self.rule_line) if self.rule_line else None)
        for widget in (self.slider, self.spin, self.without, self.newly_button):
            widget.setEnabled(True)
        self.reset_button.setEnabled(self.rule_line is not None)
        self.save_button.setEnabled(self._can_save)
        self.histogram.set_rule_line(self.rule_line, f"▲ {self.rule_line or 0:,.0f}")
        self._draw_bars()
        self.recount(value)

    def set_can_save(self, can: bool) -> None:
        self._can_save = can
        self.save_button.setEnabled(can and self.model is not None)

    # ------------------------------------------------------------- input
    def _on_slider(self, value: int) -> None:
        self.spin.blockSignals(True)
        self.spin.setValue(value)
        self.spin.blockSignals(False)
        self.recount(value)

    def _on_spin(self, value: int) -> None:
        self.slider.blockSignals(True)
        self.slider.setValue(value)
        self.slider.blockSignals(False)
        self.recount(value)

    def _on_line_dragged(self, x: float) -> None:
        if self.model is not None:
            self.slider.setValue(int(round(x)))  # clamped to the range; recounts

    def _on_without(self, checked: bool) -> None:
        if self.model is not None:
            self._draw_bars()
            self.recount(self.line)

    def _back_to_rule(self) -> None:
        if self.rule_line is not None:
            self.slider.setValue(round(self.rule_line))

    # ----------------------------------------------------------- recount
    def _draw_bars(self) -> None:
        hist = self.model.histogram(self.without_transfer)
        edges = hist.edges
        parts = []
        if hist.over:
            parts.append(self.tr("{0} from {1} yuan up").format(
                f"{hist.over:,}", f"{edges[-1]:,.0f}"))
        if hist.under:
            parts.append(self.tr("{0} below 0").format(f"{hist.under:,}"))
        note = self.tr("Households by {0} income per person").format(self.model.year)
        if self.without_transfer:
            note += self.tr(", without transfer income")
        if parts:
            note += self.tr("; not drawn: {0}").format(", ".join(parts))
        if hist.missing:
            note += self.tr("; {0} without an income").format(f"{hist.missing:,}")
        self.histogram.set_bars(edges, hist.counts, note + ".")

    def recount(self, value: float) -> None:
        """One what-if step: counts, the line on the histogram, the tables."""
        if self.model is None:
            return
        step = self.model.step(float(value), self.without_transfer)
        self.step = step
        self.histogram.set_line(float(value))
        newly_v = newly_c = None
        if step.newly is not None:
            newly_v, newly_c = step.newly.sum(axis=1), step.newly.sum(axis=0)
        elif self._exact is not None and self._exact[0] == step.line:
            newly_v, newly_c = self._exact[1], self._exact[2]
        else:
            self._exact_timer.start()
        self._show_counts(step, newly_v, newly_c)

    def _count_exact(self) -> None:
        """"Newly below" without transfer income: a pass over the households."""
        if self.model is None or self.step is None or not self.without_transfer:
            return
        if self._category is None:
            self._category = monitoring_category(self.model.reg)
        mask = self.model.newly_below(self.session.evaluation, self.step.line, True)
        per_village = np.bincount(self.model.reg.village_idx[mask],
                                  minlength=len(self.model.villages))
        per_category = np.bincount(self._category[mask], minlength=len(CATEGORY_LABELS))
        self._exact = (self.step.line, per_village, per_category)
        self._show_counts(self.step, per_village, per_category)

    def _show_counts(self, step: WhatIfStep, newly_v: np.ndarray | None,
                     newly_c: np.ndarray | None) -> None:
        lang = self.lang
        pending = display.MISSING if newly_c is None else None
        newly_total = pending or f"{int(newly_c.sum()):,}"
        if self.without_transfer:
            text = self.tr("{0} households below {1} yuan without transfer income "
                           "({2} newly below)")
        else:
            text = self.tr("{0} households below {1} yuan ({2} newly below)")
        self.total.setText(text.format(f"{step.total_below:,}", f"{step.line:,.0f}",
                                       newly_total))
        self.total.setToolTip(self.tr(
            "Newly below: below the what-if line but not below the rule set's line. "
            "Of {0} households with a {1} income.").format(f"{step.total_known:,}", step.year))
        below_c = step.below_category
        self.categories.set_rows([
            Row((display.pick(CATEGORY_LABELS[k], lang), f"{int(below_c[k]):,}",
                 pending or f"{int(newly_c[k]):,}"), tip=display.pick(CATEGORY_LABELS[k], lang))
            for k in range(len(CATEGORY_LABELS))
        ])
        below_v = step.below_village
        share = step.share_village()
        order = np.lexsort((step.villages, -below_v))[:TOP_VILLAGES]
        names = self.session.place_names if self.session is not None else {}
        rows = []
        for i in order:
            code = int(step.villages[i])
            town = display.place_name(names, display.town_of(code), lang)
            rows.append(Row(
                (display.place_name(names, code, lang), f"{int(below_v[i]):,}",
                 pending or f"{int(newly_v[i]):,}", display.percent(float(share[i]))),
                key=code, tip=f"{town} · {code:012d}",
            ))
        self.villages.set_rows(rows)
