"""The panel of values the map and the animated chart read (``model.panel``): the
dataset's yearly figures, rolled up village → town → district where complete, and,
when a household register is open, its per-village/town/district aggregates for
every year it holds (derived, the register named). Built when first asked for after
a change; ``changed`` tells the views to ask again."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Signal

TOWN_LEVELS = frozenset({"town", "township", "subdistrict"})
VILLAGE_LEVELS = frozenset({"village", "community"})


class PanelSource(QObject):
    changed = Signal()

    def __init__(self, session: Any = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.dataset: Any = None
        self._places: Any = None
        self._programs: Any = None
        if session is not None:
            for signal in (session.opened, session.closed, session.evaluated):
                signal.connect(self.invalidate)

    def set_dataset(self, dataset: Any) -> None:
        self.dataset = dataset
        self.invalidate()

    def invalidate(self) -> None:
        self._places = self._programs = None
        self.changed.emit()

    def places_panel(self) -> Any:
        """Units = every place of the dataset (filter by level in the view)."""
        if self._places is None and self.dataset is not None:
            from ..model.panel import figures_panel, merge, register_panel, roll_up

            panel = figures_panel(self.dataset)
            panel = roll_up(roll_up(panel, self.dataset, "town"), self.dataset, "district")
            session = self.session
            if session is not None and session.is_open:
                aggregates = [
                    session.aggregate(level, year)
                    for year in session.register.years
                    for level in ("village", "town", "district")
                ]
                panel = merge(panel, register_panel(aggregates, panel.places))
            self._places = panel
        return self._places

    def programs_panel(self) -> Any:
        """Units = programs."""
        if self._programs is None and self.dataset is not None:
            from ..model.panel import program_panel

            self._programs = program_panel(self.dataset)
        return self._programs

    def units(self, kind: str) -> list[str]:
        """Place ids of one kind of unit ("towns", "villages") or program ids."""
        if self.dataset is None:
            return []
        if kind == "programs":
            return [g.id for g in self.dataset.data.programs]
        levels = TOWN_LEVELS if kind == "towns" else VILLAGE_LEVELS
        return [p.id for p in self.dataset.data.places if p.level in levels]
