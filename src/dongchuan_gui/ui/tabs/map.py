"""Map tab: the district's towns and villages as bubbles for one measure and year.

Reads the shared panel (``PanelSource``: the dataset's figures, rolled up, and the
household register's aggregates when one is open) and follows the shared year and
measure (``ViewState``), which it also sets; a click on a place makes it the current
record and asks the window to open it (``link_activated``). Places without
coordinates are not drawn; a place without a value for the year gets the "no data"
marker, never a colour. Hovering a place reads out its figure and where it came from.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QBrush, QColor, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from ...model.dataset import Change, Dataset
from ...model.map_layout import (
    MapPlaces,
    best_year,
    bubble_diameters,
    colour_positions,
    map_places,
    measures_with_values,
    scale_for,
    years_with_values,
)
from ..language import ui_lang
from ..widgets.map_style import MAX_PX, MIN_PX
from ..widgets.map_text import MapText
from ..widgets.map_view import MapView
from .base import Tab

NO_VALUE_COLOR = QColor("#8a8a8a")


class MapTab(Tab):
    shown_kinds = frozenset({"observations", "places", "indicators", "sources"})

    def __init__(self, panel_source: Any, view_state: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.source = panel_source
        self.state = view_state
        self.dataset: Dataset | None = None
        self.panel: Any = None
        self.places: MapPlaces | None = None
        self.rows = np.zeros(0, dtype=np.int64)  # panel row of each drawn place, -1: none
        self._stale = True
        self.text = MapText(self)
        self.measure_box = QComboBox(self)
        self.measure_box.setObjectName("mapMeasure")
        self.measure_box.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.year_box = QComboBox(self)
        self.year_box.setObjectName("mapYear")
        self.earlier = QToolButton(self)
        self.earlier.setText("◀")
        self.earlier.setToolTip(self.tr("Previous year"))
        self.later = QToolButton(self)
        self.later.setText("▶")
        self.later.setToolTip(self.tr("Next year"))
        self.layer_box = QComboBox(self)
        self.layer_box.setObjectName("mapLayers")
        self.layer_box.addItem(self.tr("Towns and villages"), "both")
        self.layer_box.addItem(self.tr("Towns"), "towns")
        self.layer_box.addItem(self.tr("Villages"), "villages")
        self.whole = QToolButton(self)
        self.whole.setText(self.tr("Whole district"))
        self.whole.setToolTip(self.tr("Show every place again after zooming or panning"))
        self.export_button = QPushButton(self.tr("Export image…"), self)
        self.export_button.setObjectName("mapExport")
        self.view = MapView(self)
        self.readout = QLabel(self)
        self.readout.setObjectName("mapReadout")
        self.readout.setWordWrap(True)
        self.readout.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # three lines, always: a read-out that grew would shrink the map under the mouse
        self.readout.setFixedHeight(self.readout.fontMetrics().lineSpacing() * 3 + 4)
        self.readout.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        controls = QHBoxLayout()
        controls.addWidget(QLabel(self.tr("Measure"), self))
        controls.addWidget(self.measure_box, 1)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Year"), self))
        controls.addWidget(self.earlier)
        controls.addWidget(self.year_box)
        controls.addWidget(self.later)
        controls.addSpacing(12)
        controls.addWidget(QLabel(self.tr("Show"), self))
        controls.addWidget(self.layer_box)
        controls.addStretch(1)
        controls.addWidget(self.whole)
        controls.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addLayout(controls)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.readout)
        self._idle_readout()
        self.measure_box.currentIndexChanged.connect(self._on_measure_chosen)
        self.year_box.currentIndexChanged.connect(self._on_year_chosen)
        self.layer_box.currentIndexChanged.connect(self._on_layers)
        self.earlier.clicked.connect(lambda: self._step(-1))
        self.later.clicked.connect(lambda: self._step(1))
        self.whole.clicked.connect(self.view.reset_view)
        self.export_button.clicked.connect(self._export_dialog)
        self.view.place_clicked.connect(self._on_place_clicked)
        self.view.place_hovered.connect(self._on_hovered)
        self.source.changed.connect(self._on_source_changed)
        self.state.year_changed.connect(self._follow_year)
        self.state.measure_changed.connect(self._follow_measure)
        self.state.record_changed.connect(self._follow_record)

    def title(self) -> str:
        return self.tr("Map")

    # ------------------------------------------------------------ data in
    def set_dataset(self, dataset: Dataset) -> None:
        self.dataset = dataset
        if self.source.dataset is not dataset:
            self.source.set_dataset(dataset)  # says changed: the map is built again
        else:
            self._on_source_changed()

    def refresh(self) -> None:
        self._on_source_changed()

    def apply_changes(self, changes: list[Change]) -> None:
        if any(c.action == "reset" or c.kind in self.shown_kinds for c in changes):
            self.source.invalidate()

    def _on_source_changed(self) -> None:
        self._stale = True
        if self.isVisible():
            QTimer.singleShot(0, self._rebuild_if_stale)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._rebuild_if_stale()

    def _rebuild_if_stale(self) -> None:
        if self._stale:
            self._stale = False
            self.rebuild()

    def rebuild(self) -> None:
        """Make the map's items anew for the current dataset and panel (the slow path:
        a dataset or register change, never a year or measure change)."""
        dataset = self.source.dataset
        self.panel = self.source.places_panel() if dataset is not None else None
        lang = ui_lang()
        self.places = map_places(dataset.data.places if dataset is not None else [])
        where = {p: i for i, p in enumerate(self.panel.places)} if self.panel else {}
        self.rows = np.array([where.get(p.id, -1) for p in self.places.places], dtype=np.int64)
        self.view.set_places(self.places, lang)
        self._idle_readout()
        self._fill_measures(lang)
        self._fill_years()
        self._apply_layers()
        self._show()

    def shown_layers(self) -> tuple[str, ...]:
        layers = {"both": ("town", "village"), "towns": ("town",), "villages": ("village",)}
        return layers[self.layer_box.currentData() or "both"]

    def bubble_ids(self) -> list[str]:
        """Places drawn as bubbles in the layers shown."""
        if self.places is None:
            return []
        shown = self.shown_layers()
        return [p.id for p in self.places.places if p.layer in shown]

    def years_with_values(self) -> set[int]:
        """Years in which a place shown has a value of the measure."""
        measure = self.measure()
        if not measure or self.panel is None:
            return set()
        return years_with_values(self.panel, measure, self.bubble_ids())

    def _fill_measures(self, lang: str) -> None:
        keep = self.measure_box.currentData() or self.state.measure
        all_bubbles = self.places.ids("town") + self.places.ids("village") if self.places else []
        offered = measures_with_values(self.panel, all_bubbles) if self.panel else []
        by_id = {m.id: m for m in self.panel.measures} if self.panel else {}
        self.measure_box.blockSignals(True)
        self.measure_box.clear()
        for measure_id in offered:
            m = by_id[measure_id]
            name = m.name_zh if lang == "zh" else m.name_en
            self.measure_box.addItem(name, measure_id)
            self.measure_box.setItemData(
                self.measure_box.count() - 1,
                f"{name} ({self.text.unit(m.unit)})",
                Qt.ItemDataRole.ToolTipRole,
            )
        index = self.measure_box.findData(keep) if keep else -1
        if index < 0:
            index = self.measure_box.findData("register:incidence")
        if index < 0 and offered:
            counts = [self._value_count(mid) for mid in offered]
            index = int(np.argmax(counts))
        self.measure_box.setCurrentIndex(index)
        self.measure_box.blockSignals(False)
        if self.state.measure is None and self.measure():
            self.state.set_measure(self.measure())

    def _value_count(self, measure_id: str) -> int:
        m, _ = self.panel.index(measure_id)
        rows = self.rows[self.rows >= 0]
        return int((~np.isnan(self.panel.values[m, rows, :])).sum())

    def _fill_years(self) -> None:
        keep = self.year()
        self.year_box.blockSignals(True)
        self.year_box.clear()
        for year in self.panel.years if self.panel is not None else []:
            self.year_box.addItem(str(int(year)), int(year))
        self._mark_years()
        # the user's year, or the shared one, if it has values; else the latest that has
        year = best_year(self.years_with_values(), (keep, self.state.year))
        index = self.year_box.findData(year) if year is not None else -1
        if index < 0:
            index = self.year_box.findData(keep) if keep is not None else -1
        if index < 0:
            index = self.year_box.count() - 1
        self.year_box.setCurrentIndex(index)
        self.year_box.blockSignals(False)
        if self.year() is not None and self.state.year != self.year():
            self.state.set_year(self.year())

    def _to_year_with_values(self) -> None:
        """After a measure or layer change: stay on the year if it has values, else
        go to the latest that has (an empty map says nothing)."""
        year = best_year(self.years_with_values(), (self.year(),))
        if year is not None and year != self.year():
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(self.year_box.findData(year))
            self.year_box.blockSignals(False)
            self.state.set_year(year)

    def _mark_years(self) -> None:
        """Years without any value of the measure at a place shown: said, and greyed."""
        have = self.years_with_values()
        for i in range(self.year_box.count()):
            year = self.year_box.itemData(i)
            if year in have:
                self.year_box.setItemText(i, str(year))
                self.year_box.setItemData(i, None, Qt.ItemDataRole.ForegroundRole)
            else:
                self.year_box.setItemText(i, self.tr("{0} (no value)").format(year))
                self.year_box.setItemData(i, QBrush(NO_VALUE_COLOR), Qt.ItemDataRole.ForegroundRole)
        # room for the longest entry and the arrow (the style sheet's padding is not
        # counted by AdjustToContents)
        metrics = self.year_box.fontMetrics()
        widest = max(
            (
                metrics.horizontalAdvance(self.year_box.itemText(i))
                for i in range(self.year_box.count())
            ),
            default=0,
        )
        self.year_box.setMinimumWidth(widest + 44)

    # ------------------------------------------------------------ current choice
    def measure(self) -> str | None:
        return self.measure_box.currentData()

    def year(self) -> int | None:
        return self.year_box.currentData()

    def _on_measure_chosen(self, index: int) -> None:
        self._mark_years()
        self._to_year_with_values()
        self._show()
        if self.measure():
            self.state.set_measure(self.measure())

    def _on_year_chosen(self, index: int) -> None:
        self._show()
        if self.year() is not None:
            self.state.set_year(self.year())

    def _on_layers(self, index: int) -> None:
        self._apply_layers()
        self._mark_years()
        self._to_year_with_values()
        self._show()

    def _apply_layers(self) -> None:
        shown = self.shown_layers()
        self.view.set_layers_visible("town" in shown, "village" in shown)
        self.view.set_notes(self.text.notes(self.places))

    def _step(self, delta: int) -> None:
        index = self.year_box.currentIndex() + delta
        if 0 <= index < self.year_box.count():
            self.year_box.setCurrentIndex(index)

    def _follow_year(self, year: int) -> None:
        if year != self.year() and (index := self.year_box.findData(year)) >= 0:
            self.year_box.blockSignals(True)
            self.year_box.setCurrentIndex(index)
            self.year_box.blockSignals(False)
            self._show()

    def _follow_measure(self, measure: str) -> None:
        if measure != self.measure() and (index := self.measure_box.findData(measure)) >= 0:
            self.measure_box.blockSignals(True)
            self.measure_box.setCurrentIndex(index)
            self.measure_box.blockSignals(False)
            self._mark_years()
            self._to_year_with_values()
            self._show()

    def _follow_record(self, kind: str, record_id: str) -> None:
        # "places" as this tab says it; "place" as the record panes do
        self.view.set_highlight(record_id if kind in ("places", "place") else None)

    # ------------------------------------------------------------ drawing, in place
    def _show(self) -> None:
        """Restyle the existing spots for the chosen measure and year."""
        n = len(self.rows)
        values = np.full(n, np.nan)
        derived = np.zeros(n, dtype=bool)
        doubt = np.zeros(n, dtype=bool)
        measure, year = self.measure(), self.year()
        panel = self.panel
        if panel is None or self.places is None or measure is None or year is None:
            legend = self.text.legend(None, None, None, ui_lang(), [], None, None, False)
            self.view.show_values(values, values, derived, doubt, legend)
            return
        m, _ = panel.index(measure)
        y = panel.year_index(year)
        have = self.rows >= 0
        if y is not None:
            rows = self.rows[have]
            values[have] = panel.values[m, rows, y]
            derived[have] = panel.derived[m, rows, y] | panel.partial[m, rows, y]
            doubt[have] = panel.doubt[m, rows, y]
        ids = set(self.bubble_ids())
        shown = [i for i, p in enumerate(self.places.places) if p.id in ids]
        # a hidden layer is not on this scale: no size or colour for it
        hidden = np.ones(n, dtype=bool)
        hidden[shown] = False
        hidden &= np.array([p.layer != "district" for p in self.places.places], dtype=bool)
        values[hidden] = np.nan
        scale = scale_for(panel, measure, self.bubble_ids())
        sizes = bubble_diameters(values, scale.size_max, MAX_PX, MIN_PX)
        colours = colour_positions(values, scale.vmin, scale.vmax)
        # the largest each bubble gets in any year: names keep clear of it
        largest = np.full(n, np.nan)
        largest[have] = np.fmax.reduce(np.abs(panel.values[m, self.rows[have], :]), axis=1)
        room = bubble_diameters(largest, scale.size_max, MAX_PX, MIN_PX)
        session = self.source.session
        synthetic = session is not None and bool(session.synthetic)
        legend = self.text.legend(panel, measure, year, ui_lang(), shown, values, scale, synthetic)
        legend.not_drawn = "\n".join(self.text.not_drawn(self.places, self.shown_layers()))
        self.view.show_values(sizes, colours, derived, doubt, legend, room)
        if self.view.hovered:  # the read-out follows the year under the mouse
            self._on_hovered(self.view.hovered)

    # ------------------------------------------------------------ read-out and clicks
    def _idle_readout(self) -> None:
        self.readout.setText(self.text.idle())

    def describe(self, place_id: str) -> str:
        """The read-out for a place: name, year, value with unit, and its origin."""
        index = self.view.index_of(place_id)
        if index is None or self.places is None:
            return ""
        return self.text.describe(
            self.panel,
            self.places.places[index],
            self.measure(),
            self.year(),
            ui_lang(),
        )

    def _on_hovered(self, place_id: str) -> None:
        if not place_id:
            self._idle_readout()
            self.view.plot.setToolTip("")
            return
        text = self.describe(place_id)
        near = [self.places.places[self.view.index_of(i)] for i in self.view.near(place_id)]
        also = self.text.nearby(self.panel, near, self.measure(), self.year(), ui_lang())
        text = f"{text}\n{also}" if also else text
        self.readout.setText(text)
        self.view.plot.setToolTip(text)

    def _on_place_clicked(self, place_id: str) -> None:
        self.state.set_record("places", place_id)
        self.link_activated.emit("places", place_id)

    # ------------------------------------------------------------ export
    def export_image(self, path: str) -> None:
        """The map with its legend as PNG or SVG (by the file's suffix)."""
        self._rebuild_if_stale()
        self.view.export_image(path, title=self.tr("Dongchuan map"))

    def _export_dialog(self) -> None:
        name = f"map-{(self.measure() or 'empty').split(':')[-1]}-{self.year() or ''}.png"
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Export map"),
            name,
            self.tr("PNG image (*.png);;SVG drawing (*.svg)"),
        )
        if not path:
            return
        if not path.lower().endswith((".png", ".svg")):
            path += ".svg" if "svg" in chosen.lower() else ".png"
        try:
            self.export_image(path)
        except OSError as error:
            QMessageBox.warning(self, self.tr("Export map"), str(error))
