import json
import shutil

import pytest

from dongchuan_gui.cli import main
from dongchuan_gui.model import load_path
from tests.conftest import SEED


@pytest.fixture
def data(tmp_path):
    path = tmp_path / "d.json"
    shutil.copyfile(SEED, path)
    return path


@pytest.mark.parametrize("fmt", ["csv", "xlsx", "dhis2-json", "dhis2-csv", "pdf", "png"])
def test_export_formats(data, tmp_path, fmt, capsys):
    out = tmp_path / f"out.{fmt.split('-')[-1]}"
    assert main(["export", str(data), "--format", fmt, "-o", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    head = out.read_bytes()[:8]
    expected = {
        "csv": b"\xef\xbb\xbf",
        "xlsx": b"PK",
        "pdf": b"%PDF",
        "png": b"\x89PNG",
        "dhis2-json": b"{",
        "dhis2-csv": b"dataelem",
    }[fmt]
    assert head.startswith(expected)


def test_export_for_one_place_and_unknown_scope(data, tmp_path, capsys):
    out = tmp_path / "yantou.json"
    assert (
        main(
            [
                "export",
                str(data),
                "--format",
                "dhis2-json",
                "-o",
                str(out),
                "--place",
                "530113104216",
            ]
        )
        == 0
    )
    values = json.loads(out.read_text(encoding="utf-8"))["dataValues"]
    assert {v["orgUnit"] for v in values} == {"530113104216"}
    assert main(["export", str(data), "--format", "csv", "-o", str(out), "--program", "nope"]) == 1
    assert "there is no program 'nope'" in capsys.readouterr().err


def test_import_sheet_dry_run_then_apply(data, tmp_path, capsys):
    sheet = tmp_path / "town.csv"
    sheet.write_text(
        "indicator,place,period,value\n"
        "elevation,530113104216,2023,2010\n"
        "elevation,Atlantis,2023,1\n",
        encoding="utf-8",
    )
    before = data.read_bytes()
    assert main(["import", str(data), str(sheet), "--dry-run"]) == 1
    captured = capsys.readouterr()
    assert "1 new, 0 updated, 0 unchanged, 1 rejected" in captured.out
    assert "row 3: unknown place 'Atlantis'" in captured.err
    assert data.read_bytes() == before
    out = tmp_path / "after.json"
    assert main(["import", str(data), str(sheet), "-o", str(out)]) == 1
    new = [o for o in load_path(out).data.observations if o.id.startswith("elevation-2023")]
    assert [(o.indicator, o.place, o.value) for o in new] == [("elevation", "530113104216", 2010)]


def test_import_dhis2_back_into_the_file(data, tmp_path, capsys):
    values = tmp_path / "values.csv"
    assert main(["export", str(data), "--format", "dhis2-csv", "-o", str(values)]) == 0
    capsys.readouterr()
    assert main(["import", str(data), str(values)]) == 0
    out = capsys.readouterr().out
    assert "imported=0 updated=0 ignored=0 unchanged=22" in out
    # nothing changed, so nothing was written: no new file, no backup
    assert "nothing to change" in out and not (tmp_path / "d.json.bak").exists()
    data.write_bytes(data.read_bytes().replace(b'"value": 52.88', b'"value": 52.8'))
    assert main(["import", str(data), str(values)]) == 0
    assert "imported=0 updated=1 ignored=0 unchanged=21" in capsys.readouterr().out
    assert b'"value": 52.8,' in (tmp_path / "d.json.bak").read_bytes()
    assert b'"value": 52.88,' in data.read_bytes()


def test_import_unreadable_sheet_exits_2(data, tmp_path, capsys):
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a zip")
    assert main(["import", str(data), str(bad)]) == 2
    assert "not a readable .xlsx" in capsys.readouterr().err
