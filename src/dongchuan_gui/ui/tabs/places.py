"""Places tab: district → towns → villages, searchable, and the place detail pane."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..item_models import Node, place_nodes
from ..widgets.place_pane import PlacePane
from .base import BrowseTab


class PlacesTab(BrowseTab):
    kinds = ("place",)
    tree_kinds = frozenset({"places"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PlacePane(), parent)
        self.search.setPlaceholderText(
            self.tr("Search by Chinese name, pinyin / English name, or code")
        )

    def title(self) -> str:
        return self.tr("Places")

    def nodes(self, dataset: Dataset) -> list[Node]:
        return place_nodes(dataset)

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        self.pane.show_item(self.dataset, record_id if kind == "place" else None)
