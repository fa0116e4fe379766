"""The household table's data without Qt: filter, sort, counts and cell text (no Qt).

``TableView`` keeps a boolean mask (the filter) and ``order``, the int64 register rows
shown, in display order. A sort computes the full permutation once (cached per column,
direction and language) and a filter masks it (``perm[mask[perm]]``), so changing
the filter never sorts again. The Qt model asks ``value(display_row, key)`` for visible
cells only; each column's formatter is built once per language.

Filter semantics: an empty tuple means "any". A household passes the place filter if
its village is among ``villages`` or its town among ``towns`` (a tree selection sends
both). ``below_line=False`` keeps households with a known income at or above the line.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

import numpy as np

from . import display
from .columns import ColumnSource, ColumnSpec
from .rules import Evaluation
from .store import Register
from .whatif import CATEGORIES, monitoring_category, newly_below_mask

_CACHED_ORDERS = 4


@dataclass(frozen=True)
class TableFilter:
    towns: tuple[int, ...] = ()  # 12-digit town codes
    villages: tuple[int, ...] = ()  # 12-digit village codes
    mon_types: tuple[int, ...] = ()  # MONITORING_TYPE codes (0: not monitored)
    risk_statuses: tuple[int, ...] = ()  # RISK_STATUS codes
    attributes: tuple[int, ...] = ()  # ATTRIBUTE codes
    causes: tuple[int, ...] = ()  # POVERTY_CAUSE codes of the main cause
    any_cause: bool = False  # ... or among the other causes too
    relocated: bool | None = None
    income_min: float | None = None  # yuan, inclusive; missing incomes drop out
    income_max: float | None = None  # yuan, inclusive
    below_line: bool | None = None  # the rule set's line of the year
    verdicts: tuple[int, ...] = ()  # rules.VERDICTS codes
    newly_below: bool = False  # below what_if_line, not below the rule set's line
    what_if_line: float | None = None
    without_transfer: bool = False

    @property
    def is_empty(self) -> bool:
        # a what-if line alone filters nothing; it is read by ``newly_below``
        return replace(self, what_if_line=None, without_transfer=False) == TableFilter()


def _in(col: np.ndarray, codes: tuple[int, ...]) -> np.ndarray:
    """``col`` (small non-negative ints) is one of ``codes``."""
    if len(codes) <= 3:
        out = col == codes[0]
        for code in codes[1:]:
            out |= col == code
        return out
    lut = np.zeros(max(256, max(codes) + 1), dtype=bool)
    lut[list(codes)] = True
    return lut[col]


def _places(reg: Register, spec: TableFilter) -> np.ndarray:
    """Households of the chosen villages and towns: a few villages are set from the
    village index's row lists (cheaper than a lookup per household)."""
    chosen = np.isin(reg.villages, spec.villages)
    chosen |= np.isin(reg.villages // 1000 * 1000, spec.towns)
    picked = np.flatnonzero(chosen)
    if len(picked) * 4 > len(chosen):
        return chosen[reg.village_idx]
    out = np.zeros(len(reg), dtype=bool)
    offsets, rows = reg.village_offsets, reg.village_rows
    for v in picked:
        out[rows[offsets[v]:offsets[v + 1]]] = True
    return out


def filter_mask(
    reg: Register, evaluation: Evaluation | None, spec: TableFilter, year: int | None = None
) -> np.ndarray | None:
    """The households passing ``spec`` (bool per row), or None when it passes all."""
    if year is None:
        year = evaluation.year if evaluation is not None else reg.latest_year
    if spec.is_empty:
        return None
    cols = reg.columns
    mask = np.ones(len(reg), dtype=bool)
    if spec.towns or spec.villages:
        mask &= _places(reg, spec)
    for name, codes in (("mon_type", spec.mon_types), ("risk_status", spec.risk_statuses),
                        ("attribute", spec.attributes)):
        if codes:
            mask &= _in(cols[name], codes)
    if spec.causes:
        cause = _in(cols["cause_main"], spec.causes)
        if spec.any_cause:
            bits = np.uint16(sum(1 << c for c in spec.causes))
            cause |= (cols["cause_other"] & bits) != 0
        mask &= cause
    if spec.relocated is not None:
        moved = cols["reloc_kind"] > 0
        mask &= moved if spec.relocated else ~moved
    income = reg.income(year)
    if spec.income_min is not None:
        mask &= income >= spec.income_min
    if spec.income_max is not None:
        mask &= income <= spec.income_max
    needs_ev = spec.below_line is not None or spec.verdicts or spec.newly_below
    if needs_ev and (evaluation is None or evaluation.year != year):
        raise ValueError("filtering by the line or the verdict needs that year's evaluation")
    if spec.below_line is not None:
        below = income < evaluation.line  # type: ignore[union-attr]
        mask &= below if spec.below_line else (income >= evaluation.line)  # type: ignore[union-attr]
    if spec.verdicts:
        mask &= _in(evaluation.verdict, spec.verdicts)  # type: ignore[union-attr]
    if spec.newly_below:
        if spec.what_if_line is None:
            raise ValueError("'newly below' needs a what-if line")
        mask &= newly_below_mask(reg, evaluation, spec.what_if_line,  # type: ignore[arg-type]
                                 spec.without_transfer)
    return mask


@dataclass(frozen=True)
class ShownCounts:
    shown: int
    total: int
    persons: int
    in_monitoring: tuple[int, ...]  # by category: 0 not in monitoring, 1-3 types
    below_line: int | None  # None without an evaluation
    no_income: int


class TableView:
    """Rows shown, their order and their text for one register, year and evaluation."""

    def __init__(
        self,
        register: Register,
        evaluation: Evaluation | None = None,
        year: int | None = None,
        *,
        place_names: display.PlaceNames | None = None,
        site_names: display.SiteNames | None = None,
        lang: str = "zh",
    ) -> None:
        if year is None:
            year = evaluation.year if evaluation is not None else register.latest_year
        if evaluation is not None and evaluation.year != year:
            raise ValueError(f"the evaluation is of {evaluation.year}, the table of {year}")
        register.income(year)  # KeyError when the register has no such year
        if place_names is None or site_names is None:
            by_code, by_id = display.bundled_names()
            place_names = by_code if place_names is None else place_names
            site_names = by_id if site_names is None else site_names
        self.register, self.evaluation, self.year, self.lang = register, evaluation, year, lang
        self.source = ColumnSource(register, year, evaluation, place_names, site_names)
        self.filter = TableFilter()
        self.mask: np.ndarray | None = None
        self.sort_key: str | None = None
        self.descending = False
        self._perm: np.ndarray | None = None
        self._orders: dict[tuple[str, bool, str], np.ndarray] = {}
        # per household: a code of category, below the line, income missing; size
        self._flags: tuple[np.ndarray, np.ndarray] | None = None
        self._unfiltered: tuple[np.ndarray, int] | None = None
        self.order = np.arange(len(register), dtype=np.int64)

    # ----- the catalogue

    @property
    def columns(self) -> tuple[ColumnSpec, ...]:
        return tuple(self.source.specs.values())

    def default_columns(self) -> list[str]:
        return [s.key for s in self.columns if s.default]

    # ----- filter and sort

    def set_filter(self, spec: TableFilter) -> None:
        self.filter = spec
        self.mask = filter_mask(self.register, self.evaluation, spec, self.year)
        self._apply()

    def sort(self, key: str | None, descending: bool = False) -> None:
        """Sort by column ``key`` (None: register order); the filter stays."""
        self.sort_key, self.descending = key, descending
        self._perm = None if key is None else self._order(key, descending)
        self._apply()

    def set_language(self, lang: str) -> bool:
        """Switch the labels; True when the order changed (a label column is sorted)."""
        self.lang = lang
        if self.sort_key is None:
            return False
        before = self.order
        self.sort(self.sort_key, self.descending)
        return not np.array_equal(before, self.order)

    def _order(self, key: str, descending: bool) -> np.ndarray:
        kind = self.source.specs[key].kind
        lang = self.lang if kind in ("code", "verdict", "place") else ""
        cache = (key, descending, lang)
        order = self._orders.pop(cache, None)
        if order is None:
            order = self.source.order(key, descending, self.lang)
        self._orders[cache] = order  # most recently used last
        while len(self._orders) > _CACHED_ORDERS:
            del self._orders[next(iter(self._orders))]
        return order

    def _apply(self) -> None:
        perm, mask = self._perm, self.mask
        if perm is None:
            self.order = (np.arange(len(self.register), dtype=np.int64) if mask is None
                          else np.flatnonzero(mask))
        else:
            self.order = perm if mask is None else perm[mask[perm]]

    def refresh(self, evaluation: Evaluation | None = None) -> None:
        """After an edit changed the columns: take the new evaluation (if given), forget
        sort orders and formatters, and filter and sort again."""
        self.rebind(evaluation)
        self.mask = filter_mask(self.register, self.evaluation, self.filter, self.year)
        self._perm = None if self.sort_key is None else self._order(self.sort_key,
                                                                    self.descending)
        self._apply()

    def rebind(self, evaluation: Evaluation | None = None) -> None:
        """After an edit, when the rows shown should stay put: read the (possibly
        copied) columns and the new evaluation again and forget the cached sort orders
        and counts, but keep the rows and their order. The edited household stays
        where it is until the filter or the sort is applied again."""
        if evaluation is not None:
            if evaluation.year != self.year:
                raise ValueError(f"the evaluation is of {evaluation.year}, the table of "
                                 f"{self.year}")
            self.evaluation = evaluation
        self._orders.clear()
        self.source = ColumnSource(self.register, self.year, self.evaluation,
                                   self.source.place_names, self.source.site_names)
        self._flags = self._unfiltered = None

    # ----- rows and cells

    def __len__(self) -> int:
        return len(self.order)

    def row(self, display_row: int) -> int:
        """The register row shown at ``display_row``."""
        return int(self.order[display_row])

    def display_row_of(self, row: int) -> int | None:
        """Where register row ``row`` is shown (None if filtered out)."""
        found = np.flatnonzero(self.order == row)
        return int(found[0]) if len(found) else None

    def find(self, household_id: str) -> int | None:
        """The register row of a household number (None if absent)."""
        try:
            raw = household_id.strip().encode("ascii")
        except UnicodeEncodeError:
            return None
        found = np.flatnonzero(self.register.columns["household_id"] == raw)
        return int(found[0]) if len(found) else None

    def value(self, display_row: int, key: str) -> str:
        """The text of one cell."""
        return self.source.formatter(key, self.lang)(int(self.order[display_row]))

    def header(self, key: str) -> str:
        return self.source.specs[key].label(self.lang)

    def counts(self) -> ShownCounts:
        """Counts of what is shown. Per household its category, whether it is below
        the line and whether its income is missing are packed into one small code
        once per view (and again after an edit), so counting is one ``bincount``
        and one sum over the rows shown (a narrow filter: by their indexes) or over
        the rows hidden (a wide one, subtracted from the cached totals)."""
        reg, mask, n = self.register, self.mask, len(self.register)
        if self._flags is None:
            income = reg.income(self.year)
            code = monitoring_category(reg).astype(np.int8) * np.int8(4)
            if self.evaluation is not None:
                code += (income < self.evaluation.line).astype(np.int8) * np.int8(2)
            code += np.isnan(income).astype(np.int8)
            self._flags = (code, reg.columns["size"])
        if self._unfiltered is None:
            self._unfiltered = self._count(None)
        shown = len(self.order)
        if mask is None:
            bins, persons = self._unfiltered
        elif shown * 2 <= n:
            bins, persons = self._count(self.order if shown * 8 < n else mask)
        else:
            hidden, hidden_persons = self._count(np.flatnonzero(~mask))
            bins, persons = self._unfiltered[0] - hidden, self._unfiltered[1] - hidden_persons
        by_cat = bins.reshape(CATEGORIES, 4).sum(axis=1)
        below = int(bins[2::4].sum() + bins[3::4].sum())
        return ShownCounts(
            shown=shown,
            total=n,
            persons=int(persons),
            in_monitoring=tuple(int(c) for c in by_cat),
            below_line=None if self.evaluation is None else below,
            no_income=int(bins[1::4].sum() + bins[3::4].sum()),
        )

    def _count(self, rows: np.ndarray | None) -> tuple[np.ndarray, int]:
        """(households by packed code, persons) of ``rows`` (indexes or a mask)."""
        code, size = self._flags  # type: ignore[misc]
        if rows is not None:
            code, size = code[rows], size[rows]
        return (np.bincount(code, minlength=CATEGORIES * 4).astype(np.int64),
                int(size.sum(dtype=np.int64)))
