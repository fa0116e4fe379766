"""Reading and writing dataset files: one canonical JSON format, versioned.

Loading never raises anything but :class:`DatasetError`, whose ``problems`` list
every error found (file, JSON path, what was expected). Writing is canonical:
struct fields in declared order, records in list order, two-space indentation,
UTF-8 with Chinese unescaped, one trailing newline; so an unchanged file saves
byte for byte and a diff of an edit shows only the edit.
"""

from __future__ import annotations

import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from .checks import check_dataset
from .problems import DatasetError, Problem
from .records import COLLECTIONS, FORMAT_NAME, SCHEMA_VERSION, DatasetFile, Record

MAX_FILE_BYTES = 512 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_BYTE_AT = re.compile(r"\(byte (\d+)\)")
_AT_PATH = re.compile(r" - at `\$(.*)`$")


@dataclass
class LoadResult:
    data: DatasetFile
    warnings: list[Problem] = field(default_factory=list)
    migrated_from: int | None = None


# ---------------------------------------------------------------- migrations


def _v1_to_v2(doc: dict[str, Any]) -> dict[str, Any]:
    """v1 (the first draft format) named places by ``name`` and dated
    observations by an integer ``year``; v2 has ``name_zh`` and a ``period``."""
    for place in doc.get("places") or []:
        if isinstance(place, dict) and "name" in place:
            place["name_zh"] = place.pop("name")
    for obs in doc.get("observations") or []:
        if isinstance(obs, dict) and "year" in obs:
            year = obs.pop("year")
            obs["period"] = str(year) if isinstance(year, int) else year
    doc["schema_version"] = 2
    return doc


# MIGRATIONS[n] upgrades a version-n document to version n + 1
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {1: _v1_to_v2}


# ------------------------------------------------------------------- loading


def _line_col(data: bytes, offset: int) -> tuple[int, int]:
    offset = max(0, min(offset, len(data)))
    line_start = data.rfind(b"\n", 0, offset) + 1
    line = data.count(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace")) + 1
    return line, column


def _fail(file: str, path: str, message: str, *, unreadable: bool = False) -> DatasetError:
    return DatasetError([Problem(file, path, message)], unreadable=unreadable)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise _fail(name, "$", f"file is {size:,} bytes; the limit is {max_bytes:,}")
        return path.read_bytes()
    except DatasetError:
        raise
    except OSError as exc:
        raise _fail(
            name, "$", f"cannot read the file: {exc.strerror or exc}", unreadable=True
        ) from None


def load_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    path = Path(path)
    return loads(_read_bytes(path, max_bytes), str(path), max_bytes=max_bytes)


def loads(data: bytes, file: str = "<data>", *, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Parse, migrate, type-check and check ``data``; raise DatasetError on any error."""
    if len(data) > max_bytes:
        raise _fail(file, "$", f"data is {len(data):,} bytes; the limit is {max_bytes:,}")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise _fail(file, "$", "the file is empty; expected a JSON object")
    migrated_from = None
    try:
        # fast path: a current-version file decodes straight into typed records
        typed = msgspec.json.decode(data, type=DatasetFile)
        if typed.schema_version != SCHEMA_VERSION:
            raise msgspec.ValidationError("version")
        invalid: dict[str, set[str]] = {}
    except msgspec.ValidationError:  # (a subclass of DecodeError: test it first)
        doc = _decode_generic(data, file)
        doc, migrated_from = _migrate(doc, file)
        typed, invalid, kept_at, problems = _convert_collecting(doc, file)
        if typed is None:
            raise DatasetError(problems) from None
        found = check_dataset(typed, file, invalid_ids=invalid)
        problems += _renumber(found, kept_at)
        return _finish(typed, problems, migrated_from)
    except msgspec.DecodeError as exc:
        raise _syntax_error(file, data, exc) from None
    except UnicodeDecodeError:
        raise _not_utf8(file, data) from None
    return _finish(typed, check_dataset(typed, file, invalid_ids=invalid), migrated_from)


def _finish(typed: DatasetFile, problems: list[Problem], migrated_from: int | None) -> LoadResult:
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise DatasetError(errors)
    return LoadResult(typed, [p for p in problems if p.severity == "warning"], migrated_from)


def _not_utf8(file: str, data: bytes) -> DatasetError:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line, col = _line_col(data, exc.start)
        return _fail(file, "$", f"line {line}, column {col}: not UTF-8 text ({exc.reason})")
    return _fail(file, "$", "not UTF-8 text")


def _decode_generic(data: bytes, file: str) -> Any:
    try:
        return msgspec.json.decode(data)
    except UnicodeDecodeError:
        raise _not_utf8(file, data) from None
    except msgspec.DecodeError as exc:
        if "out of range" not in str(exc):
            raise _syntax_error(file, data, exc) from None

    # a number too large for a float: let the stdlib read it as inf, so the
    # record checks can say where it is
    def refuse(name: str) -> None:
        raise ValueError(name)

    try:
        return json.loads(data, parse_constant=refuse)
    except ValueError as exc:
        raise _fail(file, "$", f"malformed JSON: {exc}") from None


_INDEXED = re.compile(r"\$\.(\w+)\[(\d+)\]")


def _renumber(problems: list[Problem], kept_at: dict[str, list[int]]) -> list[Problem]:
    """Map record indices of the partial dataset back to the file's own indices."""

    def fix(text: str) -> str:
        def one(match: re.Match[str]) -> str:
            kind, index = match.group(1), int(match.group(2))
            if kind in kept_at and index < len(kept_at[kind]):
                index = kept_at[kind][index]
            return f"$.{kind}[{index}]"

        return _INDEXED.sub(one, text)

    return [Problem(p.file, fix(p.path), fix(p.message), p.severity) for p in problems]


def _syntax_error(file: str, data: bytes, exc: msgspec.DecodeError) -> DatasetError:
    text = str(exc)
    found = _BYTE_AT.search(text)
    offset = int(found.group(1)) if found else len(data)
    line, col = _line_col(data, offset)
    reason = _BYTE_AT.sub("", text).replace("JSON is malformed: ", "").strip()
    if "truncated" in reason:
        reason = "the JSON ends too early (truncated file?)"
    return _fail(file, "$", f"line {line}, column {col}: malformed JSON: {reason}")


def _migrate(doc: Any, file: str) -> tuple[dict[str, Any], int | None]:
    if not isinstance(doc, dict):
        raise _fail(file, "$", f"expected a JSON object, got {_json_type(doc)}")
    if doc.get("format") != FORMAT_NAME:
        raise _fail(file, "$.format", f"expected {FORMAT_NAME!r}; this is not a Workbench file")
    version = doc.get("schema_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail(file, "$.schema_version", "expected a whole number from 1 up")
    if version > SCHEMA_VERSION:
        raise _fail(
            file,
            "$.schema_version",
            f"the file is version {version}, newer than this program reads"
            f" ({SCHEMA_VERSION}); update the Workbench. The file was not changed.",
        )
    start = version
    while version < SCHEMA_VERSION:
        doc = MIGRATIONS[version](doc)
        version += 1
    return doc, (start if start != SCHEMA_VERSION else None)


def _json_type(value: Any) -> str:
    return {
        dict: "an object",
        list: "an array",
        str: "a string",
        bool: "true/false",
        int: "a number",
        float: "a number",
        type(None): "null",
    }.get(type(value), "a value")


def _check_struct(obj: Any, cls: type[Record], path: str, file: str) -> list[Problem]:
    """Every type problem of one record, field by field (not only the first)."""
    if not isinstance(obj, dict):
        return [Problem(file, path, f"expected an object, got {_json_type(obj)}")]
    problems = []
    fields = {f.encode_name: f for f in msgspec.structs.fields(cls)}
    for key in obj:
        if key not in fields:
            problems.append(Problem(file, path, f"unknown field {key!r}"))
    for name, info in fields.items():
        if name not in obj:
            if info.required:
                problems.append(Problem(file, path, f"missing required field {name!r}"))
            continue
        try:
            msgspec.convert(obj[name], info.type)
        except msgspec.ValidationError as exc:
            message = str(exc)
            inner = _AT_PATH.search(message)
            sub = inner.group(1) if inner else ""
            message = _AT_PATH.sub("", message)
            problems.append(Problem(file, f"{path}.{name}{sub}", message))
    return problems


def _convert_collecting(
    doc: dict[str, Any], file: str
) -> tuple[DatasetFile | None, dict[str, set[str]], dict[str, list[int]], list[Problem]]:
    """Type-check record by record; keep the good ones so reference checks can run."""
    problems: list[Problem] = []
    invalid: dict[str, set[str]] = {kind: set() for kind in COLLECTIONS}
    top = {k: v for k, v in doc.items() if k not in COLLECTIONS}
    problems += _check_struct(
        {**top, **{k: [] for k in COLLECTIONS if k in doc}}, DatasetFile, "$", file
    )
    good: dict[str, list[Any]] = {}
    kept_at: dict[str, list[int]] = {}
    for kind, cls in COLLECTIONS.items():
        items = doc.get(kind, [])
        if not isinstance(items, list):
            problems.append(
                Problem(file, f"$.{kind}", f"expected an array, got {_json_type(items)}")
            )
            continue
        kept, kept_at[kind] = [], []
        for i, item in enumerate(items):
            found = _check_struct(item, cls, f"$.{kind}[{i}]", file)
            if found:
                problems += found
                if isinstance(item, dict) and isinstance(item.get("id"), str):
                    invalid[kind].add(item["id"])
            else:
                kept.append(msgspec.convert(item, cls))
                kept_at[kind].append(i)
        good[kind] = kept
    if any(
        p.path == "$" or not p.path.startswith(tuple(f"$.{k}" for k in COLLECTIONS))
        for p in problems
    ):
        return None, invalid, kept_at, problems
    typed = msgspec.convert({**top, **{k: [] for k in COLLECTIONS}}, DatasetFile)
    for kind, kept in good.items():
        setattr(typed, kind, kept)
    return typed, invalid, kept_at, problems


# ------------------------------------------------------------------- writing

_encoder = msgspec.json.Encoder(order="deterministic")


def dumps(data: DatasetFile) -> bytes:
    """Canonical bytes of ``data``."""
    return msgspec.json.format(_encoder.encode(data), indent=2) + b"\n"


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; MoveFileEx is durable enough
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: str | os.PathLike[str], payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old file or the new,
    never a mix: a temporary file in the same folder, fsync, rename, fsync the folder.
    Raises OSError (the original file untouched) when anything fails."""
    path = Path(path)
    folder = path.parent
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        try:
            os.unlink(tmp_name)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def save_path(path: str | os.PathLike[str], data: DatasetFile) -> None:
    write_atomic(path, dumps(data))
