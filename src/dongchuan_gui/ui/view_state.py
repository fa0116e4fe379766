"""The one selection every view follows and sets: the current record, year and
measure. Tabs, panes, the map and the animated chart connect to its signals instead of
to each other; setting a value to what it already is emits nothing."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class ViewState(QObject):
    record_changed = Signal(str, str)  # kind, id
    year_changed = Signal(int)
    measure_changed = Signal(str)  # a panel measure id ("figure:<id>", "register:<name>")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.kind = ""
        self.record_id = ""
        self.year: int | None = None
        self.measure: str | None = None

    def set_record(self, kind: str, record_id: str) -> None:
        if (kind, record_id) != (self.kind, self.record_id):
            self.kind, self.record_id = kind, record_id
            self.record_changed.emit(kind, record_id)

    def set_year(self, year: int) -> None:
        if year != self.year:
            self.year = year
            self.year_changed.emit(year)

    def set_measure(self, measure: str) -> None:
        if measure != self.measure:
            self.measure = measure
            self.measure_changed.emit(measure)
