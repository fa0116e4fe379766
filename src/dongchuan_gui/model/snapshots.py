"""Snapshots: a dataset frozen at a moment, in the same file format, with a hash chain.

A snapshot is the dataset plus ``snapshot`` info: when, note, author, app version,
the hash of its content, and the hash of the snapshot taken before it. The content
hash covers everything but the snapshot info, so equal data hash equal.

A dataset's household registers go with it, content-addressed: each register file is
copied once to ``registers/<sha256>.parquet`` in the snapshot folder, however many
snapshots share it. The snapshot keeps the dataset's references as they are; for a
snapshot, a reference is resolved by its sha256 (``register_file``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import msgspec

from . import safejson
from .atomic import file_sha256, write_atomic_hashed
from .fileformat import dumps, remove_stray_temps, write_atomic
from .problems import Problem
from .records import COLLECTIONS, DatasetFile, RegisterLink, SnapshotInfo

SNAPSHOT_FOLDER = "snapshots"
REGISTER_FOLDER = "registers"


class SnapshotError(ValueError):
    """A snapshot that cannot be taken as asked (the message says why); nothing written."""


def register_file(link: RegisterLink, file: str | os.PathLike[str], *, snapshot: bool) -> Path:
    """Where the register of ``link`` is for the dataset or snapshot file ``file``: a
    dataset's is its relative path, a snapshot's the stored copy named by its hash."""
    if snapshot:
        return Path(file).parent / REGISTER_FOLDER / f"{link.sha256}.parquet"
    return Path(file).parent / Path(*link.path.split("/"))


def _store_registers(
    data: DatasetFile, data_path: str | os.PathLike[str] | None, where: Path
) -> None:
    """Copy each register of ``data`` into ``where/registers/<sha256>.parquet`` unless
    it is there already. SnapshotError when a register is not the file its reference
    describes (moved, changed since attached): the snapshot would not hold it."""
    for link in data.registers:
        target = where / REGISTER_FOLDER / f"{link.sha256}.parquet"
        if target.is_file() and target.stat().st_size > 0:
            continue  # the name is the content's hash: written once
        source = register_file(link, data_path, snapshot=False) if data_path else None
        if source is not None and source.is_dir():
            raise SnapshotError(
                f"register {link.id}: {link.path} is a partitioned folder; snapshots keep "
                "single register files only: refer to the register's .parquet file"
            )
        if source is None or not source.is_file():
            raise SnapshotError(
                f"register {link.id}: {link.path} not found beside the dataset; "
                "the snapshot was not taken"
            )
        if file_sha256(source) != link.sha256:
            raise SnapshotError(
                f"register {link.id}: {source} changed since it was attached (sha256); "
                "attach it again before taking a snapshot"
            )
        target.parent.mkdir(exist_ok=True)
        with open(source, "rb") as handle:
            digest = write_atomic_hashed(target, lambda out: shutil.copyfileobj(handle, out))
        if digest != link.sha256:  # changed while being copied
            target.unlink(missing_ok=True)
            raise SnapshotError(f"register {link.id}: {source} changed while being copied")


def content_hash(data: DatasetFile) -> str:
    """sha256 of the canonical bytes of ``data`` without its snapshot info."""
    bare = msgspec.structs.replace(data, snapshot=None)
    return "sha256:" + hashlib.sha256(dumps(bare)).hexdigest()


def make_snapshot(
    data: DatasetFile,
    *,
    note: str = "",
    author: str = "",
    app_version: str = "",
    previous_hash: str = "",
    taken: dt.datetime | None = None,
) -> DatasetFile:
    moment = (taken or dt.datetime.now(dt.UTC)).astimezone(dt.UTC)
    info = SnapshotInfo(
        taken=moment.isoformat(timespec="seconds").replace("+00:00", "Z"),
        note=note,
        author=author,
        app_version=app_version,
        content_hash=content_hash(data),
        previous_hash=previous_hash,
    )
    return msgspec.structs.replace(data, snapshot=info)


def default_folder(data_path: str | os.PathLike[str] | None) -> Path:
    """``snapshots/`` beside the data file (or the working folder for a new file)."""
    base = Path(data_path).parent if data_path else Path.cwd()
    return base / SNAPSHOT_FOLDER


def snapshot_name(data_path: str | os.PathLike[str] | None, taken: str) -> str:
    stem = Path(data_path).stem if data_path else "untitled"
    stamp = taken.replace("-", "").replace(":", "").replace("Z", "")
    return f"{stem}-{stamp}.json"


@dataclass
class SnapshotEntry:
    path: Path
    info: SnapshotInfo
    counts: dict[str, int]


# Just what a snapshot list shows: the info and how many records of each kind. Records
# are skipped as raw bytes, so listing a folder stays fast. One field per collection.
_Header = msgspec.defstruct(
    "_Header",
    [("snapshot", SnapshotInfo | None, None)]
    + [(kind, list[msgspec.Raw], msgspec.field(default_factory=list)) for kind in COLLECTIONS],
)


_header_decoder = msgspec.json.Decoder(_Header)


def list_snapshots(folder: str | os.PathLike[str]) -> tuple[list[SnapshotEntry], list[Problem]]:
    """Snapshots in ``folder``, oldest first, and the problems of files that failed.
    Only headers are read here; opening or comparing one validates it fully."""
    folder = Path(folder)
    entries, problems = [], []
    if not folder.is_dir():
        return entries, problems
    for path in sorted(folder.glob("*.json")):
        try:
            raw = path.read_bytes()
            header = _header_decoder.decode(raw)
        except OSError as exc:
            problems.append(Problem(str(path), "$", f"cannot read the file: {exc.strerror}"))
            continue
        except RecursionError:  # skipping an unknown field recurses per level
            problems.append(Problem(str(path), "$", safejson.depth_error(raw)))
            continue
        except (msgspec.DecodeError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(path), "$", f"not a readable snapshot: {exc}"))
            continue
        if header.snapshot is None:
            continue
        counts = {kind: len(getattr(header, kind)) for kind in COLLECTIONS}
        entries.append(SnapshotEntry(path, header.snapshot, counts))
    entries.sort(key=lambda e: e.info.taken)
    return entries, problems


def latest_hash(folder: str | os.PathLike[str]) -> str:
    entries, _ = list_snapshots(folder)
    return entries[-1].info.content_hash if entries else ""


def write_snapshot(
    data: DatasetFile,
    data_path: str | os.PathLike[str] | None,
    *,
    note: str = "",
    author: str = "",
    app_version: str = "",
    folder: str | os.PathLike[str] | None = None,
    file: str | os.PathLike[str] | None = None,
) -> Path:
    """Write a snapshot of ``data`` to ``file``, or into ``folder`` (default:
    snapshots/ beside the data file) under a name with the time. Returns the path."""
    target = Path(file) if file else None
    where = target.parent if target else Path(folder) if folder else default_folder(data_path)
    snap = make_snapshot(
        data, note=note, author=author, app_version=app_version, previous_hash=latest_hash(where)
    )
    created = [p for p in (where, *where.parents) if not p.exists()]
    try:
        where.mkdir(parents=True, exist_ok=True)
        remove_stray_temps(where)  # of snapshots killed while being written
        if data.registers:
            if (where / REGISTER_FOLDER).is_dir():
                remove_stray_temps(where / REGISTER_FOLDER)
            _store_registers(data, data_path, where)
        if target is None:
            target = where / snapshot_name(data_path, snap.snapshot.taken)
            n = 1
            while target.exists():
                n += 1
                target = where / snapshot_name(data_path, f"{snap.snapshot.taken}-{n}")
        write_atomic(target, dumps(snap))
    except BaseException:
        for folder in created:  # innermost first: no empty folder left behind
            try:
                folder.rmdir()
            except OSError:
                break
        raise
    return target
