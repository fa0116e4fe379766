"""A panel of values: measure × place × year arrays with a missing mask, for the map,
the animated chart and aggregate timelines (no Qt).

Measures are dataset indicators (``SeriesKey``-like ids ``"figure:<indicator>"``,
yearly figures only) and the household register's per-village aggregates
(``"register:<name>"``, always derived). Every cell knows whether it was observed,
derived (and how), doubtful, and where it came from. Nothing is interpolated: a
year without a value is missing, and callers must show it as missing.

``roll_up`` adds villages up to towns and towns up to the district for measures that
add up (``Indicator.adds_up``: counts, or money and areas declared ``aggregation:
"sum"``): the result is derived ("sum of 14 of 14 places below"), and only made when
every child has a value unless asked (then marked ``partial``).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from .dataset import Dataset
from .periods import PeriodError, parse_period


@dataclass(frozen=True, slots=True)
class SeriesKey:
    """One series: a measure at a place (and program). Hashable; used as a key by the
    views instead of joined strings."""

    measure: str  # "figure:<indicator id>" or "register:<aggregate name>"
    place: str | None = None
    program: str | None = None

    @property
    def kind(self) -> str:
        return self.measure.split(":", 1)[0]

    @property
    def name(self) -> str:
        return self.measure.split(":", 1)[1]


@dataclass(frozen=True, slots=True)
class Cell:
    value: float | None
    derived: str = ""  # how it was worked out ("" for an observed value)
    derived_zh: str = ""
    doubt: bool = False
    partial: bool = False
    source: str = ""  # "source title, locator" (empty: no source)

    @property
    def missing(self) -> bool:
        return self.value is None


@dataclass
class Measure:
    id: str
    name_en: str
    name_zh: str
    unit: str
    additive: bool


@dataclass
class Panel:
    measures: list[Measure]
    places: list[str]
    years: np.ndarray  # int, sorted
    values: np.ndarray  # (measures, places, years) float; NaN = missing
    derived: np.ndarray  # bool, same shape
    doubt: np.ndarray  # bool
    partial: np.ndarray  # bool
    notes: dict[tuple[int, int, int], tuple[str, str]] = field(default_factory=dict)  # en, zh
    sources: dict[tuple[int, int, int], str] = field(default_factory=dict)

    def index(self, measure: str, place: str | None = None) -> tuple[int, int | None]:
        m = next(i for i, x in enumerate(self.measures) if x.id == measure)
        return m, (None if place is None else self.places.index(place))

    def year_index(self, year: int) -> int | None:
        i = int(np.searchsorted(self.years, year))
        return i if i < len(self.years) and self.years[i] == year else None

    def cell(self, measure: str, place: str, year: int) -> Cell:
        m, p = self.index(measure, place)
        y = self.year_index(year)
        if y is None or np.isnan(self.values[m, p, y]):
            return Cell(None)
        en, zh = self.notes.get((m, p, y), ("", "")) if self.derived[m, p, y] else ("", "")
        return Cell(
            float(self.values[m, p, y]),
            en,
            zh,
            bool(self.doubt[m, p, y]),
            bool(self.partial[m, p, y]),
            self.sources.get((m, p, y), ""),
        )

    def observed_years(self, measure: str, place: str | None = None) -> np.ndarray:
        """Years with a value (for one place, or for any place)."""
        m, p = self.index(measure, place)
        have = ~np.isnan(self.values[m])
        return self.years[have[p] if p is not None else have.any(axis=0)]


def _empty(measures: list[Measure], places: list[str], years: list[int]) -> Panel:
    shape = (len(measures), len(places), len(years))
    return Panel(
        measures,
        places,
        np.asarray(years, dtype=np.int64),
        np.full(shape, np.nan),
        np.zeros(shape, bool),
        np.zeros(shape, bool),
        np.zeros(shape, bool),
    )


def figures_panel(dataset: Dataset, program: str | None = None) -> Panel:
    """Yearly figures (period precision "year", status reported or estimate) of every
    indicator at every place. Two figures for one cell: the first not doubtful wins and
    the cell is marked doubtful (they disagree)."""
    places = [p.id for p in dataset.data.places]
    where = {p: i for i, p in enumerate(places)}
    cells: dict[tuple[str, str, int], list] = {}
    for obs in dataset.data.observations:
        if obs.status not in ("reported", "estimate", "baseline") or obs.place is None:
            continue
        if obs.program != program or not obs.period:
            continue
        try:
            period = parse_period(obs.period)
        except PeriodError:
            continue
        if period.precision != "year":
            continue
        cells.setdefault((obs.indicator, obs.place, period.year), []).append(obs)
    measures = [
        Measure(
            f"figure:{ind.id}",
            ind.name_en,
            ind.name_zh,
            ind.unit,
            ind.adds_up(),
        )
        for ind in dataset.data.indicators
    ]
    m_of = {m.id: i for i, m in enumerate(measures)}
    years = sorted({y for (_, _, y) in cells})
    y_of = {y: i for i, y in enumerate(years)}
    panel = _empty(measures, places, years)
    for (ind, place, year), found in cells.items():
        if f"figure:{ind}" not in m_of or place not in where:
            continue
        at = (m_of[f"figure:{ind}"], where[place], y_of[year])
        best = next((o for o in found if not o.doubt), found[0])
        panel.values[at] = float(best.value)
        disagree = len({o.value for o in found}) > 1
        panel.doubt[at] = best.doubt or disagree or best.status == "estimate"
        panel.sources[at] = _source_text(dataset, best.source, best.locator)
    return panel


def _source_text(dataset: Dataset, source_id: str | None, locator: str) -> str:
    """ "title, locator" for a figure's source (its id when the dataset has no such
    source); "" without a source."""
    if not source_id:
        return ""
    record = dataset.source(source_id)
    title = record.title if record is not None and record.title else source_id
    return f"{title}, {locator}" if locator else title


def roll_up(panel: Panel, dataset: Dataset, level: str, *, partial_ok: bool = False) -> Panel:
    """``panel`` with the places of ``level`` filled, where they have no value, by the
    sum of their children's values for additive measures (derived). Only when every
    child has a value, unless ``partial_ok`` (then marked partial). Observed values
    are never replaced."""
    out = Panel(
        panel.measures,
        panel.places,
        panel.years,
        panel.values.copy(),
        panel.derived.copy(),
        panel.doubt.copy(),
        panel.partial.copy(),
        dict(panel.notes),
        dict(panel.sources),
    )
    where = {p: i for i, p in enumerate(panel.places)}
    additive = np.array([m.additive for m in panel.measures], dtype=bool)
    for place in dataset.data.places:
        if place.level != level and not (level == "town" and place.level == "township"):
            continue
        kids = [where[c.id] for c in dataset.children(place.id) if c.id in where]
        if not kids:
            continue
        p = where[place.id]
        block = panel.values[:, kids, :]  # (measures, kids, years)
        have = ~np.isnan(block)
        count = have.sum(axis=1)
        sums = np.nansum(block, axis=1)
        enough = (count > 0) if partial_ok else (count == len(kids))
        fill = additive[:, None] & enough & np.isnan(out.values[:, p, :])
        out.values[:, p, :][fill] = sums[fill]
        out.derived[:, p, :][fill] = True
        out.partial[:, p, :][fill] = (count < len(kids))[fill]
        out.doubt[:, p, :][fill] = (panel.doubt[:, kids, :].any(axis=1))[fill]
        for m, y in zip(*np.nonzero(fill), strict=True):
            k = int(count[m, y])
            out.notes[(int(m), p, int(y))] = (
                f"sum of {k} of {len(kids)} places below",
                f"下属 {len(kids)} 个单位中 {k} 个之和",
            )
    return out


REGISTER_MEASURES: dict[str, tuple[str, str, str, bool]] = {
    # name: (English, Chinese, unit, additive)
    "households": ("Households in the register", "登记户数", "households", True),
    "persons": ("People in the register", "登记人数", "people", True),
    "monitored": ("Households in monitoring", "监测户数", "households", True),
    "below": ("Households below the line", "低于监测标准户数", "households", True),
    "incidence": ("Share of people below the line", "低于监测标准人口占比", "%", False),
    "median_income": ("Median income per person", "人均收入中位数", "yuan", False),
}


def register_panel(aggregates: list, places: list[str]) -> Panel:
    """A panel from the register's aggregates (one ``register.aggregate.Aggregate``
    per year, any one level); every value is derived, with the register named."""
    measures = [Measure(f"register:{k}", *v) for k, v in REGISTER_MEASURES.items()]
    years = sorted({a.year for a in aggregates})
    y_of = {y: i for i, y in enumerate(years)}
    code_of = {int(p): i for i, p in enumerate(places) if p.isdigit()}
    panel = _empty(measures, places, years)
    for agg in aggregates:
        y = y_of[agg.year]
        columns = {
            "households": agg.households,
            "persons": agg.persons,
            "monitored": agg.monitored.sum(axis=1),
            "below": agg.below,
            "incidence": agg.incidence,
            "median_income": agg.median_income,
        }
        prov = agg.provenance
        name = prov.register_title or prov.register_file
        note = (
            f"derived from the register {name} ({prov.households:,} households"
            f"{', invented' if prov.synthetic else ''}), rule set {prov.rule_set}"
            f" v{prov.rule_version}",
            f"由监测台账 {name} 推导（{prov.households:,} 户"
            f"{'，虚构数据' if prov.synthetic else ''}），"
            f"规则 {prov.rule_set} 第 {prov.rule_version} 版",
        )
        rows = [code_of.get(int(c), -1) for c in agg.codes]
        for m, measure in enumerate(measures):
            values = np.asarray(columns[measure.id.split(":", 1)[1]], dtype=np.float64)
            for r, p in enumerate(rows):
                if p < 0 or np.isnan(values[r]):
                    continue
                panel.values[m, p, y] = values[r]
                panel.derived[m, p, y] = True
                panel.notes[(m, p, y)] = note
    return panel


def program_panel(dataset: Dataset) -> Panel:
    """Units are programs instead of places: each program's yearly figures at the top
    of the place tree (the district). A figure of a program at one village is that
    village's, not the program's, and is left out."""
    programs = [g.id for g in dataset.data.programs]
    parts = [figures_panel(dataset, program=g) for g in programs]
    measures = parts[0].measures if parts else []
    years = sorted({int(y) for part in parts for y in part.years})
    out = _empty(measures, programs, years)
    roots = {p.id for p in dataset.roots()}
    for u, part in enumerate(parts):
        for y_part, year in enumerate(part.years):
            y = years.index(int(year))
            for m in range(len(measures)):
                column = part.values[m, :, y_part]
                have = np.flatnonzero(~np.isnan(column))
                if not len(have):
                    continue
                at_root = [i for i in have if part.places[i] in roots]
                if not at_root:
                    continue
                i = at_root[0]
                out.values[m, u, y] = column[i]
                out.doubt[m, u, y] = part.doubt[m, i, y_part]
                out.sources[(m, u, y)] = part.sources.get((m, int(i), y_part), "")
    return out


def merge(*panels: Panel) -> Panel:
    """One panel with the measures of all (same units), over the union of their years."""
    places = panels[0].places
    measures = [m for p in panels for m in p.measures]
    years = sorted({int(y) for p in panels for y in p.years})
    out = _empty(measures, places, years)
    offset = 0
    for p in panels:
        if p.places != places:
            raise ValueError("panels over different units cannot be merged")
        cols = [years.index(int(y)) for y in p.years]
        span = slice(offset, offset + len(p.measures))
        for j, y in enumerate(cols):
            out.values[span, :, y] = p.values[:, :, j]
            out.derived[span, :, y] = p.derived[:, :, j]
            out.doubt[span, :, y] = p.doubt[:, :, j]
            out.partial[span, :, y] = p.partial[:, :, j]
        for (m, u, j), note in p.notes.items():
            out.notes[(m + offset, u, cols[j])] = note
        for (m, u, j), source in p.sources.items():
            out.sources[(m + offset, u, cols[j])] = source
        offset += len(p.measures)
    return out
