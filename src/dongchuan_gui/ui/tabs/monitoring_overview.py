"""Monitoring overview: village risk lights, the live what-if and relocation follow-up.

Three boards over the household register open in the window (``RegisterSession``):
the villages most at risk | the live what-if on top, the relocation board below. A
synthetic register shows a banner above them; with no register open, a hint says how
to open one. The boards update in place when the session says something changed
(opened, closed, evaluated, households changed): coalesced into one refresh per
event-loop turn, and put off while the tab is hidden.

The tab emits intents for the window: ``place_activated(code)`` (a village or town to
show), ``household_activated(row)`` (a household card), ``filter_newly_below(line,
without_transfer)`` (the household table's "newly below" filter) and
``command_requested(command)``: saving the what-if as a rule set, one ``AddRecord`` to
push on the document's undo stack.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLabel, QSplitter, QStackedWidget, QVBoxLayout, QWidget

from ...model.dataset import Dataset
from ...model.editing import check_candidate
from ...model.records import RuleSet
from ..commands import AddRecord
from ..language import ui_lang
from ..widgets.relocation_board import RelocationBoard
from ..widgets.risk_list import RiskList
from ..widgets.scenario_dialog import (
    ScenarioDialog,
    scenario_id,
    scenario_rule_set,
    scenario_titles,
)
from ..widgets.whatif_panel import WhatIfPanel
from .base import Tab

BANNER_STYLE = ("background: #fff3cd; color: #7a4d00; border: 1px solid #e6b800; "
                "padding: 4px 8px; font-weight: 600;")



class MonitoringOverviewTab(Tab):
    place_activated = Signal(object)  # 12-digit code of a village or town (int)
    household_activated = Signal(int)  # register row
    filter_newly_below = Signal(float, bool)  # line, without transfer income
    command_requested = Signal(object)  # a QUndoCommand for the document's stack

    def __init__(self, session: Any, lang: str | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.lang = lang or ui_lang()
        self.dataset: Dataset | None = None
        self.read_only = False
        self.dialog: ScenarioDialog | None = None
        self._stale = False
        self._reset_line = True
        self.banner = QLabel(self)
        self.banner.setObjectName("syntheticBanner")
        self.banner.setStyleSheet(BANNER_STYLE)
        self.banner.setWordWrap(True)
        self.banner.hide()
        self.hint = QLabel(self.tr(
            "No household register is open.\nOpen one with File › Open Household "
            "Register…, or open a dataset that refers to one."), self)
        self.hint.setObjectName("emptyState")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.risk = RiskList(self.lang, self)
        self.what_if = WhatIfPanel(self.lang, self)
        self.relocation = RelocationBoard(self.lang, self)
        self.top = QSplitter(Qt.Orientation.Horizontal, self)
        self.top.addWidget(self.risk)
        self.top.addWidget(self.what_if)
        self.top.setStretchFactor(0, 2)
        self.top.setStretchFactor(1, 3)
        self.top.setSizes([600, 800])
        self.main = QSplitter(Qt.Orientation.Vertical, self)
        self.main.addWidget(self.top)
        self.main.addWidget(self.relocation)
        self.main.setStretchFactor(0, 3)
        self.main.setStretchFactor(1, 1)
        self.main.setSizes([560, 240])
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.hint)
        self.stack.addWidget(self.main)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.banner)
        layout.addWidget(self.stack, 1)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.refresh_boards)
        self.risk.place_activated.connect(self.place_activated)
        self.what_if.place_activated.connect(self.place_activated)
        self.what_if.filter_newly_below.connect(self.filter_newly_below)
        self.what_if.save_requested.connect(self.save_scenario)
        self.relocation.household_activated.connect(self.household_activated)
        session.opened.connect(lambda: self._schedule(reset_line=True))
        session.evaluated.connect(lambda: self._schedule(reset_line=True))
        session.households_changed.connect(lambda rows: self._schedule(reset_line=False))
        session.closed.connect(self._on_closed)
        if session.is_open:
            self._schedule(reset_line=True)
        else:
            self._on_closed()

    # ------------------------------------------------------------ the tab
    def title(self) -> str:
        return self.tr("Monitoring")

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self._update_can_save()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_can_save()

    def splitters(self) -> dict[str, QSplitter]:
        return {"top": self.top, "main": self.main}

    def _update_can_save(self) -> None:
        self.what_if.set_can_save(self.dataset is not None and not self.read_only)

    # ------------------------------------------------------------ updates
    def _schedule(self, *, reset_line: bool) -> None:
        self._stale = True
        self._reset_line = self._reset_line or reset_line
        if self.isVisible():
            self._timer.start()

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt's name)
        super().showEvent(event)
        if self._stale:
            self._timer.start()

    def refresh_boards(self) -> None:
        """Show the session's results in the three boards (in place)."""
        self._timer.stop()
        if not self._stale:
            return
        self._stale = False
        reset, self._reset_line = self._reset_line, False
        session = self.session
        if not session.is_open:
            self._on_closed()
            return
        self.banner.setVisible(session.synthetic)
        self.banner.setText(self.tr(
            "SYNTHETIC households, not real data: every figure on this page is worked out "
            "from invented households."))
        self.stack.setCurrentWidget(self.main)
        self._update_can_save()
        self.risk.show_session(session)
        self.what_if.show_session(session, reset_line=reset)
        self.relocation.show_session(session)

    def _on_closed(self) -> None:
        self._timer.stop()
        self._stale = False
        self._reset_line = True
        self.banner.hide()
        self.stack.setCurrentWidget(self.hint)
        self.risk.clear()
        self.what_if.clear()
        self.relocation.clear()

    # -------------------------------------------------- save as a rule set
    def save_scenario(self, line: float) -> None:
        """Ask for the id and titles of a rule set with ``line`` as this year's line;
        on Save, ``command_requested`` carries the one undo step that adds it."""
        rules, dataset = self.session.rules, self.dataset
        if rules is None or dataset is None or self.read_only or self.what_if.model is None:
            return
        year, province = self.what_if.model.year, self.what_if.province
        taken = {r.id for r in dataset.data.rule_sets}
        zh, en = scenario_titles(rules, year, line)
        summary = self.tr(
            "A new rule set: a copy of “{0}” with the {1} line for province {2} set to {3} "
            "yuan, marked not verified. The rule set in use and the households stay as they "
            "are; Undo removes the new rule set.").format(
            rules.title_zh if self.lang == "zh" and rules.title_zh else rules.title_en,
            year, province, f"{line:,.0f}")
        today = dt.date.today().isoformat()

        def make(new_id: str, title_zh: str, title_en: str) -> RuleSet:
            return scenario_rule_set(rules, year, line, province=province, new_id=new_id,
                                     title_zh=title_zh, title_en=title_en, today=today)

        def check(new_id: str, title_zh: str, title_en: str) -> str:
            if not title_en:
                return self.tr("The rule set needs an English title.")
            if new_id in taken:
                return self.tr("A rule set with the id “{0}” exists already.").format(new_id)
            try:
                record = RuleSet.from_dict(make(new_id, title_zh, title_en).to_dict())
            except ValueError as exc:
                return str(exc)
            problems = check_candidate(dataset, "rule_sets", record)
            return "; ".join(p.message for p in problems[:3])

        def chosen(new_id: str, title_zh: str, title_en: str) -> None:
            record = RuleSet.from_dict(make(new_id, title_zh, title_en).to_dict())
            text = self.tr("Save what-if line {0} yuan as rule set “{1}”").format(
                f"{line:,.0f}", new_id)
            self.command_requested.emit(AddRecord(dataset, "rule_sets", record, text))

        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ScenarioDialog(
            self, new_id=scenario_id(rules, line, taken), title_zh=zh, title_en=en,
            summary=summary, check=check,
        )
        self.dialog.chosen.connect(chosen)
        self.dialog.open()
