"""Saving survives SIGKILL at any moment: after each kill the file loads and equals
one of the versions that were written, byte for byte."""

import os
import random
import signal
import subprocess
import sys
import time

import pytest

from dongchuan_gui.model import dumps, load_path, loads
from tests.conftest import SEED

KILLS = 50
SNAPSHOT_KILLS = 5
SCALE = 150  # observations ×150: about 1.7 MB a save

CHILD = r"""
import sys
from dongchuan_gui.model import save_path
sys.path.insert(0, sys.argv[3])
from tests.test_kill import version
target, start = sys.argv[1], int(sys.argv[2])
k = start
while True:
    save_path(target, version(k))
    k += 1
"""


def base():
    data = loads(SEED.read_bytes()).data
    obs = list(data.observations)
    data.observations = [
        type(o)(
            **{
                **{f: getattr(o, f) for f in o.__struct_fields__},
                "id": f"{o.id}-{n}",
                "doubt": True,
            }
        )
        for n in range(SCALE)
        for o in obs
    ]
    return data


_BASE = None


def version(k: int):
    """Version k differs from the others in its note and in one record."""
    global _BASE
    if _BASE is None:
        _BASE = base()
    _BASE.meta.note = f"version {k}"
    _BASE.observations[0].comment = f"written as version {k}"
    return _BASE


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_saves_never_leaves_a_broken_file(tmp_path):
    target = tmp_path / "big.json"
    target.write_bytes(dumps(version(0)))
    rnd = random.Random(20261129)
    root = str(SEED.parents[1])
    start = 1
    seen_versions = set()
    for _ in range(KILLS):
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(target), str(start), root])
        time.sleep(rnd.uniform(0.25, 0.9))
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        data = load_path(target).data  # raises if the file is broken
        k = int(data.meta.note.split()[1])
        assert target.read_bytes() == dumps(version(k))
        seen_versions.add(k)
        start = k + 1000  # versions of the next child never collide with these
    # the kills landed while saves were going on, not only before the first one
    assert len(seen_versions) > KILLS // 2
    # opening the file after each kill removed what the killed saves left behind
    assert sorted(p.name for p in tmp_path.iterdir()) == ["big.json"]


SNAPSHOT_CHILD = r"""
import os, stat, sys, time
sys.path.insert(0, sys.argv[2])
from dongchuan_gui.model.snapshots import write_snapshot
from tests.test_kill import version
real_fsync = os.fsync
def slow_fsync(fd):  # a slow disk; says when a snapshot's data is being written
    if stat.S_ISREG(os.fstat(fd).st_mode):
        print("saving", flush=True)
        time.sleep(0.5)
    real_fsync(fd)
os.fsync = slow_fsync
data = version(1)
while True:
    write_snapshot(data, sys.argv[1])
"""


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
def test_sigkill_during_snapshots_leaves_nothing_behind_after_the_next_one(tmp_path):
    from dongchuan_gui.model.snapshots import list_snapshots, write_snapshot

    target = tmp_path / "big.json"
    target.write_bytes(dumps(version(0)))
    rnd = random.Random(20261130)
    root = str(SEED.parents[1])
    folder = tmp_path / "snapshots"
    for n in range(SNAPSHOT_KILLS):
        child = subprocess.Popen(
            [sys.executable, "-c", SNAPSHOT_CHILD, str(target), root], stdout=subprocess.PIPE
        )
        for _ in range(n % 3):  # let some snapshots finish
            assert child.stdout.readline() == b"saving\n"
        assert child.stdout.readline() == b"saving\n"
        time.sleep(rnd.uniform(0, 0.3))  # the kill lands while the data is written
        child.send_signal(signal.SIGKILL)
        child.wait(timeout=30)
        child.stdout.close()
        strays = sum(p.name.startswith(".") for p in folder.iterdir())
        assert strays == 1  # the one the killed save left; the one before it is gone
    write_snapshot(version(2), target)
    entries, problems = list_snapshots(folder)
    assert problems == [] and entries
    assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
