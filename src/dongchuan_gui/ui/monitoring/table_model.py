"""The household table's Qt model: a thin adapter over the model layer's ``TableView``.

Rows are the households shown (the view's permutation ``order``), columns the keys the
user chose, in order. The view asks only for visible cells; each cell is one formatter
call on one register row. Sorting and filtering happen in the ``TableView`` (numpy,
vectorised), never in a ``QSortFilterProxyModel``. A sort is a layout change (the
selected household keeps its selection wherever it lands); a filter changes the row
count and is a model reset (measured at 1M: as fast as a layout change), after which
the owner selects the household again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import numpy as np
from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from ...model.register.view import TableFilter, TableView

DISPLAY = Qt.ItemDataRole.DisplayRole
ALIGN = Qt.ItemDataRole.TextAlignmentRole
TIP = Qt.ItemDataRole.ToolTipRole
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
# the overload that carries a hint: a vertical sort leaves the column header alone
_PERSISTENT_LIST = "QList<QPersistentModelIndex>"
_HINT = QAbstractItemModel.LayoutChangeHint



class HouseholdTableModel(QAbstractTableModel):
    """Households of a ``TableView`` in rows, the chosen columns in columns."""

    sorted = Signal()  # the order changed (a sort, the register order again)

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.view: TableView | None = None
        self.keys: list[str] = []
        self._order = np.zeros(0, dtype=np.int64)
        self._formats: list[Callable[[int], str]] = []
        self._align: list[Any] = []

    # ------------------------------------------------------------ state
    def set_view(self, view: TableView | None, keys: Sequence[str] | None = None) -> None:
        """Show another view (another register, year or rule set): a reset."""
        self.beginResetModel()
        self.view = view
        if keys is not None:
            self.keys = list(keys)
        self.keys = self._known(self.keys)
        self._bind()
        self.endResetModel()

    def set_columns(self, keys: Sequence[str]) -> None:
        """Show these columns in this order (unknown keys are left out)."""
        keys = self._known(keys)
        if keys == self.keys:
            return
        self.beginResetModel()
        self.keys = keys
        self._bind()
        self.endResetModel()

    def _known(self, keys: Sequence[str]) -> list[str]:
        if self.view is None:
            return list(keys)
        specs = self.view.source.specs
        return [k for k in dict.fromkeys(keys) if k in specs]

    def _bind(self) -> None:
        """Cache the order and a formatter per column: ``data`` is then one call."""
        view = self.view
        if view is None:
            self._order = np.zeros(0, dtype=np.int64)
            self._formats, self._align = [], []
            return
        self._order = view.order
        specs = view.source.specs
        self._formats = [view.source.formatter(k, view.lang) for k in self.keys]
        self._align = [RIGHT if specs[k].numeric else LEFT for k in self.keys]

    # ---------------------------------------------------------- Qt model
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._order)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._formats)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = DISPLAY) -> Any:
        if role == DISPLAY:
            return self._formats[index.column()](int(self._order[index.row()]))
        if role == ALIGN:
            return self._align[index.column()]
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or self.view is None:
            return None
        if not 0 <= section < len(self.keys):
            return None
        if role in (DISPLAY, TIP):
            return self.view.header(self.keys[section])
        if role == ALIGN:
            return self._align[section]
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort by a column (``column`` -1: register order); unsortable columns are
        left alone. Persistent indexes (the selection) follow their households."""
        view = self.view
        if view is None:
            return
        key = self.keys[column] if 0 <= column < len(self.keys) else None
        if key is not None and not view.source.specs[key].sortable:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == view.sort_key and (key is None or descending == view.descending):
            return
        hint = QAbstractItemModel.LayoutChangeHint.VerticalSortHint
        self.layoutAboutToBeChanged[_PERSISTENT_LIST, _HINT].emit([], hint)
        kept = self.persistentIndexList()
        rows = [int(self._order[i.row()]) for i in kept]
        view.sort(key, descending)
        self._order = view.order
        found = self.display_rows(rows)
        self.changePersistentIndexList(
            kept,
            [self.index(found[r], i.column()) if r in found else QModelIndex()
             for i, r in zip(kept, rows, strict=True)],
        )
        self.layoutChanged[_PERSISTENT_LIST, _HINT].emit([], hint)
        self.sorted.emit()

    def set_filter(self, spec: TableFilter) -> None:
        """Show the households passing ``spec`` (a reset: the row count changes)."""
        if self.view is None:
            return
        self.beginResetModel()
        self.view.set_filter(spec)
        self._order = self.view.order
        self.endResetModel()

    # ----------------------------------------------------- after changes
    def households_changed(self, rows: np.ndarray, evaluation: Any) -> None:
        """Households were edited: read their cells again, rows stay where they are."""
        if self.view is None:
            return
        self.view.rebind(evaluation)
        self._bind()
        last = len(self.keys) - 1
        if last < 0:
            return
        for display_row in sorted(self.display_rows([int(r) for r in rows]).values()):
            self.dataChanged.emit(self.index(display_row, 0), self.index(display_row, last),
                                  [DISPLAY])

    def refresh(self, evaluation: Any) -> None:
        """New verdicts (the rules changed): filter and sort again (a reset)."""
        if self.view is None:
            return
        self.beginResetModel()
        self.view.refresh(evaluation)
        self.keys = self._known(self.keys)
        self._bind()
        self.endResetModel()

    # ------------------------------------------------------------ rows
    def register_row(self, display_row: int) -> int:
        return int(self._order[display_row])

    def display_rows(self, rows: Sequence[int]) -> dict[int, int]:
        """Where the register rows ``rows`` are shown (those filtered out are left
        out): one pass over the order."""
        if not rows:
            return {}
        wanted = np.unique(np.asarray(rows, dtype=np.int64))
        where = np.flatnonzero(np.isin(self._order, wanted))
        return {int(self._order[i]): int(i) for i in where}

    def key_at(self, column: int) -> str:
        return self.keys[column]
