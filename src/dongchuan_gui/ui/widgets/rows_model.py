"""A small table of text rows (tens, not millions) that updates in place.

The boards of the monitoring overview (risk lights, what-if counts, resettlement
sites) show a few dozen rows recomputed by the model layer. ``set_rows`` keeps the
view's selection and scroll position: the same number of rows is a ``dataChanged``,
another number a reset. Each row carries a key (a place code, a site index) that the
view hands back on click.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QIcon, QStandardItem, QStandardItemModel

Index = QModelIndex | QPersistentModelIndex
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
KEY_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Row:
    cells: tuple[str, ...]
    key: Any = None
    tip: str = ""
    icon: QIcon | None = None  # shown in the first column
    bold: bool = False
    foreground: QColor | None = None


class RowsModel(QAbstractTableModel):
    def __init__(self, headers: list[str], numeric: set[int] | None = None, parent=None):
        super().__init__(parent)
        self._headers = list(headers)
        self._numeric = numeric or set()
        self._rows: list[Row] = []

    # ----------------------------------------------------------------- data
    def set_rows(self, rows: list[Row]) -> None:
        if len(rows) == len(self._rows) and rows:
            self._rows = rows
            last = self.index(len(rows) - 1, len(self._headers) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        else:
            self.beginResetModel()
            self._rows = rows
            self.endResetModel()

    def set_headers(self, headers: list[str], numeric: set[int] | None = None) -> None:
        """New column titles; another number of columns empties the table."""
        if numeric is not None:
            self._numeric = numeric
        if len(headers) == len(self._headers):
            self._headers = list(headers)
            self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(headers) - 1)
            return
        self.beginResetModel()
        self._headers = list(headers)
        self._rows = []
        self.endResetModel()

    def row(self, i: int) -> Row:
        return self._rows[i]

    def key_at(self, i: int) -> Any:
        return self._rows[i].key

    def find(self, key: Any) -> int:
        """The row carrying ``key``, or -1."""
        return next((i for i, r in enumerate(self._rows) if r.key == key), -1)

    # ---------------------------------------------------------- qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return row.cells[col] if col < len(row.cells) else ""
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.tip or None
        if role == Qt.ItemDataRole.DecorationRole and col == 0:
            return row.icon
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if col in self._numeric else LEFT
        if role == Qt.ItemDataRole.FontRole and row.bold:
            from PySide6.QtGui import QFont

            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and row.foreground is not None:
            return row.foreground
        if role == KEY_ROLE:
            return row.key
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section] if section < len(self._headers) else None
        if orientation == Qt.Orientation.Horizontal and role == (
            Qt.ItemDataRole.TextAlignmentRole
        ):
            return RIGHT if section in self._numeric else LEFT
        return None


class StepRows(QStandardItemModel):
    """The same rows kept in C++ items, for tables rewritten on every slider step:
    painting them calls no Python (a ``RowsModel`` answers each role of each cell in
    Python, a few milliseconds per frame for a 15-row table). One ``dataChanged`` per
    ``set_rows``."""

    def __init__(self, headers: list[str], numeric: set[int] | None = None, parent=None):
        super().__init__(0, len(headers), parent)
        self.setHorizontalHeaderLabels(headers)
        self._numeric = numeric or set()
        self._rows: list[Row] = []
        for column in range(len(headers)):
            item = self.horizontalHeaderItem(column)
            item.setTextAlignment(RIGHT if column in self._numeric else LEFT)

    def set_rows(self, rows: list[Row]) -> None:
        columns = self.columnCount()
        if len(rows) != self.rowCount():
            self.setRowCount(len(rows))  # new rows come empty: fill them below
            for r in range(len(rows)):
                for c in range(columns):
                    if self.item(r, c) is None:
                        item = QStandardItem()
                        item.setEditable(False)
                        item.setTextAlignment(RIGHT if c in self._numeric else LEFT)
                        self.setItem(r, c, item)
        old, self._rows = self._rows, rows
        if not rows:
            return
        self.blockSignals(True)
        try:
            for r, row in enumerate(rows):
                before = old[r] if r < len(old) else None
                if before == row:
                    continue
                for c in range(columns):
                    text = row.cells[c] if c < len(row.cells) else ""
                    if before is None or c >= len(before.cells) or before.cells[c] != text:
                        self.item(r, c).setText(text)
                    if before is None or before.tip != row.tip:
                        self.item(r, c).setToolTip(row.tip)
        finally:
            self.blockSignals(False)
        self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, columns - 1))

    def row(self, i: int) -> Row:
        return self._rows[i]

    def key_at(self, i: int) -> Any:
        return self._rows[i].key


def small_table(model: RowsModel | StepRows, parent=None, stretch: int | None = 0,
                fixed: dict[int, str] | None = None):
    """A read-only, row-selecting view of ``model`` sized for a board: column
    ``stretch`` (a name) takes the room left and is elided; the others fit their text
    (``None``: every column fits its text, the last one takes the room left).
    ``fixed`` gives columns a fixed width, wide enough for the sample text given and
    for their title: a view rewritten on every slider step then never measures."""
    from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    view.setWordWrap(False)
    view.setAlternatingRowColors(True)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(stretch is None)
    header.setMinimumSectionSize(24)
    header.setResizeContentsPrecision(40)  # fit columns to the first rows, not all
    model.modelReset.connect(lambda: _stretch(header, model, stretch))
    _stretch(header, model, stretch)
    metrics = view.fontMetrics()
    for column, sample in (fixed or {}).items():
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        width = max(metrics.horizontalAdvance(sample), metrics.horizontalAdvance(title)) + 16
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Fixed)
        header.resizeSection(column, width)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    header.setHighlightSections(False)
    return view


def _stretch(header, model, column: int | None) -> None:
    from PySide6.QtWidgets import QHeaderView

    if column is not None and column < model.columnCount():
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)


def on_activate(view, key_of, callback) -> None:
    """Call ``callback(key_of(row))`` when a row is clicked or Return is pressed on it
    (a double click, which Qt reports as a click and an activation, calls it once)."""
    from PySide6.QtCore import QElapsedTimer
    from PySide6.QtWidgets import QApplication

    clock = QElapsedTimer()
    last: list[Any] = [None]

    def fire(index: QModelIndex) -> None:
        if not index.isValid():
            return
        key = key_of(index.row())
        if key == last[0] and clock.isValid() and (
            clock.elapsed() < QApplication.doubleClickInterval()
        ):
            return
        last[0] = key
        clock.start()
        if key is not None:
            callback(key)

    view.clicked.connect(fire)
    view.activated.connect(fire)
