"""The Rules page of the Data Quality tab: every validation rule (its name in the
interface's language, importance, "left op right" and its findings now) and, beside
the list, the generic record form of the selected rule.

The page only emits intents, as a detail pane does: ``field_edited`` from the form,
``add_requested("validation_rules", "", "")`` for a new rule and
``remove_requested("validation_rules", id)``; the window's ``EditController`` checks
them (a side that is not an expression is refused at its field with the model's
message) and pushes undo commands. The list and the form follow the dataset's
changes in place (:meth:`refresh`); the counts follow each recomputation of the
findings (:meth:`set_counts`).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.records import ValidationRule
from .quality_labels import importance_text
from .record_editor import RecordEditor

KIND = "validation_rules"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = ("name", "importance", "rule", "findings")
FAILED = QColor("#b00020")

# a rule's findings now: failed, not checked (no figures to check), checked as correct
RuleCounts = tuple[int, int, int]


def rule_name(rule: ValidationRule, lang: str) -> str:
    first, second = (rule.name_zh, rule.name_en) if lang == "zh" else (rule.name_en, rule.name_zh)
    return first or second or rule.id


def rule_text(rule: ValidationRule) -> str:
    """ "left op right", as typed."""
    return f"{rule.left} {rule.operator} {rule.right}"


class RulesPage(QWidget):
    field_edited = Signal(str, str, str, object)  # kind, id, field, value
    add_requested = Signal(str, str, str)  # "validation_rules", "", ""
    remove_requested = Signal(str, str)  # "validation_rules", id
    rule_selected = Signal(str)  # the user now looks at this rule
    findings_requested = Signal(str)  # show the findings of this rule

    def __init__(self, lang: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.dataset: Dataset | None = None
        self.read_only = False
        self.counts: dict[str, RuleCounts] = {}
        self.list = QTreeWidget(self)
        self.list.setObjectName("rulesList")
        self.list.setColumnCount(len(COLUMNS))
        self.list.setHeaderLabels(
            [
                self.tr("Rule"),
                self.tr("Importance"),
                self.tr("Left, operator, right"),
                self.tr("Findings now"),
            ]
        )
        self.list.setRootIsDecorated(False)
        self.list.setUniformRowHeights(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        header = self.list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        # expressions run long: a width to start with, the user widens it
        self.list.setColumnWidth(2, 26 * self.fontMetrics().horizontalAdvance("M"))
        self.add_button = QPushButton(self.tr("Add rule"), self)
        self.add_button.setObjectName("addRule")
        self.remove_button = QPushButton(self.tr("Remove rule"), self)
        self.remove_button.setObjectName("removeRule")
        self.findings_button = QPushButton(self.tr("Show its findings"), self)
        self.findings_button.setObjectName("ruleFindings")
        self.editor = RecordEditor(self)
        self.editor.setObjectName("ruleEditor")
        self.help = QLabel(
            self.tr(
                "Each side is an expression: #{indicator id} is the figure of that "
                "indicator at the place, program and year checked; children(#{id}) adds "
                "it up over the places directly below; projects.funds, projects.count, "
                "projects.people, projects.households come from the cooperation ledger; "
                "numbers, + - * / and brackets."
            ),
            self,
        )
        self.help.setObjectName("ruleHelp")
        self.help.setWordWrap(True)
        self.help.setStyleSheet("color: #6b6b6b;")
        self.help.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.findings_button)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(buttons)
        left_layout.addWidget(self.list, 1)
        area = QScrollArea(self)
        area.setWidgetResizable(True)
        area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        area.setWidget(self.editor)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.help)
        right_layout.addWidget(area, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([760, 520])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)

        self.editor.field_edited.connect(self.field_edited)
        self.list.currentItemChanged.connect(self._on_current)
        self.add_button.clicked.connect(lambda: self.add_requested.emit(KIND, "", ""))
        self.remove_button.clicked.connect(self._remove)
        self.findings_button.clicked.connect(self._show_findings)
        self._update_actions()

    # ------------------------------------------------------------ contents
    def refresh(self, dataset: Dataset) -> None:
        """Show the dataset's rules (after any change to them), keeping the rule in
        view; the form takes the stored values in place."""
        self.dataset = dataset
        keep = self.current_rule()
        shown = self.rule_ids()
        keep_row = shown.index(keep) if keep in shown else 0
        rules = list(dataset.data.validation_rules)
        self.list.blockSignals(True)
        try:
            if shown != [r.id for r in rules]:
                self.list.clear()
                for _rule in rules:
                    item = QTreeWidgetItem(self.list)
                    item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
            for row, rule in enumerate(rules):
                self._fill(self.list.topLevelItem(row), rule)
            if keep is None or not self._set_current(keep):
                # the first rule, or after a removal the one now in its place
                row = min(keep_row, len(rules) - 1)
                self._set_current(rules[row].id if rules else None)
        finally:
            self.list.blockSignals(False)
        self._show_current()

    def _fill(self, item: QTreeWidgetItem, rule: ValidationRule) -> None:
        item.setData(0, ID_ROLE, rule.id)
        item.setText(0, rule_name(rule, self.lang))
        item.setText(1, importance_text(rule.importance))
        item.setText(2, rule_text(rule))
        message = rule.message_zh if self.lang == "zh" else rule.message_en
        tip = message or rule.message_en or rule.message_zh
        item.setToolTip(0, tip)
        item.setToolTip(2, "\n".join(t for t in (rule_text(rule), tip) if t))
        self._fill_count(item)

    def _fill_count(self, item: QTreeWidgetItem) -> None:
        failed, unchecked, checked = self.counts.get(item.data(0, ID_ROLE), (0, 0, 0))
        parts = []
        if failed:
            parts.append(self.tr("{0} failed").format(failed))
        if unchecked:
            parts.append(self.tr("{0} not checked").format(unchecked))
        if checked:
            parts.append(self.tr("{0} checked").format(checked))
        item.setText(3, ", ".join(parts) if parts else "0")
        item.setForeground(3, QBrush(FAILED) if failed else QBrush())

    def set_counts(self, counts: dict[str, RuleCounts]) -> None:
        """The findings of each rule, after a recomputation."""
        self.counts = counts
        for row in range(self._rows()):
            self._fill_count(self.list.topLevelItem(row))
        self._update_actions()

    def _rows(self) -> int:
        return self.list.topLevelItemCount()

    # ------------------------------------------------------------ selection
    def current_rule(self) -> str | None:
        item = self.list.currentItem()
        return item.data(0, ID_ROLE) if item is not None else None

    def rule_ids(self) -> list[str]:
        return [self.list.topLevelItem(i).data(0, ID_ROLE) for i in range(self._rows())]

    def item_of(self, rule_id: str) -> QTreeWidgetItem | None:
        for row in range(self._rows()):
            item = self.list.topLevelItem(row)
            if item.data(0, ID_ROLE) == rule_id:
                return item
        return None

    def select_rule(self, rule_id: str) -> bool:
        """Select ``rule_id`` in the list and show it in the form."""
        if self.dataset is not None and self.item_of(rule_id) is None:
            self.refresh(self.dataset)  # a rule added this very moment
        item = self.item_of(rule_id)
        if item is None:
            return False
        self.list.setCurrentItem(item)
        self.list.scrollToItem(item)
        return True

    def _set_current(self, rule_id: str | None) -> bool:
        item = self.item_of(rule_id) if rule_id else None
        self.list.setCurrentItem(item)
        if item is None:
            self.list.clearSelection()
        return item is not None

    def _on_current(self, *args) -> None:
        self._show_current()
        rule_id = self.current_rule()
        if rule_id:
            self.rule_selected.emit(rule_id)

    def _show_current(self) -> None:
        rule_id = self.current_rule()
        record = self.dataset.get(KIND, rule_id) if self.dataset and rule_id else None
        if self.dataset is not None:
            self.editor.set_record(self.dataset, KIND, record, read_only=self.read_only)
            if record is not None:
                self._level_can_be_none()
        self._update_actions()

    def _level_can_be_none(self) -> None:
        """A rule may hold for every level (``level`` None): the form's list of levels
        offers "—" for it, else such a rule would show the first level."""
        try:
            box = self.editor.widget("level")
        except KeyError:
            return
        if isinstance(box, QComboBox) and box.findData(None) < 0:
            box.insertItem(0, "—", None)
            self.editor.reset_field("level")

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        if self.dataset is not None:
            self._show_current()
        self._update_actions()

    def _update_actions(self) -> None:
        rule_id = self.current_rule()
        writable = self.dataset is not None and not self.read_only
        self.add_button.setEnabled(writable)
        self.remove_button.setEnabled(writable and rule_id is not None)
        self.findings_button.setEnabled(rule_id is not None and any(self.counts.get(rule_id, ())))

    # ------------------------------------------------------------ intents
    def _remove(self) -> None:
        rule_id = self.current_rule()
        if rule_id:
            self.remove_requested.emit(KIND, rule_id)

    def _show_findings(self) -> None:
        rule_id = self.current_rule()
        if rule_id:
            self.findings_requested.emit(rule_id)

    # ---------------- what the window asks of a tab's ``pane.edit_panel``
    @property
    def edit_panel(self) -> RulesPage:
        """The window reaches a tab's form as ``tab.pane.edit_panel`` (a refused
        edit shown at its field, typed text committed before a save, a record just
        added selected): this page answers for its own form."""
        return self

    def editor_for(self, kind: str, record_id: str) -> RecordEditor | None:
        record = self.editor.record
        if kind == KIND and self.editor.kind == KIND and record and record.id == record_id:
            return self.editor
        return None

    def commit_pending(self) -> None:
        self.editor.commit_pending()

    def select_related(self, kind: str, record_id: str) -> bool:
        return kind == KIND and self.select_rule(record_id)

    def show_edit_side(self) -> None:
        """The form is always beside the list."""
