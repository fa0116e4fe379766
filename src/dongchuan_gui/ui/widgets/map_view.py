"""The map: places as bubbles on a local equal-distance projection (pyqtgraph), with
its legend, scale bar, north arrow and the notes that say what is and is not drawn.

Offline and honest: no tiles, no web view, and no district outline (no openly
licensed boundary can be had offline; the map says so). Positions are WGS-84, those
given in GCJ-02 converted (``model.map_layout``), drawn in metres east and north of
the district seat with equal aspect.

``set_places`` builds the items (once per dataset or register); ``show_values``
changes sizes, fills and outlines of the existing spots in place, which is all a
year or measure change does. ``export_image`` writes the map and its legend to PNG
or SVG.
"""

from __future__ import annotations

import math
from pathlib import Path

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QPoint, QPointF, QRectF, QSizeF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QHBoxLayout, QWidget

from ...model.geo import scale_bar_length
from ...model.map_layout import MapPlaces, pick
from .map_legend import LegendContent, MapLegend
from .map_style import (
    CENTRE_PX,
    NO_DATA_PX,
    centre_pen,
    cross,
    hatched_circle,
    highlight_pen,
    no_brush,
    no_data_pen,
    value_brush,
    value_pen,
)

LAYERS = ("town", "village")  # bubbles
Z = {"village": 10, "town": 11}  # towns drawn over the villages inside them
NEAR_PX = 6.0  # places closer than this on screen are told together in the read-out
PAD_FRACTION = 0.12  # room around the places, of the larger extent
MIN_EXTENT_M = 5000.0
NOTE_COLOR = "#555555"
# names and notes never change while the years do: kept as pixmaps between paints
CACHED = QGraphicsItem.CacheMode.DeviceCoordinateCache


def scale_label(metres: float) -> str:
    return f"{metres / 1000:g} km" if metres >= 1000 else f"{metres:g} m"


class MapView(QWidget):
    place_clicked = Signal(str)  # place id
    place_hovered = Signal(str)  # place id, "" when the mouse leaves

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapView")
        self.plot = pg.PlotWidget(self, background="w")
        self.plot.setObjectName("mapPlot")
        item = self.plot.getPlotItem()
        item.hideAxis("left")
        item.hideAxis("bottom")
        item.setMenuEnabled(False)
        item.hideButtons()
        self.box = item.getViewBox()
        self.box.setAspectLocked(True, ratio=1.0)
        self.legend = MapLegend(self)
        self.places: MapPlaces | None = None
        self.layers: dict[str, pg.ScatterPlotItem] = {}
        self.rows: dict[str, list[int]] = {}  # layer -> indices into places
        self.centre: pg.ScatterPlotItem | None = None
        self.highlight: pg.ScatterPlotItem | None = None
        self.labels: dict[int, pg.TextItem] = {}  # index into places -> label
        self._label_sizes: dict[int, QSizeF] = {}
        self._anchors: dict[int, tuple[float, float]] = {}
        self.sizes = np.zeros(0)  # current diameters (px), NaN = no value
        self.room = np.zeros(0)  # diameters the names keep clear of
        self._hover: dict[str, list[str]] = {}  # layer -> ids under the mouse, top first
        self._label_mode: dict[int, str] = {}  # "show", "room" (where free) or "hide"
        self.hovered = ""  # the place under the mouse
        self._highlighted: str | None = None
        self._build_furniture()
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.plot, 1)
        layout.addWidget(self.legend)
        self.box.sigRangeChanged.connect(self._on_range)
        self.box.sigResized.connect(self._on_range)

    # ------------------------------------------------------------ furniture
    def _build_furniture(self) -> None:
        """Notes (top left), north arrow (top right) and scale bar (bottom right): in
        pixels, over the view, not moved by panning."""
        self.notes = pg.LabelItem("", color=NOTE_COLOR, size="8pt", justify="left")
        self.notes.setParentItem(self.box)
        self.notes.anchor(itemPos=(0, 0), parentPos=(0, 0), offset=(6, 4))
        self.north = pg.LabelItem("▲<br>N", color="#333333", size="10pt", justify="center")
        self.north.setParentItem(self.box)
        self.north.anchor(itemPos=(1, 0), parentPos=(1, 0), offset=(-10, 4))
        self.scale_bar = pg.ScaleBar(1000.0, width=5, brush="#333333", offset=(-24, -24))
        self.scale_bar.setParentItem(self.box)
        self.scale_bar.text.setColor(QColor("#333333"))
        for text in (self.notes.item, self.north.item):
            text.setCacheMode(CACHED)

    def set_notes(self, lines: list[str]) -> None:
        self.notes.setText("<br>".join(lines))

    def notes_text(self) -> str:
        return self.notes.text.replace("<br>", "\n")

    def _on_range(self, *args: object) -> None:
        (x0, x1), _ = self.box.viewRange()
        width = x1 - x0
        if width > 0 and math.isfinite(width):
            length = scale_bar_length(width, 0.25)
            self.scale_bar.size = length
            self.scale_bar.text.setText(scale_label(length))
            self.scale_bar.updateBar()
        self._place_labels()

    # ------------------------------------------------------------ building
    def set_places(self, places: MapPlaces, lang: str) -> None:
        """Draw these places (the items are made here, once per set of places)."""
        for old in [*self.layers.values(), self.centre, self.highlight, *self.labels.values()]:
            if old is not None:
                self.box.removeItem(old)
        self.places = places
        self.layers, self.rows, self.labels = {}, {}, {}
        self._label_sizes, self._anchors = {}, {}
        self._hover, self.hovered, self._label_mode = {}, "", {}
        self.sizes = np.full(len(places.places), np.nan)
        self.room = self.sizes.copy()
        for layer in LAYERS:
            rows = [i for i, p in enumerate(places.places) if p.layer == layer]
            scatter = pg.ScatterPlotItem(
                x=[places.places[i].x for i in rows],
                y=[places.places[i].y for i in rows],
                data=[places.places[i].id for i in rows],
                symbol=hatched_circle(),
                size=NO_DATA_PX,
                pen=no_data_pen(),
                brush=no_brush(),
                pxMode=True,
                hoverable=True,
                tip=None,
            )
            scatter.setZValue(Z[layer])
            scatter.sigClicked.connect(self._on_click)
            scatter.sigHovered.connect(
                lambda item, points, ev, key=layer: self._on_hover(key, points)
            )
            self.box.addItem(scatter)
            self.layers[layer], self.rows[layer] = scatter, rows
        centre = [i for i, p in enumerate(places.places) if p.layer == "district"]
        self.centre = pg.ScatterPlotItem(
            x=[places.places[i].x for i in centre],
            y=[places.places[i].y for i in centre],
            data=[places.places[i].id for i in centre],
            symbol=cross(),
            size=CENTRE_PX,
            pen=centre_pen(),
            brush=no_brush(),
            hoverable=True,
            tip=None,
        )
        self.centre.setZValue(20)
        self.centre.sigClicked.connect(self._on_click)
        self.centre.sigHovered.connect(lambda item, points, ev: self._on_hover("district", points))
        self.box.addItem(self.centre)
        self.highlight = pg.ScatterPlotItem(
            x=[], y=[], symbol="o", pen=highlight_pen(), brush=no_brush(), pxMode=True
        )
        self.highlight.setZValue(30)
        self.highlight.setAcceptHoverEvents(False)
        self.box.addItem(self.highlight)
        for i, p in enumerate(places.places):
            if p.layer in ("town", "district", "village"):
                label = pg.TextItem(p.name(lang), color="#222222", anchor=(0, 0.5))
                label.setZValue(25)
                label.textItem.setCacheMode(CACHED)
                self.box.addItem(label)
                self.labels[i] = label
                self._label_sizes[i] = label.textItem.boundingRect().size()
                self._label_mode[i] = "show"
        self.reset_view()

    def reset_view(self) -> None:
        if not self.places or not self.places.places:
            self.box.setRange(
                xRange=(-MIN_EXTENT_M, MIN_EXTENT_M), yRange=(-MIN_EXTENT_M, MIN_EXTENT_M)
            )
            return
        xs = [p.x for p in self.places.places]
        ys = [p.y for p in self.places.places]
        extent = max(max(xs) - min(xs), max(ys) - min(ys), MIN_EXTENT_M)
        pad = extent * PAD_FRACTION
        # more room on the right for the names
        self.box.setRange(
            xRange=(min(xs) - pad, max(xs) + 2 * pad),
            yRange=(min(ys) - pad, max(ys) + pad),
            padding=0,
        )

    # ------------------------------------------------------------ values, in place
    def show_values(
        self,
        sizes: np.ndarray,
        colours: np.ndarray,
        derived: np.ndarray,
        doubt: np.ndarray,
        legend: LegendContent,
        room: np.ndarray | None = None,
    ) -> None:
        """Restyle every spot for one measure and year (arrays in the order of
        ``places.places``; NaN size = no value). Nothing is created or removed.

        ``room``: the largest diameter each place takes in any year; names are placed
        around that, so they stay put while the years change (default: ``sizes``)."""
        self.sizes = np.asarray(sizes, dtype=np.float64)
        room = self.sizes if room is None else np.asarray(room, dtype=np.float64)
        if not np.array_equal(room, self.room, equal_nan=True):
            self.room = room
            self._place_labels()
        hatched = hatched_circle()
        for layer, scatter in self.layers.items():
            rows = self.rows[layer]
            symbols, diam, pens, brushes = [], [], [], []
            for i in rows:
                if np.isnan(self.sizes[i]):
                    symbols.append(hatched)
                    diam.append(NO_DATA_PX)
                    pens.append(no_data_pen())
                    brushes.append(no_brush())
                else:
                    symbols.append("o")
                    diam.append(round(float(self.sizes[i]) * 2) / 2)
                    pens.append(value_pen(bool(derived[i]), bool(doubt[i])))
                    brushes.append(value_brush(float(colours[i])))
            if rows:
                scatter.setSymbol(symbols, update=False)
                scatter.setSize(diam, update=False)
                scatter.setPen(pens, update=False)
                scatter.setBrush(brushes, update=False)
                scatter.updateSpots()
        self.legend.set_content(legend)
        self._show_highlight()

    def set_layers_visible(self, towns: bool, villages: bool) -> None:
        self.layers["town"].setVisible(towns)
        self.layers["village"].setVisible(villages)
        # with the towns, villages are named only where their name has room
        village = ("room" if towns else "show") if villages else "hide"
        modes = {"district": "show", "town": "show" if towns else "hide", "village": village}
        for i in self.labels:
            if self.places is not None:
                self._label_mode[i] = modes[self.places.places[i].layer]
        self._place_labels()
        self._show_highlight()

    def diameter(self, index: int) -> float:
        """The drawn diameter (px) of the place at ``index``."""
        layer = self.places.places[index].layer if self.places else ""
        if layer == "district":
            return CENTRE_PX
        return NO_DATA_PX if np.isnan(self.sizes[index]) else float(self.sizes[index])

    def _room(self, index: int) -> float:
        if self.places is None or self.places.places[index].layer == "district":
            return CENTRE_PX
        room = float(self.room[index]) if index < len(self.room) else np.nan
        return max(NO_DATA_PX, room) if np.isfinite(room) else NO_DATA_PX

    def _place_labels(self) -> None:
        """Put each name beside its place where it hides no other place and no other
        name: right, left, below or above (first that is free), in pixels. Names of
        the district and towns first; a village's name only shows where it is free
        (with the towns drawn) or always (villages alone)."""
        if not self.labels or self.places is None:
            return
        px, py = self.box.viewPixelSize()
        if not (px > 0 and py > 0 and math.isfinite(px) and math.isfinite(py)):
            return
        spots = []  # (index, centre in px, diameter) of every place drawn
        for i, p in enumerate(self.places.places):
            if p.layer == "district" or self.layers[p.layer].isVisible():
                spots.append((i, QPointF(p.x / px, -p.y / py), self._room(i)))
        taken = [QRectF(c.x() - d / 2, c.y() - d / 2, d, d) for _, c, d in spots]
        own = {i: k for k, (i, _, _) in enumerate(spots)}
        first = {"district": 0, "town": 1, "village": 2}
        order = sorted(self.labels, key=lambda i: first[self.places.places[i].layer])
        for i in order:
            label, mode = self.labels[i], self._label_mode.get(i, "show")
            if mode == "hide":
                label.setVisible(False)
                continue
            p = self.places.places[i]
            c, d = QPointF(p.x / px, -p.y / py), self._room(i)
            size = self._label_sizes[i]
            w, h, gap = size.width(), size.height(), d / 2 + 2
            options = (  # anchor, offset of the anchor from the place (px), text rect
                ((0, 0.5), (gap, 0), QRectF(c.x() + gap, c.y() - h / 2, w, h)),
                ((1, 0.5), (-gap, 0), QRectF(c.x() - gap - w, c.y() - h / 2, w, h)),
                ((0.5, 0), (0, gap), QRectF(c.x() - w / 2, c.y() + gap, w, h)),
                ((0.5, 1), (0, -gap), QRectF(c.x() - w / 2, c.y() - gap - h, w, h)),
            )
            others = [r for k, r in enumerate(taken) if k != own.get(i)]
            free = next((o for o in options if not any(o[2].intersects(r) for r in others)), None)
            label.setVisible(free is not None or mode == "show")
            if free is None and mode != "show":
                continue
            anchor, offset, rect = free or options[0]
            if self._anchors.get(i) != anchor:
                self._anchors[i] = anchor
                label.setAnchor(anchor)
            label.setPos(p.x + offset[0] * px, p.y - offset[1] * py)
            taken.append(rect)

    # ------------------------------------------------------------ highlight
    def set_highlight(self, place_id: str | None) -> None:
        self._highlighted = place_id
        self._show_highlight()

    def _show_highlight(self) -> None:
        if self.highlight is None or self.places is None:
            return
        index = self.index_of(self._highlighted) if self._highlighted else None
        visible = index is not None and (
            self.places.places[index].layer == "district"
            or self.layers[self.places.places[index].layer].isVisible()
        )
        if not visible:
            if len(self.highlight.data):
                self.highlight.setData(x=[], y=[])
            return
        p = self.places.places[index]
        self.highlight.setData(x=[p.x], y=[p.y], size=self.diameter(index) + 9)

    # ------------------------------------------------------------ mouse
    def _on_click(self, item: pg.ScatterPlotItem, points: list, ev) -> None:
        # the top item took the click: ask every layer what lies under it
        under: list[str] = []
        for scatter in self._pickable():
            found = scatter.pointsAt(scatter.mapFromScene(ev.scenePos()))
            under += [str(p.data()) for p in found]
        chosen = self.pick(under)
        if chosen:
            self.place_clicked.emit(chosen)

    def _on_hover(self, layer: str, points: list) -> None:
        self._hover[layer] = [str(p.data()) for p in points]
        layers = [self._layer(scatter) for scatter in self._pickable()]
        under = [i for key in layers for i in self._hover.get(key, [])]
        hovered = self.pick(under)
        if hovered != self.hovered:
            self.hovered = hovered
            self.place_hovered.emit(hovered)

    def _pickable(self) -> list[pg.ScatterPlotItem]:
        """The visible point layers, top first."""
        items = [self.centre, self.layers.get("town"), self.layers.get("village")]
        return [i for i in items if i is not None and i.isVisible()]

    def _layer(self, scatter: pg.ScatterPlotItem) -> str:
        return next((k for k, v in self.layers.items() if v is scatter), "district")

    def pick(self, place_ids: list[str]) -> str:
        """The place meant among those under the mouse (top first): one with a value
        before one without, a town before a village (``map_layout.pick``)."""
        if self.places is None:
            return ""
        found = [(i, self.index_of(i)) for i in dict.fromkeys(place_ids)]
        found = [(i, k) for i, k in found if k is not None]
        chosen = pick((self.places.places[k].layer, not np.isnan(self.sizes[k])) for _, k in found)
        return "" if chosen is None else found[chosen][0]

    def near(self, place_id: str, within: float = NEAR_PX) -> list[str]:
        """Other places drawn within ``within`` pixels of ``place_id`` (too close to
        tell apart with the mouse), nearest first."""
        index = self.index_of(place_id)
        if index is None or self.places is None:
            return []
        px, py = self.box.viewPixelSize()
        if not (px > 0 and py > 0):
            return []
        p = self.places.places[index]
        out = []
        for q in self.places.places:
            if q.id == place_id or (q.layer != "district" and not self.layers[q.layer].isVisible()):
                continue
            distance = math.hypot((q.x - p.x) / px, (q.y - p.y) / py)
            if distance <= within:
                out.append((distance, q.id))
        return [i for _, i in sorted(out)]

    # ------------------------------------------------------------ queries
    def index_of(self, place_id: str | None) -> int | None:
        if self.places is None or place_id is None:
            return None
        return next((i for i, p in enumerate(self.places.places) if p.id == place_id), None)

    def spot(self, place_id: str) -> pg.SpotItem | None:
        """The drawn spot of a place (its position, size, symbol, pen and brush)."""
        for scatter in [*self.layers.values(), self.centre]:
            for point in scatter.points() if scatter is not None else ():
                if point.data() == place_id:
                    return point
        return None

    def viewport_pos(self, place_id: str) -> QPoint:
        """Where a place is drawn, in the plot's viewport (to click or hover on it)."""
        index = self.index_of(place_id)
        if index is None or self.places is None:
            raise KeyError(place_id)
        p = self.places.places[index]
        scene = self.box.mapViewToScene(QPointF(p.x, p.y))
        return self.plot.mapFromScene(scene)

    # ------------------------------------------------------------ export
    def export_image(self, path: str | Path, scale: float = 2.0, title: str = "") -> None:
        """Write the map with its legend to ``path``: SVG when it ends in .svg, else PNG
        (at ``scale`` × the size on screen)."""
        from .map_export import export_map

        export_map(self, path, scale=scale, title=title)
