"""One household's card: what the detail pane and its timeline show (no Qt).

Everything is read from the register row and the rule set: attributes with their
Chinese and English labels, income per year with its four parts against that year's
monitoring line (a step line; None where the rule set has no line), the needs flags by
year, the monitoring case, measures, and the rule verdict with its reasons. The
household number is the ledger's own number; the register holds nothing else personal.
The register keeps a case's current status and its dates, not every past change, so the
case history is what those dates say.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np

from . import display
from .rules import VERDICTS, Evaluation, RuleSet
from .schema import (
    ATTRIBUTE,
    DISCOVERY,
    INCOME_PARTS,
    MEASURE,
    MONITORING_TYPE,
    NEEDS,
    POVERTY_CAUSE,
    RELOCATION,
    RISK_STATUS,
    STATIC_COLUMNS,
    CodeTable,
)
from .store import Register

PARTS = tuple(k for k, _, _ in INCOME_PARTS)


@dataclass(frozen=True)
class Field:
    key: str
    zh: str  # the field's label
    en: str
    value_zh: str
    value_en: str
    raw: int | float | str | bool | None

    def label(self, lang: str = "en") -> str:
        return self.zh if lang == "zh" else self.en

    def value(self, lang: str = "en") -> str:
        return self.value_zh if lang == "zh" else self.value_en


@dataclass(frozen=True)
class YearRow:
    year: int
    income: float | None  # yuan per person; None: not recorded
    parts: dict[str, float | None]  # wage, production, property, transfer
    rigid: float | None  # yuan per household
    employed: int | None
    line: float | None  # the rule set's line that year (None: the rule set has none)
    line_verified: bool | None
    needs: dict[str, int]  # 1 met, 0 not met, -1 not recorded


@dataclass(frozen=True)
class Event:
    date: str  # ISO
    zh: str
    en: str


@dataclass(frozen=True)
class Case:
    type: Field
    discovery: Field
    identified: str | None
    status: Field
    status_date: str | None
    history: tuple[Event, ...]


@dataclass(frozen=True)
class Verdict:
    code: int
    key: str
    zh: str
    en: str
    reasons_zh: tuple[str, ...]
    reasons_en: tuple[str, ...]
    year: int

    def reasons(self, lang: str = "en") -> tuple[str, ...]:
        return self.reasons_zh if lang == "zh" else self.reasons_en


@dataclass(frozen=True)
class HouseholdCard:
    row: int
    household_id: str
    synthetic: bool
    fields: tuple[Field, ...]
    years: tuple[YearRow, ...]
    case: Case
    measures: tuple[tuple[int, str, str], ...]  # (code, zh, en)
    verdict: Verdict | None  # None without an evaluation

    def series(self) -> dict[str, np.ndarray]:
        """float64 arrays for the timeline (NaN: missing): years, income, the four
        parts, and the line."""
        out = {"years": np.array([y.year for y in self.years], dtype=np.float64)}
        out["income"] = _floats(y.income for y in self.years)
        for part in PARTS:
            out[part] = _floats(y.parts[part] for y in self.years)
        out["line"] = _floats(y.line for y in self.years)
        return out

    def line_steps(self) -> tuple[np.ndarray, np.ndarray]:
        """(edges, values) for a step plot (``stepMode="center"``): each year's line
        spans year - 0.5 to year + 0.5; NaN where the rule set has no line."""
        years = np.array([y.year for y in self.years], dtype=np.float64)
        edges = np.append(years - 0.5, years[-1] + 0.5) if len(years) else np.zeros(1)
        return edges, _floats(y.line for y in self.years)

    def needs_table(self) -> list[tuple[str, str, str, tuple[str, ...]]]:
        """(key, zh, en, ✓/✗/– per year) for each of the six needs."""
        return [(k, zh, en, tuple(display.flag(y.needs[k]) for y in self.years))
                for k, zh, en in NEEDS]


def _floats(values: Iterable[float | None]) -> np.ndarray:
    return np.array([np.nan if v is None else v for v in values], dtype=np.float64)


def _code_field(key: str, table: CodeTable, value: int) -> Field:
    return Field(key, table.zh, table.en, table.label(value, "zh"), table.label(value, "en"),
                 int(value))


Raw = int | float | str | bool | None


def _text_field(key: str, zh: str, en: str, value: str, raw: Raw = None,
                value_en: str | None = None) -> Field:
    return Field(key, zh, en, value, value if value_en is None else value_en, raw)


def household_card(
    reg: Register,
    row: int,
    evaluation: Evaluation | None = None,
    rules: RuleSet | None = None,
    *,
    place_names: display.PlaceNames | None = None,
    site_names: display.SiteNames | None = None,
) -> HouseholdCard:
    """The card of register row ``row``; ``rules`` (or the evaluation's) gives the
    line per year."""
    if not 0 <= row < len(reg):
        raise IndexError(f"row {row}: the register has {len(reg)} households")
    if place_names is None or site_names is None:
        by_code, by_id = display.bundled_names()
        place_names = by_code if place_names is None else place_names
        site_names = by_id if site_names is None else site_names
    rules = evaluation.rules if rules is None and evaluation is not None else rules
    c = {col.name: reg.columns[col.name][row] for col in STATIC_COLUMNS}
    village = int(c["village"])
    town = display.town_of(village)

    def name(code: int, lang: str) -> str:
        return display.place_name(place_names, code, lang)

    site_id = reg.meta.sites[int(c["reloc_site"])]
    other = int(c["cause_other"])
    fields = (
        _text_field("town", "乡镇（街道）", "town", name(town, "zh"), town, name(town, "en")),
        _text_field("village", "村（社区）", "village", name(village, "zh"), village,
                    name(village, "en")),
        _text_field("village_code", "村代码", "village code", f"{village:012d}", village),
        _text_field("size", "家庭人口数", "persons", str(int(c["size"])), int(c["size"])),
        _text_field("labour", "劳动力人数", "labour", str(int(c["labour"])), int(c["labour"])),
        _text_field("no_labour", "无劳动能力", "no labour capacity",
                    "是" if c["no_labour"] else "否", bool(c["no_labour"]),
                    "yes" if c["no_labour"] else "no"),
        _code_field("attribute", ATTRIBUTE, int(c["attribute"])),
        _code_field("cause_main", POVERTY_CAUSE, int(c["cause_main"])),
        _text_field("cause_other", "其他致贫原因", "other poverty causes",
                    display.bits_labels(POVERTY_CAUSE, other, "zh"), other,
                    display.bits_labels(POVERTY_CAUSE, other, "en")),
        _text_field("registered_year", "建档立卡年度", "registered",
                    display.year_text(int(c["registered_year"])), int(c["registered_year"])),
        _text_field("exit_year", "脱贫年度", "exit year",
                    display.year_text(int(c["exit_year"])), int(c["exit_year"])),
        _code_field("reloc_kind", RELOCATION, int(c["reloc_kind"])),
        _text_field("reloc_site", "安置点", "resettlement site",
                    display.site_name(site_names, site_id, "zh") if site_id else "", site_id,
                    display.site_name(site_names, site_id, "en") if site_id else ""),
        _text_field("reloc_year", "搬迁年度", "relocated in",
                    display.year_text(int(c["reloc_year"])), int(c["reloc_year"])),
    )
    province = display.province_of(village)
    years = []
    for year in reg.years:
        entry = rules.line(year, province) if rules is not None else None
        employed = int(reg.year_col("employed", year)[row])
        years.append(YearRow(
            year=year,
            income=display.number_or_none(float(reg.income(year)[row])),
            parts={p: display.number_or_none(float(reg.year_col(p, year)[row])) for p in PARTS},
            rigid=display.number_or_none(float(reg.year_col("rigid", year)[row])),
            employed=employed if employed >= 0 else None,
            line=None if entry is None else float(entry.value),
            line_verified=None if entry is None else entry.verified,
            needs={k: int(reg.year_col(k, year)[row]) for k, _, _ in NEEDS},
        ))
    measures = tuple((v, MEASURE.label(v, "zh"), MEASURE.label(v, "en"))
                     for v in reg.measures(row))
    verdict = None
    if evaluation is not None:
        code = int(evaluation.verdict[row])
        label = VERDICTS[code]
        verdict = Verdict(code, label.key, label.zh, label.en,
                          tuple(evaluation.explain(row, "zh")),
                          tuple(evaluation.explain(row, "en")), evaluation.year)
    return HouseholdCard(
        row, bytes(c["household_id"]).decode("ascii"), reg.meta.synthetic, fields,
        tuple(years), _case(c), measures, verdict,
    )


def _case(c: dict[str, Any]) -> Case:
    identified = display.day(c["identified"]) or None
    since = display.day(c["status_date"]) or None
    kind = _code_field("mon_type", MONITORING_TYPE, int(c["mon_type"]))
    status = _code_field("risk_status", RISK_STATUS, int(c["risk_status"]))
    history = []
    if identified:
        history.append(Event(identified, f"识别为{kind.value_zh}",
                             f"identified as {kind.value_en}"))
    if since:
        history.append(Event(since, f"{status.value_zh}", f"status: {status.value_en}"))
    history.sort(key=lambda e: e.date)
    return Case(kind, _code_field("discovery", DISCOVERY, int(c["discovery"])), identified,
                status, since, tuple(history))
