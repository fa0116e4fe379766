"""What every tab offers the main window, and the search-list-detail layout."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLineEdit,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Change, Dataset
from ..item_models import KEY_ROLE, Node, RecordTreeModel, SearchFilter


class Tab(QWidget):
    """Tabs emit intents; the main window navigates. ``selection_changed`` reports
    the record the user now looks at; ``link_activated`` asks to go elsewhere."""

    selection_changed = Signal(str, str)
    link_activated = Signal(str, str)
    field_edited = Signal(str, str, str, object)  # kind, id, field, value
    add_requested = Signal(str, str, str)  # kind to add, owner kind, owner id
    remove_requested = Signal(str, str)  # kind, id
    kinds: tuple[str, ...] = ()

    def title(self) -> str:
        raise NotImplementedError

    def set_dataset(self, dataset: Dataset) -> None:
        raise NotImplementedError

    def current_location(self) -> tuple[str, str] | None:
        return None

    def show_record(self, kind: str, record_id: str) -> bool:
        return False

    def focus_search(self) -> None:
        pass

    def splitters(self) -> dict[str, QSplitter]:
        return {}

    def set_read_only(self, read_only: bool) -> None:
        pass

    def refresh(self) -> None:
        """Show the dataset again, keeping the selection."""
        dataset = getattr(self, "dataset", None)
        if dataset is not None:
            self.set_dataset(dataset)

    def apply_changes(self, changes: list[Change]) -> None:
        """Show edits (past-tense changes, in order). Called once per event-loop
        turn, never from inside a widget's own signal handler. Tabs that can,
        update in place; the rest show the dataset again when a kind they show
        changed."""
        if any(c.action == "reset" or c.kind in self.shown_kinds for c in changes):
            self.refresh()

    # the record kinds whose changes this tab shows (empty: none)
    shown_kinds: frozenset[str] = frozenset()


class BrowseTab(Tab):
    """A search box over a tree on the left, a detail pane on the right."""

    search_placeholder = ""

    def __init__(self, pane: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.search_placeholder)
        self.model = RecordTreeModel(self)
        self.proxy = SearchFilter(self)
        self.proxy.setSourceModel(self.model)
        self.tree = QTreeView(self)
        self.tree.setModel(self.proxy)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.tree)
        self.pane = pane
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([340, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.search.textChanged.connect(self._on_search)
        self.tree.selectionModel().currentChanged.connect(self._on_current)
        pane.link_activated.connect(self.link_activated)
        for name in ("field_edited", "add_requested", "remove_requested"):
            getattr(pane, name).connect(getattr(self, name))

    # subclasses say how to build the tree and fill the pane
    def nodes(self, dataset: Dataset) -> list[Node]:
        raise NotImplementedError

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        raise NotImplementedError

    def expand_default(self) -> None:
        self.tree.expandToDepth(0)

    # record kinds whose changes alter the tree's rows (their names, counts, order)
    tree_kinds: frozenset[str] = frozenset()

    def set_dataset(self, dataset: Dataset) -> None:
        keep = self.current_location()
        self.dataset = dataset
        self.model.set_roots(self.nodes(dataset))
        self.expand_default()
        if keep is None or not self.show_record(*keep):
            self.show_in_pane(None, None)

    def apply_changes(self, changes: list[Change]) -> None:
        if self.dataset is None:
            return
        if any(c.action == "reset" for c in changes):
            self.set_dataset(self.dataset)
            return
        if any(c.kind in self.tree_kinds for c in changes):
            self.model.update_roots(self.nodes(self.dataset))
            if self.search.text():
                self.tree.expandAll()
        self.pane.apply_changes(self.dataset, changes)

    def current_location(self) -> tuple[str, str] | None:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None
        key = index.data(KEY_ROLE)
        return tuple(key) if key and key[0] in self.kinds else None

    def show_record(self, kind: str, record_id: str) -> bool:
        if kind not in self.kinds:
            return False
        source = self.model.find(kind, record_id)
        if not source.isValid():
            return False
        if self.search.text() and not self.proxy.mapFromSource(source).isValid():
            self.search.clear()
        index = self.proxy.mapFromSource(source)
        self.tree.setCurrentIndex(index)
        self.tree.scrollTo(index)
        return True

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def splitters(self) -> dict[str, QSplitter]:
        return {"main": self.splitter}

    def set_read_only(self, read_only: bool) -> None:
        self.pane.read_only = read_only

    def _on_search(self, text: str) -> None:
        self.proxy.set_query(text)
        if text:
            self.tree.expandAll()
            if not self.tree.currentIndex().isValid():
                first = self._first_match(QModelIndex())
                if first.isValid():
                    self.tree.setCurrentIndex(first)

    def _first_match(self, parent: QModelIndex) -> QModelIndex:
        for row in range(self.proxy.rowCount(parent)):
            index = self.proxy.index(row, 0, parent)
            key = index.data(KEY_ROLE)
            if key and key[0] in self.kinds and self.proxy.rowCount(index) == 0:
                return index
            found = self._first_match(index)
            if found.isValid():
                return found
        return QModelIndex()

    def _on_current(self, current: QModelIndex, previous: QModelIndex) -> None:
        key = current.data(KEY_ROLE) if current.isValid() else None
        if not key or key[0] not in self.kinds:
            self.show_in_pane(None, None)
            return
        self.show_in_pane(*key)
        self.selection_changed.emit(*key)
