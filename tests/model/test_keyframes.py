"""The animated chart's rule: bubbles only at observed values, straight moves only
between consecutive years, tooltips with observed values only."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from dongchuan_gui.model.keyframes import (
    FADING,
    HIDDEN,
    OBSERVED,
    TWEENED,
    Roles,
    Track,
    format_value,
    frame,
    tooltip,
)
from dongchuan_gui.model.panel import Measure, Panel

MEASURES = ["m:x", "m:y", "m:size", "m:colour"]
ROLES = Roles(*MEASURES)
NUMBER = re.compile(r"-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?")


def make_panel(years, values, flags=None, notes=True) -> Panel:
    """values: (4 measures, units, years) with None for missing."""
    arr = np.array(values, dtype=float)
    arr = np.where(np.isnan(arr), np.nan, arr)
    shape = arr.shape
    flags = np.zeros((3, *shape), bool) if flags is None else np.asarray(flags, bool)
    panel = Panel(
        [Measure(m, f"Measure {m[2:]}", f"指标{m[2:]}", "yuan", False) for m in MEASURES],
        [f"u{i}" for i in range(shape[1])],
        np.asarray(years, dtype=np.int64),
        arr,
        flags[0],
        flags[1],
        flags[2],
    )
    for m, u, y in zip(*np.nonzero(panel.derived), strict=True):
        if notes:
            panel.notes[(int(m), int(u), int(y))] = ("worked out by a sum", "求和推导")
        panel.sources[(int(m), int(u), int(y))] = "bulletin, table seven"
    return panel


def one_unit(years, xs, ys, sizes=None, colours=None) -> Panel:
    n = len(years)
    rows = [xs, ys, sizes or [math.nan] * n, colours or [math.nan] * n]
    return make_panel(years, [[r] for r in rows])


# ---------------------------------------------------------------- examples
def test_consecutive_years_tween_on_the_straight_segment():
    panel = one_unit([2019, 2020], [10.0, 20.0], [1.0, 3.0], [100.0, 200.0])
    (s,) = frame(panel, ["u0"], ROLES, 2019.25)
    assert s.kind == TWEENED and (s.year, s.to_year) == (2019, 2020)
    assert (s.x, s.y) == pytest.approx((12.5, 1.5))
    assert s.size == pytest.approx(125.0)
    assert {(c.role, c.year) for c in s.cells} >= {("x", 2019), ("x", 2020)}


def test_a_gap_is_never_bridged():
    panel = one_unit([2019, 2020, 2021], [10.0, math.nan, 30.0], [1.0, math.nan, 3.0])
    s = frame(panel, ["u0"], ROLES, 2019.5)[0]
    assert s.kind == FADING and (s.x, s.y) == (10.0, 1.0) and s.alpha == pytest.approx(0.5)
    assert frame(panel, ["u0"], ROLES, 2020)[0].kind == HIDDEN
    assert frame(panel, ["u0"], ROLES, 2020.9)[0].kind == HIDDEN
    s = frame(panel, ["u0"], ROLES, 2021)[0]
    assert s.kind == OBSERVED and (s.x, s.y) == (30.0, 3.0)


def test_years_missing_from_the_panel_are_a_gap_too():
    # the panel has no 2020 column at all: 2019 -> 2021 is not consecutive
    panel = one_unit([2019, 2021], [10.0, 30.0], [1.0, 3.0])
    assert frame(panel, ["u0"], ROLES, 2019.5)[0].kind == FADING
    assert frame(panel, ["u0"], ROLES, 2020.5)[0].kind == HIDDEN


def test_missing_y_hides_and_missing_size_is_said():
    panel = one_unit([2019, 2020], [10.0, 20.0], [1.0, math.nan], [math.nan, 5.0])
    s = frame(panel, ["u0"], ROLES, 2019)[0]
    assert s.kind == OBSERVED and s.size is None
    assert ("size", "m:size") in s.missing
    assert "no value (2019)" in tooltip(s, panel, "Unit")
    assert frame(panel, ["u0"], ROLES, 2020)[0].kind == HIDDEN


def test_size_is_held_when_the_next_year_has_none():
    panel = one_unit([2019, 2020], [10.0, 20.0], [1.0, 2.0], [100.0, math.nan])
    s = frame(panel, ["u0"], ROLES, 2019.5)[0]
    assert s.kind == TWEENED and s.size == 100.0


def test_unknown_units_and_empty_panels_are_hidden():
    panel = one_unit([2019], [1.0], [2.0])
    assert frame(panel, ["nowhere"], ROLES, 2019)[0].kind == HIDDEN
    assert frame(panel, ["u0"], ROLES, 2018)[0].kind == HIDDEN
    empty = make_panel([], np.zeros((4, 2, 0)))
    assert [s.kind for s in frame(empty, ["u0", "u1"], ROLES, 2019)] == [HIDDEN] * 2


def test_trails_dash_across_gaps():
    panel = one_unit([2018, 2019, 2021], [1.0, 2.0, 4.0], [1.0, 2.0, 4.0])
    track = Track(panel, ["u0"], ROLES)
    points, solid, dashed = track.trails(2021, np.array([True]))
    assert len(points) == 3
    assert solid.tolist() == [[[1.0, 1.0], [2.0, 2.0]]]
    assert dashed.tolist() == [[[2.0, 2.0], [4.0, 4.0]]]
    _, solid, dashed = track.trails(2018.5, np.array([True]))
    assert solid.tolist() == [[[1.0, 1.0], [1.5, 1.5]]] and not len(dashed)


def test_doubt_and_derived_come_from_the_cells_used():
    flags = np.zeros((3, 4, 1, 2), bool)
    flags[1, 0, 0, 1] = True  # x doubtful in 2020
    flags[0, 1, 0, 0] = True  # y derived in 2019
    values = [[[1.0, 2.0]], [[1.0, 2.0]], [[math.nan] * 2], [[math.nan] * 2]]
    panel = make_panel([2019, 2020], values, flags)
    track = Track(panel, ["u0"], ROLES)
    f = track.at(2019)
    assert f.derived[0] and not f.doubt[0]
    f = track.at(2019.5)
    assert f.derived[0] and f.doubt[0]
    text = tooltip(track.state(f, 0), panel, "Unit")
    assert "[doubtful]" in text and "Derived: worked out by a sum" in text
    assert "Source: bulletin, table seven" in text
    zh = tooltip(track.state(f, 0), panel, "单位", "zh", {"derived": "推导：{0}"})
    assert "指标x" in zh and "推导：求和推导" in zh and "元" in zh


def test_data_years_and_extent():
    panel = one_unit([2018, 2019, 2020], [1.0, math.nan, 5.0], [2.0, 3.0, 4.0])
    track = Track(panel, ["u0"], ROLES)
    assert track.data_years() == [2018, 2020]
    assert track.span() == (2018, 2020)
    assert track.extent("x") == (1.0, 5.0)
    assert track.extent("size") is None


# ---------------------------------------------------------------- properties
@st.composite
def panels(draw):
    """Years with and without gaps, values with holes (numbers from a seeded generator:
    drawing each value through hypothesis is 20 times slower)."""
    years = sorted(draw(st.sets(st.integers(2000, 2012), min_size=1, max_size=8)))
    shape = (4, draw(st.integers(1, 4)), len(years))
    rng = np.random.default_rng(draw(st.integers(0, 2**32 - 1)))
    scale = draw(st.sampled_from([3, 10**7]))  # small: many equal values and zeros
    values = rng.integers(-scale, scale, shape) / 100
    values[rng.random(shape) < draw(st.sampled_from([0.0, 0.2, 0.5]))] = np.nan
    return make_panel(years, values, rng.random((3, *shape)) < 0.3)


times = st.one_of(
    st.integers(1998, 2014).map(float),
    st.floats(1998, 2014, allow_nan=False),
)


def keyframes_of(panel, u):
    x, y = panel.values[0, u], panel.values[1, u]
    ok = ~np.isnan(x) & ~np.isnan(y)
    return {int(panel.years[j]): (x[j], y[j]) for j in np.flatnonzero(ok)}


@settings(max_examples=300, deadline=None)
@given(panels(), times)
def test_drawn_positions_are_observed_or_on_a_consecutive_segment(panel, t):
    units = panel.places
    for u, s in enumerate(frame(panel, units, ROLES, t)):
        keys = keyframes_of(panel, u)
        if t == int(t):
            # at a whole year: drawn exactly when observed there, at that value
            if int(t) in keys:
                assert s.kind == OBSERVED and (s.x, s.y) == keys[int(t)]
            else:
                assert not s.drawn
        if not s.drawn:
            assert s.x is None and s.y is None
            continue
        assert s.year in keys and s.year <= t < s.year + 1
        if (s.x, s.y) == keys[s.year]:
            continue  # exactly an observed value of an observed year
        # else: on the segment to the NEXT year's observation, at the time's fraction
        assert s.kind == TWEENED and s.to_year == s.year + 1 and s.to_year in keys
        (x0, y0), (x1, y1) = keys[s.year], keys[s.to_year]
        f = t - s.year
        assert 0 < f < 1
        assert s.x == pytest.approx(x0 + f * (x1 - x0), rel=1e-9, abs=1e-6)
        assert s.y == pytest.approx(y0 + f * (y1 - y0), rel=1e-9, abs=1e-6)
        lo_x, hi_x = sorted((x0, x1))
        assert lo_x - 1e-6 <= s.x <= hi_x + 1e-6


@settings(max_examples=300, deadline=None)
@given(panels(), times)
def test_sizes_and_colours_are_observed_or_tweened_between_consecutive_years(panel, t):
    for u, s in enumerate(frame(panel, panel.places, ROLES, t)):
        for m, v in ((2, s.size), (3, s.colour)):
            if v is None:
                continue
            row = panel.values[m, u]
            observed = {float(row[j]) for j in np.flatnonzero(~np.isnan(row))}
            if v in observed:
                continue
            assert s.kind == TWEENED
            a, b = panel.year_index(s.year), panel.year_index(s.to_year)
            lo, hi = sorted((row[a], row[b]))
            assert lo - 1e-6 <= v <= hi + 1e-6


@settings(max_examples=300, deadline=None)
@given(panels(), times)
def test_tooltips_hold_observed_values_only(panel, t):
    for u, s in enumerate(frame(panel, panel.places, ROLES, t)):
        observed = {format_value(float(v)) for v in panel.values[:, u].ravel() if v == v}
        years = {str(int(y)) for y in panel.years} | {str(int(y) + 1) for y in panel.years}
        text = tooltip(s, panel, "Some unit")
        for token in NUMBER.findall(text):
            assert token in observed | years, (token, text)
        # and each value drawn says which year it belongs to
        for c in s.cells:
            assert f"{format_value(c.cell.value)} yuan ({c.year})" in text
            assert (
                c.cell.value == panel.values[MEASURES.index(c.measure), u][panel.year_index(c.year)]
            )


@given(st.integers(-(10**9), 10**9).map(lambda v: v / 100))
def test_format_value_is_the_value(v):
    assert float(format_value(v).replace(",", "")) == pytest.approx(v, abs=0.005)
