"""The live what-if behind the monitoring line slider (no Qt).

One step answers, for a line value (and "without transfer income"), how many households
of each village fall below it, split by monitoring category, and how many of them are
"newly below" (below the what-if line, not below the rule set's line). It costs one
``np.searchsorted`` of (villages × 4) thresholds in a key presorted once per flag:
``(village * 4 + category) << 40 | income in fen`` (see ``income_key``), so a step is
O(groups · log n): about 0.3 ms at 1M households with warm caches, 1.2-1.5 ms when
other work ran in between (benchmarks/monitoring_model.py). ``aggregate.what_if`` gives
the per-village counts alone from the (village, income) key; this adds the categories
and the newly-below counts for the same price.

The histogram's bins are fixed once per register (both flags share them, so the two
pictures compare); only the line moves, and the view draws it. The newly-below *mask*
(to filter the table) is a pass over the households, asked for on demand, not per step.

A category is the monitoring type of a household *in monitoring* (risk not eliminated);
everyone else, including households whose risk was eliminated, is category 0.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

from .income_key import IncomeKey, _build_key
from .rules import Evaluation, RuleSet, line_per_village
from .schema import MONITORING_TYPE, RISK_STATUS
from .store import Register

CATEGORIES = 4
CATEGORY_LABELS: tuple[tuple[str, str], ...] = (
    ("未在监测（含风险已消除）", "not in monitoring (incl. risk eliminated)"),
    *((c.zh, c.en) for c in MONITORING_TYPE.codes[1:]),
)
DEFAULT_BINS = 60


def monitoring_category(reg: Register) -> np.ndarray:
    """Per household: its monitoring type while in monitoring, else 0 (int8)."""
    status = reg.columns["risk_status"]
    monitoring = status == RISK_STATUS.value_of("monitoring")
    return np.where(monitoring, reg.columns["mon_type"], 0).astype(np.int8)


def what_if_income(reg: Register, year: int, without_transfer: bool) -> np.ndarray:
    """The income the what-if compares: as recorded, or without the transfer part
    (rounded to the fen, as the presorted keys compare)."""
    income = reg.income(year)
    if not without_transfer:
        return income
    return np.round(income - reg.year_col("transfer", year), 2)


def newly_below_mask(
    reg: Register, evaluation: Evaluation, line: float, without_transfer: bool = False
) -> np.ndarray:
    """Households below the what-if ``line`` that are not below the rule set's line
    of the evaluation's year (missing incomes never are)."""
    what_if = what_if_income(reg, evaluation.year, without_transfer)
    return (what_if < line) & ~(reg.income(evaluation.year) < evaluation.line)


@dataclass(frozen=True)
class Histogram:
    """Households per income bin (yuan per person); the line is drawn by the view."""

    edges: np.ndarray  # float64, bins + 1
    counts: np.ndarray  # int64 per bin
    under: int  # incomes below edges[0]
    over: int  # incomes at or above edges[-1]
    missing: int
    without_transfer: bool


@dataclass(frozen=True)
class WhatIfStep:
    """Counts for one line value; arrays are (villages, CATEGORIES)."""

    year: int
    line: float
    without_transfer: bool
    villages: np.ndarray  # codes
    below: np.ndarray
    known: np.ndarray  # households with an income
    newly: np.ndarray | None  # None with ``without_transfer``: ask for the mask instead
    histogram: Histogram

    @property
    def below_village(self) -> np.ndarray:
        return self.below.sum(axis=1)

    @property
    def below_category(self) -> np.ndarray:
        return self.below.sum(axis=0)

    @property
    def total_below(self) -> int:
        return int(self.below.sum())

    @property
    def total_known(self) -> int:
        return int(self.known.sum())

    @property
    def total_newly(self) -> int | None:
        return None if self.newly is None else int(self.newly.sum())

    def share_village(self) -> np.ndarray:
        """Percent of households with an income below the line, per village."""
        known = self.known.sum(axis=1)
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(known > 0, self.below_village / known * 100, np.nan)


class WhatIfModel:
    """What-if steps over one register and year; ``rules`` gives the "newly below"
    counts (without it ``newly`` is None). Keys and histograms are built on first use
    or by ``prepare()`` (about a tenth of a second per flag at 1M households)."""

    def __init__(
        self,
        reg: Register,
        rules: RuleSet | None = None,
        year: int | None = None,
        *,
        bins: int = DEFAULT_BINS,
    ) -> None:
        self.reg = reg
        self.year = reg.latest_year if year is None else year
        reg.income(self.year)  # KeyError when the register has no such year
        self.rules = rules
        self.villages = reg.villages
        self.towns, self._town_of = reg.groups("town")
        self._bins = bins
        self._rule_line: np.ndarray | None = None
        if rules is not None:
            per_village, _ = line_per_village(reg, rules, self.year)
            self._rule_line = np.repeat(per_village, CATEGORIES)
        self._keys: dict[bool, IncomeKey] = {}
        self._hists: dict[bool, Histogram] = {}
        self._edges: np.ndarray | None = None

    def prepare(self) -> None:
        """Build both keys and histograms now (e.g. while the register opens)."""
        for flag in (False, True):
            self.key(flag)
            self.histogram(flag)

    def key(self, without_transfer: bool = False) -> IncomeKey:
        key = self._keys.get(without_transfer)
        if key is None:
            reg = self.reg
            groups = reg.village_idx.astype(np.int64) * CATEGORIES + monitoring_category(reg)
            income = what_if_income(reg, self.year, without_transfer)
            key = _build_key(income, groups, len(self.villages) * CATEGORIES, self.year)
            self._keys[without_transfer] = key
        return key

    def step(self, line: float, without_transfer: bool = False) -> WhatIfStep:
        """Who falls below ``line`` yuan, per village and category."""
        key = self.key(without_transfer)
        shape = (len(self.villages), CATEGORIES)
        below = key.count_below(line).reshape(shape)
        newly = None
        if self._rule_line is not None and not without_transfer:
            # below the what-if line and not below the rule set's: L <= income < line
            below_both = key.count_below(np.minimum(line, self._rule_line)).reshape(shape)
            newly = below - below_both
        return WhatIfStep(
            self.year, float(line), without_transfer, self.villages, below,
            key.known.reshape(shape), newly, self.histogram(without_transfer),
        )

    def per_town(self, per_village: np.ndarray) -> np.ndarray:
        """Sum village rows (first axis) into the towns of ``self.towns``."""
        out = np.zeros((len(self.towns), *per_village.shape[1:]), dtype=per_village.dtype)
        np.add.at(out, self._town_of, per_village)
        return out

    def edges(self) -> np.ndarray:
        """Bin edges, fixed once: from 0 to past the 99.5th percentile of the year's
        recorded incomes in round steps."""
        if self._edges is None:
            income = self.reg.income(self.year)
            known = income[~np.isnan(income)]
            top = float(np.quantile(known, 0.995)) if len(known) else 10000.0
            width = _nice(max(top, 1.0) / self._bins)
            self._edges = np.arange(self._bins + 1) * width
        return self._edges

    def histogram(self, without_transfer: bool = False) -> Histogram:
        hist = self._hists.get(without_transfer)
        if hist is None:
            hist = self._hists[without_transfer] = self._histogram(without_transfer)
        return hist

    def _histogram(self, without_transfer: bool) -> Histogram:
        edges = self.edges()
        income = what_if_income(self.reg, self.year, without_transfer)
        missing = np.isnan(income)
        width = float(edges[1] - edges[0])
        at = np.floor(np.where(missing, -1.0, income) / width)
        bins = len(edges) - 1
        under = int(np.count_nonzero((at < 0) & ~missing))
        over = int(np.count_nonzero(at >= bins))
        inside = at[(at >= 0) & (at < bins)].astype(np.int64)
        counts = np.bincount(inside, minlength=bins).astype(np.int64)
        return Histogram(edges, counts, under, over, int(np.count_nonzero(missing)),
                         without_transfer)

    def newly_below(self, evaluation: Evaluation, line: float,
                    without_transfer: bool = False) -> np.ndarray:
        """The mask for the table's "newly below" filter (a pass over the households)."""
        if evaluation.year != self.year:
            raise ValueError(f"the evaluation is of {evaluation.year}, the what-if of {self.year}")
        return newly_below_mask(self.reg, evaluation, line, without_transfer)


def _nice(step: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10^k that is at least ``step``."""
    power = 10.0 ** math.floor(math.log10(step))
    for factor in (1.0, 2.0, 2.5, 5.0, 10.0):
        if factor * power >= step:
            return factor * power
    return 10.0 * power
