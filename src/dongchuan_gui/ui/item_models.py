"""Thin Qt item models over the Dataset: a place tree, and programs by category with
their cooperation projects."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from ..model.dataset import Dataset
from ..model.records import PROGRAM_CATEGORIES
from .category_names import category_name, level_name

KEY_ROLE = Qt.ItemDataRole.UserRole + 1  # (kind, id)
SEARCH_ROLE = Qt.ItemDataRole.UserRole + 2  # lower-case text that search matches

Index = QModelIndex | QPersistentModelIndex
_ROOT = QModelIndex()  # the invisible root; never modified


@dataclass(eq=False)
class Node:
    kind: str
    id: str
    text: str
    tip: str = ""
    search: str = ""
    parent: Node | None = None
    children: list[Node] = field(default_factory=list)

    def add(self, child: Node) -> Node:
        child.parent = self
        self.children.append(child)
        return child

    def row(self) -> int:
        return self.parent.children.index(self) if self.parent else 0


def _norm(*parts: str) -> str:
    """Lower-case search text; a pinyin 'ü' can be typed as 'u' or 'v' (Lümao: lumao, lvmao)."""
    text = " ".join(p.lower() for p in parts if p)
    if "ü" in text:
        text += " " + text.replace("ü", "u") + " " + text.replace("ü", "v")
    return text


def place_nodes(dataset: Dataset) -> list[Node]:
    def build(place, parent: Node | None) -> Node:
        en = f"  {place.name_en}" if place.name_en else ""
        node = Node(
            "place",
            place.id,
            f"{place.name_zh}{en}",
            tip=f"{level_name(place.level)} · {place.code or ''}".strip(" ·"),
            search=_norm(
                place.name_zh,
                place.name_en,
                place.pinyin,
                place.pinyin.replace(" ", ""),
                place.code or "",
                place.id,
            ),
        )
        if parent is not None:
            parent.add(node)
        for child in dataset.children(place.id):
            build(child, node)
        return node

    return [build(root, None) for root in dataset.roots()]


def project_node(project) -> Node:
    """A cooperation project under its program: year and name."""
    en = f"  {project.name_en}" if project.name_en else ""
    return Node(
        "project",
        project.id,
        f"{project.year} · {project.name_zh}{en}",
        tip=project.partner,
        search=_norm(
            project.name_zh, project.name_en, project.partner, project.id, str(project.year)
        ),
    )


def program_nodes(dataset: Dataset) -> list[Node]:
    """Programs by category; each program's cooperation projects under it (by year),
    and projects whose program is not given in a group of their own."""
    projects: dict[str | None, list[Node]] = {}
    for p in sorted(dataset.data.cooperation_projects, key=lambda p: p.year):
        owner = p.program if p.program and dataset.program(p.program) else None
        projects.setdefault(owner, []).append(project_node(p))
    roots = []
    for category in PROGRAM_CATEGORIES:
        programs = [g for g in dataset.data.programs if g.category == category]
        if not programs:
            continue
        group = Node("category", category, category_name(category), search=category)
        for g in programs:
            node = group.add(
                Node(
                    "program",
                    g.id,
                    f"{g.name_zh}  {g.name_en}",
                    tip=g.summary_en,
                    search=_norm(g.name_zh, g.name_en, g.id, category),
                )
            )
            for child in projects.get(g.id, ()):
                node.add(child)
        roots.append(group)
    if projects.get(None):
        group = Node(
            "group",
            "projects-without-program",
            QCoreApplication.translate("", "Cooperation projects without a program"),
            search="projects",
        )
        for child in projects[None]:
            group.add(child)
        roots.append(group)
    return roots


class RecordTreeModel(QAbstractItemModel):
    """A read-only tree of :class:`Node`; rebuilt by :meth:`set_roots` after a change.

    ``role_provider(node, role)`` may answer roles for a node (e.g. a risk light as the
    decoration); None falls back to the node's own data. :meth:`refresh_roles` tells
    the views that those answers changed, without touching the rows."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._roots: list[Node] = []
        self.role_provider: Callable[[Node, int], Any] | None = None

    def set_roots(self, roots: list[Node]) -> None:
        self.beginResetModel()
        self._roots = roots
        self.endResetModel()

    def update_roots(self, roots: list[Node]) -> None:
        """Bring the tree to ``roots`` in place: rows that went are removed, new rows
        inserted, changed rows updated, so the selection and expansion stay."""
        self._reconcile(None, self._roots, roots)

    def _reconcile(self, parent: Node | None, old: list[Node], new: list[Node]) -> None:
        parent_index = self._index_of(parent)
        wanted = {(n.kind, n.id) for n in new}
        for row in range(len(old) - 1, -1, -1):
            if (old[row].kind, old[row].id) not in wanted:
                self.beginRemoveRows(parent_index, row, row)
                del old[row]
                self.endRemoveRows()
        for row, fresh in enumerate(new):
            here = old[row] if row < len(old) else None
            if here is None or (here.kind, here.id) != (fresh.kind, fresh.id):
                moved = next(
                    (
                        i
                        for i in range(row + 1, len(old))
                        if (old[i].kind, old[i].id) == (fresh.kind, fresh.id)
                    ),
                    None,
                )
                if moved is not None:  # the same record further down: move its row up
                    self.beginMoveRows(parent_index, moved, moved, parent_index, row)
                    old.insert(row, old.pop(moved))
                    self.endMoveRows()
                else:
                    self.beginInsertRows(parent_index, row, row)
                    fresh.parent = parent
                    old.insert(row, fresh)
                    self.endInsertRows()
                    continue
            node = old[row]
            if (node.text, node.tip, node.search) != (fresh.text, fresh.tip, fresh.search):
                node.text, node.tip, node.search = fresh.text, fresh.tip, fresh.search
                index = self.createIndex(row, 0, node)
                self.dataChanged.emit(index, index)
            self._reconcile(node, node.children, fresh.children)

    def _index_of(self, node: Node | None) -> QModelIndex:
        if node is None:
            return QModelIndex()
        siblings = node.parent.children if node.parent else self._roots
        return self.createIndex(siblings.index(node), 0, node)

    def _node(self, index: Index) -> Node | None:
        return index.internalPointer() if index.isValid() else None

    def _siblings(self, parent: Node | None) -> list[Node]:
        return parent.children if parent is not None else self._roots

    def index(self, row: int, column: int, parent: Index = _ROOT) -> QModelIndex:
        siblings = self._siblings(self._node(parent))
        if column != 0 or not 0 <= row < len(siblings):
            return QModelIndex()
        return self.createIndex(row, 0, siblings[row])

    def parent(self, index: Index = _ROOT) -> QModelIndex:  # type: ignore[override]
        node = self._node(index)
        if node is None or node.parent is None:
            return QModelIndex()
        up = node.parent
        row = up.parent.children.index(up) if up.parent else self._roots.index(up)
        return self.createIndex(row, 0, up)

    def rowCount(self, parent: Index = _ROOT) -> int:
        if parent.column() > 0:
            return 0
        return len(self._siblings(self._node(parent)))

    def columnCount(self, parent: Index = _ROOT) -> int:
        return 1

    def refresh_roles(self, roles: list[int]) -> None:
        """The provider's answers for ``roles`` changed: one ``dataChanged`` per run of
        siblings; rows, selection and expansion stay as they are."""
        stack: list[Node | None] = [None]
        while stack:
            parent = stack.pop()
            siblings = self._siblings(parent)
            if siblings:
                first = self.createIndex(0, 0, siblings[0])
                last = self.createIndex(len(siblings) - 1, 0, siblings[-1])
                self.dataChanged.emit(first, last, roles)
                stack.extend(n for n in siblings if n.children)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):
        node = self._node(index)
        if node is None:
            return None
        if self.role_provider is not None:
            provided = self.role_provider(node, role)
            if provided is not None:
                return provided
        if role == Qt.ItemDataRole.DisplayRole:
            return node.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return node.tip or node.text
        if role == KEY_ROLE:
            return (node.kind, node.id)
        if role == SEARCH_ROLE:
            return node.search
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def find(self, kind: str, record_id: str) -> QModelIndex:
        stack = list(self._roots)
        while stack:
            node = stack.pop()
            if node.kind == kind and node.id == record_id:
                row = node.parent.children.index(node) if node.parent else self._roots.index(node)
                return self.createIndex(row, 0, node)
            stack.extend(node.children)
        return QModelIndex()


class SearchFilter(QSortFilterProxyModel):
    """Keeps rows whose search text has every word of the query (and their parents)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self._words: list[str] = []

    def set_query(self, text: str) -> None:
        self._words = text.lower().split()
        self.invalidate()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        if not self._words:
            return True
        index = self.sourceModel().index(source_row, 0, source_parent)
        text = index.data(SEARCH_ROLE) or ""
        return all(word in text for word in self._words)
