"""Reading and writing dataset files: one canonical JSON format, versioned.

Loading never raises anything but :class:`DatasetError`, whose ``problems`` list
every error found (file, JSON path, what was expected). Writing is canonical:
struct fields in declared order, records in list order, two-space indentation,
UTF-8 with Chinese unescaped, one trailing newline; so an unchanged file saves
byte for byte and a diff of an edit shows only the edit.
"""

from __future__ import annotations

import functools
import os
import re
import stat
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import msgspec

from . import safejson
from .atomic import (  # noqa: F401 (also the file format's public writing API)
    backup,
    is_read_only,
    remove_stray_temps,
    temp_path,
    write_atomic,
    write_atomic_stream,
)
from .checks import check_problems
from .problems import DatasetError, Problem, ProblemList
from .records import COLLECTIONS, FORMAT_NAME, SCHEMA_VERSION, DatasetFile, Record

MAX_FILE_BYTES = 512 * 1024 * 1024
_BOM = b"\xef\xbb\xbf"
_AT_PATH = re.compile(r" - at `\$(.*)`$")


@dataclass
class LoadResult:
    data: DatasetFile
    warnings: list[Problem] = field(default_factory=list)  # the first MAX_PROBLEMS
    migrated_from: int | None = None
    warning_count: int | None = None  # all of them, when more than were listed

    @property
    def warnings_found(self) -> int:
        return len(self.warnings) if self.warning_count is None else self.warning_count


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


def _v2_to_v3(doc: dict[str, Any]) -> dict[str, Any]:
    """v3 adds ``rule_sets`` and ``registers``; a v2 document has neither."""
    doc["schema_version"] = 3
    return doc


def _v3_to_v4(doc: dict[str, Any]) -> dict[str, Any]:
    """v4 adds validation rules, quality marks, the cooperation ledger, indicators'
    expected ranges and the dataset's quality settings; all optional."""
    doc["schema_version"] = 4
    return doc


# MIGRATIONS[n] upgrades a version-n document to version n + 1
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {
    1: _v1_to_v2,
    2: _v2_to_v3,
    3: _v3_to_v4,
}


# ------------------------------------------------------------------- loading


def _fail(file: str, path: str, message: str, *, unreadable: bool = False) -> DatasetError:
    return DatasetError([Problem(file, path, message)], unreadable=unreadable)


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    name = str(path)
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO blocks, /dev/zero never ends
            raise _fail(name, "$", "not a regular file")
        size = info.st_size
        if size > max_bytes:
            raise _fail(name, "$", f"file is {size:,} bytes; the limit is {max_bytes:,}")
        with open(path, "rb") as handle:
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:  # it grew since
            raise _fail(name, "$", f"file is over {max_bytes:,} bytes (the limit)")
        return data
    except DatasetError:
        raise
    except OSError as exc:
        raise _fail(
            name, "$", f"cannot read the file: {exc.strerror or exc}", unreadable=True
        ) from None


def load_path(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    path = Path(path)
    data = _read_bytes(path, max_bytes)
    remove_stray_temps(path.parent, path.name)
    _remove_stray_snapshot_temps(path)
    return loads(data, str(path), max_bytes=max_bytes)


_decoder = msgspec.json.Decoder(DatasetFile)
_top_decoder = msgspec.json.Decoder(dict[str, msgspec.Raw])
_list_decoder = msgspec.json.Decoder(list[msgspec.Raw])
_record_decoders = {cls: msgspec.json.Decoder(cls) for cls in COLLECTIONS.values()}


def loads(data: bytes, file: str = "<data>", *, max_bytes: int = MAX_FILE_BYTES) -> LoadResult:
    """Parse, migrate, type-check and check ``data``; raise DatasetError on any error."""
    if len(data) > max_bytes:
        raise _fail(file, "$", f"data is {len(data):,} bytes; the limit is {max_bytes:,}")
    if data.startswith(_BOM):
        data = data[len(_BOM) :]
    if not data.strip():
        raise _fail(file, "$", "the file is empty; expected a JSON object")
    try:
        # fast path: a current-version file decodes straight into typed records (its
        # schema is a few levels deep, so no input can make this decoder recurse far)
        typed = _decoder.decode(data)
        if typed.schema_version != SCHEMA_VERSION:
            raise msgspec.ValidationError("version")
    except msgspec.ValidationError:  # (a subclass of DecodeError: test it first)
        return _load_checking(data, file)
    except msgspec.DecodeError as exc:
        raise _fail(file, "$", safejson.syntax_error(data, exc)) from None
    except UnicodeDecodeError:
        raise _fail(file, "$", safejson.not_utf8(data)) from None
    except RecursionError:
        raise _fail(file, "$", safejson.depth_error(data)) from None
    return _finish(file, typed, check_problems(typed, file), None)


def _load_checking(data: bytes, file: str) -> LoadResult:
    """The careful path, for files that are not valid current-version files: every
    problem found, record by record. Records still decode straight from their bytes;
    only bad ones are looked at field by field."""
    if safejson.too_deep(data):
        raise _fail(file, "$", safejson.depth_error(data))
    bad_text = safejson.utf8_problem(data)
    if bad_text:
        raise _fail(file, "$", bad_text)
    try:
        top: dict[str, Any] = _top_decoder.decode(data)
    except msgspec.ValidationError:
        _migrate(_decode_generic(data, file), file)  # not an object: says what it is
        raise _fail(file, "$", "expected a JSON object") from None
    except msgspec.DecodeError as exc:
        raise _fail(file, "$", safejson.syntax_error(data, exc)) from None
    except UnicodeDecodeError:
        raise _fail(file, "$", safejson.not_utf8(data)) from None
    header = {k: _value(top[k], data, file) for k in ("format", "schema_version") if k in top}
    _, migrated_from = _migrate(header, file)
    doc = top if migrated_from is None else _migrate(_decode_generic(data, file), file)[0]
    try:
        typed, invalid, kept_at, found = _convert_collecting(doc, file)
    except _BadBytesError:
        _decode_generic(data, file)  # says where the bytes are wrong
        raise _fail(file, "$", "malformed JSON") from None
    if typed is None:
        raise DatasetError(found.listed()) from None
    checked = check_problems(typed, file, invalid_ids=invalid)
    checked.kept = _renumber(checked.kept, kept_at)
    found.merge(checked)
    return _finish(file, typed, found, migrated_from)


def _finish(
    file: str, typed: DatasetFile, found: ProblemList, migrated_from: int | None
) -> LoadResult:
    if found.errors:
        raise DatasetError([p for p in found.listed() if p.severity == "error"])
    listed = found.listed()
    count = found.counts["warning"]
    return LoadResult(typed, listed, migrated_from, None if count == len(listed) else count)


def _decode_generic(data: bytes, file: str) -> Any:
    try:
        return safejson.decode(data)
    except safejson.JsonInputError as exc:
        raise _fail(file, "$", str(exc)) from None


class _BadBytesError(Exception):
    """Bytes of one record that do not decode (bad UTF-8 or escapes inside strings,
    which skipping over a record does not see)."""


class _NumberTooLongError(Exception):
    def __init__(self, path: str) -> None:
        self.path = path


def _value(item: Any, data: bytes, file: str) -> Any:
    """The JSON value of a top-level item (already a value on the migration path)."""
    if not isinstance(item, msgspec.Raw):
        return item
    try:
        return _decode_raw(item, "$")
    except _NumberTooLongError:
        raise _fail(file, "$", safejson.number_too_long(data)) from None


def _decode_raw(raw: msgspec.Raw, path: str) -> Any:
    """Untyped value of ``raw``; integers too long for Python raise _NumberTooLongError
    with the JSON path of the number."""
    try:
        return msgspec.json.decode(raw)
    except UnicodeDecodeError:
        raise _BadBytesError from None
    except msgspec.DecodeError as exc:
        if "out of range" not in str(exc):
            raise _BadBytesError from None
    # one of the numbers is beyond msgspec: go down to find which
    try:
        items = _top_decoder.decode(raw)
        return {k: _decode_raw(v, f"{path}.{k}") for k, v in items.items()}
    except msgspec.ValidationError:
        pass
    try:
        values = _list_decoder.decode(raw)
        return [_decode_raw(v, f"{path}[{i}]") for i, v in enumerate(values)]
    except msgspec.ValidationError:
        pass
    try:
        return safejson.loads_big_numbers(bytes(raw))
    except safejson.JsonInputError as exc:
        if "number too long" in str(exc):
            raise _NumberTooLongError(path) from None
        raise _BadBytesError from None


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


@functools.cache
def _fields(cls: type[msgspec.Struct]) -> dict[str, msgspec.structs.FieldInfo]:
    return {f.encode_name: f for f in msgspec.structs.fields(cls)}


def _check_struct(obj: Any, cls: type[Record], path: str, file: str) -> list[Problem]:
    """Every type problem of one record, field by field (not only the first)."""
    if not isinstance(obj, dict):
        return [Problem(file, path, f"expected an object, got {_json_type(obj)}")]
    problems = []
    fields = _fields(cls)
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


@functools.cache
def _field_decoders(cls: type[msgspec.Struct]) -> dict[str, msgspec.json.Decoder]:
    return {name: msgspec.json.Decoder(info.type) for name, info in _fields(cls).items()}


def _check_raw_struct(
    raw: msgspec.Raw, cls: type[Record], path: str, file: str
) -> tuple[dict[str, Any], list[Problem]] | None:
    """Like _check_struct, straight from the record's bytes, each field by a decoder
    of its own type (fast enough for a file of a million bad records). None when the
    record needs the slow look (not an object, numbers beyond msgspec)."""
    try:
        items = _top_decoder.decode(raw)
    except msgspec.ValidationError:
        return None
    fields, decoders = _fields(cls), _field_decoders(cls)
    problems = [Problem(file, path, f"unknown field {key!r}") for key in items if key not in fields]
    for name, info in fields.items():
        if name not in items:
            if info.required:
                problems.append(Problem(file, path, f"missing required field {name!r}"))
            continue
        try:
            decoders[name].decode(items[name])
        except msgspec.ValidationError as exc:
            message = str(exc)
            if "out of range" in message:
                return None
            inner = _AT_PATH.search(message)
            sub = inner.group(1) if inner else ""
            problems.append(Problem(file, f"{path}.{name}{sub}", _AT_PATH.sub("", message)))
        except (msgspec.DecodeError, UnicodeDecodeError):
            raise _BadBytesError from None
    if not problems:
        return None
    ident = items.get("id")
    try:
        ident = msgspec.json.decode(ident) if ident is not None else None
    except msgspec.DecodeError:
        ident = None
    return {"id": ident}, problems


def _record(item: Any, cls: type[Record], path: str, file: str) -> tuple[Any, list[Problem]]:
    """A typed record and no problems, or the item's JSON value and its problems."""
    if isinstance(item, msgspec.Raw):
        try:
            return _record_decoders[cls].decode(item), []
        except msgspec.ValidationError:
            pass
        except (msgspec.DecodeError, UnicodeDecodeError):
            raise _BadBytesError from None
        quick = _check_raw_struct(item, cls, path, file)
        if quick is not None:
            return quick
        try:
            item = _decode_raw(item, path)
        except _NumberTooLongError as exc:
            return None, [Problem(file, exc.path, _too_long())]
    else:
        try:
            return msgspec.convert(item, cls), []
        except msgspec.ValidationError:
            pass
    problems = _check_struct(item, cls, path, file)
    if problems:
        return item, problems
    try:  # e.g. a number msgspec reads only as infinity: the checks say where
        return msgspec.convert(item, cls), []
    except msgspec.ValidationError as exc:
        return item, [Problem(file, path, str(exc))]


def _too_long() -> str:
    return f"number too long (more than {sys.get_int_max_str_digits()} digits)"


def _convert_collecting(
    doc: dict[str, Any], file: str
) -> tuple[DatasetFile | None, dict[str, set[str]], dict[str, list[int]], ProblemList]:
    """Type-check record by record; keep the good ones so reference checks can run.
    Values of ``doc`` are JSON values, or raw bytes (msgspec.Raw) decoded here."""
    found = ProblemList(file)
    invalid: dict[str, set[str]] = {kind: set() for kind in COLLECTIONS}
    top: dict[str, Any] = {}
    for key, value in doc.items():
        if key in COLLECTIONS:
            continue
        try:
            top[key] = _decode_raw(value, f"$.{key}") if isinstance(value, msgspec.Raw) else value
        except _NumberTooLongError as exc:
            found.add(Problem(file, exc.path, _too_long()))
    found.extend(
        _check_struct({**top, **{k: [] for k in COLLECTIONS if k in doc}}, DatasetFile, "$", file)
    )
    good: dict[str, list[Any]] = {}
    kept_at: dict[str, list[int]] = {}
    for kind, cls in COLLECTIONS.items():
        items = doc.get(kind, [])
        if isinstance(items, msgspec.Raw):
            try:
                items = _list_decoder.decode(items)
            except msgspec.ValidationError:
                try:
                    items = _decode_raw(items, f"$.{kind}")
                except _NumberTooLongError as exc:
                    found.add(Problem(file, exc.path, _too_long()))
                    continue
        if not isinstance(items, list):
            found.add(Problem(file, f"$.{kind}", f"expected an array, got {_json_type(items)}"))
            continue
        kept, kept_at[kind] = [], []
        for i, item in enumerate(items):
            record, problems = _record(item, cls, f"$.{kind}[{i}]", file)
            if problems:
                found.extend(problems)
                if isinstance(record, dict) and isinstance(record.get("id"), str):
                    invalid[kind].add(record["id"])
            else:
                kept.append(record)
                kept_at[kind].append(i)
        good[kind] = kept
    collections = tuple(f"$.{k}" for k in COLLECTIONS)
    if any(p.path == "$" or not p.path.startswith(collections) for p in found.kept):
        return None, invalid, kept_at, found
    try:
        typed = msgspec.convert({**top, **{k: [] for k in COLLECTIONS}}, DatasetFile)
    except msgspec.ValidationError as exc:
        found.add(Problem(file, "$", str(exc)))
        return None, invalid, kept_at, found
    for kind, kept in good.items():
        setattr(typed, kind, kept)
    return typed, invalid, kept_at, found


# ------------------------------------------------------------------- writing

_encoder = msgspec.json.Encoder(order="deterministic")


def dumps(data: DatasetFile) -> bytes:
    """Canonical bytes of ``data``."""
    return msgspec.json.format(_encoder.encode(data), indent=2) + b"\n"


def _remove_stray_snapshot_temps(path: Path) -> None:
    """Temporary files of snapshots of ``path`` killed while being written."""
    from .snapshots import default_folder

    remove_stray_temps(default_folder(path), prefix=f"{path.stem}-")


def save_path(path: str | os.PathLike[str], data: DatasetFile) -> None:
    write_atomic(path, dumps(data))
