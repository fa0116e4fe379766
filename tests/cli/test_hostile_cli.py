"""The `dongchuan` command on hostile input and files it must not touch: a clear message
naming the file once, exit 1 or 2, no traceback, and nothing changed on disk."""

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import zipfile

import pytest
from openpyxl import Workbook

from dongchuan_gui.cli import main
from dongchuan_gui.model import load_path
from tests.conftest import SEED

YANTOU = "530113104216"
DEEP = 200_000


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "d.json"
    shutil.copyfile(SEED, path)
    return path


def run(*args) -> subprocess.CompletedProcess:
    """The real console command in a child process, as a user runs it."""
    return subprocess.run(
        [sys.executable, "-m", "dongchuan_gui.cli", *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
    )


def untouched(folder, before: dict) -> bool:
    return {p.name: p.read_bytes() for p in folder.iterdir()} == before


def snapshot_of(folder) -> dict:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def test_deep_dataset_and_deep_dhis2_file(data, tmp_path):
    deep = tmp_path / "deep.json"
    deep.write_bytes(b"[" * DEEP + b"]" * DEEP)
    done = run("validate", deep)
    assert done.returncode == 1
    assert done.stderr == (
        f"{deep}: $: line 1, column 65: nested deeper than 64 levels (the limit)\n"
    )
    values = tmp_path / "values.json"
    values.write_bytes(b'{"dataValues": ' + b"[" * DEEP + b"]" * DEEP + b"}")
    before = snapshot_of(tmp_path)
    done = run("import", data, values)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.strip() == (
        f"{values}: line 1, column 79: nested deeper than 64 levels (the limit)"
    )
    assert untouched(tmp_path, before)


def test_csv_with_carriage_returns(data, tmp_path, capsys):
    sheet = tmp_path / "mac.csv"
    sheet.write_bytes(
        b"indicator,place,period,value\r" + f"elevation,{YANTOU},2023,2010\r".encode()
    )
    assert main(["import", str(data), str(sheet), "--dry-run"]) == 0
    assert "1 new, 0 updated, 0 unchanged, 0 rejected" in capsys.readouterr().out
    sheet.write_bytes(b"indicator,place,period,value\nelevation,5301131\r04216,2023,1\n")
    assert main(["import", str(data), str(sheet), "--dry-run"]) == 1
    err = capsys.readouterr().err
    assert f"{sheet}: row 2: unknown place '5301131'" in err


def test_dhis2_same_value_twice_same_verdict_in_dry_run_and_real_run(data, tmp_path, capsys):
    value = {"dataElement": "orchard-area", "period": "2023", "orgUnit": YANTOU, "value": "5"}
    values = tmp_path / "twice.json"
    values.write_text(json.dumps({"dataValues": [value, {**value, "value": "6"}]}))
    assert main(["import", str(data), str(values), "--dry-run"]) == 1
    dry = capsys.readouterr().out
    assert main(["import", str(data), str(values)]) == 1
    real = capsys.readouterr().out
    expected = (
        "imported=1 updated=0 ignored=1 unchanged=0\n"
        "  value 1: ignored: the same figure as value 0\n"
    )
    assert dry == expected and real == expected + f"{data}\n"
    added = [o for o in load_path(data).data.observations if o.id.startswith("orchard-area-2023")]
    assert [o.value for o in added] == [5]


def test_xlsx_zip_bomb_and_oversized_dhis2_file(data, tmp_path, capsys):
    bomb = tmp_path / "bomb.xlsx"
    book = Workbook()
    book.active.append(["indicator", "place", "period", "value"])
    book.save(bomb)
    with zipfile.ZipFile(bomb) as src:
        items = {n: src.read(n) for n in src.namelist()}
    items["xl/sharedStrings.xml"] = b"<sst>" + b" " * 30_000_000 + b"</sst>"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        for name, content in items.items():
            out.writestr(name, content)
    before = snapshot_of(tmp_path)
    assert main(["import", str(data), str(bomb)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"{bomb}: xl/sharedStrings.xml is compressed ") and err.count(str(bomb)) == 1
    )
    big = tmp_path / "big.csv"
    big.write_bytes(b"dataelement,period,orgunit\n" + b" " * (21 * 1024 * 1024))
    before = snapshot_of(tmp_path)
    assert main(["import", str(data), str(big)]) == 2
    assert capsys.readouterr().err == (
        f"{big}: the file is 22,020,123 bytes; the limit is 20,971,520\n"
    )
    assert untouched(tmp_path, before)


def test_negative_counts_and_wrong_units_are_rejected(data, tmp_path, capsys):
    sheet = tmp_path / "neg.csv"
    sheet.write_text(
        "indicator,place,period,value\n"
        "people-lifted,530113000000,2019,-32227\n"
        f"orchard-area,{YANTOU},2019,-53\n"
        "people-lifted,530113000000,2017,12%\n",
        encoding="utf-8",
    )
    before = snapshot_of(tmp_path)
    assert main(["import", str(data), str(sheet)]) == 1
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{sheet}: row 2: -32227 people is below the minimum 0 of 'people-lifted'",
        f"{sheet}: row 3: -53 ha is below the minimum 0 of 'orchard-area'",
        f"{sheet}: row 4: '12%' is in %, not in people",
    ]
    assert "nothing to change" in captured.out
    assert untouched(tmp_path, before)  # every row rejected: no file, no .bak


def test_import_that_changes_nothing_writes_nothing(data, tmp_path, capsys):
    values = tmp_path / "values.csv"
    assert main(["export", str(data), "--format", "dhis2-csv", "-o", str(values)]) == 0
    capsys.readouterr()
    before = snapshot_of(tmp_path)
    mtime = data.stat().st_mtime_ns
    assert main(["import", str(data), str(values)]) == 0
    assert "imported=0 updated=0 ignored=0 unchanged=22" in capsys.readouterr().out
    assert untouched(tmp_path, before) and data.stat().st_mtime_ns == mtime


@pytest.mark.skipif(os.name != "posix", reason="POSIX file modes")
def test_saves_keep_the_file_mode_and_refuse_read_only_files(data, tmp_path, capsys):
    sheet = tmp_path / "town.csv"
    sheet.write_text(f"indicator,place,period,value\nelevation,{YANTOU},2023,2010\n")
    data.chmod(0o640)
    assert main(["import", str(data), str(sheet)]) == 0
    assert stat.S_IMODE(data.stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "d.json.bak").stat().st_mode) == 0o640
    umask = os.umask(0o022)
    os.umask(umask)
    out = tmp_path / "figures.csv"
    assert main(["export", str(data), "--format", "csv", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    out.chmod(0o604)
    assert main(["export", str(data), "--format", "csv", "-o", str(out)]) == 0
    assert stat.S_IMODE(out.stat().st_mode) == 0o604
    capsys.readouterr()
    # a read-only file is refused, and nothing is written
    data.chmod(0o444)
    sheet.write_text(f"indicator,place,period,value\nelevation,{YANTOU},2024,2010\n")
    before = snapshot_of(tmp_path)
    assert main(["import", str(data), str(sheet)]) == 2
    assert capsys.readouterr().err == (
        f"{data}: the file is read-only; nothing was imported (use -o to write elsewhere)\n"
    )
    assert untouched(tmp_path, before)
    out.chmod(0o444)
    assert main(["export", str(data), "--format", "csv", "-o", str(out)]) == 2
    assert "read-only" in capsys.readouterr().err


def test_a_file_open_in_the_window_is_refused(data, tmp_path, capsys):
    from PySide6.QtCore import QLockFile

    sheet = tmp_path / "town.csv"
    sheet.write_text(f"indicator,place,period,value\nelevation,{YANTOU},2023,2010\n")
    lock = QLockFile(str(data) + ".lock")
    lock.setStaleLockTime(0)
    assert lock.tryLock(0)
    try:
        before = snapshot_of(tmp_path)
        assert main(["import", str(data), str(sheet)]) == 2
        assert capsys.readouterr().err == (
            f"{data}: the file is open in Dongchuan Workbench"
            f" (process {os.getpid()} on {socket.gethostname()}); close it there first\n"
        )
        assert untouched(tmp_path, before)
        assert main(["import", str(data), str(sheet), "--dry-run"]) == 0  # reading is fine
    finally:
        lock.unlock()


def test_a_stale_lock_is_taken_over(data, tmp_path, capsys):
    code = (
        "import os, sys\n"
        "from PySide6.QtCore import QLockFile\n"
        "lock = QLockFile(sys.argv[1])\n"
        "assert lock.tryLock(0)\n"
        "os._exit(0)\n"  # dies holding the lock: the lock file stays behind
    )
    lock_path = tmp_path / "d.json.lock"
    subprocess.run([sys.executable, "-c", code, str(lock_path)], check=True, timeout=60)
    assert lock_path.exists()
    sheet = tmp_path / "town.csv"
    sheet.write_text(f"indicator,place,period,value\nelevation,{YANTOU},2023,2010\n")
    assert main(["import", str(data), str(sheet)]) == 0
    assert not lock_path.exists()
    assert any(o.id == "elevation-2023-1" for o in load_path(data).data.observations)


def test_messages_name_the_file_once_and_show_no_python(data, tmp_path):
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    done = run("import", data, empty)
    assert done.returncode == 2
    assert done.stderr == f"{empty}: the sheet is empty; expected a header row and figures\n"
    big = tmp_path / "big.json"
    big.write_text(
        '{"format": "dongchuan-workbench", "schema_version": 1, "n": ' + "9" * 5000 + "}"
    )
    done = run("validate", big)
    assert done.returncode == 1
    assert done.stderr == f"{big}: $: line 1, column 61: number too long (more than 4300 digits)\n"
    bad = tmp_path / "bad.json"
    bad.write_bytes(b"{")
    done = run("import", data, bad)
    assert done.returncode == 2 and done.stderr.count(str(bad)) == 1
    assert "Traceback" not in done.stderr


def test_unexpected_errors_are_one_line(data, monkeypatch, capsys):
    import dongchuan_gui.cli as cli

    def boom(*args, **kwargs):
        raise MemoryError

    monkeypatch.setattr(cli, "load_path", boom)
    assert main(["validate", str(data)]) == 2
    assert capsys.readouterr().err == "dongchuan: not enough memory for this file\n"


def test_many_warnings_are_counted_in_full_but_listed_in_part(tmp_path, capsys):
    from tests.conftest import make_doc

    doc = make_doc()
    base = {k: v for k, v in doc["observations"][1].items() if k != "source"}
    doc["observations"] = [{**base, "id": f"o{n}", "period": str(1000 + n)} for n in range(1500)]
    path = tmp_path / "many.json"
    path.write_text(json.dumps(doc))
    assert main(["validate", str(path)]) == 0
    captured = capsys.readouterr()
    assert captured.out == f"{path}: valid, 1500 warning(s)\n"
    lines = captured.err.splitlines()
    assert len(lines) == 1001 and lines[-1] == f"{path}: $: warning: 500 more warnings not listed"
