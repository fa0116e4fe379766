"""More hostile input: Unicode digits, provenance on DHIS2 round trips, special files,
decimal commas, percent cells, control characters, symlinks, many imports."""

import json
import os
import time

import msgspec
import pytest
from openpyxl import Workbook, load_workbook

from dongchuan_gui.model import DatasetError, loads
from dongchuan_gui.model.atomic import write_atomic
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.dhis2 import export_values, import_values, read_values
from dongchuan_gui.model.editing import new_id
from dongchuan_gui.model.fileformat import load_path
from dongchuan_gui.model.periods import PeriodError, parse_period
from dongchuan_gui.model.records import Observation
from dongchuan_gui.model.sheet_import import SheetError, guess_mapping, plan_import, read_sheet
from dongchuan_gui.model.tables import export_table
from dongchuan_gui.model.units import parse_number
from tests.conftest import SEED

YANTOU = "530113104216"


@pytest.fixture
def ds():
    return Dataset(loads(SEED.read_bytes()).data)


# ------------------------------------------------------- 1. Unicode digits


@pytest.mark.parametrize("text", ["２０２３", "٢٠٢٣", "2023\n", "2023-01\n", "2023Q1\n"])
def test_period_refuses_non_ascii_digits_and_trailing_newline(text):
    with pytest.raises(PeriodError):
        parse_period(text)


@pytest.mark.parametrize("value", ["a\n", "abc\n"])
def test_id_refuses_trailing_newline(value):
    with pytest.raises(msgspec.ValidationError):
        msgspec.convert({"id": value, "indicator": "x", "value": 1}, Observation)


def test_sheet_import_reads_full_width_digits_as_ascii(ds, tmp_path):
    path = tmp_path / "town.csv"
    path.write_text(
        "indicator,place,period,value\n"
        "population-resident,５３０１１３００００００,２０２５,１２３４\n",
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    result = plan.results[0]
    assert result.status == "new", result.reason
    assert result.record.period == "2025" and result.record.value == 1234
    assert result.record.id == "population-resident-2025-1"


def test_dhis2_import_reads_full_width_digits_as_ascii(ds):
    value = {
        "dataElement": "population-resident",
        "period": "２０２５",
        "orgUnit": "５３０１１３００００００",
        "value": "１２３４",
    }
    summary = import_values(ds, [value])
    assert summary.ignored == []
    (record,) = summary.adds
    assert (record.period, record.value, record.id) == ("2025", 1234, "population-resident-2025-1")


# ------------------------------------------------------- 2. DHIS2 provenance


def test_dhis2_round_trip_with_user_name_and_no_comments_changes_nothing(ds):
    values = export_values(ds).values
    assert any("storedBy" in v for v in values) and any("comment" in v for v in values)
    for v in values:
        v["storedBy"] = "admin"
        v.pop("comment", None)
    summary = import_values(ds, json.loads(json.dumps(values)))
    assert summary.ignored == [] and summary.replaces == []
    assert summary.unchanged == len(values)


# ------------------------------------------------------- 3. special files


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs")
def test_fifo_is_refused_not_read(tmp_path):
    fifo = tmp_path / "pipe.json"
    os.mkfifo(fifo)
    with pytest.raises(DatasetError, match="not a regular file"):
        load_path(fifo)
    with pytest.raises((ValueError, OSError), match="not a regular file"):
        read_values(fifo)
    csv_fifo = tmp_path / "pipe.csv"
    os.mkfifo(csv_fifo)
    with pytest.raises(SheetError, match="not a regular file"):
        read_sheet(csv_fifo)


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="no /dev/zero")
def test_dev_zero_is_refused_not_read():
    with pytest.raises(DatasetError, match="not a regular file"):
        load_path("/dev/zero")


# ------------------------------------------------------- 4. decimal commas, counts


@pytest.mark.parametrize(
    ("text", "expected"), [("1,234", 1234), ("1,234.5", 1234.5), ("12,345,678", 12345678)]
)
def test_thousands_separators_are_accepted(text, expected):
    assert parse_number(text, "ha") == expected


@pytest.mark.parametrize("text", ["1,5", "1.234,5", "12,34", "1,2345", ",5", "1,234,5"])
def test_decimal_commas_are_refused(text):
    with pytest.raises(ValueError, match=r"decimal comma\? write 1\.5"):
        parse_number(text, "ha")


@pytest.mark.parametrize("unit", ["people", "households", "人", "户", "persons", "jobs"])
def test_counts_must_be_whole_numbers(unit):
    with pytest.raises(ValueError, match="a count must be a whole number"):
        parse_number("12.7", unit)
    assert parse_number("12", unit) == 12
    assert parse_number("12.0", unit) == 12


def test_count_cells_must_be_whole_numbers_in_imports(ds, tmp_path):
    base = {"dataElement": "people-lifted", "orgUnit": "530113000000"}
    summary = import_values(ds, [{**base, "period": "2015", "value": 12.7}])
    assert [r for _, r in summary.ignored] == ["a count must be a whole number"]
    path = tmp_path / "t.xlsx"
    book = Workbook()
    book.active.append(["indicator", "place", "period", "value"])
    book.active.append(["people-lifted", "530113000000", 2015, 12.7])
    book.save(path)
    sheet = read_sheet(path)
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    assert plan.results[0].reason == "a count must be a whole number"


# ------------------------------------------------------- 5. percent cells


def test_xlsx_percent_cells(ds, tmp_path):
    path = tmp_path / "pct.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["indicator", "place", "period", "value"])
    sheet.append(["urbanisation-rate", "530113000000", 2015, 0.12])
    sheet.append(["people-lifted", "530113000000", 2015, 0.12])
    sheet.append(["urbanisation-rate", "530113000000", 2014, 12])
    sheet["D2"].number_format = "0%"
    sheet["D3"].number_format = "0.00%"
    book.save(path)
    read = read_sheet(path)
    plan = plan_import(ds, read, guess_mapping(read.header))
    first, second, third = plan.results
    assert first.status == "new" and first.record.value == pytest.approx(12)
    assert second.status == "rejected"
    assert second.reason == "a percentage, but people-lifted is in people"
    assert third.status == "new" and third.record.value == 12


# ------------------------------------------------------- 6. control characters


def test_xlsx_export_survives_control_characters(ds, tmp_path):
    first = ds.data.observations[0]
    ds.replace("observations", msgspec.structs.replace(first, comment="a\x00b\x07c"))
    path = tmp_path / "out.xlsx"
    export_table(ds, path, fmt="xlsx")
    book = load_workbook(path, read_only=True)
    cells = [c for row in book.worksheets[0].iter_rows(values_only=True) for c in row]
    assert not any(isinstance(c, str) and ("\x00" in c or "\x07" in c) for c in cells)
    book.close()


# ------------------------------------------------------- 7. new_id speed


def test_new_id_uses_the_index_and_is_fast(ds):
    first = ds.data.observations[0]
    for n in range(1, 20_001):
        ds.add("observations", msgspec.structs.replace(first, id=f"many-{n}"))
    assert new_id(ds, "observations", "many") == "many-20001"
    assert new_id(ds, "observations", "many", {"many-20001"}) == "many-20002"
    start = time.perf_counter()
    for _ in range(200):
        new_id(ds, "observations", "other")
    assert time.perf_counter() - start < 0.5


# ------------------------------------------------------- 8. symlinks


@pytest.mark.skipif(os.name != "posix", reason="symlinks")
def test_atomic_write_through_a_symlink_keeps_the_link(tmp_path):
    target = tmp_path / "real" / "data.json"
    target.parent.mkdir()
    target.write_bytes(b"old")
    link = tmp_path / "link.json"
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink()
    assert target.read_bytes() == b"new"


# ------------------------------------------------------- 9. followup


@pytest.mark.parametrize(
    ("flag", "doubt"),
    [
        (True, True),
        (False, False),
        ("true", True),
        ("false", False),
        ("FALSE", False),
        ("True", True),
        (None, False),
    ],
)
def test_dhis2_followup_strings(ds, flag, doubt):
    value = {"dataElement": "orchard-area", "period": "2023", "orgUnit": YANTOU, "value": "5"}
    if flag is not None:
        value["followup"] = flag
    summary = import_values(ds, [value])
    assert summary.ignored == []
    assert summary.adds[0].doubt is doubt


@pytest.mark.parametrize("flag", ["yes", 1, "maybe", [True]])
def test_dhis2_followup_other_values_are_refused(ds, flag):
    value = {"dataElement": "orchard-area", "period": "2023", "orgUnit": YANTOU, "value": "5"}
    summary = import_values(ds, [{**value, "followup": flag}])
    assert len(summary.ignored) == 1 and "followup" in summary.ignored[0][1]
