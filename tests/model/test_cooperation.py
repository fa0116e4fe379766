"""The cooperation ledger: projects, totals per year against the reported figures,
and the ledger export (escaping, round trip, empty ledger)."""

import csv
import io

import pytest
from openpyxl import load_workbook

from dongchuan_gui.model import cooperation as coop
from dongchuan_gui.model.dataset import Dataset
from dongchuan_gui.model.records import CooperationProject
from dongchuan_gui.model.tables import unescape_cell

PUTUO = "putuo-cooperation"
YANTOU = "530113104216"
HOSTILE = {
    "name_zh": "=cmd|' /C calc'!A0",
    "partner": "+86 21 5256",
    "locator": "-1+2",
    "note": "@SUM(A1:A9)",
}


@pytest.fixture
def dataset(seed_data):
    return Dataset(seed_data)


def project(rid: str, year: int = 2020, **fields) -> CooperationProject:
    fields.setdefault("name_zh", f"项目 {rid}")
    return CooperationProject(id=rid, program=PUTUO, year=year, **fields)


def test_the_bundled_ledger_is_empty_and_the_article_totals_stand_alone(dataset):
    assert coop.projects_of(dataset) == []
    (year,) = coop.totals_by_year(dataset, PUTUO)
    assert (year.year, year.count, year.funds_wan, year.without_funds) == (2019, 0, 0.0, 0)
    assert year.reported_count == 13
    assert year.reported_million == 50.4
    assert year.reported_ids == ["coop-funds-2019", "coop-projects-2019"]
    assert year.count_differs() and year.funds_differ()
    # no program: the ledger alone, nothing reported
    assert coop.totals_by_year(dataset) == []


def test_totals_per_year_in_wan_and_million_with_what_is_missing(dataset):
    dataset.add(coop.KIND, project("a", 2019, funds=3000, beneficiaries=120))
    dataset.add(
        coop.KIND,
        project("b", 2019, funds=2040.5, beneficiaries=30, beneficiaries_unit="households"),
    )
    dataset.add(coop.KIND, project("c", 2019))  # funds not known
    dataset.add(coop.KIND, project("d", 2020, funds=10))
    dataset.add(coop.KIND, CooperationProject(id="e", name_zh="别的", year=2019, funds=1))
    assert [p.id for p in coop.projects_of(dataset, PUTUO, 2019)] == ["a", "b", "c"]
    assert [p.id for p in coop.projects_of(dataset, PUTUO)] == ["a", "b", "c", "d"]
    y2019, y2020 = coop.totals_by_year(dataset, PUTUO)
    assert (y2019.count, y2019.funds_wan, y2019.without_funds) == (3, 5040.5, 1)
    assert y2019.funds_million == 50.405
    assert y2019.beneficiaries == {"people": 120, "households": 30}
    assert y2019.without_beneficiaries == 1
    assert y2019.count_differs()  # 3 entered, 13 reported
    assert y2019.funds_differ()  # 50.405 against 50.4
    assert (y2020.count, y2020.funds_million, y2020.reported_count) == (1, 0.1, None)
    assert not y2020.count_differs() and not y2020.funds_differ()


def test_entered_totals_equal_to_the_reported_ones_do_not_differ(dataset):
    for i in range(13):
        dataset.add(coop.KIND, project(f"p{i}", 2019, funds=5040 / 13))
    (y2019,) = coop.totals_by_year(dataset, PUTUO)
    assert y2019.count == 13 and not y2019.count_differs()
    assert y2019.funds_million == 50.4 and not y2019.funds_differ()


def test_a_target_or_a_month_is_not_a_reported_year_total(dataset):
    from dongchuan_gui.model.records import Observation

    for rid, period, status in (("t", "2021", "target"), ("m", "2021-05", "reported")):
        dataset.add(
            "observations",
            Observation(
                id=rid,
                indicator="coop-funds",
                program=PUTUO,
                period=period,
                value=99,
                status=status,
            ),
        )
    assert [t.year for t in coop.totals_by_year(dataset, PUTUO)] == [2019]


def test_funds_are_written_as_the_language_writes_them():
    assert coop.format_funds(120.5, "zh") == "120.5 万元"
    assert coop.format_funds(5040, "zh_CN") == "5,040 万元"
    assert coop.format_funds(120.5, "en") == "1.205 million yuan (120.5 万元)"
    assert coop.format_funds(None, "en") == ""
    assert coop.format_beneficiaries(1200, "households", "zh") == "1,200 户"
    assert coop.format_beneficiaries(3, "people", "en") == "3 people"


def read_xlsx(path):
    book = load_workbook(path)
    return {
        name: [list(r) for r in book[name].iter_rows(values_only=True)] for name in book.sheetnames
    }, book


def test_an_empty_ledger_gives_headers_only(dataset, tmp_path):
    coop.write_ledger_xlsx(tmp_path / "l.xlsx", dataset, "zh")
    sheets, _ = read_xlsx(tmp_path / "l.xlsx")
    assert list(sheets) == ["协作项目台账", "年度合计"]
    assert sheets["协作项目台账"] == [coop.header("zh")]
    assert sheets["年度合计"] == [coop.header("zh", coop.TOTAL_COLUMNS)]
    coop.write_ledger_csv(tmp_path / "l.csv", dataset, "en")
    raw = (tmp_path / "l.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert list(csv.reader(io.StringIO(raw.decode("utf-8-sig")))) == [coop.header("en")]


def test_headers_follow_the_language():
    assert coop.header("zh")[:3] == ["编号", "年度", "项目名称"]
    assert coop.header("en")[8:10] == ["Funds (10,000 yuan)", "Funds (million yuan)"]
    assert len(coop.header("en")) == len(coop.COLUMNS)


def test_xlsx_round_trip_keeps_numbers_and_escapes_formulas(dataset, tmp_path):
    dataset.add(
        coop.KIND,
        project(
            "x",
            2019,
            funds=120.5,
            beneficiaries=40,
            beneficiaries_unit="households",
            place=YANTOU,
            source="article",
            doubt=True,
            status="completed",
            **HOSTILE,
        ),
    )
    dataset.add(coop.KIND, project("y", 2019, name_en="Water supply"))
    path = tmp_path / "ledger.xlsx"
    coop.write_ledger_xlsx(path, dataset, "en")
    sheets, book = read_xlsx(path)
    head, first, second = sheets["Ledger"]
    assert head == coop.header("en")
    got = dict(zip(coop.header("en"), first, strict=True))
    assert got["ID"] == "x" and got["Year"] == 2019
    assert got["Funds (10,000 yuan)"] == 120.5 and got["Funds (million yuan)"] == 1.205
    assert got["Beneficiaries"] == 40 and got["Counted as"] == "households"
    assert got["Place"] == "Yantou Village" and got["Place code"] == YANTOU
    assert got["Status"] == "completed" and got["Doubtful"] == "yes"
    assert got["Program"] == "East-west cooperation with Putuo District, Shanghai"
    # each hostile text is stored as text with an apostrophe, never as a formula
    for key, text in HOSTILE.items():
        column = coop.header("en")[[c[0] for c in coop.COLUMNS].index(key)]
        assert got[column] == "'" + text
        assert unescape_cell(got[column]) == text
    for row in book["Ledger"].iter_rows():
        assert all(cell.data_type != "f" for cell in row)
    assert second[:4] == ["y", 2019, "项目 y", "Water supply"]
    assert second[8] is None  # no funds: an empty cell, not 0
    totals = sheets["Totals by year"]
    assert totals[1] == [
        "East-west cooperation with Putuo District, Shanghai",
        2019,
        2,
        13,
        120.5,
        1.205,
        50.4,
        1,
    ]


def test_csv_escapes_formulas_and_reads_back(dataset, tmp_path):
    dataset.add(coop.KIND, project("x", 2019, funds=7, **HOSTILE))
    coop.write_ledger_csv(tmp_path / "l.csv", dataset, "zh")
    text = (tmp_path / "l.csv").read_bytes().decode("utf-8-sig")
    head, row = list(csv.reader(io.StringIO(text)))
    got = dict(zip(head, row, strict=True))
    assert got["项目名称"] == "'=cmd|' /C calc'!A0"
    assert got["协作方"] == "'+86 21 5256"
    assert got["出处"] == "'-1+2" and got["备注"] == "'@SUM(A1:A9)"
    assert {
        k: unescape_cell(got[h])
        for k, h in (
            ("name_zh", "项目名称"),
            ("partner", "协作方"),
            ("locator", "出处"),
            ("note", "备注"),
        )
    } == HOSTILE
    assert got["资金（万元）"] == "7" and got["资金（百万元）"] == "0.07"
    assert got["状态"] == "实施中" and got["所属项目"] == "沪滇协作（普陀—东川）"


def test_the_write_replaces_the_file_whole(dataset, tmp_path):
    path = tmp_path / "ledger.xlsx"
    path.write_bytes(b"old")
    coop.write_ledger_xlsx(path, dataset, "en")
    assert path.read_bytes()[:2] == b"PK"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.xlsx"]  # no temp left
    path.chmod(0o444)
    with pytest.raises(PermissionError):
        coop.write_ledger_xlsx(path, dataset, "en")
    assert path.read_bytes()[:2] == b"PK"
