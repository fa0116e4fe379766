"""The findings of the Data Quality tab as a table that sorts and filters itself.

Tens of thousands of findings are possible (an outlier pass over a large dataset), so
the rows are indices into the list of findings, filtered and sorted here with plain
Python sorts on precomputed keys; a ``QSortFilterProxyModel`` over a Python model
takes seconds at 100k rows. Messages are rendered when first shown or sorted by.
Names (indicator, place, program, rule) are looked up once per list in ``Names``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ...model.quality.findings import IMPORTANCE_ORDER, KINDS, Finding
from .quality_labels import (
    STATES,
    Names,
    column_title,
    finding_kind_text,
    importance_text,
    state_key,
    state_text,
)

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COLUMNS = (
    "importance",
    "kind",
    "test",
    "indicator",
    "place",
    "program",
    "period",
    "value",
    "state",
    "message",
)
VALUE_COLUMN = COLUMNS.index("value")
IMPORTANCE_COLORS = {"high": "#C62828", "medium": "#8a5a00", "low": "#555555"}
STATE_COLORS = {"changed": "#b35900", "checked": "#2e7d32", "follow_up": "#1f5fa8"}
RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
LEFT = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter


@dataclass(frozen=True)
class Criteria:
    """What the table shows; None: everything. ``places`` holds a place and the
    places under it; ``text`` is matched in the message and the names."""

    kind: str | None = None
    importance: str | None = None
    state: str | None = None  # a STATES key; "open" takes "changed" too
    places: frozenset[str] | None = None
    program: str | None = None
    text: str = ""


class FindingsModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._all: list[Finding] = []
        self._rows: list[int] = []  # indices into _all: shown, in shown order
        self._row_by_key: dict[str, int] | None = None  # built when first asked
        self._texts: list[str | None] = []
        self._hay: list[str] | None = None  # what the search box looks in
        self._sort_keys: dict[int, list[Any]] = {}  # column -> key of each finding
        self._names = Names()
        self._criteria = Criteria()
        self._sort_column = -1  # -1: the findings' own order (most important first)
        self._descending = False

    # ----------------------------------------------------------------- data
    def set_findings(
        self, found: Sequence[Finding], names: Names, criteria: Criteria | None = None
    ) -> None:
        """A new list (and filter): one ``dataChanged`` when the same findings show
        in the same order (a mark given), else a reset."""
        before = [self._all[i].key for i in self._rows]
        if criteria is not None:
            self._criteria = criteria
        self._all = list(found)
        self._texts = [None] * len(self._all)
        self._hay = None
        self._sort_keys = {}
        self._names = names
        rows = self._shown_rows()
        self._row_by_key = None
        if rows and [self._all[i].key for i in rows] == before:
            self._rows = rows
            last = self.index(len(rows) - 1, len(COLUMNS) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
            return
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def set_criteria(self, criteria: Criteria) -> None:
        if criteria == self._criteria:
            return
        self.beginResetModel()
        self._criteria = criteria
        self._rows = self._shown_rows()
        self._row_by_key = None
        self.endResetModel()

    @property
    def criteria(self) -> Criteria:
        return self._criteria

    @property
    def names(self) -> Names:
        return self._names

    def findings(self) -> list[Finding]:
        """Every finding, shown or not."""
        return list(self._all)

    def shown(self) -> list[Finding]:
        return [self._all[i] for i in self._rows]

    def finding(self, row: int) -> Finding:
        return self._all[self._rows[row]]

    def row_of(self, key: str) -> int:
        """The row showing the finding with ``key``, or -1."""
        if self._row_by_key is None:
            items = self._all
            self._row_by_key = {items[i].key: row for row, i in enumerate(self._rows)}
        return self._row_by_key.get(key, -1)

    def message(self, i: int) -> str:
        """The text of finding ``i`` of the whole list (rendered once)."""
        text = self._texts[i]
        if text is None:
            text = self._texts[i] = self._all[i].text(self._names.lang)
        return text

    # ------------------------------------------------------ filter and sort
    def _haystack(self) -> list[str]:
        if self._hay is None:
            names = self._names
            self._hay = [
                " ".join(
                    (
                        self.message(i),
                        names.indicator(f),
                        names.place(f),
                        names.program(f),
                        names.test(f),
                        f.period or "",
                        f.record_id,
                    )
                ).casefold()
                for i, f in enumerate(self._all)
            ]
        return self._hay

    def _keep(self) -> Callable[[int], bool]:
        c = self._criteria
        items = self._all
        hay = self._haystack() if c.text else []
        text = c.text.casefold()

        def keep(i: int) -> bool:
            f = items[i]
            if c.kind is not None and f.kind != c.kind:
                return False
            if c.importance is not None and f.importance != c.importance:
                return False
            if c.state is not None:
                state = state_key(f)
                if state != c.state and not (c.state == "open" and state == "changed"):
                    return False
            if c.places is not None and f.place not in c.places:
                return False
            if c.program is not None and f.program != c.program:
                return False
            return not text or text in hay[i]

        return keep

    def _shown_rows(self) -> list[int]:
        if self._criteria == Criteria():
            rows = list(range(len(self._all)))
        else:
            rows = list(filter(self._keep(), range(len(self._all))))
        if self._sort_column >= 0:
            keys = self._keys(self._sort_column)
            rows.sort(key=keys.__getitem__, reverse=self._descending)
        return rows

    def _keys(self, column: int) -> list[Any]:
        """The sort key of every finding for ``column`` (worked out once per list)."""
        keys = self._sort_keys.get(column)
        if keys is not None:
            return keys
        items, names = self._all, self._names
        name = COLUMNS[column]
        if name == "importance":
            keys = [IMPORTANCE_ORDER[f.importance] for f in items]
        elif name == "kind":
            keys = [(KINDS.index(f.kind), f.code != "rule_failed") for f in items]
        elif name == "state":
            keys = [STATES.index(state_key(f)) for f in items]
        elif name == "value":
            keys = [(f.value is None, f.value or 0.0) for f in items]
        elif name == "message":
            keys = [self.message(i).casefold() for i in range(len(items))]
        elif name == "period":
            keys = [f.period or "" for f in items]
        else:
            getter = getattr(names, name)
            keys = [getter(f).casefold() for f in items]
        self._sort_keys[column] = keys
        return keys

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        column = column if 0 <= column < len(COLUMNS) else -1
        descending = order == Qt.SortOrder.DescendingOrder
        if (column, descending) == (self._sort_column, self._descending):
            return
        self._sort_column, self._descending = column, descending
        self.layoutAboutToBeChanged.emit()
        old = list(self._rows)
        if column >= 0:
            self._rows.sort(key=self._keys(column).__getitem__, reverse=descending)
        else:
            self._rows.sort()
        self._row_by_key = None
        # keep the selection on the same findings
        moved = {i: row for row, i in enumerate(self._rows)}
        persistent = self.persistentIndexList()
        self.changePersistentIndexList(
            persistent,
            [
                self.index(moved[old[p.row()]], p.column())
                if p.isValid() and p.row() < len(old)
                else QModelIndex()
                for p in persistent
            ],
        )
        self.layoutChanged.emit()

    # ---------------------------------------------------------- qt interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 (Qt's default)
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def cell(self, row: int, column: int) -> str:
        i = self._rows[row]
        f = self._all[i]
        name = COLUMNS[column]
        names = self._names
        if name == "importance":
            return importance_text(f.importance)
        if name == "kind":
            return finding_kind_text(f)
        if name == "test":
            return names.test(f)
        if name == "indicator":
            return names.indicator(f)
        if name == "place":
            return names.place(f)
        if name == "program":
            return names.program(f)
        if name == "period":
            return f.period or ""
        if name == "value":
            return names.value(f)
        if name == "state":
            return state_text(f)
        return self.message(i)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, column = index.row(), index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.cell(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            f = self.finding(row)
            return self.message(self._rows[row]) + "\n" + state_text(f)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if column == VALUE_COLUMN else LEFT
        if role == Qt.ItemDataRole.ForegroundRole:
            f = self.finding(row)
            if COLUMNS[column] == "importance":
                return QColor(IMPORTANCE_COLORS.get(f.importance, "#000000"))
            if COLUMNS[column] == "state" and (color := STATE_COLORS.get(state_key(f))):
                return QColor(color)
            return None
        if role == KEY_ROLE:
            return self.finding(row).key
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal:
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return column_title(COLUMNS[section])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return RIGHT if section == VALUE_COLUMN else LEFT
        return None
