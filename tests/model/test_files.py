"""Files on disk: modes kept, read-only files refused, the window's lock honoured,
stray temporary files of interrupted saves removed, no empty folders left behind."""

import os
import socket
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from dongchuan_gui.model import fileformat, loads, snapshots
from dongchuan_gui.model.fileformat import backup, load_path, temp_path, write_atomic
from dongchuan_gui.model.locks import FileLockedError, LockInfo, hold, holder, is_stale, read_lock
from dongchuan_gui.model.snapshots import write_snapshot
from tests.conftest import SEED

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX file modes and signals")


def umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


@posix_only
def test_write_atomic_keeps_the_mode_of_the_file(tmp_path):
    path = tmp_path / "d.json"
    write_atomic(path, b"one")
    assert stat.S_IMODE(path.stat().st_mode) == 0o666 & ~umask()
    path.chmod(0o640)
    write_atomic(path, b"two")
    assert path.read_bytes() == b"two" and stat.S_IMODE(path.stat().st_mode) == 0o640


@posix_only
def test_backup_takes_the_mode_of_its_file_then_keeps_its_own(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b"data")
    path.chmod(0o604)
    bak = backup(path)
    assert bak == tmp_path / "d.json.bak" and bak.read_bytes() == b"data"
    assert stat.S_IMODE(bak.stat().st_mode) == 0o604
    bak.chmod(0o600)
    path.write_bytes(b"data 2")
    backup(path)
    assert bak.read_bytes() == b"data 2" and stat.S_IMODE(bak.stat().st_mode) == 0o600


def test_write_atomic_refuses_a_read_only_file(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(b"keep")
    path.chmod(0o444)
    with pytest.raises(PermissionError) as info:
        write_atomic(path, b"new")
    assert info.value.strerror == "the file is read-only"
    assert path.read_bytes() == b"keep"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.json"]


# ------------------------------------------------------------- stray temps


def dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def age(path: Path, seconds: float) -> None:
    then = time.time() - seconds
    os.utime(path, (then, then))


@posix_only
def test_stray_temporary_files_are_removed_on_open_and_save(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(SEED.read_bytes())
    sleeper = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"])
    try:
        dead = temp_path(path, dead_pid())
        live = temp_path(path, sleeper.pid)  # a save in progress in another process
        mine = temp_path(path, os.getpid())
        other = temp_path(tmp_path / "other.json", dead_pid())  # not this file's
        old_style = tmp_path / ".d.json.k2x_9abc.tmp"  # tempfile.mkstemp, before pids
        young_old_style = tmp_path / ".d.json.zz81m0qq.tmp"
        for stray in (dead, live, mine, other, old_style, young_old_style):
            stray.write_bytes(b"partial")
        age(old_style, 3600)
        load_path(path)
        left = {p.name for p in tmp_path.iterdir()}
        assert dead.name not in left and old_style.name not in left
        assert {live.name, mine.name, other.name, young_old_style.name} <= left
        # saving cleans up too
        dead_again = temp_path(path, dead_pid())
        dead_again.write_bytes(b"partial")
        write_atomic(path, SEED.read_bytes())
        assert not dead_again.exists() and live.exists()
    finally:
        sleeper.kill()
        sleeper.wait()


@posix_only
def test_stray_snapshot_temps_are_removed_on_the_next_snapshot_or_open(tmp_path):
    path = tmp_path / "d.json"
    path.write_bytes(SEED.read_bytes())
    folder = tmp_path / "snapshots"
    folder.mkdir()
    stray = temp_path(folder / "d-20240101T000000.json", dead_pid())
    stray.write_bytes(b"partial")
    load_path(path)
    assert not stray.exists()
    stray.write_bytes(b"partial")
    write_snapshot(loads(SEED.read_bytes()).data, path)
    assert not stray.exists()


def test_a_failed_snapshot_leaves_no_empty_folder(tmp_path, monkeypatch):
    def full_disk(path, payload, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(snapshots, "write_atomic", full_disk)
    data = loads(SEED.read_bytes()).data
    with pytest.raises(OSError):
        write_snapshot(data, tmp_path / "d.json")
    with pytest.raises(OSError):
        write_snapshot(data, None, file=tmp_path / "a" / "b" / "snap.json")
    assert list(tmp_path.iterdir()) == []
    existing = tmp_path / "snapshots"
    existing.mkdir()
    with pytest.raises(OSError):
        write_snapshot(data, tmp_path / "d.json")
    assert existing.is_dir()  # a folder that was there stays


def test_temp_names_carry_the_writer(tmp_path):
    name = temp_path(tmp_path / "d.json", 4242).name
    assert name.startswith(".d.json.") and name.endswith(".tmp") and "-4242." in name
    assert fileformat.MAX_FILE_BYTES > 0


# ------------------------------------------------------------------ locks


def test_reads_the_lock_file_of_the_window(tmp_path):
    from PySide6.QtCore import QLockFile

    path = tmp_path / "d.json"
    lock = QLockFile(str(path) + ".lock")
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    try:
        info = read_lock(Path(str(path) + ".lock"))
        assert info.pid == os.getpid() and info.host == socket.gethostname()
        if sys.platform.startswith("linux"):
            assert info.app == Path(os.readlink("/proc/self/exe")).name
        assert not is_stale(info)
        assert holder(path) == info
        with pytest.raises(FileLockedError) as refused:
            with hold(path):
                pass
        assert str(refused.value) == (
            f"{path}: the file is open in Dongchuan Workbench"
            f" (process {os.getpid()} on {socket.gethostname()}); close it there first"
        )
    finally:
        lock.unlock()
    assert holder(path) is None


def test_our_lock_is_one_the_window_respects(tmp_path):
    from PySide6.QtCore import QLockFile

    path = tmp_path / "d.json"
    with hold(path):
        window = QLockFile(str(path) + ".lock")
        window.setStaleLockTime(0)
        assert not window.tryLock(0)
        assert window.error() == QLockFile.LockError.LockFailedError
        pid, host, _app = window.getLockInfo()
        assert (pid, host) == (os.getpid(), socket.gethostname())
    assert not (tmp_path / "d.json.lock").exists()
    assert window.tryLock(0)
    window.unlock()


@posix_only
def test_stale_and_foreign_locks(tmp_path):
    here = socket.gethostname()
    assert is_stale(LockInfo(pid=dead_pid(), app="python3", host=here))
    assert not is_stale(LockInfo(pid=os.getpid(), app="", host=here))
    assert not is_stale(LockInfo(pid=dead_pid(), app="python3", host="elsewhere-" + here))
    if Path("/proc/sys/kernel/random/boot_id").exists():
        assert is_stale(LockInfo(pid=os.getpid(), app="", host=here, boot_id="before-a-reboot"))
    if Path(f"/proc/{os.getpid()}/exe").exists():
        # the pid lives on, but in another program: Qt calls that stale too
        assert is_stale(LockInfo(pid=os.getpid(), app="not-this-program", host=here))
    path = tmp_path / "d.json"
    lock = tmp_path / "d.json.lock"
    lock.write_text(f"{dead_pid()}\npython3\n{here}\n")
    assert holder(path) is None
    with hold(path):
        assert read_lock(lock).pid == os.getpid()
    assert not lock.exists()
    lock.write_bytes(b"garbage")  # Qt cannot read it either, and never calls it stale
    with pytest.raises(FileLockedError, match="cannot be read"):
        with hold(path):
            pass
