"""The findings table view: whole rows selected, sorting in the model, Enter or a
double click asks to open the row's record (``open_requested(row)``)."""

from __future__ import annotations

from PySide6.QtCore import QItemSelection, QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QWidget

from .quality_model import COLUMNS, FindingsModel

# column widths in widths of "M"; the message takes the rest
WIDTHS = {
    "importance": 7,
    "kind": 10,
    "test": 13,
    "indicator": 12,
    "place": 10,
    "program": 11,
    "period": 6,
    "value": 10,
    "state": 17,
}


class FindingsTable(QTableView):
    open_requested = Signal(int)  # a row

    def __init__(self, model: FindingsModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsTable")
        self.setModel(model)
        self.findings = model
        # most important first: the findings' own order
        self.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.setSortingEnabled(True)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setAlternatingRowColors(True)
        self.setWordWrap(False)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.verticalHeader().hide()
        self.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.horizontalHeader()
        # the header would ask the table's selection whether each column is wholly
        # selected, row by row (0.3 s a column at 24k selected rows, on every paint):
        # it gets a selection of its own, always empty
        self._header_selection = QItemSelectionModel(model, self)
        header.setSelectionModel(self._header_selection)
        header.setHighlightSections(False)
        header.setStretchLastSection(True)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        em = self.fontMetrics().horizontalAdvance("M")
        for name, width in WIDTHS.items():
            self.setColumnWidth(COLUMNS.index(name), width * em)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.doubleClicked.connect(self._open)

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_requested.emit(index.row())

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------ selection
    def selected_rows(self) -> list[int]:
        # from the selection's ranges: selectedRows() asks the model's size per cell
        rows: set[int] = set()
        for part in self.selectionModel().selection():
            rows.update(range(part.top(), part.bottom() + 1))
        return sorted(rows)

    def current_row(self) -> int:
        index = self.currentIndex()
        return index.row() if index.isValid() and index.row() < self.model().rowCount() else -1

    def select_rows(self, rows: list[int], current: int | None = None) -> None:
        """Select whole ``rows`` (one range per run of rows) and show ``current``
        (the first when None)."""
        model = self.findings
        chosen = QItemSelection()
        last = len(COLUMNS) - 1
        for first, end in runs(sorted(rows)):
            chosen.select(model.index(first, 0), model.index(end, last))
        selection = self.selectionModel()
        selection.select(chosen, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        if rows:
            at = current if current is not None else rows[0]
            selection.setCurrentIndex(
                model.index(at, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.scrollTo(model.index(at, 0))

    def select_keys(self, keys: list[str], current: str | None) -> None:
        """Select the findings with these keys again (after a new list or filter)."""
        if not keys:
            return
        model = self.findings
        rows = [r for k in keys if (r := model.row_of(k)) >= 0]
        at = model.row_of(current) if current else -1
        self.select_rows(rows, at if at >= 0 else None)


def runs(rows: list[int]) -> list[tuple[int, int]]:
    """Sorted rows as (first, last) runs of consecutive rows."""
    out: list[tuple[int, int]] = []
    for row in rows:
        if out and out[-1][1] == row - 1:
            out[-1] = (out[-1][0], row)
        else:
            out.append((row, row))
    return out
