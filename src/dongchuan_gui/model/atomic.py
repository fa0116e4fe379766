"""Atomic writes that keep a file's permissions, and the clean-up of what an
interrupted one leaves behind (no Qt). A save writes a temporary file beside the
target (".NAME.HOST-PID.RANDOM.tmp"), fsyncs it, renames it over the target and
fsyncs the folder; a crash leaves the old file or the new, never a mix."""

from __future__ import annotations

import errno
import functools
import hashlib
import os
import re
import secrets
import stat
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO

from .locks import host_name, machine_id, pid_alive


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return  # Windows cannot open a folder for fsync; MoveFileEx is durable enough
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


# temporary files of a save: ".NAME.HOST-PID.RANDOM.tmp", so that a later open or
# save can tell a stray one (its writer is gone) from one being written right now
_TEMP = re.compile(r"^\.(?P<name>.+)\.(?P<host>[0-9a-f]{6})-(?P<pid>\d+)\.[a-z0-9_]{8}\.tmp$")
# what tempfile.mkstemp made before: no writer in the name, so only age tells
_OLD_TEMP = re.compile(r"^\.(?P<name>.+)\.[a-z0-9_]{8}\.tmp$")
OLD_TEMP_SECONDS = 120  # older than any save takes: left by a killed save
TEMP_SECONDS = 24 * 3600  # even if its pid lives (reused by another process)


@functools.cache
def _host_tag() -> str:
    import hashlib

    key = machine_id() or host_name()
    return hashlib.sha1(key.encode("utf-8", "replace")).hexdigest()[:6]


def _temp_prefix(path: Path, pid: int) -> str:
    return f".{path.name}.{_host_tag()}-{pid}."


def temp_path(path: str | os.PathLike[str], pid: int | None = None) -> Path:
    """A temporary file name beside ``path`` naming this host and a process, as
    write_atomic makes them (for tests and tools)."""
    path = Path(path)
    pid = os.getpid() if pid is None else pid
    letters = "abcdefghijklmnopqrstuvwxyz0123456789_"
    tail = "".join(secrets.choice(letters) for _ in range(8))
    return path.with_name(f"{_temp_prefix(path, pid)}{tail}.tmp")


def _umask() -> int:
    """This process's umask, read without changing it where the system tells."""
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


def _is_stray(name: str, age: float) -> bool:
    ours = _TEMP.match(name)
    if ours is not None:
        if age > TEMP_SECONDS:
            return True
        pid = int(ours.group("pid"))
        return ours.group("host") == _host_tag() and pid != os.getpid() and not pid_alive(pid)
    return _OLD_TEMP.match(name) is not None and age > OLD_TEMP_SECONDS


def remove_stray_temps(
    folder: str | os.PathLike[str], name: str | None = None, *, prefix: str = ""
) -> list[Path]:
    """Remove temporary files that interrupted saves left in ``folder`` (of the file
    ``name`` only, or of files whose names start with ``prefix``): those whose writer
    is gone, never one being written. Best effort: what cannot be removed stays.
    Returns what was removed."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    now = time.time()
    for entry in entries:
        if not (entry.name.startswith(".") and entry.name.endswith(".tmp")):
            continue
        match = _TEMP.match(entry.name) or _OLD_TEMP.match(entry.name)
        if match is None or not match.group("name").startswith(prefix):
            continue
        if name is not None and match.group("name") != name:
            continue
        try:
            if entry.is_file(follow_symlinks=False) and _is_stray(
                entry.name, now - entry.stat(follow_symlinks=False).st_mtime
            ):
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue
    return removed


def is_read_only(path: str | os.PathLike[str]) -> bool:
    """Whether ``path`` is a file its owner marked read-only (chmod a-w, or the
    read-only attribute on Windows); even an administrator's save must not replace it."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return False
    return not stat.S_ISDIR(mode) and (not mode & 0o222 or not os.access(path, os.W_OK))


def write_atomic(path: str | os.PathLike[str], payload: bytes, *, mode: int | None = None) -> None:
    """Write ``payload`` to ``path`` atomically (see :func:`write_atomic_stream`)."""
    write_atomic_stream(path, lambda handle: handle.write(payload), mode=mode)


def write_atomic_stream(
    path: str | os.PathLike[str],
    write: Callable[[IO[bytes]], object],
    *,
    mode: int | None = None,
) -> None:
    """Write ``path`` so that a crash leaves the old file or the new, never a mix:
    ``write`` fills a temporary file in the same folder, then fsync, rename, fsync
    the folder. The file keeps its permissions (``mode`` for a new file, else the
    default a new file gets from the umask). A read-only file is refused. Raises
    OSError (the original file untouched) when anything fails."""
    path = Path(path)
    if path.is_symlink():  # write the link's target; the link stays a link
        path = Path(os.path.realpath(path))
    folder = path.parent
    try:
        current = os.stat(path)
    except FileNotFoundError:
        current = None
    if current is not None and stat.S_ISDIR(current.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a folder", str(path))
    if current is not None and is_read_only(path):
        raise PermissionError(errno.EACCES, "the file is read-only", str(path))
    keep = stat.S_IMODE(current.st_mode) if current is not None else mode
    remove_stray_temps(folder, path.name)
    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path, os.getpid()), suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as handle:
            write(handle)
            handle.flush()
            if hasattr(os, "fchmod"):  # mkstemp made it 0600
                os.fchmod(handle.fileno(), 0o666 & ~_umask() if keep is None else keep)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    _fsync_dir(folder)


def backup(path: str | os.PathLike[str], suffix: str = ".bak") -> Path:
    """Copy ``path`` to ``path.bak`` atomically. A new backup gets the file's mode;
    an existing one keeps its own. Returns the backup's path."""
    path = Path(path)
    target = path.with_name(path.name + suffix)
    write_atomic(target, path.read_bytes(), mode=stat.S_IMODE(path.stat().st_mode))
    return target


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


def write_atomic_hashed(path: str | os.PathLike[str], write: Callable[[IO[bytes]], None]) -> str:
    """Write a file atomically as the dataset's own saves are written
    (:func:`write_atomic_stream`: temporary file beside ``path``, fsync,
    rename, folder fsync, mode kept, read-only refused, strays of dead writers
    removed) and return the sha256 of what was written."""
    digest: list[str] = []

    def hashed(raw: IO[bytes]) -> None:
        hashing = _Hashing(raw)
        write(hashing)
        digest.append(hashing.digest.hexdigest())

    write_atomic_stream(path, hashed)
    return digest[0]
