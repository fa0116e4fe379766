"""Sources tab: every source with the figures that cite it, and the indicators'
definitions (what each figure means)."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from ...model.dataset import Dataset
from ..item_models import Node
from ..widgets.source_pane import SourcePane
from .base import BrowseTab


class SourcesTab(BrowseTab):
    kinds = ("source", "indicator")
    tree_kinds = frozenset({"sources", "indicators", "observations"})  # names and counts

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(SourcePane(), parent)
        self.search.setPlaceholderText(self.tr("Search sources and indicators"))

    def title(self) -> str:
        return self.tr("Sources")

    def expand_default(self) -> None:
        self.tree.expandAll()

    def nodes(self, dataset: Dataset) -> list[Node]:
        counts: dict[str, int] = {}
        for o in dataset.data.observations:
            if o.source:
                counts[o.source] = counts.get(o.source, 0) + 1
        sources = Node(
            "group", "sources", self.tr("Sources ({0})").format(len(dataset.data.sources))
        )
        for s in dataset.data.sources:
            sources.add(
                Node(
                    "source",
                    s.id,
                    f"{s.title}  ({counts.get(s.id, 0)})",
                    tip=f"{s.publisher} {s.published or ''}".strip(),
                    search=" ".join([s.title, s.publisher, s.id, s.url]).lower(),
                )
            )
        indicators = Node(
            "group", "indicators", self.tr("Indicators ({0})").format(len(dataset.data.indicators))
        )
        for d in dataset.data.indicators:
            indicators.add(
                Node(
                    "indicator",
                    d.id,
                    f"{d.name_zh}  {d.name_en} ({d.unit})",
                    tip=d.definition,
                    search=" ".join([d.name_zh, d.name_en, d.id]).lower(),
                )
            )
        return [sources, indicators]

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        self.pane.show_record(self.dataset, kind, record_id)
