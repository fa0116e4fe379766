"""Going places in the main window: to a record of any kind (the tab that shows it,
built if need be), a place by its statistical code, a household, a figure on its
place's Edit side; Back/Forward over the visited locations; the shared view state's
record. A mixin of ``MainWindow``: it uses the window's tabs, history and actions."""

from __future__ import annotations

from PySide6.QtCore import Slot

from .navigation import Location
from .tabs.base import Tab

# a view may name a record by its collection; navigation speaks of its kind
KIND_OF_COLLECTION = {
    "places": "place",
    "programs": "program",
    "sources": "source",
    "indicators": "indicator",
    "cooperation_projects": "project",
}


class WindowNavigation:
    def navigate_to_code(self, code: int) -> bool:
        """Go to the place with this 12-digit statistical code (a village's light)."""
        if self.dataset is None:
            return False
        wanted = f"{int(code):012d}"
        place = next((p for p in self.dataset.data.places if p.code == wanted), None)
        return place is not None and self.navigate("place", place.id)

    def navigate_to_household(self, row: int) -> bool:
        """Go to the card of the register's household in ``row``."""
        register = self.monitoring.session.register
        if register is None or not 0 <= row < len(register):
            return False
        return self.navigate("household", bytes(register.columns["household_id"][row]).decode())

    def tab_for(self, kind: str) -> Tab | None:
        """The tab that shows records of ``kind`` (built now if it was not yet)."""
        index = next((i for i, t in enumerate(self.tabs) if kind in t.kinds), None)
        return None if index is None else self.tab(self.tab_keys[index])

    @Slot(str, str)
    def navigate(self, kind: str, record_id: str) -> bool:
        kind = KIND_OF_COLLECTION.get(kind, kind)
        if kind in ("observations", "figure"):
            return self._navigate_to_figure(record_id)
        tab = self.tab_for(kind)
        if tab is None:
            return False
        self.flush_changes()
        self._restoring = True  # one history entry for the whole move
        try:
            self.tab_widget.setCurrentWidget(tab)
            found = tab.show_record(kind, record_id)
        finally:
            self._restoring = False
        self._record_location()
        return found

    def _navigate_to_figure(self, record_id: str) -> bool:
        """A figure is shown on its place's (else its program's) Edit side, selected."""
        obs = self.document.dataset.get("observations", record_id) if self.document else None
        if obs is None or not (obs.place or obs.program):
            return False
        owner = ("place", obs.place) if obs.place else ("program", obs.program)
        if not self.navigate(*owner):
            return False
        pane = self.tab_for(owner[0]).pane
        pane.show_edit_side()
        return pane.edit_panel.select_related("observations", record_id)

    def current_location(self) -> Location:
        index = self.tab_widget.currentIndex()
        if index < 0:
            return Location(self.tab_keys[0])
        here = self.tabs[index].current_location()
        return Location(self.tab_keys[index], *(here or ("", "")))

    def _record_location(self, *args) -> None:
        here = self.current_location()
        if not self._restoring and self.document is not None:
            self.history.visit(here)
        if here.kind and here.id:  # the map and the motion chart ring what is selected
            self.view_state.set_record(here.kind, here.id)
        self._update_nav_actions()

    def _apply(self, location: Location | None) -> None:
        if location is None or location.tab not in self.tab_keys:
            return
        self._restoring = True
        try:
            tab = self.show_tab(location.tab)
            if location.kind:
                tab.show_record(location.kind, location.id)
        finally:
            self._restoring = False
        self._update_nav_actions()

    @Slot()
    def go_back(self) -> None:
        self._apply(self.history.back())

    @Slot()
    def go_forward(self) -> None:
        self._apply(self.history.forward())

    def _update_nav_actions(self) -> None:
        self.back_action.setEnabled(self.history.can_go_back())
        self.forward_action.setEnabled(self.history.can_go_forward())
