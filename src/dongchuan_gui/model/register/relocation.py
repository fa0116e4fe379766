"""The relocation follow-up board: per resettlement site, how many relocated households
with labour have someone employed, and which do not yet (no Qt).

Policy (policy_reference §4.5 [V]): at least one person employed in every relocated
household with labour capacity; the minimum comes from the rule set
(``relocation_min_employed``). "With labour" is labour > 0 and not "no labour
capacity", as in the evaluator and the aggregates. Households whose employment was not
recorded that year (-1) are counted apart and listed apart: they are neither employed
nor known to be without a job, and the share (as in ``Aggregate``) counts them in the
base. A relocated household without a site (index 0) goes under "site not recorded".
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from . import display
from .rules import RuleSet
from .store import Register


@dataclass(frozen=True)
class SiteRow:
    index: int  # into ``register.meta.sites``; 0: not recorded; -1: the total
    place_id: str
    name_zh: str
    name_en: str
    relocated: int
    with_labour: int
    employed: int  # with labour and at least the minimum employed
    unknown: int  # with labour, employment not recorded that year
    without_job: np.ndarray  # register rows: with labour, fewer than the minimum employed
    not_recorded: np.ndarray  # register rows: with labour, employment not recorded

    @property
    def share(self) -> float:
        """Percent of relocated households with labour that have enough employed (NaN
        when there are none)."""
        return self.employed / self.with_labour * 100 if self.with_labour else float("nan")

    def name(self, lang: str = "en") -> str:
        return self.name_zh if lang == "zh" else self.name_en


@dataclass(frozen=True)
class RelocationBoard:
    year: int
    min_employed: int
    sites: tuple[SiteRow, ...]  # every site of the register, then "not recorded" if used
    total: SiteRow
    synthetic: bool

    def site(self, place_id: str) -> SiteRow | None:
        return next((s for s in self.sites if s.place_id == place_id), None)


def relocation_board(
    reg: Register,
    rules: RuleSet,
    year: int | None = None,
    *,
    site_names: display.SiteNames | None = None,
) -> RelocationBoard:
    """The board for ``year`` (default: the register's latest)."""
    year = reg.latest_year if year is None else year
    if site_names is None:
        site_names = display.bundled_names()[1]
    need = int(rules.relocation_min_employed.value)
    cols = reg.columns
    site = cols["reloc_site"].astype(np.int64)
    relocated = cols["reloc_kind"] > 0
    with_labour = relocated & (cols["labour"] > 0) & ~cols["no_labour"]
    employed_n = reg.year_col("employed", year)
    unknown = with_labour & (employed_n < 0)
    employed = with_labour & (employed_n >= need) & ~unknown
    short = with_labour & ~employed & ~unknown
    sites = len(reg.meta.sites)

    def per_site(mask: np.ndarray) -> np.ndarray:
        return np.bincount(site[mask], minlength=sites)

    counts = [per_site(m) for m in (relocated, with_labour, employed, unknown)]
    short_rows, short_at = _rows_by_site(short, site, sites)
    unknown_rows, unknown_at = _rows_by_site(unknown, site, sites)

    def row(i: int) -> SiteRow:
        place_id = reg.meta.sites[i]
        zh = display.site_name(site_names, place_id, "zh")
        en = display.site_name(site_names, place_id, "en")
        return SiteRow(
            i, place_id, zh, en, *(int(c[i]) for c in counts),
            short_rows[short_at[i]:short_at[i + 1]],
            unknown_rows[unknown_at[i]:unknown_at[i + 1]],
        )

    rows = [row(i) for i in range(1, sites)]
    if counts[0][0]:
        rows.append(row(0))
    total = SiteRow(
        -1, "", "合计", "total", *(int(c.sum()) for c in counts),
        np.flatnonzero(short), np.flatnonzero(unknown),
    )
    return RelocationBoard(year, need, tuple(rows), total, reg.meta.synthetic)


def _rows_by_site(mask: np.ndarray, site: np.ndarray, sites: int) -> tuple[np.ndarray, np.ndarray]:
    """Rows of ``mask`` grouped by site (rows ascending within a site), with offsets."""
    rows = np.flatnonzero(mask)
    of = site[rows]
    order = np.argsort(of, kind="stable")
    offsets = np.zeros(sites + 1, dtype=np.int64)
    np.cumsum(np.bincount(of, minlength=sites), out=offsets[1:])
    return rows[order], offsets
