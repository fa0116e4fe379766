"""The register in memory (numpy columns with indexes) and on disk (one Parquet file).

Indexes, built once: the villages as a dense code per row with the rows of each
village (``village_offsets``, ``village_rows``); per year and level, on first use, a
presorted key ``group << 40 | income in fen`` so that "how many households of each
village are below X yuan" is one ``np.searchsorted`` instead of a pass over all rows.
Incomes are compared to the fen (0.01 yuan), as the ledgers record them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

import numpy as np

from . import schema
from .atomic import file_sha256, write_atomic_stream
from .idhash import first_repeat
from .income_key import _MISSING, _SHIFT, IncomeKey, _build_key, _fen_threshold  # noqa: F401
from .ref import RegisterRef, check_ref, make_ref  # noqa: F401 (part of the store API)
from .schema import FLAG_UNKNOWN, ID_WIDTH, MEASURE, SCHEMA_VERSION

LEVELS = ("village", "town", "district")
MAX_ROWS = 50_000_000
_ROW_GROUP = 4 * 1024 * 1024
_READ_BATCH = 24  # columns read at a time


class RegisterError(Exception):
    """A register file that cannot be read or is not valid. ``str()`` is one line."""

    def __init__(self, file: str, message: str, *, unreadable: bool = False) -> None:
        super().__init__(f"{file}: {message}")
        self.file = file
        self.message = message
        self.unreadable = unreadable


@dataclass
class RegisterMeta:
    """What the file says about itself (JSON in the Parquet schema metadata)."""

    years: tuple[int, ...]
    title: str = ""
    synthetic: bool = False
    created: str = ""
    note: str = ""
    sites: tuple[str, ...] = ("",)  # relocation sites (place ids); 0 means none
    generator: dict[str, Any] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION

    def to_dict(self) -> dict[str, Any]:
        return {
            "format": schema.FORMAT_NAME,
            "schema_version": self.schema_version,
            "title": self.title,
            "years": list(self.years),
            "synthetic": self.synthetic,
            "created": self.created,
            "note": self.note,
            "sites": list(self.sites),
            "generator": self.generator,
        }

    @classmethod
    def from_dict(cls, doc: Any, file: str = "<register>") -> RegisterMeta:
        if not isinstance(doc, dict) or doc.get("format") != schema.FORMAT_NAME:
            raise RegisterError(file, "not a Dongchuan register (no register metadata)")
        version = doc.get("schema_version")
        if not isinstance(version, int) or version < 1:
            raise RegisterError(file, f"bad schema_version {version!r}")
        if version > SCHEMA_VERSION:
            raise RegisterError(
                file, f"written by a newer version (schema {version}; this one reads "
                f"{SCHEMA_VERSION}): update the workbench"
            )
        years = doc.get("years")
        if (
            not isinstance(years, list)
            or not years
            or not all(isinstance(y, int) and 2000 <= y <= 2100 for y in years)
            or sorted(set(years)) != years
        ):
            raise RegisterError(file, f"bad years {years!r}: expected increasing years")
        sites = doc.get("sites", [""])
        if not isinstance(sites, list) or not all(isinstance(s, str) for s in sites):
            raise RegisterError(file, "bad sites: expected a list of place ids")
        generator = doc.get("generator", {})
        return cls(
            years=tuple(years),
            title=str(doc.get("title", "")),
            synthetic=bool(doc.get("synthetic", False)),
            created=str(doc.get("created", "")),
            note=str(doc.get("note", "")),
            sites=tuple(sites) or ("",),
            generator=generator if isinstance(generator, dict) else {},
            schema_version=version,
        )



class Register:
    """A household register: numpy columns in memory, with indexes.

    ``columns`` maps each name of ``schema.columns_for(meta.years)`` to a 1-d array of
    its dtype; ``measure_offsets`` (rows + 1) and ``measure_values`` hold each
    household's measures. Arrays are used as given (not copied); treat them as read-only.
    """

    def __init__(
        self,
        columns: Mapping[str, np.ndarray],
        meta: RegisterMeta,
        measure_offsets: np.ndarray | None = None,
        measure_values: np.ndarray | None = None,
        *,
        source: str | os.PathLike[str] | None = None,
        file: str = "<register>",
    ) -> None:
        self.meta = meta
        self.path = Path(source) if source is not None else None
        self._sha256: str | None = None
        self._stamp = _stamp(self.path) if self.path is not None else None
        self.columns: dict[str, np.ndarray] = dict(columns)
        n = len(self.columns["household_id"]) if "household_id" in self.columns else 0
        if measure_offsets is None or measure_values is None:
            measure_offsets = np.zeros(n + 1, dtype=np.int32)
            measure_values = np.zeros(0, dtype=np.int8)
        self.measure_offsets = measure_offsets
        self.measure_values = measure_values
        _validate(self, file)
        self._build_village_index()
        self._groups: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self._keys: dict[tuple[int, str, bool], IncomeKey] = {}

    # ----- construction helpers

    @classmethod
    def from_columns(
        cls, columns: Mapping[str, Any], meta: RegisterMeta, measures: list[list[int]] | None = None
    ) -> Register:
        """A register from arrays or lists, cast to the schema's dtypes, money rounded
        to the fen; missing columns get their empty value (NaN, -1, 0)."""
        dtypes = schema.column_dtypes(meta.years)
        ids = _household_ids(columns["household_id"])
        n = len(ids)
        out: dict[str, np.ndarray] = {"household_id": ids}
        for name, dtype in dtypes.items():
            if name == "household_id":
                continue
            if name in columns:
                out[name] = np.ascontiguousarray(np.asarray(columns[name]).astype(dtype))
            else:
                out[name] = _empty(name, dtype, n)
        for year in meta.years:
            for base in schema.MONEY:
                name = schema.year_column(base, year)
                out[name] = np.round(out[name], 2)
        offsets, values = None, None
        if measures is not None:
            lengths = np.fromiter((len(m) for m in measures), dtype=np.int64, count=n)
            offsets = np.zeros(n + 1, dtype=np.int32)
            np.cumsum(lengths, out=offsets[1:])
            values = np.fromiter((c for m in measures for c in m), dtype=np.int8)
        return cls(out, meta, offsets, values)

    # ----- plain access

    def __len__(self) -> int:
        return len(self.columns["household_id"])

    @property
    def years(self) -> tuple[int, ...]:
        return self.meta.years

    @property
    def latest_year(self) -> int:
        return self.meta.years[-1]

    def year_col(self, base: str, year: int) -> np.ndarray:
        name = schema.year_column(base, year)
        try:
            return self.columns[name]
        except KeyError:
            raise KeyError(f"the register has no {year} data (years {self._span()})") from None

    def income(self, year: int) -> np.ndarray:
        return self.year_col("income", year)

    def measures(self, row: int) -> list[int]:
        a, b = self.measure_offsets[row], self.measure_offsets[row + 1]
        return [int(v) for v in self.measure_values[a:b]]

    def nbytes(self) -> int:
        total = sum(a.nbytes for a in self.columns.values())
        return total + self.measure_offsets.nbytes + self.measure_values.nbytes

    def _span(self) -> str:
        return f"{self.years[0]}-{self.years[-1]}"

    # ----- indexes

    def _build_village_index(self) -> None:
        codes = self.columns["village"]
        n = len(codes)
        if n and bool(np.all(codes[1:] >= codes[:-1])):
            # the usual case: a ledger lists households village by village
            starts = np.flatnonzero(np.concatenate(([True], codes[1:] != codes[:-1])))
            self.villages = codes[starts]
            idx = np.zeros(n, dtype=np.int32)
            idx[starts[1:]] = 1
            np.cumsum(idx, out=idx)
            self.village_idx = idx
            self.village_offsets = np.append(starts, n).astype(np.int64)
            self.village_rows = np.arange(n, dtype=np.int64)
        else:
            self.villages = np.unique(codes)
            self.village_idx = np.searchsorted(self.villages, codes).astype(np.int32)
            counts = np.bincount(self.village_idx, minlength=len(self.villages))
            self.village_offsets = np.zeros(len(self.villages) + 1, dtype=np.int64)
            np.cumsum(counts, out=self.village_offsets[1:])
            self.village_rows = np.argsort(self.village_idx, kind="stable")

    def rows_of(self, village: int) -> np.ndarray:
        """Row numbers of one village's households (empty if it has none)."""
        i = int(np.searchsorted(self.villages, village))
        if i >= len(self.villages) or self.villages[i] != village:
            return np.zeros(0, dtype=np.int64)
        return self.village_rows[self.village_offsets[i] : self.village_offsets[i + 1]]

    def groups(self, level: str) -> tuple[np.ndarray, np.ndarray]:
        """(codes of the groups at ``level``, group number of each village)."""
        if level not in LEVELS:
            raise ValueError(f"level must be one of {', '.join(LEVELS)}")
        if level not in self._groups:
            if level == "village":
                self._groups[level] = (self.villages, np.arange(len(self.villages)))
            else:
                unit = 1000 if level == "town" else 1_000_000
                codes, inverse = np.unique(self.villages // unit * unit, return_inverse=True)
                self._groups[level] = (codes, inverse)
        return self._groups[level]

    def group_idx(self, level: str) -> np.ndarray:
        """The group number of each household at ``level``."""
        if level == "village":
            return self.village_idx
        _, of_village = self.groups(level)
        return of_village.astype(np.int32)[self.village_idx]

    def income_key(
        self, year: int, level: str = "village", *, without_transfer: bool = False
    ) -> IncomeKey:
        """The presorted (group, income) key of ``year`` (built on first use, then kept)."""
        cache = (year, level, without_transfer)
        key = self._keys.get(cache)
        if key is None:
            income = self.income(year)
            if without_transfer:
                income = income - self.year_col("transfer", year)
            key = _build_key(income, self.group_idx(level), len(self.groups(level)[0]), year)
            self._keys[cache] = key
        return key

    def prepare(self, years: tuple[int, ...] | None = None, level: str = "village") -> None:
        """Build the keys of ``years`` now (by default all) instead of on first use."""
        for year in years or self.years:
            self.income_key(year, level)

    def sort_order(self, name: str, *, descending: bool = False) -> np.ndarray:
        """Row order sorting column ``name``; missing values (NaN, NaT) last either way."""
        col = self.columns[name]
        if col.dtype.kind == "f":
            bits = col.view(np.int64)
            key = bits ^ ((bits >> 63) & np.int64(0x7FFF_FFFF_FFFF_FFFF))
            if descending:
                np.invert(key, out=key)
            key[np.isnan(col)] = np.iinfo(np.int64).max
            return np.argsort(key)
        if col.dtype.kind == "M":
            key = col.view(np.int64).copy()
            if descending:
                np.negative(key, out=key)
            key[np.isnat(col)] = np.iinfo(np.int64).max
            return np.argsort(key)
        if col.dtype.kind in "iub":
            key = col.astype(np.int64)
            return np.argsort(-key if descending else key)
        order = np.argsort(col)
        return order[::-1].copy() if descending else order

    # ----- files

    @property
    def known_sha256(self) -> str | None:
        """The file's sha256 if already worked out (saving does), without reading it."""
        return self._sha256

    def sha256(self) -> str | None:
        """The sha256 of the file this register was loaded from or saved to (None if
        neither); RegisterError if the file changed on disk since then."""
        if self._sha256 is None and self.path is not None:
            if _stamp(self.path) != self._stamp:
                raise RegisterError(str(self.path), "the file changed since it was loaded")
            self._sha256 = file_sha256(self.path)
        return self._sha256

    def drop_keys(self) -> None:
        """Forget the presorted keys (after the columns changed); rebuilt on next use."""
        self._keys.clear()

    def save(self, path: str | os.PathLike[str]) -> str:
        """Write the register atomically to ``path``; returns the file's sha256."""
        import pyarrow.parquet as pq

        table = self.to_arrow()
        rows = max(1, min(len(self), _ROW_GROUP))

        def write(handle: IO[bytes]) -> None:
            pq.write_table(table, handle, compression="zstd", row_group_size=rows)

        digest = write_atomic_stream(path, write)
        self.path, self._sha256 = Path(path), digest
        self._stamp = _stamp(self.path)
        return digest

    def to_arrow(self) -> Any:
        """The register as a pyarrow Table (numeric columns shared, not copied)."""
        import pyarrow as pa

        n = len(self)
        arrays, names = [], []
        for name, arr in self.columns.items():
            names.append(name)
            if arr.dtype.kind == "S":
                buf = pa.py_buffer(np.ascontiguousarray(arr))
                arrays.append(
                    pa.FixedSizeBinaryArray.from_buffers(pa.binary(ID_WIDTH), n, [None, buf])
                )
            elif arr.dtype.kind == "M":
                days = arr.astype("datetime64[D]").view(np.int64)
                missing = np.isnat(arr)
                arrays.append(
                    pa.array(days.astype(np.int32), type=pa.date32(), mask=missing)
                )
            else:
                arrays.append(pa.array(arr))
        names.append("measures")
        arrays.append(
            pa.ListArray.from_arrays(pa.array(self.measure_offsets), pa.array(self.measure_values))
        )
        meta = {schema.META_KEY: json.dumps(self.meta.to_dict(), ensure_ascii=False).encode()}
        return pa.Table.from_arrays(arrays, names=names, metadata=meta)

    @classmethod
    def load(cls, path: str | os.PathLike[str]) -> Register:
        """Read a register file; raises RegisterError with the file and what was expected."""
        from .reading import load_parquet  # reading needs this module's classes

        return load_parquet(Path(path))


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = os.stat(path)
    except OSError:
        return None
    return info.st_size, info.st_mtime_ns


def _household_ids(values: Any) -> np.ndarray:
    """Household numbers as fixed-width ASCII; ValueError when one is empty, too long,
    not ASCII or repeated."""
    arr = np.asarray(values)
    if arr.dtype.kind == "U":
        try:
            arr = np.char.encode(arr, "ascii")
        except UnicodeEncodeError:
            raise ValueError("household numbers must be ASCII letters and digits") from None
    if arr.dtype.kind != "S":
        raise ValueError("household numbers must be text")
    if len(arr) and (arr.view(np.uint8) >= 128).any():
        raise ValueError("household numbers must be ASCII letters and digits")
    lengths = np.char.str_len(arr) if len(arr) else np.zeros(0, dtype=np.int64)
    if len(arr) and (lengths.max() > ID_WIDTH or lengths.min() == 0):
        bad = int(np.flatnonzero((lengths > ID_WIDTH) | (lengths == 0))[0])
        raise ValueError(f"household number of row {bad + 1}: 1 to {ID_WIDTH} characters")
    ids = np.ascontiguousarray(arr.astype(f"S{ID_WIDTH}"))
    repeat = first_repeat(ids)
    if repeat is not None:
        text = bytes(ids[repeat]).decode("ascii")
        raise ValueError(f"household number {text} of row {repeat + 1} repeats an earlier row")
    return ids


def _empty(name: str, dtype: np.dtype, n: int) -> np.ndarray:
    if dtype.kind == "f":
        return np.full(n, np.nan)
    if dtype.kind == "M":
        return np.full(n, np.datetime64("NaT"), dtype=dtype)
    base = name.rsplit("_", 1)[0]
    if base in {k for k, _, _ in schema.NEEDS} | {"employed"}:
        return np.full(n, FLAG_UNKNOWN, dtype=dtype)
    return np.zeros(n, dtype=dtype)




# ----- validation


def _validate(reg: Register, file: str) -> None:
    dtypes = schema.column_dtypes(reg.meta.years)
    cols = reg.columns
    missing = [name for name in dtypes if name not in cols]
    if missing:
        more = f" and {len(missing) - 3} more" if len(missing) > 3 else ""
        raise RegisterError(file, f"missing column(s) {', '.join(missing[:3])}{more}")
    n = len(cols["household_id"])
    if n > MAX_ROWS:
        raise RegisterError(file, f"{n} households: more than {MAX_ROWS} are not supported")
    for name, dtype in dtypes.items():
        arr = cols[name]
        if arr.dtype != dtype or arr.ndim != 1:
            raise RegisterError(file, f"column {name}: expected {dtype}, found {arr.dtype}")
        if len(arr) != n:
            raise RegisterError(file, f"column {name}: {len(arr)} values for {n} households")
    if len(reg.measure_offsets) != n + 1 or (n and reg.measure_offsets[0] != 0):
        raise RegisterError(file, "measures: offsets do not match the households")
    if n == 0:
        return
    try:
        _household_ids(cols["household_id"])  # empty, too long, not ASCII, repeated
    except ValueError as exc:
        raise RegisterError(file, str(exc)) from None
    for name, arr in cols.items():
        if arr.dtype.kind == "f" and np.isinf(arr).any():
            row = int(np.flatnonzero(np.isinf(arr))[0])
            raise RegisterError(file, f"{name}, row {row + 1}: an infinite amount; expected yuan")
    personal = schema.id_number_rows(cols["household_id"])
    if len(personal):
        raise RegisterError(
            file, f"household_id, row {personal[0] + 1}: a person's ID number, not a ledger "
            "household number; refused (no personal data in a register)"
        )
    _check_range(file, "village", cols["village"], 100_000_000_000, 999_999_999_999)
    _check_range(file, "size", cols["size"], 1, 100)
    _check_range(file, "labour", cols["labour"], 0, 100)
    for col in schema.STATIC_COLUMNS:
        if col.codes:
            table = schema.CODE_TABLES[col.codes]
            _check_range(file, col.name, cols[col.name], 0, table.max_value)
    _check_range(file, "reloc_site", cols["reloc_site"], 0, len(reg.meta.sites) - 1)
    for year in reg.meta.years:
        for base, _, _ in schema.NEEDS:
            name = schema.year_column(base, year)
            _check_range(file, name, cols[name], -1, 1)
    offsets, values = reg.measure_offsets, reg.measure_values
    if offsets[-1] != len(values) or bool(np.any(np.diff(offsets) < 0)):
        raise RegisterError(file, "measures: offsets are not increasing")
    if len(values):
        _check_range(file, "measures", values, 0, MEASURE.max_value)


def _check_range(file: str, name: str, arr: np.ndarray, lo: int, hi: int) -> None:
    small, big = arr.min(), arr.max()
    if small < lo or big > hi:
        bad = small if small < lo else big
        row = int(np.flatnonzero(arr == bad)[0])
        raise RegisterError(file, f"column {name}, row {row + 1}: {bad} is not in {lo}..{hi}")
