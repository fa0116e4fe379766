"""The household card: one household of the register, its income against the
monitoring line year by year, its needs, its monitoring case, measures and verdict.

Built once; showing another household only sets texts and plot data (the plot items
are reused), so selecting households in the table repaints in a few milliseconds.
pyqtgraph is imported when the first household is shown. Edits (risk status, measures,
a year's income) are intents: ``edit_requested(row, column, value, text)``; the tab
pushes them on the undo stack and the card shows the household again afterwards.
"""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from ...model.register import display
from ...model.register.card import HouseholdCard
from ...model.register.schema import MEASURE, RISK_STATUS
from .household_years import YearsGrid
from .income_plot import IncomePlot

NOT_RECORDED = -10_000_000.0  # the income spin box's "not recorded" value
REASON_LINES = 6


def _value(label: QLabel) -> QLabel:
    """A value: selectable, not wrapped. A wrapped label's new text lays the whole card
    out again (its height depends on its width), ~15 ms a household; a value too long
    for the pane is cut, and whole in its tooltip."""
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setMinimumWidth(1)  # cut, not widening the pane
    return label


class HouseholdCardPane(QStackedWidget):
    edit_requested = Signal(int, str, object, str)  # row, column, value, undo text

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.card: HouseholdCard | None = None
        self.read_only = False
        self.years: tuple[int, ...] = ()
        self._incomes: dict[int, float | None] = {}
        self._measures: list[int] = []  # as last shown or asked for
        self._status: int | None = None
        self.empty = QLabel(self.tr("Select a household in the table to see its card."), self)
        self.empty.setObjectName("emptyState")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.addWidget(self.empty)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        scroll.setWidget(body)
        self.addWidget(scroll)
        self.body = body
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)

        top = QHBoxLayout()
        self.title = _value(QLabel(body))
        self.title.setObjectName("householdId")
        self.title.setStyleSheet("font-size: 13pt; font-weight: 600;")
        self.synthetic = QLabel(self.tr("synthetic"), body)
        self.synthetic.setObjectName("syntheticTag")
        self.synthetic.setStyleSheet(
            "background: #FFE8A3; color: #5C4400; padding: 1px 6px; border-radius: 3px;")
        self.synthetic.setToolTip(self.tr("An invented household, not real data."))
        top.addWidget(self.title, 1)
        top.addWidget(self.synthetic)
        layout.addLayout(top)

        verdict = QGroupBox(self.tr("Rule verdict"), body)
        v_layout = QVBoxLayout(verdict)
        self.verdict = _value(QLabel(verdict))
        self.verdict.setObjectName("verdict")
        self.verdict.setStyleSheet("font-weight: 600;")
        # reasons wrap inside a box of fixed height: a new text never lays the card out
        self.reasons = QPlainTextEdit(verdict)
        self.reasons.setObjectName("verdictReasons")
        self.reasons.setReadOnly(True)
        self.reasons.setFrameShape(QFrame.Shape.NoFrame)
        self.reasons.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.reasons.viewport().setAutoFillBackground(False)
        self.reasons.setFixedHeight(self.fontMetrics().lineSpacing() * REASON_LINES + 8)
        v_layout.addWidget(self.verdict)
        v_layout.addWidget(self.reasons)
        layout.addWidget(verdict)

        facts = QGroupBox(self.tr("Household"), body)
        self.facts = QGridLayout(facts)
        self.facts.setHorizontalSpacing(10)
        self.facts.setVerticalSpacing(2)
        self._fact_labels: list[tuple[QLabel, QLabel]] = []

        income = QGroupBox(self.tr("Income per person and the monitoring line"), body)
        self.income_layout = QVBoxLayout(income)
        self.plot = IncomePlot(lang, income)
        self.income_layout.addWidget(self.plot)
        edit_row = QHBoxLayout()
        edit_row.addWidget(QLabel(self.tr("Income"), income))
        self.income_year = QComboBox(income)
        self.income_year.setObjectName("incomeYear")
        self.income_year.currentIndexChanged.connect(self._show_income)
        edit_row.addWidget(self.income_year)
        self.income_edit = QDoubleSpinBox(income)
        self.income_edit.setObjectName("incomeEdit")
        self.income_edit.setRange(NOT_RECORDED, 100_000_000)
        self.income_edit.setDecimals(2)
        self.income_edit.setSingleStep(100)
        self.income_edit.setGroupSeparatorShown(True)
        self.income_edit.setSpecialValueText(self.tr("not recorded"))
        self.income_edit.setKeyboardTracking(False)
        self.income_edit.editingFinished.connect(self._income_edited)
        edit_row.addWidget(self.income_edit, 1)
        edit_row.addWidget(QLabel(self.tr("yuan"), income))
        self.income_layout.addLayout(edit_row)
        self.parts_note = QLabel(income)  # when an income no longer equals its parts
        self.parts_note.setWordWrap(True)
        self.parts_note.setObjectName("partsNote")
        self.parts_note.hide()
        self.income_layout.addWidget(self.parts_note)
        self.years_grid = YearsGrid(lang, income)
        self.income_layout.addWidget(self.years_grid)
        layout.addWidget(income)

        case = QGroupBox(self.tr("Monitoring case"), body)
        grid = QGridLayout(case)
        grid.setVerticalSpacing(2)
        self.case_type = _value(QLabel(case))
        self.discovery = _value(QLabel(case))
        self.identified = _value(QLabel(case))
        self.status = QComboBox(case)
        self.status.setObjectName("riskStatusEdit")
        for code in RISK_STATUS.codes:
            self.status.addItem(display.pick((code.zh, code.en), lang), code.value)
        self.status.activated.connect(self._status_chosen)
        self.status_date = _value(QLabel(case))
        self.history = _value(QLabel(case))
        self.history.setObjectName("caseHistory")
        for i, (label, widget) in enumerate((
            (display.pick(("监测对象类别", "monitoring type"), lang), self.case_type),
            (display.pick(("发现方式", "discovered by"), lang), self.discovery),
            (display.pick(("识别日期", "identified on"), lang), self.identified),
            (display.pick(("风险状态", "risk status"), lang), self.status),
            (display.pick(("状态日期", "status since"), lang), self.status_date),
            (self.tr("History"), self.history),
        )):
            grid.addWidget(QLabel(label, case), i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(widget, i, 1)
        grid.setColumnStretch(1, 1)
        layout.addWidget(case)

        measures = QGroupBox(display.pick(("帮扶措施", "Measures"), lang), body)
        m_grid = QGridLayout(measures)
        m_grid.setVerticalSpacing(0)
        self.measures: dict[int, QCheckBox] = {}
        for i, code in enumerate(sorted(MEASURE.codes, key=lambda c: (c.value == 0, c.value))):
            box = QCheckBox(display.pick((code.zh, code.en), lang), measures)
            box.setObjectName(f"measure_{code.key}")
            box.clicked.connect(lambda checked, v=code.value: self._measure_clicked(v, checked))
            self.measures[code.value] = box
            m_grid.addWidget(box, i // 2, i % 2)
        layout.addWidget(measures)
        layout.addWidget(facts)  # the attributes last: verdict, income, case come first
        layout.addStretch(1)

    # ------------------------------------------------------------ register
    def set_years(self, years: tuple[int, ...]) -> None:
        """The register's years: columns of the table, the plot's axis."""
        if years == self.years:
            return
        self.years = years
        self.years_grid.set_years(years)
        self.plot.set_years(years)
        self.income_year.blockSignals(True)
        self.income_year.clear()
        for year in years:
            self.income_year.addItem(str(year), year)
        self.income_year.setCurrentIndex(len(years) - 1)
        self.income_year.blockSignals(False)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (self.status, self.income_edit, *self.measures.values()):
            widget.setEnabled(not read_only)

    # ---------------------------------------------------------------- show
    def show_card(self, card: HouseholdCard | None) -> None:
        """Show ``card`` (None: the empty state); widgets are reused, never rebuilt."""
        self.card = card
        if card is None:
            self.setCurrentWidget(self.empty)
            return
        lang = self.lang
        self.set_years(tuple(y.year for y in card.years))
        self.title.setText(card.household_id)
        self.synthetic.setVisible(card.synthetic)
        if card.verdict is None:
            self.verdict.setText(self.tr("Not judged: no rule set."))
            self.reasons.clear()
        else:
            v = card.verdict
            self.verdict.setText(f"{display.pick((v.zh, v.en), lang)} ({v.year})")
            self.reasons.setPlainText("\n".join(f"• {r}" for r in v.reasons(lang)))
        self._show_facts(card)
        self._show_years(card)
        case = card.case
        self.case_type.setText(case.type.value(lang))
        self.discovery.setText(case.discovery.value(lang))
        self.identified.setText(case.identified or "–")
        self.status.setCurrentIndex(max(self.status.findData(case.status.raw), 0))
        self.status_date.setText(case.status_date or "–")
        self.history.setText("\n".join(f"{e.date}  {display.pick((e.zh, e.en), lang)}"
                                       for e in case.history) or "–")
        self._measures = [code for code, _, _ in card.measures]
        self._status = int(case.status.raw)
        chosen = set(self._measures)
        for code, box in self.measures.items():
            box.setChecked(code in chosen)
        self.plot.show_card(card)
        self.setCurrentIndex(1)

    def _show_facts(self, card: HouseholdCard) -> None:
        fields = card.fields
        while len(self._fact_labels) < len(fields):
            i = len(self._fact_labels)
            name = QLabel(self.body)
            name.setStyleSheet("color: #555555;")
            value = _value(QLabel(self.body))
            self.facts.addWidget(name, i, 0)
            self.facts.addWidget(value, i, 1)
            self.facts.setColumnStretch(1, 1)
            self._fact_labels.append((name, value))
        for (name, value), field in zip(self._fact_labels, fields, strict=False):
            label, text = field.label(self.lang), field.value(self.lang) or "–"
            if name.text() != label:
                name.setText(label)
            if value.text() != text:
                value.setText(text)
                value.setToolTip(text)

    def _show_years(self, card: HouseholdCard) -> None:
        self._incomes = {y.year: y.income for y in card.years}
        self.years_grid.set_card(card)
        self._show_income()
        apart = [
            (y.year, y.income, sum(p for p in y.parts.values() if p is not None))
            for y in card.years
            if y.income is not None and all(p is not None for p in y.parts.values())
            and abs(y.income - sum(y.parts.values())) > 1
        ]
        if apart:
            year, income, parts = apart[-1]
            self.parts_note.setText(self.tr(
                "The {0} income ({1} yuan) is not the sum of its four parts ({2} yuan): "
                "the parts were not changed with it."
            ).format(year, f"{income:,.2f}", f"{parts:,.2f}"))
        self.parts_note.setVisible(bool(apart))

    def _show_income(self, *args: Any) -> None:
        year = self.income_year.currentData()
        value = self._incomes.get(year) if year is not None else None
        self.income_edit.blockSignals(True)
        self.income_edit.setValue(NOT_RECORDED if value is None else value)
        self.income_edit.blockSignals(False)

    # --------------------------------------------------------------- edits
    def _status_chosen(self, index: int) -> None:
        card = self.card
        code = self.status.itemData(index)
        if card is None or self.read_only or code == self._status:
            return
        self._status = int(code)
        self.edit_requested.emit(card.row, "risk_status", int(code),
                                 self.tr("Set risk status of {0}").format(card.household_id))

    def _measure_clicked(self, code: int, checked: bool) -> None:
        card = self.card
        if card is None or self.read_only:
            return
        current = self._measures
        new = [c for c in current if c != code] + ([code] if checked else [])
        if new == current:
            return
        self._measures = new
        self.edit_requested.emit(card.row, "measures", tuple(new),
                                 self.tr("Change measures of {0}").format(card.household_id))

    def _income_edited(self) -> None:
        card, year = self.card, self.income_year.currentData()
        if card is None or self.read_only or year is None:
            return
        value = self.income_edit.value()
        new = None if value <= NOT_RECORDED else round(value, 2)
        old = self._incomes.get(year)
        if new == old or (new is not None and old is not None and math.isclose(new, old)):
            return
        self._incomes[year] = new  # a second editingFinished (Return, then Tab) is no edit
        self.edit_requested.emit(
            card.row, f"income_{year}", math.nan if new is None else new,
            self.tr("Set income {1} of {0}").format(card.household_id, year))
