"""Where places go on the map, and how big and how coloured their bubbles are (no Qt).

Positions: a place's location is converted to WGS-84 (GCJ-02 ones with
:func:`geo.gcj02_to_wgs84`; "unknown" datums are left off, since a guess could be
500 m out) and projected onto a plane with an azimuthal equidistant projection on
the sphere, centred on the district seat: x metres east, y metres north. Distances
from the centre are true; over a district (≤ 60 km) every other distance is within
a few parts in ten thousand, so the map can be drawn with equal aspect and a
scale bar.

Bubbles: the area of a bubble is proportional to the value (diameter ∝ √value), on
one scale for every year of a measure, so that bubbles can be compared across years;
colours use the same fixed range. A missing value has no size and no colour: the view
draws its own "no data" marker, never the lowest colour.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt

from .geo import EARTH_MEAN_RADIUS_M, gcj02_to_wgs84
from .panel import Panel
from .records import Place

TOWN_LEVELS = frozenset({"town", "township", "subdistrict"})
VILLAGE_LEVELS = frozenset({"village", "community", "resettlement_site"})

FloatArray = npt.NDArray[np.float64]


def project(lat: float, lon: float, lat0: float, lon0: float) -> tuple[float, float]:
    """(x east, y north) in metres of (lat, lon) seen from (lat0, lon0), degrees, by
    the azimuthal equidistant projection on a sphere of the IUGG mean radius."""
    x, y = project_array(np.array([lat]), np.array([lon]), lat0, lon0)
    return float(x[0]), float(y[0])


def project_array(
    lat: npt.ArrayLike, lon: npt.ArrayLike, lat0: float, lon0: float
) -> tuple[FloatArray, FloatArray]:
    """:func:`project` over arrays."""
    phi = np.radians(np.asarray(lat, dtype=np.float64))
    d_lambda = np.radians(np.asarray(lon, dtype=np.float64) - lon0)
    phi0 = math.radians(lat0)
    cos_c = math.sin(phi0) * np.sin(phi) + math.cos(phi0) * np.cos(phi) * np.cos(d_lambda)
    c = np.arccos(np.clip(cos_c, -1.0, 1.0))
    with np.errstate(invalid="ignore", divide="ignore"):
        k = np.where(c > 1e-12, c / np.sin(c), 1.0)
    x = EARTH_MEAN_RADIUS_M * k * np.cos(phi) * np.sin(d_lambda)
    y = (
        EARTH_MEAN_RADIUS_M
        * k
        * (math.cos(phi0) * np.sin(phi) - math.sin(phi0) * np.cos(phi) * np.cos(d_lambda))
    )
    return x, y


@dataclass(frozen=True)
class MapPlace:
    id: str
    layer: str  # "district", "town" or "village"
    name_zh: str
    name_en: str
    lat: float  # WGS-84
    lon: float
    x: float  # metres east of the centre
    y: float  # metres north of the centre
    converted: bool  # the dataset gives it in GCJ-02

    def name(self, lang: str) -> str:
        return self.name_zh if lang == "zh" or not self.name_en else self.name_en


@dataclass
class MapPlaces:
    """The places that can be drawn, the centre of the projection, and what was left off."""

    places: list[MapPlace]
    centre: tuple[float, float]  # WGS-84 (lat, lon)
    centre_id: str | None  # the district whose seat is the centre, if any
    converted: int = 0  # how many were converted from GCJ-02
    unknown_datum: list[str] = field(default_factory=list)  # ids left off
    no_location: dict[str, list[str]] = field(default_factory=dict)  # layer -> ids left off
    totals: dict[str, int] = field(default_factory=dict)  # layer -> places in the dataset

    def ids(self, layer: str | None = None) -> list[str]:
        return [p.id for p in self.places if layer is None or p.layer == layer]


def layer_of(level: str) -> str | None:
    if level == "district":
        return "district"
    if level in TOWN_LEVELS:
        return "town"
    if level in VILLAGE_LEVELS:
        return "village"
    return None


def to_wgs84(lat: float, lon: float, datum: str) -> tuple[float, float] | None:
    """A location in WGS-84, or None when its datum is not known."""
    if datum == "WGS-84":
        return float(lat), float(lon)
    if datum == "GCJ-02":
        return gcj02_to_wgs84(lat, lon)
    return None


def map_places(places: Iterable[Place]) -> MapPlaces:
    """Every place with a location of a known datum, projected around the district seat
    (the first district with a location; else the middle of the places)."""
    found: list[tuple[Place, str, float, float]] = []
    unknown: list[str] = []
    no_location: dict[str, list[str]] = {}
    totals: dict[str, int] = {}
    for place in places:
        layer = layer_of(place.level)
        if layer is None:
            continue
        totals[layer] = totals.get(layer, 0) + 1
        if place.location is None:
            no_location.setdefault(layer, []).append(place.id)
            continue
        loc = place.location
        wgs = to_wgs84(loc.lat, loc.lon, loc.datum)
        if wgs is None:
            unknown.append(place.id)
            continue
        found.append((place, layer, *wgs))
    district = next((f for f in found if f[1] == "district"), None)
    if district is not None:
        centre, centre_id = (district[2], district[3]), district[0].id
    elif found:
        lats = [f[2] for f in found]
        lons = [f[3] for f in found]
        centre = ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)
        centre_id = None
    else:
        centre, centre_id = (0.0, 0.0), None
    lat = np.array([f[2] for f in found], dtype=np.float64)
    lon = np.array([f[3] for f in found], dtype=np.float64)
    xs, ys = project_array(lat, lon, *centre)
    out = [
        MapPlace(
            p.id,
            layer,
            p.name_zh,
            p.name_en,
            float(la),
            float(lo),
            float(x),
            float(y),
            p.location is not None and p.location.datum == "GCJ-02",
        )
        for (p, layer, la, lo), x, y in zip(found, xs, ys, strict=True)
    ]
    converted = sum(p.converted for p in out)
    return MapPlaces(out, centre, centre_id, converted, unknown, no_location, totals)


# ----------------------------------------------------------------- picking
LAYER_RANK = {"district": 2, "town": 1, "village": 0}


def pick(candidates: Iterable[tuple[str, bool]]) -> int | None:
    """Which of several places under the mouse is meant: ``candidates`` are (layer,
    has a value) from the top of the drawing down. One with a value wins over one
    without, then the higher level (district, town, village); else the topmost.
    None when there is none."""
    best: int | None = None
    best_key: tuple[bool, int] | None = None
    for k, (layer, has_value) in enumerate(candidates):
        key = (has_value, LAYER_RANK.get(layer, -1))
        if best_key is None or key > best_key:
            best, best_key = k, key
    return best


def best_year(have: Iterable[int], wanted: Iterable[int | None]) -> int | None:
    """The year to show: the first of ``wanted`` (the user's year, the shared one)
    that has values, else the latest year with values, else None."""
    have = set(have)
    for year in wanted:
        if year is not None and year in have:
            return year
    return max(have) if have else None


# ----------------------------------------------------------------- measures and years
def measures_with_values(panel: Panel, place_ids: list[str]) -> list[str]:
    """Measures with at least one value at one of ``place_ids`` (in panel order)."""
    rows = [panel.places.index(p) for p in place_ids if p in panel.places]
    if not rows:
        return []
    have = ~np.isnan(panel.values[:, rows, :])
    return [
        m.id
        for m, any_value in zip(panel.measures, have.any(axis=(1, 2)), strict=True)
        if any_value
    ]


def years_with_values(panel: Panel, measure: str, place_ids: list[str]) -> set[int]:
    """Panel years in which at least one of ``place_ids`` has a value of ``measure``."""
    m, _ = panel.index(measure)
    rows = [panel.places.index(p) for p in place_ids if p in panel.places]
    if not rows:
        return set()
    have = ~np.isnan(panel.values[m, rows, :]).all(axis=0)
    return {int(y) for y in panel.years[have]}


@dataclass
class Scale:
    """The fixed size and colour scale of one measure over every year drawn."""

    vmin: float  # colour range
    vmax: float
    size_max: float  # the largest |value|: it gets the largest bubble

    @property
    def empty(self) -> bool:
        return not math.isfinite(self.vmax)


def scale_for(panel: Panel, measure: str, place_ids: list[str]) -> Scale:
    """The range of ``measure`` over every year at ``place_ids``."""
    m, _ = panel.index(measure)
    rows = [panel.places.index(p) for p in place_ids if p in panel.places]
    block = panel.values[m, rows, :] if rows else np.empty((0,))
    finite = block[np.isfinite(block)]
    if not finite.size:
        return Scale(math.nan, math.nan, math.nan)
    return Scale(float(finite.min()), float(finite.max()), float(np.abs(finite).max()))


def bubble_diameters(
    values: npt.ArrayLike, size_max: float, max_px: float, min_px: float = 3.0
) -> FloatArray:
    """Diameters (px) with area ∝ |value|: ``size_max`` gets ``max_px``. NaN stays NaN
    (no data); a value of zero, or one too small to see, gets ``min_px``."""
    v = np.abs(np.asarray(values, dtype=np.float64))
    if not (math.isfinite(size_max) and size_max > 0):
        return np.where(np.isnan(v), np.nan, min_px)
    d = max_px * np.sqrt(v / size_max)
    return np.where(np.isnan(v), np.nan, np.maximum(d, min_px))


def colour_positions(values: npt.ArrayLike, vmin: float, vmax: float) -> FloatArray:
    """Where each value sits on the colour scale, 0 to 1; NaN stays NaN. A scale of one
    value puts everything in the middle."""
    v = np.asarray(values, dtype=np.float64)
    if not (math.isfinite(vmin) and math.isfinite(vmax)):
        return np.full(v.shape, np.nan)
    if vmax <= vmin:
        return np.where(np.isnan(v), np.nan, 0.5)
    return np.clip((v - vmin) / (vmax - vmin), 0.0, 1.0)


def nice_below(value: float) -> float:
    """The largest 1, 2 or 5 × 10^n not above ``value`` (> 0)."""
    if not (math.isfinite(value) and value > 0):
        raise ValueError(f"a positive number is needed, not {value!r}")
    exponent = math.floor(math.log10(value))
    best = 10.0**exponent
    for step in (2.0, 5.0, 10.0):
        if step * 10.0**exponent <= value * (1 + 1e-12):
            best = step * 10.0**exponent
    return best


def legend_values(size_max: float, count: int = 3) -> list[float]:
    """Round values for the size legend, largest first: the largest round value not
    above ``size_max``, then smaller round ones (about a third, a tenth)."""
    if not (math.isfinite(size_max) and size_max > 0):
        return []
    out: list[float] = []
    for fraction in (1.0, 1 / 3, 1 / 10)[:count]:
        value = nice_below(size_max * fraction)
        if value not in out:
            out.append(value)
    return out
