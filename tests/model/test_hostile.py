"""Hostile and odd input: refused with a clear message (file, where, what was expected),
never a Python error, never a change on disk."""

import csv
import io
import json
import zipfile

import msgspec
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dongchuan_gui.model import DatasetError, loads
from dongchuan_gui.model.checks import bounds, check_dataset
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.dhis2 import (
    export_values,
    import_values,
    parse_csv,
    parse_json,
    read_values,
    to_csv,
)
from dongchuan_gui.model.editing import value_problem
from dongchuan_gui.model.safejson import deep_offset, too_deep
from dongchuan_gui.model.sheet_import import SheetError, guess_mapping, plan_import, read_sheet
from dongchuan_gui.model.units import parse_number
from tests.conftest import SEED, make_doc
from tests.model.test_exchange import write_xlsx

YANTOU = "530113104216"
DEEP = 200_000


@pytest.fixture
def ds():
    return Dataset(loads(SEED.read_bytes()).data)


def messages(data: bytes, name: str = "f.json") -> list[str]:
    with pytest.raises(DatasetError) as info:
        loads(data, name)
    return [str(p) for p in info.value.problems]


# ------------------------------------------------------------ deep nesting


@pytest.mark.parametrize(
    "data",
    [
        b"[" * DEEP + b"]" * DEEP,
        b"{" + b'"a":{' * DEEP + b"}" * DEEP + b"}",
        # deep inside a record of an otherwise good file
        json.dumps(make_doc())[:-1].encode() + b', "x": ' + b"[" * DEEP + b"]" * DEEP + b"}",
        # deep and truncated
        b'{"format": "dongchuan-workbench",\n "meta": ' + b"[1, " * DEEP,
    ],
)
def test_deep_nesting_in_a_dataset_is_refused_with_line_and_limit(data):
    found = messages(data)
    assert len(found) == 1
    assert found[0].startswith("f.json: $: line ")
    assert "nested deeper than 64 levels" in found[0]


def test_deep_nesting_message_points_at_the_first_level_too_many():
    (found,) = messages(b'{\n  "a": ' + b"[" * 100 + b"]" * 100 + b"}")
    assert "line 2, column 71:" in found  # the 64th bracket, inside the object


def test_nesting_under_the_limit_is_only_a_type_problem():
    doc = json.dumps(make_doc()).encode()
    data = doc.replace(b'"title": "test"', b'"title": ' + b"[" * 50 + b"]" * 50)
    assert messages(data) == ["f.json: $.meta.title: Expected `str`, got `array`"]


def test_deep_strings_and_escapes_do_not_count_as_nesting():
    doc = make_doc()
    doc["meta"]["note"] = "[" * 1000 + '\\"[{' + "{" * 1000
    assert loads(json.dumps(doc).encode()).data.meta.note == doc["meta"]["note"]


def test_deep_nesting_in_dhis2_json_is_refused():
    with pytest.raises(ValueError, match=r"line 1, column 90: nested deeper than 64") as info:
        parse_json(b'{"dataValues": [{"comment": ' + b"[" * DEEP + b"]" * DEEP + b"}]}")
    assert "Recursion" not in str(info.value)


def test_deep_snapshot_is_listed_as_a_problem(tmp_path):
    from dongchuan_gui.model.snapshots import list_snapshots

    (tmp_path / "deep.json").write_bytes(b'{"x": ' + b"[" * DEEP + b"]" * DEEP + b"}")
    entries, problems = list_snapshots(tmp_path)
    assert entries == [] and "nested deeper than 64" in problems[0].message


# ------------------------------------------------------------------ CSV


def test_csv_with_carriage_return_line_ends_reads_every_row(ds, tmp_path):
    path = tmp_path / "mac.csv"
    path.write_bytes(b"indicator,place,period,value\r" + f"elevation,{YANTOU},2023,2010\r".encode())
    sheet = read_sheet(path)
    assert sheet.header == ["indicator", "place", "period", "value"]
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    assert [r.status for r in plan.results] == ["new"]


def test_csv_with_a_carriage_return_inside_an_unquoted_field(ds, tmp_path):
    path = tmp_path / "cr.csv"
    path.write_bytes(b"indicator,place,period,value\nelevation,5301131\r04216,2023,1\n")
    sheet = read_sheet(path)
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    assert all(r.status == "rejected" for r in plan.results)
    assert "unknown place '5301131'" in plan.results[0].reason
    # quoted, the carriage return is part of the text
    path.write_bytes(b'indicator,place,period,value,comment\nelevation,x,2023,1,"a\rb"\n')
    assert read_sheet(path).rows == [["elevation", "x", "2023", "1", "a\rb"]]


def test_csv_error_names_file_and_row(tmp_path):
    path = tmp_path / "long.csv"
    path.write_text('indicator,place,period,value\narea,d,2019,"' + "x" * 200_000 + '"\n')
    with pytest.raises(SheetError) as info:
        read_sheet(path)
    assert str(info.value) == f"{path}: line 2: a cell is longer than 131,072 characters"


def test_dhis2_csv_with_carriage_returns_and_csv_errors():
    values = parse_csv(b"dataelement,period,orgunit\rarea,2019,530113000000\r")
    assert [(v["dataElement"], v["period"]) for v in values] == [("area", "2019")]
    with pytest.raises(ValueError, match="line 2: a cell is longer than"):
        parse_csv(b'dataelement\n"' + b"x" * 200_000 + b'"\n')


# ---------------------------------------------------------- DHIS2 twice


def test_dhis2_same_figure_twice_is_one_verdict(ds):
    first = {"dataElement": "orchard-area", "period": "2023", "orgUnit": YANTOU, "value": "5"}
    values = [first, {**first, "value": "6"}, {**first, "value": "7"}]
    summary = import_values(ds, values)
    assert (summary.imported, summary.updated, summary.unchanged) == (1, 0, 0)
    assert summary.ignored == [
        (1, "the same figure as value 0"),
        (2, "the same figure as value 0"),
    ]
    # applying the verdict works (it raised KeyError before)
    for record in summary.replaces:
        ds.replace("observations", record)
    for record in summary.adds:
        ds.add("observations", record)
    assert [o.value for o in ds.observations_for(indicator="orchard-area", place=YANTOU)][-1] == 5


def test_dhis2_update_twice_is_one_verdict(ds):
    value = {
        "dataElement": "poverty-incidence",
        "period": "2019",
        "orgUnit": "530113000000",
        "categoryOptionCombo": "reported",
        "value": "0.5",
    }
    summary = import_values(ds, [value, {**value, "value": "0.6"}])
    assert (summary.updated, summary.ignored) == (1, [(1, "the same figure as value 0")])


# ------------------------------------------------------- zip bombs, limits


def swap_member(path, name, data, compression=zipfile.ZIP_DEFLATED):
    with zipfile.ZipFile(path) as src:
        items = {n: src.read(n) for n in src.namelist()}
    items[name] = data
    with zipfile.ZipFile(path, "w", compression) as out:
        for member, content in items.items():
            out.writestr(member, content)


def test_xlsx_zip_bomb_is_refused_before_parsing(tmp_path):
    path = tmp_path / "bomb.xlsx"
    write_xlsx(path, [["indicator", "place", "period", "value"], ["area", "d", 2019, 1]])
    sheet_xml = (
        '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/'
        'spreadsheetml/2006/main"><sheetData>' + " " * 30_000_000 + "</sheetData></worksheet>"
    )
    swap_member(path, "xl/worksheets/sheet1.xml", sheet_xml.encode())
    assert path.stat().st_size < 100_000
    with pytest.raises(SheetError) as info:
        read_sheet(path)
    assert str(info.value).startswith(f"{path}: xl/worksheets/sheet1.xml is compressed ")
    assert "the limit is 100:1" in str(info.value)


def test_xlsx_unpacked_size_limit(tmp_path):
    path = tmp_path / "big.xlsx"
    write_xlsx(path, [["indicator", "place", "period", "value"], ["area", "d", 2019, 1]])
    with pytest.raises(SheetError, match="unpacked, the workbook is more than 1,000 bytes"):
        read_sheet(path, max_unzipped=1000)
    assert read_sheet(path).rows == [["area", "d", 2019, 1]]


def test_dhis2_files_have_size_and_value_limits(tmp_path):
    value = {"dataElement": "area", "period": "2019", "orgUnit": "530113000000", "value": "1"}
    data = json.dumps({"dataValues": [value] * 20}).encode()
    assert len(parse_json(data)) == 20
    with pytest.raises(ValueError, match="more than 10 values"):
        parse_json(data, max_values=10)
    with pytest.raises(ValueError, match="the limit is 100"):
        parse_json(data, max_bytes=100)
    csv_data = (
        b"dataelement,period,orgunit,catoptcombo,attroptcombo,value\n" + b"area,2019,d,,,1\n" * 20
    )
    with pytest.raises(ValueError, match="more than 10 values"):
        parse_csv(csv_data, max_values=10)
    path = tmp_path / "values.json"
    path.write_bytes(data)
    assert len(read_values(path)) == 20
    with pytest.raises(ValueError, match=r"the file is [\d,]+ bytes; the limit is 100"):
        read_values(path, max_bytes=100)


# ---------------------------------------------------------------- ranges


@pytest.mark.parametrize(
    ("unit", "expected"),
    [
        ("%", (0, 100)),
        ("percent", (0, 100)),
        ("people", (0, None)),
        ("households", (0, None)),
        ("户", (0, None)),
        ("万人", (0, None)),
        ("ha", (0, None)),
        ("mu", (0, None)),
        ("亩", (0, None)),
        ("km²", (0, None)),
        ("yuan", (0, None)),
        ("million yuan", (0, None)),
        ("万元", (0, None)),
        ("yuan per person per year", (0, None)),
        ("jobs", (0, None)),
        ("units", (0, None)),
        ("m", (None, None)),  # elevation can be below sea level
        ("°C", (None, None)),
        ("percentage points", (None, None)),
    ],
)
def test_units_declare_their_valid_range(unit, expected):
    assert bounds(unit, None, None) == expected


def test_minimum_and_maximum_override_the_unit():
    assert bounds("people", -10, None) == (-10, None)
    assert bounds("%", None, 300) == (0, 300)
    assert bounds("m", 0, 9000) == (0, 9000)


def test_negative_count_is_invalid_on_load():
    doc = make_doc()
    doc["observations"][1]["value"] = -32227
    found = messages(json.dumps(doc).encode())
    assert found == [
        "f.json: $.observations[1].value: -32227 jobs is below the minimum 0 of 'jobs'"
    ]


def test_edit_check_uses_the_unit_range(ds):
    lifted = ds.observations_for(indicator="people-lifted")[0]
    bad = msgspec.structs.replace(lifted, value=-5)
    assert value_problem(ds, bad) == "-5 people is below the minimum 0 of 'people-lifted'"
    candidate = msgspec.structs.replace(ds.data, observations=[bad])
    errors = [p for p in check_dataset(candidate, "edit") if p.severity == "error"]
    assert [p.message for p in errors] == ["-5 people is below the minimum 0 of 'people-lifted'"]


def test_seed_still_validates_with_unit_ranges():
    assert loads(SEED.read_bytes()).data.indicators


@pytest.mark.parametrize(
    ("text", "unit", "expected"),
    [
        ("12", "people", 12),
        ("1,234", "people", 1234),
        ("12%", "%", 12),
        ("12 %", "percent", 12),
        ("3.5ha", "ha", 3.5),
        ("5万元", "万元", 5),
        ("70 亩", "mu", 70),
        ("-3", "m", -3),
        ("1e3", "yuan", 1000),
    ],
)
def test_values_with_their_own_unit(text, unit, expected):
    assert parse_number(text, unit) == expected


@pytest.mark.parametrize(
    ("text", "unit", "reason"),
    [
        ("12%", "people", "'12%' is in %, not in people"),
        ("5万元", "ha", "'5万元' is in 万元, not in ha"),
        ("5 mu", "ha", "'5 mu' is in mu, not in ha"),
        ("many", "people", "'many' is text, not a number"),
        ("12 apples", "people", "'12 apples' is text, not a number"),
        ("", "people", "the value is empty"),
        ("1e999", "people", "'1e999' is not a finite number"),
    ],
)
def test_values_in_another_unit_are_refused_with_the_reason(text, unit, reason):
    with pytest.raises(ValueError) as info:
        parse_number(text, unit)
    assert str(info.value) == reason


def test_sheet_import_refuses_negative_counts_and_wrong_units(ds, tmp_path):
    path = tmp_path / "town.csv"
    path.write_text(
        "indicator,place,period,value\n"
        "people-lifted,530113000000,2019,-32227\n"
        f"orchard-area,{YANTOU},2019,-53\n"
        "people-lifted,530113000000,2018,12%\n"
        "resettled-in-towns,530113000000,2018,12%\n",
        encoding="utf-8",
    )
    sheet = read_sheet(path)
    plan = plan_import(ds, sheet, guess_mapping(sheet.header))
    reasons = [r.reason for r in plan.results]
    assert reasons[:3] == [
        "-32227 people is below the minimum 0 of 'people-lifted'",
        "-53 ha is below the minimum 0 of 'orchard-area'",
        "'12%' is in %, not in people",
    ]
    assert plan.results[3].status == "new" and plan.results[3].record.value == 12


def test_dhis2_import_refuses_negative_counts_and_wrong_units(ds):
    base = {"dataElement": "people-lifted", "orgUnit": "530113000000"}
    summary = import_values(
        ds,
        [
            {**base, "period": "2017", "value": "-32227"},
            {**base, "period": "2016", "value": "12%"},
            {**base, "period": "2015", "value": "12"},
        ],
    )
    assert summary.ignored == [
        (0, "-32227 people is below the minimum 0 of 'people-lifted'"),
        (1, "'12%' is in %, not in people"),
    ]
    assert summary.imported == 1


# ------------------------------------------------------ DHIS2 CSV escaping


def test_dhis2_csv_cells_are_escaped_and_read_back_unchanged(ds):
    first = ds.data.observations[0]
    texts = ['=HYPERLINK("http://evil","x")', "+1", "-minus", "@SUM(A1)", "'=quoted", "ok"]
    for n, text in enumerate(texts):
        record = msgspec.structs.replace(
            first, id=f"evil-{n}", locator="", comment=text, period=str(1990 + n)
        )
        ds.add("observations", record)
    ds.add("observations", msgspec.structs.replace(first, id="minus", value=-5, period="1980"))
    result = export_values(ds)
    data = to_csv(result)
    table = list(csv.reader(io.StringIO(data.decode("utf-8"), newline="")))
    comments = {row[8] for row in table[1:]}
    assert {"'" + text for text in texts[:5]} | {"ok"} <= comments
    assert not [cell for row in table[1:] for cell in row if cell.startswith(("=", "+", "@"))]
    assert "-5" in {row[5] for row in table[1:]}  # numbers stay numbers
    values = parse_csv(data)
    assert [v["comment"] for v in values] == [v.get("comment", "") for v in result.values]
    assert [v["value"] for v in values] == [v["value"] for v in result.values]


# --------------------------------------------------------------- messages


def test_huge_integer_says_number_too_long():
    doc = json.dumps(make_doc()).encode()
    data = doc.replace(b'"value": 100', b'"value": ' + b"9" * 5000)
    found = messages(data)
    assert found == ["f.json: $.observations[1].value: number too long (more than 4300 digits)"]
    (found,) = messages(
        b'{"format": "dongchuan-workbench", "schema_version": 1, "x": ' + b"9" * 5000 + b"}"
    )
    assert "line 1, column 61: number too long" in found
    assert "sys." not in found


def test_many_bad_records_are_reported_quickly_and_capped(monkeypatch):
    calls = []
    real = msgspec.structs.fields
    monkeypatch.setattr(msgspec.structs, "fields", lambda cls: calls.append(cls) or real(cls))
    doc = make_doc()
    good = doc["observations"][1]
    doc["observations"] = [{**good, "id": f"o{n}", "value": "x"} for n in range(3000)]
    found = messages(json.dumps(doc).encode())
    # the field list of a record type is looked up once, not once per record
    assert len(calls) <= 10
    assert len(found) == 1001
    assert found[-1] == "f.json: $: 2,000 more errors not listed"


# ------------------------------------------------------------- properties

json_text = st.text(st.sampled_from('ab[]{}"\\\n\t,:é东'), max_size=8)
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | json_text,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(json_text, inner, max_size=3),
    max_leaves=40,
)


def depth(value) -> int:
    if isinstance(value, list):
        return 1 + max(map(depth, value), default=0)
    if isinstance(value, dict):
        return 1 + max(map(depth, value.values()), default=0)
    return 0


@settings(max_examples=300)
@given(json_values, st.integers(1, 6), st.booleans())
def test_the_depth_scan_agrees_with_the_decoder(value, limit, ascii_only):
    data = json.dumps(value, ensure_ascii=ascii_only).encode()
    assert too_deep(data, limit) == (depth(value) > limit)
    if depth(value) > limit:
        offset = deep_offset(data, limit)
        assert data[offset : offset + 1] in (b"[", b"{")


@settings(max_examples=200)
@given(st.binary(max_size=300))
def test_random_bytes_as_dhis2_raise_only_value_errors(raw):
    for parse in (parse_json, parse_csv):
        try:
            parse(raw)
        except ValueError as exc:
            assert str(exc)


@settings(max_examples=100, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.binary(max_size=300))
def test_random_bytes_as_a_csv_sheet_raise_only_sheet_errors(tmp_path, raw):
    path = tmp_path / "random.csv"
    path.write_bytes(raw)
    try:
        read_sheet(path)
    except SheetError as exc:
        assert str(exc).startswith(f"{path}: ")
