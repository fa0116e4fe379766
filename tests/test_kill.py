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
