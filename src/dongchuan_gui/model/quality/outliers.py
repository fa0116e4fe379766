"""Outlier flags with their reasons, per series (one indicator at one place for one
program, in time order). Four tests, thresholds from the dataset's quality settings:

- ``z``: |value - mean| / standard deviation above ``z_max`` (population SD; with n
  values |z| cannot exceed sqrt(n - 1), so short series rarely trip it);
- ``mad``: modified z-score 0.6745 (value - median) / MAD above ``mad_max``
  (Iglewicz & Hoaglin; when MAD is 0 the mean absolute deviation x 1.253314 is used);
- ``range``: outside the indicator's expected_min / expected_max;
- ``change``: a value more than ``change_max`` times (or under 1 / that) the value of
  the period just before it (the year before a year, the month before a month; the
  indicator's ``max_change`` when set). Values further apart are not compared.

Both statistical tests need ``min_points`` dated values. Flags never change a value.
All work is vectorised (numpy) over the whole dataset: 100k figures in well under 1 s.
"""

from __future__ import annotations

import numpy as np

from ..dataset import Dataset
from .findings import Finding
from .messages import number
from .table import FigureTable


def _group_stats(values: np.ndarray, starts: np.ndarray, sizes: np.ndarray):
    """Per group: mean, population SD, median (values sorted within groups)."""
    sums = np.add.reduceat(values, starts)
    means = sums / sizes
    dev = values - np.repeat(means, sizes)
    sd = np.sqrt(np.add.reduceat(dev * dev, starts) / sizes)
    lo = starts + (sizes - 1) // 2
    hi = starts + sizes // 2
    return means, sd, lo, hi


def _medians(values: np.ndarray, group: np.ndarray, starts, sizes) -> np.ndarray:
    order = np.lexsort((values, group))
    ordered = values[order]
    lo = starts + (sizes - 1) // 2
    hi = starts + sizes // 2
    return (ordered[lo] + ordered[hi]) / 2


def outlier_findings(dataset: Dataset, table: FigureTable | None = None) -> list[Finding]:
    settings = dataset.data.meta.quality_settings()
    t = table or FigureTable(dataset.data)
    dated = np.flatnonzero(t.period_precision[t.period] >= 0)
    if not len(dated):
        return []
    series_key = (t.indicator[dated] * t.n_place + t.place[dated]) * t.n_program + t.program[dated]
    _, group = np.unique(series_key, return_inverse=True)
    when = t.period_start[t.period[dated]]
    order = np.lexsort((when, group))  # by series, then time
    rows = dated[order]
    group, when = group[order], when[order]
    precision = t.period_precision[t.period[rows]]
    values = t.value[rows]
    observations = t.observations
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    sizes = np.diff(np.r_[starts, len(group)])
    first_when = when[starts]
    last_when = when[starts + sizes - 1]
    out: list[Finding] = []

    # z and modified z
    means, sd, _, _ = _group_stats(values, starts, sizes)
    medians = _medians(values, group, starts, sizes)
    med_each = np.repeat(medians, sizes)
    mad = _medians(np.abs(values - med_each), group, starts, sizes)
    mean_ad = np.add.reduceat(np.abs(values - med_each), starts) / sizes
    enough = np.repeat(sizes >= settings.min_points, sizes)
    sd_each = np.repeat(sd, sizes)
    with np.errstate(divide="ignore", invalid="ignore"):
        z = np.where(sd_each > 0, (values - np.repeat(means, sizes)) / sd_each, 0.0)
        mad_each = np.repeat(mad, sizes)
        scale = np.where(mad_each > 0, mad_each / 0.6745, np.repeat(mean_ad, sizes) * 1.253314)
        mz = np.where(scale > 0, (values - med_each) / scale, 0.0)
    series_of = np.repeat(np.arange(len(starts)), sizes)
    for test, scores, centres, threshold in (
        ("z", z, np.repeat(means, sizes), settings.z_max),
        ("mad", mz, med_each, settings.mad_max),
    ):
        for i in np.flatnonzero(enough & (np.abs(scores) > threshold)):
            s = series_of[i]
            out.append(
                _finding(
                    observations[rows[i]],
                    test,
                    test,
                    {
                        "value": number(values[i]),
                        "score": f"{abs(scores[i]):.1f}",
                        "side": "above" if scores[i] > 0 else "below",
                        "centre": number(round(float(centres[i]), 4)),
                        "first": _year(first_when[s]),
                        "last": _year(last_when[s]),
                        "threshold": number(threshold),
                    },
                )
            )

    # expected ranges
    ind_names = t.names(t.indicator_ids)
    lo = np.full(len(ind_names), -np.inf)
    hi = np.full(len(ind_names), np.inf)
    limits_by_ind = np.full(len(ind_names), settings.change_max)
    by_id = {ind.id: ind for ind in dataset.data.indicators}
    for code, name in enumerate(ind_names):
        ind = by_id.get(name)
        if ind is None:
            continue
        if ind.expected_min is not None:
            lo[code] = ind.expected_min
        if ind.expected_max is not None:
            hi[code] = ind.expected_max
        if ind.max_change is not None:
            limits_by_ind[code] = ind.max_change
    all_rows = np.arange(len(t.value))
    for code, bounds, outside in (
        ("range_low", lo, t.value < lo[t.indicator]),
        ("range_high", hi, t.value > hi[t.indicator]),
    ):
        for i in all_rows[outside]:
            obs = observations[i]
            ind = by_id[obs.indicator]
            out.append(
                _finding(
                    obs,
                    "range",
                    code,
                    {
                        "value": number(t.value[i]),
                        "bound": number(bounds[t.indicator[i]]),
                        "indicator": ind.name_en,
                        "indicator_zh": ind.name_zh,
                    },
                )
            )

    # year-on-year (period-on-period) change
    ordinal = t.period_ordinal[t.period[rows]]
    same = np.r_[
        False,
        (group[1:] == group[:-1])
        & (precision[1:] == precision[:-1])
        & (np.diff(ordinal) == 1),  # the period just before: 2018 → 2019, Jan 31 → Feb 1
    ]
    prev = np.r_[np.nan, values[:-1]]
    both_positive = same & (values > 0) & (prev > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratio = np.where(both_positive, values / prev, 1.0)
    limit_each = limits_by_ind[t.indicator[rows]]
    for i in np.flatnonzero(both_positive & ((ratio > limit_each) | (ratio < 1 / limit_each))):
        up = ratio[i] > 1
        out.append(
            _finding(
                observations[rows[i]],
                "change",
                "change",
                {
                    "value": number(values[i]),
                    "previous": number(values[i - 1]),
                    "previous_period": observations[rows[i - 1]].period,
                    "ratio": f"{ratio[i]:.2f}" if up else f"{ratio[i]:.3g}",
                    "threshold": number(limit_each[i]),
                    "direction": "up" if up else "down",
                },
            )
        )
    return out


def _year(start: float) -> str:
    return str(int(np.floor(start)))


def _finding(obs, test: str, code: str, params: dict) -> Finding:
    return Finding(
        key=f"{test}:{obs.id}",
        kind="outlier",
        test=test,
        importance="medium" if test != "range" else "high",
        record_kind="observations",
        record_id=obs.id,
        code=code,
        params={"period": obs.period, **params},
        indicator=obs.indicator,
        place=obs.place,
        program=obs.program,
        period=obs.period,
        value=float(obs.value),
    )
