"""Imports of real ledgers: title rows, merged cells, Chinese headers, personal data
dropped or refused, exact verdicts with the row as Excel shows it."""

from __future__ import annotations

import json

import numpy as np
import pytest

from dongchuan_gui.model.register import Register, ledger_read, ledger_xlsx
from dongchuan_gui.model.register.ledger import LedgerError, import_ledger
from dongchuan_gui.model.register.ledger_headers import guess_mapping, normalize

from .ledger_files import (
    ALL_PERSONAL,
    COL,
    HEADER,
    HIDDEN_ID,
    ID_NUMBERS,
    LIPING,
    SAHAI,
    household,
    sparse_bomb,
    standard_rows,
    write_csv,
    write_xlsx,
    zip_bomb,
)

EXPECTED_REFUSED = {
    6: f"column {COL['备注']} (备注) holds what looks like a resident ID number; the row "
       "was not imported",
    7: f"column {COL['监测对象类别']} (监测对象类别): not a known label; expected one of "
       "脱贫不稳定户, 边缘易致贫户, 突发严重困难户",
    8: f"column {COL['户编号']} (户编号): the same household number as row 4; expected each "
       "household once",
    10: f"column {COL['户编号']} (户编号) holds what looks like a resident ID number; the "
        "row was not imported",
}


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    return write_xlsx(tmp_path_factory.mktemp("ledger") / "汤丹镇台账.xlsx")


@pytest.fixture(scope="module")
def plan(ledger):
    return import_ledger(ledger)


def test_header_below_title_rows_and_year_from_it(plan):
    assert plan.header_row == 3 and plan.sheet == "监测台账"
    assert plan.year == 2024
    assert plan.year_from == f"the header of column {COL['2024年人均纯收入']} (2024年人均纯收入)"
    assert plan.mapping["household_id"] == HEADER.index("户编号")
    assert plan.mapping["village_name"] == HEADER.index("所属村")
    assert plan.mapping["income"] == HEADER.index("2024年人均纯收入")


def test_exact_verdicts(plan):
    assert plan.refused == EXPECTED_REFUSED
    assert plan.skipped == {11: "a total row, not a household"}
    assert plan.counts() == {"rows": 8, "taken": 3, "refused": 4, "skipped": 1}
    taken = [v.row for v in plan.verdicts() if v.status == "ok"]
    assert taken == [4, 5, 9]


def test_personal_columns_dropped_by_header_and_by_values(plan):
    dropped = {d.letter: (d.header, d.kind, d.detail) for d in plan.dropped}
    assert dropped == {
        COL["户主姓名"]: ("户主姓名", "name", "a person's name, by its header"),
        COL["身份证号"]: ("身份证号", "id_number", "resident ID numbers, by its header"),
        COL["联系电话"]: ("联系电话", "phone", "phone numbers, by its header"),
        COL["备用"]: ("备用", "phone", "7 of its 7 values look like phone numbers"),
        COL["开户银行账号"]: ("开户银行账号", "bank", "bank account numbers, by its header"),
    }


def test_merged_village_filled_down_and_said(plan):
    reg = plan.register()
    ids = [h.decode() for h in reg.columns["household_id"]]
    assert ids == ["5301131022020001", "5301131022020002", "5301131022020006"]
    # rows 5 (merged under row 4) and 9: 梨坪村 of 汤丹镇, not the one of 铜都街道
    assert reg.columns["village"].tolist() == [LIPING, LIPING, SAHAI]
    assert any("merged cells filled down to 2 rows" in n for n in plan.notes)


def test_values_converted(plan):
    reg = plan.register()
    assert reg.columns["income_2024"].tolist() == [12000.5, 12000.5, 1234.5]
    assert reg.columns["wage_2024"].tolist() == [8000.0, 8000.0, 800.0]  # full-width ８００
    assert reg.columns["mon_type"].tolist() == [0, 1, 0]
    assert reg.columns["risk_status"].tolist() == [0, 1, 0]
    assert str(reg.columns["identified"][1]) == "2024-03-01"
    assert reg.columns["attribute"].tolist() == [1, 1, 1]
    assert reg.columns["employed_2024"].tolist() == [-1, -1, -1]  # no such column: unknown


def test_register_says_where_it_came_from(plan, ledger):
    reg = plan.register()
    assert isinstance(reg, Register) and len(reg) == 3
    assert reg.meta.synthetic is False and reg.meta.years == (2024,)
    assert reg.meta.title == "汤丹镇台账"
    assert "汤丹镇台账.xlsx › 监测台账" in reg.meta.note
    assert reg.meta.generator["sha256"]
    assert reg.meta.generator["dropped"] == ["E", "F", "G", "R", "S"]


def test_no_personal_value_in_the_written_register(plan, tmp_path):
    out = tmp_path / "r.parquet"
    plan.register().save(out)
    data = out.read_bytes()
    for value in ALL_PERSONAL:
        assert value.encode("utf-8") not in data, value
    loaded = Register.load(out)
    assert len(loaded) == 3
    text = repr(plan.to_dict()) + repr(plan.refused) + " ".join(plan.notes)
    assert not [v for v in ALL_PERSONAL if v in text]


def test_nothing_is_written_by_planning(ledger):
    before = sorted(p.name for p in ledger.parent.iterdir())
    import_ledger(ledger)
    assert sorted(p.name for p in ledger.parent.iterdir()) == before


def test_year_given_must_agree_with_the_header(ledger):
    with pytest.raises(LedgerError) as err:
        import_ledger(ledger, year=2025)
    assert str(err.value) == (
        "汤丹镇台账.xlsx › 监测台账: the header of column N (2024年人均纯收入) names 2024, "
        "not 2025; expected that year or no year given")


def test_year_needed_when_no_header_names_it(tmp_path):
    header = [h.replace("2024年", "") for h in HEADER]
    path = write_xlsx(tmp_path / "l.xlsx", [household(1)], header=header, merges=())
    with pytest.raises(LedgerError, match="no header names the year of the incomes"):
        import_ledger(path)
    assert import_ledger(path, year=2023).year == 2023


def test_mapping_override_and_personal_column_refused(ledger):
    plan = import_ledger(ledger, mapping={"measures": None, "village_name": "C"})
    assert "measures" not in plan.mapping and plan.mapping["village_name"] == 2
    with pytest.raises(LedgerError) as err:
        import_ledger(ledger, mapping={"village_name": "身份证号"})
    assert "column F (身份证号) holds personal data (resident ID numbers, by its header)" in str(
        err.value)
    assert ID_NUMBERS[0] not in str(err.value)
    with pytest.raises(LedgerError, match="no field 'villages'"):
        import_ledger(ledger, mapping={"villages": "C"})


def test_other_merged_cells_refuse_the_rows_they_cover(tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", [household(1), household(2, 家庭人口数=None)],
                      merges=("H4:H5",))
    plan = import_ledger(path)
    assert plan.refused == {5: "column H (家庭人口数): part of the merged cell H4:H5; expected "
                               "one value per household (only the village and town columns "
                               "are filled down from merged cells)"}


def test_bad_numbers_say_what_was_expected_without_the_value(tmp_path):
    rows = [household(1, 家庭人口数="张三丰"), household(2, 劳动力人数=5),
            household(3, **{"2024年人均纯收入": "abc"}), household(4, 家庭人口数=3.5)]
    plan = import_ledger(write_xlsx(tmp_path / "n.xlsx", rows, merges=()))
    assert plan.refused == {
        4: "column H (家庭人口数): not a number",
        5: "column I (劳动力人数): more labourers than household members; expected at most "
           "the household size",
        6: "column N (2024年人均纯收入): not an amount; expected yuan such as 8700 or 8,700.50",
        7: "column H (家庭人口数): not a whole number; expected the household size (persons, "
           "1 to 100)",
    }


def test_id_number_stored_as_a_number_refuses_the_row(tmp_path):
    rows = [household(1), household(2, 序号=float(ID_NUMBERS[0]))]
    plan = import_ledger(write_xlsx(tmp_path / "f.xlsx", rows, merges=()))
    assert plan.refused == {5: "column A (序号) holds what looks like a resident ID number; "
                               "the row was not imported"}


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_in_each_encoding(tmp_path, encoding):
    rows = standard_rows()
    rows[1][HEADER.index("所属村")] = "梨坪村"  # a CSV has no merged cells
    rows[2][HEADER.index("所属村")] = "汤丹镇梨坪村"
    plan = import_ledger(write_csv(tmp_path / "l.csv", rows, encoding))
    assert plan.refused == EXPECTED_REFUSED
    assert plan.skipped == {11: "a total row, not a household"}
    assert ("read as GB18030 text (not UTF-8)" in plan.notes) == (encoding == "gb18030")
    assert plan.register().columns["village"].tolist() == [LIPING, LIPING, SAHAI]


def test_csv_row_of_the_wrong_width(tmp_path):
    path = write_csv(tmp_path / "w.csv", [household(1), household(2)[:5], household(3)],
                     "utf-8")
    plan = import_ledger(path)
    assert plan.refused == {5: "5 cells; expected 19 (as in the header)"}
    assert plan.counts()["taken"] == 2


def test_zip_bomb_refused(tmp_path):
    with pytest.raises(LedgerError, match=r"compressed [0-9,]+:1; the limit is 100:1"):
        import_ledger(zip_bomb(tmp_path / "bomb.xlsx"))


def test_unpacked_size_limit(ledger, monkeypatch):
    monkeypatch.setattr(ledger_xlsx, "MAX_UNZIPPED", 10_000)
    with pytest.raises(LedgerError, match=r"unpacked, the workbook is more than 10,000 bytes"):
        import_ledger(ledger)


def test_one_far_cell_refused_before_calamine_sees_it(tmp_path, ledger):
    path = sparse_bomb(tmp_path / "far.xlsx", ledger)
    with pytest.raises(LedgerError) as err:
        import_ledger(path)
    assert str(err.value) == (
        "far.xlsx › 监测台账: a cell at XFD1048576 lies outside rows 1 to 1,048,576 or "
        "beyond column AMJ; expected a ledger table")


@pytest.mark.parametrize(
    "cell",
    [
        b"<row r='1048576'><c r='XFD1048576' t='n'><v>1</v></c></row>",  # single quotes
        b'<row r="1048576"><c\tr="XFD1048576" t="n"><v>1</v></c></row>',  # a tab
        b'<row r="1048576"><c\nr="XFD1048576"><v>1</v></c></row>',  # a line break
        b'<row r="1048576"><x:c xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/'
        b'2006/main" r="XFD1048576"><x:v>1</x:v></x:c></row>',  # a namespace prefix
    ],
)
def test_a_far_cell_written_unusually_is_refused_too(tmp_path, ledger, cell):
    """Each of these aborted the process before (calamine asked for 550 GB)."""
    path = sparse_bomb(tmp_path / "odd.xlsx", ledger, cell)
    with pytest.raises(LedgerError, match="not written as Excel writes them"):
        import_ledger(path)


def test_block_limit(tmp_path, ledger, monkeypatch):
    monkeypatch.setattr(ledger_xlsx, "MAX_CELLS", 100)
    with pytest.raises(LedgerError, match=r"cells reach row 11 and column S .* at most 100"):
        import_ledger(ledger)


def test_file_size_limit(ledger, monkeypatch):
    monkeypatch.setattr(ledger_read, "MAX_XLSX_BYTES", 1000)
    with pytest.raises(LedgerError, match=r"the file is [0-9,]+ bytes; the limit for a \.xlsx "
                                          "ledger is 1,000"):
        import_ledger(ledger)


def test_missing_household_column(tmp_path):
    header = ["序号" if h == "户编号" else h for h in HEADER]
    path = write_xlsx(tmp_path / "h.xlsx", [household(1)], header=header, merges=())
    with pytest.raises(LedgerError, match=r"no column for household_id \(户编号\) in the "
                                          "header in row 3"):
        import_ledger(path)


def test_household_totals_divided_by_size(tmp_path):
    header = ["户编号", "行政区划代码", "家庭人口数", "劳动力人数", "人均纯收入", "工资性收入",
              "生产经营性收入", "财产性收入", "转移性收入"]
    rows = [[f"H{i}", "530113102201", 4, 2, 10000, 24000, 8000, 0, 8000] for i in range(5)]
    plan = import_ledger(write_xlsx(tmp_path / "t.xlsx", rows, header=header, merges=(),
                                    titles=0), year=2024)
    reg = plan.register()
    assert reg.columns["wage_2024"].tolist() == [6000.0] * 5
    assert any("household totals" in n for n in plan.notes)


def test_header_synonyms():
    assert normalize("2024年 人均纯收入（元）") == ("人均纯收入", 2024)
    header = ["户编号", "村（社区）", "家庭人口数(人)", "*劳动力人数", "风险类型", "household_id"]
    assert guess_mapping(header) == {"household_id": 0, "village_name": 1, "size": 2,
                                     "labour": 3, "risk_type": 4}


def test_remark_with_id_is_never_echoed(plan):
    assert HIDDEN_ID not in repr(plan.to_dict())
    assert np.count_nonzero(plan.ok) == 3


def _rewrite(src, dst, member, change):
    import zipfile

    with zipfile.ZipFile(src) as book, zipfile.ZipFile(dst, "w") as out:
        for info in book.infolist():
            data = book.read(info)
            out.writestr(info, change(data) if info.filename == member else data)
    return dst


def test_cells_without_position_refused(tmp_path, ledger):
    path = _rewrite(ledger, tmp_path / "nor.xlsx", "xl/worksheets/sheet1.xml",
                    lambda data: data.replace(b'<c r="A5"', b"<c", 1))
    with pytest.raises(LedgerError, match="not written as Excel writes them"):
        import_ledger(path)


def test_xml_entities_refused(tmp_path, ledger):
    bomb = (b'<?xml version="1.0"?><!DOCTYPE lol [<!ENTITY lol "lol">'
            b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>')
    path = _rewrite(ledger, tmp_path / "ent.xlsx", "xl/workbook.xml",
                    lambda data: bomb + data[data.index(b"<workbook"):])
    with pytest.raises(LedgerError) as err:
        import_ledger(path)
    assert str(err.value) == ("ent.xlsx › 监测台账: the workbook's sheet list cannot be read: "
                              "it declares XML entities or external references (unsafe)")


def test_neither_utf8_nor_gb18030(tmp_path):
    path = tmp_path / "bin.csv"
    path.write_bytes(b"\xff\xfe\x00\x81" * 100)
    with pytest.raises(LedgerError, match="neither UTF-8 nor GB18030"):
        import_ledger(path)


def test_header_only(tmp_path):
    path = write_xlsx(tmp_path / "empty.xlsx", [], merges=())
    plan = import_ledger(path)
    assert plan.counts() == {"rows": 0, "taken": 0, "refused": 0, "skipped": 0}
    assert len(plan.register()) == 0


def test_two_row_header_with_a_year_per_group(tmp_path):
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(["户编号", "行政区划代码", "家庭人口数", "劳动力人数", "2023年收入情况", None,
                  "2024年收入情况", None])
    sheet.append([None, None, None, None, "人均纯收入", "工资性收入", "人均纯收入", "工资性收入"])
    sheet.append(["H1", "530113102201", 3, 1, 7000, 5000, 9100.5, 6000])
    for span in ("A1:A2", "B1:B2", "C1:C2", "D1:D2", "E1:F1", "G1:H1"):
        sheet.merge_cells(span)
    book.save(tmp_path / "two.xlsx")
    with pytest.raises(LedgerError, match="the headers name the years 2023, 2024; expected one"):
        import_ledger(tmp_path / "two.xlsx")
    plan = import_ledger(tmp_path / "two.xlsx", year=2024)
    assert plan.header_row == 2
    assert plan.mapping == {"household_id": 0, "village": 1, "size": 2, "labour": 3,
                            "income": 6, "wage": 7}
    reg = plan.register()
    assert reg.columns["income_2024"].tolist() == [9100.5]
    assert import_ledger(tmp_path / "two.xlsx", year=2023).mapping["income"] == 4


def test_columns_of_ids_and_bank_cards_by_their_values(tmp_path):
    from .ledger_files import BANK_CARDS

    header = ["户编号", "行政区划代码", "家庭人口数", "劳动力人数", "证件", "卡"]
    rows = [[f"H{i}", "530113102201", 3, 1, ID_NUMBERS[i % 2], BANK_CARDS[0]]
            for i in range(4)]
    plan = import_ledger(write_xlsx(tmp_path / "v.xlsx", rows, header=header, merges=(),
                                    titles=0), year=2024)
    assert [(d.letter, d.kind, d.detail) for d in plan.dropped] == [
        ("E", "id_number", "4 of its 4 values look like resident ID numbers"),
        ("F", "bank", "4 of its 4 values look like bank account numbers"),
    ]
    assert plan.counts()["taken"] == 4


def test_household_column_of_id_numbers(tmp_path):
    header = ["户编号", "行政区划代码", "家庭人口数", "劳动力人数"]
    rows = [[ID_NUMBERS[i % 2] if i < 3 else f"H{i}", "530113102201", 3, 1] for i in range(4)]
    path = write_xlsx(tmp_path / "i.xlsx", rows, header=header, merges=(), titles=0)
    with pytest.raises(LedgerError) as err:
        import_ledger(path, year=2024)
    assert str(err.value) == (
        "i.xlsx › 监测台账: no column for household_id (户编号) in the header in row 1; "
        "dropped as personal data: column A (户编号): 3 of its 4 values look like resident "
        "ID numbers")
    with pytest.raises(LedgerError, match=r"column A \(户编号\) holds personal data \(3 of"):
        import_ledger(path, year=2024, mapping={"household_id": "A"})


def test_personal_numbers_in_the_household_column_refuse_their_rows(tmp_path):
    # 5301131022020NNN are the ledger's own numbers (village code + sequence): kept
    planted = {
        3: "13611112222",  # a mobile number
        4: "+8613611112222",
        5: "6222020200112233446",  # a UnionPay card number with a valid Luhn check
        6: "530113-19800101-0014",  # a resident ID number with separators
        7: "530113.198001010014",
    }
    rows = [household(n, **({"户编号": planted[n]} if n in planted else {})) for n in range(1, 10)]
    path = write_xlsx(tmp_path / "hid.xlsx", rows, merges=())
    plan = import_ledger(path)
    d = COL["户编号"]
    refused = {row: why for row, why in plan.refused.items()}
    assert len(refused) == 5 and plan.counts()["taken"] == 4
    why = sorted(refused.values())
    assert why.count(f"column {d} (户编号): a phone number, not a household number; the row "
                     "was not imported") == 2
    assert any("a bank card number" in w for w in why)
    assert sum("resident ID number" in w for w in why) == 2
    register = plan.register()
    stored = b"".join(register.columns["household_id"].tolist())
    for value in planted.values():
        assert value.encode() not in stored


def test_numbers_typed_into_a_header_or_sheet_name_are_not_repeated(tmp_path):
    from dongchuan_gui.model.register.ledger_read import masked

    assert masked("户编号（户主13611112222）") == "户编号（户主…）"
    assert masked("530113198001010014") == "…"
    assert masked("2024年人均纯收入") == "2024年人均纯收入"  # years stay
    assert masked("所属村 530113") == "所属村 530113"  # six digits: a county code stays
    header = [h if h != "户编号" else "户编号（户主13611112222）" for h in HEADER]
    path = write_xlsx(tmp_path / "h.xlsx", [household(n) for n in range(1, 4)],
                      header=header, merges=())
    plan = import_ledger(path)
    assert "13611112222" not in json.dumps(plan.to_dict(), ensure_ascii=False)
    assert "13611112222" not in plan.summary()
    meta = json.dumps(plan.register().meta.to_dict(), ensure_ascii=False)
    assert "13611112222" not in meta
