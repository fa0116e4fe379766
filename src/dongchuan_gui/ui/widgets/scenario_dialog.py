"""Saving a what-if line as a new rule set: the record, and the dialog that names it.

The new rule set is a copy of the one in use with one change: that year's line for the
province set to the what-if value, marked not verified, with a note saying where it came
from. It gets a new id (``<id>-whatif-<value>``), version 1 and a title that says it is a
what-if scenario. It is added beside the rule set in use, which stays in use: the
households are judged by a scenario only when the user chooses it.

The dialog is opened with ``open()`` (window-modal, not a nested event loop): it hands
back the id and titles through ``chosen``; the caller checks them and pushes the undo
step.
"""

from __future__ import annotations

from collections.abc import Callable, Collection

import msgspec
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...model.records import MonitoringLine, RuleSet

SCENARIO_NOTE = (
    "what-if scenario saved from the monitoring overview ({date}): not an official line"
)


def scenario_id(rules: RuleSet, value: float, taken: Collection[str] = ()) -> str:
    """``<id>-whatif-<value>``, with ``-2``, ``-3``… when that id is taken."""
    base = f"{rules.id}-whatif-{value:.0f}"[:76]
    out, n = base, 1
    while out in taken:
        n += 1
        out = f"{base}-{n}"
    return out


def scenario_titles(rules: RuleSet, year: int, value: float) -> tuple[str, str]:
    """(zh, en) titles naming the scenario, the year and the line."""
    zh = f"假设情景：{year}年监测线{value:,.0f}元（基于{rules.title_zh or rules.id}）"
    en = f"What-if scenario: {year} line {value:,.0f} yuan (from {rules.title_en})"
    return zh, en


def scenario_rule_set(
    rules: RuleSet, year: int, value: float, *, province: str = "53", new_id: str,
    title_zh: str, title_en: str, scope: str = "", today: str = "",
) -> RuleSet:
    """A copy of ``rules`` with ``year``'s line for ``province`` set to ``value``
    (added when the rule set had only a national one), not verified, with a note."""
    note = SCENARIO_NOTE.format(date=today or "unsaved")
    lines = []
    replaced = False
    for entry in rules.lines:
        if entry.year == year and entry.province == province:
            entry = msgspec.structs.replace(
                entry, value=float(value), verified=False, source="", locator="", note=note
            )
            replaced = True
        lines.append(entry)
    if not replaced:
        known = next((e.scope for e in rules.lines if e.province == province), "")
        lines.append(MonitoringLine(
            year=year, value=float(value), province=province, scope=scope or known,
            verified=False, note=note,
        ))
        lines.sort(key=lambda e: (e.year, e.province))
    return msgspec.structs.replace(
        rules, id=new_id, version=1, title_zh=title_zh, title_en=title_en, lines=lines
    )


class ScenarioDialog(QDialog):
    """Id and titles of the rule set to save; ``check(id, zh, en)`` returns what is
    wrong ("" when nothing is) and the dialog stays open until it is right."""

    chosen = Signal(str, str, str)  # id, title_zh, title_en

    def __init__(
        self, parent: QWidget | None, *, new_id: str, title_zh: str, title_en: str,
        summary: str, check: Callable[[str, str, str], str],
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Save the what-if as a rule set"))
        self._check = check
        self.id_edit = QLineEdit(new_id, self)
        self.id_edit.setObjectName("scenarioId")
        self.zh_edit = QLineEdit(title_zh, self)
        self.en_edit = QLineEdit(title_en, self)
        for edit in (self.zh_edit, self.en_edit):
            edit.setMinimumWidth(420)
        text = QLabel(summary, self)
        text.setWordWrap(True)
        self.error = QLabel(self)
        self.error.setObjectName("fieldError")
        self.error.setWordWrap(True)
        self.error.hide()
        form = QFormLayout()
        form.addRow(self.tr("Id"), self.id_edit)
        form.addRow(self.tr("Title (Chinese)"), self.zh_edit)
        form.addRow(self.tr("Title (English)"), self.en_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel,
            self,
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

    def accept(self) -> None:
        values = (self.id_edit.text().strip(), self.zh_edit.text().strip(),
                  self.en_edit.text().strip())
        problem = self._check(*values)
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        super().accept()
        self.chosen.emit(*values)
