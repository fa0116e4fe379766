"""GCJ-02/WGS-84 conversion, distances and the scale bar (model/geo.py).

Expected coordinate pairs are copied from the test files of public implementations of
the same published algorithm; each pair names its repository and path.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from dongchuan_gui.model.geo import (
    EARTH_MEAN_RADIUS_M,
    gcj02_offset_m,
    gcj02_to_wgs84,
    gcj02_to_wgs84_array,
    haversine_m,
    out_of_china,
    out_of_china_array,
    scale_bar_length,
    wgs84_to_gcj02,
    wgs84_to_gcj02_array,
)

# (wgs lat, wgs lon, gcj lat, gcj lon), from googollee/eviltransform, python/test.py
# (commit 3416646abc64972e899118271bd98030224d9d6c); the same three pairs are in its
# go/transform_test.go. That test asserts the forward transform to 6 decimals and its
# exact inverse to within 0.5 m.
EVILTRANSFORM_PAIRS = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),  # shanghai
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),  # shenzhen
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),  # beijing
]


@pytest.mark.parametrize(("w_lat", "w_lon", "g_lat", "g_lon"), EVILTRANSFORM_PAIRS)
def test_forward_matches_eviltransform(w_lat, w_lon, g_lat, g_lon):
    lat, lon = wgs84_to_gcj02(w_lat, w_lon)
    assert lat == pytest.approx(g_lat, abs=1e-9)
    assert lon == pytest.approx(g_lon, abs=1e-9)


@pytest.mark.parametrize(("w_lat", "w_lon", "g_lat", "g_lon"), EVILTRANSFORM_PAIRS)
def test_inverse_matches_eviltransform_within_half_a_metre(w_lat, w_lon, g_lat, g_lon):
    lat, lon = gcj02_to_wgs84(g_lat, g_lon)
    assert haversine_m(lat, lon, w_lat, w_lon) < 0.5


def test_forward_matches_coordtransform():
    # wandergis/coordtransform, test/app.js: wgs84togcj02(116.404, 39.915) (lon, lat)
    # prints [116.41024449916938, 39.91640428150164]
    lat, lon = wgs84_to_gcj02(39.915, 116.404)
    assert lat == pytest.approx(39.91640428150164, abs=1e-9)
    assert lon == pytest.approx(116.41024449916938, abs=1e-9)


def test_inverse_near_coordtransforms_one_step_approximation():
    # wandergis/coordtransform, test/app.js: gcj02towgs84(116.404, 39.915) prints
    # [116.39775550083061, 39.91359571849836]; that library inverts in one step, which
    # is off by up to a few metres, so we only ask to be close to it
    lat, lon = gcj02_to_wgs84(39.915, 116.404)
    assert haversine_m(lat, lon, 39.91359571849836, 116.39775550083061) < 2.0
    # while our answer goes back onto the input
    back = wgs84_to_gcj02(lat, lon)
    assert haversine_m(*back, 39.915, 116.404) < 0.001


def test_matches_gcoord_both_ways():
    # hujiulong/gcoord, test/unit/crs/WGS84.spec.ts: WGS84 [123, 45] (lon, lat) to GCJ02
    # is close to [123.00607541, 45.00197815] (5 decimals)
    lat, lon = wgs84_to_gcj02(45.0, 123.0)
    assert lon == pytest.approx(123.00607541, abs=5e-6)
    assert lat == pytest.approx(45.00197815, abs=5e-6)
    # hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts: GCJ02 [123, 45] to WGS84 is close
    # to [122.99395597, 44.99804071] (5 decimals; gcoord iterates to 1e-6 degrees)
    lat, lon = gcj02_to_wgs84(45.0, 123.0)
    assert lon == pytest.approx(122.99395597, abs=5e-6)
    assert lat == pytest.approx(44.99804071, abs=5e-6)


def test_gcoords_point_beyond_the_box_is_unchanged():
    # hujiulong/gcoord, test/unit/crs/GCJ02.spec.ts and WGS84.spec.ts: [183, 45] is
    # "not in China" and comes back as it went in
    assert wgs84_to_gcj02(45.0, 183.0) == (45.0, 183.0)
    assert gcj02_to_wgs84(45.0, 183.0) == (45.0, 183.0)


def test_the_offset_at_dongchuan_is_a_few_hundred_metres():
    # Dongchuan's seat, roughly 26.08 N 103.18 E
    offset = gcj02_offset_m(26.08, 103.18)
    assert 300.0 < offset < 600.0
    # the shift is the same seen from the GCJ-02 side
    g_lat, g_lon = wgs84_to_gcj02(26.08, 103.18)
    w_lat, w_lon = gcj02_to_wgs84(g_lat, g_lon)
    assert haversine_m(w_lat, w_lon, 26.08, 103.18) < 0.01
    assert 300.0 < haversine_m(g_lat, g_lon, w_lat, w_lon) < 600.0


# a grid over the whole box, Dongchuan's district among it
GRID_LAT = np.linspace(1.0, 55.5, 23)
GRID_LON = np.linspace(72.5, 137.5, 27)


def test_round_trips_stay_within_half_a_metre_across_china():
    worst = 0.0
    for lat in GRID_LAT:
        for lon in GRID_LON:
            lat_f, lon_f = float(lat), float(lon)
            back = gcj02_to_wgs84(*wgs84_to_gcj02(lat_f, lon_f))
            again = wgs84_to_gcj02(*gcj02_to_wgs84(lat_f, lon_f))
            worst = max(worst, haversine_m(*back, lat_f, lon_f), haversine_m(*again, lat_f, lon_f))
    assert worst < 0.5
    # in fact the iteration is far tighter than the brief's half metre
    assert worst < 0.01


@given(
    st.floats(min_value=18.0, max_value=53.0),
    st.floats(min_value=74.0, max_value=135.0),
)
def test_round_trip_property(lat, lon):
    back = gcj02_to_wgs84(*wgs84_to_gcj02(lat, lon))
    assert haversine_m(*back, lat, lon) < 0.5
    # and the shift itself is never nothing inside and never kilometres
    assert 1.0 < gcj02_offset_m(lat, lon) < 1500.0


@pytest.mark.parametrize(
    ("lat", "lon"),
    [
        (51.4779, -0.0015),  # Greenwich
        (35.6812, 139.7671),  # Tokyo, east of the box
        (-33.8568, 151.2153),  # Sydney
        (40.7128, -74.006),  # New York
        (0.0, 0.0),
        (60.0, 100.0),  # north of the box
        (0.5, 110.0),  # south of the box
        (30.0, 71.9),  # west of the box
    ],
)
def test_points_outside_china_are_unchanged(lat, lon):
    assert out_of_china(lat, lon)
    assert wgs84_to_gcj02(lat, lon) == (lat, lon)
    assert gcj02_to_wgs84(lat, lon) == (lat, lon)
    assert gcj02_offset_m(lat, lon) == 0.0


def test_points_inside_china_are_inside():
    assert not out_of_china(26.08, 103.18)  # Dongchuan
    assert not out_of_china(39.9042, 116.4074)  # Beijing
    assert not out_of_china(43.8256, 87.6168)  # Urumqi


def test_the_array_forms_agree_with_the_scalar_ones():
    lat = np.array([[26.08, 31.1774276, 51.4779], [22.543847, 45.0, -33.8568]])
    lon = np.array([[103.18, 121.5272106, -0.0015], [113.912316, 123.0, 151.2153]])
    g_lat, g_lon = wgs84_to_gcj02_array(lat, lon)
    w_lat, w_lon = gcj02_to_wgs84_array(lat, lon)
    assert g_lat.shape == lat.shape and w_lon.shape == lon.shape
    for index in np.ndindex(lat.shape):
        la, lo = float(lat[index]), float(lon[index])
        assert (g_lat[index], g_lon[index]) == pytest.approx(wgs84_to_gcj02(la, lo), abs=1e-12)
        assert (w_lat[index], w_lon[index]) == pytest.approx(gcj02_to_wgs84(la, lo), abs=1e-9)
    # the points outside are passed through exactly
    assert (g_lat[0, 2], g_lon[0, 2]) == (51.4779, -0.0015)
    assert (w_lat[1, 2], w_lon[1, 2]) == (-33.8568, 151.2153)
    # the inputs are not touched
    assert lat[0, 0] == 26.08


def test_the_array_forms_round_trip_a_grid():
    lat, lon = np.meshgrid(GRID_LAT, GRID_LON, indexing="ij")
    back_lat, back_lon = gcj02_to_wgs84_array(*wgs84_to_gcj02_array(lat, lon))
    worst = max(
        haversine_m(float(a), float(b), float(c), float(d))
        for a, b, c, d in zip(
            back_lat.ravel(), back_lon.ravel(), lat.ravel(), lon.ravel(), strict=True
        )
    )
    assert worst < 0.5


def test_the_array_forms_take_lists_and_pass_nan_through():
    lat, lon = gcj02_to_wgs84_array([26.08, math.nan], [103.18, 103.18])
    assert math.isnan(lat[1]) and lon[1] == 103.18
    assert haversine_m(float(lat[0]), float(lon[0]), 26.08, 103.18) > 300.0
    assert out_of_china_array([26.08, math.nan, 51.0], [103.18, 103.18, 0.0]).tolist() == [
        False,
        True,
        True,
    ]


def test_haversine_against_the_sphere():
    one_degree = EARTH_MEAN_RADIUS_M * math.pi / 180.0
    assert haversine_m(26.0, 103.0, 27.0, 103.0) == pytest.approx(one_degree, rel=1e-12)
    # along the equator too, and east-west the same as west-east
    assert haversine_m(0.0, 10.0, 0.0, 11.0) == pytest.approx(one_degree, rel=1e-12)
    assert haversine_m(0.0, 11.0, 0.0, 10.0) == haversine_m(0.0, 10.0, 0.0, 11.0)
    # at 60 degrees a degree of longitude is half as long
    assert haversine_m(60.0, 0.0, 60.0, 0.001) == pytest.approx(one_degree / 2000, rel=1e-6)
    assert haversine_m(26.08, 103.18, 26.08, 103.18) == 0.0
    assert haversine_m(0.0, 0.0, 0.0, 180.0) == pytest.approx(math.pi * EARTH_MEAN_RADIUS_M)
    assert haversine_m(90.0, 0.0, -90.0, 0.0) == pytest.approx(math.pi * EARTH_MEAN_RADIUS_M)


@pytest.mark.parametrize(
    ("width", "bar"),
    [
        (1.0, 0.2),
        (4.0, 1.0),
        (10.0, 2.0),
        (40.0, 10.0),
        (3000.0, 500.0),
        (10000.0, 2000.0),
        (45000.0, 10000.0),
        (80000.0, 20000.0),
        (100.0, 20.0),
        (99.99999999999999, 20.0),
    ],
)
def test_scale_bar_lengths(width, bar):
    assert scale_bar_length(width) == pytest.approx(bar, rel=1e-12)


def test_scale_bar_fraction_can_be_chosen():
    assert scale_bar_length(10000.0, max_fraction=0.5) == 5000.0
    assert scale_bar_length(10000.0, max_fraction=1.0) == 10000.0


@given(st.floats(min_value=1e-3, max_value=4e7))
def test_scale_bar_is_round_and_fits(width):
    bar = scale_bar_length(width)
    mantissa = bar / 10.0 ** math.floor(math.log10(bar) + 1e-9)
    assert round(mantissa, 9) in (1.0, 2.0, 5.0)
    assert bar <= width * 0.25 * (1 + 1e-9)
    # the next round length up would not fit, so the bar is never under 1/2.5 of room
    assert bar >= width * 0.25 / 2.5 * (1 - 1e-9)


@pytest.mark.parametrize("width", [0.0, -5.0, math.nan, math.inf])
def test_scale_bar_refuses_nonsense_widths(width):
    with pytest.raises(ValueError, match="view width"):
        scale_bar_length(width)


def test_scale_bar_refuses_a_bad_fraction():
    with pytest.raises(ValueError, match="max_fraction"):
        scale_bar_length(1000.0, max_fraction=0.0)
