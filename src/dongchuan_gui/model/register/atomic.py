"""Atomic, hashed writing of a file produced by a streaming writer (no Qt).

A register file is written by pyarrow straight into a temporary file beside the
target, hashed on the way, then fsynced and renamed over the target (the folder is
fsynced too), as ``model.atomic.write_atomic`` does for a dataset's bytes.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Callable
from typing import IO

from .. import atomic


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


def write_atomic_stream(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> str:
    """Write a file atomically as the dataset's own saves are written
    (:func:`..atomic.write_atomic_stream`: temporary file beside ``path``, fsync,
    rename, folder fsync, mode kept, read-only refused, strays of dead writers
    removed) and return the sha256 of what was written."""
    digest: list[str] = []

    def hashed(raw: IO[bytes]) -> None:
        hashing = _Hashing(raw)
        write(hashing)
        digest.append(hashing.digest.hexdigest())

    atomic.write_atomic_stream(path, hashed)
    return digest[0]
