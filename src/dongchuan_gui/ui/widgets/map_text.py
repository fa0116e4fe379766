"""The map's words, in the interface language: the notes on the map, the legend's
heading and scales, and the read-out of a place (its figure and where it came from)."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject

from ...model.map_layout import MapPlace, MapPlaces, Scale, bubble_diameters, legend_values
from ...model.panel import Panel
from ..plot_data import format_value
from .map_legend import LegendContent
from .map_style import MAX_PX


class MapText(QObject):
    def unit(self, unit: str) -> str:
        known = {
            "people": self.tr("people"),
            "households": self.tr("households"),
            "yuan": self.tr("yuan"),
            "units": self.tr("units"),
        }
        return known.get(unit, unit)

    def idle(self) -> str:
        return self.tr("Point at a place to read its figure; click it to open the place.")

    def notes(self, places: MapPlaces | None) -> list[str]:
        """What the map draws and does not: datum, projection, no outline."""
        lines = [
            self.tr("Datum: WGS-84 (converted from GCJ-02)")
            if places is not None and places.converted
            else self.tr("Datum: WGS-84"),
            self.tr("Local equal-distance projection centred on the district seat"),
            self.tr("No district outline: no openly licensed boundary is available offline"),
        ]
        if places is not None and places.unknown_datum:
            lines.append(
                self.tr("{0} places with an unknown datum are not drawn").format(
                    len(places.unknown_datum)
                )
            )
        return lines

    def not_drawn(self, places: MapPlaces, layers: tuple[str, ...]) -> list[str]:
        """ "161 of 166 villages … have no coordinates …" for each layer shown (said
        in the legend, so that an exported map says it too)."""
        texts = {
            "town": self.tr(
                "{0} of {1} towns, townships and subdistricts have no coordinates in the sources"
                " and are not drawn"
            ),
            "village": self.tr(
                "{0} of {1} villages, communities and resettlement sites have no coordinates"
                " in the sources and are not drawn"
            ),
        }
        out = []
        for layer in layers:
            missing = len(places.no_location.get(layer, ()))
            if missing and layer in texts:
                out.append(texts[layer].format(missing, places.totals.get(layer, missing)))
        return out

    def legend(
        self,
        panel: Panel | None,
        measure: str | None,
        year: int | None,
        lang: str,
        shown: list[int],
        values: np.ndarray | None,
        scale: Scale | None,
        synthetic: bool,
    ) -> LegendContent:
        """The legend for ``measure`` in ``year``; ``shown`` are the indices of the
        places drawn as bubbles, ``values`` every drawn place's value (NaN: none)."""
        if measure is None or panel is None:
            return LegendContent(
                title=self.tr("Nothing to draw"),
                empty=self.tr("No figure has a value at a place with coordinates."),
            )
        m = panel.measures[panel.index(measure)[0]]
        unit = self.unit(m.unit)
        count = int((~np.isnan(values[shown])).sum()) if values is not None else 0
        content = LegendContent(
            title=m.name_zh if lang == "zh" else m.name_en,
            subtitle=self.tr("{0} · {1}").format(unit, year),
            counts=self.tr("{0} of {1} places drawn have a value for {2}").format(
                count, len(shown), year
            ),
        )
        if measure.startswith("register:") and synthetic:
            content.warning = self.tr("Invented figures: the household register is synthetic")
        if scale is not None and not scale.empty:
            content.ramp = (format_value(scale.vmin, unit), format_value(scale.vmax, unit))
            steps = legend_values(scale.size_max)
            diameters = bubble_diameters(steps, scale.size_max, MAX_PX)
            # the unit once in the heading: three labels side by side have no room for it
            content.size_title = self.tr("Size: area ∝ value, in {0}").format(unit)
            content.sizes = [
                (float(d), format_value(v)) for v, d in zip(steps, diameters, strict=True)
            ]
        return content

    def describe(
        self,
        panel: Panel | None,
        place: MapPlace,
        measure: str | None,
        year: int | None,
        lang: str,
    ) -> str:
        """The read-out for a place: name, year, value with unit, and its origin (the
        source and locator, or how it was derived), doubt and partial sums."""
        name = place.name(lang)
        if place.layer == "district":
            name = self.tr("{0} (district total, not drawn as a bubble)").format(name)
        if measure is None or year is None or panel is None or place.id not in panel.places:
            return self.tr("{0}: no figures").format(name)
        m = panel.measures[panel.index(measure)[0]]
        measure_name = m.name_zh if lang == "zh" else m.name_en
        cell = panel.cell(measure, place.id, year)
        if cell.missing:
            return self.tr("{0} · {1} · {2}: no value").format(name, year, measure_name)
        parts = [
            name,
            str(year),
            self.tr("{0}: {1}").format(measure_name, format_value(cell.value, self.unit(m.unit))),
        ]
        if cell.derived:
            note = cell.derived_zh if lang == "zh" and cell.derived_zh else cell.derived
            parts.append(self.tr("derived: {0}").format(note))
        elif cell.source:  # the source's title and the locator (``model.panel``)
            parts.append(self.tr("source: {0}").format(cell.source))
        else:
            parts.append(self.tr("no source"))
        if cell.partial:
            parts.append(self.tr("partial: not every place below has a value"))
        if cell.doubt:
            parts.append(self.tr("doubtful: sources disagree, or an estimate"))
        return " · ".join(parts)

    def nearby(
        self,
        panel: Panel | None,
        places: list[MapPlace],
        measure: str | None,
        year: int | None,
        lang: str,
    ) -> str:
        """ "Also at this spot: Xiangyang Community: no value" for places drawn too
        close to the one read out to be told apart ("" when there are none)."""
        if not places:
            return ""
        texts = []
        for place in places:
            cell = None
            if panel is not None and measure and year is not None and place.id in panel.places:
                cell = panel.cell(measure, place.id, year)
            if cell is None or cell.missing:
                value = self.tr("no value")
            else:
                m = panel.measures[panel.index(measure)[0]]
                value = format_value(cell.value, self.unit(m.unit))
            texts.append(self.tr("{0}: {1}").format(place.name(lang), value))
        return self.tr("Also at this spot: {0}").format("; ".join(texts))
