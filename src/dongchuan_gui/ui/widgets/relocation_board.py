"""The relocation follow-up board: per resettlement site, who has work and who not yet.

From ``session.relocation()`` (policy_reference §4.5: at least the rule set's minimum
employed in every relocated household with labour). One row per site of the register,
"site not recorded" when used, and the total. Selecting a row lists its households with
labour and nobody employed, then those whose employment was not recorded that year; a
click (or Return) on one asks to open its card (``household_activated``). The list is a
thin model over the board's row arrays: nothing per household is built up front.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QVBoxLayout, QWidget

from ...model.register import display
from .rows_model import Row, RowsModel, on_activate, small_table

Index = QModelIndex | QPersistentModelIndex
TOTAL_KEY = -1


class HouseholdList(QAbstractTableModel):
    """Household number, village and what is missing, for an array of register rows."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.rows = np.zeros(0, dtype=np.int64)
        self.short = 0  # the first ``short`` rows have nobody employed; then: not recorded
        self.session: Any = None
        self.lang = "zh"
        self.headers = ["", "", ""]
        self.states = ("", "")

    def set_rows(self, session: Any, short: np.ndarray, unknown: np.ndarray) -> None:
        self.beginResetModel()
        self.session = session
        self.rows = np.concatenate((short, unknown)).astype(np.int64)
        self.short = len(short)
        self.endResetModel()

    def row_at(self, i: int) -> int:
        return int(self.rows[i])

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or self.session is None or self.session.register is None:
            return None
        row = int(self.rows[index.row()])
        missing = index.row() >= self.short
        if role == Qt.ItemDataRole.DisplayRole:
            reg = self.session.register
            if index.column() == 0:
                return bytes(reg.columns["household_id"][row]).decode("ascii", "replace")
            if index.column() == 1:
                code = int(reg.columns["village"][row])
                return display.place_name(self.session.place_names, code, self.lang)
            return self.states[1 if missing else 0]
        if role == Qt.ItemDataRole.ForegroundRole and missing:
            return QColor("#6b6b6b")
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.headers[section]
        return None


class RelocationBoard(QWidget):
    household_activated = Signal(int)  # register row

    def __init__(self, lang: str = "zh", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lang = lang
        self.session: Any = None
        self.board: Any = None
        self.heading = QLabel(self.tr("Relocation follow-up"), self)
        self.heading.setObjectName("editorTitle")
        self.goal = QLabel(self)
        self.goal.setObjectName("styleLegend")
        self.goal.setWordWrap(True)
        self.sites = RowsModel(
            [self.tr("Resettlement site"), self.tr("Relocated households"),
             self.tr("With labour"), self.tr("Enough employed"), self.tr("Share"),
             self.tr("Not recorded")], {1, 2, 3, 4, 5}, self,
        )
        self.site_view = small_table(self.sites, self)
        self.site_view.setObjectName("relocationSites")
        self.caption = QLabel(self)
        self.caption.setWordWrap(True)
        self.households = HouseholdList(self)
        self.households.lang = lang
        self.households.headers = [self.tr("Household"), self.tr("Village"), self.tr("Status")]
        self.households.states = (self.tr("nobody employed"),
                                  self.tr("employment not recorded"))
        self.household_view = small_table(self.households, self, stretch=1)  # type: ignore[arg-type]
        self.household_view.setObjectName("relocationHouseholds")
        header = self.household_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)  # no pass over rows
        header.resizeSection(0, self.fontMetrics().horizontalAdvance("M" * 18))
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.resizeSection(2, self.fontMetrics().horizontalAdvance("M" * 12))
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.heading)
        left_layout.addWidget(self.goal)
        left_layout.addWidget(self.site_view, 1)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.caption)
        right_layout.addWidget(self.household_view, 1)
        self.splitter = QSplitter(self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.site_view.selectionModel().currentRowChanged.connect(self._on_site)
        on_activate(self.household_view, self.households.row_at, self.household_activated.emit)
        self.clear()

    def clear(self) -> None:
        self.session = self.board = None
        self.sites.set_rows([])
        self.households.set_rows(None, np.zeros(0, np.int64), np.zeros(0, np.int64))
        self.goal.setText("")
        self.caption.setText(self.tr("Select a site to list its households without a job."))

    def show_session(self, session: Any) -> None:
        """Show the session's board (worked out anew after any change), keeping the
        site in view."""
        current = self.site_view.currentIndex()
        keep = self.sites.key_at(current.row()) if current.isValid() else None
        self.session = session
        board = self.board = session.relocation()
        self.heading.setText(self.tr("Relocation follow-up · {0}").format(board.year))
        self.goal.setText(self.tr(
            "Goal (policy §4.5): at least {0} person(s) employed in every relocated "
            "household with labour. Households whose employment was not recorded count in "
            "the share's base.").format(board.min_employed))
        rows = [self._row(site, site.index) for site in board.sites]
        rows.append(self._row(board.total, TOTAL_KEY, bold=True))
        self.sites.set_rows(rows)
        at = self.sites.find(keep) if keep is not None else -1
        if at >= 0:
            self.site_view.setCurrentIndex(self.sites.index(at, 0))
            self._show_households(at)
        else:
            self._show_households(-1)

    def _row(self, site: Any, key: int, bold: bool = False) -> Row:
        return Row(
            (site.name(self.lang), f"{site.relocated:,}", f"{site.with_labour:,}",
             f"{site.employed:,}", display.percent(site.share), f"{site.unknown:,}"),
            key=key, bold=bold, tip=site.place_id,
        )

    def _site(self, key: int) -> Any:
        if key == TOTAL_KEY:
            return self.board.total
        return next(s for s in self.board.sites if s.index == key)

    def _on_site(self, current: QModelIndex, previous: QModelIndex) -> None:
        self._show_households(current.row() if current.isValid() else -1)

    def _show_households(self, at: int) -> None:
        if self.board is None or at < 0:
            self.households.set_rows(self.session, np.zeros(0, np.int64),
                                     np.zeros(0, np.int64))
            self.caption.setText(self.tr("Select a site to list its households without a job."))
            return
        site = self._site(self.sites.key_at(at))
        self.households.set_rows(self.session, site.without_job, site.not_recorded)
        self.caption.setText(self.tr(
            "{0}: {1} households with labour and nobody employed, {2} not recorded "
            "(click one to open its card)").format(
            site.name(self.lang), f"{len(site.without_job):,}", f"{len(site.not_recorded):,}"))
