"""Data Quality tab: every finding (failed rules, outliers, unsourced and doubtful
figures) in one sortable, filterable table, the answers given to them, progress
against every target, and the validation rules themselves, editable with undo.

Findings are worked out by the model (``all_findings``) a moment after the dataset
changes (edits come in bursts: one computation per burst, never inside a paint), also
while the tab is hidden, so that ``counts_changed`` keeps the status bar current.

Intents for the window: ``link_activated(kind, id)`` opens what a finding refers to
(``"observations"``: a figure, ``"validation_rules"``: a rule, which this tab shows on
its Rules page, or a place, program, indicator or source from the detail pane) and
``command_requested(command)`` carries the marks "checked, value correct" / "follow
up" of the selected findings as one undo command for the document's stack. The Rules
page's form sends ``field_edited``, ``add_requested`` and ``remove_requested``, which
the window turns into checked undo commands as for every pane.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import (
    QPoint,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Change, Dataset
from ...model.quality.findings import Finding, all_findings
from ..language import ui_lang
from ..quality_marks import mark_command
from ..widgets.detail_browser import STYLE, DetailBrowser
from ..widgets.quality_details import finding_html, many_html, none_html
from ..widgets.quality_filters import QualityFilters
from ..widgets.quality_labels import Names, counts_text, tally
from ..widgets.quality_model import FindingsModel
from ..widgets.quality_rules import RuleCounts, RulesPage
from ..widgets.quality_table import FindingsTable
from ..widgets.results_table import all_results_html
from .base import Tab

DEBOUNCE_MS = 100  # edits within this long are one recomputation
KIND = "validation_rules"


class QualityTab(Tab):
    kinds = ("validation_rules",)  # a rule is shown here, with its findings
    command_requested = Signal(object)  # a QUndoCommand for the document's stack
    counts_changed = Signal(str)  # counts_text(), after each recomputation

    def __init__(self, lang: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang or ui_lang()
        self.dataset: Dataset | None = None
        self.read_only = False
        self.found: list[Finding] = []
        self._counts: dict[str, int] = {}
        self._results_stale = True
        self._menu: QMenu | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.recompute)

        self.pages = QTabWidget(self)
        self.pages.setDocumentMode(True)
        findings_page = QWidget(self.pages)
        self.summary = QLabel(findings_page)
        self.summary.setObjectName("qualitySummary")
        self.summary.setWordWrap(True)
        self.filters = QualityFilters(findings_page)
        self.checked_button = QPushButton(self.tr("Checked, value correct"), findings_page)
        self.checked_button.setObjectName("markChecked")
        self.checked_button.setToolTip(
            self.tr(
                "The figure was looked at and is right; the flag closes until the value changes."
            )
        )
        self.follow_button = QPushButton(self.tr("Follow up"), findings_page)
        self.follow_button.setObjectName("markFollowUp")
        self.follow_button.setToolTip(
            self.tr("Someone has to ask the town office or the source; the flag stays listed.")
        )
        self.note = QLineEdit(findings_page)
        self.note.setObjectName("markNote")
        self.note.setClearButtonEnabled(True)
        self.note.setPlaceholderText(self.tr("Note with the answer (optional)"))
        self.shown = QLabel(findings_page)
        self.shown.setObjectName("qualityShown")
        self.model = FindingsModel(self)
        self.table = FindingsTable(self.model, findings_page)
        self.details = DetailBrowser(findings_page)
        self.details.setObjectName("findingDetails")
        self.splitter = QSplitter(Qt.Orientation.Vertical, findings_page)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.details)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([480, 280])
        actions = QHBoxLayout()
        actions.addWidget(self.checked_button)
        actions.addWidget(self.follow_button)
        actions.addWidget(self.note, 1)
        actions.addWidget(self.shown)
        layout = QVBoxLayout(findings_page)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.filters)
        layout.addLayout(actions)
        layout.addWidget(self.splitter, 1)
        self.results = DetailBrowser(self.pages)
        self.results.setObjectName("targetResults")
        self.rules = RulesPage(self.lang, self.pages)
        self.rules.setObjectName("rulesPage")
        self.pages.addTab(findings_page, self.tr("Findings"))
        self.pages.addTab(self.results, self.tr("Targets"))
        self.pages.addTab(self.rules, self.tr("Rules"))
        outer = QVBoxLayout(self)
        outer.setContentsMargins(4, 4, 4, 4)
        outer.addWidget(self.pages)

        self.filters.changed.connect(self._on_filters)
        self.table.selectionModel().selectionChanged.connect(self._on_selection)
        self.table.open_requested.connect(self._open_row)
        self.table.customContextMenuRequested.connect(self._context_menu)
        self.checked_button.clicked.connect(lambda: self.mark_selected("checked"))
        self.follow_button.clicked.connect(lambda: self.mark_selected("follow_up"))
        self.details.link_activated.connect(self.link_activated)
        self.results.link_activated.connect(self.link_activated)
        self.pages.currentChanged.connect(lambda _i: self._show_results())
        for name in ("field_edited", "add_requested", "remove_requested"):
            getattr(self.rules, name).connect(getattr(self, name))
        self.rules.rule_selected.connect(lambda rid: self.selection_changed.emit(KIND, rid))
        self.rules.findings_requested.connect(self.show_findings_of)
        self._update_actions()
        self._show_summary()

    # ------------------------------------------------------------ the Tab
    def title(self) -> str:
        return self.tr("Data Quality")

    @property
    def pane(self) -> RulesPage:
        """The form the window reaches as ``tab.pane.edit_panel`` (field errors,
        pending text, a rule just added): the Rules page's."""
        return self.rules

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        self.rules.refresh(dataset)
        # out of view, the counts can wait for the window's first paint
        self._schedule(0 if self.isVisible() else 250)

    def refresh(self) -> None:
        if self.dataset is not None:
            self._schedule(0)

    def apply_changes(self, changes: list[Change]) -> None:
        """Any change can alter findings (figures, rules, marks, places' names):
        recompute once the burst of edits is over."""
        if self.dataset is not None and changes:
            if any(c.action == "reset" or c.kind == KIND for c in changes):
                self.rules.refresh(self.dataset)  # the list and form at once
            self._schedule(DEBOUNCE_MS)

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self.rules.set_read_only(read_only)
        self._update_actions()

    def focus_search(self) -> None:
        self.pages.setCurrentIndex(0)
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    def splitters(self) -> dict[str, QSplitter]:
        return {"findings": self.splitter, "rules": self.rules.splitter}

    def current_location(self) -> tuple[str, str] | None:
        """The rule in view on the Rules page (findings are not records)."""
        rule_id = self.rules.current_rule() if self.pages.currentWidget() is self.rules else None
        return (KIND, rule_id) if rule_id else None

    def show_record(self, kind: str, record_id: str) -> bool:
        """A rule: the Rules page, with the rule selected and in its form."""
        if kind not in self.kinds:
            return False
        if self.dataset is not None and self.dataset.get(kind, record_id) is None:
            return False
        self.pages.setCurrentWidget(self.rules)
        return self.rules.select_rule(record_id)

    def show_findings_of(self, rule_id: str) -> bool:
        """The Findings page with every finding of the rule selected (the filters
        are cleared when they hide them)."""
        if self._timer.isActive():
            self.recompute()
        self.pages.setCurrentIndex(0)
        for attempt in range(2):
            rows = [
                row
                for row in range(self.model.rowCount())
                if self.model.finding(row).record_kind == KIND
                and self.model.finding(row).record_id == rule_id
            ]
            if rows:
                self.table.select_rows(rows)
                return True
            if attempt == 0 and not self.filters.is_default():
                self.filters.clear()
        return False

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._show_results()

    # ------------------------------------------------------------ findings
    def _schedule(self, ms: int) -> None:
        self._timer.start(ms)

    def recompute(self) -> None:
        """Work the findings out now (normally a moment after the last change)."""
        self._timer.stop()
        if self.dataset is None:
            return
        keep = self.selected_keys()
        current = self.current_finding()
        self.found = all_findings(self.dataset)
        self._counts = tally(self.found)
        names = Names.of(self.dataset, self.lang)
        self.filters.blockSignals(True)
        try:
            self.filters.set_choices(self.dataset, self.found, names)
        finally:
            self.filters.blockSignals(False)
        self.model.set_findings(self.found, names, self.filters.criteria())
        self.table.select_keys(keep, current.key if current else None)
        self._results_stale = True
        self.rules.set_counts(rule_counts(self.found))
        self._show_results()
        self._show_summary()
        self._on_selection()
        self.counts_changed.emit(self.counts_text())

    def counts_text(self) -> str:
        """Open findings by kind and how many are answered, for the status bar:
        "3 rules failed · 2 outliers · 1 unsourced · 4 marked"."""
        return counts_text(self._counts) if self._counts else ""

    def _show_summary(self) -> None:
        if self.dataset is None:
            self.summary.setText(self.tr("No dataset open."))
            return
        text = self.counts_text()
        follow = self._counts.get("follow_up", 0)
        if follow:
            text += " · " + self.tr("{0} to follow up").format(follow)
        self.summary.setText(f"<b>{text}</b>")
        total = len(self.found)
        shown = self.model.rowCount()
        self.shown.setText(
            self.tr("{0} findings").format(total)
            if shown == total
            else self.tr("{0} of {1} findings shown").format(shown, total)
        )

    def _on_filters(self) -> None:
        keep = self.selected_keys()
        current = self.current_finding()
        self.model.set_criteria(self.filters.criteria())
        self.table.select_keys(keep, current.key if current else None)
        self._show_summary()
        self._on_selection()

    # ------------------------------------------------------------ selection
    def selected_rows(self) -> list[int]:
        return self.table.selected_rows()

    def selected_findings(self) -> list[Finding]:
        return [self.model.finding(r) for r in self.selected_rows()]

    def selected_keys(self) -> list[str]:
        return [f.key for f in self.selected_findings()]

    def current_finding(self) -> Finding | None:
        row = self.table.current_row()
        return self.model.finding(row) if row >= 0 else None

    def _on_selection(self, *args) -> None:
        self._update_actions()
        if self.dataset is None:
            self.details.set_body("")
            return
        found = self.selected_findings()
        if len(found) == 1:
            names = self.model.names
            self.details.set_body(finding_html(self.dataset, found[0], names, self.lang))
        elif found:
            self.details.set_body(many_html(len(found)))
        else:
            self.details.set_body(none_html(len(self.found)))

    def _update_actions(self) -> None:
        enabled = self.table.selectionModel().hasSelection() and not self.read_only
        self.checked_button.setEnabled(enabled)
        self.follow_button.setEnabled(enabled)

    # ------------------------------------------------------------ intents
    def mark_selected(self, state: str) -> bool:
        """Ask for the marks of the selected findings, as one undo step."""
        if self.dataset is None or self.read_only:
            return False
        found = self.selected_findings()
        command = mark_command(self.dataset, found, state, note=self.note.text().strip())
        if command is None:
            return False
        self.note.clear()
        self.command_requested.emit(command)
        return True

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            item = self.model.finding(row)
            if item.record_id:
                self.link_activated.emit(item.record_kind, item.record_id)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.table.indexAt(pos)
        if index.isValid() and index.row() not in self.selected_rows():
            self.table.select_rows([index.row()])
        if not self.selected_rows():
            return
        if self._menu is not None:
            self._menu.deleteLater()
        menu = QMenu(self)
        checked = menu.addAction(self.tr("Checked, value correct"))
        follow = menu.addAction(self.tr("Follow up"))
        checked.setEnabled(not self.read_only)
        follow.setEnabled(not self.read_only)
        menu.addSeparator()
        opened = menu.addAction(self.tr("Open the figure or rule"))
        checked.triggered.connect(lambda: self.mark_selected("checked"))
        follow.triggered.connect(lambda: self.mark_selected("follow_up"))
        opened.triggered.connect(lambda: self._open_row(self.table.current_row()))
        self._menu = menu
        menu.popup(self.table.viewport().mapToGlobal(pos))

    # ------------------------------------------------------------ targets
    def _show_results(self) -> None:
        if (
            not self._results_stale
            or self.dataset is None
            or not self.isVisible()
            or self.pages.currentWidget() is not self.results
        ):
            return
        self._results_stale = False
        bar = self.results.verticalScrollBar().value()
        self.results.setHtml(STYLE + all_results_html(self.dataset, self.lang))
        self.results.verticalScrollBar().setValue(bar)

    # ------------------------------------------------------------ report
    def export_quality_report(self, path: str | Path) -> int:
        """Write the data-quality report (PDF) of the findings now; the page count."""
        from ..quality_report import write_pdf

        if self._timer.isActive() or (self.dataset is not None and not self._counts):
            self.recompute()
        if self.dataset is None:
            raise ValueError("no dataset")
        return write_pdf(self.dataset, self.found, path, lang=self.lang)


def rule_counts(found: list[Finding]) -> dict[str, RuleCounts]:
    """Each rule's findings: (failed, not checked, checked as correct)."""
    out: dict[str, list[int]] = {}
    for item in found:
        if item.kind != "rule":
            continue
        counts = out.setdefault(item.test, [0, 0, 0])
        if item.mark is not None and item.mark.state == "checked":
            counts[2] += 1
        else:
            counts[0 if item.code == "rule_failed" else 1] += 1
    return {rule_id: (a, b, c) for rule_id, (a, b, c) in out.items()}
