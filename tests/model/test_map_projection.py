"""Where the map puts places, and how it sizes and colours them (model/map_layout.py)."""

from __future__ import annotations

import math

import numpy as np
import pytest

from dongchuan_gui.model.geo import haversine_m, wgs84_to_gcj02
from dongchuan_gui.model.map_layout import (
    best_year,
    bubble_diameters,
    colour_positions,
    legend_values,
    map_places,
    measures_with_values,
    nice_below,
    pick,
    project,
    project_array,
    scale_for,
    years_with_values,
)
from dongchuan_gui.model.panel import Measure, _empty
from dongchuan_gui.model.records import Location, Place

CENTRE = (26.08, 103.18)


def test_the_centre_projects_to_the_origin():
    assert project(*CENTRE, *CENTRE) == pytest.approx((0.0, 0.0), abs=1e-9)


def test_north_is_up_and_east_is_right_at_true_distance():
    north = project(CENTRE[0] + 0.1, CENTRE[1], *CENTRE)
    east = project(CENTRE[0], CENTRE[1] + 0.1, *CENTRE)
    assert north[0] == pytest.approx(0.0, abs=1e-6)
    assert north[1] == pytest.approx(haversine_m(*CENTRE, CENTRE[0] + 0.1, CENTRE[1]), rel=1e-9)
    assert east[1] > 0  # a parallel curves away from the straight line east
    assert east[0] == pytest.approx(haversine_m(*CENTRE, CENTRE[0], CENTRE[1] + 0.1), rel=1e-3)


@pytest.mark.parametrize(("lat", "lon"), [(26.37, 102.92), (25.87, 103.28), (26.0, 103.0)])
def test_distances_from_the_centre_are_true(lat, lon):
    x, y = project(lat, lon, *CENTRE)
    assert math.hypot(x, y) == pytest.approx(haversine_m(*CENTRE, lat, lon), rel=1e-9)


def test_distances_between_places_are_kept_over_a_district():
    a, b = (26.37, 102.92), (25.87, 103.28)  # about 65 km apart, off-centre
    (xa, ya), (xb, yb) = project(*a, *CENTRE), project(*b, *CENTRE)
    assert math.hypot(xa - xb, ya - yb) == pytest.approx(haversine_m(*a, *b), rel=1e-3)


def test_the_array_form_agrees_with_the_scalar_one():
    lats, lons = np.array([26.3, 25.9, 26.08]), np.array([102.9, 103.3, 103.18])
    xs, ys = project_array(lats, lons, *CENTRE)
    for lat, lon, x, y in zip(lats, lons, xs, ys, strict=True):
        assert (x, y) == pytest.approx(project(float(lat), float(lon), *CENTRE))


def _place(pid, level, lat, lon, datum="GCJ-02"):
    return Place(
        id=pid,
        level=level,
        name_zh=pid,
        name_en=pid.title(),
        location=Location(lat=lat, lon=lon, datum=datum),
    )


def test_places_are_converted_from_gcj02_and_centred_on_the_district_seat():
    places = [
        _place("town", "town", 26.177783, 103.066855),
        _place("district", "district", 26.082873, 103.187824),
        _place("gps", "village", 26.0, 103.1, "WGS-84"),
        _place("unsure", "village", 26.1, 103.1, "unknown"),
        Place(id="nowhere", level="village", name_zh="无"),
    ]
    drawn = map_places(places)
    assert [p.id for p in drawn.places] == ["town", "district", "gps"]
    assert drawn.unknown_datum == ["unsure"]
    assert drawn.converted == 2 and drawn.centre_id == "district"
    town, district, gps = drawn.places
    # the converted point goes back onto the dataset's GCJ-02 one, a few hundred metres off
    assert wgs84_to_gcj02(town.lat, town.lon) == pytest.approx((26.177783, 103.066855), abs=1e-8)
    assert 300 < haversine_m(town.lat, town.lon, 26.177783, 103.066855) < 600
    assert (gps.lat, gps.lon) == (26.0, 103.0 + 0.1) and not gps.converted
    assert (district.x, district.y) == pytest.approx((0.0, 0.0), abs=1e-6)
    assert (town.x, town.y) == pytest.approx(
        project(town.lat, town.lon, district.lat, district.lon)
    )
    assert town.x < 0 < town.y  # north-west of the seat
    assert [p.layer for p in drawn.places] == ["town", "district", "village"]
    # what is left off for want of coordinates is counted by layer, against the total
    assert drawn.no_location == {"village": ["nowhere"]}
    assert drawn.totals == {"town": 1, "district": 1, "village": 3}


def test_picking_prefers_a_value_then_the_higher_level():
    # (layer, has a value), top of the drawing first
    assert pick([("village", False), ("town", True)]) == 1
    assert pick([("town", True), ("village", True)]) == 0
    assert pick([("town", False), ("village", True)]) == 1  # the one with a value
    assert pick([("village", True), ("village", True)]) == 0  # the topmost
    assert pick([("town", True), ("district", True)]) == 1
    assert pick([]) is None


def test_the_year_shown_has_values_when_any_year_has():
    assert best_year({2019, 2023}, (2018, 2025)) == 2023  # neither wanted year has values
    assert best_year({2019, 2023}, (2019, 2023)) == 2019  # the user's year first
    assert best_year({2019, 2023}, (None, 2019)) == 2019  # else the shared one
    assert best_year(set(), (2018,)) is None


def test_without_a_district_the_middle_is_the_centre():
    drawn = map_places(
        [_place("a", "town", 26.0, 103.0, "WGS-84"), _place("b", "town", 26.2, 103.2, "WGS-84")]
    )
    assert drawn.centre == pytest.approx((26.1, 103.1)) and drawn.centre_id is None
    assert drawn.places[0].x == pytest.approx(-drawn.places[1].x, rel=5e-3)


def test_bubble_area_is_proportional_to_the_value():
    d = bubble_diameters([100.0, 25.0, 0.0, np.nan, 1e-9], 100.0, 40.0, 3.0)
    assert d[0] == 40.0 and d[1] == pytest.approx(20.0)  # a quarter of the area
    assert d[2] == 3.0 and d[4] == 3.0  # zero (or nearly) still a visible dot
    assert np.isnan(d[3])  # missing stays missing
    assert (d[0] / d[1]) ** 2 == pytest.approx(100.0 / 25.0)


def test_colours_span_the_fixed_range_and_missing_has_none():
    c = colour_positions([10.0, 20.0, 15.0, np.nan], 10.0, 20.0)
    assert list(c[:3]) == [0.0, 1.0, 0.5] and np.isnan(c[3])
    assert list(colour_positions([5.0], 5.0, 5.0)) == [0.5]
    assert np.isnan(colour_positions([1.0], math.nan, math.nan)).all()


def test_legend_values_are_round_and_below_the_largest():
    assert nice_below(37522) == 20000 and nice_below(4.27) == 2 and nice_below(1000) == 1000
    assert legend_values(37522) == [20000, 10000, 2000]
    assert legend_values(4.27) == [2, 1, 0.2]
    assert legend_values(math.nan) == []
    with pytest.raises(ValueError):
        nice_below(0)


def test_measures_years_and_scales_count_only_the_places_given():
    panel = _empty(
        [
            Measure("figure:a", "A", "甲", "people", True),
            Measure("figure:b", "B", "乙", "%", False),
        ],
        ["p", "q", "r"],
        [2019, 2020],
    )
    panel.values[0, 0, 1] = 10.0  # a: p in 2020
    panel.values[0, 1, 0] = -4.0  # a: q in 2019
    panel.values[1, 2, 0] = 50.0  # b: only r
    assert measures_with_values(panel, ["p", "q"]) == ["figure:a"]
    assert measures_with_values(panel, ["r"]) == ["figure:b"]
    assert years_with_values(panel, "figure:a", ["p"]) == {2020}
    assert years_with_values(panel, "figure:a", ["p", "q"]) == {2019, 2020}
    scale = scale_for(panel, "figure:a", ["p", "q"])
    assert (scale.vmin, scale.vmax, scale.size_max) == (-4.0, 10.0, 10.0)
    assert scale_for(panel, "figure:b", ["p"]).empty
