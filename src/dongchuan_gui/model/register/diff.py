"""Differences between two household registers, household by household (no Qt).

Households are matched by household number: each register's numbers are hashed to 64
bits and sorted as one ``np.sort`` of ``hash prefix | row`` (numpy sorts integers far
faster than it argsorts them or sorts 24-byte strings), looked up with
``np.searchsorted`` and every pair confirmed on the full number, so a collision never
pairs two households; if two numbers of one register share a prefix, ``np.intersect1d``
on the numbers is used instead. Each column both registers have is then compared for all
matched households at once (NaN equals NaN, NaT equals NaT), measures as sets of codes,
relocation sites by place id. A year only one register covers is a year added or
removed, not changed cells. Removed households are listed in the old register's order,
added and changed ones in the new register's.
"""

from __future__ import annotations

import datetime
import math
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from . import schema
from .idhash import id_hash, id_words
from .schema import CODE_TABLES, MEASURE, MONEY, NEEDS, POVERTY_CAUSE, STATIC_COLUMNS
from .store import Register

MEASURES = "measures"
STATUS_FIELDS = ("risk_status", "mon_type")
META_FIELDS = ("title", "synthetic", "note", "schema_version", "sites", "generator")
_STATIC = {c.name: c for c in STATIC_COLUMNS}
_PER_YEAR = {c.name: c for c in schema.YEAR_COLUMNS}
_FLAGS = frozenset(k for k, _, _ in NEEDS)
_YEAR_OR_NONE = frozenset({"registered_year", "exit_year", "reloc_year"})
_RUN_COST = 256  # rows a run must average to be compared as a slice


@dataclass(frozen=True)
class FieldChange:
    """One field of one household: the stored values (codes, yuan, ISO dates, site ids)."""

    field: str
    old: Any
    new: Any

    def words(self, lang: str = "en") -> str:
        """``label: old → new`` in words (code labels, yuan)."""
        old, new = value_words(self.field, self.old, lang), value_words(self.field, self.new, lang)
        return f"{field_label(self.field, lang)}: {old} → {new}"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "field": self.field,
            "old": json_value(self.field, self.old),
            "new": json_value(self.field, self.new),
            "old_text": value_words(self.field, self.old, lang),
            "new_text": value_words(self.field, self.new, lang),
        }


@dataclass(frozen=True)
class HouseholdChange:
    household_id: str
    fields: tuple[FieldChange, ...]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {"household": self.household_id, "fields": [f.to_dict(lang) for f in self.fields]}


@dataclass(frozen=True)
class StatusChange:
    """How many matched households went from code ``old`` to ``new`` in ``field``."""

    field: str  # risk_status or mon_type
    old: int
    new: int
    households: int

    def words(self, lang: str = "en") -> str:
        table = CODE_TABLES[_STATIC[self.field].codes]
        title = table.zh if lang == "zh" else table.en
        return f"{title}: {table.label(self.old, lang)} → {table.label(self.new, lang)}"

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "field": self.field,
            "old": json_value(self.field, self.old),
            "new": json_value(self.field, self.new),
            "text": self.words(lang),
            "households": self.households,
        }


@dataclass
class RegisterDiff:
    """What changed from one register to another."""

    old_households: int
    new_households: int
    matched: int
    added: np.ndarray  # household numbers (bytes), in the new register's order
    removed: np.ndarray  # household numbers (bytes), in the old register's order
    changed: int  # matched households with at least one field changed
    field_counts: dict[str, int]  # changed households per field, schema order, nonzero only
    status_changes: tuple[StatusChange, ...]
    examples: tuple[HouseholdChange, ...]  # the first changed households
    years_added: tuple[int, ...] = ()
    years_removed: tuple[int, ...] = ()
    meta_changes: tuple[FieldChange, ...] = field(default_factory=tuple)

    @property
    def is_empty(self) -> bool:
        return not (
            len(self.added) or len(self.removed) or self.changed
            or self.years_added or self.years_removed or self.meta_changes
        )

    def added_ids(self, limit: int | None = None) -> list[str]:
        return _texts(self.added[:limit])

    def removed_ids(self, limit: int | None = None) -> list[str]:
        return _texts(self.removed[:limit])

    def to_dict(self, lang: str = "en", show: int | None = None) -> dict[str, Any]:
        """Builtins for JSON; ``show`` caps the lists of ids and of changed households."""
        return {
            "same": self.is_empty,
            "households": {
                "old": self.old_households,
                "new": self.new_households,
                "matched": self.matched,
                "added": len(self.added),
                "removed": len(self.removed),
                "changed": self.changed,
                "unchanged": self.matched - self.changed,
            },
            "years_added": list(self.years_added),
            "years_removed": list(self.years_removed),
            "meta": [{"field": f.field, "old": f.old, "new": f.new} for f in self.meta_changes],
            "fields": dict(self.field_counts),
            "status_changes": [s.to_dict(lang) for s in self.status_changes],
            "added": self.added_ids(show),
            "removed": self.removed_ids(show),
            "changed": [h.to_dict(lang) for h in self.examples[:show]],
        }


def diff_registers(old: Register, new: Register, *, examples: int = 20) -> RegisterDiff:
    """What changed from ``old`` to ``new``; the first ``examples`` changed households
    are kept with their fields' old and new values."""
    match = match_households(old.columns["household_id"], new.columns["household_id"])
    common = [y for y in old.years if y in new.years]
    names = [c.name for c in STATIC_COLUMNS if c.name != "household_id"]
    names += [schema.year_column(c.name, y) for y in common for c in schema.YEAR_COLUMNS]
    any_changed = np.zeros(match.matched, dtype=bool)
    counts: dict[str, int] = {}
    status: list[StatusChange] = []
    for name in names:
        a, b = _comparable(old, new, name)
        changed = match.differ(a, b)
        counts[name] = int(np.count_nonzero(changed))
        if counts[name]:
            any_changed |= changed
            if name in STATUS_FIELDS:
                at = np.flatnonzero(changed)
                status += _transitions(name, a[match.old_rows[at]], b[match.new_rows[at]])
    changed = _measures_differ(old, new, match.old_rows, match.new_rows)
    counts[MEASURES] = int(np.count_nonzero(changed))
    any_changed |= changed
    rows = np.flatnonzero(any_changed)
    return RegisterDiff(
        old_households=len(old),
        new_households=len(new),
        matched=match.matched,
        added=new.columns["household_id"][match.added],
        removed=old.columns["household_id"][match.removed],
        changed=len(rows),
        field_counts={k: v for k, v in counts.items() if v},
        status_changes=tuple(sorted(status, key=lambda s: STATUS_FIELDS.index(s.field))),
        examples=_examples(old, new, match, rows[: max(examples, 0)], names),
        years_added=tuple(y for y in new.years if y not in old.years),
        years_removed=tuple(y for y in old.years if y not in new.years),
        meta_changes=_meta_changes(old, new),
    )


# ----- matching households


@dataclass(frozen=True)
class Matching:
    """Households of two registers paired by household number."""

    old_rows: np.ndarray  # matched rows of the old register, in new-row order
    new_rows: np.ndarray  # matched rows of the new register, increasing
    added: np.ndarray  # rows of the new register not in the old
    removed: np.ndarray  # rows of the old register not in the new
    runs: list[tuple[int, int, int, int]] | None  # (first, end, old row, new row) or None

    @property
    def matched(self) -> int:
        return len(self.new_rows)

    def differ(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Where whole columns ``a`` (old) and ``b`` (new) differ, per matched pair;
        NaN equals NaN. Runs of pairs in step are compared as slices, without copies."""
        old_rows, new_rows = self.old_rows, self.new_rows
        if self.runs is None:
            out = a[old_rows] != b[new_rows]
        else:
            out = np.empty(len(new_rows), dtype=bool)
            for first, end, o, n in self.runs:
                np.not_equal(a[o : o + end - first], b[n : n + end - first], out=out[first:end])
        if a.dtype.kind == "f":
            at = np.flatnonzero(out)
            if len(at):
                out[at[np.isnan(a[old_rows[at]]) & np.isnan(b[new_rows[at]])]] = False
        return out


def match_households(old_ids: np.ndarray, new_ids: np.ndarray) -> Matching:
    """Pair the households of two registers by household number (unique in each)."""
    width = -(-max(old_ids.dtype.itemsize, new_ids.dtype.itemsize, 1) // 8) * 8
    a, b = id_words(old_ids, width), id_words(new_ids, width)
    if a.shape == b.shape and np.array_equal(a, b):
        rows = np.arange(len(a), dtype=np.int64)
        none = np.zeros(0, dtype=np.int64)
        return Matching(rows, rows, none, none, [(0, len(a), 0, 0)] if len(a) else [])
    found = _match_hashed(a, b)
    if found is None:
        _, old_at, new_at = np.intersect1d(old_ids, new_ids, assume_unique=True,
                                           return_indices=True)
    else:
        old_at, new_at = found
    old_of_new = np.full(len(b), -1, dtype=np.int64)
    old_of_new[new_at] = old_at
    new_rows = np.flatnonzero(old_of_new >= 0)
    old_rows = old_of_new[new_rows]
    same = np.ones(len(new_rows), dtype=bool)
    for i in range(a.shape[1]):  # in row order: reads memory in sequence
        same &= a[old_rows, i] == b[new_rows, i]
    if not same.all():  # a hash collision is not a match
        old_of_new[new_rows[~same]] = -1
        new_rows, old_rows = new_rows[same], old_rows[same]
    kept = np.ones(len(a), dtype=bool)
    kept[old_rows] = False
    added, removed = np.flatnonzero(old_of_new < 0), np.flatnonzero(kept)
    return Matching(old_rows, new_rows, added, removed, _runs(old_rows, new_rows))


def _runs(old_rows: np.ndarray, new_rows: np.ndarray) -> list[tuple[int, int, int, int]] | None:
    """Stretches where both registers list matched households in step, if few enough
    that comparing slices beats copying every column (else None)."""
    n = len(new_rows)
    if n == 0:
        return []
    starts = np.flatnonzero((np.diff(old_rows) != 1) | (np.diff(new_rows) != 1)) + 1
    if (len(starts) + 1) * _RUN_COST > n:
        return None
    firsts = np.concatenate(([0], starts))
    ends = np.append(starts, n)
    return list(zip(firsts.tolist(), ends.tolist(), old_rows[firsts].tolist(),
                    new_rows[firsts].tolist(), strict=True))


def _match_hashed(a: np.ndarray, b: np.ndarray) -> tuple[np.ndarray, np.ndarray] | None:
    """Candidate pairs (old rows, new rows) with the same hash prefix, to be confirmed
    on the full numbers; None when two numbers of one register share a prefix."""
    bits = max(1, (max(len(a), len(b)) - 1).bit_length())
    low = np.uint64((1 << bits) - 1)
    sorted_keys = []
    for words in (a, b):
        key = id_hash(words) & ~low
        key |= np.arange(len(words), dtype=np.uint64)
        key = np.sort(key)
        prefix = key >> np.uint64(bits)
        if len(prefix) > 1 and bool(np.any(prefix[1:] == prefix[:-1])):
            return None
        sorted_keys.append((prefix, (key & low).astype(np.int64)))
    (old_prefix, old_row), (new_prefix, new_row) = sorted_keys
    if not len(old_prefix) or not len(new_prefix):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    at = np.minimum(np.searchsorted(old_prefix, new_prefix), len(old_prefix) - 1)
    hit = old_prefix[at] == new_prefix
    return old_row[at[hit]], new_row[hit]


# ----- comparing columns


def _comparable(old: Register, new: Register, name: str) -> tuple[np.ndarray, np.ndarray]:
    """Whole column ``name`` of each register, comparable value by value: dates as
    days (NaT equals NaT), relocation sites as indexes into both registers' sites."""
    a, b = old.columns[name], new.columns[name]
    if a.dtype.kind == "M" and b.dtype.kind == "M":
        return a.view(np.int64), b.view(np.int64)
    if name == "reloc_site" and old.meta.sites != new.meta.sites:
        union = sorted(set(old.meta.sites) | set(new.meta.sites))
        a = np.array([union.index(s) for s in old.meta.sites], dtype=np.int64)[a]
        b = np.array([union.index(s) for s in new.meta.sites], dtype=np.int64)[b]
    return a, b


def _transitions(name: str, a: np.ndarray, b: np.ndarray) -> list[StatusChange]:
    size = CODE_TABLES[_STATIC[name].codes].max_value + 1
    counts = np.bincount(a.astype(np.int64) * size + b, minlength=size * size)
    found = [StatusChange(name, int(k) // size, int(k) % size, int(counts[k]))
             for k in np.flatnonzero(counts)]
    return sorted(found, key=lambda s: (-s.households, s.old, s.new))


def _measures_differ(
    old: Register, new: Register, old_rows: np.ndarray, new_rows: np.ndarray
) -> np.ndarray:
    """Matched households whose measures differ, compared as sets of codes."""
    oa, na = old.measure_offsets, new.measure_offsets
    o_start, n_start = oa[old_rows].astype(np.int64), na[new_rows].astype(np.int64)
    length = oa[old_rows + 1] - o_start
    out = length != na[new_rows + 1] - n_start
    check = np.flatnonzero(~out & (length > 0))
    if not len(check):
        return out
    lengths = length[check]
    first = np.repeat(np.cumsum(lengths) - lengths, lengths)
    within = np.arange(len(first), dtype=np.int64) - first
    a = old.measure_values[np.repeat(o_start[check], lengths) + within]
    b = new.measure_values[np.repeat(n_start[check], lengths) + within]
    owner = np.repeat(np.arange(len(check), dtype=np.int64), lengths)
    suspect = np.zeros(len(check), dtype=bool)
    suspect[owner[a != b]] = True
    if suspect.any():  # the same codes in another order are the same measures
        sel = suspect[owner]
        keys = [np.sort(owner[sel] << 8 | v[sel].astype(np.uint8)) for v in (a, b)]
        unequal = keys[0] != keys[1]
        out[check[keys[0][unequal] >> 8]] = True
    return out


# ----- the first changed households, with values


def _examples(
    old: Register, new: Register, match: Matching, rows: np.ndarray, names: list[str]
) -> tuple[HouseholdChange, ...]:
    if not len(rows):
        return ()
    o, k = match.old_rows[rows], match.new_rows[rows]
    few = Matching(o, k, o[:0], o[:0], None)
    found: list[list[FieldChange]] = [[] for _ in rows]
    for name in names:
        a, b = old.columns[name], new.columns[name]
        for i in np.flatnonzero(few.differ(*_comparable(old, new, name))):
            found[i].append(
                FieldChange(name, _value(old, name, a[o[i]]), _value(new, name, b[k[i]]))
            )
    for i, (ro, rn) in enumerate(zip(o.tolist(), k.tolist(), strict=True)):
        ma, mb = sorted(old.measures(ro)), sorted(new.measures(rn))
        if ma != mb:
            found[i].append(FieldChange(MEASURES, tuple(ma), tuple(mb)))
    ids = new.columns["household_id"][k]
    return tuple(HouseholdChange(h, tuple(f)) for h, f in zip(_texts(ids), found, strict=True))


def _value(reg: Register, name: str, value: np.generic) -> Any:
    """A stored value as plain Python (dates ISO, site as its place id)."""
    if name == "reloc_site":
        return reg.meta.sites[int(value)]
    out = value.item()
    return out.isoformat() if isinstance(out, datetime.date) else out


def _meta_changes(old: Register, new: Register) -> tuple[FieldChange, ...]:
    a, b = old.meta.to_dict(), new.meta.to_dict()
    return tuple(FieldChange(k, a[k], b[k]) for k in META_FIELDS if a[k] != b[k])


def _texts(ids: np.ndarray) -> list[str]:
    return [bytes(i).decode("ascii", "replace") for i in ids]


# ----- words


def _column(name: str) -> tuple[schema.Column | None, int | None]:
    """The schema column of ``name`` and its year (None for static columns)."""
    if name in _STATIC:
        return _STATIC[name], None
    base, _, year = name.rpartition("_")
    if base in _PER_YEAR and year.isdigit():
        return _PER_YEAR[base], int(year)
    return None, None


def field_label(name: str, lang: str = "en") -> str:
    """A field's label in ``lang`` ('risk status', '人均纯收入 2025年')."""
    if name == MEASURES:
        return MEASURE.zh if lang == "zh" else "measures"
    col, year = _column(name)
    if col is None:
        return name
    label = col.zh if lang == "zh" else col.en
    if year is not None:
        label += f" {year}年" if lang == "zh" else f" {year}"
    return label


_NONE = {"en": "none", "zh": "无"}
_NOT_RECORDED = {"en": "not recorded", "zh": "未记录"}
_FLAG_WORDS = {
    "en": {1: "met", 0: "not met", -1: "not recorded"},
    "zh": {1: "已保障", 0: "未保障", -1: "未记录"},
}


def value_words(name: str, value: Any, lang: str = "en") -> str:
    """A stored value in words: code labels, yuan to the fen, 'not recorded'."""
    lang = "zh" if lang == "zh" else "en"
    sep = "、" if lang == "zh" else ", "
    if name == MEASURES:
        return sep.join(MEASURE.label(v, lang) for v in value) or _NONE[lang]
    col, year = _column(name)
    if col is None:
        return str(value)
    base = col.name
    if col.codes:
        return CODE_TABLES[col.codes].label(int(value), lang)
    if base in MONEY:
        if value is None or (isinstance(value, float) and math.isnan(value)):
            return _NOT_RECORDED[lang]
        return f"{value:,.2f} " + ("元" if lang == "zh" else "yuan")
    if base in _FLAGS:
        return _FLAG_WORDS[lang].get(int(value), str(value))
    if base == "employed" and value == -1:
        return _NOT_RECORDED[lang]
    if base == "cause_other":
        causes = [POVERTY_CAUSE.label(c, lang) for c in range(16) if int(value) >> c & 1]
        return sep.join(causes) or _NONE[lang]
    if base == "no_labour":
        return ("是" if value else "否") if lang == "zh" else ("yes" if value else "no")
    if value is None or value == "" or (base in _YEAR_OR_NONE and value == 0):
        return _NONE[lang]
    return str(value)


def json_value(name: str, value: Any) -> Any:
    """A stored value for JSON: code keys, yuan or null, lists of keys."""
    if name == MEASURES:
        return [MEASURE.codes[v].key for v in value]
    col, _ = _column(name)
    if col is not None and col.codes:
        return CODE_TABLES[col.codes].codes[value].key
    if col is not None and col.name == "cause_other":
        return [c.key for c in POVERTY_CAUSE.codes if value >> c.value & 1]
    if isinstance(value, float) and math.isnan(value):
        return None
    return value
