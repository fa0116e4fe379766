"""Tables (CSV/XLSX), DHIS2 data value sets, and spreadsheet imports."""

import csv
import io
import json
import zipfile

import msgspec
import pytest
from openpyxl import Workbook, load_workbook

from dongchuan_gui.model import dumps, loads
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.dhis2 import (
    export_values,
    from_dhis2_period,
    import_values,
    parse_csv,
    parse_json,
    to_csv,
    to_dhis2_period,
    to_json,
)
from dongchuan_gui.model.sheet_import import (
    SheetError,
    guess_mapping,
    plan_import,
    read_sheet,
)
from dongchuan_gui.model.tables import csv_bytes, export_table, rows, safe_cell
from tests.conftest import SEED

YANTOU = "530113104216"


@pytest.fixture
def ds():
    return Dataset(loads(SEED.read_bytes()).data)


# ------------------------------------------------------------------ tables


@pytest.mark.parametrize("text", ["=1+1", "+cmd", "-2+3", "@SUM(A1)", "\tx", "\rx"])
def test_formula_like_text_is_escaped(text):
    assert safe_cell(text) == "'" + text
    data = csv_bytes(["a"], [[text], [-5], [3.5]])
    parsed = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert parsed[1] == ["'" + text] and parsed[2] == ["-5"] and parsed[3] == ["3.5"]


def test_csv_has_bom_and_chinese(ds, tmp_path):
    path = tmp_path / "f.csv"
    export_table(ds, path, fmt="csv")
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    table = list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))
    assert len(table) == 35
    first = table[0]
    assert (first["indicator_zh"], first["value"], first["place"]) == (
        "贫困发生率",
        "52.88",
        "东川区",
    )


def test_xlsx_round_trip_keeps_numbers(ds, tmp_path):
    path = tmp_path / "f.xlsx"
    export_table(ds, path, fmt="xlsx", place=YANTOU)
    book = load_workbook(path, read_only=True)
    assert book.sheetnames == ["observations", "programs", "places"]
    values = list(book["observations"].iter_rows(values_only=True))
    header, body = values[0], values[1:]
    assert {r[header.index("id")] for r in body} == {
        "yantou-orchard-article",
        "yantou-orchard-2022",
        "yantou-elevation",
    }
    assert all(isinstance(r[header.index("value")], int | float) for r in body)
    (place,) = list(book["places"].iter_rows(values_only=True))[1:]
    assert place[:2] == (YANTOU, YANTOU)


def test_rows_refuse_unknown_table(ds):
    with pytest.raises(ValueError, match="unknown table"):
        rows(ds, "households")


# ------------------------------------------------------------------- DHIS2


@pytest.mark.parametrize(
    ("ours", "theirs"),
    [("2019", "2019"), ("2019Q2", "2019Q2"), ("2019-03", "201903"), ("2019-03-05", "20190305")],
)
def test_periods_both_ways(ours, theirs):
    assert to_dhis2_period(ours) == theirs and from_dhis2_period(theirs) == ours


def test_export_shape_and_skips(ds):
    result = export_values(ds)
    first = result.values[0]
    assert first == {
        "dataElement": "poverty-incidence",
        "period": "2013",
        "orgUnit": "530113000000",
        "categoryOptionCombo": "baseline",
        "value": "52.88",
        "storedBy": "article",
        "comment": "locator: para. 1\nXinhua (xinhua-relocation-2020) gives the "
        "same 52.88 % without a year.",
    }
    assert all(isinstance(v["value"], str) for v in result.values)
    assert len(result.values) + len(result.skipped) == 35
    assert all("no period" in reason for _, reason in result.skipped)
    assert json.loads(to_json(result))["dataValues"] == result.values
    lines = to_csv(result).decode().splitlines()
    assert lines[0] == (
        "dataelement,period,orgunit,catoptcombo,attroptcombo,value,storedby,"
        "lastupdated,comment,flwup"
    )


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_dhis2_round_trip_reproduces_every_dated_figure(ds, fmt):
    result = export_values(ds)
    data = to_json(result) if fmt == "json" else to_csv(result)
    values = parse_json(data) if fmt == "json" else parse_csv(data)
    empty = Dataset(msgspec.structs.replace(ds.data, observations=[]))
    summary = import_values(empty, values)
    assert (summary.imported, summary.updated, summary.ignored) == (len(values), 0, [])

    def key(o):
        return (
            o.indicator,
            o.place,
            o.program,
            o.period,
            o.value,
            o.status,
            o.source,
            o.locator,
            o.comment,
            o.doubt,
            o.derived,
        )

    exported = {o.id for o in ds.data.observations} - {i for i, _ in result.skipped}
    expected = sorted(key(o) for o in ds.data.observations if o.id in exported)
    assert sorted(key(o) for o in summary.adds) == expected
    # importing into the full dataset again changes nothing
    again = import_values(ds, values)
    assert (again.imported, again.updated, again.unchanged) == (0, 0, len(values))


def test_dhis2_import_ignores_with_reasons(ds):
    values = [
        {"dataElement": "nope", "period": "2019", "orgUnit": "530113000000", "value": "1"},
        {"dataElement": "area", "period": "2019", "orgUnit": "999", "value": "1"},
        {"dataElement": "area", "period": "2019W3", "orgUnit": "530113000000", "value": "1"},
        {"dataElement": "area", "period": "2019", "orgUnit": "530113000000", "value": "x"},
        {
            "dataElement": "poverty-incidence",
            "period": "2018",
            "orgUnit": "530113000000",
            "value": "130",
        },
        {"dataElement": "area", "period": "2021", "orgUnit": "530113000000", "value": "1866"},
        {
            "dataElement": "poverty-incidence",
            "period": "2019",
            "orgUnit": "530113000000",
            "categoryOptionCombo": "reported",
            "value": "0.5",
            "followup": True,
        },
    ]
    summary = import_values(ds, values)
    reasons = dict(summary.ignored)
    assert "unknown data element 'nope'" in reasons[0]
    assert "unknown organisation unit '999'" in reasons[1]
    assert "unknown period" in reasons[2]
    assert "not a number" in reasons[3]
    assert "above the maximum 100" in reasons[4]
    assert (summary.imported, summary.updated) == (1, 1)
    assert summary.replaces[0].id == "incidence-2019" and summary.replaces[0].value == 0.5
    assert "imported=1 updated=1 ignored=5" in summary.text()


def test_dhis2_bad_files():
    with pytest.raises(ValueError, match="dataValues"):
        parse_json(b'{"x": 1}')
    with pytest.raises(ValueError, match="not a DHIS2 JSON"):
        parse_json(b"{")


# ------------------------------------------------------------ spreadsheets


def write_xlsx(path, table):
    book = Workbook()
    sheet = book.active
    for row in table:
        sheet.append(row)
    book.save(path)


TOWN_SHEET = [
    ["指标", "区划代码", "年份", "数值", "状态", "来源", "出处", "备注"],
    ["冬桃种植面积", YANTOU, 2023, 70, "估计", "yndtjj-2022", "p. 2", "town estimate"],
    ["poverty-incidence", "530113000000", "2013", "52.88", "基线", "article", "para. 1", ""],
    ["poverty-incidence", "530113000000", "2019", "0.4", "", "", "", "recount"],
    ["Elevation", "梨坪村", 2020, 1500, "", "", "", ""],
    ["orchard-area", YANTOU, "2023/5", 1, "", "", "", ""],
    ["orchard-area", YANTOU, 2021, "many", "", "", "", ""],
    ["orchard-area", "Atlantis", 2021, 3, "", "", "", ""],
    ["冬桃种植面积", YANTOU, 2023, 71, "估计", "", "", "twice"],
    ["resettled-in-towns", "530113000000", 2020, "130%", "", "", "", ""],
]


def test_town_office_sheet_is_checked_row_by_row(ds, tmp_path):
    path = tmp_path / "town.xlsx"
    write_xlsx(path, TOWN_SHEET)
    sheet = read_sheet(path)
    mapping = guess_mapping(sheet.header)
    assert mapping == {
        "indicator": 0,
        "place": 1,
        "period": 2,
        "value": 3,
        "status": 4,
        "source": 5,
        "locator": 6,
        "comment": 7,
    }
    plan = plan_import(ds, sheet, mapping)
    by_row = {r.row: r for r in plan.results}
    assert by_row[2].status == "new" and by_row[2].record.status == "estimate"
    assert by_row[2].record.value == 70 and by_row[2].record.period == "2023"
    assert by_row[3].status == "unchanged"
    assert by_row[4].status == "updated" and by_row[4].record.id == "incidence-2019"
    assert by_row[4].record.comment == "recount" and by_row[4].record.doubt  # kept
    assert "2 places are called '梨坪村'" in by_row[5].reason
    assert "is not a period" in by_row[6].reason
    assert "is text, not a number" in by_row[7].reason
    assert "unknown place 'Atlantis'" in by_row[8].reason
    assert "the same figure as row 2" in by_row[9].reason
    assert "above the maximum 100" in by_row[10].reason
    assert plan.summary() == "1 new, 1 updated, 1 unchanged, 6 rejected"
    # a dry run changes nothing
    assert dumps(ds.data) == SEED.read_bytes()


def test_csv_in_gb18030_from_chinese_excel(ds, tmp_path):
    path = tmp_path / "town.csv"
    text = "指标,地点,年份,数值\n海拔,岩头村,2021,2010\n"
    path.write_bytes(text.encode("gb18030"))
    sheet = read_sheet(path)
    assert sheet.note == "read as GB18030 (not UTF-8)"
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    assert [r.status for r in plan.results] == ["new"]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the sheet is empty"),
        ("指标,地点,年份,数值\n".encode(), "header row but no figures"),
        (b"PK\x03\x04 not really a zip", "not a readable .xlsx"),
    ],
)
def test_bad_sheets(tmp_path, content, message):
    suffix = ".xlsx" if content.startswith(b"PK") else ".csv"
    path = tmp_path / f"bad{suffix}"
    path.write_bytes(content)
    with pytest.raises(SheetError, match=message):
        read_sheet(path)


def test_missing_columns_and_limits(ds, tmp_path):
    path = tmp_path / "few.csv"
    path.write_text("indicator,value\narea,3\n", encoding="utf-8")
    sheet = read_sheet(path)
    with pytest.raises(SheetError, match="no column chosen for place, period"):
        plan_import(ds, sheet, guess_mapping(sheet.header))
    with pytest.raises(SheetError, match="the limit is 10"):
        read_sheet(path, max_bytes=10)
    many = tmp_path / "many.csv"
    many.write_text("indicator,place,period,value\n" + "area,d,2019,1\n" * 20, encoding="utf-8")
    with pytest.raises(SheetError, match="more than 5 rows"):
        read_sheet(many, max_rows=5)


def test_xml_bomb_inside_xlsx_is_refused(tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, [["indicator", "place", "period", "value"], ["area", "d", 2019, 1]])
    bomb = (
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        '<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        "</sheetData></worksheet>"
    )
    with zipfile.ZipFile(path) as src:
        items = {n: src.read(n) for n in src.namelist()}
    items["xl/worksheets/sheet1.xml"] = bomb.encode()
    with zipfile.ZipFile(path, "w") as out:
        for name, data in items.items():
            out.writestr(name, data)
    with pytest.raises(SheetError, match="refused|not a readable|empty"):
        read_sheet(path)
