"""Snapshots carry the dataset's registers, content-addressed, each written once."""

from __future__ import annotations

import msgspec
import pytest

from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.register import Register, make_ref
from dongchuan_gui.model.register.atomic import file_sha256
from dongchuan_gui.model.register.generate import generate
from dongchuan_gui.model.snapshots import SnapshotError, register_file, write_snapshot
from dongchuan_gui.resources import seed_path


@pytest.fixture
def with_register(tmp_path):
    data = load_path(seed_path()).data
    reg_path = tmp_path / "registers" / "r.parquet"
    reg_path.parent.mkdir()
    register = generate(500, seed=2)
    register.save(reg_path)
    dataset_path = tmp_path / "d.json"
    link = make_ref(reg_path, dataset_path, "cn-yunnan-monitoring", register)
    return msgspec.structs.replace(data, registers=[link]), dataset_path, reg_path


def test_register_stored_once_by_its_hash_and_read_back(with_register):
    data, dataset_path, reg_path = with_register
    first = write_snapshot(data, dataset_path, note="one")
    second = write_snapshot(data, dataset_path, note="two")
    stored = list((first.parent / "registers").iterdir())
    assert [p.name for p in stored] == [f"{file_sha256(reg_path)}.parquet"]
    mtime = stored[0].stat().st_mtime_ns
    snap = load_path(second).data
    assert snap.registers == data.registers  # the references are kept as they are
    copy = register_file(snap.registers[0], second, snapshot=True)
    assert copy == stored[0] and stored[0].stat().st_mtime_ns == mtime
    assert file_sha256(copy) == snap.registers[0].sha256
    # the dataset's register may move on; the snapshot's copy stays what it was
    generate(40, seed=3).save(reg_path)
    assert len(Register.load(copy)) == 500


def test_changed_or_missing_register_takes_no_snapshot(with_register):
    data, dataset_path, reg_path = with_register
    folder = dataset_path.parent / "snapshots"
    generate(40, seed=3).save(reg_path)
    with pytest.raises(SnapshotError, match="changed since it was attached"):
        write_snapshot(data, dataset_path)
    reg_path.unlink()
    with pytest.raises(SnapshotError, match="registers/r.parquet not found"):
        write_snapshot(data, dataset_path)
    assert not folder.exists() or list(folder.rglob("*.json")) == []
