from __future__ import annotations

import pytest

from dongchuan_gui.model.quality.outliers import outlier_findings

from .helpers import dataset, series

FLAT = {str(y): 100 + (y % 3) for y in range(2008, 2020)}  # 12 calm values, 100..102


def flags(ds, test=None):
    return [f for f in outlier_findings(ds) if test is None or f.test == test]


def test_calm_series_has_no_flags():
    assert flags(dataset(observations=series("jobs", FLAT))) == []


def test_z_score_trips_on_a_far_value_and_says_the_numbers():
    values = {**FLAT, "2020": 160}
    found = flags(dataset(observations=series("jobs", values)), "z")
    assert [f.record_id for f in found] == ["x-2020"]
    text = found[0].text("en")
    assert text.startswith("2020 value 160 is 3.5 standard deviations above the mean")
    assert "of 2008–2020 (threshold 3)" in text
    assert "个标准差" in found[0].text("zh")


def test_z_score_does_not_trip_below_its_threshold():
    values = {**FLAT, "2020": 104}  # z = 2.5
    assert flags(dataset(observations=series("jobs", values)), "z") == []


def test_modified_z_trips_where_a_short_series_hides_it_from_z():
    values = {"2015": 10, "2016": 11, "2017": 10, "2018": 12, "2019": 40}
    ds = dataset(observations=series("jobs", values))
    assert flags(ds, "z") == []  # |z| cannot pass sqrt(n-1) = 2 with five values
    (f,) = flags(ds, "mad")
    assert f.record_id == "x-2019"
    assert "MADs above the median 11 of 2015–2019" in f.text()


def test_modified_z_needs_min_points():
    values = {"2016": 11, "2017": 10, "2018": 12, "2019": 40}
    assert flags(dataset(observations=series("jobs", values)), "mad") == []
    ds = dataset(
        observations=series("jobs", values), meta={"title": "t", "quality": {"min_points": 3}}
    )
    assert [f.record_id for f in flags(ds, "mad")] == ["x-2019"]


def test_modified_z_with_zero_mad_uses_mean_absolute_deviation():
    values = {"2015": 10, "2016": 10, "2017": 10, "2018": 10, "2019": 10, "2020": 30}
    (f,) = flags(dataset(observations=series("jobs", values)), "mad")
    assert f.record_id == "x-2020"
    all_same = {str(y): 7 for y in range(2010, 2020)}
    assert flags(dataset(observations=series("jobs", all_same))) == []


@pytest.mark.parametrize(("value", "code"), [(4, "range_low"), (501, "range_high")])
def test_expected_range_on_the_indicator(value, code):
    ind = [
        {
            "id": "rate",
            "name_zh": "率",
            "name_en": "Rate",
            "unit": "jobs",
            "expected_min": 5,
            "expected_max": 500,
        }
    ]
    ds = dataset(indicators=ind, observations=series("rate", {"2019": value, "2020": 100}))
    (f,) = flags(ds, "range")
    assert f.code == code and f.record_id == "x-2019" and f.importance == "high"
    inside = dataset(indicators=ind, observations=series("rate", {"2019": 5, "2020": 500}))
    assert flags(inside, "range") == []


def test_year_on_year_jump_beyond_the_ratio():
    ds = dataset(observations=series("jobs", {"2018": 100, "2019": 301, "2020": 300}))
    (f,) = flags(ds, "change")
    assert f.record_id == "x-2019"
    assert f.text() == "2019 value 301 is 3.01 times the 2018 value 100 (more than 3 times up)."
    ds = dataset(observations=series("jobs", {"2018": 100, "2019": 300, "2020": 99.9}))
    assert [f.record_id for f in flags(ds, "change")] == ["x-2020"]  # down to < 1/3


def test_jump_not_compared_across_a_gap_or_another_precision():
    ds = dataset(observations=series("jobs", {"2013": 52.88, "2018": 1.09}))
    assert flags(ds, "change") == []
    ds = dataset(observations=series("jobs", {"2018": 10, "2019-01": 100}))
    assert flags(ds, "change") == []
    ds = dataset(observations=series("jobs", {"2019-01": 10, "2019-02": 100}))
    assert [f.record_id for f in flags(ds, "change")] == ["x-2019-02"]


def test_indicator_max_change_overrides_the_dataset_setting():
    ind = [{"id": "calm", "name_zh": "平", "name_en": "Calm", "unit": "jobs", "max_change": 1.5}]
    ds = dataset(indicators=ind, observations=series("calm", {"2018": 100, "2019": 160}))
    assert [f.record_id for f in flags(ds, "change")] == ["x-2019"]


def test_targets_and_undated_figures_are_not_tested():
    values = {**FLAT, "2020": 160}
    obs = series("jobs", values)
    obs[-1]["status"] = "target"
    assert flags(dataset(observations=obs)) == []


def test_flags_never_change_a_value():
    ds = dataset(observations=series("jobs", {**FLAT, "2020": 160}))
    before = [o.value for o in ds.data.observations]
    assert flags(ds)
    assert [o.value for o in ds.data.observations] == before


def test_days_are_consecutive_by_the_calendar():
    ds = dataset(observations=series("jobs", {"2019-01-01": 10, "2019-01-03": 100}))
    assert flags(ds, "change") == []  # two days apart
    ds = dataset(observations=series("jobs", {"2019-02-28": 10, "2019-03-01": 100}))
    assert [f.record_id for f in flags(ds, "change")] == ["x-2019-03-01"]
