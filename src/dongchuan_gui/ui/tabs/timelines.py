"""Timelines tab: compare indicators across places and programs on one year axis.

With a household register open (``set_session``), a group of derived series lists
the district and its towns: households below the line and their share, by year,
drawn dashed with square markers and labelled derived."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Dataset
from ...model.periods import PeriodError, parse_period
from ..plot_data import marks_for, plot_series, scope_label
from ..widgets.timeline_plot import TimelinePlot
from .base import Tab

if TYPE_CHECKING:
    from ..monitoring.place_lights import PlaceLights
    from ..monitoring.session import RegisterSession

KEY = Qt.ItemDataRole.UserRole + 1
DEFAULT_SERIES = ("poverty-incidence", "people-lifted")
REGISTER = "register-"  # keys of derived register series start so
REGISTER_LEVELS = ("district", "subdistrict", "town", "township")


class TimelinesTab(Tab):
    shown_kinds = frozenset(
        {"observations", "indicators", "places", "programs", "events", "reference_lines"}
    )

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.lights: PlaceLights | None = None
        self._register_items: list[QTreeWidgetItem] = []
        self.search = QLineEdit(self)
        self.search.setClearButtonEnabled(True)
        self.search.setPlaceholderText(self.tr("Filter indicators"))
        self.choices = QTreeWidget(self)
        self.choices.setHeaderHidden(True)
        self.choices.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.plot = TimelinePlot(self)
        self.year_from = QSpinBox(self)
        self.year_to = QSpinBox(self)
        for box in (self.year_from, self.year_to):
            box.setRange(1900, 2100)
        self.show_events = QCheckBox(self.tr("Events"), self)
        self.show_events.setChecked(True)
        self.show_lines = QCheckBox(self.tr("Reference lines"), self)
        self.show_lines.setChecked(True)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Years"), self))
        controls.addWidget(self.year_from)
        controls.addWidget(QLabel("–", self))
        controls.addWidget(self.year_to)
        controls.addSpacing(16)
        controls.addWidget(self.show_events)
        controls.addWidget(self.show_lines)
        controls.addStretch(1)
        legend = QLabel(
            self.tr(
                "Solid: reported · dashed: estimate · hollow: target · orange ring: doubtful"
                " · dotted: no figures in between"
            ),
            self,
        )
        legend.setObjectName("styleLegend")
        controls.addWidget(legend)
        left = QWidget(self)
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.choices)
        right = QWidget(self)
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addLayout(controls)
        right_layout.addWidget(self.plot, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 1000])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.splitter)
        self.choices.itemChanged.connect(self._refresh)
        self.search.textChanged.connect(self._filter)
        self.year_from.valueChanged.connect(self._range_changed)
        self.year_to.valueChanged.connect(self._range_changed)
        self.show_events.toggled.connect(self._refresh)
        self.show_lines.toggled.connect(self._refresh)

    def title(self) -> str:
        return self.tr("Timelines")

    def splitters(self):
        return {"main": self.splitter}

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def set_session(self, session: RegisterSession) -> None:
        """Offer the register's derived series of ``session`` (once, at assembly)."""
        if self.lights is not None and self.lights.session is session:
            return
        from ..monitoring.place_lights import PlaceLights

        self.lights = PlaceLights(session, self)
        if self.dataset is not None:
            self.lights.set_places(self.dataset.data.places)
        self.lights.changed.connect(self._register_changed)

    def _register_changed(self) -> None:
        shown = bool(self._register_items)
        if self.dataset is not None and shown != self.lights.session.is_open:
            self.set_dataset(self.dataset)  # the group comes or goes; checks stay
        elif any(k.startswith(REGISTER) for k in self.checked_keys()):
            self._refresh()

    def _add_register_choices(self, dataset: Dataset, checked: set[str]) -> None:
        self._register_items = []
        if self.lights is None or not self.lights.session.is_open:
            return
        from ..monitoring.derived_series import MEASURES, measure_label  # needs numpy

        self.lights.set_places(dataset.data.places)
        register = self.lights.session.register
        places = []
        for p in dataset.data.places:  # the district and towns with households
            found = self.lights.place(p.id) if p.level in REGISTER_LEVELS else None
            if found and found[0] in set(register.groups(found[1])[0].tolist()):
                places.append(p)
        for measure in MEASURES:
            parent = QTreeWidgetItem(self.choices, [measure_label(measure)])
            parent.setToolTip(0, self.tr("Worked out from the open household register with "
                                         "its rule set; not reported figures."))
            self._register_items.append(parent)
            for place in places:
                key = f"{measure}|{place.id}|"
                child = QTreeWidgetItem(parent, [place.name_zh])
                child.setData(0, KEY, key)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked
                child.setCheckState(0, on)

    def _register_series(self, key: str, taken: set[str]) -> list:
        from ..monitoring.derived_series import place_series

        measure, place, _ = key.split("|")
        if self.lights is None or self.dataset is None:
            return []
        found = place_series(self.lights, place, taken,
                             scope=scope_label(self.dataset, place, None))
        return [s for s in found if s.indicator == measure]

    # ----------------------------------------------------------- content
    def set_dataset(self, dataset: Dataset) -> None:
        checked = set(self.checked_keys())
        self.dataset = dataset
        self.choices.blockSignals(True)
        self.choices.clear()
        combos: dict[str, dict[tuple, None]] = {}
        years = []
        for o in dataset.data.observations:
            if not o.period:
                continue
            try:
                years.append(parse_period(o.period).year)
            except PeriodError:
                continue
            combos.setdefault(o.indicator, {})[(o.place, o.program)] = None
        for ind in dataset.data.indicators:
            if ind.id not in combos:
                continue
            parent = QTreeWidgetItem(self.choices, [f"{ind.name_zh}  {ind.name_en} ({ind.unit})"])
            parent.setToolTip(0, ind.definition or ind.name_en)
            for place, program in combos[ind.id]:
                key = f"{ind.id}|{place or ''}|{program or ''}"
                child = QTreeWidgetItem(parent, [scope_label(dataset, place, program)])
                child.setData(0, KEY, key)
                child.setFlags(child.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                on = key in checked or (
                    not checked
                    and ind.id in DEFAULT_SERIES
                    and place is not None
                    and not program
                    and dataset.place(place).parent is None
                )
                child.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self._add_register_choices(dataset, checked)
        self.choices.expandAll()
        self.choices.blockSignals(False)
        if self._register_items:
            years += list(self.lights.session.register.years)
        if years:
            for box in (self.year_from, self.year_to):
                box.blockSignals(True)
            self.year_from.setValue(min(years) - 1)
            self.year_to.setValue(max(years) + 1)
            for box in (self.year_from, self.year_to):
                box.blockSignals(False)
        self._refresh()

    def _items(self):
        for i in range(self.choices.topLevelItemCount()):
            parent = self.choices.topLevelItem(i)
            for j in range(parent.childCount()):
                yield parent.child(j)

    def checked_keys(self) -> list[str]:
        return [
            item.data(0, KEY)
            for item in self._items()
            if item.checkState(0) == Qt.CheckState.Checked
        ]

    def set_checked(self, keys: list[str]) -> None:
        self.choices.blockSignals(True)
        for item in self._items():
            on = item.data(0, KEY) in keys
            item.setCheckState(0, Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)
        self.choices.blockSignals(False)
        self._refresh()

    def _filter(self, text: str) -> None:
        words = text.lower().split()
        for i in range(self.choices.topLevelItemCount()):
            parent = self.choices.topLevelItem(i)
            label = parent.text(0).lower()
            parent.setHidden(bool(words) and not all(w in label for w in words))

    def _range_changed(self) -> None:
        lo, hi = self.year_from.value(), self.year_to.value()
        if lo < hi:
            self.plot.set_x_range(lo, hi)

    def _refresh(self, *args) -> None:
        if self.dataset is None:
            return
        dataset = self.dataset
        series, taken = [], set()
        for key in self.checked_keys():
            if key.startswith(REGISTER):
                series += self._register_series(key, taken)
                continue
            indicator, place, program = key.split("|")
            s = plot_series(
                dataset,
                indicator,
                place=place or None,
                program=program or None,
                taken=taken,
                with_scope=True,
            )
            taken.add(s.color)
            series.append(s)
        events = dataset.data.events if self.show_events.isChecked() else []
        marks = marks_for(dataset, events, with_lines=self.show_lines.isChecked())
        lo, hi = self.year_from.value(), self.year_to.value()
        self.plot.set_content(
            series,
            marks,
            x_range=(lo, hi) if lo < hi else None,
            empty_text=self.tr("Tick one or more series on the left to compare them."),
        )
