"""Village and town risk lights from an ``Aggregate``: green, amber or red, with the
reasons in Chinese and English (no Qt).

The thresholds are data (``THRESHOLDS``), each marked with where its value comes from.
Only the exit check is sourced: incidence below 3 % in western regions (policy_reference
§4.3 [V]), read from the rule set's ``exit_incidence_max``, and the relocation goal of
someone employed in every relocated household with labour (§4.5 [V]) sets what the
relocation share measures. The amber warnings and the 85 % red line for relocation are
local working settings of this workbench, not policy: keep them editable and say so
wherever a light is shown. A light is the worst of its triggered thresholds;
``NONE`` means the register has no households there.

Incidence here is persons below the line over persons with an income *in the register*;
the official incidence divides by the whole rural population, so a register light is a
warning to look, not the official exit decision.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from .aggregate import Aggregate, Provenance

NONE, GREEN, AMBER, RED = 0, 1, 2, 3
LIGHT_LABELS: tuple[tuple[str, str], ...] = (
    ("无数据", "no data"), ("绿", "green"), ("黄", "amber"), ("红", "red"),
)


@dataclass(frozen=True)
class Threshold:
    key: str
    light: int  # AMBER or RED
    measure: str  # a key of ``measures()``
    test: str  # ">=" or "<"
    value: float  # percent
    sourced: bool  # the value comes from a public source (else: a local working setting)
    source: str
    zh: str  # reason template
    en: str


EXIT_SOURCE = "rule set exit_incidence_max (policy_reference §4.3 [V], western regions)"
LOCAL = "local working setting of the workbench; no source gives it"

THRESHOLDS: tuple[Threshold, ...] = (
    Threshold("exit_check", RED, "incidence", ">=", 3.0, True, EXIT_SOURCE,
              "贫困发生率{value}%，未低于退出标准{limit}%",
              "incidence {value}% of register persons, not below the {limit}% exit line"),
    Threshold("exit_margin", AMBER, "incidence", ">=", 2.0, False,
              LOCAL + " (2 % is the exit line of non-western regions, §4.3; used here "
              "only as an early warning)",
              "贫困发生率{value}%，接近退出标准（预警线{limit}%）",
              "incidence {value}%, near the exit line (warning from {limit}%)"),
    Threshold("below_share", AMBER, "share_below", ">=", 3.0, False, LOCAL,
              "{value}%的户低于{year}年监测线（{below}户）",
              "{value}% of households below the {year} line ({below})"),
    Threshold("monitored_share", AMBER, "monitored", ">=", 20.0, False,
              LOCAL + "; a caseload signal only: monitoring has no quota (应纳尽纳), so it "
              "never turns a light red",
              "{value}%的户在监测中（{monitored}户）",
              "{value}% of households in monitoring ({monitored})"),
    Threshold("relocation_low", RED, "reloc_employed", "<", 85.0, False,
              LOCAL + "; the goal (§4.5 [V]) is someone employed in every household",
              "有劳动力的搬迁户中仅{value}%有人就业（{employed}/{base}户）",
              "only {value}% of relocated households with labour have someone employed "
              "({employed} of {base})"),
    Threshold("relocation_short", AMBER, "reloc_employed", "<", 95.0, False,
              LOCAL + "; the goal (§4.5 [V]) is someone employed in every household",
              "有劳动力的搬迁户中{value}%有人就业（{employed}/{base}户），目标为每户",
              "{value}% of relocated households with labour have someone employed "
              "({employed} of {base}); the goal is every household"),
    Threshold("income_gaps", AMBER, "no_income", ">=", 5.0, False, LOCAL,
              "{value}%的户无{year}年收入记录", "{value}% of households have no {year} income"),
)
NO_LINE = ("规则集中无{year}年监测线，无法做退出检查",
           "no {year} line in the rule set: the exit check cannot be made")
ALL_CLEAR = ("贫困发生率{incidence}%，低于退出标准{exit}%；无预警",
             "incidence {incidence}%, below the {exit}% exit line; no warnings")
NO_HOUSEHOLDS = ("登记册中此处无住户", "no households of the register here")


def thresholds_for(exit_max: float, table: tuple[Threshold, ...] = THRESHOLDS
                   ) -> tuple[Threshold, ...]:
    """The table with the exit check at the rule set's value."""
    return tuple(replace(t, value=exit_max) if t.key == "exit_check" else t for t in table)


def describe(table: tuple[Threshold, ...] = THRESHOLDS) -> list[dict[str, object]]:
    """The threshold table as rows, for an "about the lights" view or ``--json``."""
    names = ("none", "green", "amber", "red")
    return [{"key": t.key, "light": names[t.light], "measure": t.measure, "test": t.test,
             "value_pct": t.value, "sourced": t.sourced, "source": t.source,
             "reason_zh": t.zh, "reason_en": t.en} for t in table]


def measures(agg: Aggregate) -> dict[str, np.ndarray]:
    """The percentages the thresholds test, per group (NaN: cannot be worked out)."""
    with np.errstate(invalid="ignore", divide="ignore"):
        households = np.where(agg.households > 0, agg.households, np.nan)
        base = np.where(agg.reloc_with_labour > 0, agg.reloc_with_labour, np.nan)
        return {
            "incidence": agg.incidence,
            "share_below": agg.share_below,
            "monitored": agg.monitored.sum(axis=1) / households * 100,
            "reloc_employed": agg.reloc_employed / base * 100,
            "no_income": (agg.households - agg.known) / households * 100,
        }


@dataclass
class Lights:
    """One light per group of the aggregate, with what triggered it."""

    level: str
    year: int
    codes: np.ndarray
    light: np.ndarray  # int8: NONE, GREEN, AMBER, RED
    triggered: np.ndarray  # bool (groups, thresholds)
    no_line: np.ndarray  # bool: households but no line that year
    measures: dict[str, np.ndarray]
    thresholds: tuple[Threshold, ...]
    aggregate: Aggregate

    @property
    def provenance(self) -> Provenance:
        return self.aggregate.provenance

    def index(self, code: int) -> int | None:
        i = int(np.searchsorted(self.codes, code))
        return i if i < len(self.codes) and self.codes[i] == code else None

    def label(self, i: int, lang: str = "en") -> str:
        zh, en = LIGHT_LABELS[int(self.light[i])]
        return zh if lang == "zh" else en

    def reasons(self, i: int, lang: str = "en") -> list[str]:
        """Why group ``i`` has its light, worst first, with its numbers."""
        agg = self.aggregate
        if self.light[i] == NONE:
            return [NO_HOUSEHOLDS[0] if lang == "zh" else NO_HOUSEHOLDS[1]]
        values = {
            "year": agg.year,
            "below": f"{int(agg.below[i]):,}",
            "monitored": f"{int(agg.monitored[i].sum()):,}",
            "employed": f"{int(agg.reloc_employed[i]):,}",
            "base": f"{int(agg.reloc_with_labour[i]):,}",
            "exit": _pct(agg.exit_max),
            "incidence": _pct(float(agg.incidence[i])),
        }
        out: list[tuple[int, str]] = []
        if self.no_line[i]:
            out.append((AMBER, (NO_LINE[0] if lang == "zh" else NO_LINE[1]).format(**values)))
        for j, t in enumerate(self.thresholds):
            if self.triggered[i, j]:
                text = t.zh if lang == "zh" else t.en
                value = _pct(float(self.measures[t.measure][i]))
                out.append((t.light, text.format(value=value, limit=_pct(t.value), **values)))
        if not out:
            return [(ALL_CLEAR[0] if lang == "zh" else ALL_CLEAR[1]).format(**values)]
        out.sort(key=lambda pair: -pair[0])  # stable: table order within a colour
        return [text for _, text in out]

    def ranking(self) -> np.ndarray:
        """Group indices, most at risk first: worst light, then more red and amber
        findings, higher incidence, more households below the line, then code."""
        reds = np.array([t.light == RED for t in self.thresholds], dtype=bool)
        n_red = (self.triggered & reds).sum(axis=1)
        n_amber = (self.triggered & ~reds).sum(axis=1) + self.no_line
        incidence = np.nan_to_num(self.measures["incidence"], nan=-1.0)
        return np.lexsort((self.codes, -self.aggregate.below, -incidence, -n_amber, -n_red,
                           -self.light.astype(np.int64)))

    def most_at_risk(self, limit: int | None = 10) -> np.ndarray:
        """The amber and red groups of ``ranking()``, at most ``limit``."""
        order = self.ranking()
        return order[self.light[order] >= AMBER][:limit]

    def light_of(self, code: int) -> int:
        """The light of a place by its code; NONE when the register has no households
        there (a village of the Places tree can be absent from the register)."""
        i = self.index(code)
        return NONE if i is None else int(self.light[i])

    def counts(self) -> dict[str, int]:
        found = np.bincount(self.light, minlength=4)
        return {LIGHT_LABELS[k][1]: int(found[k]) for k in range(4)}


def _pct(value: float) -> str:
    return "?" if value != value else f"{value:.1f}"


def lights(agg: Aggregate, thresholds: tuple[Threshold, ...] | None = None) -> Lights:
    """The lights of every group of ``agg`` (village, town or district level)."""
    table = thresholds_for(agg.exit_max) if thresholds is None else thresholds
    found = measures(agg)
    groups = len(agg.codes)
    triggered = np.zeros((groups, len(table)), dtype=bool)
    light = np.full(groups, GREEN, dtype=np.int8)
    for j, t in enumerate(table):
        m = found[t.measure]
        with np.errstate(invalid="ignore"):
            hit = (m >= t.value) if t.test == ">=" else (m < t.value)
        hit &= ~np.isnan(m)
        triggered[:, j] = hit
    for j, t in enumerate(table):
        # an amber warning on a measure that already shows red says nothing more
        worse = [k for k, u in enumerate(table) if u.measure == t.measure and u.light > t.light]
        if worse:
            triggered[:, j] &= ~triggered[:, worse].any(axis=1)
        light[triggered[:, j]] = np.maximum(light[triggered[:, j]], t.light)
    no_line = np.isnan(agg.line) & (agg.households > 0)
    light[no_line] = np.maximum(light[no_line], AMBER)
    light[agg.households == 0] = NONE
    return Lights(agg.level, agg.year, agg.codes, light, triggered, no_line, found, table, agg)
