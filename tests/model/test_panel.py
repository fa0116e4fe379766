"""The panel of values never invents one: missing years stay missing, roll-ups are
derived and only complete unless asked, register values carry the register's name."""

from __future__ import annotations

import numpy as np

from dongchuan_gui.model.panel import (
    SeriesKey,
    figures_panel,
    merge,
    program_panel,
    register_panel,
    roll_up,
)

from .quality.helpers import dataset, series

VILLAGES = [
    {"id": "v1", "level": "village", "name_zh": "一村", "parent": "t"},
    {"id": "v2", "level": "village", "name_zh": "二村", "parent": "t"},
]


def test_yearly_figures_only_and_gaps_stay_missing():
    obs = series("jobs", {"2015": 10, "2018": 40}, place="t") + series(
        "jobs", {"2016-05": 99}, place="t", prefix="m"
    )
    p = figures_panel(dataset(observations=obs))
    assert list(p.years) == [2013, 2015, 2018]  # the monthly figure is left out
    assert p.cell("figure:jobs", "t", 2015).value == 10
    assert p.cell("figure:jobs", "t", 2016).missing  # not interpolated
    assert p.cell("figure:jobs", "t", 2017).missing
    assert p.cell("figure:jobs", "t", 2015).source == "An article"  # the title, not the id
    assert list(p.observed_years("figure:jobs", "t")) == [2015, 2018]


def test_a_figure_names_its_source_by_title_with_the_locator():
    obs = series("jobs", {"2015": 10}, place="t")
    obs[0]["locator"] = "para. 12"
    obs += series("jobs", {"2016": 11}, place="t", prefix="n")
    del obs[1]["source"]
    p = figures_panel(dataset(observations=obs))
    assert p.cell("figure:jobs", "t", 2015).source == "An article, para. 12"
    assert p.cell("figure:jobs", "t", 2016).source == ""  # no source: nothing made up


def test_disagreeing_figures_are_marked_doubtful():
    obs = series("jobs", {"2015": 10}, place="t") + series(
        "jobs", {"2015": 12}, place="t", prefix="y"
    )
    assert figures_panel(dataset(observations=obs)).cell("figure:jobs", "t", 2015).doubt


def test_roll_up_is_derived_and_complete_unless_partial_is_asked():
    obs = series("jobs", {"2015": 10, "2016": 5}, place="v1") + series(
        "jobs", {"2015": 7}, place="v2", prefix="b"
    )
    ds = dataset(places=VILLAGES, observations=obs)
    p = roll_up(figures_panel(ds), ds, "town")
    cell = p.cell("figure:jobs", "t", 2015)
    assert cell.value == 17 and cell.derived == "sum of 2 of 2 places below"
    assert "之和" in cell.derived_zh and not cell.partial
    assert p.cell("figure:jobs", "t", 2016).missing  # v2 has no 2016 value
    partial = roll_up(figures_panel(ds), ds, "town", partial_ok=True).cell("figure:jobs", "t", 2016)
    assert partial.value == 5 and partial.partial
    # a per-person income in yuan is not added up; a sum of money declared so is
    money = [{"id": "inc", "name_zh": "收入", "name_en": "Income", "unit": "yuan"}]
    obs = series("inc", {"2015": 9000}, place="v1") + series(
        "inc", {"2015": 8000}, place="v2", prefix="b"
    )
    ds = dataset(places=VILLAGES, indicators=money, observations=obs)
    assert roll_up(figures_panel(ds), ds, "town").cell("figure:inc", "t", 2015).missing
    money[0]["aggregation"] = "sum"
    ds = dataset(places=VILLAGES, indicators=money, observations=obs)
    assert roll_up(figures_panel(ds), ds, "town").cell("figure:inc", "t", 2015).value == 17000
    # shares are not added up
    share = series("share", {"2015": 40}, place="v1") + series(
        "share", {"2015": 50}, place="v2", prefix="b"
    )
    ds = dataset(places=VILLAGES, observations=share)
    assert roll_up(figures_panel(ds), ds, "town").cell("figure:share", "t", 2015).missing


def test_roll_up_never_replaces_an_observed_value():
    obs = (
        series("jobs", {"2015": 10}, place="v1")
        + series("jobs", {"2015": 7}, place="v2", prefix="b")
        + series("jobs", {"2015": 20}, place="t", prefix="c")
    )
    ds = dataset(places=VILLAGES, observations=obs)
    cell = roll_up(figures_panel(ds), ds, "town").cell("figure:jobs", "t", 2015)
    assert cell.value == 20 and cell.derived == ""


def test_program_panel_takes_the_district_figure_only_and_merge():
    ds = dataset(observations=series("jobs", {"2019": 3}, place="d", program="g"))
    p = program_panel(ds)
    assert p.places == ["g"] and p.cell("figure:jobs", "g", 2019).value == 3
    at_town = dataset(observations=series("jobs", {"2019": 3}, place="t", program="g"))
    assert program_panel(at_town).cell("figure:jobs", "g", 2019).missing  # the town's
    both = merge(figures_panel(ds), figures_panel(ds))
    assert both.values.shape[0] == 2 * len(ds.data.indicators)


def test_register_panel_values_are_derived_and_name_the_register():
    from dongchuan_gui.model.register.aggregate import Provenance

    class Agg:
        year = 2021
        codes = np.array([530113105000])
        households = np.array([10])
        persons = np.array([40])
        monitored = np.array([[1, 0, 1]])
        below = np.array([3])
        incidence = np.array([np.nan])
        median_income = np.array([9000.0])
        provenance = Provenance("demo", "r.parquet", None, True, 10, "rs", 2, 2021)

    p = register_panel([Agg()], ["530113000000", "530113105000"])
    cell = p.cell("register:monitored", "530113105000", 2021)
    assert cell.value == 2 and cell.derived.startswith("derived from the register demo")
    assert "invented" in cell.derived and "虚构" in cell.derived_zh
    assert p.cell("register:incidence", "530113105000", 2021).missing  # NaN stays missing
    assert p.cell("register:households", "530113000000", 2021).missing


def test_series_key_is_a_value():
    a = SeriesKey("figure:jobs", "t")
    assert a == SeriesKey("figure:jobs", "t") and hash(a) == hash(SeriesKey("figure:jobs", "t"))
    assert (a.kind, a.name) == ("figure", "jobs")
