"""The household table's filters: a tree of towns and villages, compact choices for the
categories, an income range, and the counts of what is shown.

The panel holds no households: it turns its controls into a ``TableFilter`` and emits
``filter_changed`` when the user changes one; ``set_filter`` shows a filter chosen
elsewhere (navigation, the what-if's "newly below") without emitting. The tree's towns
and villages are the register's own codes, named from the dataset's places.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import numpy as np
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.register import display
from ...model.register.rules import VERDICTS
from ...model.register.schema import (
    ATTRIBUTE,
    MONITORING_TYPE,
    POVERTY_CAUSE,
    RISK_STATUS,
    CodeTable,
)
from ...model.register.view import ShownCounts, TableFilter

PLACE = Qt.ItemDataRole.UserRole
NO_INCOME = -1.0  # the spin boxes' "no bound" value, shown as a dash
ANY = ""  # a combo's "any" choice


def _codes(text: str) -> tuple[int, ...]:
    return tuple(int(c) for c in text.split(",")) if text else ()


def _text(codes: tuple[int, ...]) -> str:
    return ",".join(str(c) for c in codes)


class FilterPanel(QWidget):
    filter_changed = Signal(object)  # TableFilter

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self._base = TableFilter()  # fields the panel has no control for (what-if)
        self._quiet = False
        self.counts = QLabel(self)
        self.counts.setObjectName("shownCounts")
        self.counts.setWordWrap(True)
        self.counts.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("placeTree")
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Town / village"), self.tr("Households")])
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setUniformRowHeights(True)
        self.tree.itemSelectionChanged.connect(self._changed)

        def pairs(table: CodeTable) -> list[tuple[str, str]]:
            return [(display.pick((c.zh, c.en), lang), str(c.value)) for c in table.codes]

        monitored = _text(tuple(c.value for c in MONITORING_TYPE.codes if c.value))
        self.mon_type = self._combo("monTypeFilter", [
            (self.tr("in monitoring (any type)"), monitored), *pairs(MONITORING_TYPE)])
        self.risk_status = self._combo("riskStatusFilter", pairs(RISK_STATUS))
        self.attribute = self._combo("attributeFilter", pairs(ATTRIBUTE))
        self.cause = self._combo("causeFilter", pairs(POVERTY_CAUSE))
        self.any_cause = QCheckBox(self.tr("or among the other causes"), self)
        self.any_cause.setObjectName("anyCauseFilter")
        self.any_cause.toggled.connect(self._changed)
        self.relocated = self._combo("relocatedFilter", [
            (self.tr("relocated"), "1"), (self.tr("not relocated"), "0")])
        self.below = self._combo("belowLineFilter", [
            (self.tr("below the line"), "1"), (self.tr("at or above the line"), "0")])
        self.verdict = self._combo("verdictFilter", [
            (display.pick((v.zh, v.en), lang), str(v.code)) for v in VERDICTS])
        self.income_min = self._spin("incomeMinFilter")
        self.income_max = self._spin("incomeMaxFilter")
        self.newly_below = QCheckBox(self)
        self.newly_below.setObjectName("newlyBelowFilter")
        self.newly_below.hide()
        self.newly_below.toggled.connect(self._changed)
        self.clear = QPushButton(self.tr("Clear filters"), self)
        self.clear.setObjectName("clearFilters")
        self.clear.clicked.connect(self._clear)

        form = QFormLayout()
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(self.tr("Monitoring type"), self.mon_type)
        form.addRow(self.tr("Risk status"), self.risk_status)
        form.addRow(self.tr("Attribute"), self.attribute)
        form.addRow(self.tr("Main cause"), self.cause)
        form.addRow("", self.any_cause)
        form.addRow(self.tr("Relocated"), self.relocated)
        form.addRow(self.tr("Monitoring line"), self.below)
        income = QHBoxLayout()
        income.addWidget(self.income_min, 1)
        income.addWidget(QLabel("–", self))
        income.addWidget(self.income_max, 1)
        form.addRow(self.tr("Income from"), income)
        form.addRow(self.tr("Verdict"), self.verdict)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.counts)
        layout.addWidget(self.tree, 1)
        layout.addLayout(form)
        layout.addWidget(self.newly_below)
        layout.addWidget(self.clear)

    def _combo(self, name: str, choices: list[tuple[str, str]]) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.addItem(self.tr("any"), ANY)
        for text, data in choices:
            combo.addItem(text, data)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def _spin(self, name: str) -> QDoubleSpinBox:
        spin = QDoubleSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(NO_INCOME, 10_000_000)
        spin.setDecimals(0)
        spin.setSingleStep(500)
        spin.setSpecialValueText("–")  # no bound
        spin.setValue(NO_INCOME)
        spin.setKeyboardTracking(False)  # a filter when the number is entered
        spin.setGroupSeparatorShown(True)
        spin.valueChanged.connect(self._changed)
        return spin

    # ----------------------------------------------------------- register
    def set_register(self, register: Any, place_names: display.PlaceNames) -> None:
        """Towns and villages of ``register`` with their households."""
        self._quiet = True
        self.tree.clear()
        counts = np.bincount(register.village_idx, minlength=len(register.villages))
        top = QTreeWidgetItem([self.tr("All towns and villages"), f"{len(register):,}"])
        top.setData(0, PLACE, ("all", 0))
        top.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
        self.tree.addTopLevelItem(top)
        towns: dict[int, QTreeWidgetItem] = {}
        town_counts: dict[int, int] = {}
        for village, n in zip(register.villages.tolist(), counts.tolist(), strict=True):
            town = display.town_of(village)
            if town not in towns:
                item = QTreeWidgetItem([display.place_name(place_names, town, self.lang), ""])
                item.setData(0, PLACE, ("town", town))
                item.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
                towns[town] = item
                self.tree.addTopLevelItem(item)
            town_counts[town] = town_counts.get(town, 0) + n
            child = QTreeWidgetItem(
                [display.place_name(place_names, village, self.lang), f"{n:,}"])
            child.setData(0, PLACE, ("village", village))
            child.setTextAlignment(1, Qt.AlignmentFlag.AlignRight)
            child.setToolTip(0, f"{village:012d}")
            towns[town].addChild(child)
        for town, item in towns.items():
            item.setText(1, f"{town_counts[town]:,}")
            item.setToolTip(0, f"{town:012d}")
        self._quiet = False
        self.set_filter(TableFilter())

    def clear_register(self) -> None:
        self._quiet = True
        self.tree.clear()
        self.counts.clear()
        self._quiet = False

    # ------------------------------------------------------------- filter
    def filter(self) -> TableFilter:
        """The filter the controls show."""
        towns, villages = [], []
        for item in self.tree.selectedItems():
            kind, code = item.data(0, PLACE)
            if kind != "all":  # "all" alone: no place filter
                (towns if kind == "town" else villages).append(code)

        def bound(spin: QDoubleSpinBox) -> float | None:
            return None if spin.value() <= NO_INCOME else spin.value()

        def yes_no(combo: QComboBox) -> bool | None:
            data = combo.currentData()
            return None if data == ANY else data == "1"

        return replace(
            self._base,
            towns=tuple(sorted(towns)),
            villages=tuple(sorted(villages)),
            mon_types=_codes(self.mon_type.currentData()),
            risk_statuses=_codes(self.risk_status.currentData()),
            attributes=_codes(self.attribute.currentData()),
            causes=_codes(self.cause.currentData()),
            any_cause=self.any_cause.isChecked(),
            relocated=yes_no(self.relocated),
            income_min=bound(self.income_min),
            income_max=bound(self.income_max),
            below_line=yes_no(self.below),
            verdicts=_codes(self.verdict.currentData()),
            newly_below=self.newly_below.isChecked() and self._base.what_if_line is not None,
        )

    def set_filter(self, spec: TableFilter) -> None:
        """Show ``spec`` in the controls without emitting ``filter_changed``."""
        self._quiet = True
        self._base = spec
        places = set(spec.towns) | set(spec.villages)
        self.tree.clearSelection()
        for i in range(self.tree.topLevelItemCount()):
            town = self.tree.topLevelItem(i)
            for item in (town, *(town.child(j) for j in range(town.childCount()))):
                kind, code = item.data(0, PLACE)
                chosen = (kind == "town" and code in spec.towns) or (
                    kind == "village" and code in spec.villages)
                item.setSelected(chosen)
                if chosen and kind == "village":
                    town.setExpanded(True)
        if not places and self.tree.topLevelItemCount():
            self.tree.topLevelItem(0).setSelected(True)

        def pick(combo: QComboBox, data: str) -> None:
            combo.setCurrentIndex(max(combo.findData(data), 0))

        pick(self.mon_type, _text(spec.mon_types))
        pick(self.risk_status, _text(spec.risk_statuses))
        pick(self.attribute, _text(spec.attributes))
        pick(self.cause, _text(spec.causes))
        self.any_cause.setChecked(spec.any_cause)
        pick(self.relocated, ANY if spec.relocated is None else str(int(spec.relocated)))
        pick(self.below, ANY if spec.below_line is None else str(int(spec.below_line)))
        pick(self.verdict, _text(spec.verdicts))
        self.income_min.setValue(NO_INCOME if spec.income_min is None else spec.income_min)
        self.income_max.setValue(NO_INCOME if spec.income_max is None else spec.income_max)
        line = spec.what_if_line
        if line is not None:
            text = (self.tr("newly below the what-if line ({0}), without transfer income")
                    if spec.without_transfer else self.tr("newly below the what-if line ({0})"))
            self.newly_below.setText(text.format(display.yuan(line)))
        self.newly_below.setChecked(spec.newly_below)
        self.newly_below.setVisible(line is not None)
        self._quiet = False

    def _changed(self, *args: Any) -> None:
        if not self._quiet:
            self.filter_changed.emit(self.filter())

    def _clear(self) -> None:
        base = self._base  # the what-if line stays known, unchecked
        self.set_filter(TableFilter(what_if_line=base.what_if_line,
                                    without_transfer=base.without_transfer))
        self.filter_changed.emit(self.filter())

    # ------------------------------------------------------------- counts
    def set_counts(self, counts: ShownCounts | None) -> None:
        if counts is None:
            self.counts.clear()
            return
        parts = [
            self.tr("{0} of {1} households shown").format(f"{counts.shown:,}",
                                                          f"{counts.total:,}"),
            self.tr("{0} persons").format(f"{counts.persons:,}"),
            self.tr("{0} in monitoring").format(f"{sum(counts.in_monitoring[1:]):,}"),
        ]
        if counts.below_line is not None:
            parts.append(self.tr("{0} below the line").format(f"{counts.below_line:,}"))
        if counts.no_income:
            parts.append(self.tr("{0} without income recorded").format(
                f"{counts.no_income:,}"))
        self.counts.setText(" · ".join(parts))
