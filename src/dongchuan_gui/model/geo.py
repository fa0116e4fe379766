"""Coordinates on the map: GCJ-02 and WGS-84, distances, and the scale bar.

Chinese web maps (AMap/Gaode, Tencent, Google's China tiles) publish positions in
GCJ-02, a datum that adds a deliberately irregular offset of a few hundred metres to
WGS-84 (the datum of GPS receivers, OpenStreetMap and most open data). Around
Dongchuan the two differ by about 500 m, so a point copied from a Chinese map and
drawn on an open basemap lands in the wrong village unless it is converted.

The forward transform (WGS-84 to GCJ-02) is the widely published one, on the
Krasovsky 1940 ellipsoid (a = 6378245.0 m, e^2 = 0.00669342162296594323). It has no
closed-form inverse; :func:`gcj02_to_wgs84` solves it by fixed-point iteration to
well under a millimetre, where the common one-step approximation is off by metres.

Outside China there is no offset. Like the published implementations we test for
"China" with a rough box (72.004-137.8347 E, 0.8293-55.8271 N): it also covers
neighbouring countries (Korea, northern Vietnam...), which get shifted as the
published algorithm shifts them.

Every function has a scalar form (floats in, floats out) and the two conversions
have vectorised forms over numpy arrays, for outlines and many points at once.
"""

from __future__ import annotations

import math
from types import ModuleType
from typing import Any

import numpy as np
import numpy.typing as npt

# Krasovsky 1940 semi-major axis (m) and first eccentricity squared, as published
KRASOVSKY_A = 6378245.0
KRASOVSKY_EE = 0.00669342162296594323

# the rough "China" box of the published algorithm
CHINA_MIN_LON = 72.004
CHINA_MAX_LON = 137.8347
CHINA_MIN_LAT = 0.8293
CHINA_MAX_LAT = 55.8271

# IUGG mean Earth radius (m), for great-circle distances
EARTH_MEAN_RADIUS_M = 6371008.8

# the inverse stops once the forward transform of its answer is this close (degrees,
# about 0.1 mm), or after this many steps; it converges in 3-5 steps in practice
_INVERSE_TOLERANCE_DEG = 1e-9
_INVERSE_MAX_STEPS = 30

FloatArray = npt.NDArray[np.float64]


def out_of_china(lat: float, lon: float) -> bool:
    """True where the GCJ-02 offset is not applied (outside the published box)."""
    return not (CHINA_MIN_LON <= lon <= CHINA_MAX_LON and CHINA_MIN_LAT <= lat <= CHINA_MAX_LAT)


def _raw_offsets(x: Any, y: Any, m: ModuleType) -> tuple[Any, Any]:
    """The published polynomial-plus-sines offsets, in metres-like units.

    ``x`` is longitude - 105, ``y`` latitude - 35; ``m`` is ``math`` or ``numpy``.
    """
    pi = math.pi
    shared = (20.0 * m.sin(6.0 * x * pi) + 20.0 * m.sin(2.0 * x * pi)) * 2.0 / 3.0
    d_lat = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * m.sqrt(abs(x))
    d_lat = d_lat + shared
    d_lat = d_lat + (20.0 * m.sin(y * pi) + 40.0 * m.sin(y / 3.0 * pi)) * 2.0 / 3.0
    d_lat = d_lat + (160.0 * m.sin(y / 12.0 * pi) + 320.0 * m.sin(y * pi / 30.0)) * 2.0 / 3.0
    d_lon = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * m.sqrt(abs(x))
    d_lon = d_lon + shared
    d_lon = d_lon + (20.0 * m.sin(x * pi) + 40.0 * m.sin(x / 3.0 * pi)) * 2.0 / 3.0
    d_lon = d_lon + (150.0 * m.sin(x / 12.0 * pi) + 300.0 * m.sin(x / 30.0 * pi)) * 2.0 / 3.0
    return d_lat, d_lon


def _offset_deg(lat: Any, lon: Any, m: ModuleType) -> tuple[Any, Any]:
    """GCJ-02 minus WGS-84 at a WGS-84 point, in degrees (no China test here)."""
    d_lat, d_lon = _raw_offsets(lon - 105.0, lat - 35.0, m)
    rad_lat = lat / 180.0 * math.pi
    magic = 1.0 - KRASOVSKY_EE * m.sin(rad_lat) ** 2
    sqrt_magic = m.sqrt(magic)
    d_lat = (d_lat * 180.0) / (
        (KRASOVSKY_A * (1.0 - KRASOVSKY_EE)) / (magic * sqrt_magic) * math.pi
    )
    d_lon = (d_lon * 180.0) / (KRASOVSKY_A / sqrt_magic * m.cos(rad_lat) * math.pi)
    return d_lat, d_lon


def wgs84_to_gcj02(lat: float, lon: float) -> tuple[float, float]:
    """A WGS-84 position as Chinese web maps show it (GCJ-02); (lat, lon) in degrees."""
    lat, lon = float(lat), float(lon)
    if out_of_china(lat, lon):
        return lat, lon
    d_lat, d_lon = _offset_deg(lat, lon, math)
    return lat + d_lat, lon + d_lon


def gcj02_to_wgs84(lat: float, lon: float) -> tuple[float, float]:
    """The WGS-84 position of a GCJ-02 one, by iterating the forward transform.

    The answer, converted back with :func:`wgs84_to_gcj02`, lands within about
    0.1 mm of the input, except within a kilometre or so of the box's edges (none of
    them in China), where the published forward transform jumps and some GCJ-02
    points have no WGS-84 origin at all.
    """
    lat, lon = float(lat), float(lon)
    if out_of_china(lat, lon):
        return lat, lon
    w_lat, w_lon = lat, lon
    for _ in range(_INVERSE_MAX_STEPS):
        g_lat, g_lon = wgs84_to_gcj02(w_lat, w_lon)
        e_lat, e_lon = g_lat - lat, g_lon - lon
        if abs(e_lat) < _INVERSE_TOLERANCE_DEG and abs(e_lon) < _INVERSE_TOLERANCE_DEG:
            break
        w_lat -= e_lat
        w_lon -= e_lon
    return w_lat, w_lon


def out_of_china_array(lat: npt.ArrayLike, lon: npt.ArrayLike) -> npt.NDArray[np.bool_]:
    """:func:`out_of_china` over arrays (NaN counts as outside)."""
    la = np.asarray(lat, dtype=np.float64)
    lo = np.asarray(lon, dtype=np.float64)
    inside = (
        (lo >= CHINA_MIN_LON)
        & (lo <= CHINA_MAX_LON)
        & (la >= CHINA_MIN_LAT)
        & (la <= CHINA_MAX_LAT)
    )
    return ~inside


def wgs84_to_gcj02_array(lat: npt.ArrayLike, lon: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """:func:`wgs84_to_gcj02` over arrays of equal shape; returns new arrays."""
    la, lo = np.broadcast_arrays(
        np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    )
    inside = ~out_of_china_array(la, lo)
    d_lat, d_lon = _offset_deg(la, lo, np)
    return np.where(inside, la + d_lat, la), np.where(inside, lo + d_lon, lo)


def gcj02_to_wgs84_array(lat: npt.ArrayLike, lon: npt.ArrayLike) -> tuple[FloatArray, FloatArray]:
    """:func:`gcj02_to_wgs84` over arrays of equal shape; returns new arrays."""
    la, lo = np.broadcast_arrays(
        np.asarray(lat, dtype=np.float64), np.asarray(lon, dtype=np.float64)
    )
    inside = ~out_of_china_array(la, lo)
    w_lat, w_lon = la.copy(), lo.copy()
    for _ in range(_INVERSE_MAX_STEPS):
        g_lat, g_lon = wgs84_to_gcj02_array(w_lat, w_lon)
        e_lat = np.where(inside, g_lat - la, 0.0)
        e_lon = np.where(inside, g_lon - lo, 0.0)
        worst = max(np.nanmax(np.abs(e_lat), initial=0.0), np.nanmax(np.abs(e_lon), initial=0.0))
        if worst < _INVERSE_TOLERANCE_DEG:
            break
        w_lat -= e_lat
        w_lon -= e_lon
    return w_lat, w_lon


def haversine_m(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in metres between two points (degrees), on a sphere.

    The sphere has the IUGG mean radius; over a district the error against the
    ellipsoid is a few tenths of a percent, fine for scale bars and offsets.
    """
    p1, p2 = math.radians(lat1), math.radians(lat2)
    d_lat = p2 - p1
    d_lon = math.radians(lon2 - lon1)
    h = math.sin(d_lat / 2.0) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(d_lon / 2.0) ** 2
    return 2.0 * EARTH_MEAN_RADIUS_M * math.asin(min(1.0, math.sqrt(h)))


def gcj02_offset_m(lat: float, lon: float) -> float:
    """How far (m) GCJ-02 moves the WGS-84 point (lat, lon); 0 outside China."""
    g_lat, g_lon = wgs84_to_gcj02(lat, lon)
    return haversine_m(lat, lon, g_lat, g_lon)


def scale_bar_length(view_width_m: float, max_fraction: float = 0.25) -> float:
    """The longest round length (1, 2 or 5 x 10^n metres) that fits a scale bar.

    The bar may take at most ``max_fraction`` of a view ``view_width_m`` metres wide:
    a 10 km wide view gets a 2 km bar, a 3 km one a 500 m bar.
    """
    if not (math.isfinite(view_width_m) and view_width_m > 0):
        raise ValueError(f"view width must be a positive number of metres, not {view_width_m!r}")
    if not (0 < max_fraction <= 1):
        raise ValueError(f"max_fraction must be in (0, 1], not {max_fraction!r}")
    limit = view_width_m * max_fraction
    exponent = math.floor(math.log10(limit))
    # log10 may round up just below a power of ten
    while 10.0**exponent > limit * (1 + 1e-12):
        exponent -= 1
    best = 10.0**exponent
    for step in (2.0, 5.0, 10.0):
        candidate = step * 10.0**exponent
        # a little slack so 0.2 * 10**3 is not lost to rounding
        if candidate <= limit * (1 + 1e-12):
            best = candidate
    return best
