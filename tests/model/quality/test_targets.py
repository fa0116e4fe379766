from __future__ import annotations

import pytest

from dongchuan_gui.model.quality.targets import progress

from .helpers import dataset, series


def one(ds):
    (p,) = progress(ds)
    return p


def target_case(actual, *, direction="increase", target=100.0, baseline=None, cumulative=False):
    ind = [
        {
            "id": "k",
            "name_zh": "指标",
            "name_en": "K",
            "unit": "jobs",
            "direction": direction,
            "cumulative": cumulative,
        }
    ]
    obs = series("k", {"2020": actual}, prefix="a") + series("k", {"2020": target}, prefix="t")
    obs[1]["status"] = "target"
    if baseline is not None:
        obs += series("k", {"2015": baseline}, prefix="b")
        obs[-1]["status"] = "baseline"
    return dataset(indicators=ind, observations=obs)


@pytest.mark.parametrize(
    ("actual", "light"),
    [
        (85.1, "on_track"),
        (84.9, "behind"),
        (114.9, "on_track"),
        (115.1, "ahead"),
        (100, "on_track"),
    ],
)
def test_up_is_good_edges_of_the_band(actual, light):
    assert one(target_case(actual)).light == light


@pytest.mark.parametrize(
    ("actual", "light"),
    [(85.1, "on_track"), (84.9, "ahead"), (114.9, "on_track"), (115.1, "behind")],
)
def test_down_is_good_flips_behind_and_ahead(actual, light):
    assert one(target_case(actual, direction="decrease")).light == light


def test_band_is_the_dataset_setting():
    ds = target_case(89)
    assert one(ds).light == "on_track"
    ds.data.meta.quality = type(ds.data.meta.quality_settings())(on_track_band=10.0)
    p = one(ds)
    assert p.light == "behind"
    assert (
        p.text() == "89 jobs is 11 % below the target 100 (actual of the same period;"
        " within ±10 % is on track)."
    )
    assert p.text("zh") == "实际 89 个，比目标 100 低 11%（同期实际值；±10% 以内为正常）。"


def test_achieved_percent_uses_the_baseline_when_there_is_one():
    assert one(target_case(90)).achieved == pytest.approx(90)
    assert one(target_case(90, baseline=50)).achieved == pytest.approx(80)
    down = one(target_case(10, direction="decrease", target=0, baseline=50))
    assert down.achieved == pytest.approx(80)
    assert down.light == "behind"  # 10 above 0, with the band scaled by baseline - target


def test_zero_target_without_baseline_cannot_be_judged():
    p = one(target_case(1, direction="decrease", target=0))
    assert p.light == "no_rule" and "no baseline" in p.text()


def test_target_without_actual_says_so():
    ind = [{"id": "k", "name_zh": "指标", "name_en": "K", "unit": "jobs"}]
    obs = series("k", {"2020": 100}, prefix="t")
    obs[0]["status"] = "target"
    p = one(dataset(indicators=ind, observations=obs))
    assert p.light == "no_actual" and p.actual is None
    assert p.text() == "No actual reported for 2020; nothing to compare with the target."


def test_cumulative_takes_the_latest_value_by_the_period_end():
    ind = [{"id": "k", "name_zh": "指标", "name_en": "K", "unit": "jobs", "cumulative": True}]
    obs = series("k", {"2018": 40, "2019": 95, "2021": 200}, prefix="a")
    obs += [{**series("k", {"2020": 100}, prefix="t")[0], "status": "target"}]
    p = one(dataset(indicators=ind, observations=obs))
    assert p.actual == 95 and [o.id for o in p.actuals] == ["a-2019"]
    assert p.light == "on_track"


def test_incremental_sums_the_actuals_within_the_target_period():
    ind = [{"id": "k", "name_zh": "指标", "name_en": "K", "unit": "jobs"}]
    obs = series("k", {"2020-01": 30, "2020-06": 30, "2021-01": 99}, prefix="a")
    obs += [{**series("k", {"2020": 100}, prefix="t")[0], "status": "target"}]
    p = one(dataset(indicators=ind, observations=obs))
    assert p.actual == 60 and p.light == "behind"


def test_bundled_target_has_no_actual(seed_data):
    from dongchuan_gui.model.dataset import Dataset

    (p,) = progress(Dataset(seed_data))
    assert p.target.id == "tourism-households" and p.light == "no_actual"


def test_shares_within_a_period_are_not_summed_into_an_actual():
    ind = [{"id": "k", "name_zh": "指标", "name_en": "K", "unit": "%"}]
    obs = series("k", {"2020-03": 30, "2020-06": 30}, prefix="a")
    obs += [{**series("k", {"2020": 100}, prefix="t")[0], "status": "target"}]
    p = one(dataset(indicators=ind, observations=obs))
    assert p.actual is None and p.light == "no_actual"
