"""Sources tab: every source, with the figures that cite it."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..item_models import Node
from ..widgets.source_pane import SourcePane
from .base import BrowseTab


class SourcesTab(BrowseTab):
    kinds = ("source",)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SourcePane(), parent)
        self.search.setPlaceholderText(self.tr("Search sources"))

    def title(self) -> str:
        return self.tr("Sources")

    def nodes(self, dataset: Dataset) -> list[Node]:
        counts: dict[str, int] = {}
        for o in dataset.data.observations:
            if o.source:
                counts[o.source] = counts.get(o.source, 0) + 1
        return [
            Node(
                "source",
                s.id,
                f"{s.title}  ({counts.get(s.id, 0)})",
                tip=f"{s.publisher} {s.published or ''}".strip(),
                search=" ".join([s.title, s.publisher, s.id, s.url]).lower(),
            )
            for s in dataset.data.sources
        ]

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        self.pane.show_source(self.dataset, record_id if kind == "source" else None)
