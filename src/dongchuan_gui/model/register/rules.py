"""Monitoring rules as data, and one evaluator over the register's columns (no Qt).

A rule set has an id, a version and its sources; every value says whether it was
checked against a public source (``verified``) or is background knowledge to keep
editable (policy_reference.md §4.4-4.5). ``evaluate`` returns per household a verdict
code and a bit set of reasons; ``Evaluation.explain`` puts the reasons in words with
their numbers ("below the 2025 line by 412 yuan").
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any

import numpy as np

from .. import safejson
from ..records import MonitoringLine, RuleSet  # the rule set is a record of the dataset file
from .schema import NEEDS, RISK_STATUS
from .store import Register


def load_rules(path: str | os.PathLike[str]) -> RuleSet:
    """A rule set from a JSON file; ValueError or OSError with the reason."""
    if os.path.exists(path) and not os.path.isfile(path):
        raise ValueError("not a regular file; expected a rule set (.json)")
    with open(path, "rb") as handle:
        data = handle.read(1 << 20)
    if len(data) >= 1 << 20:
        raise ValueError("larger than 1 MB; a rule set is a small file")
    try:
        doc = safejson.decode(data)
    except safejson.JsonInputError as exc:
        raise ValueError(str(exc)) from None
    return RuleSet.from_dict(doc)


DEFAULT_RULE_SET = "cn-yunnan-monitoring"


def default_rules() -> RuleSet:
    """The bundled rule set (``seeds/rule_sets/cn-yunnan-monitoring.json``, also in the
    bundled dataset): verified values name their source, the others are background
    knowledge, marked unverified and kept editable."""
    from ...resources import rule_set_path

    return load_rules(rule_set_path(DEFAULT_RULE_SET))


# ----- verdicts and reasons

@dataclass(frozen=True)
class Label:
    code: int
    key: str
    zh: str
    en: str


VERDICTS: tuple[Label, ...] = (
    Label(0, "no_risk", "无风险", "no risk found"),
    Label(1, "at_risk", "有风险，应识别", "at risk: identify"),
    Label(2, "monitored", "继续监测", "stays monitored"),
    Label(3, "can_eliminate", "可标注风险消除", "risk can be marked eliminated"),
    Label(4, "eliminated", "风险已消除", "eliminated, holds"),
    Label(5, "recheck", "需复核", "recorded status conflicts with the rules"),
    Label(6, "no_data", "无法判断", "cannot judge: data missing"),
)
NO_RISK, AT_RISK, MONITORED, CAN_ELIMINATE, ELIMINATED, RECHECK, NO_DATA = range(7)

# key, Chinese and English templates, short Chinese and English names (for counts)
_REASONS: list[tuple[str, str, str, str, str]] = [
    ("no_income", "无{year}年收入记录", "no {year} income recorded", "无收入记录", "no income"),
    ("no_line", "规则集中无{year}年监测线", "no {year} monitoring line in the rule set",
     "无监测线", "no line"),
    ("below_line", "低于{year}年监测线{gap}元", "below the {year} line by {gap} yuan",
     "低于监测线", "below the line"),
    ("above_line", "高于{year}年监测线{margin}元", "above the {year} line by {margin} yuan",
     "高于监测线", "above the line"),
    ("unstable", "{below_years}年低于当年监测线，收入尚不稳定",
     "below the line in {below_years}: not yet stable", "收入不稳定", "not yet stable"),
    ("no_prev_income", "无{missing_years}年收入，无法确认稳定",
     "no {missing_years} income: stability not shown", "无往年收入", "no earlier income"),
    ("income_drop", "收入比{prev}年下降{pct}%", "income fell {pct}% since {prev}",
     "收入大幅下降", "sharp fall in income"),
    ("rigid", "刚性支出{rigid}元，占家庭纯收入{share}%",
     "large rigid spending: {rigid} yuan, {share}% of household income",
     "刚性支出过大", "large rigid spending"),
    *((f"unmet_{key}", f"{{year}}年{zh}未达标", f"{en} not assured in {{year}}",
       f"{zh}未达标", f"{en} not assured") for key, zh, en in NEEDS),
    ("needs_unknown", "{year}年{needs_zh}未记录", "{needs} not recorded for {year}",
     "保障情况未记录", "needs not recorded"),
    ("needs_met", "{year}年两不愁三保障及饮水安全达标",
     "两不愁三保障 and drinking water met in {year}", "两不愁三保障达标", "needs met"),
    ("no_labour", "无劳动能力：落实兜底保障后继续监测",
     "no labour capacity: stays monitored after social-security measures",
     "无劳动能力，继续监测", "no labour capacity"),
    ("eliminated_no_labour", "无劳动能力户不应标注风险消除",
     "marked eliminated without labour capacity: keep monitoring",
     "无劳动能力却已标注消除", "eliminated without labour capacity"),
    ("new_risk", "风险消除后出现新风险，应重新识别", "new risk after elimination: identify again",
     "消除后出现新风险", "new risk after elimination"),
    ("not_monitored", "存在风险但未纳入监测", "at risk but not monitored",
     "有风险未纳入监测", "at risk, not monitored"),
    ("reloc_unemployed", "搬迁户有劳动力，{year}年就业不足{need}人",
     "relocated with labour, fewer than {need} employed in {year}",
     "搬迁户就业不足", "relocated, nobody employed"),
    ("reloc_unknown", "搬迁户{year}年就业情况未记录",
     "relocated with labour, {year} employment not recorded",
     "搬迁户就业未记录", "relocated, employment not recorded"),
]


@dataclass(frozen=True)
class Reason:
    code: int  # bit number
    key: str
    zh: str  # templates
    en: str
    short_zh: str
    short_en: str

    def short(self, lang: str = "en") -> str:
        return self.short_zh if lang == "zh" else self.short_en


REASONS: tuple[Reason, ...] = tuple(Reason(i, *row) for i, row in enumerate(_REASONS))
BIT: dict[str, int] = {r.key: r.code for r in REASONS}


def verdict_label(code: int, lang: str = "en") -> str:
    label = VERDICTS[code]
    return label.zh if lang == "zh" else label.en


def _yuan(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 0.005 else f"{value:,.2f}"


@dataclass
class Evaluation:
    """Verdicts of one year for every household, with the lines and rules used."""

    register: Register
    rules: RuleSet
    year: int
    verdict: np.ndarray  # int8 per household, an index into VERDICTS
    reasons: np.ndarray  # uint32 per household, bit k: REASONS[k]
    line: np.ndarray  # float64 per household, that year's line (NaN: none)
    lines_used: list[MonitoringLine]

    def counts(self) -> dict[str, int]:
        found = np.bincount(self.verdict.astype(np.intp), minlength=len(VERDICTS))
        return {v.key: int(found[v.code]) for v in VERDICTS}

    def reason_counts(self, verdict: int | None = None) -> dict[str, int]:
        bits = self.reasons if verdict is None else self.reasons[self.verdict == verdict]
        return {
            r.key: int(np.count_nonzero(bits & np.uint32(1 << r.code)))
            for r in REASONS
        }

    def has(self, key: str) -> np.ndarray:
        return (self.reasons & np.uint32(1 << BIT[key])) != 0

    def explain(self, row: int, lang: str = "en") -> list[str]:
        """The reasons of one household in words, with their numbers."""
        reg, year = self.register, self.year
        prev = year - 1
        inc = float(reg.income(year)[row])
        line = float(self.line[row])
        values: dict[str, Any] = {"year": year, "prev": prev,
                                  "need": _yuan(self.rules.relocation_min_employed.value)}
        if not np.isnan(inc) and not np.isnan(line):
            values["gap"] = _yuan(line - inc)
            values["margin"] = _yuan(inc - line)
        if prev in reg.years:
            before = float(reg.income(prev)[row])
            if before > 0 and not np.isnan(inc):
                values["pct"] = f"{(before - inc) / before * 100:.0f}"
        rigid = float(reg.year_col("rigid", year)[row])
        household = inc * int(reg.columns["size"][row])
        values["rigid"] = _yuan(rigid) if not np.isnan(rigid) else "?"
        values["share"] = f"{rigid / household * 100:.0f}" if household > 0 else "?"
        below_years, missing_years = [], []
        for earlier in range(year - int(self.rules.stable_years.value) + 1, year):
            if earlier not in reg.years:
                missing_years.append(str(earlier))
                continue
            was = float(reg.income(earlier)[row])
            then = line_per_village(reg, self.rules, earlier)[0][reg.village_idx[row]]
            if np.isnan(was) or np.isnan(then):
                missing_years.append(str(earlier))
            elif was < then:
                below_years.append(str(earlier))
        values["below_years"] = ", ".join(below_years)
        values["missing_years"] = ", ".join(missing_years)
        unknown = [(zh, en) for key, zh, en in NEEDS if reg.year_col(key, year)[row] == -1]
        values["needs"] = ", ".join(en for _, en in unknown)
        values["needs_zh"] = "、".join(zh for zh, _ in unknown)
        bits = int(self.reasons[row])
        out = []
        for reason in REASONS:
            if bits >> reason.code & 1:
                template = reason.zh if lang == "zh" else reason.en
                out.append(template.format(**values))
        return out


def line_per_village(
    reg: Register, rules: RuleSet, year: int
) -> tuple[np.ndarray, list[MonitoringLine]]:
    """That year's line for each village of the register (NaN where the rule set has
    none), and the line entries used."""
    provinces = reg.villages // 10**10
    per_village = np.full(len(reg.villages), np.nan)
    used = []
    for province in np.unique(provinces):
        entry = rules.line(year, f"{int(province):02d}")
        if entry is not None:
            per_village[provinces == province] = entry.value
            if entry not in used:
                used.append(entry)
    return per_village, used


def _line_per_household(
    reg: Register, rules: RuleSet, year: int
) -> tuple[np.ndarray, list[MonitoringLine]]:
    per_village, used = line_per_village(reg, rules, year)
    return per_village[reg.village_idx], used


def evaluate(reg: Register, rules: RuleSet, year: int | None = None) -> Evaluation:
    """Judge every household for ``year`` (default: the register's latest)."""
    year = reg.latest_year if year is None else year
    if year not in reg.years:
        raise KeyError(f"the register has no {year} data (years {reg.years[0]}-{reg.years[-1]})")
    n = len(reg)
    bits = np.zeros(n, dtype=np.uint32)

    def mark(key: str, where: np.ndarray) -> None:
        bits[where] |= np.uint32(1 << BIT[key])

    inc = reg.income(year)
    line, used = _line_per_household(reg, rules, year)
    missing = np.isnan(inc)
    no_line = np.isnan(line) & ~missing
    below = inc < line
    above = inc >= line
    mark("no_income", missing)
    mark("no_line", no_line)
    mark("below_line", below)
    mark("above_line", above)

    prev_below = np.zeros(n, dtype=bool)
    prev_unknown = np.zeros(n, dtype=bool)
    for back in range(1, int(rules.stable_years.value)):
        earlier = year - back
        if earlier not in reg.years:
            prev_unknown[:] = True
            continue
        inc_k = reg.income(earlier)
        line_k, _ = _line_per_household(reg, rules, earlier)
        prev_below |= inc_k < line_k
        prev_unknown |= np.isnan(inc_k) | np.isnan(line_k)
    mark("unstable", above & prev_below)
    mark("no_prev_income", above & prev_unknown & ~prev_below)
    stable = above & ~prev_below & ~prev_unknown

    drop = np.zeros(n, dtype=bool)
    if year - 1 in reg.years:
        before = reg.income(year - 1)
        drop = (before > 0) & (inc < before * (1 - rules.income_drop_max.value))
    mark("income_drop", drop)

    size = reg.columns["size"]
    rigid_spent = reg.year_col("rigid", year)
    household_income = np.maximum(inc * size, 0)
    rigid = (rigid_spent > 0) & (rigid_spent > rules.rigid_share_max.value * household_income)
    mark("rigid", rigid)

    unmet = np.zeros(n, dtype=bool)
    unknown = np.zeros(n, dtype=bool)
    for key, _, _ in NEEDS:
        flag = reg.year_col(key, year)
        miss = flag == 0
        mark(f"unmet_{key}", miss)
        unmet |= miss
        unknown |= flag == -1
    mark("needs_unknown", unknown)
    needs_ok = ~unmet & ~unknown
    mark("needs_met", needs_ok)

    no_labour = reg.columns["no_labour"] & bool(rules.no_labour_stays_monitored.value)
    with_labour = (reg.columns["labour"] > 0) & ~reg.columns["no_labour"]
    relocated = (reg.columns["reloc_kind"] > 0) & with_labour
    employed = reg.year_col("employed", year)
    mark("reloc_unemployed", relocated & (employed >= 0)
         & (employed < rules.relocation_min_employed.value))
    mark("reloc_unknown", relocated & (employed < 0))

    risk = below | unmet | rigid | drop
    status = reg.columns["risk_status"]
    monitoring = status == RISK_STATUS.value_of("monitoring")
    marked = status == RISK_STATUS.value_of("eliminated")
    gone = marked | (status == RISK_STATUS.value_of("natural"))
    no_data = missing | no_line
    elim_ok = stable & needs_ok & ~rigid & ~drop
    mark("no_labour", monitoring & no_labour & ~no_data)
    mark("new_risk", gone & risk & ~no_data)
    mark("eliminated_no_labour", marked & no_labour & ~risk & ~no_data)
    mark("not_monitored", (status == 0) & risk & ~no_data)

    verdict = np.select(
        [
            no_data,
            monitoring & no_labour,
            monitoring & elim_ok,
            monitoring,
            gone & risk,
            marked & no_labour,
            gone,
            risk,
        ],
        [NO_DATA, MONITORED, CAN_ELIMINATE, MONITORED, AT_RISK, RECHECK, ELIMINATED, AT_RISK],
        default=NO_RISK,
    ).astype(np.int8)
    return Evaluation(reg, rules, year, verdict, bits, line, used)
