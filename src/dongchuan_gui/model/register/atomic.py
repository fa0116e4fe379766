"""Atomic, hashed writing of a file produced by a streaming writer (no Qt).

A register file is written by pyarrow straight into a temporary file beside the
target, hashed on the way, then fsynced and renamed over the target (the folder is
fsynced too), as ``model.fileformat.write_atomic`` does for a dataset's bytes.
"""

from __future__ import annotations

import hashlib
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO


def file_sha256(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


class _Hashing:
    """A write-only file object that hashes what passes through it."""

    def __init__(self, raw: IO[bytes]) -> None:
        self.raw = raw
        self.digest = hashlib.sha256()
        self.size = 0
        self.closed = False

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.raw.write(data)

    def tell(self) -> int:
        return self.size

    def flush(self) -> None:
        self.raw.flush()

    def writable(self) -> bool:
        return True


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as status:
            for line in status:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError, IndexError):
        pass
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic_stream(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> str:
    """Write a file so that a crash leaves the old file or the new, never a mix.

    ``write`` gets a file object in a temporary file beside ``path``; then fsync,
    rename over ``path``, fsync the folder. An existing file keeps its mode (a new one
    gets the umask's); a read-only file is refused. Returns the sha256 of what was
    written. Raises OSError with ``path`` untouched when anything fails."""
    path = Path(path)
    folder = path.parent
    try:
        current = os.stat(path)
    except FileNotFoundError:
        current = None
    if current is not None:
        if stat.S_ISDIR(current.st_mode):
            raise IsADirectoryError(21, "is a folder", str(path))
        if not current.st_mode & 0o222 or not os.access(path, os.W_OK):
            raise PermissionError(13, "the file is read-only", str(path))
    keep = stat.S_IMODE(current.st_mode) if current is not None else 0o666 & ~_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as raw:
            hashing = _Hashing(raw)
            write(hashing)
            raw.flush()
            if hasattr(os, "fchmod"):  # mkstemp made it 0600
                os.fchmod(raw.fileno(), keep)
            os.fsync(raw.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)
    return hashing.digest.hexdigest()
