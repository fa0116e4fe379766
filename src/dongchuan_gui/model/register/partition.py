"""A register written as a folder partitioned by county, hive style (no Qt).

    FOLDER/_manifest.json
    FOLDER/county=530113/part-0.parquet
    FOLDER/county=530114/part-0.parquet ...

The county is the first 6 digits of the 12-digit village code. Each part is a register
file of its own (zstd, written atomically, the same JSON metadata under the same key),
so DuckDB, Spark or Trino read the folder as one table
(``read_parquet('FOLDER/*/*.parquet', hive_partitioning = true)``) and this package
reads it back into the same ``Register``. Missing amounts are NULL in the parts (NaN
in memory and in a single register file): see ``_missing_as_null``. Rows come back
county by county (ascending code) and, within a county, in the register's order: the
same order when the register lists its households village by village, as ledgers and
the generator do.

A crash never leaves a folder that looks complete. The folder is written under a
hidden temporary name beside FOLDER (``.FOLDER.<host>-<pid>.<random>.tmp``), every
part fsynced, the manifest written last, then the whole folder renamed to FOLDER and
the parent fsynced: FOLDER is either absent, the old folder or the new one. The
manifest is kept as well, because a folder also travels (copied to a cluster, synced,
edited by hand) after it was written: it lists every part with its row count and
sha256, and loading refuses a missing, changed or unlisted part, naming it. Engines
skip it (names starting with ``_`` are not data to Spark, Trino or Hive, and the glob
``*/*.parquet`` does not match it).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import time
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import numpy as np

from .. import atomic, safejson
from . import schema
from .atomic import file_sha256, write_atomic_stream
from .store import _ROW_GROUP, MAX_ROWS, Register, RegisterError, RegisterMeta

MANIFEST = "_manifest.json"
MANIFEST_FORMAT = "dongchuan-register-partitioned"
MANIFEST_VERSION = 1
COUNTY_UNIT = 1_000_000  # village code // this = the 6-digit county code
ROWS_PER_PART = 4_000_000  # a county with more households gets part-1, part-2, ...
_MAX_MANIFEST = 16 << 20
_MAX_PARTS = 100_000


@dataclass(frozen=True)
class Part:
    path: str  # relative to the folder, with '/'
    county: int
    rows: int
    sha256: str
    bytes: int


@dataclass(frozen=True)
class Manifest:
    meta: RegisterMeta
    households: int
    parts: tuple[Part, ...]
    raw_sha256: str  # of the manifest file: stands for the whole folder

    def to_dict(self) -> dict[str, Any]:
        return manifest_doc(self.meta, self.households, self.parts)


def manifest_doc(meta: RegisterMeta, households: int, parts: tuple[Part, ...]) -> dict[str, Any]:
    return {
        "format": MANIFEST_FORMAT,
        "manifest_version": MANIFEST_VERSION,
        "partitioning": "county=<first 6 digits of the village code>/part-<n>.parquet",
        "order": "county ascending; within a county the register's own order",
        "households": households,
        "meta": meta.to_dict(),
        "parts": [
            {"path": p.path, "county": p.county, "rows": p.rows, "sha256": p.sha256,
             "bytes": p.bytes}
            for p in parts
        ],
    }


def is_partitioned(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a folder written by :func:`write_partitioned`."""
    return (Path(path) / MANIFEST).is_file()


def county_order(villages: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray | None]:
    """(county codes, start of each county's rows, row order or None when the rows
    are already grouped by ascending county)."""
    county = villages // COUNTY_UNIT
    order = None
    if len(county) and not bool(np.all(county[1:] >= county[:-1])):
        order = np.argsort(county, kind="stable")
        county = county[order]
    if not len(county):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), order
    starts = np.flatnonzero(np.concatenate(([True], county[1:] != county[:-1])))
    return county[starts], starts, order


def write_partitioned(
    reg: Register,
    folder: str | os.PathLike[str],
    *,
    force: bool = False,
    rows_per_part: int = ROWS_PER_PART,
) -> Manifest:
    """Write ``reg`` as a folder partitioned by county (see the module's doc).

    FileExistsError if ``folder`` exists and ``force`` is not given; with ``force``
    only an earlier partitioned register (or an empty folder) is replaced, never
    another folder. OSError when writing fails; ``folder`` is then as it was."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    target = Path(folder)
    _check_target(target, force)
    atomic.remove_stray_temps(target.parent, target.name)  # stray files of that name
    _remove_stray_folders(target)
    temp = atomic.temp_path(target)
    table = _missing_as_null(reg, reg.to_arrow(), pa)
    counties, starts, order = county_order(reg.columns["village"])
    if order is not None:
        table = table.take(pa.array(order))
    bounds = [*starts.tolist(), len(reg)]
    parts: list[Part] = []
    os.mkdir(temp)
    try:
        for i, county in enumerate(counties.tolist()):
            sub = temp / f"county={county:06d}"
            sub.mkdir()
            lo, hi = bounds[i], bounds[i + 1]
            for n, start in enumerate(range(lo, hi, max(rows_per_part, 1))):
                piece = table.slice(start, min(hi, start + rows_per_part) - start)
                path = sub / f"part-{n}.parquet"
                digest = _write_part(piece, path, pq)
                parts.append(Part(path.relative_to(temp).as_posix(), county, piece.num_rows,
                                  digest, path.stat().st_size))
        doc = manifest_doc(reg.meta, len(reg), tuple(parts))
        raw = json.dumps(doc, ensure_ascii=False, indent=1).encode()
        atomic.write_atomic(temp / MANIFEST, raw)  # last: fsyncs the folder too
        _swap_in(temp, target)
    except BaseException:
        shutil.rmtree(temp, ignore_errors=True)
        raise
    return Manifest(reg.meta, len(reg), tuple(parts), hashlib.sha256(raw).hexdigest())


def _missing_as_null(reg: Register, table: Any, pa: Any) -> Any:
    """Missing amounts (NaN in memory) as NULL: what every engine reads as missing.
    Parquet min/max statistics leave NaN out, and DuckDB folds NaN tests away on
    their word (duckdb#7803, #25521); NULL is counted in them. Loading turns NULL
    back into NaN."""
    for i, name in enumerate(table.column_names):
        arr = reg.columns.get(name)
        if arr is not None and arr.dtype.kind == "f":
            missing = np.isnan(arr)
            if missing.any():
                table = table.set_column(i, name, pa.array(arr, mask=missing))
    return table


def _write_part(piece: Any, path: Path, pq: Any) -> str:
    rows = max(1, min(piece.num_rows, _ROW_GROUP))

    def write(handle: IO[bytes]) -> None:
        pq.write_table(piece, handle, compression="zstd", row_group_size=rows)

    return write_atomic_stream(path, write)


def _check_target(target: Path, force: bool) -> None:
    if not target.exists() and not target.is_symlink():
        return
    if not target.is_dir() or target.is_symlink():
        raise FileExistsError(f"{target}: exists and is a file or a link; choose another name")
    if not force:
        raise FileExistsError(f"{target}: exists; choose another name, or force to replace it")
    if not is_partitioned(target) and any(target.iterdir()):
        raise FileExistsError(
            f"{target}: a folder that is not a partitioned register (no {MANIFEST}); "
            "not replaced, even with force"
        )


def _swap_in(temp: Path, target: Path) -> None:
    """Rename the finished folder to ``target``; an old one is moved aside first and
    removed after (a crash in between leaves both under hidden names, never a mix)."""
    old = None
    if target.exists():
        old = atomic.temp_path(target)
        os.replace(target, old)
    os.replace(temp, target)
    atomic._fsync_dir(target.parent)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def _remove_stray_folders(target: Path) -> None:
    """Remove hidden temporary folders of ``target`` whose writer is gone."""
    try:
        entries = list(os.scandir(target.parent))
    except OSError:
        return
    prefix = f".{target.name}."
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(prefix) and entry.name.endswith(".tmp")):
            continue
        try:
            if entry.is_dir(follow_symlinks=False) and atomic._is_stray(
                entry.name, now - entry.stat(follow_symlinks=False).st_mtime
            ):
                shutil.rmtree(entry.path, ignore_errors=True)
        except OSError:
            continue


# ----- reading


def read_manifest(folder: str | os.PathLike[str]) -> Manifest:
    """The manifest of a partitioned register; RegisterError naming what is wrong."""
    folder = Path(folder)
    path = folder / MANIFEST
    name = str(path)
    try:
        with open(path, "rb") as handle:
            raw = handle.read(_MAX_MANIFEST + 1)
    except FileNotFoundError:
        raise RegisterError(
            str(folder), f"is a folder without {MANIFEST}: not a register partitioned "
            "by county, or its writing did not finish", unreadable=True,
        ) from None
    except OSError as exc:
        raise RegisterError(name, f"cannot read: {exc.strerror}", unreadable=True) from None
    if len(raw) > _MAX_MANIFEST:
        raise RegisterError(name, "larger than 16 MB; expected a manifest of parts")
    try:
        doc = safejson.decode(raw)
    except safejson.JsonInputError as exc:
        raise RegisterError(name, str(exc), unreadable=True) from None
    if not isinstance(doc, dict) or doc.get("format") != MANIFEST_FORMAT:
        raise RegisterError(name, f"not a register manifest (expected format {MANIFEST_FORMAT})")
    version = doc.get("manifest_version")
    if not isinstance(version, int) or not 1 <= version <= MANIFEST_VERSION:
        raise RegisterError(name, f"manifest_version {version!r}: this version reads "
                            f"1..{MANIFEST_VERSION}")
    meta = RegisterMeta.from_dict(doc.get("meta"), name)
    households = doc.get("households")
    items = doc.get("parts")
    if not isinstance(items, list) or len(items) > _MAX_PARTS:
        raise RegisterError(name, "parts: expected a list of parts")
    parts = tuple(_part(item, i, name) for i, item in enumerate(items))
    total = sum(p.rows for p in parts)
    if not isinstance(households, int) or households != total or total > MAX_ROWS:
        raise RegisterError(name, f"households {households!r}: the parts hold {total}")
    if len({p.path for p in parts}) != len(parts):
        raise RegisterError(name, "a part is listed twice")
    return Manifest(meta, total, parts, hashlib.sha256(raw).hexdigest())


def _part(item: Any, i: int, name: str) -> Part:
    where = f"part {i + 1}"
    if not isinstance(item, dict):
        raise RegisterError(name, f"{where}: expected an object")
    path, county, rows = item.get("path"), item.get("county"), item.get("rows")
    digest, size = item.get("sha256"), item.get("bytes")
    if not isinstance(county, int) or not 100_000 <= county <= 999_999:
        raise RegisterError(name, f"{where}: county {county!r}, expected 6 digits")
    prefix = f"county={county:06d}/part-"
    if (
        not isinstance(path, str) or not path.startswith(prefix) or not path.endswith(".parquet")
        or not path[len(prefix):-len(".parquet")].isdigit()
    ):
        raise RegisterError(name, f"{where}: path {path!r}, expected {prefix}<n>.parquet")
    if not isinstance(rows, int) or rows < 0:
        raise RegisterError(name, f"{path}: rows {rows!r}, expected a count")
    if not isinstance(digest, str) or len(digest) != 64:
        raise RegisterError(name, f"{path}: sha256 {digest!r}, expected 64 hex digits")
    if not isinstance(size, int) or size < 0:
        raise RegisterError(name, f"{path}: bytes {size!r}, expected a size")
    return Part(path, county, rows, digest, size)


def load_partitioned(folder: str | os.PathLike[str]) -> Register:
    """Read a partitioned register back; RegisterError naming the part when one is
    missing, changed since written, damaged, or not listed in the manifest."""
    from .reading import read_columns

    folder = Path(folder)
    manifest = read_manifest(folder)
    listed = {p.path for p in manifest.parts}
    found = sorted(p.relative_to(folder).as_posix() for p in folder.glob("*/*.parquet"))
    extra = [p for p in found if p not in listed]
    if extra:
        raise RegisterError(
            str(folder / extra[0]), f"not listed in {MANIFEST} (left by another writer?); "
            "engines reading the folder would count it: remove it or write the folder again"
        )
    columns: dict[str, list[np.ndarray]] = {}
    offsets: list[np.ndarray] = []
    values: list[np.ndarray] = []
    base = 0
    for part in manifest.parts:
        path = folder / part.path
        name = str(path)
        if not path.is_file():
            raise RegisterError(name, f"missing; {MANIFEST} lists it with {part.rows:,} "
                                "households", unreadable=True)
        if path.stat().st_size != part.bytes or file_sha256(path) != part.sha256:
            raise RegisterError(name, f"changed or damaged since it was written (its sha256 "
                                f"is not the one in {MANIFEST})", unreadable=True)
        meta, cols, offs, vals = read_columns(path, name)
        if meta != manifest.meta:
            raise RegisterError(name, f"its register metadata differs from {MANIFEST}'s")
        got = len(cols["household_id"])
        if got != part.rows:
            raise RegisterError(name, f"{got:,} households; {MANIFEST} says {part.rows:,}")
        villages = cols["village"]
        if got and not bool(np.all(villages // COUNTY_UNIT == part.county)):
            row = int(np.flatnonzero(villages // COUNTY_UNIT != part.county)[0])
            raise RegisterError(name, f"row {row + 1}: village {villages[row]} is not in "
                                f"county {part.county}")
        for key, arr in cols.items():
            columns.setdefault(key, []).append(arr)
        if offs is None or vals is None:
            offs, vals = np.zeros(got + 1, dtype=np.int32), np.zeros(0, dtype=np.int8)
        offsets.append((offs[1:] if offsets else offs).astype(np.int64) + base)
        values.append(vals)
        base += len(vals)
    merged = _merge(columns, manifest.meta)
    all_offsets = np.concatenate(offsets) if offsets else np.zeros(1, dtype=np.int64)
    if base > np.iinfo(np.int32).max:
        raise RegisterError(str(folder), "too many measures for one register")
    reg = Register(
        merged, manifest.meta, all_offsets.astype(np.int32),
        np.concatenate(values) if values else np.zeros(0, dtype=np.int8),
        source=folder, file=str(folder),
    )
    reg._sha256 = manifest.raw_sha256  # the manifest's hash names every part's hash
    return reg


def _merge(columns: dict[str, list[np.ndarray]], meta: RegisterMeta) -> dict[str, np.ndarray]:
    dtypes = schema.column_dtypes(meta.years)
    if not columns:
        return {name: np.zeros(0, dtype=dtype) for name, dtype in dtypes.items()}
    return {
        key: arrs[0] if len(arrs) == 1 else np.concatenate(arrs)
        for key, arrs in columns.items()
    }
