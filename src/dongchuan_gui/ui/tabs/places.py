"""Places tab: district → towns → villages, searchable, and the place detail pane.

With a household register open, villages, towns and the district carry their risk
light (a coloured dot, the reasons on hover) and the pane a monitoring section; both
update in place when the register, the rules or the year change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ...model.dataset import Change, Dataset
from ..item_models import Node, place_nodes
from ..monitoring.place_lights import LIGHT_ROLE, PlaceLights
from ..widgets.place_pane import PlacePane
from .base import BrowseTab

if TYPE_CHECKING:
    from ..monitoring.session import RegisterSession

LIGHT_ROLES = [
    Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.AccessibleTextRole,
    LIGHT_ROLE,
]


class PlacesTab(BrowseTab):
    kinds = ("place",)
    tree_kinds = frozenset({"places"})

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(PlacePane(), parent)
        self.search.setPlaceholderText(
            self.tr("Search by Chinese name, pinyin / English name, or code")
        )
        self.lights: PlaceLights | None = None

    def title(self) -> str:
        return self.tr("Places")

    def set_session(self, session: RegisterSession) -> None:
        """Show the lights and figures of ``session``'s register (once, at assembly)."""
        if self.lights is not None and self.lights.session is session:
            return
        self.lights = PlaceLights(session, self)
        if self.dataset is not None:
            self.lights.set_places(self.dataset.data.places)
        self.model.role_provider = self.lights.role
        self.pane.set_lights(self.lights)
        self.lights.changed.connect(self._lights_changed)

    def set_dataset(self, dataset: Dataset) -> None:
        if self.lights is not None:
            self.lights.set_places(dataset.data.places)
        super().set_dataset(dataset)

    def apply_changes(self, changes: list[Change]) -> None:
        if self.lights is not None and self.dataset is not None and any(
            c.kind == "places" for c in changes
        ):
            self.lights.set_places(self.dataset.data.places)
        super().apply_changes(changes)

    def _lights_changed(self) -> None:
        self.model.refresh_roles(LIGHT_ROLES)
        if self.dataset is not None and self.pane.shown_id() is not None:
            self.pane.show_again(self.dataset)

    def nodes(self, dataset: Dataset) -> list[Node]:
        return place_nodes(dataset)

    def show_in_pane(self, kind: str | None, record_id: str | None) -> None:
        self.pane.show_item(self.dataset, record_id if kind == "place" else None)
