"""Reading a register's Parquet file into numpy columns, checked (no Qt)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy as np

from .. import safejson
from . import schema
from .schema import ID_WIDTH
from .store import (
    _READ_BATCH,
    MAX_ROWS,
    Register,
    RegisterError,
    RegisterMeta,
    _stamp,
)

# ----- reading


def load_parquet(path: Path) -> Register:
    """A register from one Parquet file, or from a folder partitioned by county
    (``partition.py``); RegisterError naming the file or part and what was expected."""
    if path.is_dir():
        from .partition import load_partitioned

        return load_partitioned(path)
    name = str(path)
    stamp = _stamp(path)  # before reading: a change while reading is caught later
    meta, columns, offsets, values = read_columns(path, name)
    register = Register(columns, meta, offsets, values, source=path, file=name)
    register._stamp = stamp
    return register


Columns = tuple[RegisterMeta, dict[str, np.ndarray], np.ndarray | None, np.ndarray | None]


def read_columns(path: Path, name: str) -> Columns:
    """The metadata, columns and measures (offsets, values) of one register Parquet
    file, checked but not yet validated as a register; RegisterError naming ``name``."""
    import pyarrow as pa
    import pyarrow.parquet as pq

    if path.exists() and not path.is_file() and not path.is_dir():
        raise RegisterError(name, "not a regular file (a pipe or a device)", unreadable=True)
    try:
        with open(path, "rb") as handle:
            head = handle.read(4)
    except FileNotFoundError:
        raise RegisterError(name, "no such file", unreadable=True) from None
    except IsADirectoryError:
        raise RegisterError(name, "is a folder, not a register file", unreadable=True) from None
    except OSError as exc:
        raise RegisterError(name, f"cannot read: {exc.strerror}", unreadable=True) from None
    if head != b"PAR1":
        raise RegisterError(
            name, "not a Parquet file (expected a register .parquet)", unreadable=True
        )
    try:
        pfile = pq.ParquetFile(path)
        arrow_schema = pfile.schema_arrow
        raw = (arrow_schema.metadata or {}).get(schema.META_KEY)
        if raw is None:
            raise RegisterError(name, "a Parquet file, but not a Dongchuan register")
        try:
            doc = safejson.decode(raw)
        except safejson.JsonInputError as exc:
            raise RegisterError(name, f"register metadata: {exc}") from None
        meta = RegisterMeta.from_dict(doc, name)
        if pfile.metadata.num_rows > MAX_ROWS:
            raise RegisterError(name, f"more than {MAX_ROWS} households are not supported")
        wanted = [*schema.column_dtypes(meta.years), "measures"]
        absent = [c for c in wanted if c not in arrow_schema.names]
        if absent:
            raise RegisterError(name, f"missing column(s) {', '.join(absent[:3])}")
        # a few columns at a time: the same speed, a lower peak of decoding buffers
        columns: dict[str, np.ndarray] = {}
        offsets: np.ndarray | None = None
        values: np.ndarray | None = None
        dtypes = schema.column_dtypes(meta.years)
        for start in range(0, len(wanted), _READ_BATCH):
            batch = pfile.read(columns=wanted[start : start + _READ_BATCH], use_threads=True)
            for col_name in batch.column_names:
                if col_name == "measures":
                    offsets, values = _measures(batch.column(col_name), name)
                else:
                    columns[col_name] = _to_numpy(
                        batch.column(col_name), dtypes[col_name], name, col_name
                    )
            del batch
    except RegisterError:
        raise
    except (pa.ArrowException, OSError, ValueError) as exc:
        raise RegisterError(name, f"damaged Parquet file ({exc})", unreadable=True) from None
    return meta, columns, offsets, values


def _measures(chunked: Any, file: str) -> tuple[np.ndarray, np.ndarray]:
    import pyarrow as pa

    kind = chunked.type
    if not pa.types.is_list(kind) or kind.value_type != pa.int8() or chunked.null_count:
        raise RegisterError(file, "column measures: expected a list of codes per household")
    merged = chunked.combine_chunks() if chunked.num_chunks != 1 else chunked.chunk(0)
    raw = np.asarray(merged.offsets, dtype=np.int64)
    first, last = (int(raw[0]), int(raw[-1])) if len(raw) else (0, 0)
    values = merged.values.slice(first, last - first)
    if values.null_count:
        raise RegisterError(file, "column measures: an empty code")
    offsets = (raw - first).astype(np.int32)
    return offsets, values.to_numpy(zero_copy_only=False).astype(np.int8, copy=False)


def _to_numpy(chunked: Any, dtype: np.dtype, file: str, name: str) -> np.ndarray:
    import pyarrow as pa

    arr = chunked.combine_chunks() if chunked.num_chunks != 1 else chunked.chunk(0)
    kind = dtype.kind
    if kind == "S":
        if not pa.types.is_fixed_size_binary(arr.type) or arr.type.byte_width != ID_WIDTH:
            raise RegisterError(file, f"column {name}: expected {ID_WIDTH}-byte household numbers")
        if arr.null_count:
            raise RegisterError(file, f"column {name}: a household has no number")
        buf = arr.buffers()[1]
        return np.frombuffer(buf, dtype=dtype, count=len(arr), offset=arr.offset * ID_WIDTH)
    if kind == "M":
        if not pa.types.is_date32(arr.type):
            raise RegisterError(file, f"column {name}: expected dates")
        days = arr.cast(pa.int32()).to_numpy(zero_copy_only=False)
        if arr.null_count:
            out = np.where(np.isnan(days), np.iinfo(np.int64).min, days).astype(np.int64)
        else:
            out = days.astype(np.int64)
        return out.view("datetime64[D]")
    expected = pa.from_numpy_dtype(dtype)
    if arr.type != expected:
        raise RegisterError(file, f"column {name}: expected {expected}, found {arr.type}")
    if arr.null_count:
        if kind != "f":
            raise RegisterError(file, f"column {name}: empty cells (expected a value or -1)")
        return arr.to_numpy(zero_copy_only=False)  # nulls become NaN
    if kind == "b":
        return arr.to_numpy(zero_copy_only=False)
    return arr.to_numpy()
