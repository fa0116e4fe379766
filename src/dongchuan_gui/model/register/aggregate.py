"""Figures per village, town or district worked out from a register (no Qt).

Every result is derived: it carries a ``Provenance`` naming the register (title,
file, sha256, synthetic or not) and the rule set it was computed with. The what-if
answers "how many households of each village are below X yuan" from the presorted
key of the register (``np.searchsorted``), without a pass over the households.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

import numpy as np

from .rules import RuleSet, line_per_village
from .schema import MONITORING_TYPE, RISK_STATUS
from .store import Register

DERIVED_NOTE = "derived from the household register; not a reported figure"


@dataclass(frozen=True)
class Provenance:
    register_title: str
    register_file: str
    register_sha256: str | None
    synthetic: bool
    households: int
    rule_set: str
    rule_version: int
    year: int
    note: str = DERIVED_NOTE

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def provenance(reg: Register, rules: RuleSet, year: int, *, hash_file: bool = False) -> Provenance:
    return Provenance(
        register_title=reg.meta.title,
        register_file=reg.path.name if reg.path is not None else "",
        register_sha256=reg.sha256() if hash_file else reg.known_sha256,
        synthetic=reg.meta.synthetic,
        households=len(reg),
        rule_set=rules.id,
        rule_version=rules.version,
        year=year,
    )


@dataclass
class Aggregate:
    """One row per group (village, town or district) for one year."""

    level: str
    year: int
    codes: np.ndarray  # int64 12-digit codes
    households: np.ndarray
    persons: np.ndarray
    monitored: np.ndarray  # (groups, 3): in monitoring, by type unstable/marginal/sudden
    eliminated: np.ndarray  # risk eliminated or naturally eliminated
    known: np.ndarray  # households with that year's income
    below: np.ndarray  # households below the line
    persons_known: np.ndarray
    persons_below: np.ndarray
    line: np.ndarray  # the line applied to the group (NaN: none in the rule set)
    median_income: np.ndarray  # yuan per person (NaN: no income known)
    reloc_with_labour: np.ndarray  # relocated households with labour
    reloc_employed: np.ndarray  # ... of which enough members are employed
    exit_max: float  # percent
    provenance: Provenance

    @property
    def share_below(self) -> np.ndarray:
        """Percent of households (with an income) below the line."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(self.known > 0, self.below / self.known * 100, np.nan)

    @property
    def incidence(self) -> np.ndarray:
        """Percent of persons (in households with an income) below the line. The
        official incidence divides by the whole rural population, not the register."""
        with np.errstate(invalid="ignore", divide="ignore"):
            return np.where(
                self.persons_known > 0, self.persons_below / self.persons_known * 100, np.nan
            )

    @property
    def exit_ok(self) -> np.ndarray:
        return self.incidence < self.exit_max

    def rows(self) -> list[dict[str, Any]]:
        share, incidence, ok = self.share_below, self.incidence, self.exit_ok
        out = []
        for i, code in enumerate(self.codes):
            out.append({
                "code": f"{int(code):012d}",
                "households": int(self.households[i]),
                "persons": int(self.persons[i]),
                **{
                    f"monitored_{MONITORING_TYPE.codes[t + 1].key}": int(self.monitored[i, t])
                    for t in range(3)
                },
                "eliminated": int(self.eliminated[i]),
                "income_known": int(self.known[i]),
                "below_line": int(self.below[i]),
                "line": _num(self.line[i]),
                "share_below_pct": _num(share[i]),
                "incidence_pct": _num(incidence[i]),
                "exit_check_ok": bool(ok[i]) if not np.isnan(incidence[i]) else None,
                "median_income": _num(self.median_income[i]),
                "relocated_with_labour": int(self.reloc_with_labour[i]),
                "relocated_employed": int(self.reloc_employed[i]),
            })
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "year": self.year,
            "derived": self.provenance.to_dict(),
            "exit_incidence_max_pct": self.exit_max,
            "rows": self.rows(),
        }


def _num(value: float) -> float | None:
    return None if np.isnan(value) else round(float(value), 2)


def aggregate(
    reg: Register, rules: RuleSet, year: int | None = None, level: str = "village"
) -> Aggregate:
    year = reg.latest_year if year is None else year
    inc = reg.income(year)
    codes, of_village = reg.groups(level)
    groups = len(codes)
    g = reg.group_idx(level)
    size = reg.columns["size"]

    def count(where: np.ndarray | None = None) -> np.ndarray:
        if where is None:
            return np.bincount(g, minlength=groups)
        return np.bincount(g[where], minlength=groups)

    def people(where: np.ndarray | None = None) -> np.ndarray:
        if where is None:
            return np.bincount(g, weights=size, minlength=groups).astype(np.int64)
        return np.bincount(g[where], weights=size[where], minlength=groups).astype(np.int64)

    status = reg.columns["risk_status"]
    in_monitoring = status == RISK_STATUS.value_of("monitoring")
    kinds = reg.columns["mon_type"]
    by_type = np.bincount(
        g[in_monitoring] * 4 + kinds[in_monitoring], minlength=groups * 4
    ).reshape(groups, 4)[:, 1:]
    gone = status >= RISK_STATUS.value_of("eliminated")

    line_v, _ = line_per_village(reg, rules, year)
    line_h = line_v[reg.village_idx]
    line = np.full(groups, np.nan)
    line[of_village] = line_v
    below = inc < line_h
    known = ~np.isnan(inc)

    with_labour = (reg.columns["labour"] > 0) & ~reg.columns["no_labour"]
    relocated = (reg.columns["reloc_kind"] > 0) & with_labour
    employed = reg.year_col("employed", year) >= rules.relocation_min_employed.value

    return Aggregate(
        level=level,
        year=year,
        codes=codes,
        households=count(),
        persons=people(),
        monitored=by_type,
        eliminated=count(gone),
        known=count(known),
        below=count(below),
        persons_known=people(known),
        persons_below=people(below),
        line=line,
        median_income=reg.income_key(year, level).medians(),
        reloc_with_labour=count(relocated),
        reloc_employed=count(relocated & employed),
        exit_max=rules.exit_incidence_max.value,
        provenance=provenance(reg, rules, year),
    )


@dataclass
class WhatIf:
    level: str
    year: int
    line: float
    without_transfer: bool
    codes: np.ndarray
    below: np.ndarray  # households below ``line``, per group
    known: np.ndarray  # households with an income, per group

    def to_dict(self) -> dict[str, Any]:
        return {
            "level": self.level,
            "year": self.year,
            "line": self.line,
            "without_transfer": self.without_transfer,
            "derived": DERIVED_NOTE,
            "rows": [
                {"code": f"{int(c):012d}", "below": int(b), "income_known": int(k)}
                for c, b, k in zip(self.codes, self.below, self.known, strict=True)
            ],
        }


def what_if(
    reg: Register,
    line: float,
    year: int | None = None,
    *,
    without_transfer: bool = False,
    level: str = "village",
) -> WhatIf:
    """Households below ``line`` yuan per group; ``without_transfer`` takes transfer
    income (dibao, pensions, subsidies) out of each household's income first."""
    year = reg.latest_year if year is None else year
    key = reg.income_key(year, level, without_transfer=without_transfer)
    codes, _ = reg.groups(level)
    return WhatIf(
        level, year, float(line), without_transfer, codes, key.count_below(line), key.known
    )
