"""The figures of a dataset as numpy columns, built once for all data-quality tests:
codes for indicator, place, program and period, values, and each period's position in
time. One pass over the records; every test after it is vectorised."""

from __future__ import annotations

import datetime as dt

import numpy as np

from ..periods import PeriodError, parse_period
from ..records import DatasetFile

PRECISION = {"year": 0, "quarter": 1, "month": 2, "day": 3}
SPAN = np.array([1.0, 0.25, 1 / 12, 1 / 365])
NONE = 0  # code of "no place / program / period"


def _codes(values: list, table: dict) -> np.ndarray:
    for value in dict.fromkeys(values):  # distinct values, in C
        table.setdefault(value, len(table))
    return np.fromiter(map(table.__getitem__, values), dtype=np.int64, count=len(values))


def _ordinal(p) -> int:
    """Years, quarters, months or days counted from year 0 (days by the calendar)."""
    if p.precision == "year":
        return p.year
    if p.precision == "quarter":
        return p.year * 4 + p.quarter - 1
    if p.precision == "month":
        return p.year * 12 + p.month - 1
    return dt.date(p.year, p.month, p.day).toordinal()


class FigureTable:
    def __init__(self, data: DatasetFile) -> None:
        obs = [o for o in data.observations if o.status != "target"]
        self.observations = obs
        self.indicator_ids: dict[str, int] = {}
        self.place_ids: dict[str | None, int] = {None: NONE}
        self.program_ids: dict[str | None, int] = {None: NONE}
        self.period_ids: dict[str | None, int] = {None: NONE}
        self.indicator = _codes([o.indicator for o in obs], self.indicator_ids)
        self.place = _codes([o.place for o in obs], self.place_ids)
        self.program = _codes([o.program for o in obs], self.program_ids)
        self.period = _codes([o.period for o in obs], self.period_ids)
        self.value = np.fromiter((o.value for o in obs), dtype=np.float64, count=len(obs))
        # periods: position in time and precision (-1: none or not a period)
        start = np.full(len(self.period_ids), np.nan)
        precision = np.full(len(self.period_ids), -1, dtype=np.int8)
        ordinal = np.zeros(len(self.period_ids), dtype=np.int64)
        for text, code in self.period_ids.items():
            if text is None:
                continue
            try:
                p = parse_period(text)
            except PeriodError:
                continue
            start[code] = p.start
            precision[code] = PRECISION[p.precision]
            ordinal[code] = _ordinal(p)
        self.period_start = start
        self.period_ordinal = ordinal  # consecutive periods of one precision differ by 1
        self.period_precision = precision
        self.period_year = np.where(np.isnan(start), -1, np.floor(np.nan_to_num(start))).astype(
            np.int64
        )
        # places: parent and level by code (places without figures get codes too)
        for p in data.places:
            self.place_ids.setdefault(p.id, len(self.place_ids))
            if p.parent is not None:
                self.place_ids.setdefault(p.parent, len(self.place_ids))
        self.parent = np.full(len(self.place_ids), -1, dtype=np.int64)
        self.place_level: dict[int, str] = {}
        for p in data.places:
            code = self.place_ids[p.id]
            self.place_level[code] = p.level
            if p.parent is not None:
                self.parent[code] = self.place_ids[p.parent]
        self.n_place = len(self.place_ids) + 1
        self.n_program = len(self.program_ids) + 1
        self.n_period = len(self.period_ids) + 1

    def key(self, place: np.ndarray, program: np.ndarray, period: np.ndarray) -> np.ndarray:
        return (place * self.n_program + program) * self.n_period + period

    def split_key(self, key: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        period = key % self.n_period
        rest = key // self.n_period
        return rest // self.n_program, rest % self.n_program, period

    def names(self, table: dict) -> list:
        out = [None] * (max(table.values()) + 1 if table else 1)
        for name, code in table.items():
            out[code] = name
        return out
