"""Imports of the ledgers the national monitoring system exports (XLSX or CSV) into a
household register, checked row by row (no Qt).

:func:`import_ledger` reads the file (:mod:`.ledger_read`), finds the header, maps its
columns to the register's fields (:mod:`.ledger_headers`; the caller may override),
and returns a :class:`LedgerPlan`: a verdict for every row (taken, refused with the
reason, skipped), the counts, and the personal columns that were dropped. Nothing is
written: :meth:`LedgerPlan.register` builds the register of the rows taken, and the
caller saves it.

Personal data never enters a register. Columns whose header names a person, an ID
number, a phone or a bank account are dropped unread; so is a column most of whose
values are such numbers. A value shaped like a resident ID number anywhere else in a
row (the household number included) refuses the row. No message repeats a cell.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from . import ledger_headers as lh
from . import ledger_values as lv
from .atomic import file_sha256
from .ledger_read import (
    MAX_COLUMNS,
    LedgerError,
    RawSheet,
    column_index,
    masked,
    read_ledger,
    row_cells,
)
from .store import Register, RegisterMeta

__all__ = ["DroppedColumn", "LedgerError", "LedgerPlan", "RowVerdict", "import_ledger",
           "plan_ledger", "read_ledger"]

TOTAL_WORDS = ("合计", "总计", "小计", "共计", "total")
# fields a register cannot do without, and what a ledger calls them
REQUIRED = (("household_id", "户编号"), ("size", "家庭人口数"), ("labour", "劳动力人数"))


@dataclass(frozen=True)
class DroppedColumn:
    """A column of personal data, never read into the register."""

    letter: str
    header: str
    kind: str  # name, id_number, phone, bank
    detail: str  # why: its header, or what its values look like

    def describe(self) -> str:
        head = (f"column {self.letter} ({masked(self.header)})" if self.header
                else f"column {self.letter}")
        return f"{head}: {self.detail}"


@dataclass(frozen=True)
class RowVerdict:
    row: int  # as Excel shows it
    status: str  # ok, refused, skipped
    reason: str = ""


@dataclass
class LedgerPlan:
    """What an import would do; nothing is written until the caller saves
    :meth:`register`."""

    file: Path
    sheet: str
    year: int
    year_from: str
    header_row: int
    header: list[str]
    letters: list[str]
    mapping: dict[str, int]
    dropped: list[DroppedColumn]
    rows: np.ndarray  # Excel row number of every row with a household or its figures
    ok: np.ndarray  # bool per row: taken
    refused: dict[int, str]  # Excel row -> reason
    skipped: dict[int, str]  # Excel row -> why it is not a household (totals, notes)
    notes: list[str] = field(default_factory=list)
    values: dict[str, np.ndarray] = field(default_factory=dict)
    measures: list[list[int]] | None = None
    sha256: str = ""

    @property
    def where(self) -> str:
        return f"{self.file.name} › {masked(self.sheet)}" if self.sheet else self.file.name

    def counts(self) -> dict[str, int]:
        return {"rows": len(self.rows) + len(self.skipped), "taken": int(self.ok.sum()),
                "refused": len(self.refused), "skipped": len(self.skipped)}

    def summary(self) -> str:
        c = self.counts()
        return (f"{c['taken']:,} households taken, {c['refused']:,} rows refused, "
                f"{c['skipped']:,} skipped")

    def verdicts(self) -> Iterator[RowVerdict]:
        """Every row in sheet order."""
        marks = [(int(r), "refused" if r in self.refused else "ok") for r in self.rows]
        marks += [(r, "skipped") for r in self.skipped]
        for row, status in sorted(marks):
            reason = self.refused.get(row, "") if status == "refused" else self.skipped.get(
                row, "")
            yield RowVerdict(row, status, reason)

    def mapped(self) -> dict[str, str]:
        """Field -> 'C 户编号'."""
        return {f: f"{self.letters[j]} {masked(self.header[j])}".strip()
                for f, j in self.mapping.items()}

    def register(self, *, title: str | None = None) -> Register:
        """The register of the rows taken (synthetic=False, the file named in its note)."""
        keep = self.ok
        columns = {name: arr[keep] for name, arr in self.values.items()}
        measures = None
        if self.measures is not None:
            measures = [m for m, k in zip(self.measures, keep.tolist(), strict=True) if k]
        c = self.counts()
        now = dt.datetime.now(dt.UTC).replace(microsecond=0)
        dropped = ", ".join(d.letter for d in self.dropped) or "none"
        meta = RegisterMeta(
            years=(self.year,),
            title=title or self.file.stem,
            synthetic=False,
            created=now.isoformat(),
            note=(f"Imported from {self.where} (header in row {self.header_row}, "
                  f"{self.year} figures) on {now.date().isoformat()} by dongchuan register "
                  f"import: {c['taken']:,} households taken, {c['refused']:,} rows refused; "
                  f"personal columns dropped unread: {dropped}."),
            generator={"tool": "dongchuan register import", "file": self.file.name,
                       "sheet": masked(self.sheet), "sha256": self.sha256, "year": self.year,
                       "mapping": self.mapped(), "taken": c["taken"],
                       "refused": c["refused"], "dropped": [d.letter for d in self.dropped]},
        )
        return Register.from_columns(columns, meta, measures)

    def to_dict(self, limit: int | None = None) -> dict[str, Any]:
        refused = sorted(self.refused.items())[:limit]
        return {
            "file": str(self.file), "sheet": masked(self.sheet), "year": self.year,
            "year_from": self.year_from, "header_row": self.header_row,
            "counts": self.counts(), "mapping": self.mapped(),
            "dropped": [{"column": d.letter, "header": masked(d.header), "kind": d.kind,
                         "why": d.detail} for d in self.dropped],
            "refused": [{"row": r, "reason": why} for r, why in refused],
            "skipped": [{"row": r, "reason": why} for r, why in sorted(self.skipped.items())],
            "notes": list(self.notes),
        }


def import_ledger(
    path: str | os.PathLike[str],
    *,
    year: int | None = None,
    mapping: Mapping[str, int | str | None] | None = None,
    sheet: str | None = None,
) -> LedgerPlan:
    """Read a ledger and plan its import (a dry run: nothing is written)."""
    raw = read_ledger(Path(path), sheet)
    plan = plan_ledger(raw, year=year, mapping=mapping)
    try:
        plan.sha256 = file_sha256(Path(path))
    except OSError:
        plan.sha256 = ""
    return plan


# ------------------------------------------------------------------ planning


def plan_ledger(
    raw: RawSheet, *, year: int | None = None, mapping: Mapping[str, Any] | None = None
) -> LedgerPlan:
    """Verdicts for every row of ``raw`` (see :func:`import_ledger`)."""
    names = [lh.normalize(h) for h in raw.header]
    dropped = {j: DroppedColumn(raw.letter(j), raw.header[j], kind,
                                f"{lh.PERSONAL_KINDS[kind]}, by its header")
               for j, (name, _) in enumerate(names) if (kind := lh.personal_kind(name))}
    year, year_from = _year(raw, names, year)
    while True:
        fields = lh.guess_mapping(raw.header, year, skip=dropped, years=raw.years)
        if mapping:
            _override(raw, fields, mapping, dropped)
        for fallback, main in lh.FALLBACK.items():
            if main in fields:
                fields.pop(fallback, None)
        _required(raw, fields, dropped)
        try:
            return _Planner(raw, fields, year, year_from, dropped).run()
        except _PersonalColumnError as found:  # a chosen column turned out to hold personal numbers
            dropped[found.j] = found.column


class _PersonalColumnError(Exception):
    def __init__(self, j: int, column: DroppedColumn) -> None:
        self.j, self.column = j, column


def _required(raw: RawSheet, fields: dict[str, int], dropped: dict[int, DroppedColumn]) -> None:
    for fld, zh in REQUIRED:
        if fld not in fields:
            gone = [d.describe() for d in dropped.values()
                    if lh.field_of(lh.normalize(d.header)[0]) == fld]
            raise LedgerError(
                f"{raw.where}: no column for {fld} ({zh}) in the header in row "
                f"{raw.header_row}" + (f"; dropped as personal data: {'; '.join(gone)}"
                                       if gone else f"; expected a column such as {zh} or "
                                       f"{fld} (or --map {fld}=COLUMN)"))
    if "village" not in fields and "village_name" not in fields:
        raise LedgerError(f"{raw.where}: no column for the village in the header in row "
                          f"{raw.header_row}; expected 所属村 or 行政区划代码 (village)")


def _year(raw: RawSheet, names: list[tuple[str, int | None]], year: int | None) -> tuple:
    tagged = {}
    for j, (name, tag) in enumerate(names):
        if tag is None and raw.years[j] is not None and lh.field_of(name) in lh.YEAR_FIELDS:
            tag = raw.years[j]
        if tag is not None and lh.field_of(name) in lh.YEAR_FIELDS:
            tagged.setdefault(
                tag, f"the header of column {raw.letter(j)} ({masked(raw.header[j])})"
            )
    if year is not None:
        if tagged and year not in tagged:
            first = next(iter(tagged.values()))
            raise LedgerError(f"{raw.where}: {first} names {', '.join(map(str, tagged))}, "
                              f"not {year}; expected that year or no year given")
        return year, tagged.get(year, "given by the caller")
    if len(tagged) == 1:
        return next(iter(tagged.items()))
    if tagged:
        raise LedgerError(f"{raw.where}: the headers name the years "
                          f"{', '.join(map(str, sorted(tagged)))}; expected one year given "
                          "(--year) to choose the columns")
    raise LedgerError(f"{raw.where}: no header names the year of the incomes; expected the "
                      "year given (--year 2024)")


def _override(raw: RawSheet, fields: dict[str, int], mapping: Mapping[str, Any],
              personal: Mapping[int, DroppedColumn]) -> None:
    """Apply the caller's field -> column choices (index, letter or header text; None or
    '' or '-' leaves the field out)."""
    for fld, choice in mapping.items():
        if fld not in lh.FIELDS:
            raise LedgerError(f"{raw.where}: no field {fld!r}; expected one of "
                              + ", ".join(lh.FIELDS))
        if choice in (None, "", "-"):
            fields.pop(fld, None)
            continue
        j = _column_of(raw, choice)
        if j in personal:
            raise LedgerError(f"{raw.where}: {raw.label(j)} holds personal data "
                              f"({personal[j].detail}); it is never imported")
        for other, col in list(fields.items()):
            if col == j and other != fld:
                del fields[other]
        fields[fld] = j


def _column_of(raw: RawSheet, choice: Any) -> int:
    if isinstance(choice, int):
        j = choice
    else:
        text = str(choice).strip()
        exact = [j for j, h in enumerate(raw.header) if h == text]
        if exact:
            j = exact[0]
        else:
            try:
                j = column_index(text) - raw.first_col
            except ValueError:
                raise LedgerError(f"{raw.where}: no column {text!r}; expected a column letter "
                                  "or a header of row " + str(raw.header_row)) from None
    if not 0 <= j < len(raw.header):
        raise LedgerError(f"{raw.where}: no column {choice!r} in the sheet (columns "
                          f"{raw.letter(0)} to {raw.letter(len(raw.header) - 1)})")
    return j


class _Planner:
    def __init__(self, raw: RawSheet, fields: dict[str, int], year: int, year_from: str,
                 dropped: dict[int, DroppedColumn]) -> None:
        self.raw, self.fields, self.year = raw, fields, year
        self.year_from, self.dropped = year_from, dict(dropped)
        self.reasons: dict[int, str] = {}  # data index -> first reason
        self.shapes: dict[str, lv.Shapes] = {}
        self.notes: list[str] = list(raw.notes)
        # a list (changed in place) only where merged cells are filled down
        copy = {c0 for _, c0, _, _ in raw.merged}
        self.cols: dict[str, Any] = {
            f: list(raw.columns[j]) if j in copy else raw.columns[j] for f, j in fields.items()
        }

    def refuse(self, i: int, fld: str | None, why: str) -> None:
        if i not in self.reasons:
            label = self.raw.label(self.fields[fld]) + ": " if fld else ""
            self.reasons[i] = label + why

    def run(self) -> LedgerPlan:
        raw = self.raw
        n = len(raw.rows)
        id_rows = self._unmapped()
        self.ids = lv.household_ids(self.cols["household_id"])
        skipped = self._skip(n)
        keep = np.array([i not in skipped for i in range(n)], dtype=bool)
        self._merged()
        values = self._convert(n)
        for fld, shape in self.shapes.items():
            j = self.fields[fld]
            if shape.personal_kind() is not None:
                raise _PersonalColumnError(j, DroppedColumn(raw.letter(j), raw.header[j],
                                                 shape.personal_kind() or "", shape.describe()))
            for i in shape.id_rows:
                id_rows.setdefault(i, j)
        for i, j in id_rows.items():  # before any other reason of the row
            self.reasons[i] = (f"{raw.label(j)} holds what looks like a resident ID number; "
                               "the row was not imported")
        from .ledger_ids import personal_household_numbers

        villages = values.get("village")
        for i, why in personal_household_numbers(values["household_id"], villages).items():
            self.refuse(i, "household_id", why)
        self._duplicates(values["household_id"], keep)
        self._checks(values)
        numbers = raw.rows
        ok = keep & np.array([i not in self.reasons for i in range(n)], dtype=bool)
        refused = {int(numbers[i]): why for i, why in self.reasons.items() if keep[i]}
        refused.update(raw.bad_rows)
        dropped = [self.dropped[j] for j in sorted(self.dropped)]
        plan = LedgerPlan(
            raw.file, raw.sheet, self.year, self.year_from, raw.header_row, raw.header,
            [raw.letter(j) for j in range(len(raw.header))], dict(self.fields), dropped,
            numbers[keep], ok[keep],
            {r: refused[r] for r in sorted(refused)},
            {int(numbers[i]): why for i, why in sorted(skipped.items()) if why},
            self.notes, {k: v[keep] for k, v in values.items()},
        )
        if self.measures is not None:
            plan.measures = [m for m, k in zip(self.measures, keep.tolist(), strict=True) if k]
        return plan

    def _unmapped(self) -> dict[int, int]:
        """Columns not chosen for a field: dropped when most of their values are personal
        numbers; else the rows where one holds an ID number (row index -> column)."""
        raw, chosen, id_rows = self.raw, set(self.fields.values()), {}
        for j in range(len(raw.header)):
            if j in self.dropped or j in chosen:
                continue
            shape = lv.shapes(raw.columns[j])
            kind = shape.personal_kind()
            if kind is not None:
                self.dropped[j] = DroppedColumn(raw.letter(j), raw.header[j], kind,
                                                shape.describe())
            for i in shape.id_rows if kind is None else ():
                id_rows.setdefault(i, j)
        return id_rows

    def _skip(self, n: int) -> dict[int, str]:
        """Rows that are not households: empty in every mapped column (silently), totals,
        notes, a repeated header, a row of column numbers under the header."""
        out: dict[int, str] = {}
        cells = self.cols["household_id"]
        header = self.raw.header[self.fields["household_id"]].replace(" ", "")
        _, refused, _, empty = self.ids
        for i in refused:  # "合计" or "户编号" do not pass as household numbers
            t = lv.text(cells[i]).replace(" ", "")
            if t and t == header:
                out[i] = "a repeated header row"
            elif t.lower().startswith(TOTAL_WORDS):
                out[i] = "a total row, not a household"
        mapped = list(self.cols.values())
        for i in np.flatnonzero(empty).tolist():
            first = [lv.text(v) for v in row_cells(self.raw.columns, i, 8) if v not in lv.EMPTY]
            if any(t.replace(" ", "").lower().startswith(TOTAL_WORDS) for t in first):
                out[i] = "a total row, not a household"
            elif all(c[i] in lv.EMPTY for c in mapped):
                out[i] = ""  # nothing of a household: left out without a word
        if n and 0 not in out:
            numbers = [lv.text(v) for v in row_cells(self.raw.columns, 0, MAX_COLUMNS)
                       if v not in lv.EMPTY]
            if len(numbers) >= 3 and numbers == [str(k + 1) for k in range(len(numbers))]:
                out[0] = "the column numbers under the header"
        return out

    def _merged(self) -> None:
        raw, filled = self.raw, {}
        by_col = {j: f for f, j in self.fields.items()}
        base = int(raw.rows[0]) if len(raw.rows) else 0
        for r0, c0, r1, c1 in raw.merged:
            for j in range(c0, c1 + 1):
                fld = by_col.get(j)
                if fld is None:
                    continue
                col = self.cols[fld]
                for row in range(max(r0, base), r1 + 1):
                    i = row - base
                    if (row, j) == (r0, c0) or not 0 <= i < len(col):
                        continue
                    if fld in lh.FILL_DOWN and j == c0 and 0 <= r0 - base < len(col):
                        col[i] = col[r0 - base]
                        filled[fld] = filled.get(fld, 0) + 1
                    else:
                        span = f"{raw.letter(c0)}{r0}:{raw.letter(c1)}{r1}"
                        self.refuse(i, fld, f"part of the merged cell {span}; expected one "
                                    "value per household (only the village and town columns "
                                    "are filled down from merged cells)")
        for fld, count in filled.items():
            self.notes.append(f"{raw.label(self.fields[fld])}: merged cells filled down to "
                              f"{count:,} rows (a village or town is safe to fill down)")

    def _take(self, fld: str, result: tuple) -> Any:
        """The value(s) of a converter's result; its refusals and shapes noted."""
        *arrays, errors, shape = result
        for i, why in errors.items():
            self.refuse(i, fld, why)
        if shape is not lv.NO_SHAPES:
            self.shapes[fld] = shape
        return arrays[0] if len(arrays) == 1 else arrays

    def _convert(self, n: int) -> dict[str, np.ndarray]:
        from .ledger_fields import convert_fields

        values, self.measures = convert_fields(self, n)
        return values

    def _duplicates(self, ids: np.ndarray, keep: np.ndarray) -> None:
        rows = np.flatnonzero(keep & (ids != b""))
        _, first, group = np.unique(ids[rows], return_index=True, return_inverse=True)
        later = np.flatnonzero(first[group] != np.arange(len(rows)))
        for k in later.tolist():
            seen = int(self.raw.rows[rows[first[group[k]]]])
            self.refuse(int(rows[k]), "household_id", "the same household number as row "
                        f"{seen}; expected each household once")

    def _checks(self, values: dict[str, np.ndarray]) -> None:
        size, labour = values["size"], values["labour"]
        employed = values[f"employed_{self.year}"]
        for i in np.flatnonzero((labour > size) & (size > 0)).tolist():
            self.refuse(i, "labour" if "labour" in self.fields else None,
                        "more labourers than household members; expected at most the "
                        "household size")
        for i in np.flatnonzero((employed > size) & (size > 0)).tolist():
            self.refuse(i, "employed" if "employed" in self.fields else None,
                        "more persons employed than household members; expected at most the "
                        "household size")
        ident, since = values["identified"], values["status_date"]
        late = ~np.isnat(ident) & ~np.isnat(since) & (since < ident)
        for i in np.flatnonzero(late).tolist():
            self.refuse(i, "status_date" if "status_date" in self.fields else None,
                        "the risk status date is before the identified date; expected it on "
                        "or after that date")
