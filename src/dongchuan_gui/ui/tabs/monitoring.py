"""Monitoring tab: the household register as a table with filters and a household card.

Filters | table | card, under a banner when the register is synthetic. The table is a
``HouseholdTableModel`` over the model layer's ``TableView`` (numpy: sorting and
filtering never go through a proxy model). Everything updates in place from the
session's signals; no widget is rebuilt when another register, year or rule set comes.
Household edits from the card are pushed on the document's undo stack (``push``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QUndoCommand
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Change, Dataset
from ...model.register.view import TableFilter, TableView
from .. import settings
from ..language import ui_lang
from ..monitoring.filter_panel import FilterPanel
from ..monitoring.session import HouseholdEdit, RegisterSession
from ..monitoring.table_model import HouseholdTableModel
from ..widgets.household_card import HouseholdCardPane
from .base import Tab

COLUMNS_KEY = "monitoring/columns"
FIRST_COLUMNS = ("household_id", "village_name", "town", "income", "line", "verdict",
                 "mon_type", "risk_status")
SAMPLE_ROWS = 200  # rows whose text sets a column's first width
MAX_WIDTH = 260
SELECT = (QItemSelectionModel.SelectionFlag.ClearAndSelect
          | QItemSelectionModel.SelectionFlag.Rows)


class MonitoringTab(Tab):
    kinds = ("household",)
    open_requested = Signal()  # "open a register" from the empty page

    def __init__(
        self,
        session: RegisterSession,
        push: Callable[[QUndoCommand], Any] | None = None,
        lang: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.session, self.push = session, push
        self.lang = lang or ui_lang()
        self.dataset: Dataset | None = None
        self.view: TableView | None = None
        self.row: int | None = None  # the register row on the card
        self._changed_rows: list[np.ndarray] = []

        self.stack = QStackedWidget(self)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.stack)
        self.stack.addWidget(self._empty_page())
        work = QWidget(self.stack)
        self.stack.addWidget(work)

        self.banner = QLabel(self.tr("SYNTHETIC households, not real data: every household "
                                     "in this register was generated."), work)
        self.banner.setObjectName("syntheticBanner")
        self.banner.setStyleSheet("background: #FFE8A3; color: #5C4400; font-weight: 600;"
                                  " padding: 3px 8px; border: 1px solid #E0B93A;")
        self.banner.setWordWrap(True)
        self.banner.hide()
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Year"), work))
        self.year = QComboBox(work)
        self.year.setObjectName("yearChoice")
        self.year.activated.connect(self._year_chosen)
        bar.addWidget(self.year)
        self.source = QLabel(work)
        self.source.setObjectName("registerSource")
        bar.addWidget(self.source, 1)
        self.find = QLineEdit(work)
        self.find.setObjectName("findHousehold")
        self.find.setPlaceholderText(self.tr("Go to household number…"))
        self.find.setClearButtonEnabled(True)
        self.find.setMaximumWidth(260)
        self.find.returnPressed.connect(self._find)
        bar.addWidget(self.find)

        self.panel = FilterPanel(self.lang, work)
        self.panel.filter_changed.connect(self.apply_filter)
        self.model = HouseholdTableModel(self)
        self.table = self._make_table(work)
        self.card = HouseholdCardPane(self.lang, work)
        self.card.edit_requested.connect(self._edit)
        self.card.set_read_only(push is None)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, work)
        self.splitter.addWidget(self.panel)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([250, 760, 420])
        work_layout = QVBoxLayout(work)
        work_layout.setContentsMargins(0, 0, 0, 0)
        work_layout.addWidget(self.banner)
        work_layout.addLayout(bar)
        work_layout.addWidget(self.splitter, 1)

        session.opened.connect(self._opened)
        session.closed.connect(self._closed)
        session.evaluated.connect(self._evaluated)
        session.households_changed.connect(self._households_changed)
        if session.is_open:
            self._opened()

    def _empty_page(self) -> QWidget:
        page = QWidget(self.stack)
        text = QLabel(self.tr("No household register is open."), page)
        text.setObjectName("emptyState")
        hint = QLabel(self.tr("Open one with File › Open Household Register…\n"
                              "A synthetic one for trying things out: "
                              "dongchuan register generate"), page)
        button = QPushButton(self.tr("Open Household Register…"), page)
        button.setObjectName("openRegister")
        button.clicked.connect(self.open_requested)
        box = QVBoxLayout(page)
        box.addStretch(1)
        for widget in (text, hint, button):
            if isinstance(widget, QLabel):
                widget.setAlignment(Qt.AlignmentFlag.AlignCenter)
            box.addWidget(widget, 0, Qt.AlignmentFlag.AlignHCenter)
        box.addStretch(2)
        return page

    def _make_table(self, parent: QWidget) -> QTableView:
        table = QTableView(parent)
        table.setObjectName("householdTable")
        table.setModel(self.model)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        table.setWordWrap(False)
        table.setCornerButtonEnabled(False)
        table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        rows = table.verticalHeader()
        rows.hide()
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(table.fontMetrics().height() + 6)
        header = table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setHighlightSections(False)
        header.setSortIndicatorClearable(True)
        header.setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._column_menu)
        header.sectionMoved.connect(self._save_columns)
        table.setSortingEnabled(True)  # header clicks call model.sort
        header.sortIndicatorChanged.connect(self._sort_shown)
        self.model.sorted.connect(self._scroll_to_current)
        table.selectionModel().currentRowChanged.connect(self._current_changed)
        return table

    # ------------------------------------------------------------- Tab
    def title(self) -> str:
        return self.tr("Households")

    def shown_columns(self) -> list[str]:
        """The table's columns as the user sees them: chosen, in their dragged order."""
        header = self.table.horizontalHeader()
        logical = [header.logicalIndex(v) for v in range(header.count())]
        return [self.model.keys[i] for i in logical if not header.isSectionHidden(i)]

    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset  # the register comes through the session

    def apply_changes(self, changes: list[Change]) -> None:
        pass  # rule sets and place names reach the register through the session

    def refresh(self) -> None:
        pass

    def splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter}

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        self._update_editable()

    def _update_editable(self) -> None:
        """Edits go on the document's undo stack, and only into a single register file
        (a partitioned folder is for reading)."""
        editable = self.session.is_open and self.session.editable
        self.card.set_read_only(
            getattr(self, "read_only", False) or self.push is None or not editable
        )

    def focus_search(self) -> None:
        self.find.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.find.selectAll()

    def current_location(self) -> tuple[str, str] | None:
        card = self.card.card
        return ("household", card.household_id) if card is not None else None

    def show_record(self, kind: str, record_id: str) -> bool:
        """Select household ``record_id``; filters that hide it are cleared."""
        if kind != "household" or self.view is None:
            return False
        row = self.view.find(record_id)
        if row is None:
            return False
        if not self.model.display_rows([row]):
            self.panel.set_filter(TableFilter())
            self.apply_filter(TableFilter())
        self._select(row)
        return True

    # ---------------------------------------------------------- register
    def _opened(self) -> None:
        session = self.session
        reg = session.register
        view = TableView(reg, session.evaluation, session.year,
                         place_names=session.place_names or None,
                         site_names=session.site_names or None, lang=self.lang)
        self.view = view
        self.row = None
        self._changed_rows.clear()  # rows of the register before
        self.model.set_view(view, self._saved_columns(view))
        self._fit_columns()
        self._show_sort()
        self.panel.set_register(reg, view.source.place_names)
        self.panel.set_counts(view.counts())
        self.card.set_years(tuple(reg.years))
        self._update_editable()
        self.card.show_card(None)
        self._show_year()
        self.banner.setVisible(session.synthetic)
        name = session.path.name if session.path is not None else ""
        self.source.setText(self.tr("{0}: {1} households, {2} villages").format(
            name, f"{len(reg):,}", len(reg.villages)))
        self.stack.setCurrentIndex(1)

    def _closed(self) -> None:
        self.view = None
        self.row = None
        self._changed_rows.clear()
        self.model.set_view(None)
        self.panel.clear_register()
        self.card.show_card(None)
        self.banner.hide()
        self.stack.setCurrentIndex(0)

    def _evaluated(self) -> None:
        """The rules or the year changed: the same filter and sort, new verdicts."""
        old, session = self.view, self.session
        if old is None or not session.is_open:
            return
        if session.year != old.year:
            view = TableView(session.register, session.evaluation, session.year,
                             place_names=old.source.place_names,
                             site_names=old.source.site_names, lang=self.lang)
            view.set_filter(old.filter)
            view.sort(old.sort_key, old.descending)
            self.view = view
            self.model.set_view(view, self._chosen() or self._saved_columns(view))
            self._fit_columns()
            self._show_sort()
        else:
            self.model.refresh(session.evaluation)
        self._after_reset(new_verdicts=True)
        self._show_year()

    def _households_changed(self, rows: np.ndarray) -> None:
        """Edits (and their undo): shown on the next turn of the event loop, once for
        all rows changed meanwhile, never inside the edited widget's own handler."""
        if not self._changed_rows:
            QTimer.singleShot(0, self._show_changes)
        self._changed_rows.append(np.asarray(rows, dtype=np.int64))

    def _show_changes(self) -> None:
        if not self._changed_rows or self.view is None or not self.session.is_open:
            self._changed_rows.clear()
            return
        rows = np.unique(np.concatenate(self._changed_rows))
        self._changed_rows.clear()
        self.model.households_changed(rows, self.session.evaluation)
        self.panel.set_counts(self.view.counts())
        if self.row is not None and self.row in rows:
            self.card.show_card(self.session.card(self.row))

    def _show_year(self) -> None:
        self.year.blockSignals(True)
        self.year.clear()
        for y in self.session.register.years:
            self.year.addItem(str(y), y)
        self.year.setCurrentIndex(self.year.findData(self.session.year))
        self.year.blockSignals(False)

    def _year_chosen(self, index: int) -> None:
        self.session.set_year(int(self.year.itemData(index)))

    # --------------------------------------------------- filter and sort
    def apply_filter(self, spec: TableFilter) -> None:
        """Show the households passing ``spec``; the household on the card stays
        selected if it passes."""
        if self.view is None:
            return
        self.model.set_filter(spec)
        self._after_reset()

    def _after_reset(self, new_verdicts: bool = False) -> None:
        """After the table was reset: counts, and the household on the card selected
        again if it is shown (it stays on the card if not)."""
        self.panel.set_counts(self.view.counts() if self.view is not None else None)
        if self.row is not None and new_verdicts:
            self.card.show_card(self.session.card(self.row))
        if self.row is None or not self._select(self.row):
            self.table.scrollToTop()

    def _sort_shown(self, section: int, order: Qt.SortOrder) -> None:
        """After a header click: an unsortable column leaves the sort as it was."""
        key = self.model.keys[section] if 0 <= section < len(self.model.keys) else None
        if self.view is not None and key != self.view.sort_key:
            self._show_sort()

    def _show_sort(self) -> None:
        """The header's indicator on the column sorted by (none: register order)."""
        view = self.view
        sort_key = view.sort_key if view is not None else None
        section = self.model.keys.index(sort_key) if sort_key in self.model.keys else -1
        descending = view is not None and view.descending
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        header.setSortIndicator(section, Qt.SortOrder.DescendingOrder if descending
                                else Qt.SortOrder.AscendingOrder)
        header.blockSignals(False)

    def _scroll_to_current(self) -> None:
        current = self.table.currentIndex()
        if current.isValid():
            self.table.scrollTo(current, QAbstractItemView.ScrollHint.PositionAtCenter)
        else:
            self.table.scrollToTop()

    # ----------------------------------------------------------- columns
    def _saved_columns(self, view: TableView) -> list[str]:
        saved = [k for k in settings.read(COLUMNS_KEY) if k in view.source.specs]
        return saved or self._default_order(view)

    @staticmethod
    def _default_order(view: TableView) -> list[str]:
        """The catalogue's default columns, what monitoring is about first."""
        keys = view.default_columns()
        first = [k for k in FIRST_COLUMNS if k in keys]
        return first + [k for k in keys if k not in first]

    def _chosen(self) -> list[str]:
        """The columns shown, in the order the user sees them."""
        header = self.table.horizontalHeader()
        return [self.model.keys[header.logicalIndex(v)] for v in range(header.count())
                if header.logicalIndex(v) < len(self.model.keys)]

    def _save_columns(self, *args: Any) -> None:
        settings.write(COLUMNS_KEY, self._chosen())

    def _fit_columns(self) -> None:
        """The model's order is the visual order; widths from the catalogue."""
        header = self.table.horizontalHeader()
        for logical in range(header.count()):
            if header.visualIndex(logical) != logical:
                header.moveSection(header.visualIndex(logical), logical)
        if self.view is None:
            return
        view, metrics = self.view, self.table.fontMetrics()
        sample = range(min(SAMPLE_ROWS, len(view)))
        for i, key in enumerate(self.model.keys):
            texts = {view.value(r, key) for r in sample}
            text = max((metrics.horizontalAdvance(t) for t in texts), default=0) + 12
            label = metrics.horizontalAdvance(view.header(key)) + 28  # and the arrow
            header.resizeSection(i, min(max(text, label), MAX_WIDTH))

    def _column_menu(self, pos: QPoint) -> None:
        if self.view is None:
            return
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        chosen = set(self.model.keys)
        for spec in self.view.columns:
            action = QAction(spec.label(self.lang), menu)
            action.setCheckable(True)
            action.setChecked(spec.key in chosen)
            action.setEnabled(not (spec.key in chosen and len(chosen) == 1))
            action.toggled.connect(lambda on, k=spec.key: self._toggle_column(k, on))
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tr("Default columns"), self._default_columns)
        menu.popup(self.table.horizontalHeader().mapToGlobal(pos))

    def _toggle_column(self, key: str, on: bool) -> None:
        keys = [k for k in self._chosen() if k != key]
        if on:
            keys.append(key)
        self._set_columns(keys)

    def _default_columns(self) -> None:
        if self.view is not None:
            self._set_columns(self._default_order(self.view))

    def _set_columns(self, keys: list[str]) -> None:
        self.model.set_columns(keys)
        self._fit_columns()
        self._show_sort()
        settings.write(COLUMNS_KEY, self.model.keys)
        if self.row is not None:
            self._select(self.row)

    # --------------------------------------------------------- selection
    def _select(self, row: int) -> bool:
        """Select register row ``row`` in the table (False: it is not shown)."""
        found = self.model.display_rows([row])
        if not found:
            return False
        index = self.model.index(found[row], 0)
        self.table.selectionModel().setCurrentIndex(index, SELECT)
        self.table.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
        return True

    def _current_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        if not current.isValid() or self.view is None:
            return
        row = self.model.register_row(current.row())
        if row == self.row and self.card.card is not None and self.card.card.row == row:
            return
        self.row = row
        card = self.session.card(row)
        self.card.show_card(card)
        self.selection_changed.emit("household", card.household_id)

    def _find(self) -> None:
        text = self.find.text().strip()
        if text and not self.show_record("household", text):
            self.find.setToolTip(self.tr("No household {0} in this register.").format(text))
            self.find.selectAll()
        else:
            self.find.setToolTip("")

    # ------------------------------------------------------------- edits
    def _edit(self, row: int, column: str, value: Any, text: str) -> None:
        if self.push is None or not self.session.is_open or not self.session.editable:
            return
        edit = HouseholdEdit(self.session, row, column, value, text)
        if column == "risk_status":  # a new status is dated today, in the same step
            import datetime as dt

            from ..commands import Composite

            today = np.datetime64(dt.date.today().isoformat(), "D")
            dated = HouseholdEdit(self.session, row, "status_date", today, text)
            self.push(Composite(text, [edit, dated]))
        else:
            self.push(edit)
