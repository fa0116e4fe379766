"""The east-west cooperation ledger (Shanghai Putuo - Dongchuan): projects of a
program and year, totals per year beside the figures reported for the program, and
the ledger as a CSV or XLSX export (no Qt).

Funds are kept in 万元 (10,000 yuan), as the ledgers keep them; the reported totals
are figures of the program's indicators ``coop-funds`` (money) and ``coop-projects``
(a count). A project without funds counts as a project but adds nothing to the funds;
the totals say how many such projects there are, so a sum is never taken for complete
when it is not.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

from .atomic import write_atomic
from .dataset import Dataset
from .periods import PeriodError, parse_period
from .records import CooperationProject, Program
from .tables import csv_bytes, xlsx_bytes
from .units import canonical

KIND = "cooperation_projects"
FUNDS_INDICATOR = "coop-funds"  # the program's reported funds per year
PROJECTS_INDICATOR = "coop-projects"  # the program's reported number of projects
CATEGORY = "east_west_cooperation"
WAN = 10_000  # yuan in one 万元
# yuan in one unit of money, by canonical unit name (model.units)
MONEY_UNITS = {"yuan": 1, "万元": WAN, "million yuan": 1e6, "亿元": 1e8, "billion yuan": 1e9}

# (key, English header, Chinese header) of the ledger's columns, in order
COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("id", "ID", "编号"),
    ("year", "Year", "年度"),
    ("name_zh", "Project (Chinese)", "项目名称"),
    ("name_en", "Project (English)", "英文名称"),
    ("partner", "Partner", "协作方"),
    ("program", "Program", "所属项目"),
    ("place", "Place", "实施地点"),
    ("place_code", "Place code", "区划代码"),
    ("funds_wan", "Funds (10,000 yuan)", "资金（万元）"),
    ("funds_million", "Funds (million yuan)", "资金（百万元）"),
    ("beneficiaries", "Beneficiaries", "受益数"),
    ("beneficiaries_unit", "Counted as", "受益单位"),
    ("status", "Status", "状态"),
    ("source", "Source", "来源"),
    ("locator", "Where in the source", "出处"),
    ("doubt", "Doubtful", "存疑"),
    ("note", "Note", "备注"),
)
TOTAL_COLUMNS: tuple[tuple[str, str, str], ...] = (
    ("program", "Program", "所属项目"),
    ("year", "Year", "年度"),
    ("count", "Projects entered", "已录入项目数"),
    ("reported_count", "Projects reported", "报告项目数"),
    ("funds_wan", "Funds entered (10,000 yuan)", "已录入资金（万元）"),
    ("funds_million", "Funds entered (million yuan)", "已录入资金（百万元）"),
    ("reported_million", "Funds reported (million yuan)", "报告资金（百万元）"),
    ("without_funds", "Projects without funds", "未填资金的项目数"),
)
SHEETS = {"ledger": ("Ledger", "协作项目台账"), "totals": ("Totals by year", "年度合计")}
STATUS_WORDS = {
    "planned": ("planned", "计划中"),
    "underway": ("underway", "实施中"),
    "completed": ("completed", "已完成"),
    "suspended": ("suspended", "暂停"),
}
UNIT_WORDS = {"people": ("people", "人"), "households": ("households", "户")}
YES = ("yes", "是")


def _zh(lang: str) -> int:
    """Index into an (English, Chinese) pair."""
    return 1 if lang.lower().startswith("zh") else 0


def number_text(value: float) -> str:
    """A number as people write it: thousands separated, no trailing zeros, at most
    six decimals (never an exponent)."""
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.6f}".rstrip("0").rstrip(".")


def to_million(wan: float) -> float:
    """万元 in million yuan (100 万元 = 1 million yuan), without float noise."""
    return round(wan / 100, 8)


def format_funds(wan: float | None, lang: str) -> str:
    """Funds as the language writes them: "120.5 万元" in Chinese; in English
    "1.205 million yuan (120.5 万元)", the ledger's own figure in brackets."""
    if wan is None:
        return ""
    if _zh(lang):
        return f"{number_text(wan)} 万元"
    return f"{number_text(to_million(wan))} million yuan ({number_text(wan)} 万元)"


def format_beneficiaries(count: int | None, unit: str, lang: str) -> str:
    if count is None:
        return ""
    return f"{count:,} {UNIT_WORDS.get(unit, (unit, unit))[_zh(lang)]}"


def can_have_projects(dataset: Dataset, program: Program) -> bool:
    """An east-west cooperation program, or any program projects were entered for."""
    return program.category == CATEGORY or bool(projects_of(dataset, program.id))


def projects_of(
    dataset: Dataset, program: str | None = None, year: int | None = None
) -> list[CooperationProject]:
    """Projects of a program (all, with None) and year (all, with None), by year, then
    in file order."""
    found = [
        p
        for p in dataset.data.cooperation_projects
        if (program is None or p.program == program) and (year is None or p.year == year)
    ]
    return sorted(found, key=lambda p: p.year)  # stable: file order within a year


@dataclass
class YearTotals:
    """What the ledger holds for one year (of one program, or of all), and what the
    program's figures report for that year (None: no figure)."""

    year: int
    count: int = 0
    funds_wan: float = 0.0  # sum of the funds that are given
    without_funds: int = 0  # projects whose funds are not entered
    beneficiaries: dict[str, int] = field(default_factory=dict)  # by unit
    without_beneficiaries: int = 0
    reported_count: float | None = None
    reported_million: float | None = None  # reported funds, in million yuan
    reported_ids: list[str] = field(default_factory=list)  # the figures' ids

    @property
    def funds_million(self) -> float:
        return to_million(self.funds_wan)

    def count_differs(self) -> bool:
        return self.reported_count is not None and self.count != self.reported_count

    def funds_differ(self, tolerance: float = 1e-6) -> bool:
        return (
            self.reported_million is not None
            and abs(self.funds_million - self.reported_million) > tolerance
        )


def _money_in_million(value: float, unit: str) -> float | None:
    factor = MONEY_UNITS.get(canonical(unit))
    return None if factor is None else round(value * factor / 1e6, 8)


def _year_of(period: str | None) -> int | None:
    """The year of a whole-year period; None for none, a month, a quarter or a day."""
    if not period:
        return None
    try:
        parsed = parse_period(period)
    except PeriodError:
        return None
    return parsed.year if parsed.precision == "year" else None


def totals_by_year(dataset: Dataset, program: str | None = None) -> list[YearTotals]:
    """One entry per year that has projects or (for a program) a reported figure,
    in year order."""
    by_year: dict[int, YearTotals] = {}

    def at(year: int) -> YearTotals:
        return by_year.setdefault(year, YearTotals(year))

    for p in projects_of(dataset, program):
        t = at(p.year)
        t.count += 1
        if p.funds is None:
            t.without_funds += 1
        else:
            t.funds_wan += p.funds
        if p.beneficiaries is None:
            t.without_beneficiaries += 1
        else:
            unit = p.beneficiaries_unit
            t.beneficiaries[unit] = t.beneficiaries.get(unit, 0) + p.beneficiaries
    if program is not None:
        _add_reported(dataset, program, at)
    for t in by_year.values():
        t.funds_wan = round(t.funds_wan, 8)
    return [by_year[y] for y in sorted(by_year)]


def _add_reported(dataset: Dataset, program: str, at) -> None:
    """The program's reported funds and project count per year: the first whole-year
    figure of each (file order; targets left out). Figures of one program at several
    places may overlap (a town within the district), so they are never added up."""
    for indicator in (FUNDS_INDICATOR, PROJECTS_INDICATOR):
        ind = dataset.indicator(indicator)
        if ind is None:
            continue
        for o in dataset.observations_for(program=program, indicator=indicator):
            year = _year_of(o.period)
            if year is None or o.status == "target":
                continue
            t = at(year)
            if indicator == FUNDS_INDICATOR:
                value = _money_in_million(o.value, ind.unit)
                if value is None or t.reported_million is not None:
                    continue
                t.reported_million = value
            else:
                if t.reported_count is not None:
                    continue
                t.reported_count = o.value
            t.reported_ids.append(o.id)


# ------------------------------------------------------------------ export
def header(lang: str, columns: tuple[tuple[str, str, str], ...] = COLUMNS) -> list[str]:
    i = _zh(lang)
    return [c[1 + i] for c in columns]


def ledger_rows(dataset: Dataset, lang: str, program: str | None = None) -> list[list[Any]]:
    """The ledger's rows, one per project, in the order of :data:`COLUMNS`. Names of
    places, programs and sources in the language; funds as numbers."""
    i = _zh(lang)
    out = []
    for p in projects_of(dataset, program):
        prog = dataset.program(p.program) if p.program else None
        place = dataset.place(p.place) if p.place else None
        src = dataset.source(p.source) if p.source else None
        if prog is None:
            prog_name = p.program or ""
        else:
            prog_name = prog.name_zh if i else (prog.name_en or prog.name_zh)
        if place is None:
            place_name = p.place or ""
        else:
            place_name = place.name_zh if i else (place.name_en or place.name_zh)
        out.append(
            [
                p.id,
                p.year,
                p.name_zh,
                p.name_en,
                p.partner,
                prog_name,
                place_name,
                place.code if place is not None and place.code else "",
                p.funds if p.funds is not None else "",
                to_million(p.funds) if p.funds is not None else "",
                p.beneficiaries if p.beneficiaries is not None else "",
                UNIT_WORDS.get(p.beneficiaries_unit, ("", ""))[i]
                if p.beneficiaries is not None
                else "",
                STATUS_WORDS.get(p.status, (p.status, p.status))[i],
                src.title if src is not None else (p.source or ""),
                p.locator,
                YES[i] if p.doubt else "",
                p.note,
            ]
        )
    return out


def total_rows(dataset: Dataset, lang: str) -> list[list[Any]]:
    """Per program and year with projects: entered and reported totals."""
    i = _zh(lang)
    programs: list[str | None] = []
    for p in projects_of(dataset):
        if p.program not in programs:
            programs.append(p.program)
    out = []
    for program_id in programs:
        prog = dataset.program(program_id) if program_id else None
        name = "" if prog is None else (prog.name_zh if i else (prog.name_en or prog.name_zh))
        for t in totals_by_year(dataset, program_id):
            if not t.count:
                continue  # a reported year without projects: nothing of the ledger's
            out.append(
                [
                    name or (program_id or ""),
                    t.year,
                    t.count,
                    "" if t.reported_count is None else t.reported_count,
                    t.funds_wan,
                    t.funds_million,
                    "" if t.reported_million is None else t.reported_million,
                    t.without_funds,
                ]
            )
    return out


def ledger_csv(dataset: Dataset, lang: str) -> bytes:
    """The ledger as CSV (UTF-8 with a byte-order mark; formula-like text escaped)."""
    return csv_bytes(header(lang), ledger_rows(dataset, lang))


def ledger_xlsx(dataset: Dataset, lang: str) -> bytes:
    """The ledger and its totals per program and year, as two sheets."""
    i = _zh(lang)
    return xlsx_bytes(
        {
            SHEETS["ledger"][i]: (header(lang), ledger_rows(dataset, lang)),
            SHEETS["totals"][i]: (header(lang, TOTAL_COLUMNS), total_rows(dataset, lang)),
        }
    )


def write_ledger_xlsx(path: str | os.PathLike[str], dataset: Dataset, lang: str) -> None:
    """Write the ledger workbook atomically (the old file stays if anything fails)."""
    write_atomic(path, ledger_xlsx(dataset, lang))


def write_ledger_csv(path: str | os.PathLike[str], dataset: Dataset, lang: str) -> None:
    write_atomic(path, ledger_csv(dataset, lang))
