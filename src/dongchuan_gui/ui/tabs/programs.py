"""Programs tab: programs grouped by category, and the program detail pane."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..item_models import Node, program_nodes
from ..widgets.program_pane import ProgramPane
from .base import BrowseTab


class ProgramsTab(BrowseTab):
    kinds = ("program",)
    tree_kinds = frozenset({"programs"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(ProgramPane(), parent)
        self.search.setPlaceholderText(self.tr("Search programs (Chinese or English)"))

    def title(self) -> str:
        return self.tr("Programs")

    def nodes(self, dataset: Dataset) -> list[Node]:
        return program_nodes(dataset)

    def expand_default(self) -> None:
        self.tree.expandAll()

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        self.pane.show_item(self.dataset, record_id if kind == "program" else None)
