"""The window's lock on an open file, read and honoured without Qt.

The window locks ``FILE`` with a QLockFile at ``FILE.lock``. Its lines are: process
id, program name (the executable's file name), host name, and since Qt 5.10 the
machine id and the boot id. A lock is stale, as Qt decides, when it was written on
this machine and its process is gone: the pid is not alive, the machine has
rebooted since, or the pid now belongs to another program. A lock from another host
cannot be checked and counts as held. :func:`hold` takes the lock for a headless
write, in the same format, so the window in turn refuses the file meanwhile.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import stat
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

APP = "Dongchuan Workbench"


@dataclass(frozen=True)
class LockInfo:
    pid: int
    app: str
    host: str
    host_id: str = ""
    boot_id: str = ""


class FileLockedError(Exception):
    """A file another live process has open; the message says which."""

    def __init__(self, path: Path, info: LockInfo | None) -> None:
        self.path, self.info = path, info
        if info is None:
            text = (
                f"{path}: the file is locked by {lock_path(path).name}, which cannot be read;"
                f" if no {APP} has the file open, delete that lock file"
            )
        else:
            host = info.host or "this computer"
            text = (
                f"{path}: the file is open in {APP} (process {info.pid} on {host});"
                " close it there first"
            )
        super().__init__(text)


def lock_path(path: str | os.PathLike[str]) -> Path:
    return Path(str(path) + ".lock")


# ------------------------------------------------------------- this machine


def host_name() -> str:
    return socket.gethostname()


def _first_line(*paths: str) -> str:
    for name in paths:
        try:
            with open(name, encoding="ascii", errors="replace") as handle:
                line = handle.readline().strip()
        except OSError:
            continue
        if line:
            return line
    return ""


def machine_id() -> str:
    """What QSysInfo.machineUniqueId() gives on Linux (empty elsewhere here)."""
    return _first_line("/etc/machine-id", "/var/lib/dbus/machine-id")


def boot_id() -> str:
    """What QSysInfo.bootUniqueId() gives on Linux (empty elsewhere here)."""
    return _first_line("/proc/sys/kernel/random/boot_id")


def process_name(pid: int) -> str | None:
    """The executable's file name of a process, as Qt writes it; None if unknown."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        target = os.readlink(f"/proc/{pid}/exe")
    except OSError:
        return None
    return os.path.basename(target.removesuffix(" (deleted)"))


def pid_alive(pid: int) -> bool:
    """Whether a process with this id runs on this machine."""
    if pid <= 0:
        return False
    if os.name == "nt":  # os.kill would terminate the process there
        return _windows_pid_alive(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, under another user
    except OSError:
        return False
    return True


def _windows_pid_alive(pid: int) -> bool:  # pragma: no cover - Windows only
    kernel = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return ctypes.get_last_error() == 5  # access denied: it exists
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


# ------------------------------------------------------------------ locks


def read_lock(lock_file: str | os.PathLike[str]) -> LockInfo | None:
    """The holder written in a lock file, or None when it is missing or unreadable
    (a pipe or a device in its place too: opening one would wait forever)."""
    try:
        fd = os.open(lock_file, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        raw = os.read(fd, 4096)
    except OSError:
        return None
    finally:
        os.close(fd)
    lines = raw.decode("utf-8", errors="replace").split("\n")
    lines += [""] * (5 - len(lines))
    try:
        pid = int(lines[0].strip())
    except ValueError:
        return None
    if pid <= 0:
        return None
    return LockInfo(pid, lines[1].strip(), lines[2].strip(), lines[3].strip(), lines[4].strip())


def is_stale(info: LockInfo) -> bool:
    """Whether the process that wrote the lock is gone (decided as QLockFile does)."""
    same_host = not info.host or info.host == host_name()
    ours = machine_id()
    if info.host_id and ours:
        same_host = info.host_id == ours
    if not same_host:
        return False  # another machine's process cannot be checked from here
    if info.boot_id and boot_id() and info.boot_id != boot_id():
        return True
    if not pid_alive(info.pid):
        return True
    name = process_name(info.pid)
    if info.app and name is not None and os.path.basename(info.app) != name:
        return True  # the pid was reused by another program
    return False


def holder(path: str | os.PathLike[str]) -> LockInfo | None:
    """Who holds the lock on ``path`` now: None when nobody does (or the lock is
    stale). Raises FileLockedError for a lock file that cannot be read."""
    lock = lock_path(path)
    if not lock.exists():
        return None
    info = read_lock(lock)
    if info is None:
        if not lock.exists():
            return None
        raise FileLockedError(Path(path), None)
    return None if is_stale(info) else info


def _contents() -> bytes:
    name = process_name(os.getpid()) or os.path.basename(sys.executable)
    lines = [str(os.getpid()), name, host_name(), machine_id(), boot_id()]
    return ("\n".join(lines) + "\n").encode("utf-8")


def _native_lock(fd: int) -> bool:
    """Hold a flock on the lock file, as QLockFile does: a live lock cannot then be
    removed as stale by mistake."""
    try:
        import fcntl
    except ImportError:  # pragma: no cover - Windows
        return True
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


def _remove_stale(lock: Path) -> bool:
    try:
        fd = os.open(lock, os.O_WRONLY)
    except OSError:
        return not lock.exists()
    try:
        if not _native_lock(fd):
            return False  # its holder is alive after all
        os.unlink(lock)
        return True
    except OSError:
        return False
    finally:
        os.close(fd)


@contextlib.contextmanager
def hold(path: str | os.PathLike[str]) -> Iterator[None]:
    """Lock ``path`` for a write, taking over a stale lock. Raises FileLockedError when a
    live process holds it. Where no lock can be created (a read-only folder) the
    write goes on without one, as the window does."""
    lock = lock_path(path)
    fd = -1
    for _ in range(3):
        try:
            fd = os.open(lock, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _CLOEXEC, 0o666)
            break
        except FileExistsError:
            info = read_lock(lock)
            if info is None:
                if not lock.exists():
                    continue  # released meanwhile: try again
                raise FileLockedError(Path(path), None) from None
            if not is_stale(info) or not _remove_stale(lock):
                raise FileLockedError(Path(path), info) from None
        except OSError:
            break  # no permission to lock: go on without one
    if fd < 0:
        current = holder(path)
        if current is not None:
            raise FileLockedError(Path(path), current)
    try:
        if fd >= 0:
            os.write(fd, _contents())
            _native_lock(fd)
        yield
    finally:
        if fd >= 0:
            _release(lock, fd)


def _release(lock: Path, fd: int) -> None:
    if os.name == "nt":  # pragma: no cover - an open file cannot be removed there
        os.close(fd)
        with contextlib.suppress(OSError):
            os.unlink(lock)
        return
    with contextlib.suppress(OSError):
        os.unlink(lock)  # while still holding the flock
    os.close(fd)


_CLOEXEC = getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_NOINHERIT", 0)
